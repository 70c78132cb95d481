import { registerMessages } from './message-registry';

/** UI strings (issue 10), registered when imported (see message-registry.ts). */
export const notificationMessages = {
  'notifications.bell': { zh: '消息提醒，{n}条未读', en: 'Notifications, {n} unread' },
  'notifications.latest': { zh: '最新提醒', en: 'Latest' },
  'notifications.viewAll': { zh: '查看全部', en: 'View all' },
  'notifications.markAllRead': { zh: '全部标为已读', en: 'Mark all read' },
  'notifications.markRead': { zh: '标为已读', en: 'Mark read' },
  'notifications.empty': { zh: '暂无提醒', en: 'No notifications' },
  'notifications.onlyUnread': { zh: '只看未读', en: 'Unread only' },
  'notifications.kind': { zh: '提醒类型', en: 'Kind' },
  'notifications.allKinds': { zh: '全部类型', en: 'All kinds' },
  'notifications.unreadCount': { zh: '未读 {n} 条', en: '{n} unread' },
  'notifications.createdAt': { zh: '提醒时间', en: 'Created' },
  'notifications.unread': { zh: '未读', en: 'Unread' },
  'notifications.read': { zh: '已读', en: 'Read' },
  'notifications.open': { zh: '查看记录', en: 'Open record' },
  'notifications.markedAll': { zh: '已将 {n} 条标为已读', en: '{n} marked read' },
  'notifications.intro': {
    zh: '系统每天早上根据隐患整改期限、证书有效期、演练与带队检查、周调度表和举报办理期限自动提醒相关人员。',
    en: 'Every morning the system reminds the people concerned of hazard deadlines, expiring certificates, drills and leader inspections, weekly reports and tip deadlines.',
  },
} as const;

registerMessages(notificationMessages);
