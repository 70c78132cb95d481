import { registerMessages } from './message-registry';

/**
 * UI strings of the five-duty scorecard and the duty tabs (issue 6), registered when imported (see
 * message-registry.ts).
 */
export const dutyMessages = {
  'duties.tab.scorecard': { zh: '五项任务', en: 'Duties' },
  'duties.tab.organize': { zh: '排查整治', en: 'Inspection' },
  'duties.tab.responsibility': { zh: '岗位责任', en: 'Responsibility' },
  'duties.tab.hazardousWork': { zh: '危险作业', en: 'Hazardous work' },
  'duties.tab.outsourcing': { zh: '外包外租', en: 'Outsourcing' },
  'duties.tab.drills': { zh: '应急演练', en: 'Drills' },
  'duties.summary': {
    zh: '截至 {date}：已落实 {done} 项，部分落实 {partly} 项，未落实 {missing} 项（按企业记录自动计算）',
    en: 'As of {date}: {done} done, {partly} partly, {missing} missing (computed from the records)',
  },
  'duties.allMet': { zh: '各项要求均已落实', en: 'Every requirement is met' },
  'duties.intro': {
    zh: '企业主要负责人五项重点任务的落实情况，根据本企业在系统中的自查、检查、演练等记录自动计算；点击“查看记录”补充完善。',
    en: "The main leader's five duties, computed from the enterprise's records in the system; open the records to complete them.",
  },
  'duties.openRecords': { zh: '查看记录', en: 'Open the records' },
  'duties.enterprise': { zh: '企业名称', en: 'Enterprise' },
  'duties.sector': { zh: '行业领域', en: 'Sector' },
  'duties.search': { zh: '搜索企业名称', en: 'Search enterprises' },
  'duties.export': { zh: '导出', en: 'Export' },
  'duties.total': { zh: '共 {n} 家企业', en: '{n} enterprises' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(dutyMessages);
