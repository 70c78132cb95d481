import { useState } from 'react';
import { Button, Card, Grid, Pagination, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  Permission,
  type EnforcementMeasureView,
  type PenaltyCaseListItem,
} from '@hazard-ledger/domain';
import { listMeasures, listPenaltyCases, penaltyKeys } from '../../../api/penalties-api';
import { Can, useCan } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocale } from '../../../i18n/locale-context';
import type { EnterpriseTabProps } from '../../enterprises/detail/tab-types';
import { MeasureDrawer } from './MeasureDrawer';
import { MeasureList } from './MeasureList';
import { useCaseColumns } from './PenaltyCasesPage';

/**
 * The enterprise page's 执法 tab: its penalty cases (enterprise users: from the decision on) and
 * the measures against it, with 立案 and 记录措施 for staff who handle penalties.
 */
export function EnterprisePenaltiesSection({ enterprise }: EnterpriseTabProps) {
  const { t } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const canManage = useCan(Permission.EnforcementPenalty);
  const [page, setPage] = useState(1);
  const [measurePage, setMeasurePage] = useState(1);
  const [drawer, setDrawer] = useState<{ seq: number; measure?: EnforcementMeasureView } | null>(
    null,
  );
  const caseQuery = { enterpriseId: enterprise.id, page, pageSize: 10 };
  const cases = useQuery({
    queryKey: penaltyKeys.caseList(caseQuery),
    queryFn: ({ signal }) => listPenaltyCases(caseQuery, signal),
    placeholderData: keepPreviousData,
  });
  const measureQuery = { enterpriseId: enterprise.id, page: measurePage, pageSize: 10 };
  const measures = useQuery({
    queryKey: penaltyKeys.measureList(measureQuery),
    queryFn: ({ signal }) => listMeasures(measureQuery, signal),
    placeholderData: keepPreviousData,
  });
  const columns = useCaseColumns({ phone, hideEnterprise: true });
  const measureTotal = measures.data?.total ?? 0;

  return (
    <>
      <Card
        size="small"
        title={t('penalties.section.enterpriseCases')}
        extra={
          <Can permission={Permission.EnforcementPenalty}>
            <Link to={`/penalty-cases?new=1&enterpriseId=${enterprise.id}`}>
              <Button size="small" icon={<PlusOutlined />}>
                {t('penalties.file')}
              </Button>
            </Link>
          </Can>
        }
      >
        <ErrorAlert error={cases.error} />
        <Table<PenaltyCaseListItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.isFetching}
          scroll={phone ? undefined : { x: 900 }}
          locale={{ emptyText: t('penalties.noCases') }}
          pagination={{
            current: page,
            pageSize: 10,
            total: cases.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
        />
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={t('penalties.section.measures')}
        extra={
          canManage ? (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ seq: (d?.seq ?? 0) + 1 }))}
            >
              {t('penalties.recordMeasure')}
            </Button>
          ) : null
        }
      >
        <ErrorAlert error={measures.error} />
        <MeasureList
          items={measures.data?.items ?? []}
          loading={measures.isFetching}
          canManage={canManage}
          onEdit={(m) => setDrawer((d) => ({ seq: (d?.seq ?? 0) + 1, measure: m }))}
        />
        {measureTotal > 10 ? (
          <Pagination
            size="small"
            align="end"
            current={measurePage}
            pageSize={10}
            total={measureTotal}
            onChange={setMeasurePage}
          />
        ) : null}
      </Card>
      {drawer ? (
        <MeasureDrawer
          key={drawer.seq}
          enterprise={{ id: enterprise.id, name: enterprise.name }}
          measure={drawer.measure}
          open
          onClose={() => setDrawer(null)}
        />
      ) : null}
    </>
  );
}
