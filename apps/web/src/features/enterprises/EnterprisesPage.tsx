import { useState } from 'react';
import { Button, Card, Flex, Grid, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { DownloadOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import {
  ENTERPRISE_STATUS_LABELS,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAG_LABELS,
  ENTERPRISE_TAGS,
  Permission,
  SECTOR_LABELS,
  SECTORS,
  SUB_TYPES,
  type EnterpriseStatus,
  type EnterpriseTag,
  type Sector,
} from '@hazard-ledger/domain';
import {
  ENTERPRISE_SORT_FIELDS,
  enterpriseExportUrl,
  listEnterpriseItems,
  type EnterpriseFilters,
  type EnterpriseListItem,
  type EnterpriseSortField,
} from '../../api/enterprises-api';
import { queryKeys } from '../../api/query-keys';
import { Can, useCan } from '../../auth/can';
import { useSession } from '../../auth/session-context';
import { useLocale } from '../../i18n/locale-context';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import {
  DEFAULT_PAGE_SIZE,
  exportFilters,
  listStateFromParams,
  listStateToParams,
  PAGE_SIZES,
  toListQuery,
  withFilter,
  type ListState,
} from './enterprise-query';
import { EnterpriseTags, StatusTag, subTypeLabel } from './enterprise-labels';
import { EnterpriseFormDrawer } from './EnterpriseFormDrawer';
import { useDistricts } from './use-districts';

function isSortField(v: unknown): v is EnterpriseSortField {
  return typeof v === 'string' && (ENTERPRISE_SORT_FIELDS as readonly string[]).includes(v);
}

/**
 * The enterprise registry list: server-side search, filters, sort and paging, all kept in the URL
 * so that the back button returns to the same view. Enterprise users go to their own enterprise.
 */
export function EnterprisesPage() {
  const { me } = useSession();
  if (me?.enterpriseId) return <Navigate to={`/enterprises/${me.enterpriseId}`} replace />;
  return <EnterpriseList />;
}

function EnterpriseList() {
  const { t, label } = useLocale();
  const { me } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const canOrg = useCan(Permission.OrgRead);
  const districts = useDistricts(canOrg);
  const [params, setParams] = useSearchParams();
  const state = listStateFromParams(params);
  const { filters } = state;
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });
  const [filtersOpen, setFiltersOpen] = useState(false);

  const query = toListQuery(state);
  const list = useQuery({
    queryKey: queryKeys.enterpriseList(query),
    queryFn: ({ signal }) => listEnterpriseItems(query, signal),
    placeholderData: keepPreviousData,
  });

  const update = (next: ListState) => setParams(listStateToParams(next), { replace: true });
  const setFilter = (patch: EnterpriseFilters) =>
    update({ ...state, filters: withFilter(filters, patch), page: 1 });

  const onTableChange: TableProps<EnterpriseListItem>['onChange'] = (
    pagination: TablePaginationConfig,
    _f,
    sorter,
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey ?? s?.field;
    const sorted = s?.order && isSortField(field);
    const pageSize = pagination.pageSize ?? DEFAULT_PAGE_SIZE;
    update({
      ...state,
      sort: sorted ? field : undefined,
      order: sorted ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
      // A new page size starts from the first page.
      page: pageSize !== state.pageSize ? 1 : (pagination.current ?? 1),
      pageSize,
    });
  };

  const sortOrderOf = (key: EnterpriseSortField) =>
    state.sort === key ? (state.order === 'desc' ? 'descend' : 'ascend') : null;

  // Sector-scoped roles (科室, 执法人员) only see their sectors: offer only those.
  const sectorChoices: readonly Sector[] =
    me?.sectors && me.sectors.length > 0 ? me.sectors : SECTORS;

  const columns: TableColumnsType<EnterpriseListItem> = [
    {
      title: t('enterprises.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      width: 220,
      fixed: screens.md ? 'left' : undefined,
      render: (_: unknown, e) => <Link to={`/enterprises/${e.id}`}>{e.name}</Link>,
    },
    {
      title: t('enterprises.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      sorter: true,
      sortOrder: sortOrderOf('creditCode'),
      width: 180,
      render: (_: unknown, e) => <span style={{ fontFamily: 'monospace' }}>{e.creditCode}</span>,
    },
    {
      title: t('enterprises.sector'),
      dataIndex: 'sector',
      key: 'sector',
      sorter: true,
      sortOrder: sortOrderOf('sector'),
      width: 120,
      render: (_: unknown, e) => label(SECTOR_LABELS[e.sector]),
    },
    {
      title: t('enterprises.subType'),
      key: 'subType',
      width: 90,
      render: (_: unknown, e) => subTypeLabel(e.sector, e.subType, label),
    },
    {
      title: t('enterprises.district'),
      dataIndex: 'districtName',
      key: 'district',
      width: 140,
    },
    {
      title: t('enterprises.leader'),
      key: 'leader',
      width: 120,
      render: (_: unknown, e) =>
        e.leaderName ? (
          <Flex vertical>
            <span>{e.leaderName}</span>
            {e.leaderPhone ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.leaderPhone}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('enterprises.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrderOf('status'),
      width: 120,
      render: (_: unknown, e) => <StatusTag status={e.status} />,
    },
    {
      title: t('enterprises.tags'),
      key: 'tags',
      width: 170,
      render: (_: unknown, e) => <EnterpriseTags tags={e.tags} />,
    },
    {
      title: t('enterprises.employees'),
      dataIndex: 'employees',
      key: 'employees',
      sorter: true,
      sortOrder: sortOrderOf('employees'),
      align: 'right',
      width: 100,
      render: (_: unknown, e) => e.employees ?? '—',
    },
    {
      title: t('enterprises.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      width: 140,
      render: (_: unknown, e) => formatDateTime(e.updatedAt),
    },
  ];

  const filterWidth = (w: number) => (screens.sm ? { width: w } : { width: '100%' });
  const activeFilters = Object.keys(exportFilters(filters)).filter((k) => k !== 'q').length;
  // On phones the five selects stay folded behind one button until asked for.
  const showFilters = screens.md || filtersOpen;

  return (
    <>
      <PageHeader
        title={t('enterprises.title')}
        extra={
          <>
            <Can permission={Permission.EnterpriseManage}>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
              >
                {t('enterprises.create')}
              </Button>
            </Can>
            <Can permission={Permission.EnterpriseImport}>
              <Link to="/enterprises/import">
                <Button icon={<UploadOutlined />}>{t('enterprises.import')}</Button>
              </Link>
            </Can>
            <Tooltip title={t('enterprises.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={enterpriseExportUrl(exportFilters(filters))}
                download
              >
                {t('enterprises.export')}
              </Button>
            </Tooltip>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          id="enterpriseSearch"
          aria-label={t('common.search')}
          placeholder={t('enterprises.searchPlaceholder')}
          allowClear
          // Uncontrolled, re-mounted when the URL's q changes (reset, menu link, back button).
          key={filters.q ?? ''}
          defaultValue={filters.q}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
          enterButton={t('common.search')}
          style={{ width: screens.md ? 300 : '100%' }}
        />
        {screens.md ? null : (
          <Button
            icon={<FilterOutlined />}
            aria-expanded={filtersOpen}
            aria-controls="enterpriseFilters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            {activeFilters > 0
              ? t('enterprises.filtersCount', { n: activeFilters })
              : t('enterprises.filters')}
          </Button>
        )}
        {showFilters ? (
          <Flex
            id="enterpriseFilters"
            wrap
            gap={8}
            style={{ width: screens.md ? undefined : '100%' }}
          >
            <Select<Sector>
              id="enterpriseSectorFilter"
              aria-label={t('enterprises.filterSector')}
              placeholder={t('enterprises.filterSector')}
              allowClear
              value={filters.sector}
              onChange={(v) => setFilter({ sector: v })}
              options={sectorChoices.map((s) => ({ value: s, label: label(SECTOR_LABELS[s]) }))}
              style={filterWidth(150)}
            />
            <Select<string>
              id="enterpriseSubTypeFilter"
              aria-label={t('enterprises.filterSubType')}
              placeholder={t('enterprises.filterSubType')}
              title={filters.sector ? undefined : t('enterprises.filterSubTypeHint')}
              allowClear
              disabled={!filters.sector}
              value={filters.subType}
              onChange={(v) => setFilter({ subType: v })}
              options={
                filters.sector
                  ? SUB_TYPES[filters.sector].map((s) => ({
                      value: s,
                      label: subTypeLabel(filters.sector!, s, label),
                    }))
                  : []
              }
              style={filterWidth(150)}
            />
            <Select<EnterpriseTag>
              id="enterpriseTagFilter"
              aria-label={t('enterprises.filterTag')}
              placeholder={t('enterprises.filterTag')}
              allowClear
              value={filters.tag}
              onChange={(v) => setFilter({ tag: v })}
              options={ENTERPRISE_TAGS.map((tag) => ({
                value: tag,
                label: label(ENTERPRISE_TAG_LABELS[tag]),
              }))}
              style={filterWidth(140)}
            />
            {canOrg ? (
              <Select<number>
                id="enterpriseDistrictFilter"
                aria-label={t('enterprises.filterDistrict')}
                placeholder={t('enterprises.filterDistrict')}
                allowClear
                value={filters.orgUnitId}
                onChange={(v) => setFilter({ orgUnitId: v })}
                options={districts.options}
                loading={districts.loading}
                style={filterWidth(180)}
                popupMatchSelectWidth={false}
              />
            ) : null}
            <Select<EnterpriseStatus>
              id="enterpriseStatusFilter"
              aria-label={t('enterprises.filterStatus')}
              placeholder={t('enterprises.filterStatus')}
              allowClear
              value={filters.status}
              onChange={(v) => setFilter({ status: v })}
              options={ENTERPRISE_STATUSES.map((s) => ({
                value: s,
                label: label(ENTERPRISE_STATUS_LABELS[s]),
              }))}
              style={filterWidth(150)}
            />
          </Flex>
        ) : null}
        <Button
          onClick={() => {
            update({ filters: {}, page: 1, pageSize: state.pageSize });
          }}
        >
          {t('common.reset')}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Card styles={{ body: { padding: screens.md ? 16 : 8 } }}>
        <Table<EnterpriseListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          scroll={{ x: 1400 }}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total) => t('common.total', { total }),
            size: screens.md ? undefined : 'small',
          }}
        />
      </Card>
      {drawer.seq > 0 ? (
        <EnterpriseFormDrawer
          key={drawer.seq}
          open={drawer.open}
          enterprise={null}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
          onSaved={(saved) => void navigate(`/enterprises/${saved.id}`)}
        />
      ) : null}
    </>
  );
}
