/** UI strings of leader inspections, key periods and safety funds, merged into `messages` (i18n/messages.ts). */
export const leaderDutyMessages = {
  'nav.keyPeriods': { zh: '关键时间节点', en: 'Key periods' },
  'nav.leaderInspections': { zh: '负责人带队检查', en: 'Leader inspections' },
} as const satisfies Record<string, { zh: string; en: string }>;
