/** UI strings of informants and rewards, merged into `messages` (i18n/messages.ts). */
export const informantMessages = {
  'nav.informants': { zh: '信息员', en: 'Informants' },
  'nav.rewards': { zh: '举报奖励', en: 'Rewards' },
  'nav.myReports': { zh: '我的报告', en: 'My reports' },
} as const satisfies Record<string, { zh: string; en: string }>;
