import { useState } from 'react';
import { Button, DatePicker, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  ACCIDENT_LEVEL_LABELS,
  ACCIDENT_LEVELS,
  ACCIDENT_STATUS_LABELS,
  ACCIDENT_STATUSES,
  ACCIDENT_TYPE_LABELS,
  ACCIDENT_TYPES,
  type AccidentLevel,
  type AccidentListItem,
  type AccidentStatus,
  type AccidentType,
  Permission,
  SECTOR_LABELS,
  SECTORS,
  type Sector,
} from '@hazard-ledger/domain';
import { accidentKeys, listAccidents, type AccidentListQuery } from '../../api/accidents-api';
import { useCan } from '../../auth/can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import { AccidentFormDrawer } from './AccidentFormDrawer';
import { AccidentLevelTag, AccidentStatusTag, fenToYuanText } from './accident-labels';

type Range = [Dayjs | null, Dayjs | null] | null;

/**
 * /accidents — production safety accidents of the caller's territory and sectors, filtered by
 * level, type, sector and date; the bureau and offices record new ones in a drawer.
 */
export function AccidentsPage() {
  const { t, label } = useLocale();
  const phone = !Grid.useBreakpoint().md;
  const canManage = useCan(Permission.AccidentManage);
  const [creating, setCreating] = useState(false);
  const [level, setLevel] = useState<AccidentLevel | undefined>();
  const [type, setType] = useState<AccidentType | undefined>();
  const [sector, setSector] = useState<Sector | undefined>();
  const [status, setStatus] = useState<AccidentStatus | undefined>();
  const [range, setRange] = useState<Range>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query: AccidentListQuery = {
    page,
    pageSize,
    level,
    type,
    sector,
    status,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: accidentKeys.list(query),
    queryFn: ({ signal }) => listAccidents(query, signal),
    placeholderData: keepPreviousData,
  });
  const filterChanged =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const enterprise = (a: AccidentListItem) => (
    <Flex vertical gap={0}>
      <Link to={`/accidents/${a.id}`}>{a.enterpriseName}</Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {a.districtName} · {label(SECTOR_LABELS[a.sector])}
      </Typography.Text>
    </Flex>
  );
  const casualties = (a: AccidentListItem) =>
    t('accidents.casualties', { d: a.deaths, s: a.seriousInjuries, m: a.minorInjuries });
  const levelCell = (a: AccidentListItem) => (
    <Flex gap={4} wrap>
      <AccidentLevelTag level={a.level} />
      <AccidentStatusTag status={a.status} />
    </Flex>
  );

  const columns: TableColumnsType<AccidentListItem> = phone
    ? [
        {
          title: t('accidents.col.enterprise'),
          key: 'all',
          render: (_: unknown, a) => (
            <Flex vertical gap={2}>
              {enterprise(a)}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(a.occurredAt)} · {label(ACCIDENT_TYPE_LABELS[a.type])}
              </Typography.Text>
              <span>{casualties(a)}</span>
              {levelCell(a)}
            </Flex>
          ),
        },
      ]
    : [
        {
          title: t('accidents.col.occurredAt'),
          key: 'occurredAt',
          width: 150,
          render: (_: unknown, a) => formatDateTime(a.occurredAt),
        },
        {
          title: t('accidents.col.enterprise'),
          key: 'enterprise',
          render: (_, a) => enterprise(a),
        },
        {
          title: t('accidents.col.type'),
          key: 'type',
          width: 110,
          render: (_: unknown, a) => label(ACCIDENT_TYPE_LABELS[a.type]),
        },
        {
          title: t('accidents.col.casualties'),
          key: 'casualties',
          width: 200,
          render: (_: unknown, a) => casualties(a),
        },
        {
          title: t('accidents.col.loss'),
          key: 'loss',
          width: 140,
          align: 'right',
          render: (_: unknown, a) => t('accidents.yuan', { v: fenToYuanText(a.directLossFen) }),
        },
        {
          title: t('accidents.col.level'),
          key: 'level',
          width: 150,
          render: (_, a) => levelCell(a),
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.accidents')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('accidents.new')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Select<AccidentLevel>
          aria-label={t('accidents.filter.level')}
          placeholder={t('accidents.filter.level')}
          allowClear
          value={level}
          onChange={filterChanged(setLevel)}
          options={ACCIDENT_LEVELS.map((v) => ({
            value: v,
            label: label(ACCIDENT_LEVEL_LABELS[v]),
          }))}
          style={{ width: 150 }}
        />
        <Select<AccidentType>
          aria-label={t('accidents.filter.type')}
          placeholder={t('accidents.filter.type')}
          allowClear
          value={type}
          onChange={filterChanged(setType)}
          options={ACCIDENT_TYPES.map((v) => ({ value: v, label: label(ACCIDENT_TYPE_LABELS[v]) }))}
          style={{ width: 150 }}
        />
        <Select<Sector>
          aria-label={t('accidents.filter.sector')}
          placeholder={t('accidents.filter.sector')}
          allowClear
          value={sector}
          onChange={filterChanged(setSector)}
          options={SECTORS.map((v) => ({ value: v, label: label(SECTOR_LABELS[v]) }))}
          style={{ width: 150 }}
        />
        <Select<AccidentStatus>
          aria-label={t('accidents.filter.status')}
          placeholder={t('accidents.filter.status')}
          allowClear
          value={status}
          onChange={filterChanged(setStatus)}
          options={ACCIDENT_STATUSES.map((v) => ({
            value: v,
            label: label(ACCIDENT_STATUS_LABELS[v]),
          }))}
          style={{ width: 120 }}
        />
        <DatePicker.RangePicker
          aria-label={t('accidents.filter.dates')}
          allowEmpty={[true, true]}
          value={range}
          onChange={filterChanged(setRange)}
          inputReadOnly={phone}
        />
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('accidents.searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          enterButton={t('common.search')}
          style={{ width: 260, maxWidth: '100%' }}
        />
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<AccidentListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('accidents.empty') }}
        scroll={phone ? undefined : { x: 900 }}
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
      {canManage ? (
        <AccidentFormDrawer open={creating} onClose={() => setCreating(false)} editing={null} />
      ) : null}
    </>
  );
}
