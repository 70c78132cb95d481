import { useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { NotificationView } from '@hazard-ledger/domain';
import {
  getUnreadCount,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationKeys,
  UNREAD_POLL_MS,
} from '../../api/notifications-api';
import { formatDateTime } from '../../components/format';
import { useLocale } from '../../i18n/locale-context';
import '../../i18n/messages-notifications';

const LATEST = { page: 1, pageSize: 6 };

/** The header's bell: the unread count (polled every minute) and a dropdown of the latest. */
export function NotificationBell() {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const count = useQuery({
    queryKey: notificationKeys.unreadCount,
    queryFn: ({ signal }) => getUnreadCount(signal),
    refetchInterval: UNREAD_POLL_MS,
    // The bell is decoration on every page: a failure shows nothing rather than an error.
    retry: false,
  });
  const latest = useQuery({
    queryKey: notificationKeys.list(LATEST),
    queryFn: ({ signal }) => listNotifications(LATEST, signal),
    enabled: open,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markOne = useMutation({ mutationFn: markNotificationRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: refresh });
  const unread = count.data?.count ?? 0;

  const openItem = (n: NotificationView) => {
    if (n.readAt === null) markOne.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const content = (
    <Flex vertical gap={8} style={{ width: 340, maxWidth: '80vw' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.latest')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Spin spinning={latest.isFetching && !latest.data}>
          <ul
            style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflow: 'auto' }}
          >
            {(latest.data?.items ?? []).map((n) => (
              <li
                key={n.id}
                style={{ cursor: 'pointer', padding: '6px 4px', borderBottom: '1px solid #f0f0f0' }}
                onClick={() => openItem(n)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') openItem(n);
                }}
                tabIndex={0}
              >
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center">
                    {n.readAt === null ? <Badge status="error" aria-hidden /> : null}
                    <Typography.Text strong={n.readAt === null} ellipsis>
                      {n.title}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {n.body}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </li>
            ))}
          </ul>
        </Spin>
      )}
      <Link to="/notifications" onClick={() => setOpen(false)} style={{ textAlign: 'center' }}>
        {t('notifications.viewAll')}
      </Link>
    </Flex>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { n: unread })}
        icon={
          <Badge count={unread} overflowCount={99} size="small">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Popover>
  );
}
