import { useState } from 'react';
import { App, Badge, Button, Checkbox, Flex, Grid, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationView,
} from '@hazard-ledger/domain';
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  type NotificationListQuery,
} from '../../api/notifications-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-notifications';

/** /notifications — my notifications, newest first, with the unread and kind filters. */
export function NotificationsPage() {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [kind, setKind] = useState<NotificationKind | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);

  const query: NotificationListQuery = {
    page,
    pageSize,
    unread: onlyUnread ? true : undefined,
    kind,
  };
  const list = useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => listNotifications(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: async (r) => {
      void message.success(t('notifications.markedAll', { n: r.updated }));
      await refresh();
    },
  });
  const unread = list.data?.unread ?? 0;

  const titleColumn: TableColumnsType<NotificationView>[number] = {
    title: t('nav.notifications'),
    key: 'title',
    render: (_: unknown, n) => (
      <Flex vertical gap={2}>
        <Flex gap={6} align="center" wrap>
          {n.readAt === null ? (
            <Badge status="error" aria-label={t('notifications.unread')} />
          ) : null}
          <Typography.Text strong={n.readAt === null}>{n.title}</Typography.Text>
          {phone ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(NOTIFICATION_KIND_LABELS[n.kind])}
            </Typography.Text>
          ) : null}
        </Flex>
        <Typography.Text type="secondary">{n.body}</Typography.Text>
        <Flex gap={12} align="center" wrap>
          {phone ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(n.createdAt)}
            </Typography.Text>
          ) : null}
          {n.link ? (
            <Link
              to={n.link}
              onClick={() => {
                if (n.readAt === null) markOne.mutate(n.id);
              }}
            >
              {t('notifications.open')}
            </Link>
          ) : null}
          {n.readAt === null ? (
            <Button
              size="small"
              type="link"
              style={{ padding: 0 }}
              onClick={() => markOne.mutate(n.id)}
            >
              {t('notifications.markRead')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
    ),
  };
  const columns: TableColumnsType<NotificationView> = phone
    ? [titleColumn]
    : [
        titleColumn,
        {
          title: t('notifications.kind'),
          key: 'kind',
          width: 190,
          render: (_: unknown, n) => label(NOTIFICATION_KIND_LABELS[n.kind]),
        },
        {
          title: t('notifications.createdAt'),
          key: 'createdAt',
          width: 160,
          render: (_: unknown, n) => formatDateTime(n.createdAt),
        },
      ];

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        extra={
          <Flex gap={12} align="center">
            <Typography.Text type="secondary">
              {t('notifications.unreadCount', { n: unread })}
            </Typography.Text>
            <Button
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('notifications.intro')}</Typography.Paragraph>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }} role="search">
        <Select<NotificationKind | 'all'>
          aria-label={t('notifications.kind')}
          value={kind ?? 'all'}
          style={{ width: 220, maxWidth: '100%' }}
          options={[
            { value: 'all', label: t('notifications.allKinds') },
            ...NOTIFICATION_KINDS.map((k) => ({
              value: k,
              label: label(NOTIFICATION_KIND_LABELS[k]),
            })),
          ]}
          onChange={(v) => {
            setKind(v === 'all' ? undefined : v);
            setPage(1);
          }}
        />
        <Checkbox
          checked={onlyUnread}
          onChange={(e) => {
            setOnlyUnread(e.target.checked);
            setPage(1);
          }}
        >
          {t('notifications.onlyUnread')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={list.error ?? markOne.error ?? markAll.error} />
      <Table<NotificationView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: t('notifications.empty') }}
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
    </>
  );
}
