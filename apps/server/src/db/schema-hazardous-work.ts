import type { Generated, Selectable } from 'kysely';

// Table types of hot work and special operations (issue 6, seed §二(一)3); merged into Database
// in schema.ts.

export interface HotWorkPermitTable {
  id: Generated<number>;
  enterprise_id: number;
  work_description: string;
  place: string;
  /** special | level1 | level2 */
  level: string;
  /** UTC ISO instants of the permitted window. */
  start_at: string;
  end_at: string;
  operators: string | null;
  guardian: string;
  /** JSON array of { text, checked }. */
  measures: string;
  gas_test_result: string | null;
  status: string;
  requested_by_user_id: number;
  requested_by_name: string;
  requested_at: string;
  approved_by_user_id: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  started_at: string | null;
  closed_at: string | null;
  updated_at: string;
  version: number;
}

export interface HotWorkPermitEventTable {
  id: Generated<number>;
  permit_id: number;
  /** 'requested' or a HotWorkAction. */
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  at: string;
  /** The comment or reason given with the action. */
  note: string | null;
  /** JSON payload of the action. */
  details: string | null;
  idempotency_key: string | null;
}

export interface WeldingEquipmentCheckTable {
  id: Generated<number>;
  enterprise_id: number;
  checked_on: string;
  equipment_count: number;
  equipment_list: string | null;
  problems: string | null;
  actions_taken: string | null;
  retired_count: number;
  checked_by: string;
  created_by_user_id: number;
  created_by_name: string;
  created_at: string;
  voided_at: string | null;
  voided_by_user_id: number | null;
  void_reason: string | null;
}

export interface OperationCertificateTable {
  id: Generated<number>;
  enterprise_id: number;
  holder_name: string;
  category: string;
  operation_item: string | null;
  certificate_no: string;
  issued_on: string | null;
  valid_until: string;
  /** employee | contractor */
  holder_type: string;
  employer: string | null;
  engaged_by: string;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by_user_id: number | null;
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface WarningEducationTable {
  id: Generated<number>;
  enterprise_id: number;
  held_on: string;
  participants: number;
  content: string;
  organizer: string | null;
  created_by_user_id: number;
  created_by_name: string;
  created_at: string;
  voided_at: string | null;
  voided_by_user_id: number | null;
  void_reason: string | null;
}

export interface WarningEducationPhotoTable {
  id: Generated<number>;
  education_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by_user_id: number;
  uploaded_at: string;
}

export interface HazardousStaffCheckTable {
  id: Generated<number>;
  enterprise_id: number;
  checked_on: string;
  scope: string;
  people_checked: number;
  unlicensed_found: number;
  problems: string | null;
  actions_taken: string | null;
  created_by_user_id: number;
  created_by_name: string;
  created_at: string;
  voided_at: string | null;
  voided_by_user_id: number | null;
  void_reason: string | null;
}

export type HotWorkPermitRow = Selectable<HotWorkPermitTable>;
export type HotWorkPermitEventRow = Selectable<HotWorkPermitEventTable>;
export type WeldingEquipmentCheckRow = Selectable<WeldingEquipmentCheckTable>;
export type OperationCertificateRow = Selectable<OperationCertificateTable>;
export type WarningEducationRow = Selectable<WarningEducationTable>;
export type WarningEducationPhotoRow = Selectable<WarningEducationPhotoTable>;
export type HazardousStaffCheckRow = Selectable<HazardousStaffCheckTable>;

export interface HazardousWorkTables {
  hot_work_permits: HotWorkPermitTable;
  hot_work_permit_events: HotWorkPermitEventTable;
  welding_equipment_checks: WeldingEquipmentCheckTable;
  operation_certificates: OperationCertificateTable;
  warning_educations: WarningEducationTable;
  warning_education_photos: WarningEducationPhotoTable;
  hazardous_staff_checks: HazardousStaffCheckTable;
}
