import type { Generated, Insertable, Selectable } from 'kysely';

// Table types of informants and rewards (issue 8); merged into Database in schema.ts.

export interface InformantTable {
  id: Generated<number>;
  code: string;
  seq: number;
  /** Sealed JSON {name, phone}. */
  identity_sealed: string;
  /** JSON array of sectors. */
  sectors: string;
  district_id: number;
  enterprise_id: number | null;
  area: string | null;
  note: string | null;
  active: number;
  user_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export type InformantRow = Selectable<InformantTable>;
export type NewInformant = Insertable<InformantTable>;

export interface RewardCaseTable {
  id: Generated<number>;
  tip_id: number;
  district_id: number;
  finding: string;
  fine_fen: number;
  computed_fen: number;
  amount_fen: number;
  amount_reason: string | null;
  rules_name: string;
  status: string;
  proposed_by: number;
  proposed_by_name: string;
  proposed_at: string;
  amended_by: number | null;
  approved_by: number | null;
  approved_by_name: string | null;
  approved_at: string | null;
  paid_on: string | null;
  payment_method: string | null;
  voucher_no: string | null;
  paid_recorded_at: string | null;
  reject_reason: string | null;
  rejected_at: string | null;
  updated_at: string;
  version: number;
}
export type RewardCaseRow = Selectable<RewardCaseTable>;

export interface RewardEventTable {
  id: Generated<number>;
  case_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
  details: string | null;
  idempotency_key: string | null;
}

export interface InformantRewardTables {
  informants: InformantTable;
  reward_cases: RewardCaseTable;
  reward_events: RewardEventTable;
}
