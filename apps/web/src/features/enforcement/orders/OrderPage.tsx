import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  List,
  Popconfirm,
  Result,
  Spin,
  Typography,
  theme,
} from 'antd';
import { CheckOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  Permission,
  type OrderDetail,
  type ReinspectionView,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import {
  acknowledgeOrder,
  getOrder,
  orderKeys,
  orderPdfUrl,
  reinspectionPdfUrl,
} from '../../../api/enforcement-orders-api';
import { useCan } from '../../../auth/can';
import { ErrorAlert, errorMessage } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../components/format';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import { HazardLevelTag, HazardStatusTag } from '../../hazards/hazard-labels';
import { OrderStatusTag, OutcomeTag } from './order-labels';
import { ReinspectionForm } from './ReinspectionForm';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/** Where the penalties part opens a new case for a hazard found persisting. */
export function penaltyCaseHref(hazardId: number, enterpriseId: number): string {
  return `/penalty-cases?new=1&hazardId=${hazardId}&enterpriseId=${enterpriseId}`;
}

/**
 * /orders/:id — a rectification order: its hazards (and where each stands in the ledger), the
 * enterprise's receipt, the re-inspection form for inspectors (phone-friendly) or its result,
 * and the PDF documents.
 */
export function OrderPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('orders.notFound')} />;
  return <OrderLoader key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  usePageTitle(title);
  return (
    <Result status="404" title={title} extra={<Link to="/orders">{t('orders.backToList')}</Link>} />
  );
}

function OrderLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: orderKeys.one(id),
    queryFn: ({ signal }) => getOrder(id, signal),
  });
  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, ErrorCode.NotFound) || isApiError(query.error, ErrorCode.Forbidden))
      return <NotFound title={t('orders.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  return <OrderView order={query.data} />;
}

function AcknowledgeButton({ order }: { order: OrderDetail }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => acknowledgeOrder(order.id, { version: order.version }),
    onSuccess: async (done) => {
      void message.success(t('orders.acknowledged'));
      queryClient.setQueryData(orderKeys.one(order.id), done);
      await queryClient.invalidateQueries({ queryKey: orderKeys.all });
    },
    onError: async (e) => {
      void message.error(errorMessage(e, t('common.unexpectedError')));
      await queryClient.invalidateQueries({ queryKey: orderKeys.one(order.id) });
    },
  });
  return (
    <Popconfirm
      title={t('orders.acknowledgeConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => mutation.mutate()}
    >
      <Button type="primary" icon={<CheckOutlined />} loading={mutation.isPending}>
        {t('orders.acknowledge')}
      </Button>
    </Popconfirm>
  );
}

function OrderView({ order: o }: { order: OrderDetail }) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  const phone = !Grid.useBreakpoint().md;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/orders">{t('nav.orders')}</Link> }, { title: o.orderNo }]}
      />
      <PageHeader
        title={o.orderNo}
        extra={
          <>
            {o.availableActions.includes('acknowledge') ? <AcknowledgeButton order={o} /> : null}
            <Button icon={<FilePdfOutlined />} href={orderPdfUrl(o.id)} target="_blank">
              {t('orders.downloadOrder')}
            </Button>
            {o.reinspection ? (
              <Button icon={<FilePdfOutlined />} href={reinspectionPdfUrl(o.id)} target="_blank">
                {t('orders.downloadOpinion')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: phone ? { padding: 12 } : undefined }}>
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          <OrderStatusTag status={o.status} overdue={o.overdue} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'enterprise',
              label: t('orders.enterprise'),
              children: <Link to={`/enterprises/${o.enterpriseId}`}>{o.enterpriseName}</Link>,
            },
            {
              key: 'record',
              label: t('orders.record'),
              children: <Link to={`/inspections/${o.inspectionRecordId}`}>{o.recordNo}</Link>,
            },
            { key: 'issuedOn', label: t('orders.issuedOn'), children: o.issuedOn },
            {
              key: 'deadline',
              label: t('orders.deadline'),
              children: (
                <span style={o.overdue ? { color: token.colorError, fontWeight: 600 } : undefined}>
                  {o.deadline}
                </span>
              ),
            },
            {
              key: 'inspectors',
              label: t('orders.inspectors'),
              children: o.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、'),
            },
            {
              key: 'issuedBy',
              label: t('orders.issuedBy'),
              children: `${o.issuedByName} · ${formatDateTime(o.issuedAt)}`,
            },
            {
              key: 'receipt',
              label: t('orders.receipt'),
              children:
                o.acknowledgedAt && o.acknowledgedByName
                  ? t('orders.acknowledgedBy', {
                      name: o.acknowledgedByName,
                      at: formatDateTime(o.acknowledgedAt),
                    })
                  : t('orders.notAcknowledged'),
            },
            { key: 'basis', label: t('orders.basis'), children: o.basis, span: 'filled' },
            ...(o.note
              ? [
                  {
                    key: 'note',
                    label: t('orders.note'),
                    children: o.note,
                    span: 'filled' as const,
                  },
                ]
              : []),
            {
              key: 'code',
              label: t('orders.verificationCode'),
              span: 'filled' as const,
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {o.verificationCode}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>

      <Card
        title={t('orders.hazards')}
        style={{ marginBottom: 16 }}
        styles={{ body: phone ? { padding: 12 } : undefined }}
      >
        <List
          dataSource={o.items}
          rowKey="id"
          renderItem={(i) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={6} wrap align="center">
                  <span>{i.seq}.</span>
                  <Link to={`/hazards/${i.hazardId}`}>{i.hazardNumber}</Link>
                  <Typography.Text strong>{i.title}</Typography.Text>
                  <HazardLevelTag level={i.level} />
                </Flex>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {i.description}
                </Typography.Paragraph>
                <Typography.Text>
                  {t('orders.requirement')}：{i.requirement}
                </Typography.Text>
                <Flex gap={8} wrap align="center" style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary">{t('orders.ledgerStatus')}</Typography.Text>
                  <HazardStatusTag status={i.hazardStatus} />
                  <Typography.Text type="secondary">
                    {t('orders.hazardDeadline')}：{i.hazardDeadline ?? '—'}
                  </Typography.Text>
                  {i.findingSeq !== null ? (
                    <Typography.Text type="secondary">
                      {t('orders.findingSeq', { n: i.findingSeq })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>

      {o.reinspection ? (
        <ReinspectionResult order={o} reinspection={o.reinspection} />
      ) : o.availableActions.includes('reinspect') ? (
        <ReinspectionForm order={o} />
      ) : null}
    </>
  );
}

function ReinspectionResult({
  order,
  reinspection: r,
}: {
  order: OrderDetail;
  reinspection: ReinspectionView;
}) {
  const { t } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const canPenalise = useCan(Permission.EnforcementPenalty);
  return (
    <Card
      title={t('orders.reinspectionResult')}
      styles={{ body: phone ? { padding: 12 } : undefined }}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'no', label: t('orders.opinionNo'), children: r.opinionNo },
          { key: 'date', label: t('orders.reinspectedOn'), children: r.reinspectedOn },
          {
            key: 'officers',
            label: t('orders.reinspectors'),
            children: r.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、'),
          },
          ...(r.earlyReason
            ? [{ key: 'early', label: t('orders.earlyReason'), children: r.earlyReason }]
            : []),
          { key: 'opinion', label: t('orders.opinion'), children: r.opinion, span: 'filled' },
        ]}
      />
      <List
        dataSource={r.items}
        rowKey="hazardId"
        renderItem={(x) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex gap={6} wrap align="center">
                <Link to={`/hazards/${x.hazardId}`}>{x.hazardNumber}</Link>
                <span>{x.title}</span>
                <OutcomeTag outcome={x.outcome} />
                <HazardStatusTag status={x.hazardStatus} />
              </Flex>
              {x.note ? <Typography.Text>{x.note}</Typography.Text> : null}
              {x.explanation ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('orders.explanation')}：{x.explanation}
                </Typography.Text>
              ) : null}
              {x.outcome === 'persisting' && canPenalise ? (
                <Link to={penaltyCaseHref(x.hazardId, order.enterpriseId)}>
                  {t('orders.openPenaltyCase')}
                </Link>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
