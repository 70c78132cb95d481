/** UI strings of the five-duty scorecard and the duty tabs (issue 6), merged into `messages` (i18n/messages.ts). */
export const dutyMessages = {
  'nav.duties': { zh: '五项重点任务', en: 'Five duties' },
  'duties.tab.scorecard': { zh: '五项任务', en: 'Duties' },
  'duties.tab.organize': { zh: '排查整治', en: 'Inspection' },
  'duties.tab.responsibility': { zh: '岗位责任', en: 'Responsibility' },
  'duties.tab.hazardousWork': { zh: '危险作业', en: 'Hazardous work' },
  'duties.tab.outsourcing': { zh: '外包外租', en: 'Outsourcing' },
  'duties.tab.drills': { zh: '应急演练', en: 'Drills' },
} as const satisfies Record<string, { zh: string; en: string }>;
