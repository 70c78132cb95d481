/** UI strings (issue 10), merged into `messages` (i18n/messages.ts). */
export const notificationMessages = {
  'nav.notifications': { zh: '消息提醒', en: 'Notifications' },
} as const;
