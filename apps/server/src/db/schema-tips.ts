import type { Generated, Selectable } from 'kysely';

// Table types of tips (issue 8); merged into Database in schema.ts.

export interface TipTable {
  id: Generated<number>;
  number: string;
  receipt_hash: string | null;
  channel: string;
  district_id: number;
  enterprise_id: number | null;
  enterprise_text: string | null;
  sector: string | null;
  place: string | null;
  subject: string;
  description: string;
  catalog_item_code: string | null;
  anonymous: number;
  insider: Generated<number>;
  identity_sealed: string | null;
  informant_id: number | null;
  status: string;
  reject_reason: string | null;
  duplicate_of_tip_id: number | null;
  assigned_unit_id: number | null;
  assigned_user_id: number | null;
  due_date: string | null;
  verification_result: string | null;
  verification_summary: string | null;
  hazard_id: number | null;
  inspection_record_id: number | null;
  penalty_case_id: number | null;
  received_at: string;
  created_by: number | null;
  updated_at: string;
  version: Generated<number>;
}
export type TipRow = Selectable<TipTable>;

export interface TipMessageTable {
  id: Generated<number>;
  tip_id: number;
  kind: string;
  body: string;
  author_user_id: number | null;
  author_name: string | null;
  created_at: string;
}

export interface TipFileTable {
  id: Generated<number>;
  tip_id: number;
  message_id: number | null;
  storage_key: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  from_reporter: number;
  created_at: string;
}

export interface TipEventTable {
  id: Generated<number>;
  tip_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
  idempotency_key: string | null;
}

export interface TipTables {
  tips: TipTable;
  tip_messages: TipMessageTable;
  tip_files: TipFileTable;
  tip_events: TipEventTable;
}
