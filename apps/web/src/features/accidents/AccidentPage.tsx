import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Result,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, FileExcelOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ACCIDENT_TYPE_LABELS,
  type AccidentDetail,
  ErrorCode,
  INSPECTION_RECORD_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  PENALTY_CASE_STATUS_LABELS,
  SECTOR_LABELS,
  type TraceBack,
  type TraceHazard,
  type TraceInspection,
} from '@hazard-ledger/domain';
import {
  accidentKeys,
  getAccident,
  getTraceBack,
  traceBackXlsxUrl,
  voidAccident,
} from '../../api/accidents-api';
import { isApiError } from '../../api/client';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import { HazardLevelTag, HazardStatusTag } from '../hazards/hazard-labels';
import { AccidentFormDrawer } from './AccidentFormDrawer';
import { AccidentLevelTag, AccidentStatusTag, fenToYuanText } from './accident-labels';

type Labels = Record<string, { zh: string; en: string } | undefined>;

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/**
 * /accidents/:id — the facts of an accident and its responsibility trace-back: the inspections of
 * the two years before, who signed them, what they found and where each hazard stood when the
 * accident happened, the open hazards of the same catalog items, and the cases and orders.
 */
export function AccidentPage() {
  const id = parseId(useParams().id);
  if (id === null) return <NotFound />;
  return <AccidentLoader key={id} id={id} />;
}

function NotFound() {
  const { t } = useLocale();
  usePageTitle(t('nav.accident'));
  return (
    <Result
      status="404"
      title={t('common.notFoundText')}
      extra={<Link to="/accidents">{t('nav.accidents')}</Link>}
    />
  );
}

function AccidentLoader({ id }: { id: number }) {
  const query = useQuery({
    queryKey: accidentKeys.one(id),
    queryFn: ({ signal }) => getAccident(id, signal),
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
      return <NotFound />;
    return <ErrorAlert error={query.error} />;
  }
  return <AccidentView accident={query.data} />;
}

function VoidModal({
  accident,
  open,
  onClose,
}: {
  accident: AccidentDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const mutation = useMutation({
    mutationFn: (reason: string) =>
      voidAccident(accident.id, { reason, version: accident.version }),
    onSuccess: async (done) => {
      void message.success(t('accidents.voidDone'));
      queryClient.setQueryData(accidentKeys.one(accident.id), done);
      await queryClient.invalidateQueries({ queryKey: accidentKeys.all });
      onClose();
    },
    onError: (e) => {
      form.setFields([{ name: 'reason', errors: [errorMessage(e, t('common.unexpectedError'))] }]);
    },
  });
  return (
    <Modal
      open={open}
      title={t('accidents.voidTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('accidents.void')}
      okButtonProps={{ danger: true, loading: mutation.isPending }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v.reason.trim())}>
        <Form.Item
          label={t('accidents.voidReason')}
          name="reason"
          rules={[
            {
              required: true,
              message: t('accidents.required', { field: t('accidents.voidReason') }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AccidentView({ accident: a }: { accident: AccidentDetail }) {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const title = `${a.enterpriseName} ${formatDateTime(a.occurredAt)}`;
  usePageTitle(title);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/accidents">{t('nav.accidents')}</Link> },
          { title: t('nav.accident') },
        ]}
      />
      <PageHeader
        title={title}
        extra={
          <>
            <Button icon={<FileExcelOutlined />} href={traceBackXlsxUrl(a.id)} target="_blank">
              {t('trace.export')}
            </Button>
            {a.canManage ? (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                  {t('common.edit')}
                </Button>
                <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)}>
                  {t('accidents.void')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      {a.status === 'voided' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('accidents.voided', {
            at: formatDateTime(a.voidedAt),
            by: a.voidedByName ?? '—',
            reason: a.voidReason ?? '—',
          })}
        />
      ) : null}
      <Card
        title={t('accidents.facts')}
        style={{ marginBottom: 16 }}
        styles={{ body: phone ? { padding: 12 } : undefined }}
      >
        <Flex gap={4} wrap style={{ marginBottom: 12 }}>
          <AccidentLevelTag level={a.level} />
          <AccidentStatusTag status={a.status} />
        </Flex>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'enterprise',
              label: t('accidents.enterprise'),
              children: (
                <Link to={`/enterprises/${a.enterpriseId}`}>
                  {a.enterpriseName}（{a.districtName} · {label(SECTOR_LABELS[a.sector])}）
                </Link>
              ),
            },
            {
              key: 'occurredAt',
              label: t('accidents.occurredAt'),
              children: formatDateTime(a.occurredAt),
            },
            {
              key: 'type',
              label: t('accidents.type'),
              children: label(ACCIDENT_TYPE_LABELS[a.type]),
            },
            { key: 'place', label: t('accidents.place'), children: a.place ?? '—' },
            {
              key: 'casualties',
              label: t('accidents.col.casualties'),
              children: t('accidents.casualties', {
                d: a.deaths,
                s: a.seriousInjuries,
                m: a.minorInjuries,
              }),
            },
            {
              key: 'loss',
              label: t('accidents.col.loss'),
              children: t('accidents.yuan', { v: fenToYuanText(a.directLossFen) }),
            },
            {
              key: 'suggested',
              label: t('accidents.suggestedLevel'),
              children: <AccidentLevelTag level={a.suggestedLevel} />,
            },
            ...(a.levelReason
              ? [{ key: 'reason', label: t('accidents.levelReason'), children: a.levelReason }]
              : []),
            {
              key: 'recorded',
              label: t('accidents.recordedBy'),
              children: `${a.createdByName} · ${formatDateTime(a.createdAt)}`,
            },
            {
              key: 'report',
              label: t('accidents.report'),
              span: 'filled',
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {a.report}
                </Typography.Paragraph>
              ),
            },
          ]}
        />
      </Card>
      <TraceBackSection accidentId={a.id} />
      {a.canManage ? (
        <>
          <AccidentFormDrawer open={editing} onClose={() => setEditing(false)} editing={a} />
          <VoidModal accident={a} open={voiding} onClose={() => setVoiding(false)} />
        </>
      ) : null}
    </>
  );
}

function HazardCell({ hazard }: { hazard: TraceHazard }) {
  return (
    <Flex vertical gap={0}>
      <Link to={`/hazards/${hazard.hazardId}`}>{hazard.number}</Link>
      <span>{hazard.title}</span>
    </Flex>
  );
}

function hazardColumns(
  t: ReturnType<typeof useLocale>['t'],
  extra: TableColumnsType<TraceHazard> = [],
): TableColumnsType<TraceHazard> {
  return [
    { title: t('trace.hazard'), key: 'hazard', render: (_, h) => <HazardCell hazard={h} /> },
    {
      title: t('hazards.level'),
      key: 'level',
      width: 120,
      render: (_, h) => <HazardLevelTag level={h.level} />,
    },
    {
      title: t('trace.item'),
      key: 'item',
      width: 130,
      render: (_, h) => h.catalogItemCode ?? '—',
    },
    ...extra,
    {
      title: t('trace.statusAt'),
      key: 'at',
      width: 150,
      render: (_, h) => (
        <span data-testid={`status-at-${h.hazardId}`}>
          <HazardStatusTag status={h.statusAtAccident} />
        </span>
      ),
    },
    {
      title: t('trace.statusNow'),
      key: 'now',
      width: 150,
      render: (_, h) => <HazardStatusTag status={h.currentStatus} />,
    },
  ];
}

function InspectionCard({ record }: { record: TraceInspection }) {
  const { t, label } = useLocale();
  const people = (list: TraceInspection['signers']) =>
    list.length ? list.map((p) => `${p.name}（${p.certificateNo}）`).join('、') : null;
  const findings = record.findings.flatMap((f) => (f.hazard ? [f.hazard] : []));
  const unlinked = record.findings.length - findings.length;
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Flex gap={8} wrap align="center">
          <Link to={`/inspections/${record.id}`}>{record.recordNo}</Link>
          <Tag style={{ marginInlineEnd: 0 }}>
            {label((INSPECTION_RECORD_STATUS_LABELS as Labels)[record.status]) || record.status}
          </Tag>
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'startedAt',
            label: t('trace.startedAt'),
            children: `${formatDateTime(record.startedAt)} – ${formatDateTime(record.endedAt)}`,
          },
          { key: 'place', label: t('accidents.place'), children: record.place },
          {
            key: 'inspectors',
            label: t('trace.inspectors'),
            children: people(record.inspectors) ?? '—',
          },
          {
            key: 'signers',
            label: t('trace.signers'),
            children: people(record.signers) ?? (
              <Typography.Text type="danger">{t('trace.noSigners')}</Typography.Text>
            ),
          },
        ]}
      />
      <Typography.Text strong style={{ display: 'block', margin: '8px 0' }}>
        {t('trace.findings')}
      </Typography.Text>
      {findings.length === 0 && unlinked === 0 ? (
        <Typography.Text type="secondary">{t('trace.noFindings')}</Typography.Text>
      ) : (
        <Table<TraceHazard>
          rowKey="hazardId"
          size="small"
          pagination={false}
          columns={hazardColumns(t)}
          dataSource={findings}
          scroll={{ x: 760 }}
          footer={unlinked > 0 ? () => t('trace.unlinked', { n: unlinked }) : undefined}
        />
      )}
    </Card>
  );
}

function TraceBackSection({ accidentId }: { accidentId: number }) {
  const { t } = useLocale();
  const query = useQuery({
    queryKey: accidentKeys.traceBack(accidentId),
    queryFn: ({ signal }) => getTraceBack(accidentId, signal),
  });
  if (query.isPending)
    return (
      <Card title={t('trace.title')}>
        <Spin />
      </Card>
    );
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <TraceBackView trace={query.data} />;
}

function TraceBackView({ trace }: { trace: TraceBack }) {
  const { t, label } = useLocale();
  type SameItem = TraceBack['sameItemOpenHazards'][number];
  type CaseRow = TraceBack['penaltyCases'][number];
  type OrderRow = TraceBack['orders'][number];
  const sameItemColumns = hazardColumns(t, [
    { title: t('trace.foundAt'), dataIndex: 'foundAt', key: 'foundAt', width: 110 },
    {
      title: t('trace.deadline'),
      key: 'deadline',
      width: 110,
      render: (_, h) => h.deadline ?? '—',
    },
  ]) as TableColumnsType<SameItem>;
  sameItemColumns.push({
    title: '',
    key: 'found',
    width: 100,
    render: (_, h) =>
      h.foundByInspection ? <Tag color="blue">{t('trace.foundByInspection')}</Tag> : null,
  });
  return (
    <Card title={t('trace.title')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        {t('trace.intro', {
          from: formatDateTime(trace.windowFrom),
          to: formatDateTime(trace.windowTo),
        })}
      </Typography.Paragraph>

      <Typography.Title level={5}>
        {t('trace.inspections', { n: trace.inspections.length })}
      </Typography.Title>
      {trace.inspections.length === 0 ? (
        <Empty description={t('trace.noInspections')} />
      ) : (
        trace.inspections.map((r) => <InspectionCard key={r.id} record={r} />)
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('trace.sameItem', { n: trace.sameItemOpenHazards.length })}
      </Typography.Title>
      <Table<SameItem>
        rowKey="hazardId"
        size="small"
        pagination={false}
        columns={sameItemColumns}
        dataSource={trace.sameItemOpenHazards}
        locale={{ emptyText: t('trace.sameItemEmpty') }}
        scroll={{ x: 960 }}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('trace.cases', { n: trace.penaltyCases.length })}
      </Typography.Title>
      <Table<CaseRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={trace.penaltyCases}
        locale={{ emptyText: t('trace.sameItemEmpty') }}
        columns={[
          {
            title: t('trace.caseNo'),
            key: 'no',
            render: (_, c) => <Link to={`/penalty-cases/${c.id}`}>{c.caseNo}</Link>,
          },
          { title: t('trace.filedOn'), dataIndex: 'filedOn', key: 'filedOn', width: 110 },
          { title: t('trace.matter'), dataIndex: 'matter', key: 'matter' },
          {
            title: t('trace.status'),
            key: 'status',
            width: 140,
            render: (_, c) => label((PENALTY_CASE_STATUS_LABELS as Labels)[c.status]) || c.status,
          },
        ]}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('trace.orders', { n: trace.orders.length })}
      </Typography.Title>
      <Table<OrderRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={trace.orders}
        locale={{ emptyText: t('trace.sameItemEmpty') }}
        columns={[
          {
            title: t('trace.orderNo'),
            key: 'no',
            render: (_, o) => <Link to={`/orders/${o.id}`}>{o.orderNo}</Link>,
          },
          { title: t('trace.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
          { title: t('trace.deadline'), dataIndex: 'deadline', key: 'deadline', width: 110 },
          {
            title: t('trace.status'),
            key: 'status',
            width: 140,
            render: (_, o) => label((ORDER_STATUS_LABELS as Labels)[o.status]) || o.status,
          },
        ]}
      />
    </Card>
  );
}
