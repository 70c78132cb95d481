import { registerMessages } from './message-registry';

/**
 * UI strings of rectification orders, re-inspections and on-site measures, registered when imported
 * (see message-registry.ts).
 */
export const enforcementOrderMessages = {
  // Lists
  'orders.tab.orders': { zh: '整改指令书', en: 'Rectification orders' },
  'orders.tab.measures': { zh: '现场处理措施', en: 'On-site measures' },
  'orders.filter': { zh: '状态筛选', en: 'Status filter' },
  'orders.filter.overdue': { zh: '已逾期', en: 'Overdue' },
  'orders.searchPlaceholder': { zh: '企业名称或指令书文号', en: 'Enterprise or order number' },
  'orders.col.orderNo': { zh: '文号', en: 'Number' },
  'orders.col.enterprise': { zh: '企业', en: 'Enterprise' },
  'orders.col.issuedOn': { zh: '签发日期', en: 'Issued' },
  'orders.col.deadline': { zh: '整改期限', en: 'Deadline' },
  'orders.col.status': { zh: '状态', en: 'Status' },
  'orders.col.hazards': { zh: '隐患', en: 'Hazards' },
  'orders.hazardCount': { zh: '{n}项', en: '{n}' },
  'orders.persistingCount': { zh: '{n}项整改不到位', en: '{n} not rectified' },
  'orders.allRectified': { zh: '均已整改', en: 'All rectified' },
  'orders.overdue': { zh: '逾期', en: 'Overdue' },
  'orders.empty': { zh: '暂无整改指令书', en: 'No rectification orders' },

  // Order page
  'orders.notFound': { zh: '整改指令书不存在或无权查看', en: 'Order not found' },
  'orders.backToList': { zh: '返回责令整改列表', en: 'Back to orders' },
  'orders.downloadOrder': { zh: '下载指令书', en: 'Download order' },
  'orders.downloadOpinion': { zh: '下载复查意见书', en: 'Download opinion' },
  'orders.enterprise': { zh: '被检查单位', en: 'Enterprise' },
  'orders.record': { zh: '现场检查记录', en: 'Inspection record' },
  'orders.issuedOn': { zh: '签发日期', en: 'Issued on' },
  'orders.deadline': { zh: '整改期限', en: 'Deadline' },
  'orders.basis': { zh: '法律依据', en: 'Legal basis' },
  'orders.inspectors': { zh: '执法人员', en: 'Inspectors' },
  'orders.issuedBy': { zh: '签发人', en: 'Issued by' },
  'orders.receipt': { zh: '企业签收', en: 'Receipt' },
  'orders.notAcknowledged': { zh: '待签收', en: 'Not yet acknowledged' },
  'orders.acknowledgedBy': { zh: '{name}于{at}签收', en: 'Acknowledged by {name} at {at}' },
  'orders.note': { zh: '备注', en: 'Note' },
  'orders.verificationCode': { zh: '验证码', en: 'Verification code' },
  'orders.acknowledge': { zh: '签收指令书', en: 'Acknowledge receipt' },
  'orders.acknowledgeConfirm': {
    zh: '确认已收到本整改指令书？签收后请按期整改。',
    en: 'Confirm receipt of this order? Rectify by the deadline.',
  },
  'orders.acknowledged': { zh: '已签收', en: 'Acknowledged' },
  'orders.hazards': { zh: '责令整改的隐患', en: 'Hazards to rectify' },
  'orders.requirement': { zh: '整改要求', en: 'Requirement' },
  'orders.ledgerStatus': { zh: '台账状态', en: 'Ledger status' },
  'orders.hazardDeadline': { zh: '台账整改期限', en: 'Ledger deadline' },
  'orders.findingSeq': { zh: '检查记录第{n}项', en: 'Finding {n}' },
  'orders.staleTitle': { zh: '指令书已被他人更新', en: 'The order was changed' },

  // Re-inspection
  'orders.reinspection': { zh: '整改复查', en: 'Re-inspection' },
  'orders.reinspectionResult': { zh: '复查结果', en: 'Re-inspection result' },
  'orders.opinionNo': { zh: '复查意见书文号', en: 'Opinion number' },
  'orders.reinspectedOn': { zh: '复查日期', en: 'Re-inspected on' },
  'orders.reinspectors': { zh: '复查执法人员', en: 'Re-inspecting officers' },
  'orders.reinspectorsHint': {
    zh: '至少两名持执法证的执法人员，录入人须在其中',
    en: 'At least two certified officers, including you',
  },
  'orders.opinion': { zh: '复查意见', en: 'Opinion' },
  'orders.earlyReason': { zh: '提前复查理由', en: 'Reason for an early re-inspection' },
  'orders.earlyHint': {
    zh: '整改期限为{date}，在此之前复查属于提前复查',
    en: 'The deadline is {date}: this is an early re-inspection',
  },
  'orders.result': { zh: '复查结果', en: 'Result' },
  'orders.resultNote': { zh: '情况说明', en: 'Notes' },
  'orders.resultNotePersisting': {
    zh: '整改不到位的情况（必填）',
    en: 'What is still wrong (required)',
  },
  'orders.submitReinspection': { zh: '提交复查结果', en: 'Submit re-inspection' },
  'orders.reinspected': { zh: '复查结果已记录', en: 'Re-inspection recorded' },
  'orders.reinspectionHint': {
    zh: '已整改的隐患将在台账中验收销号；台账暂不能验收的（如企业尚未提交整改或主要负责人尚未验收），记为“已整改，待台账验收”并说明原因。整改不到位的隐患继续整改，可立案处罚。',
    en: 'Rectified hazards are verified in the ledger; where the ledger cannot verify yet, the result says why. Hazards not rectified stay open and may lead to a penalty case.',
  },
  'orders.openPenaltyCase': { zh: '立案处罚', en: 'Open a penalty case' },
  'orders.explanation': { zh: '说明', en: 'Explanation' },
  'orders.required': { zh: '请填写{field}', en: 'Enter {field}' },
  'orders.select': { zh: '请选择{field}', en: 'Choose {field}' },

  // Enterprise section
  'orders.section.title': { zh: '责令整改与现场处理措施', en: 'Orders and on-site measures' },
  'orders.activeMeasures': {
    zh: '现场处理措施执行中（{n}项）',
    en: '{n} on-site measure(s) in force',
  },
  'orders.issue': { zh: '签发整改指令', en: 'Issue an order' },
  'orders.impose': { zh: '采取现场处理措施', en: 'Impose an on-site measure' },
  'orders.viewAll': { zh: '查看全部', en: 'View all' },

  // Issue drawer
  'orders.issueTitle': { zh: '签发责令限期整改指令书', en: 'Issue a rectification order' },
  'orders.issueOk': { zh: '签发', en: 'Issue' },
  'orders.issued': { zh: '已签发{no}', en: '{no} issued' },
  'orders.chooseRecord': { zh: '依据的现场检查记录', en: 'Inspection record' },
  'orders.noSignedRecords': {
    zh: '该企业还没有全部执法人员已签名的现场检查记录，签名后才能签发整改指令。',
    en: 'This enterprise has no signed inspection record yet.',
  },
  'orders.notMyRecord': {
    zh: '只有该检查记录上的执法人员可以签发整改指令',
    en: 'Only the inspectors of this record can issue its orders',
  },
  'orders.chooseHazards': { zh: '责令整改的隐患', en: 'Hazards' },
  'orders.noFindings': { zh: '该记录没有列入台账的隐患', en: 'The record has no ledger hazards' },
  'orders.hazardOnOrder': { zh: '已在{no}中', en: 'On {no}' },
  'orders.deadlineHint': {
    zh: '尚未整改完成的隐患，整改期限晚于本期限或未定的，将按指令书调整',
    en: 'Hazards not yet fixed take this deadline when theirs is later or unset',
  },
  'orders.recordOption': { zh: '{no}（{date}，{place}）', en: '{no} ({date}, {place})' },

  // On-site measures
  'orders.measure.kind': { zh: '措施', en: 'Measure' },
  'orders.measure.subject': {
    zh: '涉及的区域、设施或设备',
    en: 'Area, facility or equipment',
  },
  'orders.measure.subjectPlaceholder': {
    zh: '如：2号液氨储罐进出料泵',
    en: 'e.g. feed pump of ammonia tank 2',
  },
  'orders.measure.imposedOn': { zh: '采取措施日期', en: 'Imposed on' },
  'orders.measure.basis': { zh: '依据', en: 'Basis' },
  'orders.measure.documentNo': { zh: '文书编号', en: 'Document number' },
  'orders.measure.documentNoHint': { zh: '不填则自动编号', en: 'Assigned when left empty' },
  'orders.measure.record': { zh: '关联检查记录', en: 'Inspection record' },
  'orders.measure.hazard': { zh: '关联重大事故隐患', en: 'Major hazard' },
  'orders.measure.active': { zh: '执行中', en: 'In force' },
  'orders.measure.lifted': { zh: '{date}解除', en: 'Lifted {date}' },
  'orders.measure.onlyActive': { zh: '只看执行中', en: 'In force only' },
  'orders.measure.imposedBy': { zh: '{name}于{date}采取', en: 'By {name} on {date}' },
  'orders.measure.liftedBy': { zh: '{name}审查同意：{note}', en: '{name} reviewed: {note}' },
  'orders.measure.lift': { zh: '解除', en: 'Lift' },
  'orders.measure.liftTitle': {
    zh: '解除现场处理措施（经审查同意）',
    en: 'Lift the measure (after review)',
  },
  'orders.measure.liftedOn': { zh: '解除日期', en: 'Lifted on' },
  'orders.measure.liftNote': { zh: '审查意见', en: 'Review' },
  'orders.measure.liftNotePlaceholder': {
    zh: '如：经现场审查，重大事故隐患已排除，同意恢复使用',
    en: 'e.g. the hazard is removed; resumption approved',
  },
  'orders.measure.liftOk': { zh: '确认解除', en: 'Lift' },
  'orders.measure.liftDone': { zh: '已解除', en: 'Lifted' },
  'orders.measure.imposeTitle': { zh: '采取现场处理措施', en: 'Impose an on-site measure' },
  'orders.measure.imposeOk': { zh: '确认采取', en: 'Impose' },
  'orders.measure.imposed': { zh: '已采取措施（{no}）', en: 'Measure imposed ({no})' },
  'orders.measure.empty': { zh: '暂无现场处理措施', en: 'No on-site measures' },
  'orders.measure.lawHint': {
    zh: '重大事故隐患排除前或者排除过程中无法保证安全的，责令从危险区域内撤出作业人员、暂时停产停业或者停止使用相关设施、设备；隐患排除后经审查同意方可恢复（安全生产法第六十五条）。',
    en: 'When safety cannot be ensured before or while a major hazard is removed (Work Safety Law art. 65).',
  },
  'orders.measure.none': { zh: '不关联', en: 'None' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(enforcementOrderMessages);
