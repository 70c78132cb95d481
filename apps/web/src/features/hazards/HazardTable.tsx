import { useMemo, type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { Flex, Grid, Table, theme } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { useNavigate, type NavigateFunction } from 'react-router';
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

const cellRecordChanged = (record: HazardListItem, prev: HazardListItem) => record !== prev;
const rowClassName = (h: HazardListItem) => (h.overdue ? OVERDUE_ROW_CLASS : '');
const noWrap: CSSProperties = { whiteSpace: 'nowrap' };
const minTapHeight: CSSProperties = { minHeight: 24 };
// A plain element rather than antd's Flex: one CSS-in-JS style hook less in each of 200 cells.
const deadlineCellStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 4,
};

/**
 * A link to a hazard page inside a ledger cell: a plain anchor that navigates through the router
 * on a plain left click. react-router's <Link> subscribes each instance to the location, so every
 * page or sort change re-rendered the 400 links of a 200-row page.
 */
function HazardLink({
  id,
  navigate,
  style,
  children,
}: {
  id: number;
  navigate: NavigateFunction;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const href = `/hazards/${id}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // Modified or middle clicks keep the browser's behaviour (new tab, new window, download).
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    void navigate(href);
  };
  return (
    <a href={href} onClick={onClick} style={style}>
      {children}
    </a>
  );
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
  const { t, label, locale } = useLocale();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  // Stable while the path stays /hazards (page, sort and filters only change the query string),
  // so the memoised columns below survive paging.
  const navigate = useNavigate();

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
  // The same column objects from render to render (rebuilt for a new sort, language or layout),
  // so antd's checks can tell that nothing changed in them.
  const columns = useMemo<TableColumnsType<HazardListItem>>(() => {
    const sortOrderOf = (key: HazardSortField) =>
      sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null;
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
          <HazardLink id={h.id} navigate={navigate} style={noWrap}>
            {h.number}
          </HazardLink>
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
        render: (_: unknown, h) => (
          <HazardLink id={h.id} navigate={navigate}>
            {h.title}
          </HazardLink>
        ),
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
          <div style={deadlineCellStyle}>
            <DeadlineText deadline={h.deadline} overdue={h.overdue} />
            {h.overdue ? <OverdueTag /> : null}
          </div>
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
    const layout: TableColumnsType<HazardListItem> = phone
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
                <HazardLink id={h.id} navigate={navigate} style={minTapHeight}>
                  {h.number}
                </HazardLink>
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
    // A cell renders again only for a new record. antd re-renders every row whenever the table
    // renders — on a page change also before the new rows arrive (page number, loading state),
    // and on each keystroke in the search box; those renders now reuse the cells' content. What
    // else a cell shows (language, phone layout) is in the table's key below, which starts it
    // afresh when it changes.
    return layout.map((c) => ({ ...c, shouldCellUpdate: cellRecordChanged }));
  }, [hideEnterprise, label, navigate, order, phone, sort, t]);

  const pagination = useMemo<TablePaginationConfig>(
    () => ({
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES.map(String),
      showTotal: (n) => t('common.total', { total: n }),
      size: phone ? 'small' : undefined,
    }),
    [page, pageSize, phone, t, total],
  );
  const scroll = useMemo(
    () => ({
      x: phone ? 1150 : hideEnterprise ? 980 : 1240,
      // The table scrolls sideways only, so antd's animated "scroll to the first row" after a
      // page change moved nothing; it only forced a layout in each frame for 450 ms.
      scrollToFirstRowOnChange: false,
    }),
    [hideEnterprise, phone],
  );
  const tableLocale = useMemo(() => ({ emptyText: t('hazards.empty') }), [t]);

  return (
    <>
      <style>{`.${OVERDUE_ROW_CLASS} > td { background: ${token.colorErrorBg} !important; }
.${OVERDUE_ROW_CLASS}:hover > td { background: ${token.colorErrorBgHover} !important; }`}</style>
      <Table<HazardListItem>
        key={`${locale}:${phone ? 'phone' : 'wide'}`}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        onChange={onTableChange}
        rowClassName={rowClassName}
        scroll={scroll}
        locale={tableLocale}
        pagination={pagination}
      />
    </>
  );
}
