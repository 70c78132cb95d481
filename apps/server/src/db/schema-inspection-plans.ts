import type { Generated, Selectable } from 'kysely';

// Table types of inspection plans and the draw (issue 7); merged into Database in schema.ts.

export interface InspectionPlanTable {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  kind: string;
  start_date: string;
  end_date: string;
  /** JSON array of sectors. */
  sectors: string;
  /** JSON array of department names (joint inspections). */
  departments: string;
  unannounced: number;
  cross_area: number;
  enterprise_count: number | null;
  inspectors_per_target: number;
  note: string | null;
  status: string;
  cancel_reason: string | null;
  completion_note: string | null;
  campaign_id: number | null;
  draw_seed: string | null;
  draw_algorithm: string | null;
  /** The complete DrawInput, JSON. */
  draw_input: string | null;
  drawn_at: string | null;
  drawn_by: number | null;
  drawn_by_name: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
export type InspectionPlanRow = Selectable<InspectionPlanTable>;

export interface InspectionPlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  enterprise_id: number;
  status: string;
  record_id: number | null;
  inspected_at: string | null;
  created_at: string;
}
export type InspectionPlanTargetRow = Selectable<InspectionPlanTargetTable>;

export interface InspectionPlanTargetInspectorTable {
  id: Generated<number>;
  target_id: number;
  user_id: number;
  seq: number;
}

export interface InspectionPlanEventTable {
  id: Generated<number>;
  plan_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
}
export type InspectionPlanEventRow = Selectable<InspectionPlanEventTable>;

export interface InspectionPlanTables {
  inspection_plans: InspectionPlanTable;
  inspection_plan_targets: InspectionPlanTargetTable;
  inspection_plan_target_inspectors: InspectionPlanTargetInspectorTable;
  inspection_plan_events: InspectionPlanEventTable;
}
