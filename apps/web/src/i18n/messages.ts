import { enterpriseMessages } from './messages-enterprise';
import { hazardMessages } from './messages-hazard';
import { campaignMessages } from './messages-campaign';
import { dutyMessages } from './messages-duty';
import { selfInspectionMessages } from './messages-duty-self';
import { leaderDutyMessages } from './messages-duty-leader';
import { hazardousWorkMessages } from './messages-duty-work';
import { dutyRecordMessages } from './messages-duty-records';
import { enforcementMessages } from './messages-enforcement';
import { inspectionPlanMessages } from './messages-enforcement-plans';
import { inspectionMessages } from './messages-enforcement-inspections';
import { enforcementOrderMessages } from './messages-enforcement-orders';
import { penaltyMessages } from './messages-enforcement-penalties';
import { publicTipMessages } from './messages-tips-public';
import { tipMessages } from './messages-tips';
import { informantMessages } from './messages-tips-informants';
import { reportMessages } from './messages-reports';
import { dashboardMessages } from './messages-dashboard';
import { notificationMessages } from './messages-notifications';
import { accidentMessages } from './messages-accidents';
import { staffMessages } from './messages-staff';
import { disclosureMessages } from './messages-disclosures';

/**
 * UI strings, Chinese first. Each entry holds both languages so a missing translation is a type
 * error. Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const messages = {
  ...enterpriseMessages,
  ...hazardMessages,
  ...campaignMessages,
  ...dutyMessages,
  ...selfInspectionMessages,
  ...leaderDutyMessages,
  ...hazardousWorkMessages,
  ...dutyRecordMessages,
  ...enforcementMessages,
  ...inspectionPlanMessages,
  ...inspectionMessages,
  ...enforcementOrderMessages,
  ...penaltyMessages,
  ...publicTipMessages,
  ...tipMessages,
  ...informantMessages,
  ...reportMessages,
  ...dashboardMessages,
  ...notificationMessages,
  ...accidentMessages,
  ...staffMessages,
  ...disclosureMessages,
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

  // Users
  'users.title': { zh: '用户管理', en: 'Users' },
  'users.searchPlaceholder': { zh: '用户名或姓名', en: 'Username or name' },
  'users.create': { zh: '新建用户', en: 'New user' },
  'users.editTitle': { zh: '编辑用户', en: 'Edit user' },
  'users.createTitle': { zh: '新建用户', en: 'New user' },
  'users.username': { zh: '用户名', en: 'Username' },
  'users.displayName': { zh: '姓名', en: 'Name' },
  'users.role': { zh: '角色', en: 'Role' },
  'users.orgUnit': { zh: '所属单位', en: 'Org unit' },
  'users.sectors': { zh: '负责行业领域', en: 'Sectors' },
  'users.enterprise': { zh: '所属企业', en: 'Enterprise' },
  'users.enterpriseSearch': {
    zh: '输入企业名称或信用代码搜索',
    en: 'Search by name or credit code',
  },
  'users.phone': { zh: '联系电话', en: 'Phone' },
  'users.certificateNo': { zh: '执法证号', en: 'Enforcement certificate No.' },
  'users.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'users.status': { zh: '状态', en: 'Status' },
  'users.status.active': { zh: '正常', en: 'Active' },
  'users.status.disabled': { zh: '已停用', en: 'Disabled' },
  'users.locked': { zh: '已锁定', en: 'Locked' },
  'users.totp': { zh: '双因素认证', en: 'TOTP' },
  'users.lastLoginAt': { zh: '最近登录', en: 'Last sign-in' },
  'users.createdAt': { zh: '创建时间', en: 'Created' },
  'users.disable': { zh: '停用', en: 'Disable' },
  'users.enable': { zh: '启用', en: 'Enable' },
  'users.unlock': { zh: '解锁', en: 'Unlock' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.newPassword': { zh: '新密码', en: 'New password' },
  'users.confirmDisable': {
    zh: '确定停用用户“{name}”吗？停用后该用户将无法登录。',
    en: 'Disable “{name}”? They will no longer be able to sign in.',
  },
  'users.confirmEnable': { zh: '确定启用用户“{name}”吗？', en: 'Enable “{name}”?' },
  'users.confirmUnlock': {
    zh: '确定解除用户“{name}”的登录锁定吗？',
    en: 'Lift the sign-in lock of “{name}”?',
  },
  'users.disabled': { zh: '已停用用户', en: 'User disabled' },
  'users.enabled': { zh: '已启用用户', en: 'User enabled' },
  'users.unlocked': { zh: '已解锁用户', en: 'User unlocked' },
  'users.passwordReset': { zh: '密码已重置', en: 'Password reset' },
  'users.created': { zh: '用户已创建', en: 'User created' },
  'users.resetPasswordTitle': { zh: '重置“{name}”的密码', en: 'Reset the password of “{name}”' },
  'users.passwordHint': {
    zh: '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少三类。',
    en: 'At least 10 characters of three kinds (upper, lower, digit, symbol).',
  },
  'users.filterRole': { zh: '按角色筛选', en: 'Filter by role' },
  'users.filterStatus': { zh: '按状态筛选', en: 'Filter by status' },
  'users.filterOrg': { zh: '按单位筛选', en: 'Filter by org unit' },
  'users.required': { zh: '请填写{field}', en: '{field} is required' },
  'users.selectRequired': { zh: '请选择{field}', en: 'Choose {field}' },

  // Audit
  'audit.title': { zh: '审计日志', en: 'Audit log' },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.entityType': { zh: '对象类型', en: 'Entity type' },
  'audit.entityId': { zh: '对象编号', en: 'Entity ID' },
  'audit.ip': { zh: 'IP 地址', en: 'IP' },
  'audit.requestId': { zh: '请求编号', en: 'Request ID' },
  'audit.hash': { zh: '哈希', en: 'Hash' },
  'audit.dateRange': { zh: '时间范围', en: 'Date range' },
  'audit.startDate': { zh: '开始日期', en: 'Start date' },
  'audit.endDate': { zh: '结束日期', en: 'End date' },
  'audit.verify': { zh: '校验审计链', en: 'Verify audit chain' },
  'audit.verifyOk': {
    zh: '审计链完整：已校验 {checked} 条记录，未发现篡改。',
    en: 'The audit chain is intact: {checked} records checked.',
  },
  'audit.verifyBroken': {
    zh: '审计链校验失败：第 {id} 号记录起链条断裂（已校验 {checked} 条）。',
    en: 'The audit chain is broken from record #{id} ({checked} records checked).',
  },
  'audit.verifyReason': { zh: '原因：{reason}', en: 'Reason: {reason}' },
  'audit.field': { zh: '字段', en: 'Field' },
  'audit.before': { zh: '修改前', en: 'Before' },
  'audit.after': { zh: '修改后', en: 'After' },
  'audit.noChanges': { zh: '无变更内容', en: 'No recorded changes' },
  'audit.system': { zh: '系统', en: 'System' },

  // Account
  'account.title': { zh: '我的账号', en: 'My account' },
  'account.profile': { zh: '基本信息', en: 'Profile' },
  'account.password': { zh: '修改密码', en: 'Change password' },
  'account.totp': { zh: '双因素认证', en: 'Two-factor authentication' },
  'account.sessions': { zh: '我的会话', en: 'My sessions' },
  'account.currentPassword': { zh: '当前密码', en: 'Current password' },
  'account.newPassword': { zh: '新密码', en: 'New password' },
  'account.confirmPassword': { zh: '确认新密码', en: 'Confirm new password' },
  'account.passwordsDiffer': { zh: '两次输入的新密码不一致', en: 'The two new passwords differ' },
  'account.passwordChanged': { zh: '密码已修改', en: 'Password changed' },
  'account.submitPassword': { zh: '修改密码', en: 'Change password' },
  'account.totpEnabled': { zh: '已启用双因素认证', en: 'Two-factor authentication is on' },
  'account.totpDisabledState': { zh: '未启用双因素认证', en: 'Two-factor authentication is off' },
  'account.totpIntro': {
    zh: '启用后，登录时除密码外还需输入身份验证器应用（如微信小程序、Google Authenticator、Microsoft Authenticator）生成的6位动态验证码。',
    en: 'When on, signing in also needs the 6-digit code from an authenticator app.',
  },
  'account.totpStart': { zh: '开始绑定', en: 'Start enrolment' },
  'account.totpScan': {
    zh: '第一步：用身份验证器应用扫描二维码，或手动输入密钥。',
    en: 'Step 1: scan the QR code with your authenticator app, or type the secret.',
  },
  'account.totpSecret': { zh: '密钥', en: 'Secret' },
  'account.totpEnterCode': {
    zh: '第二步：输入应用显示的6位动态验证码。',
    en: 'Step 2: enter the 6-digit code the app shows.',
  },
  'account.totpCode': { zh: '动态验证码', en: 'One-time code' },
  'account.totpEnable': { zh: '启用双因素认证', en: 'Turn on' },
  'account.totpEnabledOk': { zh: '双因素认证已启用', en: 'Two-factor authentication is on' },
  'account.totpDisable': { zh: '停用双因素认证', en: 'Turn off' },
  'account.totpDisabledOk': { zh: '双因素认证已停用', en: 'Two-factor authentication is off' },
  'account.totpDisableHint': {
    zh: '停用需要验证当前密码。',
    en: 'Turning it off needs your current password.',
  },
  'account.sessionCreated': { zh: '登录时间', en: 'Signed in' },
  'account.sessionLastSeen': { zh: '最近活动', en: 'Last active' },
  'account.sessionIp': { zh: 'IP 地址', en: 'IP' },
  'account.sessionAgent': { zh: '浏览器', en: 'Browser' },
  'account.sessionCurrent': { zh: '当前会话', en: 'This session' },
  'account.revoke': { zh: '注销', en: 'Revoke' },
  'account.confirmRevoke': {
    zh: '确定注销该会话吗？该设备将需要重新登录。',
    en: 'Revoke this session? That device will have to sign in again.',
  },
  'account.revoked': { zh: '会话已注销', en: 'Session revoked' },
  'account.username': { zh: '用户名', en: 'Username' },
  'account.displayName': { zh: '姓名', en: 'Name' },
  'account.role': { zh: '角色', en: 'Role' },
  'account.orgUnit': { zh: '所属单位', en: 'Org unit' },
  'account.sectors': { zh: '负责行业领域', en: 'Sectors' },
  'account.enterprise': { zh: '所属企业', en: 'Enterprise' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof messages;
