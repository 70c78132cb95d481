import { Flex, Grid, Table, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig, TableProps } from 'antd';
import { Link } from 'react-router';
import { SECTOR_LABELS } from '@hazard-ledger/domain';
import { TIP_SORT_FIELDS, type TipListItem, type TipSortField } from '../../../api/tips-api';
import type { SortOrder } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { useLocale } from '../../../i18n/locale-context';
import { PAGE_SIZES } from './tip-query';
import {
  DueDateText,
  TipChannelTag,
  TipOverdueTag,
  TipResultTag,
  TipStatusTag,
} from './tip-labels';

type Props = {
  items: readonly TipListItem[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  sort?: TipSortField;
  order?: SortOrder;
  onChange: (next: {
    page: number;
    pageSize: number;
    sort?: TipSortField;
    order?: SortOrder;
  }) => void;
};

function isSortField(v: unknown): v is TipSortField {
  return typeof v === 'string' && (TIP_SORT_FIELDS as readonly string[]).includes(v);
}

/**
 * The tip list: 编号, 举报事项, 被举报单位, 渠道, 收到时间, 状态, 办理期限, 承办. No identity column
 * exists. On a phone the first cell sums the row up. Every text is rendered as text.
 */
export function TipTable({ items, loading, total, page, pageSize, sort, order, onChange }: Props) {
  const { t, label } = useLocale();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;

  const sortOrderOf = (key: TipSortField) =>
    sort === key ? (order === 'desc' ? 'descend' : 'ascend') : null;

  const onTableChange: TableProps<TipListItem>['onChange'] = (
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

  const assignee = (r: TipListItem) =>
    [r.assignedUnitName, r.assignedUserName].filter(Boolean).join(' ') || '—';

  const columns: TableColumnsType<TipListItem> = phone
    ? [
        {
          key: 'summary',
          title: t('tips.col.tip'),
          render: (_, r) => (
            <Flex vertical gap={4}>
              <Link to={`/tips/${r.id}`}>{r.number}</Link>
              <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                {r.subject}
              </Typography.Text>
              {r.enterpriseName ? (
                <Typography.Text type="secondary">{r.enterpriseName}</Typography.Text>
              ) : null}
              <Flex wrap gap={4} align="center">
                <TipStatusTag status={r.status} />
                <TipChannelTag channel={r.channel} />
                <TipResultTag result={r.verificationResult} />
                {r.overdue ? <TipOverdueTag /> : null}
              </Flex>
              <span>
                {t('tips.col.dueDate')}：<DueDateText date={r.dueDate} overdue={r.overdue} />
              </span>
            </Flex>
          ),
        },
      ]
    : [
        {
          key: 'number',
          dataIndex: 'number',
          title: t('tips.col.number'),
          sorter: true,
          sortOrder: sortOrderOf('number'),
          width: 170,
          render: (_, r) => <Link to={`/tips/${r.id}`}>{r.number}</Link>,
        },
        {
          key: 'subject',
          title: t('tips.col.subject'),
          render: (_, r) => (
            <Flex vertical gap={2}>
              <span style={{ wordBreak: 'break-word' }}>{r.subject}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.enterpriseName, r.sector ? label(SECTOR_LABELS[r.sector]) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'channel',
          title: t('tips.col.channel'),
          width: 110,
          render: (_, r) => <TipChannelTag channel={r.channel} />,
        },
        {
          key: 'receivedAt',
          dataIndex: 'receivedAt',
          title: t('tips.col.receivedAt'),
          sorter: true,
          sortOrder: sortOrderOf('receivedAt'),
          width: 150,
          render: (v: string) => formatDateTime(v),
        },
        {
          key: 'status',
          title: t('tips.col.status'),
          width: 150,
          render: (_, r) => (
            <Flex wrap gap={4}>
              <TipStatusTag status={r.status} />
              <TipResultTag result={r.verificationResult} />
            </Flex>
          ),
        },
        {
          key: 'dueDate',
          dataIndex: 'dueDate',
          title: t('tips.col.dueDate'),
          sorter: true,
          sortOrder: sortOrderOf('dueDate'),
          width: 130,
          render: (_, r) => (
            <Flex gap={4} wrap>
              <DueDateText date={r.dueDate} overdue={r.overdue} />
              {r.overdue ? <TipOverdueTag /> : null}
            </Flex>
          ),
        },
        {
          key: 'assignee',
          title: t('tips.col.assignee'),
          width: 160,
          render: (_, r) => assignee(r),
        },
      ];

  return (
    <Table<TipListItem>
      rowKey="id"
      size={phone ? 'small' : 'middle'}
      columns={columns}
      dataSource={items}
      loading={loading}
      onChange={onTableChange}
      scroll={phone ? undefined : { x: 1000 }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: !phone,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n) => t('common.total', { total: n }),
        simple: phone,
      }}
    />
  );
}
