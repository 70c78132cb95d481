import { registerMessages } from './message-registry';

/**
 * UI strings of the hazard ledger (隐患台账), registered when imported (see message-registry.ts).
 * Labels of statuses, actions, levels, origins… come from the domain package (HAZARD_*_LABELS).
 */
export const hazardMessages = {
  // Ledger list
  'hazards.title': { zh: '隐患台账', en: 'Hazard ledger' },
  'hazards.create': { zh: '登记隐患', en: 'Record a hazard' },
  'hazards.export': { zh: '导出清单', en: 'Export' },
  'hazards.exportHint': {
    zh: '按当前筛选条件导出重大事故隐患问题清单（Excel）',
    en: 'Export the issue list with the current filters (Excel)',
  },
  'hazards.searchPlaceholder': { zh: '编号、隐患名称或描述', en: 'Number, title or description' },
  'hazards.filters': { zh: '筛选', en: 'Filters' },
  'hazards.filtersCount': { zh: '筛选（{n}）', en: 'Filters ({n})' },
  'hazards.allStatuses': { zh: '全部', en: 'All' },
  'hazards.statusTabs': { zh: '按状态筛选', en: 'Filter by status' },
  'hazards.filterSector': { zh: '行业领域', en: 'Sector' },
  'hazards.filterEnterprise': { zh: '企业', en: 'Enterprise' },
  'hazards.filterEnterprisePlaceholder': {
    zh: '输入企业名称或信用代码搜索',
    en: 'Search by name or credit code',
  },
  'hazards.filterLevel': { zh: '隐患等级', en: 'Level' },
  'hazards.filterOrigin': { zh: '发现方式', en: 'Found by' },
  'hazards.filterOverdue': { zh: '是否逾期', en: 'Overdue' },
  'hazards.filterSupervised': { zh: '是否督办', en: 'Supervised' },
  'hazards.filterCatalogItem': { zh: '判定依据条款', en: 'Criteria item' },
  'hazards.filterCatalogItemCode': {
    zh: '判定依据条款编号，如 HG-2017-07',
    en: 'Criteria item code, e.g. HG-2017-07',
  },
  'hazards.filterDistrict': { zh: '所属区县', en: 'District' },
  'hazards.filterFound': { zh: '发现时间', en: 'Found between' },
  'hazards.filterFoundFrom': { zh: '发现时间起', en: 'Found from' },
  'hazards.filterFoundTo': { zh: '发现时间止', en: 'Found to' },
  'hazards.overdueYes': { zh: '已逾期', en: 'Overdue' },
  'hazards.overdueNo': { zh: '未逾期', en: 'Not overdue' },
  'hazards.supervisedYes': { zh: '挂牌督办', en: 'Supervised' },
  'hazards.supervisedNo': { zh: '未督办', en: 'Not supervised' },
  'hazards.empty': { zh: '暂无隐患记录', en: 'No hazards' },

  // Columns and fields
  'hazards.number': { zh: '编号', en: 'Number' },
  'hazards.enterprise': { zh: '企业', en: 'Enterprise' },
  'hazards.sector': { zh: '行业', en: 'Sector' },
  'hazards.titleField': { zh: '隐患名称', en: 'Title' },
  'hazards.level': { zh: '等级', en: 'Level' },
  'hazards.levelField': { zh: '隐患等级', en: 'Level' },
  'hazards.origin': { zh: '发现方式', en: 'Found by' },
  'hazards.foundAt': { zh: '发现时间', en: 'Found on' },
  'hazards.deadline': { zh: '整改期限', en: 'Deadline' },
  'hazards.status': { zh: '状态', en: 'Status' },
  'hazards.supervision': { zh: '督办', en: 'Supervision' },
  'hazards.supervisionLevel': { zh: '督办级别', en: 'Supervision level' },
  'hazards.overdue': { zh: '逾期', en: 'Overdue' },
  'hazards.description': { zh: '隐患描述', en: 'Description' },
  'hazards.place': { zh: '隐患部位', en: 'Place' },
  'hazards.causeAnalysis': { zh: '原因分析', en: 'Cause analysis' },
  'hazards.category': { zh: '隐患类别', en: 'Category' },
  'hazards.foundBy': { zh: '发现人', en: 'Found by (person)' },
  'hazards.treatment': { zh: '治理方式', en: 'Treatment' },
  'hazards.basis': { zh: '判定依据', en: 'Criteria basis' },
  'hazards.catalogItem': { zh: '判定标准条款', en: 'Criteria item' },
  'hazards.catalogItemPlaceholder': {
    zh: '搜索本企业适用的判定标准条款',
    en: 'Search the criteria items that apply to this enterprise',
  },
  'hazards.catalogItemHint': {
    zh: '不引用条款时请在下方说明理由',
    en: 'If no item applies, give the reason below',
  },
  'hazards.noCatalogReason': { zh: '不引用条款的理由', en: 'Why no criteria item applies' },
  'hazards.noCatalogReasonPlaceholder': {
    zh: '如：不属于判定标准所列情形，按一般隐患管理',
    en: 'e.g. not a listed situation; managed as a general hazard',
  },
  'hazards.noCatalog': { zh: '未引用判定标准条款', en: 'No criteria item cited' },
  'hazards.catalogVersion': { zh: '（第 {version} 版）', en: ' (version {version})' },
  'hazards.district': { zh: '所属区县', en: 'District' },
  'hazards.creditCode': { zh: '统一社会信用代码', en: 'Credit code' },
  'hazards.reportedToBureauAt': { zh: '向应急管理部门报告', en: 'Reported to the bureau' },
  'hazards.notReported': { zh: '尚未报告', en: 'Not yet' },
  'hazards.createdAt': { zh: '登记时间', en: 'Recorded' },
  'hazards.fixDescription': { zh: '整改完成情况', en: 'Fix' },
  'hazards.fixedAt': { zh: '整改完成时间', en: 'Fixed on' },
  'hazards.leaderAcceptedAt': { zh: '主要负责人验收', en: "Leader's acceptance" },
  'hazards.verifiedAt': { zh: '销号时间', en: 'Closed on' },
  'hazards.supervisedAt': { zh: '挂牌督办时间', en: 'Supervised since' },
  'hazards.extensionPending': {
    zh: '延期申请待批准：申请延至 {deadline}（{reason}）',
    en: 'Extension requested to {deadline} ({reason}); awaiting approval',
  },

  // Create page
  'hazards.createTitle': { zh: '登记隐患', en: 'Record a hazard' },
  'hazards.enterpriseFixed': { zh: '本企业', en: 'Your enterprise' },
  'hazards.selectEnterpriseFirst': {
    zh: '请先选择企业，再选择判定依据',
    en: 'Choose the enterprise first, then the criteria item',
  },
  'hazards.required': { zh: '请填写{field}', en: 'Enter the {field}' },
  'hazards.selectRequired': { zh: '请选择{field}', en: 'Choose the {field}' },
  'hazards.created': {
    zh: '隐患已登记，编号 {number}',
    en: 'Hazard recorded as {number}',
  },
  'hazards.addBeforePhotos': {
    zh: '请添加整改前照片（隐患现场照片），可直接用手机拍照上传。',
    en: 'Add photos of the hazard before rectification; on a phone you can take them with the camera.',
  },
  'hazards.backToList': { zh: '返回台账', en: 'Back to the ledger' },
  'hazards.notFound': { zh: '隐患不存在或无权查看', en: 'Hazard not found' },
  'hazards.levelMajorHint': {
    zh: '重大事故隐患须落实整改责任人、措施、资金、期限和应急预案（五落实），并向属地应急管理部门报告。',
    en: 'A major hazard needs the five-item plan (person, measures, funds, deadline, emergency plan) and a report to the local bureau.',
  },
  'hazards.enterpriseOriginHint': {
    zh: '企业只能登记自查、主要负责人带队检查或事故警示排查发现的隐患。',
    en: 'Enterprises record hazards found by self-inspection, the leader’s inspection or an accident-lesson check.',
  },

  // Detail page
  'hazards.section.basic': { zh: '基本信息', en: 'Basic information' },
  'hazards.section.plan': { zh: '整改方案（五落实）', en: 'Rectification plan (five items)' },
  'hazards.section.files': { zh: '照片和附件', en: 'Photos and documents' },
  'hazards.section.timeline': { zh: '处理过程', en: 'Timeline' },
  'hazards.section.fix': { zh: '整改与验收', en: 'Fix and acceptance' },
  'hazards.editBasic': { zh: '修改登记信息', en: 'Edit record' },
  'hazards.editBasicTitle': { zh: '修改隐患登记信息', en: 'Edit the hazard record' },
  'hazards.editLocked': {
    zh: '隐患进入整改流程后不能再修改登记信息。',
    en: 'The record cannot be changed once rectification has started.',
  },
  'hazards.actions': { zh: '可办理的操作', en: 'Actions' },
  'hazards.noActions': { zh: '当前没有需要您办理的操作。', en: 'Nothing for you to do now.' },
  'hazards.noPenaltyRule': {
    zh: '企业自查发现并已按规定报告、正在有效整改的重大事故隐患，依法不予行政处罚。',
    en: 'A major hazard the enterprise found itself, reported as required and is rectifying effectively is exempt from administrative penalty.',
  },
  'hazards.selfFoundTag': { zh: '企业自查自报', en: 'Self-found and reported' },
  'hazards.reload': { zh: '重新加载', en: 'Reload' },

  // Plan
  'hazards.plan.responsiblePerson': { zh: '整改责任人', en: 'Responsible person' },
  'hazards.plan.measures': { zh: '整改措施', en: 'Measures' },
  'hazards.plan.fundsYuan': { zh: '整改资金（元）', en: 'Funds (yuan)' },
  'hazards.plan.funds': { zh: '整改资金', en: 'Funds' },
  'hazards.plan.fundsSource': { zh: '资金来源', en: 'Source of funds' },
  'hazards.plan.fundsSourcePlaceholder': {
    zh: '如：安全生产费用',
    en: 'e.g. work-safety expenses',
  },
  'hazards.plan.deadline': { zh: '整改期限', en: 'Deadline' },
  'hazards.plan.emergencyMeasures': {
    zh: '应急预案及临时管控措施',
    en: 'Emergency plan and interim controls',
  },
  'hazards.plan.save': { zh: '保存整改方案', en: 'Save plan' },
  'hazards.plan.saved': { zh: '整改方案已保存', en: 'Plan saved' },
  'hazards.plan.missing': { zh: '五落实尚缺：{items}', en: 'Missing from the plan: {items}' },
  'hazards.plan.complete': { zh: '五落实已齐全', en: 'All five items are in place' },
  'hazards.plan.approvedAt': { zh: '方案批准时间', en: 'Plan approved' },
  'hazards.plan.notApproved': { zh: '未批准', en: 'Not approved' },
  'hazards.plan.majorGate': {
    zh: '重大事故隐患须五项齐全后才能提交整改方案。',
    en: 'A major hazard’s plan can be submitted only when all five items are filled in.',
  },
  'hazards.plan.yuanSuffix': { zh: '元', en: 'yuan' },
  'hazards.plan.yuan': { zh: '{amount} 元', en: '¥{amount}' },
  'hazards.plan.immediate': {
    zh: '即查即改的隐患可直接办理“立即整改”，无需整改方案。',
    en: 'A hazard fixed at once goes straight to “Fix on the spot”; no plan is needed.',
  },

  // Files
  'hazards.files.before': { zh: '整改前照片', en: 'Before' },
  'hazards.files.after': { zh: '整改后照片', en: 'After' },
  'hazards.files.document': { zh: '证明材料', en: 'Documents' },
  'hazards.files.none': { zh: '暂无', en: 'None yet' },
  'hazards.files.takePhoto': { zh: '拍照', en: 'Take photo' },
  'hazards.files.choosePhoto': { zh: '选择照片', en: 'Choose photo' },
  'hazards.files.uploadPhoto': { zh: '上传照片', en: 'Upload photo' },
  'hazards.files.uploadDocument': { zh: '上传材料', en: 'Upload document' },
  'hazards.files.uploading': { zh: '正在上传…', en: 'Uploading…' },
  'hazards.files.uploaded': { zh: '已上传：{name}', en: 'Uploaded: {name}' },
  'hazards.files.tooLarge': {
    zh: '文件不能超过 10 MB',
    en: 'The file must not exceed 10 MB',
  },
  'hazards.files.hint': {
    zh: '支持 JPEG/PNG/WebP 照片，PDF、Word（.docx）、Excel（.xlsx）材料，单个不超过 10 MB；照片中的位置信息会被去除。',
    en: 'JPEG/PNG/WebP photos and PDF, Word (.docx), Excel (.xlsx) documents up to 10 MB; location data is removed from photos.',
  },
  'hazards.files.open': { zh: '查看', en: 'Open' },

  // Timeline
  'hazards.event.created': { zh: '登记隐患', en: 'Recorded' },
  'hazards.event.edited': { zh: '修改登记信息', en: 'Record edited' },
  'hazards.event.plan_saved': { zh: '保存整改方案', en: 'Plan saved' },
  'hazards.event.file_added': { zh: '上传附件', en: 'File added' },
  'hazards.event.reason': { zh: '原因/意见：{text}', en: 'Reason / comment: {text}' },
  'hazards.event.changed': { zh: '修改：{fields}', en: 'Changed: {fields}' },
  'hazards.event.attachments': { zh: '附件 {n} 个', en: '{n} attachments' },
  'hazards.event.status': { zh: '{from} → {to}', en: '{from} → {to}' },
  'hazards.event.system': { zh: '系统', en: 'System' },

  // Action modal
  'hazards.action.submit': { zh: '确定', en: 'Submit' },
  'hazards.action.done': { zh: '已办理：{action}', en: 'Done: {action}' },
  'hazards.action.comment': { zh: '意见（选填）', en: 'Comment (optional)' },
  'hazards.action.verifyComment': { zh: '验收意见', en: 'Verification comment' },
  'hazards.action.reason': { zh: '原因', en: 'Reason' },
  'hazards.action.fixDescription': { zh: '整改完成情况', en: 'What was done' },
  'hazards.action.onSpotDescription': { zh: '立即整改情况', en: 'What was done on the spot' },
  'hazards.action.attachments': { zh: '整改后照片或证明材料', en: 'After-photos or documents' },
  'hazards.action.attachmentsHint': {
    zh: '勾选要随整改结果提交的照片或材料，也可以在这里直接拍照上传。',
    en: 'Tick the photos or documents to submit with the fix, or take one here.',
  },
  'hazards.action.noAttachments': {
    zh: '还没有整改后照片或证明材料，请先上传。',
    en: 'No after-photo or document yet; upload one first.',
  },
  'hazards.action.newDeadline': { zh: '延期后的整改期限', en: 'New deadline' },
  'hazards.action.orderedDeadline': { zh: '责令整改期限', en: 'Ordered deadline' },
  'hazards.action.approve': { zh: '审批结果', en: 'Decision' },
  'hazards.action.approveYes': { zh: '同意延期', en: 'Approve' },
  'hazards.action.approveNo': { zh: '不同意', en: 'Refuse' },
  'hazards.action.newLevel': { zh: '调整后的等级', en: 'New level' },
  'hazards.action.supervisionLevel': { zh: '督办级别', en: 'Supervision level' },
  'hazards.action.extensionRequest': {
    zh: '申请延至 {deadline}，理由：{reason}',
    en: 'Requested until {deadline}: {reason}',
  },
  'hazards.action.currentDeadline': {
    zh: '当前整改期限：{deadline}',
    en: 'Current deadline: {deadline}',
  },
  'hazards.action.refused': { zh: '无法办理', en: 'Not possible' },
  'hazards.action.confirmVerify': {
    zh: '销号后隐患即闭环，不能再办理其他操作。',
    en: 'Once verified the hazard is closed and no further action is possible.',
  },

  // To-do
  'hazards.todo.title': { zh: '我的待办', en: 'My to-do' },
  'hazards.todo.empty': { zh: '暂无待办事项', en: 'Nothing to do' },
  'hazards.todo.viewAll': { zh: '查看全部', en: 'View all' },
  'hazards.todo.more': { zh: '等 {n} 项', en: '{n} in all' },
  'hazards.todo.group.plan': { zh: '待制定并提交整改方案', en: 'Plans to draw up and submit' },
  'hazards.todo.group.plan_approval': {
    zh: '整改方案待主要负责人批准',
    en: "Plans awaiting the leader's approval",
  },
  'hazards.todo.group.fix': {
    zh: '整改中（按期完成并上传整改照片）',
    en: 'Being fixed (finish on time and upload after-photos)',
  },
  'hazards.todo.group.acceptance': {
    zh: '待主要负责人验收',
    en: "Awaiting the leader's acceptance",
  },
  'hazards.todo.group.overdue': { zh: '已逾期', en: 'Overdue' },
  'hazards.todo.group.verification': {
    zh: '重大事故隐患待验收销号',
    en: 'Major hazards awaiting verification',
  },
  'hazards.todo.group.extension': { zh: '延期申请待批准', en: 'Extension requests to decide' },
  'hazards.todo.group.supervised': { zh: '挂牌督办中', en: 'Under supervision' },

  // Enterprise tab
  'hazards.tab': { zh: '隐患', en: 'Hazards' },
  'hazards.tab.openLedger': { zh: '在台账中查看', en: 'Open in the ledger' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(hazardMessages);
