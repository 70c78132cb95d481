import { registerMessages } from './message-registry';

/**
 * UI strings of tips on the staff side (triage), registered when imported (see
 * message-registry.ts).
 */
export const tipMessages = {
  // List
  'tips.title': { zh: '举报受理', en: 'Tips' },
  'tips.searchPlaceholder': {
    zh: '编号、事项、内容或单位名称',
    en: 'Number, subject, text or name',
  },
  'tips.filters': { zh: '筛选', en: 'Filters' },
  'tips.filtersCount': { zh: '筛选（{n}）', en: 'Filters ({n})' },
  'tips.filterChannel': { zh: '举报渠道', en: 'Channel' },
  'tips.filterSector': { zh: '行业领域', en: 'Sector' },
  'tips.filterDistrict': { zh: '区县', en: 'District' },
  'tips.filterOverdue': { zh: '是否逾期', en: 'Overdue' },
  'tips.filterMine': { zh: '交给我办理的', en: 'Assigned to me' },
  'tips.overdueYes': { zh: '已逾期', en: 'Overdue' },
  'tips.overdueNo': { zh: '未逾期', en: 'On time' },
  'tips.overdue': { zh: '逾期', en: 'Overdue' },
  'tips.statusTabs': { zh: '按办理状态', en: 'By status' },
  'tips.export': { zh: '导出登记表', en: 'Export' },
  'tips.exportHint': {
    zh: '按当前筛选条件导出举报受理登记表（Excel），不含举报人身份信息',
    en: 'Export the filtered register (Excel), without any reporter identity',
  },
  'tips.col.tip': { zh: '举报', en: 'Tip' },
  'tips.col.number': { zh: '举报编号', en: 'Number' },
  'tips.col.subject': { zh: '举报事项', en: 'Subject' },
  'tips.col.channel': { zh: '渠道', en: 'Channel' },
  'tips.col.receivedAt': { zh: '收到时间', en: 'Received' },
  'tips.col.status': { zh: '办理状态', en: 'Status' },
  'tips.col.dueDate': { zh: '办理期限', en: 'Due' },
  'tips.col.assignee': { zh: '承办', en: 'Assigned to' },

  // Staff entry
  'tips.entry.open': { zh: '登记举报', en: 'Enter a tip' },
  'tips.entry.title': {
    zh: '登记热线、电话、来信、来访举报',
    en: 'Enter a tip from another channel',
  },
  'tips.entry.submit': { zh: '登记', en: 'Save' },
  'tips.entry.done': { zh: '已登记举报 {number}', en: 'Tip {number} entered' },
  'tips.entry.identityNote': {
    zh: '举报人姓名、电话等身份信息加密保存，列表和导出中均不显示，仅奖励经办人员可查看且每次查看均留痕。',
    en: "The reporter's identity is encrypted; it never appears in lists or exports and each view is recorded.",
  },
  'tips.entry.enterpriseHint': {
    zh: '能在企业库中找到的请直接选择；找不到的请填写名称并选择区县',
    en: 'Pick from the registry if possible; otherwise type the name and choose the district',
  },
  'tips.entry.enterprisePlaceholder': { zh: '搜索企业名称或信用代码', en: 'Search the registry' },
  'tips.entry.sectorUnknown': { zh: '尚不确定', en: 'Not known yet' },
  'tips.entry.receiptHint': {
    zh: '回执码可告知举报人，凭码在网上查询办理进度和答复',
    en: 'Give the code to the reporter to follow the tip online',
  },
  'tips.entry.receiptTitle': { zh: '举报回执码', en: 'Receipt code' },
  'tips.entry.receiptText': {
    zh: '举报 {number} 已登记。请将以下回执码告知举报人：',
    en: 'Tip {number} is entered. Give this receipt code to the reporter:',
  },
  'tips.entry.receiptOnce': {
    zh: '回执码只显示这一次，系统不保存原码，关闭后无法再次查看。',
    en: 'The code is shown only once; the system does not keep it.',
  },
  'tips.entry.receiptDone': { zh: '已告知，关闭', en: 'Done' },

  // Fields
  'tips.field.channel': { zh: '举报渠道', en: 'Channel' },
  'tips.field.receivedAt': { zh: '收到时间', en: 'Received at' },
  'tips.field.enterprise': { zh: '被举报单位', en: 'Enterprise' },
  'tips.field.enterpriseText': { zh: '举报人所述单位名称', en: 'Name as reported' },
  'tips.field.district': { zh: '所属区县', en: 'District' },
  'tips.field.sector': { zh: '行业领域', en: 'Sector' },
  'tips.field.place': { zh: '具体位置', en: 'Place' },
  'tips.field.subject': { zh: '举报事项', en: 'Subject' },
  'tips.field.description': { zh: '举报内容', en: 'Description' },
  'tips.field.catalogItem': { zh: '涉及判定标准条款', en: 'Criteria item' },
  'tips.field.catalogItemHint': { zh: '可选，便于查找重复', en: 'Optional; helps find duplicates' },
  'tips.field.anonymous': { zh: '匿名举报', en: 'Anonymous' },
  'tips.field.insider': { zh: '内部吹哨人（本单位职工）', en: 'Insider (employee)' },
  'tips.field.issueReceiptCode': { zh: '生成回执码', en: 'Issue a receipt code' },
  'tips.field.dueDate': { zh: '办理期限', en: 'Due date' },
  'tips.field.rejectReason': { zh: '不予受理理由', en: 'Rejected because' },
  'tips.field.verificationSummary': { zh: '核查情况', en: 'Verification summary' },
  'tips.sectorUnknown': { zh: '未确定（全区可见）', en: 'Not set (visible district-wide)' },
  'tips.anonymous': { zh: '匿名', en: 'Anonymous' },
  'tips.named': { zh: '实名', en: 'Named' },
  'tips.insider': { zh: '内部吹哨人', en: 'Insider' },

  // Detail
  'tips.notFound': { zh: '举报不存在或无权查看', en: 'Tip not found' },
  'tips.backToList': { zh: '返回举报列表', en: 'Back to tips' },
  'tips.actions': { zh: '可办理的操作', en: 'Actions' },
  'tips.noActions': { zh: '当前没有需要您办理的操作。', en: 'Nothing for you to do now.' },
  'tips.section.facts': { zh: '举报内容', en: 'The tip' },
  'tips.section.messages': { zh: '答复与备注', en: 'Messages' },
  'tips.section.files': { zh: '附件', en: 'Files' },
  'tips.section.duplicates': { zh: '疑似重复', en: 'Possible duplicates' },
  'tips.section.links': { zh: '处理结果', en: 'Results' },
  'tips.section.history': { zh: '办理记录', en: 'History' },
  'tips.event.created': { zh: '登记', en: 'Entered' },
  'tips.event.identity_viewed': { zh: '查看举报人身份', en: 'Identity viewed' },
  'tips.event.file_added': { zh: '上传附件', en: 'File added' },
  'tips.event.reporter_info': { zh: '举报人补充信息', en: 'Reporter added information' },
  'tips.event.reporter_answer': { zh: '举报人回答问题', en: 'Reporter answered' },

  // Actions
  'tips.action.submit': { zh: '提交', en: 'Submit' },
  'tips.action.done': { zh: '已{action}', en: '{action}: done' },
  'tips.action.refused': { zh: '无法办理', en: 'Not allowed' },
  'tips.action.comment': { zh: '意见或说明', en: 'Comment' },
  'tips.action.reason': { zh: '理由', en: 'Reason' },
  'tips.action.rejectReason': { zh: '不予受理的理由', en: 'Reason' },
  'tips.action.duplicateOf': { zh: '与之重复的举报', en: 'Duplicate of' },
  'tips.action.noDuplicateTips': {
    zh: '同一企业没有其他未办结的举报',
    en: 'No other open tip about this enterprise',
  },
  'tips.action.assignTo': { zh: '交办给', en: 'Assign to' },
  'tips.action.assignInspector': { zh: '执法人员', en: 'Inspector' },
  'tips.action.assignUnit': { zh: '科室（单位）', en: 'Office' },
  'tips.action.inspector': { zh: '核查人员', en: 'Inspector' },
  'tips.action.unit': { zh: '承办科室', en: 'Office' },
  'tips.action.dueDate': { zh: '核查期限', en: 'Due date' },
  'tips.action.newDueDate': { zh: '延长至', en: 'New due date' },
  'tips.action.dueLimit': { zh: '最晚不超过 {date}', en: 'No later than {date}' },
  'tips.action.extendReason': { zh: '延期理由', en: 'Reason' },
  'tips.action.result': { zh: '核查结果', en: 'Result' },
  'tips.action.summary': { zh: '核查情况', en: 'What was found' },
  'tips.action.hazardMode': { zh: '隐患台账', en: 'Hazard ledger' },
  'tips.action.hazardNone': { zh: '暂不登记隐患', en: 'No hazard' },
  'tips.action.hazardCreate': { zh: '登记为新隐患（来源：举报）', en: 'Record a new hazard' },
  'tips.action.hazardLink': { zh: '关联已有隐患', en: 'Link an existing hazard' },
  'tips.action.noEnterpriseForHazard': {
    zh: '被举报单位尚未对应企业库中的企业，不能登记隐患；请先“修改企业和行业”。',
    en: 'Pick the enterprise from the registry first ("Classify") to record a hazard.',
  },
  'tips.hazard.level': { zh: '隐患等级', en: 'Level' },
  'tips.hazard.title': { zh: '隐患名称', en: 'Title' },
  'tips.hazard.description': { zh: '隐患描述', en: 'Description' },
  'tips.hazard.category': { zh: '隐患类别', en: 'Category' },
  'tips.hazard.noCatalogReason': { zh: '未引用判定标准的理由', en: 'Why no criteria item' },
  'tips.hazard.treatment': { zh: '治理方式', en: 'Treatment' },
  'tips.link.target': { zh: '关联类型', en: 'Link to' },
  'tips.link.record': { zh: '关联记录', en: 'Record' },
  'tips.link.hazard': { zh: '台账隐患', en: 'Hazard' },
  'tips.link.inspectionRecord': { zh: '检查记录', en: 'Inspection record' },
  'tips.link.penaltyCase': { zh: '处罚案件', en: 'Penalty case' },
  'tips.link.none': { zh: '该企业没有可关联的记录', en: 'Nothing to link' },
  'tips.link.needEnterprise': {
    zh: '请先确定被举报企业，才能选择其隐患、检查记录或处罚案件。',
    en: 'Pick the enterprise first to choose its records.',
  },

  // Messages
  'tips.messages.conversation': { zh: '与举报人沟通', en: 'With the reporter' },
  'tips.messages.notes': { zh: '内部备注', en: 'Internal notes' },
  'tips.messages.conversationNote': {
    zh: '答复和提问会显示在举报人凭回执码查询的页面上（不显示经办人姓名）。',
    en: 'Replies and questions are shown to the reporter (without staff names).',
  },
  'tips.messages.notesNote': {
    zh: '内部备注仅工作人员可见，举报人永远看不到。',
    en: 'Internal notes are for staff only; the reporter never sees them.',
  },
  'tips.messages.none': { zh: '暂无', en: 'None yet' },
  'tips.messages.reporter': { zh: '举报人', en: 'Reporter' },
  'tips.messages.notePlaceholder': { zh: '写一条内部备注', en: 'Write an internal note' },
  'tips.messages.replyPlaceholder': {
    zh: '写给举报人的答复或问题（举报人可见）',
    en: 'A reply or question the reporter will see',
  },
  'tips.messages.addNote': { zh: '添加备注', en: 'Add note' },
  'tips.messages.send': { zh: '发送', en: 'Send' },
  'tips.messages.sent': { zh: '已发送', en: 'Sent' },
  'tips.messages.unreachable': {
    zh: '该举报没有回执码，举报人无法在线查看答复，请电话或书面告知。',
    en: 'No receipt code: tell the reporter by phone or letter.',
  },

  // Files
  'tips.files.none': { zh: '没有附件', en: 'No files' },
  'tips.files.upload': { zh: '上传附件', en: 'Upload a file' },
  'tips.files.uploaded': { zh: '附件已上传', en: 'File uploaded' },
  'tips.files.fromReporter': { zh: '举报人提供', en: 'From the reporter' },
  'tips.files.fromStaff': { zh: '工作人员上传', en: 'From staff' },

  // Duplicates
  'tips.duplicates.none': { zh: '未发现疑似重复的隐患或举报', en: 'No possible duplicates' },
  'tips.duplicates.hazards': { zh: '该企业未销号的隐患', en: 'Open hazards of the enterprise' },
  'tips.duplicates.tips': { zh: '同一单位未办结的其他举报', en: 'Other open tips' },
  'tips.duplicates.sameItem': { zh: '同一条款', en: 'Same item' },

  // Identity
  'tips.identity.view': { zh: '查看举报人身份', en: "View the reporter's identity" },
  'tips.identity.confirmTitle': { zh: '查看举报人身份', en: "View the reporter's identity" },
  'tips.identity.confirmText': {
    zh: '举报人身份受法律保护。本次查看将记入审计日志（查看人、时间、举报编号），请仅在办理奖励等必要时查看，不得泄露。',
    en: "The reporter's identity is protected. This view is recorded in the audit log; view it only when needed.",
  },
  'tips.identity.insiderWarning': {
    zh: '举报人是被举报单位的职工（内部吹哨人），严禁向该单位透露任何可能识别其身份的信息。',
    en: 'The reporter works at the enterprise: never reveal anything that could identify them.',
  },
  'tips.identity.confirmOk': { zh: '确认查看', en: 'View' },
  'tips.identity.title': { zh: '举报人身份', en: "Reporter's identity" },
  'tips.identity.recorded': {
    zh: '本次查看已于 {at} 记入审计日志',
    en: 'This view was recorded at {at}',
  },
  'tips.identity.close': { zh: '关闭', en: 'Close' },
  'tips.identity.name': { zh: '举报人姓名', en: 'Name' },
  'tips.identity.phone': { zh: '联系电话', en: 'Phone' },
  'tips.identity.idNumber': { zh: '身份证号', en: 'ID number' },
  'tips.identity.contact': { zh: '其他联系方式', en: 'Other contact' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(tipMessages);
