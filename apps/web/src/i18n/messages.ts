import type { accidentMessages } from './messages-accidents';
import type { alertMessages } from './messages-alerts';
import type { campaignMessages } from './messages-campaign';
import type { catalogMessages } from './messages-catalog';
import type { dashboardMessages } from './messages-dashboard';
import type { disclosureMessages } from './messages-disclosures';
import type { leaderDutyMessages } from './messages-duty-leader';
import type { dutyRecordMessages } from './messages-duty-records';
import type { selfInspectionMessages } from './messages-duty-self';
import type { hazardousWorkMessages } from './messages-duty-work';
import type { dutyMessages } from './messages-duty';
import type { inspectionMessages } from './messages-enforcement-inspections';
import type { enforcementOrderMessages } from './messages-enforcement-orders';
import type { penaltyMessages } from './messages-enforcement-penalties';
import type { inspectionPlanMessages } from './messages-enforcement-plans';
import type { enforcementMessages } from './messages-enforcement';
import type { enterpriseMessages } from './messages-enterprise';
import type { hazardMessages } from './messages-hazard';
import type { noticeMessages } from './messages-notices';
import type { notificationMessages } from './messages-notifications';
import type { reportMessages } from './messages-reports';
import type { staffMessages } from './messages-staff';
import type { informantMessages } from './messages-tips-informants';
import type { publicTipMessages } from './messages-tips-public';
import type { tipMessages } from './messages-tips';
import type { userMessages } from './messages-users';

/**
 * UI strings, Chinese first. Each entry holds both languages so a missing translation is a type
 * error. Placeholders are written `{name}` and filled by `t(key, { name })`. These core strings
 * (the shell, the menu, sign-in and home) load with the first page; each module's strings are in
 * messages-<module>.ts and load with the pages that use them (message-registry.ts).
 */
export const coreMessages = {
  // App
  'app.name': { zh: '重大事故隐患排查整治系统', en: 'Major Accident Hazard Ledger' },
  'app.shortName': { zh: '隐患排查整治', en: 'Hazard Ledger' },
  'app.loading': { zh: '正在加载…', en: 'Loading…' },
  'app.openMenu': { zh: '打开菜单', en: 'Open menu' },
  'app.mainMenu': { zh: '主菜单', en: 'Main menu' },
  'app.logout': { zh: '退出登录', en: 'Sign out' },
  'app.loggedOut': { zh: '已退出登录', en: 'Signed out' },
  'app.language': { zh: '语言', en: 'Language' },
  'app.totpBanner': {
    zh: '您的账号必须先绑定动态验证码（双因素认证），完成前无法使用其他功能。',
    en: 'Your account must enrol a second factor (TOTP) before you can use anything else.',
  },
  'app.totpBannerAction': { zh: '立即绑定', en: 'Enrol now' },
  'app.loadFailed': { zh: '加载失败', en: 'Failed to load' },
  'app.retry': { zh: '重试', en: 'Retry' },

  // Navigation / page titles
  'nav.home': { zh: '首页', en: 'Home' },
  'nav.enterprises': { zh: '企业', en: 'Enterprises' },
  'nav.users': { zh: '用户管理', en: 'Users' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
  'nav.account': { zh: '我的账号', en: 'My account' },
  'nav.login': { zh: '登录', en: 'Sign in' },
  'nav.notFound': { zh: '页面不存在', en: 'Page not found' },
  'nav.forbidden': { zh: '无权访问', en: 'Access denied' },
  // Pages of the modules (menu entries and page titles)
  'nav.accidents': { zh: '事故倒查', en: 'Accidents' },
  'nav.accident': { zh: '事故详情', en: 'Accident' },
  'nav.catalogs': { zh: '判定标准', en: 'Criteria' },
  'nav.catalogDetail': { zh: '判定标准详情', en: 'Criteria catalog' },
  'nav.checklist': { zh: '检查清单', en: 'Our checklist' },
  'nav.campaigns': { zh: '专项行动', en: 'Campaigns' },
  'nav.campaignDetail': { zh: '专项行动详情', en: 'Campaign' },
  'nav.notices': { zh: '通知', en: 'Notices' },
  'nav.noticeDetail': { zh: '通知详情', en: 'Notice' },
  'nav.alerts': { zh: '事故警示', en: 'Accident alerts' },
  'nav.alertDetail': { zh: '事故警示详情', en: 'Accident alert' },
  'nav.disclosures': { zh: '公开曝光', en: 'Disclosure' },
  'nav.disclosure': { zh: '曝光案例', en: 'Disclosure case' },
  'nav.keyPeriods': { zh: '关键时间节点', en: 'Key periods' },
  'nav.leaderInspections': { zh: '负责人带队检查', en: 'Leader inspections' },
  'nav.selfInspections': { zh: '对标自查', en: 'Self-inspections' },
  'nav.selfInspectionRun': { zh: '自查记录', en: 'Self-inspection' },
  'nav.certificates': { zh: '特种作业证书', en: 'Operator certificates' },
  'nav.group.duties': { zh: '企业履责', en: 'Enterprise duties' },
  'nav.duties': { zh: '五项重点任务', en: 'Five duties' },
  'nav.inspections': { zh: '现场检查', en: 'Inspections' },
  'nav.inspectionNew': { zh: '填写检查记录', en: 'New inspection record' },
  'nav.inspection': { zh: '现场检查记录', en: 'Inspection record' },
  'nav.orders': { zh: '责令整改', en: 'Orders' },
  'nav.order': { zh: '整改指令书', en: 'Rectification order' },
  'nav.penaltyCases': { zh: '行政处罚', en: 'Penalty cases' },
  'nav.penaltyCase': { zh: '处罚案件', en: 'Penalty case' },
  'nav.repeatOffenders': { zh: '屡查屡犯', en: 'Repeat offenders' },
  'nav.inspectionPlans': { zh: '检查计划', en: 'Inspection plans' },
  'nav.inspectionPlan': { zh: '检查计划详情', en: 'Inspection plan' },
  'nav.group.enforcement': { zh: '执法监管', en: 'Enforcement' },
  'nav.enterpriseDetail': { zh: '企业详情', en: 'Enterprise' },
  'nav.enterpriseImport': { zh: '导入企业', en: 'Import enterprises' },
  'nav.hazards': { zh: '隐患台账', en: 'Hazard ledger' },
  'nav.hazardNew': { zh: '登记隐患', en: 'Record a hazard' },
  'nav.hazardDetail': { zh: '隐患详情', en: 'Hazard' },
  'nav.notifications': { zh: '消息提醒', en: 'Notifications' },
  'nav.group.reports': { zh: '调度报表', en: 'Reports' },
  'nav.dispatchReport': { zh: '调度表填报', en: 'Dispatch report' },
  'nav.reportRollup': { zh: '汇总与报送情况', en: 'Roll-up' },
  'nav.reportLayouts': { zh: '表样设置', en: 'Table layouts' },
  'nav.group.team': { zh: '队伍与培训', en: 'Staff & training' },
  'nav.staff': { zh: '执法人员', en: 'Enforcement staff' },
  'nav.trainings': { zh: '培训管理', en: 'Training' },
  'nav.training': { zh: '培训班次', en: 'Training session' },
  'nav.myTrainings': { zh: '培训报名', en: 'Training enrolment' },
  'nav.informants': { zh: '信息员', en: 'Informants' },
  'nav.rewards': { zh: '举报奖励', en: 'Rewards' },
  'nav.myReports': { zh: '我的报告', en: 'My reports' },
  'nav.group.tips': { zh: '举报管理', en: 'Tips' },
  'nav.tips': { zh: '举报受理', en: 'Tips' },
  'nav.tip': { zh: '举报详情', en: 'Tip' },

  // Common
  'common.search': { zh: '搜索', en: 'Search' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.confirm': { zh: '确定', en: 'OK' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.create': { zh: '新建', en: 'Create' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.all': { zh: '全部', en: 'All' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.none': { zh: '无', en: 'None' },
  'common.total': { zh: '共 {total} 条', en: '{total} in total' },
  'common.backHome': { zh: '返回首页', en: 'Back to home' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.reload': { zh: '重新加载', en: 'Reload' },
  'common.staleTitle': { zh: '记录已被修改', en: 'Record changed' },
  'common.staleContent': {
    zh: '该记录已被他人修改。是否重新加载最新数据？未保存的修改将丢失。',
    en: 'Someone else changed this record. Reload the latest data? Your unsaved edits will be lost.',
  },
  'common.notFoundText': {
    zh: '您访问的页面不存在。',
    en: 'The page you asked for does not exist.',
  },
  'common.invalidField': { zh: '填写的内容不符合要求', en: 'This value is not valid' },
  'common.unexpectedError': {
    zh: '操作失败，请稍后再试',
    en: 'Something went wrong; try again later',
  },
  'common.forbiddenText': {
    zh: '您没有访问此页面的权限。',
    en: 'You are not allowed to open this page.',
  },

  // Login
  'login.title': { zh: '用户登录', en: 'Sign in' },
  'login.reportTip': { zh: '我要举报', en: 'Report a hazard' },
  'login.tipStatus': { zh: '查询举报进度', en: 'Check a report' },
  'login.username': { zh: '用户名', en: 'Username' },
  'login.password': { zh: '密码', en: 'Password' },
  'login.totp': { zh: '动态验证码', en: 'One-time code' },
  'login.totpHint': {
    zh: '请打开身份验证器应用，输入显示的6位数字。',
    en: 'Open your authenticator app and enter the 6-digit code.',
  },
  'login.submit': { zh: '登录', en: 'Sign in' },
  'login.back': { zh: '返回重新输入', en: 'Start over' },
  'login.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'login.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'login.totpFormat': { zh: '动态验证码为6位数字', en: 'The code has 6 digits' },
  'login.footer': {
    zh: '本系统仅供授权用户使用，所有操作均记录审计日志。',
    en: 'For authorised users only. Every action is recorded in the audit log.',
  },

  // Home
  'home.welcome': { zh: '您好，{name}', en: 'Welcome, {name}' },
  'home.role': { zh: '角色', en: 'Role' },
  'home.orgUnit': { zh: '所属单位', en: 'Org unit' },
  'home.sectors': { zh: '负责行业领域', en: 'Sectors' },
  'home.enterprise': { zh: '所属企业', en: 'Enterprise' },
  'home.quickLinks': { zh: '常用功能', en: 'Quick links' },
  'home.intro.bureau_admin': {
    zh: '您可以管理本单位及下级单位的用户账号，查看并校验审计日志。',
    en: 'You manage the user accounts of your unit and below, and read and verify the audit log.',
  },
  'home.intro.office': {
    zh: '您负责本区以下行业领域的企业帮扶、抽查和周报汇总：{sectors}。',
    en: 'You assist, spot-check and report on the enterprises of these sectors in your district: {sectors}.',
  },
  'home.intro.inspector': {
    zh: '您负责执法检查、隐患认定、责令整改和行政处罚，检查记录须由执法人员签名。',
    en: 'You run inspections, record hazards, issue orders and penalties; inspection records are signed by inspectors.',
  },
  'home.intro.publicity': {
    zh: '您负责发布判定标准宣传、典型案例、曝光信息和事故警示。',
    en: 'You publish criteria notices, typical cases, exposures and accident-lesson alerts.',
  },
  'home.intro.city': {
    zh: '您可以只读查看下级上报数据和汇总情况。',
    en: 'You have read-only access to the reports and figures submitted by the districts below.',
  },
  'home.intro.ent_leader': {
    zh: '您是{enterprise}的主要负责人，负责带队检查、审批整改方案和验收整改结果。',
    en: 'You are the main leader of {enterprise}: you lead inspections, approve rectification plans and accept fixes.',
  },
  'home.intro.informant': {
    zh: '您是安全生产信息员，负责及时报告所联系行业领域（{sectors}）企业的重大事故隐患和安全生产违法行为线索。',
    en: 'You are a safety informant: report major hazards and violations you learn of in these sectors: {sectors}.',
  },
  'home.intro.ent_safety': {
    zh: '您是{enterprise}的安全管理人员，负责自查自改、隐患台账和作业许可等日常工作。',
    en: 'You are the safety manager of {enterprise}: self-inspection, the hazard ledger and work permits.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/** Every UI string key, core and per module: a typo or a missing string is a type error. */
export type MessageKey =
  | keyof typeof coreMessages
  | keyof typeof accidentMessages
  | keyof typeof alertMessages
  | keyof typeof campaignMessages
  | keyof typeof catalogMessages
  | keyof typeof dashboardMessages
  | keyof typeof disclosureMessages
  | keyof typeof leaderDutyMessages
  | keyof typeof dutyRecordMessages
  | keyof typeof selfInspectionMessages
  | keyof typeof hazardousWorkMessages
  | keyof typeof dutyMessages
  | keyof typeof inspectionMessages
  | keyof typeof enforcementOrderMessages
  | keyof typeof penaltyMessages
  | keyof typeof inspectionPlanMessages
  | keyof typeof enforcementMessages
  | keyof typeof enterpriseMessages
  | keyof typeof hazardMessages
  | keyof typeof noticeMessages
  | keyof typeof notificationMessages
  | keyof typeof reportMessages
  | keyof typeof staffMessages
  | keyof typeof informantMessages
  | keyof typeof publicTipMessages
  | keyof typeof tipMessages
  | keyof typeof userMessages;
