import { registerMessages } from './message-registry';

/**
 * UI strings of the public tip page and the receipt-code follow-up, registered when imported (see
 * message-registry.ts).
 */
export const publicTipMessages = {
  'tipPublic.title': { zh: '安全生产举报', en: 'Report a safety hazard' },
  'tipPublic.intro': {
    zh: '发现重大事故隐患或安全生产违法行为，可在此举报。可以匿名举报；实名举报的身份信息加密保存，仅负责举报奖励的工作人员可以查看。',
    en: 'Report a major accident hazard or a safety violation here. You may stay anonymous; a named reporter’s identity is stored encrypted and only the staff who handle rewards can see it.',
  },
  'tipPublic.noTracking': {
    zh: '本页面不需要登录，不使用 Cookie，也不记录您的 IP 地址。',
    en: 'No sign-in, no cookies, and your IP address is not recorded.',
  },
  'tipPublic.checkStatus': { zh: '凭回执码查询办理进度', en: 'Check progress with a receipt code' },
  'tipPublic.toForm': { zh: '我要举报', en: 'Make a report' },

  // Form
  'tipPublic.target': { zh: '被举报单位', en: 'Reported enterprise' },
  'tipPublic.targetPick': { zh: '从企业名录中查找', en: 'Find in the registry' },
  'tipPublic.targetType': { zh: '直接填写', en: 'Type it' },
  'tipPublic.enterprise': { zh: '企业名称', en: 'Enterprise' },
  'tipPublic.enterpriseSearch': {
    zh: '输入企业名称中的至少2个字查找',
    en: 'Type at least 2 characters of the name',
  },
  'tipPublic.enterpriseNone': {
    zh: '没有找到？请改为“直接填写”',
    en: 'Not found? Choose “Type it” instead',
  },
  'tipPublic.enterpriseRequired': { zh: '请选择被举报的企业', en: 'Choose the enterprise' },
  'tipPublic.enterpriseText': { zh: '单位或场所名称', en: 'Enterprise or place name' },
  'tipPublic.enterpriseTextHint': {
    zh: '如不知道全称，可填写简称、招牌名或场所特征',
    en: 'A short name, a shop sign or a description of the place is fine',
  },
  'tipPublic.district': { zh: '所在区县', en: 'District' },
  'tipPublic.subject': { zh: '举报事项', en: 'Subject' },
  'tipPublic.subjectPlaceholder': {
    zh: '一句话概括，如：储罐区夜间违规动火',
    en: 'In one line, e.g. welding at night next to the tanks',
  },
  'tipPublic.description': { zh: '举报内容', en: 'Details' },
  'tipPublic.descriptionPlaceholder': {
    zh: '请写明发现的隐患或违法行为、时间、涉及的设备或人员等，越具体越便于核查',
    en: 'What you saw, when, which equipment or people — the more specific, the easier to check',
  },
  'tipPublic.place': { zh: '具体位置（选填）', en: 'Exact place (optional)' },
  'tipPublic.placePlaceholder': {
    zh: '如：厂区东侧3号储罐附近',
    en: 'e.g. near tank 3 on the east side',
  },
  'tipPublic.files': { zh: '照片或文件（选填）', en: 'Photos or files (optional)' },
  'tipPublic.filesHint': {
    zh: '最多{max}个，支持 JPEG/PNG/WebP 照片和 PDF；照片中的位置等信息会被自动清除',
    en: 'Up to {max}: JPEG/PNG/WebP photos and PDF; location data in photos is removed',
  },
  'tipPublic.filesAdd': { zh: '选择文件', en: 'Choose files' },
  'tipPublic.filesTooMany': { zh: '最多上传{max}个文件', en: 'At most {max} files' },
  'tipPublic.insider': {
    zh: '我是被举报单位的员工（内部吹哨人）',
    en: 'I work at this enterprise (internal whistleblower)',
  },
  'tipPublic.insiderHint': {
    zh: '内部吹哨人的身份绝不会告知被举报单位',
    en: 'An insider’s identity is never disclosed to the enterprise',
  },
  'tipPublic.mode': { zh: '举报方式', en: 'How to report' },
  'tipPublic.anonymous': { zh: '匿名举报', en: 'Anonymous' },
  'tipPublic.named': { zh: '实名举报', en: 'Named' },
  'tipPublic.namedHint': {
    zh: '实名举报便于核实情况和发放举报奖励。您的姓名和电话加密保存，不会告知被举报单位。',
    en: 'A named report helps checking and rewards. Your name and phone are encrypted and never told to the enterprise.',
  },
  'tipPublic.anonymousHint': {
    zh: '匿名举报也可凭回执码查询进度、领取奖励，请务必保存好回执码。',
    en: 'Anonymous reporters also follow up and claim rewards with the receipt code: keep it safe.',
  },
  'tipPublic.name': { zh: '姓名', en: 'Name' },
  'tipPublic.phone': { zh: '联系电话', en: 'Phone' },
  'tipPublic.submit': { zh: '提交举报', en: 'Submit' },
  'tipPublic.solving': {
    zh: '正在进行安全验证，请稍候…',
    en: 'Running a security check, please wait…',
  },
  'tipPublic.sending': { zh: '正在提交…', en: 'Sending…' },

  // Result
  'tipPublic.doneTitle': { zh: '举报已提交', en: 'Your report was submitted' },
  'tipPublic.doneNumber': { zh: '举报编号：{number}', en: 'Number: {number}' },
  'tipPublic.code': { zh: '回执码', en: 'Receipt code' },
  'tipPublic.copy': { zh: '复制回执码', en: 'Copy the code' },
  'tipPublic.copied': { zh: '已复制', en: 'Copied' },
  'tipPublic.copyFailed': {
    zh: '无法自动复制，请手动抄写',
    en: 'Could not copy; please write it down',
  },
  'tipPublic.codeWarning': {
    zh: '回执码只显示这一次，请立即抄写或复制保存。凭回执码可查询办理进度、补充材料、回答提问和领取奖励；遗失后无法找回。请勿告诉他人。',
    en: 'This code is shown only once: write it down or copy it now. With it you can follow progress, add material, answer questions and claim a reward; it cannot be recovered if lost. Do not share it.',
  },
  'tipPublic.another': { zh: '再提交一条举报', en: 'Submit another report' },

  // Status page
  'tipPublic.statusTitle': { zh: '举报办理进度查询', en: 'Report progress' },
  'tipPublic.codeInput': { zh: '请输入16位回执码', en: 'Enter the 16-digit receipt code' },
  'tipPublic.lookup': { zh: '查询', en: 'Look up' },
  'tipPublic.leave': { zh: '退出查询', en: 'Close' },
  'tipPublic.number': { zh: '举报编号', en: 'Number' },
  'tipPublic.status': { zh: '办理状态', en: 'Status' },
  'tipPublic.result': { zh: '核查结果', en: 'Finding' },
  'tipPublic.receivedAt': { zh: '提交时间', en: 'Submitted' },
  'tipPublic.history': { zh: '办理过程', en: 'Progress' },
  'tipPublic.conversation': { zh: '答复与沟通', en: 'Replies and questions' },
  'tipPublic.noMessages': {
    zh: '暂无答复。办理单位答复或提问后会显示在这里。',
    en: 'No replies yet. Replies and questions of the handling unit appear here.',
  },
  'tipPublic.kind.reply': { zh: '办理单位答复', en: 'Reply' },
  'tipPublic.kind.question': { zh: '办理单位提问', en: 'Question' },
  'tipPublic.kind.reporter_info': { zh: '我的补充', en: 'I added' },
  'tipPublic.kind.reporter_answer': { zh: '我的回答', en: 'My answer' },
  'tipPublic.answered': { zh: '已回答', en: 'Answered' },
  'tipPublic.answer': { zh: '回答', en: 'Answer' },
  'tipPublic.answerPlaceholder': { zh: '请填写您的回答', en: 'Your answer' },
  'tipPublic.answerSend': { zh: '提交回答', en: 'Send answer' },
  'tipPublic.answerSent': { zh: '回答已提交', en: 'Answer sent' },
  'tipPublic.attachments': { zh: '我提交的附件', en: 'My files' },
  'tipPublic.download': { zh: '下载', en: 'Download' },
  'tipPublic.addInfo': { zh: '补充举报信息', en: 'Add information' },
  'tipPublic.addInfoPlaceholder': {
    zh: '补充新的情况、线索或更正',
    en: 'New facts, leads or corrections',
  },
  'tipPublic.addInfoSend': { zh: '提交补充', en: 'Send' },
  'tipPublic.addInfoSent': { zh: '补充信息已提交', en: 'Information added' },
  'tipPublic.addInfoEmpty': {
    zh: '请填写补充内容或选择文件',
    en: 'Write something or choose a file',
  },
  'tipPublic.closed': {
    zh: '该举报已办结，不能再补充信息。',
    en: 'This report is closed; no more information can be added.',
  },
  'tipPublic.reporterFiles': { zh: '附件', en: 'Files' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(publicTipMessages);
