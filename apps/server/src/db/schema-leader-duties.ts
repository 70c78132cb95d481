import type { Generated, Selectable } from 'kysely';

// Table types of the leader's inspections, key periods and the safety fund (issue 6); merged
// into Database in schema.ts.

export interface LeaderInspectionTable {
  id: Generated<number>;
  enterprise_id: number;
  /** The day of the inspection (YYYY-MM-DD). */
  inspected_on: string;
  participants: string;
  places: string;
  content: string;
  /** JSON: the checklist items checked ({ catalogId, catalogVersion, code, title }[]). */
  items: string;
  /** draft | signed */
  status: string;
  recorded_by: number;
  recorded_by_name: string;
  recorded_at: string;
  signed_at: string | null;
  signed_by: number | null;
  signed_by_name: string | null;
  voided_at: string | null;
  void_reason: string | null;
  updated_at: string;
  version: number;
}

export interface LeaderInspectionFindingTable {
  id: Generated<number>;
  inspection_id: number;
  ordinal: number;
  title: string;
  description: string;
  place: string | null;
  /** general | major, or null when the finding is not entered in the ledger. */
  hazard_level: string | null;
  catalog_item_code: string | null;
  no_catalog_reason: string | null;
  treatment: string;
  /** The ledger hazard created when the record was signed. */
  hazard_id: number | null;
}

export interface KeyPeriodTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  start_date: string;
  end_date: string;
  /** JSON array of sectors. */
  sectors: string;
  note: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}

export interface KeyPeriodRosterTable {
  id: Generated<number>;
  enterprise_id: number;
  duty_date: string;
  leader_name: string;
  leader_phone: string | null;
  updated_by: number;
  updated_at: string;
}

export interface KeyPeriodCheckInTable {
  id: Generated<number>;
  enterprise_id: number;
  duty_date: string;
  /** The period the check-in was made under (a day of overlapping periods is checked in once). */
  key_period_id: number;
  person_name: string;
  note: string | null;
  checked_in_at: string;
  checked_in_by: number;
  checked_in_by_name: string;
}

export interface SafetyFundTable {
  id: Generated<number>;
  enterprise_id: number;
  year: number;
  /** Amounts in integer fen (分). */
  extracted_fen: number;
  spent_fen: number;
  note: string | null;
  updated_by: number;
  updated_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export type LeaderInspectionRow = Selectable<LeaderInspectionTable>;
export type LeaderInspectionFindingRow = Selectable<LeaderInspectionFindingTable>;
export type KeyPeriodRow = Selectable<KeyPeriodTable>;
export type SafetyFundRow = Selectable<SafetyFundTable>;

export interface LeaderDutyTables {
  leader_inspections: LeaderInspectionTable;
  leader_inspection_findings: LeaderInspectionFindingTable;
  key_periods: KeyPeriodTable;
  key_period_roster: KeyPeriodRosterTable;
  key_period_check_ins: KeyPeriodCheckInTable;
  safety_funds: SafetyFundTable;
}
