import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Grid, Input, Select, Tabs, Tooltip } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import {
  HAZARD_LEVEL_LABELS,
  HAZARD_LEVELS,
  HAZARD_ORIGIN_LABELS,
  HAZARD_ORIGINS,
  HAZARD_STATUS_LABELS,
  HAZARD_STATUSES,
  Permission,
  SECTOR_LABELS,
  SECTORS,
  type HazardLevel,
  type HazardOrigin,
  type HazardStatus,
  type Sector,
} from '@hazard-ledger/domain';
import {
  hazardExportUrl,
  listHazards,
  type HazardFilters,
  type HazardListQuery,
} from '../../api/hazards-api';
import { queryKeys } from '../../api/query-keys';
import { Can, useCan } from '../../auth/can';
import { useSession } from '../../auth/session-context';
import { EnterpriseSelect } from '../../components/EnterpriseSelect';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { useDistricts } from '../enterprises/use-districts';
import { CatalogItemSelect } from './CatalogItemSelect';
import {
  activeFilters,
  hazardStateFromParams,
  hazardStateToParams,
  toHazardQuery,
  type HazardListState,
} from './hazard-query';
import { HazardTable } from './HazardTable';

const ALL = 'all';

/** The ledger list query of one state (the page's query and the prefetch share it). */
function hazardListQuery(query: HazardListQuery) {
  return queryOptions({
    queryKey: queryKeys.hazardList(query),
    queryFn: ({ signal }) => listHazards(query, signal),
  });
}
const DATE_FORMAT = 'YYYY-MM-DD';

/**
 * The hazard ledger (隐患台账): counts per status as tabs, filters, server-side sort and paging,
 * all kept in the URL; export of the filtered list to the issue-list spreadsheet.
 */
export function HazardsPage() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const screens = Grid.useBreakpoint();
  const canOrg = useCan(Permission.OrgRead);
  const enterpriseUser = !!me?.enterpriseId;
  const districts = useDistricts(canOrg && !enterpriseUser);
  const [params, setParams] = useSearchParams();
  const state = hazardStateFromParams(params);
  const { filters } = state;
  const [search, setSearch] = useState(filters.q ?? '');
  const [filtersOpen, setFiltersOpen] = useState(false);

  const queryClient = useQueryClient();
  const list = useQuery({
    ...hazardListQuery(toHazardQuery(state)),
    placeholderData: keepPreviousData,
  });

  const update = (next: HazardListState) => {
    const params = hazardStateToParams(next);
    // Ask for the new rows at once, in parallel with rendering the new page state: the page's
    // own query (same key, read back from the URL as below) then joins this request instead of
    // starting one after React has re-rendered the 200 rows already on screen.
    void queryClient.prefetchQuery(hazardListQuery(toHazardQuery(hazardStateFromParams(params))));
    setParams(params, { replace: true });
  };
  const setFilter = (patch: HazardFilters) =>
    update({ ...state, filters: { ...filters, ...patch }, page: 1 });

  const counts = list.data?.countsByStatus ?? {};
  const allCount = HAZARD_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0);
  const sectorChoices: readonly Sector[] =
    me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;
  const filterEnterpriseId = enterpriseUser ? me?.enterpriseId : filters.enterpriseId;
  const firstItem = list.data?.items[0];
  const enterpriseLabel =
    filters.enterpriseId && firstItem?.enterpriseId === filters.enterpriseId
      ? firstItem.enterpriseName
      : null;

  const filterWidth = (w: number) => (screens.sm ? { width: w } : { width: '100%' });
  const { q: _q, status: _s, ...rest } = activeFilters(filters);
  const activeCount = Object.keys(rest).length;
  const showFilters = screens.md || filtersOpen;
  const yesNo = (yes: string, no: string) => [
    { value: 'true', label: yes },
    { value: 'false', label: no },
  ];
  const boolValue = (v: boolean | undefined) => (v === undefined ? undefined : String(v));
  const toBool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');

  return (
    <>
      <PageHeader
        title={t('hazards.title')}
        extra={
          <>
            <Can permission={Permission.HazardCreate}>
              <Link to="/hazards/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('hazards.create')}
                </Button>
              </Link>
            </Can>
            <Tooltip title={t('hazards.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={hazardExportUrl(exportFiltersOf(filters))}
                download
              >
                {t('hazards.export')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} role="search">
        <Input.Search
          id="hazardSearch"
          aria-label={t('common.search')}
          placeholder={t('hazards.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
          style={{ width: screens.md ? 300 : '100%' }}
        />
        {screens.md ? null : (
          <Button
            icon={<FilterOutlined />}
            aria-expanded={filtersOpen}
            aria-controls="hazardFilters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {activeCount > 0 ? t('hazards.filtersCount', { n: activeCount }) : t('hazards.filters')}
          </Button>
        )}
        {showFilters ? (
          <Flex
            id="hazardFilters"
            wrap
            gap={8}
            // On wide screens the filters flow in one line with the search box and the reset.
            style={screens.md ? { display: 'contents' } : { width: '100%' }}
          >
            {enterpriseUser ? null : (
              <>
                <Select<Sector>
                  id="hazardSectorFilter"
                  aria-label={t('hazards.filterSector')}
                  placeholder={t('hazards.filterSector')}
                  allowClear
                  value={filters.sector}
                  onChange={(v) => setFilter({ sector: v })}
                  options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
                  style={filterWidth(140)}
                />
                <div style={filterWidth(240)} className="hl-hazard-enterprise-filter">
                  <style>{'.hl-hazard-enterprise-filter .ant-select { width: 100%; }'}</style>
                  <EnterpriseSelect
                    id="hazardEnterpriseFilter"
                    value={filters.enterpriseId ?? null}
                    onChange={(v) =>
                      setFilter({ enterpriseId: v ?? undefined, catalogItemCode: undefined })
                    }
                    initialLabel={enterpriseLabel}
                    placeholder={t('hazards.filterEnterprise')}
                  />
                </div>
                {canOrg && districts.options.length > 1 ? (
                  <Select<number>
                    id="hazardDistrictFilter"
                    aria-label={t('hazards.filterDistrict')}
                    placeholder={t('hazards.filterDistrict')}
                    allowClear
                    value={filters.districtId}
                    onChange={(v) => setFilter({ districtId: v })}
                    options={districts.options}
                    loading={districts.loading}
                    style={filterWidth(170)}
                    popupMatchSelectWidth={false}
                  />
                ) : null}
              </>
            )}
            <Select<HazardLevel>
              id="hazardLevelFilter"
              aria-label={t('hazards.filterLevel')}
              placeholder={t('hazards.filterLevel')}
              allowClear
              value={filters.level}
              onChange={(v) => setFilter({ level: v })}
              options={HAZARD_LEVELS.map((l) => ({
                value: l,
                label: label(HAZARD_LEVEL_LABELS[l]),
              }))}
              style={filterWidth(140)}
            />
            <Select<HazardOrigin>
              id="hazardOriginFilter"
              aria-label={t('hazards.filterOrigin')}
              placeholder={t('hazards.filterOrigin')}
              allowClear
              value={filters.origin}
              onChange={(v) => setFilter({ origin: v })}
              options={HAZARD_ORIGINS.map((o) => ({
                value: o,
                label: label(HAZARD_ORIGIN_LABELS[o]),
              }))}
              style={filterWidth(170)}
              popupMatchSelectWidth={false}
            />
            <Select<string>
              id="hazardOverdueFilter"
              aria-label={t('hazards.filterOverdue')}
              placeholder={t('hazards.filterOverdue')}
              allowClear
              value={boolValue(filters.overdue)}
              onChange={(v) => setFilter({ overdue: toBool(v) })}
              options={yesNo(t('hazards.overdueYes'), t('hazards.overdueNo'))}
              style={filterWidth(120)}
            />
            <Select<string>
              id="hazardSupervisedFilter"
              aria-label={t('hazards.filterSupervised')}
              placeholder={t('hazards.filterSupervised')}
              allowClear
              value={boolValue(filters.supervised)}
              onChange={(v) => setFilter({ supervised: toBool(v) })}
              options={yesNo(t('hazards.supervisedYes'), t('hazards.supervisedNo'))}
              style={filterWidth(120)}
            />
            {filterEnterpriseId ? (
              <CatalogItemSelect
                id="hazardCatalogFilter"
                aria-label={t('hazards.filterCatalogItem')}
                enterpriseId={filterEnterpriseId}
                value={filters.catalogItemCode ?? null}
                onChange={(v) => setFilter({ catalogItemCode: v ?? undefined })}
                placeholder={t('hazards.filterCatalogItem')}
                style={filterWidth(220)}
              />
            ) : (
              <Input.Search
                key={filters.catalogItemCode ?? ''}
                id="hazardCatalogFilter"
                aria-label={t('hazards.filterCatalogItem')}
                placeholder={t('hazards.filterCatalogItemCode')}
                defaultValue={filters.catalogItemCode}
                allowClear
                onSearch={(v) =>
                  setFilter({ catalogItemCode: v.trim().toUpperCase() || undefined })
                }
                style={filterWidth(240)}
              />
            )}
            <DatePicker
              id="hazardFoundFrom"
              aria-label={t('hazards.filterFoundFrom')}
              placeholder={t('hazards.filterFoundFrom')}
              value={filters.foundFrom ? dayjs(filters.foundFrom) : null}
              onChange={(d) => setFilter({ foundFrom: d ? d.format(DATE_FORMAT) : undefined })}
              inputReadOnly={!screens.md}
              style={filterWidth(150)}
            />
            <DatePicker
              id="hazardFoundTo"
              aria-label={t('hazards.filterFoundTo')}
              placeholder={t('hazards.filterFoundTo')}
              value={filters.foundTo ? dayjs(filters.foundTo) : null}
              onChange={(d) => setFilter({ foundTo: d ? d.format(DATE_FORMAT) : undefined })}
              inputReadOnly={!screens.md}
              style={filterWidth(150)}
            />
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
          aria-label={t('hazards.statusTabs')}
          activeKey={filters.status ?? ALL}
          onChange={(key) => setFilter({ status: key === ALL ? undefined : (key as HazardStatus) })}
          items={[
            { key: ALL, label: `${t('hazards.allStatuses')} ${allCount}` },
            ...HAZARD_STATUSES.map((s) => ({
              key: s,
              label: `${label(HAZARD_STATUS_LABELS[s])} ${counts[s] ?? 0}`,
            })),
          ]}
        />
        <HazardTable
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
    </>
  );
}

/** The filters the export takes (the same as the list's). */
function exportFiltersOf(filters: HazardFilters): HazardFilters {
  return activeFilters(filters);
}
