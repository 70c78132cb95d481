import type { HazardTables } from './schema-hazards.js';
import type { SelfInspectionTables } from './schema-self-inspections.js';
import type { LeaderDutyTables } from './schema-leader-duties.js';
import type { HazardousWorkTables } from './schema-hazardous-work.js';
import type { DutyRecordTables } from './schema-duty-records.js';
import type { InspectionPlanTables } from './schema-inspection-plans.js';
import type { InspectionRecordTables } from './schema-inspection-records.js';
import type { EnforcementOrderTables } from './schema-enforcement-orders.js';
import type { PenaltyCaseTables } from './schema-penalty-cases.js';
import type { TipTables } from './schema-tips.js';
import type { DispatchReportTables } from './schema-dispatch-reports.js';
import type { DisclosureTables } from './schema-disclosures.js';
import type { StaffTrainingTables } from './schema-staff-training.js';
import type { NotificationTables } from './schema-notifications.js';
import type { AccidentTables } from './schema-accidents.js';
import type { InformantRewardTables } from './schema-informants-rewards.js';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Kysely table types. Timestamps are UTC ISO-8601 strings; booleans are 0/1 integers on both
// databases so one set of queries serves SQLite and PostgreSQL.

export interface OrgUnitTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: string;
  name: string;
  code: string;
  path: string;
  created_at: string;
}

export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  credit_code: string;
  sector: string;
  sub_type: string;
  /** JSON array of EnterpriseTag. */
  tags: string;
  org_unit_id: number;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  status: string;
  status_date: string | null;
  status_reason: string | null;
  employees: number | null;
  safety_agency: string | null;
  safety_staff_count: number | null;
  /** JSON array of licences ({ type, number, expiry, issuer }). */
  licences: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface EnterprisePersonTable {
  id: Generated<number>;
  enterprise_id: number;
  kind: string;
  name: string;
  position: string | null;
  phone: string | null;
  id_number: string | null;
  assessed: number | null;
  specialty: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface HazardSourceTable {
  id: Generated<number>;
  enterprise_id: number;
  name: string;
  level: number;
  substances: string | null;
  leader_name: string;
  leader_phone: string | null;
  technical_name: string;
  technical_phone: string | null;
  operations_name: string;
  operations_phone: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface EnterpriseImportTable {
  id: Generated<number>;
  user_id: number;
  org_unit_id: number;
  file_name: string;
  file_sha256: string;
  status: string;
  total_rows: number;
  error_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  skipped_count: number;
  /** JSON: the validated rows waiting to be committed, and the row errors shown in the preview. */
  payload: string;
  created_at: string;
  committed_at: string | null;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_unit_id: number;
  /** JSON array of sectors, or null for all. */
  sectors: string | null;
  enterprise_id: number | null;
  phone: string | null;
  certificate_no: string | null;
  status: string;
  totp_secret: string | null;
  totp_enabled: number;
  /** The last TOTP time step accepted (a code of this step or earlier is refused as a replay). */
  totp_last_step: Generated<number | null>;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  org_unit_id: number | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON: { field: [before, after] } or other details. */
  changes: string | null;
  prev_hash: string;
  hash: string;
}

/** A spent proof-of-work challenge of the public tip page, kept until it expires. */
export interface PowSpentTable {
  challenge_id: string;
  expires_at: string;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database
  extends
    CatalogCampaignTables,
    HazardTables,
    SelfInspectionTables,
    LeaderDutyTables,
    HazardousWorkTables,
    DutyRecordTables,
    InspectionPlanTables,
    InspectionRecordTables,
    EnforcementOrderTables,
    PenaltyCaseTables,
    TipTables,
    InformantRewardTables,
    DispatchReportTables,
    DisclosureTables,
    StaffTrainingTables,
    NotificationTables,
    AccidentTables {
  org_units: OrgUnitTable;
  enterprises: EnterpriseTable;
  enterprise_people: EnterprisePersonTable;
  hazard_sources: HazardSourceTable;
  enterprise_imports: EnterpriseImportTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  job_leases: JobLeaseTable;
  pow_spent: PowSpentTable;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
export type NewEnterprise = Insertable<EnterpriseTable>;
export type EnterprisePersonRow = Selectable<EnterprisePersonTable>;
export type HazardSourceRow = Selectable<HazardSourceTable>;

// --- Issue 4: criteria catalogs, campaigns, notices, accident-lesson alerts ---------------------

export interface CatalogVersionTable {
  id: Generated<number>;
  catalog_id: string;
  version: number;
  /** draft | published | discarded; a published row and its items are immutable (trigger). */
  status: string;
  /** JSON: the CatalogDescriptor of the standard this version reproduces. */
  descriptor: string;
  based_on_version: number | null;
  /** seed | draft | import */
  source: string;
  source_file_name: string | null;
  note: string | null;
  diff_summary: string | null;
  /** JSON: CatalogDiff against `based_on_version`. */
  diff: string | null;
  revision: number;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  updated_at: string;
  published_at: string | null;
  published_by: number | null;
  published_by_name: string | null;
  discarded_at: string | null;
  discard_reason: string | null;
}

export interface CatalogItemTable {
  id: Generated<number>;
  catalog_version_id: number;
  code: string;
  ordinal: number;
  section: string;
  clause: string;
  parent_code: string | null;
  title: string;
  requirement: string | null;
  completeness: string;
  gap_note: string | null;
  source_status: string | null;
  /** JSON: ItemApplicability ({ sectors, subTypes, tags }). */
  applies_to: string;
  local: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface CampaignTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  year: number;
  /** JSON array of sectors. */
  sectors: string;
  /** JSON array of CampaignPhase. */
  phases: string;
  weekly_weekday: number;
  weekly_hour: number;
  /** JSON array of CampaignMilestone. */
  milestones: string;
  /** First phase's start and last phase's end, for finding the active campaign. */
  start_date: string;
  end_date: string;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface AttachmentTable {
  id: Generated<number>;
  owner_type: string | null;
  owner_id: number | null;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number;
  org_unit_id: number;
  created_at: string;
}

export interface NoticeTable {
  id: Generated<number>;
  org_unit_id: number;
  campaign_id: number | null;
  title: string;
  body: string;
  /** JSON array of sectors. */
  sectors: string;
  target_count: number;
  published_at: string;
  published_by: number;
  publisher_name: string;
  created_at: string;
}

export interface NoticeReceiptTable {
  id: Generated<number>;
  notice_id: number;
  enterprise_id: number;
  created_at: string;
  read_at: string | null;
  read_by: number | null;
  read_by_name: string | null;
  remind_count: number;
  last_reminded_at: string | null;
}

export interface NoticeReminderTable {
  id: Generated<number>;
  notice_id: number;
  enterprise_id: number;
  reminded_at: string;
  reminded_by: number;
  reminded_by_name: string;
}

export interface AccidentAlertTable {
  id: Generated<number>;
  org_unit_id: number;
  title: string;
  accident_date: string;
  place: string;
  summary: string;
  lesson: string;
  /** JSON array of the cited items: { catalogId, catalogVersion, code, title, clause }. */
  items: string;
  /** JSON array of sectors. */
  sectors: string;
  due_date: string;
  target_count: number;
  published_at: string;
  published_by: number;
  publisher_name: string;
  created_at: string;
}

export interface AlertResponseTable {
  id: Generated<number>;
  alert_id: number;
  enterprise_id: number;
  created_at: string;
  answer: string | null;
  note: string | null;
  answered_at: string | null;
  answered_by: number | null;
  answered_by_name: string | null;
  hazard_id: number | null;
  version: number;
}

/** The issue-4 tables, merged into `Database`. */
export interface CatalogCampaignTables {
  catalog_versions: CatalogVersionTable;
  catalog_items: CatalogItemTable;
  campaigns: CampaignTable;
  attachments: AttachmentTable;
  notices: NoticeTable;
  notice_receipts: NoticeReceiptTable;
  notice_reminders: NoticeReminderTable;
  accident_alerts: AccidentAlertTable;
  alert_responses: AlertResponseTable;
}

export type CatalogVersionRow = Selectable<CatalogVersionTable>;
export type CatalogItemRow = Selectable<CatalogItemTable>;
export type NewCatalogItem = Insertable<CatalogItemTable>;
export type CampaignRow = Selectable<CampaignTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type NoticeRow = Selectable<NoticeTable>;
export type AccidentAlertRow = Selectable<AccidentAlertTable>;
