import { useState } from 'react';
import { Checkbox, Flex, Grid, Input, Segmented, Select, Tabs } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ORDER_STATUS_LABELS, ORDER_STATUSES, type OrderListFilter } from '@hazard-ledger/domain';
import {
  listMeasures,
  listOrders,
  orderKeys,
  type MeasureListQuery,
  type OrderListQuery,
} from '../../../api/enforcement-orders-api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLocale } from '../../../i18n/locale-context';
import { MeasuresTable } from './MeasuresTable';
import { OrdersTable } from './OrdersTable';

type Filter = 'all' | OrderListFilter;

/**
 * /orders — rectification orders (filter by status or overdue, search, pagination) and the
 * on-site measures (those in force first). Enterprise users see their own.
 */
export function OrdersPage() {
  const { t } = useLocale();
  const [tab, setTab] = useState('orders');
  return (
    <>
      <PageHeader title={t('nav.orders')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'orders', label: t('orders.tab.orders'), children: <OrderList /> },
          { key: 'measures', label: t('orders.tab.measures'), children: <MeasureList /> },
        ]}
      />
    </>
  );
}

function OrderList() {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: OrderListQuery = {
    page,
    pageSize,
    status: status === 'all' ? undefined : status,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: orderKeys.list(query),
    queryFn: ({ signal }) => listOrders(query, signal),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;
  const count = (key: string) => (counts ? ` ${counts[key] ?? 0}` : '');
  const options: { value: Filter; label: string }[] = [
    { value: 'all', label: t('common.all') },
    ...ORDER_STATUSES.map((s) => ({
      value: s,
      label: `${label(ORDER_STATUS_LABELS[s])}${count(s)}`,
    })),
    { value: 'overdue', label: `${t('orders.filter.overdue')}${count('overdue')}` },
  ];
  const choose = (v: Filter) => {
    setStatus(v);
    setPage(1);
  };

  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        {phone ? (
          <Select<Filter>
            aria-label={t('orders.filter')}
            value={status}
            onChange={choose}
            options={options}
            style={{ width: 180 }}
          />
        ) : (
          <Segmented<Filter>
            aria-label={t('orders.filter')}
            value={status}
            onChange={choose}
            options={options}
          />
        )}
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('orders.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 300, maxWidth: '100%' }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <OrdersTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onChange={(p, s) => {
          setPage(p);
          setPageSize(s);
        }}
      />
    </>
  );
}

function MeasureList() {
  const { t } = useLocale();
  const [onlyActive, setOnlyActive] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: MeasureListQuery = { page, pageSize, active: onlyActive ? true : undefined };
  const list = useQuery({
    queryKey: orderKeys.measureList(query),
    queryFn: ({ signal }) => listMeasures(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Checkbox
          checked={onlyActive}
          onChange={(e) => {
            setOnlyActive(e.target.checked);
            setPage(1);
          }}
        >
          {t('orders.measure.onlyActive')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error} />
      <MeasuresTable
        items={list.data?.items ?? []}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onChange={(p, s) => {
          setPage(p);
          setPageSize(s);
        }}
      />
    </>
  );
}
