import { useState } from 'react';
import { Badge, Button, Checkbox, Flex, Grid, Input, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Permission, type NoticeListItem } from '@hazard-ledger/domain';
import { listNotices, type NoticeListQuery } from '../../api/notices-api';
import { queryKeys } from '../../api/query-keys';
import { useCan } from '../../auth/can';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { ReadStats, ReceiptTags } from './labels';
import { NoticeFormDrawer } from './NoticeFormDrawer';

/**
 * /notices — staff: the notices they published or oversee, with read figures, and the publish
 * form; enterprise users: the notices addressed to them, unread first, with an unread badge.
 */
export function NoticesPage() {
  const { t } = useLocale();
  const { me } = useSession();
  const canManage = useCan(Permission.NoticeManage);
  const isEnterprise = Boolean(me?.enterpriseId);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [drawer, setDrawer] = useState({ open: false, seq: 0 });
  const phone = !Grid.useBreakpoint().md;

  const query: NoticeListQuery = {
    page,
    pageSize,
    q: q || undefined,
    unread: isEnterprise && onlyUnread ? true : undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.noticeList(query),
    queryFn: ({ signal }) => listNotices(query, signal),
    placeholderData: keepPreviousData,
  });
  const unreadQuery: NoticeListQuery = { page: 1, pageSize: 1, unread: true };
  const unread = useQuery({
    queryKey: queryKeys.noticeList(unreadQuery),
    queryFn: ({ signal }) => listNotices(unreadQuery, signal),
    enabled: isEnterprise,
  });
  const unreadCount = unread.data?.total ?? 0;

  const titleColumn: TableColumnsType<NoticeListItem>[number] = {
    title: t('notices.titleCol'),
    key: 'title',
    render: (_: unknown, n) => {
      const isUnread = n.receipt !== null && n.receipt.readAt === null;
      return (
        <Flex vertical gap={2}>
          <Flex gap={6} align="center">
            {isUnread ? <Badge status="error" aria-hidden /> : null}
            <Link to={`/notices/${n.id}`} style={{ fontWeight: isUnread ? 600 : undefined }}>
              {n.title}
            </Link>
            {n.attachmentCount > 0 ? (
              <Typography.Text
                type="secondary"
                aria-label={t('notices.attachmentsN', { n: n.attachmentCount })}
              >
                <PaperClipOutlined /> {n.attachmentCount}
              </Typography.Text>
            ) : null}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.orgUnitName} · {n.publisherName}
            {phone ? ` · ${formatDateTime(n.publishedAt)}` : ''}
          </Typography.Text>
          {phone && n.receipt ? <ReceiptTags receipt={n.receipt} /> : null}
          {phone && n.stats ? <ReadStats stats={n.stats} /> : null}
        </Flex>
      );
    },
  };
  // On a phone the title column carries the status and figures: nothing to scroll sideways.
  const columns: TableColumnsType<NoticeListItem> = phone
    ? [titleColumn]
    : isEnterprise
      ? [
          titleColumn,
          {
            title: t('notices.status'),
            key: 'receipt',
            width: 150,
            render: (_: unknown, n) => (n.receipt ? <ReceiptTags receipt={n.receipt} /> : null),
          },
          {
            title: t('notices.publishedAt'),
            key: 'publishedAt',
            width: 150,
            render: (_: unknown, n) => formatDateTime(n.publishedAt),
          },
        ]
      : [
          titleColumn,
          {
            title: t('notices.sectors'),
            key: 'sectors',
            width: 200,
            render: (_: unknown, n) => <SectorTags sectors={n.sectors} />,
          },
          {
            title: t('notices.publishedAt'),
            key: 'publishedAt',
            width: 150,
            render: (_: unknown, n) => formatDateTime(n.publishedAt),
          },
          {
            title: t('notices.readStats'),
            key: 'stats',
            width: 190,
            render: (_: unknown, n) => (n.stats ? <ReadStats stats={n.stats} /> : null),
          },
        ];

  return (
    <>
      <PageHeader
        title={t('nav.notices')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrawer((d) => ({ open: true, seq: d.seq + 1 }))}
            >
              {t('notices.publish')}
            </Button>
          ) : isEnterprise ? (
            <Flex gap={6} align="center" style={{ minHeight: 32 }}>
              <Typography.Text type="secondary">{t('notices.unreadCount')}</Typography.Text>
              <Badge
                count={unreadCount}
                showZero
                overflowCount={99}
                color={unreadCount > 0 ? 'red' : 'gray'}
              />
            </Flex>
          ) : null
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Input.Search
          id="noticeSearch"
          aria-label={t('common.search')}
          placeholder={t('notices.searchPlaceholder')}
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
            checked={onlyUnread}
            onChange={(e) => {
              setOnlyUnread(e.target.checked);
              setPage(1);
            }}
          >
            {t('notices.onlyUnread')}
          </Checkbox>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<NoticeListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: isEnterprise ? 640 : 860 }}
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
        <NoticeFormDrawer
          key={drawer.seq}
          open={drawer.open}
          onClose={() => setDrawer((d) => ({ ...d, open: false }))}
        />
      ) : null}
    </>
  );
}
