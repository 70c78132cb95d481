import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Result,
  Spin,
  Table,
  Timeline,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  Permission,
  PLAN_ACTION_LABELS,
  PLAN_KIND_SELECTION,
  type DrawVerification,
  type PlanAction,
  type PlanDetail,
  type PlanTarget,
} from '@hazard-ledger/domain';
import { isApiError } from '../../../api/client';
import {
  getPlan,
  planKeys,
  planTargetsExportUrl,
  startPlan,
  verifyDraw,
} from '../../../api/inspection-plans-api';
import { useCan } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { usePageTitle } from '../../../components/usePageTitle';
import { useLocale } from '../../../i18n/locale-context';
import type { MessageKey } from '../../../i18n/messages';
import { SectorTags } from '../../catalogs/labels';
import { AssignTargetsDrawer } from './AssignTargetsDrawer';
import { CancelModal, CompleteModal, DrawModal } from './PlanActionModals';
import { PlanFlags, PlanKindTag, PlanStatusTag, TargetStatusTag } from './plan-labels';
import { usePlanUpdates } from './plan-cache';
import { PlanFormDrawer } from './PlanFormDrawer';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/**
 * /inspection-plans/:id — a plan: its facts, the draw (seed shown, re-run to verify), the
 * targets with their inspector pairs and the link to fill in the inspection record, the actions
 * the caller may take now, and the history. Enterprise users reach only an announced plan that
 * visits them, and see their own target without the inspectors.
 */
export function InspectionPlanPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('plans.notFound')} />;
  return <PlanLoader key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  const canList = useCan(Permission.EnforcementPlan);
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      extra={canList ? <Link to="/inspection-plans">{t('plans.backToList')}</Link> : null}
    />
  );
}

function PlanLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const { me } = useSession();
  const query = useQuery({
    queryKey: planKeys.one(id),
    queryFn: ({ signal }) => getPlan(id, signal),
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
      return <NotFound title={t('plans.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  // The server never sends an unannounced plan to an enterprise user; should one arrive anyway,
  // it is not shown.
  if (me?.enterpriseId != null && query.data.unannounced)
    return <NotFound title={t('plans.notFound')} />;
  return <PlanView plan={query.data} />;
}

type Dialog = 'edit' | 'draw' | 'assign' | 'complete' | 'cancel' | null;

function PlanView({ plan: p }: { plan: PlanDetail }) {
  const { t, label } = useLocale();
  const { modal, message } = AntApp.useApp();
  const { apply, fail } = usePlanUpdates(p.id);
  const canList = useCan(Permission.EnforcementPlan);
  const canInspect = useCan(Permission.EnforcementInspect);
  const { me } = useSession();
  const enterpriseSide = me?.enterpriseId != null;
  const phone = !Grid.useBreakpoint().md;
  const [dialog, setDialog] = useState<{ kind: Dialog; seq: number }>({ kind: null, seq: 0 });
  const openDialog = (kind: Dialog) => setDialog((d) => ({ kind, seq: d.seq + 1 }));
  const closeDialog = () => setDialog((d) => ({ ...d, kind: null }));

  const start = useMutation({
    mutationFn: () => startPlan(p.id, p.version),
    onSuccess: async (started) => {
      await apply(started);
      void message.success(t('plans.started'));
    },
    onError: fail,
  });

  const runAction = (action: PlanAction) => {
    if (action === 'start') {
      modal.confirm({
        title: t('plans.startConfirm'),
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => start.mutateAsync().catch(() => undefined),
      });
      return;
    }
    openDialog(action);
  };

  const period = t('plans.periodValue', { start: p.startDate, end: p.endDate });
  const open = p.status === 'assigned' || p.status === 'in_progress';

  return (
    <>
      {canList ? (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            { title: <Link to="/inspection-plans">{t('nav.inspectionPlans')}</Link> },
            { title: t('plans.detail') },
          ]}
        />
      ) : null}
      <PageHeader
        title={p.name}
        extra={
          <>
            {p.availableActions.map((a) => (
              <Button
                key={a}
                type={a === 'draw' || a === 'assign' ? 'primary' : 'default'}
                danger={a === 'cancel'}
                loading={a === 'start' && start.isPending}
                onClick={() => runAction(a)}
              >
                {label(PLAN_ACTION_LABELS[a])}
              </Button>
            ))}
            {p.can.export ? (
              <Button icon={<DownloadOutlined />} href={planTargetsExportUrl(p.id)}>
                {t('plans.export')}
              </Button>
            ) : null}
          </>
        }
      />
      {p.unannounced && !enterpriseSide ? (
        <Alert
          type="warning"
          showIcon
          title={t('plans.unannouncedBanner')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {p.status === 'cancelled' && p.cancelReason ? (
        <Alert
          type="info"
          showIcon
          title={t('plans.cancelledBanner', { reason: p.cancelReason })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'kind',
              label: t('plans.kind'),
              children: (
                <Flex gap={4} wrap>
                  <PlanKindTag kind={p.kind} />
                  <PlanFlags
                    unannounced={p.unannounced && !enterpriseSide}
                    crossArea={p.crossArea}
                  />
                </Flex>
              ),
            },
            {
              key: 'status',
              label: t('plans.status'),
              children: <PlanStatusTag status={p.status} />,
            },
            { key: 'period', label: t('plans.period'), children: period },
            {
              key: 'sectors',
              label: t('plans.sectors'),
              children: <SectorTags sectors={p.sectors} />,
            },
            { key: 'org', label: t('plans.orgUnit'), children: p.orgUnitName },
            ...(enterpriseSide
              ? []
              : [
                  ...(p.enterpriseCount !== null
                    ? [
                        {
                          key: 'count',
                          label: t('plans.enterpriseCount'),
                          children: p.enterpriseCount,
                        },
                      ]
                    : []),
                  {
                    key: 'per',
                    label: t('plans.inspectorsPerTarget'),
                    children: p.inspectorsPerTarget,
                  },
                  ...(p.departments.length > 0
                    ? [
                        {
                          key: 'dep',
                          label: t('plans.departments'),
                          children: p.departments.join('、'),
                        },
                      ]
                    : []),
                  {
                    key: 'progress',
                    label: t('plans.progress'),
                    children: t('plans.progressValue', {
                      done: p.inspectedCount,
                      total: p.targetCount,
                    }),
                  },
                  {
                    key: 'by',
                    label: t('plans.createdBy'),
                    children: `${p.createdByName} · ${formatDateTime(p.createdAt)}`,
                  },
                  ...(p.note ? [{ key: 'note', label: t('plans.note'), children: p.note }] : []),
                  ...(p.completionNote
                    ? [
                        {
                          key: 'cnote',
                          label: t('plans.completionNote'),
                          children: p.completionNote,
                        },
                      ]
                    : []),
                ]),
          ]}
        />
      </Card>

      {enterpriseSide && !p.draw ? null : <DrawCard plan={p} />}

      <TargetsCard
        plan={p}
        showInspectors={!enterpriseSide}
        canFill={canInspect && open && !enterpriseSide}
        phone={phone}
      />

      {p.history.length > 0 ? (
        <Card title={t('plans.history')} style={{ marginBottom: 16 }}>
          <Timeline
            items={p.history.map((h) => ({
              key: h.id,
              content: (
                <Flex vertical gap={2}>
                  <span>
                    {eventLabel(t, h.action)} · {h.actorName ?? t('plans.system')}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(h.at)}
                  </Typography.Text>
                  {h.note ? (
                    <Typography.Text style={{ fontSize: 13 }}>{h.note}</Typography.Text>
                  ) : null}
                </Flex>
              ),
            }))}
          />
        </Card>
      ) : null}

      {dialog.kind === 'edit' ? (
        <PlanFormDrawer key={dialog.seq} open plan={p} onClose={closeDialog} />
      ) : null}
      {dialog.kind === 'draw' ? (
        <DrawModal key={dialog.seq} open plan={p} onClose={closeDialog} />
      ) : null}
      {dialog.kind === 'assign' ? (
        <AssignTargetsDrawer key={dialog.seq} open plan={p} onClose={closeDialog} />
      ) : null}
      {dialog.kind === 'complete' ? (
        <CompleteModal key={dialog.seq} open plan={p} onClose={closeDialog} />
      ) : null}
      {dialog.kind === 'cancel' ? (
        <CancelModal key={dialog.seq} open plan={p} onClose={closeDialog} />
      ) : null}
    </>
  );
}

const EVENT_KEYS: Record<string, MessageKey> = {
  created: 'plans.event.created',
  edited: 'plans.event.edited',
  drawn: 'plans.event.drawn',
  assigned: 'plans.event.assigned',
  start: 'plans.event.start',
  complete: 'plans.event.complete',
  cancel: 'plans.event.cancel',
  target_inspected: 'plans.event.target_inspected',
};

function eventLabel(t: (key: MessageKey) => string, action: string): string {
  const key = EVENT_KEYS[action];
  return key ? t(key) : action;
}

/** The seed and the facts of the draw, and the button that re-runs it. */
function DrawCard({ plan: p }: { plan: PlanDetail }) {
  const { t } = useLocale();
  const [result, setResult] = useState<DrawVerification | null>(null);
  const verify = useMutation({
    mutationFn: () => verifyDraw(p.id),
    onSuccess: setResult,
  });
  const manual = PLAN_KIND_SELECTION[p.kind] === 'manual' || (p.status !== 'draft' && !p.draw);
  return (
    <Card
      title={t('plans.drawCard')}
      style={{ marginBottom: 16 }}
      extra={
        p.can.verify ? (
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('plans.verify')}
          </Button>
        ) : null
      }
    >
      {p.draw ? (
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'seed',
              label: t('plans.seed'),
              children: (
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {p.draw.seed}
                </Typography.Text>
              ),
            },
            { key: 'alg', label: t('plans.algorithm'), children: p.draw.algorithm },
            {
              key: 'by',
              label: t('plans.drawnBy'),
              children: [p.draw.drawnByName, formatDateTime(p.draw.drawnAt)]
                .filter(Boolean)
                .join(' · '),
            },
            {
              key: 'pool',
              label: t('plans.pool'),
              children: t('plans.poolValue', {
                enterprises: p.draw.eligibleEnterprises,
                inspectors: p.draw.eligibleInspectors,
                without: p.draw.ineligibleInspectors,
              }),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">
          {manual ? t('plans.manualTargets') : t('plans.notDrawn')}
        </Typography.Text>
      )}
      <ErrorAlert error={verify.error} style={{ marginTop: 16, marginBottom: 0 }} />
      {result ? (
        <Alert
          role="status"
          type={result.same ? 'success' : 'error'}
          showIcon
          title={t(result.same ? 'plans.verifySame' : 'plans.verifyDifferent')}
          description={result.error ?? undefined}
          style={{ marginTop: 16 }}
        />
      ) : null}
    </Card>
  );
}

/** The targets with their inspector pairs and the link to the inspection record. */
function TargetsCard({
  plan: p,
  showInspectors,
  canFill,
  phone,
}: {
  plan: PlanDetail;
  showInspectors: boolean;
  canFill: boolean;
  phone: boolean;
}) {
  const { t } = useLocale();
  const inspectorsOf = (x: PlanTarget) =>
    x.inspectors.length === 0
      ? '—'
      : x.inspectors
          .map((i) => `${i.name}（${i.certificateNo ?? t('plans.noCertificate')}）`)
          .join('、');
  const recordLink = (x: PlanTarget) =>
    x.recordId !== null ? (
      <Link to={`/inspections/${x.recordId}`}>{t('plans.openRecord')}</Link>
    ) : canFill ? (
      <Link to={`/inspections/new?planId=${p.id}&targetId=${x.id}`}>{t('plans.fillRecord')}</Link>
    ) : null;

  const enterpriseCell = (x: PlanTarget) => (
    <Flex vertical gap={2}>
      <Link to={`/enterprises/${x.enterpriseId}`}>{x.enterpriseName}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {x.districtName}
      </Typography.Text>
    </Flex>
  );
  const columns: TableColumnsType<PlanTarget> = phone
    ? [
        { title: t('plans.seq'), dataIndex: 'seq', key: 'seq', width: 48 },
        {
          title: t('plans.enterprise'),
          key: 'enterprise',
          render: (_: unknown, x) => (
            <Flex vertical gap={4}>
              {enterpriseCell(x)}
              {showInspectors ? (
                <Typography.Text style={{ fontSize: 12 }}>{inspectorsOf(x)}</Typography.Text>
              ) : null}
              <Flex gap={8} align="center" wrap>
                <TargetStatusTag status={x.status} />
                {recordLink(x)}
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('plans.seq'), dataIndex: 'seq', key: 'seq', width: 64 },
        {
          title: t('plans.enterprise'),
          key: 'enterprise',
          render: (_: unknown, x) => enterpriseCell(x),
        },
        ...(showInspectors
          ? [
              {
                title: t('plans.inspectors'),
                key: 'inspectors',
                width: 320,
                render: (_: unknown, x: PlanTarget) => inspectorsOf(x),
              },
            ]
          : []),
        {
          title: t('plans.targetStatus'),
          key: 'status',
          width: 110,
          render: (_: unknown, x) => <TargetStatusTag status={x.status} />,
        },
        {
          title: t('common.actions'),
          key: 'record',
          width: 140,
          render: (_: unknown, x) => recordLink(x),
        },
      ];
  return (
    <Card
      title={t('plans.targets')}
      style={{ marginBottom: 16 }}
      styles={{ body: phone ? { padding: 8 } : undefined }}
    >
      <Table<PlanTarget>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={p.targets}
        pagination={p.targets.length > 50 ? { pageSize: 50 } : false}
        locale={{ emptyText: t('plans.noTargets') }}
        scroll={phone ? undefined : { x: 760 }}
      />
    </Card>
  );
}
