import { useState } from 'react';
import {
  Button,
  Checkbox,
  Drawer,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Select,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  Permission,
  SECTOR_LABELS,
  type KeyPeriodEnterpriseRow,
  type KeyPeriodView,
} from '@hazard-ledger/domain';
import {
  leaderDutyKeys,
  listKeyPeriodEnterprises,
  listKeyPeriods,
  voidKeyPeriod,
  type KeyPeriodListQuery,
} from '../../../api/leader-duties-api';
import { Can } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { ReasonModal } from '../../catalogs/ReasonModal';
import { SectorTags } from '../../catalogs/labels';
import { KeyPeriodDutyCard } from './KeyPeriodDutyCard';
import { KeyPeriodFormDrawer } from './KeyPeriodFormDrawer';
import { PeriodStateTag } from './labels';

/**
 * /key-periods — key periods (关键时间节点). Staff: the periods of their territory with the
 * enterprises that missed check-ins, and (bureau, offices) declaring new ones. Enterprise users:
 * the periods addressed to them with the roster and today's check-in.
 */
export function KeyPeriodsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [form, setForm] = useState<{ seq: number; period: KeyPeriodView | null } | null>(null);
  const query: KeyPeriodListQuery = { page, pageSize, year };
  const list = useQuery({
    queryKey: leaderDutyKeys.keyPeriods(query),
    queryFn: ({ signal }) => listKeyPeriods(query, signal),
    placeholderData: keepPreviousData,
  });
  const isEnterprise = Boolean(me?.enterpriseId);

  return (
    <>
      <PageHeader
        title={t('nav.keyPeriods')}
        extra={
          <>
            <Select
              aria-label={t('leaderDuty.year')}
              value={year}
              onChange={(y) => {
                setYear(y);
                setPage(1);
              }}
              style={{ width: 120 }}
              options={[1, 0, -1, -2].map((n) => ({
                value: thisYear + n,
                label: t('leaderDuty.yearN', { year: thisYear + n }),
              }))}
            />
            {isEnterprise ? null : (
              <Can permission={Permission.KeyPeriodManage}>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setForm((f) => ({ seq: (f?.seq ?? 0) + 1, period: null }))}
                >
                  {t('keyPeriod.declare')}
                </Button>
              </Can>
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('keyPeriod.pageHint')}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      {isEnterprise ? (
        <Flex vertical gap={12}>
          {list.data && list.data.items.length === 0 ? (
            <Empty description={t('keyPeriod.none')} />
          ) : null}
          {(list.data?.items ?? []).map((p) => (
            <KeyPeriodDutyCard key={p.id} period={p} />
          ))}
          {(list.data?.total ?? 0) > pageSize ? (
            <Pagination
              current={page}
              pageSize={pageSize}
              total={list.data?.total ?? 0}
              onChange={setPage}
              style={{ alignSelf: 'center' }}
            />
          ) : null}
        </Flex>
      ) : (
        <StaffPeriodTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          pageSize={pageSize}
          onPage={(p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          }}
          onEdit={(period) => setForm((f) => ({ seq: (f?.seq ?? 0) + 1, period }))}
        />
      )}
      {form ? (
        <KeyPeriodFormDrawer key={form.seq} period={form.period} onClose={() => setForm(null)} />
      ) : null}
    </>
  );
}

function StaffPeriodTable(props: {
  items: KeyPeriodView[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number, size: number) => void;
  onEdit: (p: KeyPeriodView) => void;
}) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [detail, setDetail] = useState<KeyPeriodView | null>(null);
  const [voiding, setVoiding] = useState<KeyPeriodView | null>(null);
  const voidMutation = useMutation({
    mutationFn: (args: { p: KeyPeriodView; reason: string }) =>
      voidKeyPeriod(args.p.id, { reason: args.reason, version: args.p.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leaderDutyKeys.all }),
  });

  const stats = (p: KeyPeriodView) =>
    p.stats ? (
      <Typography.Text type={p.stats.enterprisesWithMissed ? 'danger' : undefined}>
        {t('keyPeriod.statsLine', {
          n: p.stats.enterpriseCount,
          m: p.stats.enterprisesWithMissed,
          d: p.stats.missedDays,
        })}
      </Typography.Text>
    ) : null;
  const actions = (p: KeyPeriodView) => (
    <Flex gap={4} wrap>
      <Button type="link" size="small" onClick={() => setDetail(p)}>
        {t('keyPeriod.enterprises')}
      </Button>
      {p.can.edit ? (
        <Button type="link" size="small" onClick={() => props.onEdit(p)}>
          {t('common.edit')}
        </Button>
      ) : null}
      {p.can.void ? (
        <Button type="link" size="small" danger onClick={() => setVoiding(p)}>
          {t('leaderDuty.void')}
        </Button>
      ) : null}
    </Flex>
  );
  const nameColumn: TableColumnsType<KeyPeriodView>[number] = {
    title: t('keyPeriod.name'),
    key: 'name',
    render: (_: unknown, p) => (
      <Flex vertical gap={2}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{p.name}</Typography.Text>
          <PeriodStateTag state={p.state} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.startDate} ~ {p.endDate} · {p.orgUnitName}
        </Typography.Text>
        {phone ? (
          <>
            {stats(p)}
            {actions(p)}
          </>
        ) : null}
      </Flex>
    ),
  };
  const columns: TableColumnsType<KeyPeriodView> = phone
    ? [nameColumn]
    : [
        nameColumn,
        {
          title: t('keyPeriod.sectors'),
          key: 'sectors',
          width: 220,
          render: (_: unknown, p) => <SectorTags sectors={p.sectors} />,
        },
        {
          title: t('keyPeriod.checkInStats'),
          key: 'stats',
          width: 260,
          render: (_, p) => stats(p),
        },
        { title: t('common.actions'), key: 'actions', width: 200, render: (_, p) => actions(p) },
      ];
  return (
    <>
      <Table<KeyPeriodView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        scroll={phone ? undefined : { x: 860 }}
        pagination={{
          current: props.page,
          pageSize: props.pageSize,
          total: props.total,
          showTotal: (total) => t('common.total', { total }),
          onChange: props.onPage,
        }}
      />
      {detail ? <PeriodEnterprisesDrawer period={detail} onClose={() => setDetail(null)} /> : null}
      {voiding ? (
        <ReasonModal
          open
          title={t('keyPeriod.voidTitle', { name: voiding.name })}
          fieldLabel={t('leaderDuty.voidReason')}
          required
          okText={t('leaderDuty.void')}
          danger
          onSubmit={(reason) => voidMutation.mutateAsync({ p: voiding, reason: reason ?? '' })}
          onClose={() => setVoiding(null)}
        />
      ) : null}
    </>
  );
}

/** Which enterprises of a period missed check-ins (within the staff member's reach). */
function PeriodEnterprisesDrawer({
  period,
  onClose,
}: {
  period: KeyPeriodView;
  onClose: () => void;
}) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const [missedOnly, setMissedOnly] = useState(period.state !== 'upcoming');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 20, missedOnly: missedOnly || undefined, q: q || undefined };
  const list = useQuery({
    queryKey: leaderDutyKeys.keyPeriodEnterprises(period.id, query),
    queryFn: ({ signal }) => listKeyPeriodEnterprises(period.id, query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('keyPeriod.enterprisesTitle', { name: period.name })}
      size={screens.md ? 720 : '100%'}
    >
      <Flex wrap gap={12} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('leaderDuty.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
        <Checkbox
          checked={missedOnly}
          onChange={(e) => {
            setMissedOnly(e.target.checked);
            setPage(1);
          }}
        >
          {t('keyPeriod.missedOnly')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<KeyPeriodEnterpriseRow>
        rowKey="enterpriseId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          {
            title: t('leaderDuty.enterprise'),
            key: 'name',
            render: (_: unknown, r) => (
              <Flex vertical gap={2}>
                <Link to={`/enterprises/${r.enterpriseId}?tab=duty-organize`}>
                  {r.enterpriseName}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {label(SECTOR_LABELS[r.sector])} · {r.districtName}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('keyPeriod.rosterDays'),
            key: 'roster',
            width: 90,
            render: (_: unknown, r) => `${r.rosterDays}/${period.dayCount}`,
          },
          {
            title: t('keyPeriod.missedDays'),
            key: 'missed',
            render: (_: unknown, r) =>
              r.missedDays ? (
                <Typography.Text type="danger">
                  {r.missedDays}
                  {screens.sm ? `（${r.missedDates.map((d) => d.slice(5)).join('、')}）` : ''}
                </Typography.Text>
              ) : (
                0
              ),
          },
        ]}
      />
    </Drawer>
  );
}
