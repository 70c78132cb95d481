import { useState } from 'react';
import { Alert, Button, Card, Flex, Grid, Typography } from 'antd';
import { FileExclamationOutlined, StopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ON_SITE_MEASURE_LABELS, Permission } from '@hazard-ledger/domain';
import { listMeasures, listOrders, orderKeys } from '../../../api/enforcement-orders-api';
import { Can } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { ImposeMeasureDrawer } from './ImposeMeasureDrawer';
import { IssueOrderDrawer } from './IssueOrderDrawer';
import { MeasuresTable } from './MeasuresTable';
import { OrdersTable } from './OrdersTable';

const PAGE_SIZE = 5;

/**
 * The enterprise's rectification orders and on-site measures on its 执法 tab: measures in force
 * flagged at the top; inspectors issue an order from a signed record, or impose a measure.
 */
export function EnterpriseOrdersSection({ enterprise }: EnterpriseTabProps) {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [orderPage, setOrderPage] = useState({ page: 1, pageSize: PAGE_SIZE });
  const [measurePage, setMeasurePage] = useState({ page: 1, pageSize: PAGE_SIZE });
  const [issuing, setIssuing] = useState({ open: false, seq: 0 });
  const [imposing, setImposing] = useState({ open: false, seq: 0 });

  const orderQuery = { ...orderPage, enterpriseId: enterprise.id };
  const orders = useQuery({
    queryKey: orderKeys.list(orderQuery),
    queryFn: ({ signal }) => listOrders(orderQuery, signal),
    placeholderData: keepPreviousData,
  });
  const measureQuery = { ...measurePage, enterpriseId: enterprise.id };
  const measures = useQuery({
    queryKey: orderKeys.measureList(measureQuery),
    queryFn: ({ signal }) => listMeasures(measureQuery, signal),
    placeholderData: keepPreviousData,
  });
  const activeQuery = { page: 1, pageSize: 50, enterpriseId: enterprise.id, active: true };
  const active = useQuery({
    queryKey: orderKeys.measureList(activeQuery),
    queryFn: ({ signal }) => listMeasures(activeQuery, signal),
  });
  const inForce = (active.data?.items ?? []).filter((m) => m.active);

  return (
    <Card
      title={t('orders.section.title')}
      styles={{
        header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 },
        body: phone ? { padding: 12 } : undefined,
      }}
      extra={
        <Can permission={Permission.EnforcementInspect}>
          <Flex gap={8} wrap>
            <Button
              icon={<FileExclamationOutlined />}
              onClick={() => setIssuing((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('orders.issue')}
            </Button>
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => setImposing((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('orders.impose')}
            </Button>
          </Flex>
        </Can>
      }
    >
      {inForce.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('orders.activeMeasures', { n: inForce.length })}
          description={
            <Flex vertical gap={2}>
              {inForce.map((m) => (
                <span key={m.id}>
                  {label(ON_SITE_MEASURE_LABELS[m.kind])}：{m.subject}（{m.imposedOn}）
                </span>
              ))}
            </Flex>
          }
        />
      ) : null}
      <ErrorAlert error={orders.error ?? measures.error} />
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('orders.tab.orders')}
        </Typography.Title>
        <Link to="/orders">{t('orders.viewAll')}</Link>
      </Flex>
      <OrdersTable
        hideEnterprise
        items={orders.data?.items ?? []}
        loading={orders.isFetching}
        total={orders.data?.total ?? 0}
        page={orderPage.page}
        pageSize={orderPage.pageSize}
        onChange={(page, pageSize) => setOrderPage({ page, pageSize })}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('orders.tab.measures')}
      </Typography.Title>
      <MeasuresTable
        hideEnterprise
        items={measures.data?.items ?? []}
        loading={measures.isFetching}
        total={measures.data?.total ?? 0}
        page={measurePage.page}
        pageSize={measurePage.pageSize}
        onChange={(page, pageSize) => setMeasurePage({ page, pageSize })}
      />
      {issuing.seq > 0 ? (
        <IssueOrderDrawer
          key={`issue-${issuing.seq}`}
          enterpriseId={enterprise.id}
          open={issuing.open}
          onClose={() => setIssuing((d) => ({ ...d, open: false }))}
        />
      ) : null}
      {imposing.seq > 0 ? (
        <ImposeMeasureDrawer
          key={`impose-${imposing.seq}`}
          enterpriseId={enterprise.id}
          open={imposing.open}
          onClose={() => setImposing((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </Card>
  );
}
