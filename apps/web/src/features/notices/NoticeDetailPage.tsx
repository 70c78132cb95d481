import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Input,
  Result,
  Segmented,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { BellOutlined, PaperClipOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ErrorCode,
  SECTOR_LABELS,
  type NoticeDetail,
  type NoticeReceipt,
} from '@hazard-ledger/domain';
import { ApiError, isApiError } from '../../api/client';
import {
  getNotice,
  listNoticeReceipts,
  noticeAttachmentUrl,
  remindNotice,
  type ReceiptQuery,
  type ReceiptStatus,
} from '../../api/notices-api';
import { queryKeys } from '../../api/query-keys';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/usePageTitle';
import { useLocale } from '../../i18n/locale-context';
import { SectorTags } from '../catalogs/labels';
import { formatSize } from './attachments';
import { ReadStats, ReceiptTags } from './labels';

function parseId(raw: string | undefined): number | null {
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

/**
 * /notices/:id — the notice with its attachments. An enterprise user's opening records the read
 * receipt; staff who manage notices see every target enterprise's receipt and remind the unread.
 */
export function NoticeDetailPage() {
  const id = parseId(useParams().id);
  const { t } = useLocale();
  if (id === null) return <NotFound title={t('notices.notFound')} />;
  return <NoticeLoader key={id} id={id} />;
}

function NotFound({ title }: { title: string }) {
  const { t } = useLocale();
  usePageTitle(title);
  return (
    <Result
      status="404"
      title={title}
      extra={<Link to="/notices">{t('notices.backToList')}</Link>}
    />
  );
}

function NoticeLoader({ id }: { id: number }) {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.notice(id),
    queryFn: ({ signal }) => getNotice(id, signal),
  });
  // Opening the notice recorded my receipt: the lists and the unread badge are now out of date.
  const marked = useRef(false);
  useEffect(() => {
    if (query.data?.receipt && !marked.current) {
      marked.current = true;
      void queryClient.invalidateQueries({ queryKey: ['notices', 'list'] });
    }
  }, [query.data, queryClient]);

  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error, ErrorCode.NotFound) || isApiError(query.error, ErrorCode.Forbidden))
      return <NotFound title={t('notices.notFound')} />;
    return <ErrorAlert error={query.error} />;
  }
  return <NoticeView notice={query.data} />;
}

function NoticeView({ notice: n }: { notice: NoticeDetail }) {
  const { t } = useLocale();
  usePageTitle(n.title);
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/notices">{t('nav.notices')}</Link> },
          { title: t('notices.detail') },
        ]}
      />
      <PageHeader title={n.title} />
      {n.receipt ? (
        <Alert
          type={n.receipt.readAt ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Space size={8} wrap>
              <ReceiptTags receipt={n.receipt} />
              {n.receipt.readAt ? (
                <span>
                  {t('notices.readBy', {
                    name: n.receipt.readByName ?? '—',
                    at: formatDateTime(n.receipt.readAt),
                  })}
                </span>
              ) : null}
            </Space>
          }
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'org',
              label: t('notices.publisher'),
              children: `${n.orgUnitName} · ${n.publisherName}`,
            },
            { key: 'at', label: t('notices.publishedAt'), children: formatDateTime(n.publishedAt) },
            {
              key: 'sectors',
              label: t('notices.sectors'),
              children: <SectorTags sectors={n.sectors} />,
            },
            ...(n.campaignId
              ? [
                  {
                    key: 'campaign',
                    label: t('notices.campaign'),
                    children: (
                      <Link to={`/campaigns/${n.campaignId}`}>{t('notices.openCampaign')}</Link>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8 }}>
          {n.body}
        </Typography.Paragraph>
        {n.attachments.length > 0 ? (
          <>
            <Typography.Title level={5}>{t('notices.attachments')}</Typography.Title>
            <Flex vertical style={{ border: '1px solid #f0f0f0', borderRadius: 6 }}>
              {n.attachments.map((a, i) => (
                <Flex
                  key={a.id}
                  gap={8}
                  align="center"
                  wrap
                  style={{
                    padding: '8px 12px',
                    borderTop: i > 0 ? '1px solid #f0f0f0' : undefined,
                    minWidth: 0,
                  }}
                >
                  <PaperClipOutlined aria-hidden />
                  <a
                    href={noticeAttachmentUrl(n.id, a.id)}
                    download={a.fileName}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {a.fileName}
                  </a>
                  <Typography.Text type="secondary">{formatSize(a.size)}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          </>
        ) : null}
      </Card>
      {n.can.manage && n.stats ? <ReceiptsCard notice={n} /> : null}
    </>
  );
}

type StatusFilter = 'all' | ReceiptStatus;

function ReceiptsCard({ notice }: { notice: NoticeDetail }) {
  const { t, label } = useLocale();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [selected, setSelected] = useState<number[]>([]);
  const phone = !Grid.useBreakpoint().md;

  const query: ReceiptQuery = {
    page,
    pageSize,
    status: status === 'all' ? undefined : status,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: queryKeys.noticeReceipts(notice.id, query),
    queryFn: ({ signal }) => listNoticeReceipts(notice.id, query, signal),
    placeholderData: keepPreviousData,
  });

  const remind = useMutation({
    mutationFn: (ids: number[] | null) => remindNotice(notice.id, ids),
    onSuccess: async (r) => {
      void message.success(
        r.reminded > 0 ? t('notices.remindedN', { n: r.reminded }) : t('notices.remindedNone'),
      );
      setSelected([]);
      await queryClient.invalidateQueries({ queryKey: queryKeys.notice(notice.id) });
    },
    onError: (e) => {
      void message.error(e instanceof ApiError ? e.message : t('common.unexpectedError'));
    },
  });

  const confirmRemind = (ids: number[] | null) => {
    modal.confirm({
      title: ids
        ? t('notices.remindSelectedTitle', { n: ids.length })
        : t('notices.remindAllTitle', { n: notice.stats?.unreadCount ?? 0 }),
      content: t('notices.remindHint'),
      okText: t('notices.remind'),
      cancelText: t('common.cancel'),
      onOk: () => remind.mutateAsync(ids).catch(() => undefined),
    });
  };

  const readerOf = (r: NoticeReceipt) =>
    r.readAt ? (
      <Flex vertical gap={0}>
        <span>{r.readByName ?? '—'}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.readAt)}
        </Typography.Text>
      </Flex>
    ) : (
      '—'
    );
  const statusOf = (r: NoticeReceipt) =>
    r.readAt ? (
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('notices.read')}
      </Tag>
    ) : (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('notices.unread')}
      </Tag>
    );
  // On a phone: the enterprise with its reader and reminders in one column, the status beside.
  const phoneColumns: TableColumnsType<NoticeReceipt> = [
    {
      title: t('notices.enterprise'),
      key: 'enterprise',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span>{r.enterpriseName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(SECTOR_LABELS[r.sector])} · {r.districtName}
          </Typography.Text>
          {r.readAt ? (
            <Typography.Text style={{ fontSize: 12 }}>
              {t('notices.readBy', { name: r.readByName ?? '—', at: formatDateTime(r.readAt) })}
            </Typography.Text>
          ) : null}
          {r.remindCount > 0 ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('notices.remindTimes', { n: r.remindCount })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('notices.status'),
      key: 'status',
      width: 72,
      render: (_: unknown, r) => statusOf(r),
    },
  ];
  const columns: TableColumnsType<NoticeReceipt> = [
    {
      title: t('notices.enterprise'),
      key: 'enterprise',
      render: (_: unknown, r) => (
        <Flex vertical gap={2}>
          <span>{r.enterpriseName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(SECTOR_LABELS[r.sector])} · {r.districtName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('notices.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, r) => statusOf(r),
    },
    {
      title: t('notices.reader'),
      key: 'reader',
      width: 200,
      render: (_: unknown, r) => readerOf(r),
    },
    {
      title: t('notices.reminders'),
      key: 'reminders',
      width: 180,
      render: (_: unknown, r) =>
        r.remindCount > 0 ? (
          <Flex vertical gap={0}>
            <span>{t('notices.remindTimes', { n: r.remindCount })}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(r.lastRemindedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
  ];

  const stats = notice.stats!;
  return (
    <Card
      title={t('notices.receipts')}
      extra={<ReadStats stats={stats} />}
      styles={{
        header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 },
        body: phone ? { padding: 12 } : undefined,
      }}
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<StatusFilter>
          aria-label={t('notices.receiptFilter')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
            setSelected([]);
          }}
          options={[
            { value: 'all', label: t('common.all') },
            { value: 'unread', label: t('notices.unread') },
            { value: 'read', label: t('notices.read') },
          ]}
        />
        <Input.Search
          aria-label={t('notices.searchEnterprise')}
          placeholder={t('notices.searchEnterprise')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
          style={{ width: 240, maxWidth: '100%' }}
        />
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Button
          icon={<BellOutlined />}
          disabled={stats.unreadCount === 0}
          loading={remind.isPending}
          onClick={() => confirmRemind(null)}
        >
          {t('notices.remindAll', { n: stats.unreadCount })}
        </Button>
        <Button
          disabled={selected.length === 0}
          loading={remind.isPending}
          onClick={() => confirmRemind(selected)}
        >
          {t('notices.remindSelected', { n: selected.length })}
        </Button>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table<NoticeReceipt>
        rowKey="enterpriseId"
        size="middle"
        columns={phone ? phoneColumns : columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={phone ? undefined : { x: 720 }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(Number)),
          getCheckboxProps: (r) => ({
            disabled: r.readAt !== null,
            'aria-label': t('notices.selectEnterprise', { name: r.enterpriseName }),
          }),
        }}
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
    </Card>
  );
}
