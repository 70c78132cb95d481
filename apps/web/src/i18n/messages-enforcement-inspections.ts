import { registerMessages } from './message-registry';

/**
 * UI strings of inspection records and signatures, registered when imported (see
 * message-registry.ts).
 */
export const inspectionMessages = {
  // List
  'inspections.searchPlaceholder': {
    zh: '记录编号、被检查单位或检查场所',
    en: 'Record number, enterprise or place',
  },
  'inspections.allStatuses': { zh: '全部状态', en: 'All statuses' },
  'inspections.mine': { zh: '我参与的', en: 'Mine' },
  'inspections.awaitingMe': { zh: '待我签名', en: 'Awaiting my signature' },
  'inspections.col.record': { zh: '记录编号 / 被检查单位', en: 'Record / enterprise' },
  'inspections.col.time': { zh: '检查时间', en: 'Inspected' },
  'inspections.col.inspectors': { zh: '执法人员', en: 'Inspectors' },
  'inspections.col.findings': { zh: '发现问题', en: 'Findings' },
  'inspections.col.status': { zh: '状态', en: 'Status' },
  'inspections.findingCount': {
    zh: '{count} 项（重大 {major} 项）',
    en: '{count} ({major} major)',
  },
  'inspections.noFindings': { zh: '未发现问题', en: 'No findings' },
  'inspections.signedCount': { zh: '已签 {signed}/{total}', en: 'Signed {signed}/{total}' },
  'inspections.acknowledged': { zh: '企业已签收', en: 'Acknowledged' },
  'inspections.notAcknowledged': { zh: '企业未签收', en: 'Not acknowledged' },
  'inspections.origin.spot_check': { zh: '自查自改抽查', en: 'Spot check' },
  'inspections.enterpriseSection': { zh: '现场检查记录', en: 'Inspection records' },
  'inspections.enterpriseEmpty': { zh: '暂无现场检查记录', en: 'No inspection records yet' },
  'inspections.viewAll': { zh: '查看全部', en: 'View all' },

  // Form
  'inspections.form.editTitle': { zh: '修改检查记录', en: 'Edit inspection record' },
  'inspections.form.enterprise': { zh: '被检查单位', en: 'Enterprise inspected' },
  'inspections.form.pickEnterprise': {
    zh: '请先选择被检查单位',
    en: 'Choose the enterprise first',
  },
  'inspections.form.fromPlan': {
    zh: '按检查计划执行（计划 #{plan}）',
    en: 'Carried out under plan #{plan}',
  },
  'inspections.form.inspectors': {
    zh: '执法人员（至少两名，须有执法证）',
    en: 'Inspectors (≥ 2, certified)',
  },
  'inspections.form.noCertificate': {
    zh: '您的账号没有执法证号，不能作为执法人员签名；请选择两名持证执法人员。',
    en: 'Your account has no enforcement certificate number: choose two certified inspectors.',
  },
  'inspections.form.startedAt': { zh: '检查开始时间', en: 'Started' },
  'inspections.form.endedAt': { zh: '检查结束时间', en: 'Ended' },
  'inspections.form.place': { zh: '检查场所', en: 'Place' },
  'inspections.form.present': { zh: '被检查单位现场负责人', en: 'Enterprise person present' },
  'inspections.form.checklist': { zh: '检查情况（判定标准条款）', en: 'Checklist' },
  'inspections.form.checklistHint': {
    zh: '逐项选择“符合 / 存在问题 / 不适用”；未选择的条款不列入本次检查。',
    en: 'Mark each item checked; unmarked items are left out of this inspection.',
  },
  'inspections.form.checkedCount': {
    zh: '已检查 {checked}/{total} 项',
    en: '{checked}/{total} checked',
  },
  'inspections.form.onlyChecked': { zh: '只看已检查项', en: 'Only checked items' },
  'inspections.form.note': { zh: '说明', en: 'Note' },
  'inspections.form.naReason': { zh: '不适用理由', en: 'Why not applicable' },
  'inspections.form.clear': { zh: '清除', en: 'Clear' },
  'inspections.form.addFindingFor': { zh: '添加对应问题', en: 'Add the finding' },
  'inspections.form.findings': { zh: '发现的问题', en: 'Findings' },
  'inspections.form.addFinding': { zh: '添加问题', en: 'Add a finding' },
  'inspections.form.findingNo': { zh: '问题 {no}', en: 'Finding {no}' },
  'inspections.form.removeFinding': { zh: '删除', en: 'Remove' },
  'inspections.form.title': { zh: '问题名称', en: 'Title' },
  'inspections.form.description': { zh: '问题描述', en: 'Description' },
  'inspections.form.level': { zh: '隐患等级', en: 'Level' },
  'inspections.form.treatment': { zh: '整改方式', en: 'Treatment' },
  'inspections.form.catalogItem': { zh: '判定依据（条款）', en: 'Catalog item' },
  'inspections.form.noCatalogItem': { zh: '不对应判定标准条款', en: 'No catalog item' },
  'inspections.form.linkedHazard': { zh: '关联已有隐患', en: 'Existing hazard' },
  'inspections.form.linkedHazardHint': {
    zh: '不选择时，同一条款的未销号隐患会自动关联，不重复登记',
    en: 'If none is chosen, an open hazard of the same item is linked automatically',
  },
  'inspections.form.penaltyDecision': { zh: '处罚决定', en: 'Penalty decision' },
  'inspections.form.penaltyNote': { zh: '决定说明', en: 'Reason' },
  'inspections.form.openHazards': {
    zh: '企业未销号隐患（{count}）',
    en: 'Open hazards of the enterprise ({count})',
  },
  'inspections.form.noOpenHazards': { zh: '企业没有未销号隐患', en: 'No open hazards' },
  'inspections.form.useHazard': { zh: '列入发现问题', en: 'Add as finding' },
  'inspections.form.selfFound': { zh: '企业自查发现', en: 'Self-found' },
  'inspections.form.save': { zh: '保存检查记录', en: 'Save the record' },
  'inspections.form.saved': {
    zh: '已保存，请核对后提交签名',
    en: 'Saved. Review it, then submit for signing',
  },
  'inspections.form.hasErrors': {
    zh: '记录有 {count} 处需要修改',
    en: '{count} problem(s) to fix',
  },
  'inspections.form.required': { zh: '请填写{field}', en: '{field} is required' },
  'inspections.form.notDraft': {
    zh: '该记录已提交签名，不能再修改',
    en: 'This record went to signing and can no longer be edited',
  },

  // Record page
  'inspections.backToList': { zh: '返回现场检查记录', en: 'Back to inspection records' },
  'inspections.notFound': { zh: '检查记录不存在或无权查看', en: 'Record not found' },
  'inspections.pdf': { zh: '下载PDF', en: 'Download PDF' },
  'inspections.actions': { zh: '办理', en: 'Actions' },
  'inspections.noActions': { zh: '当前没有需要您办理的事项', en: 'Nothing for you to do now' },
  'inspections.section.basic': { zh: '基本情况', en: 'Record' },
  'inspections.section.scorecard': {
    zh: '五项重点任务落实情况',
    en: 'The five key duties',
  },
  'inspections.scorecardPending': {
    zh: '提交签名时记录企业当时的落实情况',
    en: 'Recorded when the record goes to signing',
  },
  'inspections.section.checklist': { zh: '检查情况', en: 'Checklist' },
  'inspections.section.findings': { zh: '发现的问题', en: 'Findings' },
  'inspections.section.signatures': { zh: '签名与验证', en: 'Signatures and verification' },
  'inspections.section.history': { zh: '办理记录', en: 'History' },
  'inspections.field.recordNo': { zh: '记录编号', en: 'Record number' },
  'inspections.field.enterprise': { zh: '被检查单位', en: 'Enterprise' },
  'inspections.field.address': { zh: '地址', en: 'Address' },
  'inspections.field.time': { zh: '检查时间', en: 'Time' },
  'inspections.field.place': { zh: '检查场所', en: 'Place' },
  'inspections.field.present': { zh: '现场负责人', en: 'Person present' },
  'inspections.field.inspectors': { zh: '执法人员及证号', en: 'Inspectors' },
  'inspections.field.plan': { zh: '检查计划', en: 'Plan' },
  'inspections.field.acknowledged': { zh: '企业签收', en: 'Acknowledged' },
  'inspections.field.code': { zh: '验证码', en: 'Verification code' },
  'inspections.certificate': { zh: '执法证号 {no}', en: 'Certificate {no}' },
  'inspections.signedAt': { zh: '已签名 {at}', en: 'Signed {at}' },
  'inspections.notSigned': { zh: '未签名', en: 'Not signed' },
  'inspections.noChecklist': { zh: '未填写检查项', en: 'No checklist items' },
  'inspections.hazardLink': { zh: '隐患台账 {number}', en: 'Ledger {number}' },
  'inspections.linkedTag': { zh: '已有隐患', en: 'Existing hazard' },
  'inspections.willLink': {
    zh: '将关联已有隐患 {number}',
    en: 'Will link to existing hazard {number}',
  },
  'inspections.willCreate': {
    zh: '全部签名后列入隐患台账',
    en: 'Enters the ledger when fully signed',
  },
  'inspections.noPenalty.applies': {
    zh: '符合自查自报免罚规则',
    en: 'The no-penalty rule applies',
  },
  'inspections.noPenalty.notApplies': {
    zh: '不符合自查自报免罚规则',
    en: 'The no-penalty rule does not apply',
  },
  'inspections.decisionMissing': {
    zh: '须在提交签名前记录处罚决定',
    en: 'A penalty decision is needed before signing',
  },
  'inspections.supersededBanner': {
    zh: '本记录已被更正，以更正记录 {no} 为准',
    en: 'Superseded by the correction {no}',
  },
  'inspections.correctsBanner': { zh: '本记录更正 {no}', en: 'This record corrects {no}' },
  'inspections.pendingCorrection': {
    zh: '更正记录正在办理中',
    en: 'A correction is in progress',
  },
  'inspections.openCorrection': { zh: '查看更正记录', en: 'Open the correction' },
  'inspections.signedBanner': {
    zh: '全部执法人员已签名，记录不可再修改',
    en: 'Signed by every inspector; the record can no longer change',
  },
  'inspections.signingBanner': {
    zh: '内容已固定，等待执法人员签名（{signed}/{total}）',
    en: 'Content frozen, waiting for signatures ({signed}/{total})',
  },

  // Actions
  'inspections.action.edit': { zh: '编辑', en: 'Edit' },
  'inspections.action.submit': { zh: '提交签名', en: 'Submit for signing' },
  'inspections.action.submitConfirm': {
    zh: '提交后记录内容固定，并记录企业当前五项重点任务落实情况；确定提交？',
    en: 'The content and the enterprise’s current scorecard will be frozen. Submit?',
  },
  'inspections.action.sign': { zh: '签名', en: 'Sign' },
  'inspections.action.signTitle': { zh: '执法人员签名', en: 'Sign the record' },
  'inspections.action.signText': {
    zh: '我已核对本记录内容，确认属实，使用本人执法电子签名（{name}，执法证号 {no}）签署。',
    en: 'I reviewed this record and sign it with my own key ({name}, certificate {no}).',
  },
  'inspections.action.signHash': { zh: '签名原文摘要（验证码）', en: 'Hash of the signed text' },
  'inspections.action.signed': { zh: '已签名', en: 'Signed' },
  'inspections.action.reopen': { zh: '退回修改', en: 'Reopen' },
  'inspections.action.reopenReason': { zh: '退回原因', en: 'Reason' },
  'inspections.action.reopenHint': {
    zh: '退回后已有的签名作废，修改后须重新提交签名',
    en: 'Signatures given so far are discarded',
  },
  'inspections.action.acknowledge': { zh: '签收', en: 'Acknowledge receipt' },
  'inspections.action.acknowledgeTitle': { zh: '企业签收', en: 'Acknowledge receipt' },
  'inspections.action.acknowledgeText': {
    zh: '确认已收到本现场检查记录（签收人：{name}）',
    en: 'Confirm receipt of this record (by {name})',
  },
  'inspections.action.acknowledgeNote': { zh: '签收意见（选填）', en: 'Note (optional)' },
  'inspections.action.acknowledged': { zh: '已签收', en: 'Acknowledged' },
  'inspections.action.correct': { zh: '更正', en: 'Correct' },
  'inspections.action.correctConfirm': {
    zh: '将以本记录内容新建一份更正记录；更正记录全部签名后，本记录标记为已更正。继续？',
    en: 'A correction starts from this content and supersedes this record once signed. Continue?',
  },
  'inspections.action.verify': { zh: '验证签名', en: 'Verify signatures' },
  'inspections.action.publicPage': { zh: '公开核验页', en: 'Public check page' },

  // Verification
  'inspections.verify.valid': {
    zh: '验证通过：记录内容与全部签名一致',
    en: 'Valid: the content matches every signature',
  },
  'inspections.verify.invalid': {
    zh: '验证未通过：记录内容或签名异常',
    en: 'Invalid: the content or a signature does not check',
  },
  'inspections.verify.signatureValid': { zh: '签名有效', en: 'Valid' },
  'inspections.verify.signatureInvalid': { zh: '签名无效', en: 'Invalid' },
  'inspections.verify.checkedAt': { zh: '验证时间 {at}', en: 'Checked {at}' },
  'inspections.verify.missing': { zh: '未签名：{names}', en: 'Not signed: {names}' },

  // Public verification page
  'inspections.public.title': { zh: '执法文书核验', en: 'Enforcement document check' },
  'inspections.public.valid': { zh: '签名有效', en: 'Signatures valid' },
  'inspections.public.validText': {
    zh: '该现场检查记录由以下执法人员电子签名，记录内容未被改动。',
    en: 'This record was signed by the inspectors below and has not been altered.',
  },
  'inspections.public.invalid': { zh: '核验未通过', en: 'Check failed' },
  'inspections.public.invalidText': {
    zh: '该记录的内容与签名不一致，请向签发机关核实。',
    en: 'The content does not match its signatures; ask the issuing bureau.',
  },
  'inspections.public.notFound': {
    zh: '未找到该验证码对应的执法文书',
    en: 'No document has this verification code',
  },
  'inspections.public.superseded': {
    zh: '该记录已被更正，以更正记录 {no} 为准',
    en: 'This record was corrected; {no} replaces it',
  },
  'inspections.public.recordNo': { zh: '文书编号', en: 'Document number' },
  'inspections.public.enterprise': { zh: '被检查单位', en: 'Enterprise' },
  'inspections.public.date': { zh: '检查日期', en: 'Inspection date' },
  'inspections.public.signers': { zh: '签名执法人员', en: 'Signed by' },
  'inspections.public.issuers': { zh: '执法人员', en: 'Inspectors' },
  'inspections.public.kind': { zh: '文书种类', en: 'Document' },
  'inspections.public.party': { zh: '被处罚人', en: 'Party' },
  'inspections.public.code': { zh: '验证码', en: 'Code' },

  // History
  'inspections.event.created': { zh: '填写记录', en: 'Created' },
  'inspections.event.edit': { zh: '修改记录', en: 'Edited' },
  'inspections.event.submit_for_signing': { zh: '提交签名', en: 'Submitted for signing' },
  'inspections.event.sign': { zh: '签名', en: 'Signed' },
  'inspections.event.reopen': { zh: '退回修改', en: 'Reopened' },
  'inspections.event.acknowledge': { zh: '企业签收', en: 'Acknowledged' },
  'inspections.event.supersede': { zh: '被更正', en: 'Superseded' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(inspectionMessages);
