import { registerMessages } from './message-registry';

/**
 * UI strings of campaigns and the ones the issue-4 pages share (campaignUi.*), Chinese first: both
 * languages, `{name}` placeholders filled by `t(key, { name })`.
 */
export const campaignMessages = {
  // Shared by these pages
  'campaignUi.required': { zh: '请填写{field}', en: 'Enter the {field}' },
  'campaignUi.select': { zh: '请选择{field}', en: 'Choose the {field}' },
  'campaignUi.reasonRequired': {
    zh: '请填写原因（至少2个字）',
    en: 'Give a reason (at least 2 characters)',
  },
  'campaignUi.fileTooLarge': { zh: '文件不能超过{mb}MB', en: 'The file must not exceed {mb} MB' },
  'campaignUi.weekday1': { zh: '周一', en: 'Monday' },
  'campaignUi.weekday2': { zh: '周二', en: 'Tuesday' },
  'campaignUi.weekday3': { zh: '周三', en: 'Wednesday' },
  'campaignUi.weekday4': { zh: '周四', en: 'Thursday' },
  'campaignUi.weekday5': { zh: '周五', en: 'Friday' },
  'campaignUi.weekday6': { zh: '周六', en: 'Saturday' },
  'campaignUi.weekday7': { zh: '周日', en: 'Sunday' },

  // Campaigns
  'campaigns.current': { zh: '当前专项行动', en: 'Current campaign' },
  'campaigns.noneRunning': {
    zh: '本辖区目前没有进行中的专项行动。',
    en: 'No campaign is running in your district.',
  },
  'campaigns.create': { zh: '新建专项行动', en: 'New campaign' },
  'campaigns.createTitle': { zh: '新建专项行动', en: 'New campaign' },
  'campaigns.editTitle': { zh: '编辑专项行动', en: 'Edit campaign' },
  'campaigns.created': { zh: '专项行动已创建', en: 'Campaign created' },
  'campaigns.name': { zh: '名称', en: 'Name' },
  'campaigns.namePlaceholder': {
    zh: '如：2023年重大事故隐患专项排查整治行动',
    en: 'e.g. 2023 major accident hazard campaign',
  },
  'campaigns.year': { zh: '年度', en: 'Year' },
  'campaigns.filterYear': { zh: '按年度筛选', en: 'Filter by year' },
  'campaigns.orgUnit': { zh: '组织单位', en: 'Org unit' },
  'campaigns.orgUnitDefault': { zh: '默认为本单位所在区县', en: 'Default: my district' },
  'campaigns.orgUnitHint': {
    zh: '专项行动面向该单位辖区内的企业',
    en: 'The campaign covers the enterprises of this unit',
  },
  'campaigns.sectors': { zh: '行业领域', en: 'Sectors' },
  'campaigns.period': { zh: '起止日期', en: 'Period' },
  'campaigns.status': { zh: '进度', en: 'Progress' },
  'campaigns.phases': { zh: '阶段安排', en: 'Phases' },
  'campaigns.phaseN': { zh: '第{n}阶段', en: 'Phase {n}' },
  'campaigns.phaseName': { zh: '阶段名称', en: 'Phase name' },
  'campaigns.phaseStart': { zh: '开始日期', en: 'Start' },
  'campaigns.phaseEnd': { zh: '截止日期', en: 'Deadline' },
  'campaigns.addPhase': { zh: '添加阶段', en: 'Add phase' },
  'campaigns.removePhase': { zh: '删除第{n}阶段', en: 'Remove phase {n}' },
  'campaigns.weekly': { zh: '每周调度报送', en: 'Weekly report' },
  'campaigns.weekday': { zh: '报送日', en: 'Due day' },
  'campaigns.hour': { zh: '截止时间', en: 'Due time' },
  'campaigns.milestones': { zh: '阶段性报送', en: 'Milestone reports' },
  'campaigns.milestoneN': { zh: '报送事项{n}', en: 'Report {n}' },
  'campaigns.milestoneName': { zh: '报送事项', en: 'Report' },
  'campaigns.milestoneDue': { zh: '截止日期', en: 'Due' },
  'campaigns.addMilestone': { zh: '添加报送事项', en: 'Add report' },
  'campaigns.removeMilestone': { zh: '删除报送事项{n}', en: 'Remove report {n}' },
  'campaigns.notFound': { zh: '专项行动不存在', en: 'Campaign not found' },
  'campaigns.backToList': { zh: '返回专项行动列表', en: 'Back to the campaigns' },
  'campaigns.progressTitle': { zh: '进度（{date}）', en: 'Progress ({date})' },
  'campaigns.phaseNow': {
    zh: '当前阶段：{name}，{end}截止，剩余{days}天',
    en: 'Now: {name}, due {end}, {days} days left',
  },
  'campaigns.startsOn': { zh: '将于{date}开始', en: 'Starts on {date}' },
  'campaigns.endedOn': { zh: '已于{date}结束', en: 'Ended on {date}' },
  'campaigns.betweenPhases': {
    zh: '下一阶段“{name}”将于{date}开始',
    en: 'Next phase “{name}” starts on {date}',
  },
  'campaigns.phaseProgress': { zh: '本阶段进度', en: 'Phase progress' },
  'campaigns.overall': {
    zh: '总体进度：第{elapsed}天 / 共{total}天（{start} ~ {end}）',
    en: 'Overall: day {elapsed} of {total} ({start} – {end})',
  },
  'campaigns.overallLabel': { zh: '总体进度', en: 'Overall progress' },
  'campaigns.nextMilestone': { zh: '下一项阶段性报送', en: 'Next milestone report' },
  'campaigns.milestoneLine': {
    zh: '{name}，{due}截止（还有{days}天）',
    en: '{name}, due {due} ({days} days)',
  },
  'campaigns.nextWeekly': { zh: '下次周报截止', en: 'Next weekly report due' },
  'campaigns.daysLeft': { zh: '剩余{days}天', en: '{days} days left' },
  'campaigns.dueInDays': { zh: '还有{days}天', en: 'in {days} days' },
  'campaigns.pastDue': { zh: '已过截止日', en: 'past' },
  'campaigns.noMilestones': { zh: '未设阶段性报送', en: 'No milestone reports' },
  'campaigns.reporting': { zh: '报送安排', en: 'Reporting' },
  'campaigns.weeklyLine': {
    zh: '每周调度表：每{weekday} {hour}:00 前报送',
    en: 'Weekly dispatch table: due every {weekday} by {hour}:00',
  },
  'campaigns.facts': { zh: '基本信息', en: 'Details' },
  'campaigns.createdBy': { zh: '创建', en: 'Created' },
  'campaigns.updatedAt': { zh: '最近修改', en: 'Last changed' },
  'campaigns.void': { zh: '作废', en: 'Void' },
  'campaigns.voidTitle': { zh: '作废专项行动“{name}”', en: 'Void campaign “{name}”' },
  'campaigns.voidHint': {
    zh: '作废后该专项行动不再显示为当前专项行动，记录保留备查。',
    en: 'A voided campaign is no longer shown as current; it is kept on record.',
  },
  'campaigns.voidReason': { zh: '作废原因', en: 'Reason' },
  'campaigns.voided': { zh: '专项行动已作废', en: 'Campaign voided' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(campaignMessages);
