/** UI strings of penalty cases, measures and repeat offenders, merged into `messages` (i18n/messages.ts). */
export const penaltyMessages = {
  'nav.penaltyCases': { zh: '行政处罚', en: 'Penalty cases' },
  'nav.penaltyCase': { zh: '处罚案件', en: 'Penalty case' },
  'nav.repeatOffenders': { zh: '屡查屡犯', en: 'Repeat offenders' },
} as const satisfies Record<string, { zh: string; en: string }>;
