import { useState } from 'react';
import { Button, Card, Flex, Grid, Input, Select, Switch, Tabs, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import {
  Permission,
  SECTOR_LABELS,
  SECTORS,
  TIP_CHANNEL_LABELS,
  TIP_CHANNELS,
  TIP_STATUS_LABELS,
  TIP_STATUSES,
  type Sector,
  type TipChannel,
  type TipStatus,
} from '@hazard-ledger/domain';
import { listTips, tipExportUrl, tipKeys, type TipFilters } from '../../../api/tips-api';
import { Can, useCan } from '../../../auth/can';
import { useSession } from '../../../auth/session-context';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { useDistricts } from '../../enterprises/use-districts';
import { TipEntryDrawer } from './TipEntryDrawer';
import {
  activeTipFilters,
  tipStateFromParams,
  tipStateToParams,
  toTipQuery,
  type TipListState,
} from './tip-query';
import { TipTable } from './TipTable';

const ALL = 'all';

/**
 * /tips — 举报受理: counts per status as tabs, filters (channel, sector, district, overdue,
 * assigned to me) kept in the URL, the export of the filtered register (no identity field), and
 * the "登记举报" drawer for tips from the hotline, phone, letters and visits.
 */
export function TipsPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const canOrg = useCan(Permission.OrgRead);
  const canManage = useCan(Permission.TipManage);
  const districts = useDistricts(canOrg);
  const [params, setParams] = useSearchParams();
  const state = tipStateFromParams(params);
  const { filters } = state;
  const [search, setSearch] = useState(filters.q ?? '');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [entry, setEntry] = useState({ open: false, seq: 0 });

  const query = toTipQuery(state);
  const list = useQuery({
    queryKey: tipKeys.list(query),
    queryFn: ({ signal }) => listTips(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (next: TipListState) => setParams(tipStateToParams(next), { replace: true });
  const setFilter = (patch: TipFilters) =>
    update({ ...state, filters: { ...filters, ...patch }, page: 1 });

  const counts = list.data?.countsByStatus ?? {};
  const allCount = TIP_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const sectorChoices: readonly Sector[] =
    me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const filterWidth = (w: number) => (screens.sm ? { width: w } : { width: '100%' });
  const { q: _q, status: _s, ...rest } = activeTipFilters(filters);
  const activeCount = Object.keys(rest).length;
  const showFilters = screens.md || filtersOpen;

  return (
    <>
      <PageHeader
        title={t('tips.title')}
        extra={
          <>
            <Can permission={Permission.TipManage}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEntry((e) => ({ open: true, seq: e.seq + 1 }))}
              >
                {t('tips.entry.open')}
              </Button>
            </Can>
            <Tooltip title={t('tips.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={tipExportUrl(activeTipFilters(filters))}
                download
              >
                {t('tips.export')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          id="tipSearch"
          aria-label={t('common.search')}
          placeholder={t('tips.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
          style={{ width: screens.md ? 280 : '100%' }}
        />
        {screens.md ? null : (
          <Button
            icon={<FilterOutlined />}
            aria-expanded={filtersOpen}
            aria-controls="tipFilters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {activeCount > 0 ? t('tips.filtersCount', { n: activeCount }) : t('tips.filters')}
          </Button>
        )}
        {showFilters ? (
          <Flex
            id="tipFilters"
            wrap
            gap={8}
            align="center"
            style={screens.md ? { display: 'contents' } : { width: '100%' }}
          >
            <Select<TipChannel>
              id="tipChannelFilter"
              aria-label={t('tips.filterChannel')}
              placeholder={t('tips.filterChannel')}
              allowClear
              value={filters.channel}
              onChange={(v) => setFilter({ channel: v })}
              options={TIP_CHANNELS.map((c) => ({ value: c, label: label(TIP_CHANNEL_LABELS[c]) }))}
              style={filterWidth(140)}
            />
            <Select<Sector>
              id="tipSectorFilter"
              aria-label={t('tips.filterSector')}
              placeholder={t('tips.filterSector')}
              allowClear
              value={filters.sector}
              onChange={(v) => setFilter({ sector: v })}
              options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
              style={filterWidth(140)}
            />
            {canOrg && districts.options.length > 1 ? (
              <Select<number>
                id="tipDistrictFilter"
                aria-label={t('tips.filterDistrict')}
                placeholder={t('tips.filterDistrict')}
                allowClear
                value={filters.districtId}
                onChange={(v) => setFilter({ districtId: v })}
                options={districts.options}
                loading={districts.loading}
                style={filterWidth(170)}
                popupMatchSelectWidth={false}
              />
            ) : null}
            <Select<string>
              id="tipOverdueFilter"
              aria-label={t('tips.filterOverdue')}
              placeholder={t('tips.filterOverdue')}
              allowClear
              value={filters.overdue === undefined ? undefined : String(filters.overdue)}
              onChange={(v) => setFilter({ overdue: v === undefined ? undefined : v === 'true' })}
              options={[
                { value: 'true', label: t('tips.overdueYes') },
                { value: 'false', label: t('tips.overdueNo') },
              ]}
              style={filterWidth(120)}
            />
            {canManage ? (
              <Flex gap={6} align="center">
                <Switch
                  id="tipMineFilter"
                  size="small"
                  checked={filters.mine === true}
                  onChange={(v) => setFilter({ mine: v ? true : undefined })}
                />
                <Typography.Text>
                  <label htmlFor="tipMineFilter">{t('tips.filterMine')}</label>
                </Typography.Text>
              </Flex>
            ) : null}
          </Flex>
        ) : null}
        <Button
          onClick={() => {
            setSearch('');
            update({ filters: {}, page: 1, pageSize: state.pageSize });
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: screens.md ? '0 16px 16px' : '0 8px 8px' } }}>
        <Tabs
          aria-label={t('tips.statusTabs')}
          activeKey={filters.status ?? ALL}
          onChange={(key) => setFilter({ status: key === ALL ? undefined : (key as TipStatus) })}
          items={[
            { key: ALL, label: `${t('common.all')} ${allCount}` },
            ...TIP_STATUSES.map((s) => ({
              key: s,
              label: `${label(TIP_STATUS_LABELS[s])} ${counts[s] ?? 0}`,
            })),
          ]}
        />
        <TipTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={state.page}
          pageSize={state.pageSize}
          sort={state.sort}
          order={state.order}
          onChange={(next) => update({ ...state, ...next })}
        />
      </Card>
      {canManage ? (
        <TipEntryDrawer
          key={entry.seq}
          open={entry.open}
          onClose={() => setEntry((e) => ({ ...e, open: false }))}
        />
      ) : null}
    </>
  );
}
