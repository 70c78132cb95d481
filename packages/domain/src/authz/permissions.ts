/**
 * Every permission a route may require. A route declares exactly one of these, or `public`
 * (no sign-in), or `authenticated` (any signed-in user, for their own account).
 */
export const Permission = {
  /** Read the org tree. */
  OrgRead: 'org.read',
  /** Create and rename org units. */
  OrgManage: 'org.manage',
  /** List and read user accounts in one's subtree. */
  UserRead: 'user.read',
  /** Create, edit, disable users and reset their passwords. */
  UserManage: 'user.manage',
  /** Read the audit log and verify its chain. */
  AuditRead: 'audit.read',
  /** Read enterprises (own enterprise for enterprise roles). */
  EnterpriseRead: 'enterprise.read',
  /** Create enterprises and edit their registry data (sector, status, licences…). */
  EnterpriseManage: 'enterprise.manage',
  /** Edit an enterprise's people, safety staffing and major hazard sources. */
  EnterprisePeopleEdit: 'enterprise.people.edit',
  /** See full phone and ID numbers (each view audited). */
  EnterprisePersonalData: 'enterprise.personal_data',
  /** Import enterprises from a spreadsheet. */
  EnterpriseImport: 'enterprise.import',
  /** Create the accounts of an enterprise's leader and safety managers. */
  EnterpriseAccounts: 'enterprise.accounts',
  /** Read criteria catalogs (published versions; staff also drafts) and an enterprise's checklist. */
  CatalogRead: 'catalog.read',
  /** Draft, edit, import, export and publish catalog versions (office: its sectors' catalogs). */
  CatalogManage: 'catalog.manage',
  /** Read campaigns and the current phase. */
  CampaignRead: 'campaign.read',
  /** Create and edit campaigns. */
  CampaignManage: 'campaign.manage',
  /** Read notices (enterprise users: those addressed to them, which records the read receipt). */
  NoticeRead: 'notice.read',
  /** Publish notices, see per-enterprise receipts and remind the unread. */
  NoticeManage: 'notice.manage',
  /** Read accident-lesson alerts (enterprise users: those addressed to them). */
  AlertRead: 'alert.read',
  /** Publish accident-lesson alerts and track responses. */
  AlertManage: 'alert.manage',
  /** Answer an accident-lesson alert for one's own enterprise. */
  AlertRespond: 'alert.respond',
  /** Read the hazard ledger (own enterprise, or territory and sectors). */
  HazardRead: 'hazard.read',
  /** Record hazards, edit them while registered, save plans and upload files. */
  HazardCreate: 'hazard.create',
  /** Take workflow actions on hazards (the domain rules decide which). */
  HazardAct: 'hazard.act',
  /** Read an enterprise's self-inspections, duty records and five-duty scorecard (own enterprise, or territory and sectors). */
  DutyRead: 'duty.read',
  /** Record one's own enterprise's self-inspections and duty records (permits, contracts, drills…). */
  DutyRecord: 'duty.record',
  /** Sign as the enterprise's main leader (self-inspection submission, leader inspections). */
  DutySign: 'duty.sign',
  /** Declare key periods (关键时间节点) when enterprise leaders must be on duty. */
  KeyPeriodManage: 'key_period.manage',
  /** Read enforcement: plans (never unannounced ones for enterprise users), records, orders, cases. */
  EnforcementRead: 'enforcement.read',
  /** Make inspection plans and run the 双随机 draw. */
  EnforcementPlan: 'enforcement.plan',
  /** Fill in and sign inspection records, issue orders, re-inspect, impose on-site measures. */
  EnforcementInspect: 'enforcement.inspect',
  /** Open and decide penalty cases; record measures (通报, 约谈, 停产整顿, 移送…). */
  EnforcementPenalty: 'enforcement.penalty',
  /** Acknowledge receipt of an inspection record or order for one's own enterprise. */
  EnforcementAcknowledge: 'enforcement.acknowledge',
  /** Read tips (举报) of one's territory, never the reporter's identity. */
  TipRead: 'tip.read',
  /** Triage tips, enter tips from other channels, reply to reporters, link results. */
  TipManage: 'tip.manage',
  /** See a reporter's identity (each view audited): the roles that handle rewards. */
  TipIdentity: 'tip.identity',
  /** Propose, approve and record the payment of rewards (举报奖励). */
  RewardManage: 'reward.manage',
  /** Keep the registry of safety informants (安全生产信息员). */
  InformantManage: 'informant.manage',
  /** Report as a safety informant and follow one's own reports. */
  TipReport: 'tip.report',
  /** Read dispatch reports: drafts of one's own district (and sectors), submitted ones of the territory. */
  ReportRead: 'report.read',
  /** Confirm the enforcement figures of a report (the enforcement brigade). */
  ReportConfirm: 'report.confirm',
  /** Review, submit and correct a report of one's sectors (the sector's office). */
  ReportSubmit: 'report.submit',
  /** Replace the layouts of the dispatch tables (to match a template from the city). */
  ReportLayout: 'report.layout',
  /** Prepare public exposures and typical enforcement cases (公开曝光), redact, unpublish. */
  DisclosureManage: 'disclosure.manage',
  /** Approve an exposure prepared by someone else before it is published. */
  DisclosureApprove: 'disclosure.approve',
  /** Read enforcement staff records, qualifications and training records. */
  StaffRead: 'staff.read',
  /** Keep enforcement staff records (certificates, education, experience). */
  StaffManage: 'staff.manage',
  /** Hold training sessions (staff training; special-operation training for enterprises). */
  TrainingManage: 'training.manage',
  /** Enrol one's own enterprise's staff in announced special-operation training. */
  TrainingEnroll: 'training.enroll',
  /** Read accidents and their responsibility trace-back (倒查). */
  AccidentRead: 'accident.read',
  /** Record accidents at enterprises. */
  AccidentManage: 'accident.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];
export const PERMISSIONS = Object.values(Permission) as readonly Permission[];

/** Route access markers that are not permissions. */
export const RouteAccess = {
  Public: 'public',
  Authenticated: 'authenticated',
} as const;
export type RouteAccess = (typeof RouteAccess)[keyof typeof RouteAccess];

/** What a route declares: a permission or one of the access markers. */
export type RouteGuard = Permission | RouteAccess;
