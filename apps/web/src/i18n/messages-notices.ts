import { registerMessages } from './message-registry';

/** UI strings of notices (issue 4). */
export const noticeMessages = {
  // Notices
  'notices.publish': { zh: '发布通知', en: 'Publish notice' },
  'notices.publishTitle': { zh: '发布通知', en: 'Publish a notice' },
  'notices.publishOk': { zh: '发布', en: 'Publish' },
  'notices.published': {
    zh: '通知已发布，送达{n}家企业',
    en: 'Notice published to {n} enterprises',
  },
  'notices.titleCol': { zh: '标题', en: 'Title' },
  'notices.body': { zh: '正文', en: 'Text' },
  'notices.sectors': { zh: '行业领域', en: 'Sectors' },
  'notices.sectorsHint': {
    zh: '送达本辖区所选行业领域的全部企业',
    en: 'Sent to every enterprise of these sectors in your territory',
  },
  'notices.attachments': { zh: '附件', en: 'Attachments' },
  'notices.attachmentsHint': {
    zh: '支持PDF、Word（.docx）、Excel（.xlsx），单个不超过10MB，最多10个',
    en: 'PDF, Word (.docx) or Excel (.xlsx), up to 10 MB each, at most 10',
  },
  'notices.attachmentsN': { zh: '{n}个附件', en: '{n} attachments' },
  'notices.addAttachment': { zh: '上传附件', en: 'Upload attachment' },
  'notices.badType': {
    zh: '“{name}”不是PDF、.docx或.xlsx文件',
    en: '“{name}” is not a PDF, .docx or .xlsx file',
  },
  'notices.uploadFailed': { zh: '上传失败', en: 'Upload failed' },
  'notices.campaign': { zh: '所属专项行动', en: 'Campaign' },
  'notices.campaignNone': { zh: '不关联（可选）', en: 'None (optional)' },
  'notices.openCampaign': { zh: '查看专项行动', en: 'Open the campaign' },
  'notices.searchPlaceholder': { zh: '搜索标题', en: 'Search titles' },
  'notices.onlyUnread': { zh: '只看未读', en: 'Unread only' },
  'notices.unreadCount': { zh: '未读通知', en: 'Unread notices' },
  'notices.status': { zh: '状态', en: 'Status' },
  'notices.read': { zh: '已读', en: 'Read' },
  'notices.unread': { zh: '未读', en: 'Unread' },
  'notices.reminded': { zh: '已催办', en: 'Reminded' },
  'notices.publishedAt': { zh: '发布时间', en: 'Published' },
  'notices.publisher': { zh: '发布单位', en: 'Published by' },
  'notices.readStats': { zh: '阅读情况', en: 'Read' },
  'notices.readOf': { zh: '已读 {read}/{total}', en: '{read} of {total} read' },
  'notices.unreadN': { zh: '未读{n}', en: '{n} unread' },
  'notices.readRate': { zh: '已读比例', en: 'Share read' },
  'notices.notFound': { zh: '通知不存在', en: 'Notice not found' },
  'notices.backToList': { zh: '返回通知列表', en: 'Back to the notices' },
  'notices.detail': { zh: '通知详情', en: 'Notice' },
  'notices.readBy': { zh: '{name}于{at}阅读', en: 'Read by {name} at {at}' },
  'notices.receipts': { zh: '阅读回执', en: 'Read receipts' },
  'notices.receiptFilter': { zh: '按阅读状态筛选', en: 'Filter by status' },
  'notices.searchEnterprise': { zh: '搜索企业', en: 'Search enterprises' },
  'notices.enterprise': { zh: '企业', en: 'Enterprise' },
  'notices.reader': { zh: '阅读人 / 时间', en: 'Read by / at' },
  'notices.reminders': { zh: '催办', en: 'Reminders' },
  'notices.remindTimes': { zh: '已催办{n}次', en: 'Reminded {n}×' },
  'notices.remind': { zh: '催办', en: 'Remind' },
  'notices.remindAll': { zh: '催办全部未读（{n}）', en: 'Remind all unread ({n})' },
  'notices.remindSelected': { zh: '催办所选（{n}）', en: 'Remind selected ({n})' },
  'notices.remindAllTitle': {
    zh: '催办全部{n}家未读企业？',
    en: 'Remind all {n} enterprises that have not read it?',
  },
  'notices.remindSelectedTitle': {
    zh: '催办所选{n}家企业？',
    en: 'Remind the {n} selected enterprises?',
  },
  'notices.remindHint': {
    zh: '每家企业的催办次数和时间都会记录；已读企业不会被催办。',
    en: 'Each reminder is recorded per enterprise; enterprises that have read it are left alone.',
  },
  'notices.remindedN': { zh: '已催办{n}家企业', en: '{n} enterprises reminded' },
  'notices.remindedNone': { zh: '没有需要催办的未读企业', en: 'No unread enterprise to remind' },
  'notices.selectEnterprise': { zh: '选择{name}', en: 'Select {name}' },
} as const satisfies Record<string, { zh: string; en: string }>;

registerMessages(noticeMessages);
