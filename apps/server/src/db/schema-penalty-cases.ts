import type { Generated, Selectable } from 'kysely';

// Table types of penalty cases and enforcement measures (issue 7); merged into Database.

export interface PenaltyCaseNumberTable {
  district_id: number;
  year: number;
  last_number: number;
}

export interface PenaltyCaseTable {
  id: Generated<number>;
  case_no: string;
  district_id: number;
  enterprise_id: number;
  sector: string;
  matter: string;
  facts: string | null;
  filed_on: string;
  inspection_record_id: number | null;
  status: string;
  leader_waiver_reason: string | null;
  no_penalty_override_reason: string | null;
  notified_on: string | null;
  notice_document_no: string | null;
  decision_date: string | null;
  decision_major_hazard: number | null;
  decision_hazard_persisted: number | null;
  no_penalty_decided_on: string | null;
  no_penalty_reason: string | null;
  no_penalty_decision_no: string | null;
  published_on: string | null;
  publication_note: string | null;
  daily_ordered_on: string | null;
  daily_corrected_on: string | null;
  executed_on: string | null;
  closed_on: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export type PenaltyCaseRow = Selectable<PenaltyCaseTable>;

export interface PenaltyCaseHazardTable {
  case_id: number;
  hazard_id: number;
}

export interface PenaltyCasePartyTable {
  id: Generated<number>;
  case_id: number;
  seq: number;
  kind: string;
  name: string;
  position: string | null;
  basis: string;
  circumstance: string;
  /** Fine in integer fen (分). */
  amount_fen: number;
  decision_no: string | null;
  decision_text: string | null;
  decision_hash: string | null;
}
export type PenaltyCasePartyRow = Selectable<PenaltyCasePartyTable>;

export interface PenaltyCaseEventTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  at: string;
  note: string | null;
  /** JSON details of the action (payload, changed fields). */
  details: string | null;
  idempotency_key: string | null;
}
export type PenaltyCaseEventRow = Selectable<PenaltyCaseEventTable>;

export interface EnforcementMeasureTable {
  id: Generated<number>;
  district_id: number;
  enterprise_id: number;
  sector: string;
  kind: string;
  date: string;
  /** JSON: the measure as recorded (enforcementMeasureSchema output). */
  data: string;
  penalty_case_id: number | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  voided_by: number | null;
  version: number;
}
export type EnforcementMeasureRow = Selectable<EnforcementMeasureTable>;

// Table types of this part of issue 7; merged into Database in schema.ts.
export interface PenaltyCaseTables {
  penalty_case_numbers: PenaltyCaseNumberTable;
  penalty_cases: PenaltyCaseTable;
  penalty_case_hazards: PenaltyCaseHazardTable;
  penalty_case_parties: PenaltyCasePartyTable;
  penalty_case_events: PenaltyCaseEventTable;
  enforcement_measures: EnforcementMeasureTable;
}
