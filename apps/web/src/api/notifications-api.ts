import type { NotificationKind, NotificationList, NotificationView } from '@hazard-ledger/domain';
import { apiGet, apiPost } from './client';

// The notification centre: my notifications, the bell's unread count, marking read.

export type NotificationListQuery = {
  page: number;
  pageSize: number;
  unread?: boolean;
  kind?: NotificationKind;
};

/** React Query keys of the notification centre (everything under one root to invalidate). */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: (q: NotificationListQuery) => ['notifications', 'list', q] as const,
  unreadCount: ['notifications', 'unread-count'] as const,
};

/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

export function listNotifications(
  query: NotificationListQuery,
  signal?: AbortSignal,
): Promise<NotificationList> {
  return apiGet<NotificationList>('/notifications', query, signal);
}

export function getUnreadCount(signal?: AbortSignal): Promise<{ count: number }> {
  return apiGet<{ count: number }>('/notifications/unread-count', undefined, signal);
}

export function markNotificationRead(id: number): Promise<NotificationView> {
  return apiPost<NotificationView>(`/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<{ updated: number }> {
  return apiPost<{ updated: number }>('/notifications/read-all');
}
