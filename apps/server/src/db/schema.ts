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

export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  org_units: OrgUnitTable;
  enterprises: EnterpriseTable;
  enterprise_people: EnterprisePersonTable;
  hazard_sources: HazardSourceTable;
  enterprise_imports: EnterpriseImportTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  job_leases: JobLeaseTable;
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
