import { Flex, Grid, Table, theme } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { Link } from 'react-router';
import { HAZARD_ORIGIN_LABELS, SECTOR_LABELS } from '@hazard-ledger/domain';
import {
  HAZARD_SORT_FIELDS,
  type HazardListItem,
  type HazardSortField,
} from '../../api/hazards-api';
import type { SortOrder } from '../../api/types';
import { useLocale } from '../../i18n/locale-context';
import {
  DeadlineText,
  HazardLevelTag,
  HazardStatusTag,
  OverdueTag,
  SupervisionTag,
} from './hazard-labels';
import { PAGE_SIZES } from './hazard-query';

/** Class of an overdue row (red background, see the style below). */
export const OVERDUE_ROW_CLASS = 'hl-hazard-row-overdue';

type Props = {
  items: readonly HazardListItem[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  sort?: HazardSortField;
  order?: SortOrder;
  /** Hide the enterprise and sector columns (the enterprise page's own list). */
  hideEnterprise?: boolean;
  onChange: (next: {
    page: number;
    pageSize: number;
    sort?: HazardSortField;
    order?: SortOrder;
  }) => void;
};

function isSortField(v: unknown): v is HazardSortField {
  return typeof v === 'string' && (HAZARD_SORT_FIELDS as readonly string[]).includes(v);
}

/**
 * The ledger table: 编号, 企业, 行业, 隐患名称, 等级, 发现方式, 发现时间, 整改期限, 状态, 督办.
 * Overdue rows and deadlines are red. Server-side sort and paging; scrolls sideways on phones.
 */
export function HazardTable({
  items,
  loading,
  total,
  page,
  pageSize,
  sort,
  order,
  hideEnterprise,
  onChange,
}: Props) {
  const { t, label } = useLocale();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();

  const sortOrderOf = (key: HazardSortField) =>
    sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null;

  const onTableChange: TableProps<HazardListItem>['onChange'] = (
    pagination: TablePaginationConfig,
    _f,
    sorter,
  ) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey ?? s?.field;
    const sorted = s?.order && isSortField(field);
    const size = pagination.pageSize ?? pageSize;
    onChange({
      sort: sorted ? field : undefined,
      order: sorted ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
      page: size !== pageSize ? 1 : (pagination.current ?? 1),
      pageSize: size,
    });
  };

  const phone = !screens.md;
  const allColumns: TableColumnsType<HazardListItem> = [
    {
      title: t('hazards.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: true,
      sortOrder: sortOrderOf('number'),
      width: 150,
      fixed: 'left',
      render: (_: unknown, h) => (
        <Link to={`/hazards/${h.id}`} style={{ whiteSpace: 'nowrap' }}>
          {h.number}
        </Link>
      ),
    },
    ...(hideEnterprise
      ? []
      : ([
          {
            title: t('hazards.enterprise'),
            dataIndex: 'enterpriseName',
            key: 'enterprise',
            width: 170,
          },
          {
            title: t('hazards.sector'),
            dataIndex: 'sector',
            key: 'sector',
            width: 90,
            render: (_: unknown, h) => label(SECTOR_LABELS[h.sector]),
          },
        ] satisfies TableColumnsType<HazardListItem>)),
    {
      title: t('hazards.titleField'),
      dataIndex: 'title',
      key: 'title',
      width: 200,
      render: (_: unknown, h) => <Link to={`/hazards/${h.id}`}>{h.title}</Link>,
    },
    {
      title: t('hazards.level'),
      dataIndex: 'level',
      key: 'level',
      sorter: true,
      sortOrder: sortOrderOf('level'),
      width: 115,
      render: (_: unknown, h) => <HazardLevelTag level={h.level} />,
    },
    {
      title: t('hazards.origin'),
      dataIndex: 'origin',
      key: 'origin',
      width: 110,
      render: (_: unknown, h) => label(HAZARD_ORIGIN_LABELS[h.origin]),
    },
    {
      title: t('hazards.foundAt'),
      dataIndex: 'foundAt',
      key: 'foundAt',
      sorter: true,
      sortOrder: sortOrderOf('foundAt'),
      width: 110,
    },
    {
      title: t('hazards.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      sorter: true,
      sortOrder: sortOrderOf('deadline'),
      width: 140,
      render: (_: unknown, h) => (
        <Flex gap={4} align="center" wrap>
          <DeadlineText deadline={h.deadline} overdue={h.overdue} />
          {h.overdue ? <OverdueTag /> : null}
        </Flex>
      ),
    },
    {
      title: t('hazards.status'),
      dataIndex: 'status',
      key: 'status',
      sorter: true,
      sortOrder: sortOrderOf('status'),
      width: 130,
      fixed: 'right',
      render: (_: unknown, h) => <HazardStatusTag status={h.status} />,
    },
    {
      title: t('hazards.supervision'),
      dataIndex: 'supervisionLevel',
      key: 'supervision',
      width: 120,
      fixed: 'right',
      render: (_: unknown, h) =>
        h.supervisionLevel ? <SupervisionTag level={h.supervisionLevel} /> : '—',
    },
  ];

  // On phones the first column sums a row up (number, title, status, deadline) so that nothing
  // needs a sideways scroll to be understood; the other columns follow.
  const columns: TableColumnsType<HazardListItem> = phone
    ? [
        {
          title: t('hazards.number'),
          dataIndex: 'number',
          key: 'number',
          sorter: true,
          sortOrder: sortOrderOf('number'),
          width: 220,
          render: (_: unknown, h) => (
            <Flex vertical gap={4}>
              <Link to={`/hazards/${h.id}`} style={{ minHeight: 24 }}>
                {h.number}
              </Link>
              <span>{h.title}</span>
              <Flex wrap gap={4} align="center">
                <HazardStatusTag status={h.status} />
                {h.overdue ? <OverdueTag /> : null}
                <SupervisionTag level={h.supervisionLevel} />
              </Flex>
              {h.deadline ? (
                <span style={{ fontSize: 12 }}>
                  {t('hazards.deadline')}：
                  <DeadlineText deadline={h.deadline} overdue={h.overdue} />
                </span>
              ) : null}
            </Flex>
          ),
        },
        ...allColumns
          .filter((c) => !['number', 'title', 'status'].includes(String(c.key)))
          .map((c) => ({ ...c, fixed: undefined })),
      ]
    : allColumns;

  return (
    <>
      <style>{`.${OVERDUE_ROW_CLASS} > td { background: ${token.colorErrorBg} !important; }
.${OVERDUE_ROW_CLASS}:hover > td { background: ${token.colorErrorBgHover} !important; }`}</style>
      <Table<HazardListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        onChange={onTableChange}
        rowClassName={(h) => (h.overdue ? OVERDUE_ROW_CLASS : '')}
        scroll={{ x: phone ? 1150 : hideEnterprise ? 980 : 1240 }}
        locale={{ emptyText: t('hazards.empty') }}
        pagination={{
          current: page,
          pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (n) => t('common.total', { total: n }),
          size: screens.md ? undefined : 'small',
        }}
      />
    </>
  );
}
