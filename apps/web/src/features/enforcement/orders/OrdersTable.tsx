import { Flex, Grid, Table, Typography, theme } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { OrderListItem } from '@hazard-ledger/domain';
import { useLocale } from '../../../i18n/locale-context';
import { OrderStatusTag } from './order-labels';

type Props = {
  items: OrderListItem[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number, pageSize: number) => void;
  /** Leave out the enterprise (a list of one enterprise's orders). */
  hideEnterprise?: boolean;
};

/** The re-inspection summary of an order: how many hazards persist, or all rectified. */
function ReinspectionSummary({ item }: { item: OrderListItem }) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  if (item.reinspectedOn === null || item.persistingCount === null) return null;
  return item.persistingCount > 0 ? (
    <Typography.Text style={{ color: token.colorError, fontSize: 12 }}>
      {t('orders.persistingCount', { n: item.persistingCount })}
    </Typography.Text>
  ) : (
    <Typography.Text type="success" style={{ fontSize: 12 }}>
      {t('orders.allRectified')}
    </Typography.Text>
  );
}

/** Rectification orders as a table; one column on a phone. */
export function OrdersTable(props: Props) {
  const { t } = useLocale();
  const { token } = theme.useToken();
  const phone = !Grid.useBreakpoint().md;
  const deadline = (o: OrderListItem) => (
    <span style={o.overdue ? { color: token.colorError, fontWeight: 600 } : undefined}>
      {o.deadline}
    </span>
  );

  const phoneColumns: TableColumnsType<OrderListItem> = [
    {
      title: t('orders.col.orderNo'),
      key: 'order',
      render: (_: unknown, o) => (
        <Flex vertical gap={2}>
          <Link to={`/orders/${o.id}`}>{o.orderNo}</Link>
          {props.hideEnterprise ? null : <span>{o.enterpriseName}</span>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.issuedOn} · {t('orders.hazardCount', { n: o.hazardCount })} ·{' '}
            {t('orders.col.deadline')}：{deadline(o)}
          </Typography.Text>
          <Flex gap={4} wrap align="center">
            <OrderStatusTag status={o.status} overdue={o.overdue} />
            <ReinspectionSummary item={o} />
          </Flex>
        </Flex>
      ),
    },
  ];
  const columns: TableColumnsType<OrderListItem> = [
    {
      title: t('orders.col.orderNo'),
      key: 'order',
      render: (_: unknown, o) => <Link to={`/orders/${o.id}`}>{o.orderNo}</Link>,
    },
    ...(props.hideEnterprise
      ? []
      : [
          {
            title: t('orders.col.enterprise'),
            key: 'enterprise',
            render: (_: unknown, o: OrderListItem) => (
              <Flex vertical gap={0}>
                <span>{o.enterpriseName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {o.districtName}
                </Typography.Text>
              </Flex>
            ),
          },
        ]),
    { title: t('orders.col.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', width: 110 },
    {
      title: t('orders.col.deadline'),
      key: 'deadline',
      width: 110,
      render: (_: unknown, o) => deadline(o),
    },
    {
      title: t('orders.col.hazards'),
      key: 'hazards',
      width: 80,
      render: (_: unknown, o) => t('orders.hazardCount', { n: o.hazardCount }),
    },
    {
      title: t('orders.col.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, o) => (
        <Flex vertical gap={2} align="flex-start">
          <Flex gap={4} wrap>
            <OrderStatusTag status={o.status} overdue={o.overdue} />
          </Flex>
          <ReinspectionSummary item={o} />
        </Flex>
      ),
    },
  ];

  return (
    <Table<OrderListItem>
      rowKey="id"
      size="middle"
      columns={phone ? phoneColumns : columns}
      dataSource={props.items}
      loading={props.loading}
      locale={{ emptyText: t('orders.empty') }}
      scroll={phone ? undefined : { x: props.hideEnterprise ? 640 : 860 }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showTotal: (total) => t('common.total', { total }),
        onChange: (p, s) => props.onChange(s !== props.pageSize ? 1 : p, s),
      }}
    />
  );
}
