import { useState } from 'react';
import { Button, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  Permission,
  PLAN_KIND_LABELS,
  PLAN_KINDS,
  PLAN_STATUS_LABELS,
  PLAN_STATUSES,
  SECTOR_LABELS,
  SECTORS,
  type PlanKind,
  type PlanListItem,
  type PlanStatus,
  type Sector,
} from '@hazard-ledger/domain';
import { listPlans, planKeys, type PlanListQuery } from '../../../api/inspection-plans-api';
import { useCan } from '../../../auth/can';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { SectorTags } from '../../catalogs/labels';
import { PlanFlags, PlanKindTag, PlanStatusTag } from './plan-labels';
import { PlanFormDrawer } from './PlanFormDrawer';

/**
 * /inspection-plans — the plans of the caller's territory (and those they were drawn for), with
 * filters, and the form to make a new one. Enterprise users never get here (route permission
 * EnforcementPlan); they see the announced visits on their enterprise page.
 */
export function InspectionPlansPage() {
  const { t, label } = useLocale();
  const canPlan = useCan(Permission.EnforcementPlan);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PlanStatus | undefined>();
  const [kind, setKind] = useState<PlanKind | undefined>();
  const [sector, setSector] = useState<Sector | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });
  const phone = !Grid.useBreakpoint().md;

  const query: PlanListQuery = { page, pageSize, q: q || undefined, status, kind, sector };
  const list = useQuery({
    queryKey: planKeys.list(query),
    queryFn: ({ signal }) => listPlans(query, signal),
    placeholderData: keepPreviousData,
  });

  const period = (p: PlanListItem) =>
    t('plans.periodValue', { start: p.startDate, end: p.endDate });
  const progress = (p: PlanListItem) =>
    p.targetCount > 0
      ? t('plans.progressValue', { done: p.inspectedCount, total: p.targetCount })
      : '—';

  const nameColumn: TableColumnsType<PlanListItem>[number] = {
    title: t('plans.name'),
    key: 'name',
    render: (_: unknown, p) => (
      <Flex vertical gap={4}>
        <Link to={`/inspection-plans/${p.id}`} style={{ fontWeight: 500 }}>
          {p.name}
        </Link>
        <Flex gap={4} wrap>
          <PlanKindTag kind={p.kind} />
          <PlanFlags unannounced={p.unannounced} crossArea={p.crossArea} />
          {phone ? <PlanStatusTag status={p.status} /> : null}
        </Flex>
        {phone ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {period(p)} · {p.orgUnitName} · {progress(p)}
          </Typography.Text>
        ) : null}
      </Flex>
    ),
  };
  const columns: TableColumnsType<PlanListItem> = phone
    ? [nameColumn]
    : [
        nameColumn,
        {
          title: t('plans.period'),
          key: 'period',
          width: 220,
          render: (_: unknown, p) => period(p),
        },
        {
          title: t('plans.sectors'),
          key: 'sectors',
          width: 200,
          render: (_: unknown, p) => <SectorTags sectors={p.sectors} />,
        },
        { title: t('plans.orgUnit'), dataIndex: 'orgUnitName', key: 'org', width: 160 },
        {
          title: t('plans.status'),
          key: 'status',
          width: 130,
          render: (_: unknown, p) => <PlanStatusTag status={p.status} />,
        },
        {
          title: t('plans.progress'),
          key: 'progress',
          width: 130,
          render: (_: unknown, p) => progress(p),
        },
      ];

  const resetPage =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  return (
    <>
      <PageHeader
        title={t('nav.inspectionPlans')}
        extra={
          canPlan ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('plans.create')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('plans.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 280, maxWidth: '100%' }}
        />
        <Select<PlanStatus>
          aria-label={t('plans.status')}
          allowClear
          placeholder={t('plans.allStatuses')}
          value={status}
          onChange={resetPage(setStatus)}
          options={PLAN_STATUSES.map((s) => ({ value: s, label: label(PLAN_STATUS_LABELS[s]) }))}
          style={{ width: 150 }}
        />
        <Select<PlanKind>
          aria-label={t('plans.kind')}
          allowClear
          placeholder={t('plans.allKinds')}
          value={kind}
          onChange={resetPage(setKind)}
          options={PLAN_KINDS.map((k) => ({ value: k, label: label(PLAN_KIND_LABELS[k]) }))}
          style={{ width: 160 }}
        />
        <Select<Sector>
          aria-label={t('plans.sectors')}
          allowClear
          placeholder={t('plans.allSectors')}
          value={sector}
          onChange={resetPage(setSector)}
          options={SECTORS.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
          style={{ width: 160 }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<PlanListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
      {drawer.seq > 0 ? (
        <PlanFormDrawer
          key={drawer.seq}
          open={drawer.open}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </>
  );
}
