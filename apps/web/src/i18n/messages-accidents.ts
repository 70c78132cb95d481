import { registerMessages } from './message-registry';

/** UI strings (issue 10), registered when imported (see message-registry.ts). */
export const accidentMessages = {
  // List
  'accidents.new': { zh: '登记事故', en: 'Record an accident' },
  'accidents.empty': { zh: '暂无事故记录', en: 'No accidents' },
  'accidents.filter.level': { zh: '事故等级', en: 'Level' },
  'accidents.filter.type': { zh: '事故类别', en: 'Type' },
  'accidents.filter.sector': { zh: '行业领域', en: 'Sector' },
  'accidents.filter.status': { zh: '状态', en: 'Status' },
  'accidents.filter.dates': { zh: '事发日期', en: 'Date range' },
  'accidents.searchPlaceholder': { zh: '企业名称', en: 'Enterprise name' },
  'accidents.col.occurredAt': { zh: '事发时间', en: 'Occurred' },
  'accidents.col.enterprise': { zh: '企业', en: 'Enterprise' },
  'accidents.col.type': { zh: '类别', en: 'Type' },
  'accidents.col.casualties': { zh: '伤亡（死/重/轻）', en: 'Casualties (dead/serious/minor)' },
  'accidents.col.loss': { zh: '直接经济损失', en: 'Direct loss' },
  'accidents.col.level': { zh: '等级', en: 'Level' },
  'accidents.casualties': {
    zh: '死亡{d}人 · 重伤{s}人 · 轻伤{m}人',
    en: '{d} dead · {s} serious · {m} minor',
  },
  'accidents.yuan': { zh: '{v}元', en: 'CNY {v}' },

  // Form
  'accidents.createTitle': { zh: '登记生产安全事故', en: 'Record an accident' },
  'accidents.editTitle': { zh: '修改事故信息', en: 'Edit the accident' },
  'accidents.enterprise': { zh: '事故企业', en: 'Enterprise' },
  'accidents.enterprisePlaceholder': { zh: '输入企业名称搜索', en: 'Search by name' },
  'accidents.occurredAt': { zh: '事发时间', en: 'Occurred at' },
  'accidents.type': { zh: '事故类别', en: 'Type' },
  'accidents.place': { zh: '事发地点', en: 'Place' },
  'accidents.deaths': { zh: '死亡（人）', en: 'Deaths' },
  'accidents.seriousInjuries': { zh: '重伤（人，含急性工业中毒）', en: 'Serious injuries' },
  'accidents.minorInjuries': { zh: '轻伤（人）', en: 'Minor injuries' },
  'accidents.directLoss': { zh: '直接经济损失（元）', en: 'Direct economic loss (CNY)' },
  'accidents.level': { zh: '事故等级', en: 'Level' },
  'accidents.suggested': {
    zh: '按《生产安全事故报告和调查处理条例》第三条，应定为：{level}',
    en: 'By the national rule the level is: {level}',
  },
  'accidents.levelReason': { zh: '改定等级的理由', en: 'Why the level differs' },
  'accidents.report': { zh: '事故简要情况', en: 'Short report' },
  'accidents.required': { zh: '请填写{field}', en: '{field} is required' },
  'accidents.saved': { zh: '事故已登记', en: 'Accident recorded' },

  // Detail
  'accidents.facts': { zh: '事故信息', en: 'Facts' },
  'accidents.suggestedLevel': { zh: '按条例应定等级', en: 'Level by the rule' },
  'accidents.recordedBy': { zh: '登记', en: 'Recorded' },
  'accidents.void': { zh: '作废', en: 'Void' },
  'accidents.voidTitle': { zh: '作废事故记录', en: 'Void the accident record' },
  'accidents.voidReason': { zh: '作废理由', en: 'Reason' },
  'accidents.voided': {
    zh: '本记录已于{at}由{by}作废：{reason}',
    en: 'Voided at {at} by {by}: {reason}',
  },
  'accidents.voidDone': { zh: '已作废', en: 'Voided' },

  // Trace-back
  'trace.title': { zh: '责任倒查', en: 'Responsibility trace-back' },
  'trace.export': { zh: '导出倒查材料', en: 'Export (xlsx)' },
  'trace.intro': {
    zh: '事故发生前两年（{from} 至 {to}）对该企业的全部现场检查记录、签名执法人员、发现的隐患及其在事发时的状态。谁检查、谁签名、谁负责。',
    en: 'Every inspection of the enterprise in the two years before the accident ({from} – {to}), who signed it, the hazards found and their state at the moment of the accident.',
  },
  'trace.inspections': { zh: '现场检查记录（{n}）', en: 'Inspection records ({n})' },
  'trace.noInspections': {
    zh: '事故前两年内无现场检查记录',
    en: 'No inspections in the two years before',
  },
  'trace.recordNo': { zh: '记录编号', en: 'Record no.' },
  'trace.startedAt': { zh: '检查时间', en: 'Inspected' },
  'trace.recordStatus': { zh: '记录状态', en: 'Status' },
  'trace.inspectors': { zh: '执法人员', en: 'Inspectors' },
  'trace.signers': { zh: '签名人员', en: 'Signed by' },
  'trace.noSigners': { zh: '未签名', en: 'Not signed' },
  'trace.findings': { zh: '发现的隐患', en: 'Hazards found' },
  'trace.noFindings': { zh: '未发现隐患', en: 'No hazards found' },
  'trace.hazard': { zh: '隐患', en: 'Hazard' },
  'trace.item': { zh: '判定标准条目', en: 'Catalog item' },
  'trace.statusAt': { zh: '事发时状态', en: 'State at the accident' },
  'trace.statusNow': { zh: '当前状态', en: 'State now' },
  'trace.openAt': { zh: '事发时未销号', en: 'Open at the accident' },
  'trace.unlinked': {
    zh: '另有{n}项发现未进入隐患台账',
    en: '{n} more findings not in the ledger',
  },
  'trace.sameItem': {
    zh: '事发时未销号的同类隐患（同一判定标准条目，{n}）',
    en: 'Hazards open at the time on the same catalog items ({n})',
  },
  'trace.sameItemEmpty': { zh: '无', en: 'None' },
  'trace.foundByInspection': { zh: '检查发现', en: 'Found in an inspection' },
  'trace.deadline': { zh: '整改期限', en: 'Deadline' },
  'trace.foundAt': { zh: '发现日期', en: 'Found' },
  'trace.cases': { zh: '行政处罚案件（{n}）', en: 'Penalty cases ({n})' },
  'trace.orders': { zh: '责令限期整改指令书（{n}）', en: 'Rectification orders ({n})' },
  'trace.caseNo': { zh: '案号', en: 'Case no.' },
  'trace.filedOn': { zh: '立案日期', en: 'Filed' },
  'trace.matter': { zh: '案由', en: 'Matter' },
  'trace.orderNo': { zh: '文书编号', en: 'Order no.' },
  'trace.issuedOn': { zh: '签发日期', en: 'Issued' },
  'trace.status': { zh: '状态', en: 'Status' },
} as const;

registerMessages(accidentMessages);
