/** UI strings (issue 10), merged into `messages` (i18n/messages.ts). */
export const dashboardMessages = {} as const;
