import type { Generated, Selectable } from 'kysely';

// Table types of self-inspections (对标自查自改, issue 6); merged into Database in schema.ts.

export interface SelfInspectionTable {
  id: Generated<number>;
  enterprise_id: number;
  district_id: number;
  sector: string;
  campaign_id: number | null;
  campaign_name: string | null;
  status: string;
  inspection_date: string;
  inspectors: string | null;
  /** 0/1: whether a 存在问题 answer needs a photo (the setting when the run started). */
  photo_required: number;
  /** JSON array of { catalogId, version, name, documentNumber }. */
  catalogs: string;
  item_count: number;
  /** 存在问题 answers, set on submission. */
  problem_count: Generated<number>;
  started_by_user_id: number;
  started_by_name: string;
  started_at: string;
  submitted_by_user_id: number | null;
  signer_name: string | null;
  submitted_at: string | null;
  /** China calendar day of submission (YYYY-MM-DD). */
  submitted_on: string | null;
  /** Idempotency key of the submit request. */
  submit_key: string | null;
  discarded_at: string | null;
  discard_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface SelfInspectionItemTable {
  id: Generated<number>;
  run_id: number;
  ordinal: number;
  catalog_id: string;
  catalog_version: number;
  item_code: string;
  section: string;
  clause: string;
  parent_code: string | null;
  title: string;
  requirement: string | null;
  answer: string | null;
  note: string | null;
  description: string | null;
  na_reason: string | null;
  answered_by_user_id: number | null;
  answered_by_name: string | null;
  answered_at: string | null;
  hazard_id: number | null;
}

export interface SelfInspectionPhotoTable {
  id: Generated<number>;
  run_id: number;
  item_code: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by_user_id: number;
  uploaded_at: string;
  voided_at: string | null;
}

export interface SelfInspectionEventTable {
  id: Generated<number>;
  run_id: number;
  action: string;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  at: string;
  details: string | null;
}

export interface SelfInspectionTables {
  self_inspections: SelfInspectionTable;
  self_inspection_items: SelfInspectionItemTable;
  self_inspection_photos: SelfInspectionPhotoTable;
  self_inspection_events: SelfInspectionEventTable;
}

export type SelfInspectionRow = Selectable<SelfInspectionTable>;
export type SelfInspectionItemRow = Selectable<SelfInspectionItemTable>;
export type SelfInspectionPhotoRow = Selectable<SelfInspectionPhotoTable>;
