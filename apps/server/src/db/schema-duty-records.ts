import type { Generated, Selectable } from 'kysely';

// Table types of duties 2, 4 and 5 (issue 6): responsibility, outsourcing, drills; merged into
// Database in schema.ts. Every record table shares the columns of DutyRecordColumns.

/** Columns every record table of this part has. */
export interface DutyRecordColumns {
  id: Generated<number>;
  enterprise_id: number;
  created_by_user_id: number | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface DutyPositionTable extends DutyRecordColumns {
  name: string;
  /** DutyPositionCategory */
  category: string;
  duties: string;
}

export interface DutyDeputyListTable extends DutyRecordColumns {
  name: string;
  title: string | null;
  area: string;
  duties: string | null;
}

export interface DutyWorkListTable extends DutyRecordColumns {
  year: number;
  campaign_id: number | null;
  title: string;
  content: string | null;
}

export interface DutyExpertTable extends DutyRecordColumns {
  name: string;
  specialty: string;
  organisation: string | null;
  phone: string | null;
  engaged_from: string;
  engaged_to: string | null;
  scope: string | null;
}

export interface OutsourcingContractTable extends DutyRecordColumns {
  /** OutsourcingKind */
  kind: string;
  counterparty: string;
  /** project | premises */
  scope_kind: string;
  scope: string;
  start_date: string | null;
  end_date: string | null;
  qualification_name: string | null;
  qualification_number: string | null;
  qualification_expiry: string | null;
  agreement_signed_on: string | null;
  /** 0/1 */
  duties_defined: number;
  duties_text: string | null;
  ended_on: string | null;
  end_reason: string | null;
}

export interface OutsourcingCheckTable extends DutyRecordColumns {
  contract_id: number;
  check_date: string;
  checked_by: string;
  findings: string;
  rectification: string | null;
}

export interface OutsourcingReviewTable extends DutyRecordColumns {
  check_date: string;
  scope: string;
  /** JSON array of contract ids. */
  contract_ids: string;
  findings: string;
  actions: string | null;
}

export interface EmergencyDrillTable extends DutyRecordColumns {
  scenario: string;
  drill_type: string | null;
  drill_date: string;
  participants: number;
  equipment_used: string | null;
  equipment_added: string | null;
  evaluation: string | null;
  improvements: string | null;
}

export interface DutyFileTable {
  id: Generated<number>;
  enterprise_id: number;
  /** DutyFileOwner */
  owner: string;
  owner_id: number | null;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by_user_id: number | null;
  uploaded_by_name: string | null;
  uploaded_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export type DutyPositionRow = Selectable<DutyPositionTable>;
export type DutyDeputyListRow = Selectable<DutyDeputyListTable>;
export type DutyWorkListRow = Selectable<DutyWorkListTable>;
export type DutyExpertRow = Selectable<DutyExpertTable>;
export type OutsourcingContractRow = Selectable<OutsourcingContractTable>;
export type OutsourcingCheckRow = Selectable<OutsourcingCheckTable>;
export type OutsourcingReviewRow = Selectable<OutsourcingReviewTable>;
export type EmergencyDrillRow = Selectable<EmergencyDrillTable>;
export type DutyFileRow = Selectable<DutyFileTable>;

export interface DutyRecordTables {
  duty_positions: DutyPositionTable;
  duty_deputy_lists: DutyDeputyListTable;
  duty_work_lists: DutyWorkListTable;
  duty_experts: DutyExpertTable;
  outsourcing_contracts: OutsourcingContractTable;
  outsourcing_checks: OutsourcingCheckTable;
  outsourcing_reviews: OutsourcingReviewTable;
  emergency_drills: EmergencyDrillTable;
  duty_files: DutyFileTable;
}
