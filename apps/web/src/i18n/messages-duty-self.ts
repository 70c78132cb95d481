import { registerMessages } from './message-registry';

/** UI strings of self-inspections (对标自查), registered when imported (see message-registry.ts). */
export const selfInspectionMessages = {
  // List page (enterprise side)
  'selfInspections.intro': {
    zh: '对照本企业适用的重大事故隐患判定标准逐项自查：每项选择“符合”“存在问题”或“不适用”。存在问题的条目在主要负责人提交签字后自动列入隐患台账（重大事故隐患）。',
    en: 'Check every criteria item that applies to the enterprise: compliant, problem found or not applicable. Problems go into the hazard ledger as major hazards once the main leader submits and signs.',
  },
  'selfInspections.campaign': { zh: '当前专项行动：{name}', en: 'Current campaign: {name}' },
  'selfInspections.noCampaign': {
    zh: '当前没有进行中的专项行动；自查记录仍可填写，但不计入专项行动的完成情况。',
    en: 'No campaign is running now; a self-inspection can still be made but counts for no campaign.',
  },
  'selfInspections.start': { zh: '开始自查', en: 'Start a self-inspection' },
  'selfInspections.continue': { zh: '继续填写', en: 'Continue' },
  'selfInspections.started': { zh: '已生成本企业检查表', en: 'Checklist created' },
  'selfInspections.myRuns': { zh: '自查记录', en: 'Self-inspections' },
  'selfInspections.empty': { zh: '还没有自查记录', en: 'No self-inspections yet' },
  'selfInspections.col.date': { zh: '检查日期', en: 'Date' },
  'selfInspections.col.enterprise': { zh: '企业名称', en: 'Enterprise' },
  'selfInspections.col.campaign': { zh: '专项行动', en: 'Campaign' },
  'selfInspections.col.status': { zh: '状态', en: 'Status' },
  'selfInspections.col.progress': { zh: '进度', en: 'Progress' },
  'selfInspections.col.problems': { zh: '存在问题', en: 'Problems' },
  'selfInspections.col.signed': { zh: '提交签字', en: 'Signed' },
  'selfInspections.col.actions': { zh: '操作', en: 'Actions' },
  'selfInspections.view': { zh: '查看', en: 'Open' },
  'selfInspections.progress': { zh: '已答 {n} / 共 {m}', en: '{n} of {m} answered' },
  'selfInspections.noCampaignShort': { zh: '（无专项行动）', en: '(no campaign)' },

  // Coverage (office side)
  'selfInspections.coverage.intro': {
    zh: '本辖区、本科室负责行业的企业在所选专项行动（及阶段）中提交对标自查的情况。',
    en: 'Which enterprises of your territory and sectors submitted a self-inspection in the chosen campaign (and phase).',
  },
  'selfInspections.coverage.campaign': { zh: '专项行动', en: 'Campaign' },
  'selfInspections.coverage.phase': { zh: '阶段', en: 'Phase' },
  'selfInspections.coverage.allPhases': { zh: '全部阶段', en: 'All phases' },
  'selfInspections.coverage.sector': { zh: '行业领域', en: 'Sector' },
  'selfInspections.coverage.status': { zh: '提交情况', en: 'Submission' },
  'selfInspections.coverage.submitted': { zh: '已提交', en: 'Submitted' },
  'selfInspections.coverage.notSubmitted': { zh: '未提交', en: 'Not submitted' },
  'selfInspections.coverage.inProgress': { zh: '填报中', en: 'In progress' },
  'selfInspections.coverage.search': { zh: '搜索企业名称或信用代码', en: 'Search enterprises' },
  'selfInspections.coverage.export': { zh: '导出', en: 'Export' },
  'selfInspections.coverage.noCampaign': {
    zh: '当前没有进行中的专项行动，请选择一个专项行动查看',
    en: 'No campaign is running; choose one',
  },
  'selfInspections.coverage.sectorLine': {
    zh: '已提交 {submitted} / {total} 家，发现问题 {problems} 项',
    en: '{submitted} of {total} submitted, {problems} problems found',
  },
  'selfInspections.coverage.col.district': { zh: '所属辖区', en: 'District' },
  'selfInspections.coverage.col.submittedAt': { zh: '最近提交', en: 'Last submitted' },
  'selfInspections.coverage.col.problems': { zh: '发现问题', en: 'Problems found' },
  'selfInspections.coverage.col.record': { zh: '自查记录', en: 'Record' },
  'selfInspections.coverage.runs': { zh: '共{n}次', en: '{n} runs' },
  'selfInspections.coverage.hazards': { zh: '{n} 项（查看隐患）', en: '{n} (see hazards)' },
  'selfInspections.coverage.total': { zh: '共 {n} 家企业', en: '{n} enterprises' },

  // Run page
  'selfInspections.run.title': { zh: '对标自查记录', en: 'Self-inspection record' },
  'selfInspections.run.enterprise': { zh: '企业名称', en: 'Enterprise' },
  'selfInspections.run.leader': { zh: '负责人', en: 'Main leader' },
  'selfInspections.run.inspectors': { zh: '检查人员', en: 'Inspectors' },
  'selfInspections.run.inspectorsPlaceholder': {
    zh: '如：刘安、设备部王工',
    en: 'e.g. Liu An, Wang (equipment)',
  },
  'selfInspections.run.date': { zh: '检查日期', en: 'Inspection date' },
  'selfInspections.run.campaign': { zh: '专项行动', en: 'Campaign' },
  'selfInspections.run.basis': { zh: '判定依据', en: 'Criteria' },
  'selfInspections.run.basisLine': {
    zh: '《{name}》{doc} 第{version}版',
    en: '{name} {doc}, version {version}',
  },
  'selfInspections.run.startedBy': { zh: '{name}于{at}开始', en: 'Started by {name} at {at}' },
  'selfInspections.run.saveHeader': { zh: '保存', en: 'Save' },
  'selfInspections.run.headerSaved': { zh: '已保存', en: 'Saved' },
  'selfInspections.run.pdf': { zh: '下载自查记录表（PDF）', en: 'Download record (PDF)' },
  'selfInspections.run.discard': { zh: '作废', en: 'Discard' },
  'selfInspections.run.discardTitle': { zh: '作废本次自查记录', en: 'Discard this record' },
  'selfInspections.run.discardReason': { zh: '作废原因', en: 'Reason' },
  'selfInspections.run.discarded': {
    zh: '本记录已于{at}作废：{reason}',
    en: 'Discarded at {at}: {reason}',
  },
  'selfInspections.run.submittedBanner': {
    zh: '已于{at}由主要负责人{name}提交并签字，记录不能再修改。存在问题的条目已列入隐患台账。',
    en: 'Submitted and signed by the main leader {name} at {at}; the record is read-only. Problems are in the hazard ledger.',
  },
  'selfInspections.run.photoRequired': {
    zh: '“存在问题”须描述问题并上传现场照片；“不适用”须说明理由。答案自动保存。',
    en: '"Problem found" needs a description and a photo; "not applicable" needs a reason. Answers are saved automatically.',
  },
  'selfInspections.run.photoOptional': {
    zh: '“存在问题”须描述问题（照片可选）；“不适用”须说明理由。答案自动保存。',
    en: '"Problem found" needs a description (photo optional); "not applicable" needs a reason. Answers are saved automatically.',
  },
  'selfInspections.run.problems': { zh: '存在问题 {n} 项', en: '{n} problems' },
  'selfInspections.run.onlyOpen': { zh: '只看未完成的条目', en: 'Only unfinished items' },
  'selfInspections.run.allDone': { zh: '全部条目已完成', en: 'Every item is done' },
  'selfInspections.run.description': { zh: '问题描述', en: 'Problem' },
  'selfInspections.run.descriptionPlaceholder': {
    zh: '描述发现的问题：部位、现状、与标准不符之处',
    en: 'Describe the problem: where, what, how it differs from the criteria',
  },
  'selfInspections.run.naReason': { zh: '不适用理由', en: 'Why it does not apply' },
  'selfInspections.run.note': { zh: '备注（选填）', en: 'Note (optional)' },
  'selfInspections.run.saveItem': { zh: '保存本项', en: 'Save item' },
  'selfInspections.run.saving': { zh: '保存中…', en: 'Saving…' },
  'selfInspections.run.saved': { zh: '已保存', en: 'Saved' },
  'selfInspections.run.unsaved': { zh: '未保存', en: 'Not saved' },
  'selfInspections.run.stale': {
    zh: '记录已被他人修改，已刷新为最新内容，请检查后重新保存',
    en: 'Someone else changed the record; it was reloaded, please check and save again',
  },
  'selfInspections.run.photos': { zh: '现场照片', en: 'Photos' },
  'selfInspections.run.takePhoto': { zh: '拍照', en: 'Take a photo' },
  'selfInspections.run.choosePhoto': { zh: '从相册选择', en: 'Choose a photo' },
  'selfInspections.run.uploadPhoto': { zh: '上传照片', en: 'Upload a photo' },
  'selfInspections.run.photoUploaded': { zh: '照片已上传', en: 'Photo uploaded' },
  'selfInspections.run.photoTooLarge': { zh: '照片不能超过10MB', en: 'Photos must be under 10 MB' },
  'selfInspections.run.removePhoto': { zh: '删除照片', en: 'Remove photo' },
  'selfInspections.run.hazard': { zh: '已列入隐患台账：{number}', en: 'In the ledger: {number}' },
  'selfInspections.run.answeredBy': { zh: '{name} {at}', en: '{name} {at}' },
  'selfInspections.run.submit': { zh: '提交并签字', en: 'Submit and sign' },
  'selfInspections.run.submitTitle': {
    zh: '以主要负责人身份提交并签字',
    en: 'Submit and sign as the main leader',
  },
  'selfInspections.run.submitConfirm': {
    zh: '签字人：{name}。提交后记录不能再修改；存在问题的 {n} 项将列入隐患台账（重大事故隐患，来源：企业自查）。',
    en: 'Signed by {name}. The record becomes read-only; the {n} problems go into the hazard ledger as major hazards (self-inspection).',
  },
  'selfInspections.run.submitted': { zh: '已提交并签字', en: 'Submitted and signed' },
  'selfInspections.run.incomplete': {
    zh: '还有 {n} 项未完成，完成后才能提交',
    en: '{n} items are not finished yet',
  },
  'selfInspections.run.inspectorsMissing': {
    zh: '请先填写检查人员',
    en: 'Fill in the inspectors first',
  },
  'selfInspections.run.leaderSigns': {
    zh: '填写完成后，请主要负责人登录系统提交并签字。',
    en: 'When everything is filled in, the main leader signs in to submit and sign.',
  },
  'selfInspections.run.submitErrors': {
    zh: '以下内容须补充后才能提交：',
    en: 'Complete these before submitting:',
  },

  // Enterprise page section
  'selfInspections.section.title': { zh: '对标自查', en: 'Self-inspections' },
  'selfInspections.section.open': { zh: '前往对标自查', en: 'Open self-inspections' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(selfInspectionMessages);
