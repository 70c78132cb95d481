import type { Generated, Selectable } from 'kysely';

// Table types of rectification orders, re-inspections and on-site measures (issue 7); merged
// into Database in schema.ts.

export interface EnforcementDocumentNumberTable {
  district_id: number;
  year: number;
  kind: string;
  last_number: number;
}

export interface EnforcementOrderTable {
  id: Generated<number>;
  order_no: string;
  district_id: number;
  enterprise_id: number;
  sector: string;
  inspection_record_id: number;
  issued_on: string;
  deadline: string;
  basis: string;
  note: string | null;
  inspectors: string;
  status: string;
  canonical_text: string;
  verification_code: string;
  issued_by: number;
  issued_by_name: string;
  issued_at: string;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
  acknowledged_by_name: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
export type EnforcementOrderRow = Selectable<EnforcementOrderTable>;

export interface EnforcementOrderItemTable {
  id: Generated<number>;
  order_id: number;
  seq: number;
  hazard_id: number;
  finding_seq: number | null;
  hazard_number: string;
  title: string;
  description: string;
  level: string;
  requirement: string;
}

export interface EnforcementReinspectionTable {
  id: Generated<number>;
  order_id: number;
  opinion_no: string;
  reinspected_on: string;
  inspectors: string;
  opinion: string;
  early_reason: string | null;
  canonical_text: string;
  verification_code: string;
  created_by: number;
  created_by_name: string;
  created_at: string;
}
export type EnforcementReinspectionRow = Selectable<EnforcementReinspectionTable>;

export interface EnforcementReinspectionItemTable {
  id: Generated<number>;
  reinspection_id: number;
  hazard_id: number;
  result: string;
  outcome: string;
  note: string | null;
  explanation: string | null;
}

export interface OnSiteMeasureTable {
  id: Generated<number>;
  document_no: string;
  district_id: number;
  enterprise_id: number;
  sector: string;
  kind: string;
  inspection_record_id: number | null;
  hazard_id: number | null;
  subject: string;
  basis: string;
  imposed_on: string;
  imposed_by: number;
  imposed_by_name: string;
  lifted_on: string | null;
  lift_note: string | null;
  lifted_by: number | null;
  lifted_by_name: string | null;
  lifted_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}
export type OnSiteMeasureRow = Selectable<OnSiteMeasureTable>;

export interface EnforcementOrderEventTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
  note: string | null;
}

export interface EnforcementOrderTables {
  enforcement_document_numbers: EnforcementDocumentNumberTable;
  enforcement_orders: EnforcementOrderTable;
  enforcement_order_items: EnforcementOrderItemTable;
  enforcement_reinspections: EnforcementReinspectionTable;
  enforcement_reinspection_items: EnforcementReinspectionItemTable;
  on_site_measures: OnSiteMeasureTable;
  enforcement_order_events: EnforcementOrderEventTable;
}
