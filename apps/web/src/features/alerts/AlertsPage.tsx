import { useState } from 'react';
import { Button, Checkbox, Flex, Grid, Input, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Permission, type AlertListItem } from '@hazard-ledger/domain';
import { listAlerts, type AlertListQuery } from '../../api/alerts-api';
import { queryKeys } from '../../api/query-keys';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { AlertFormDrawer } from './AlertFormDrawer';
import { AlertStats, ResponseTags } from './labels';

/**
 * /alerts — accident-lesson alerts. Staff: the alerts of their territory with response figures
 * and the publish form; enterprise users: the alerts addressed to them, unanswered first.
 */
export function AlertsPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const canManage = useCan(Permission.AlertManage);
  const isEnterprise = Boolean(me?.enterpriseId);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [onlyPending, setOnlyPending] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });
  const phone = !Grid.useBreakpoint().md;

  const query: AlertListQuery = {
    page,
    pageSize,
    q: q || undefined,
    pending: isEnterprise && onlyPending ? true : undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.alertList(query),
    queryFn: ({ signal }) => listAlerts(query, signal),
    placeholderData: keepPreviousData,
  });

  const titleColumn: TableColumnsType<AlertListItem>[number] = {
    title: t('alerts.titleCol'),
    key: 'title',
    render: (_: unknown, a) => (
      <Flex vertical gap={2}>
        <Link
          to={`/alerts/${a.id}`}
          style={{ fontWeight: a.response && a.response.answer === null ? 600 : undefined }}
        >
          {a.title}
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.accidentDate} · {a.place}
        </Typography.Text>
        {phone ? (
          <>
            <Typography.Text style={{ fontSize: 12 }}>
              {t('alerts.dueDate')}：{a.dueDate}
              {a.pastDue ? `（${t('alerts.pastDue')}）` : ''}
            </Typography.Text>
            {a.response ? <ResponseTags response={a.response} /> : null}
            {a.stats ? <AlertStats stats={a.stats} /> : null}
          </>
        ) : null}
      </Flex>
    ),
  };
  const dueColumn: TableColumnsType<AlertListItem>[number] = {
    title: t('alerts.dueDate'),
    key: 'due',
    width: 140,
    render: (_: unknown, a) => (
      <Flex vertical gap={2} align="flex-start">
        <span>{a.dueDate}</span>
        {a.pastDue ? <Tag style={{ marginInlineEnd: 0 }}>{t('alerts.pastDue')}</Tag> : null}
      </Flex>
    ),
  };
  // On a phone the title column carries the due date and the answer or figures.
  const columns: TableColumnsType<AlertListItem> = phone
    ? [titleColumn]
    : isEnterprise
      ? [
          titleColumn,
          dueColumn,
          {
            title: t('alerts.myResponse'),
            key: 'response',
            width: 170,
            render: (_: unknown, a) => (a.response ? <ResponseTags response={a.response} /> : null),
          },
        ]
      : [
          titleColumn,
          {
            title: t('alerts.sectors'),
            key: 'sectors',
            width: 200,
            render: (_: unknown, a) => <SectorTags sectors={a.sectors} />,
          },
          dueColumn,
          {
            title: t('alerts.responses'),
            key: 'stats',
            width: 200,
            render: (_: unknown, a) => (a.stats ? <AlertStats stats={a.stats} /> : null),
          },
        ];

  return (
    <>
      <PageHeader
        title={t('nav.alerts')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('alerts.publish')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('common.search')}
          placeholder={t('alerts.searchPlaceholder')}
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
        {isEnterprise ? (
          <Checkbox
            checked={onlyPending}
            onChange={(e) => {
              setOnlyPending(e.target.checked);
              setPage(1);
            }}
          >
            {t('alerts.onlyPending')}
          </Checkbox>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<AlertListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: isEnterprise ? 600 : 860 }}
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
      {drawer.seq > 0 ? (
        <AlertFormDrawer
          key={drawer.seq}
          open={drawer.open}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </>
  );
}
