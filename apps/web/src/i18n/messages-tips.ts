/** UI strings of tips on the staff side (triage), merged into `messages` (i18n/messages.ts). */
export const tipMessages = {
  'nav.group.tips': { zh: '举报管理', en: 'Tips' },
  'nav.tips': { zh: '举报受理', en: 'Tips' },
  'nav.tip': { zh: '举报详情', en: 'Tip' },
} as const satisfies Record<string, { zh: string; en: string }>;
