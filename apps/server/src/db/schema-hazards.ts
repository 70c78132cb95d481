import type { Generated, Selectable } from 'kysely';

// Table types of the hazard ledger (issue 5); merged into Database in schema.ts.

export interface HazardTable {
  id: Generated<number>;
  number: string;
  district_id: number;
  enterprise_id: number;
  sector: string;
  catalog_id: string | null;
  catalog_version: number | null;
  catalog_item_code: string | null;
  no_catalog_reason: string | null;
  level: string;
  title: string;
  description: string;
  place: string | null;
  cause_analysis: string | null;
  category: string | null;
  origin: string;
  found_at: string;
  found_by: string;
  treatment: string;
  status: string;
  plan_responsible: string | null;
  plan_measures: string | null;
  /** Rectification funds in integer fen (分). */
  plan_funds_fen: number | null;
  plan_funds_source: string | null;
  deadline: string | null;
  plan_emergency: string | null;
  plan_approved_at: string | null;
  reported_to_bureau_at: string | null;
  fix_description: string | null;
  fixed_by_user_id: number | null;
  fixed_at: string | null;
  leader_accepted_at: string | null;
  verified_at: string | null;
  verified_by_user_id: number | null;
  supervision_level: string | null;
  supervised_at: string | null;
  extension_deadline: string | null;
  extension_reason: string | null;
  created_by_user_id: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface HazardEventTable {
  id: Generated<number>;
  hazard_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  at: string;
  reason: string | null;
  /** JSON details of the action (payload, changed fields, file ids). */
  details: string | null;
  idempotency_key: string | null;
}

export interface HazardNumberTable {
  district_id: number;
  year: number;
  last_number: number;
}

export interface HazardFileTable {
  id: Generated<number>;
  hazard_id: number;
  /** before | after | document */
  kind: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by_user_id: number;
  uploaded_at: string;
  voided_at: string | null;
}

/**
 * Hazards per (district, sector, status, level), kept by triggers on hazards (migration
 * 2026-11-30T0900): the ledger's and dashboard's counts without grouping every hazard. A group
 * may hold 0 after its last hazard moved on.
 */
export interface HazardCountTable {
  district_id: number;
  sector: string;
  status: string;
  level: string;
  origin: string;
  total: number;
}

export type HazardRow = Selectable<HazardTable>;
export type HazardEventRow = Selectable<HazardEventTable>;
export type HazardFileRow = Selectable<HazardFileTable>;

export interface HazardTables {
  hazards: HazardTable;
  hazard_events: HazardEventTable;
  hazard_numbers: HazardNumberTable;
  hazard_files: HazardFileTable;
  hazard_counts: HazardCountTable;
}
