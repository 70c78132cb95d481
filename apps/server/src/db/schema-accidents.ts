import type { Generated, Selectable } from 'kysely';

// Table types of production safety accidents (issue 10 item 5); merged into Database in schema.ts.

export interface AccidentTable {
  id: Generated<number>;
  district_id: number;
  enterprise_id: number;
  sector: string;
  occurred_at: string;
  accident_type: string;
  place: string | null;
  deaths: number;
  serious_injuries: number;
  minor_injuries: number;
  /** 直接经济损失 in integer fen (分). */
  direct_loss_fen: number;
  level: string;
  suggested_level: string;
  level_reason: string | null;
  report: string;
  status: string;
  void_reason: string | null;
  voided_at: string | null;
  voided_by: number | null;
  voided_by_name: string | null;
  created_at: string;
  created_by: number;
  created_by_name: string;
  updated_at: string;
  version: number;
}
export type AccidentRow = Selectable<AccidentTable>;

export interface AccidentTables {
  accidents: AccidentTable;
}
