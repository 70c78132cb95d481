import { registerMessages } from './message-registry';

/**
 * UI strings of the home dashboards (issue 10 item 1), registered when imported (see
 * message-registry.ts).
 */
export const dashboardMessages = {
  'dashboard.title': { zh: '工作看板', en: 'Dashboard' },
  'dashboard.loadFailed': { zh: '看板数据加载失败', en: 'The dashboard could not be loaded' },
  'dashboard.clickHint': {
    zh: '点击图表中的任一部分可打开对应的记录；调度指标与调度表同一口径。',
    en: 'Click any part of a chart to open the records behind it; report figures use the dispatch report definitions.',
  },
  'dashboard.period': {
    zh: '调度统计：{start} 至 {to}（本周 {from} 至 {to}）',
    en: 'Report figures: {start} to {to} (this week {from} to {to})',
  },
  'dashboard.noCampaign': {
    zh: '当前没有进行中的专项行动，调度统计指标暂不显示。',
    en: 'No campaign is running: the report figures are not shown.',
  },
  'dashboard.notStarted': {
    zh: '专项行动尚未开始，调度统计指标自开始之日起显示。',
    en: 'The campaign has not started yet: report figures start on its first day.',
  },
  'dashboard.hazardsBySector': {
    zh: '隐患台账（按行业和状态）',
    en: 'Hazards by sector and status',
  },
  'dashboard.rectification': {
    zh: '重大事故隐患整改情况（按周）',
    en: 'Major hazard rectification by week',
  },
  'dashboard.rectification.found': { zh: '本周排查', en: 'Found in the week' },
  'dashboard.rectification.rectified': { zh: '本周整改', en: 'Rectified in the week' },
  'dashboard.rectification.rate': { zh: '累计整改率（%）', en: 'Cumulative rate (%)' },
  'dashboard.alerts.overdue': { zh: '逾期未整改隐患', en: 'Overdue hazards' },
  'dashboard.alerts.overdueMajor': { zh: '其中重大事故隐患', en: 'of which major' },
  'dashboard.alerts.supervised': { zh: '挂牌督办隐患', en: 'Supervised hazards' },
  'dashboard.alerts.coverage': { zh: '自查自改覆盖率', en: 'Self-inspection coverage' },
  'dashboard.selfInspection': {
    zh: '自查自改覆盖（按行业，累计）',
    en: 'Self-inspection coverage by sector (cumulative)',
  },
  'dashboard.selfInspection.submitted': { zh: '已自查企业', en: 'Self-inspected' },
  'dashboard.selfInspection.notSubmitted': { zh: '未自查企业', en: 'Not yet' },
  'dashboard.enforcement': {
    zh: '执法检查与处罚（按行业，累计）',
    en: 'Inspections and penalties by sector (cumulative)',
  },
  'dashboard.tips': { zh: '举报受理与核查（按行业，累计）', en: 'Tips by sector (cumulative)' },
  'dashboard.enterprise.openHazards': { zh: '本企业未销号隐患', en: 'Our open hazards' },
  'dashboard.enterprise.overdue': { zh: '逾期未整改', en: 'Overdue' },
  'dashboard.enterprise.deadlines': { zh: '临近整改期限', en: 'Nearest deadlines' },
  'dashboard.enterprise.noDeadlines': { zh: '没有待整改的隐患', en: 'No hazards to rectify' },
  'dashboard.enterprise.daysLeft': { zh: '剩 {days} 天', en: '{days} days left' },
  'dashboard.enterprise.overdueDays': { zh: '逾期 {days} 天', en: '{days} days overdue' },
  'dashboard.enterprise.dueToday': { zh: '今天到期', en: 'Due today' },
  'dashboard.enterprise.scorecard': {
    zh: '主要负责人五项重点任务落实情况',
    en: "Main leader's five duties",
  },
  'dashboard.enterprise.scorecardLink': { zh: '查看详情', en: 'Details' },
} as const;

registerMessages(dashboardMessages);
