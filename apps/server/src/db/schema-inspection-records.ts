import type { Generated, Selectable } from 'kysely';

// Table types of the inspection records and signatures (issue 7); merged into Database.

export interface SigningKeyTable {
  id: Generated<number>;
  user_id: number;
  public_key: string;
  private_key_encrypted: string;
  created_at: string;
  revoked_at: string | null;
}

export interface InspectionRecordTable {
  id: Generated<number>;
  record_no: string;
  district_id: number;
  enterprise_id: number;
  sector: string;
  plan_id: number | null;
  plan_target_id: number | null;
  origin: string;
  started_at: string;
  ended_at: string;
  place: string;
  /** Frozen at signing; null while a draft (and in older fixtures): then the enterprise's name. */
  enterprise_name: string | null;
  content: string;
  scorecard: string | null;
  status: string;
  canonical_text: string | null;
  content_hash: string | null;
  supersedes_record_id: number | null;
  superseded_by_record_id: number | null;
  signed_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by_user_id: number | null;
  acknowledged_by_name: string | null;
  created_at: string;
  created_by: number;
  created_by_name: string;
  updated_at: string;
  version: Generated<number>;
}
export type InspectionRecordRow = Selectable<InspectionRecordTable>;

export interface InspectionRecordNumberTable {
  district_id: number;
  year: number;
  last_number: number;
}

export interface InspectionRecordInspectorTable {
  id: Generated<number>;
  record_id: number;
  user_id: number;
  seq: number;
  name: string;
  certificate_no: string;
}

export interface InspectionRecordSignatureTable {
  id: Generated<number>;
  record_id: number;
  user_id: number;
  signer_name: string;
  certificate_no: string;
  key_id: number;
  signature: string;
  signed_at: string;
}

export interface InspectionRecordFindingTable {
  id: Generated<number>;
  record_id: number;
  seq: number;
  hazard_id: number | null;
  linked: Generated<number>;
  catalog_item_code: string | null;
  level: string;
  no_penalty: string | null;
  penalty_decision: string | null;
  penalty_note: string | null;
  created_at: string;
}

export interface InspectionRecordEventTable {
  id: Generated<number>;
  record_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
  idempotency_key: string | null;
}

export interface InspectionRecordTables {
  signing_keys: SigningKeyTable;
  inspection_records: InspectionRecordTable;
  inspection_record_numbers: InspectionRecordNumberTable;
  inspection_record_inspectors: InspectionRecordInspectorTable;
  inspection_record_signatures: InspectionRecordSignatureTable;
  inspection_record_findings: InspectionRecordFindingTable;
  inspection_record_events: InspectionRecordEventTable;
}
