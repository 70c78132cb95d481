/** UI strings of the public tip page and the receipt-code follow-up, merged into `messages` (i18n/messages.ts). */
export const publicTipMessages = {
  'tipPublic.title': { zh: '安全生产举报', en: 'Report a safety hazard' },
} as const satisfies Record<string, { zh: string; en: string }>;
