import type { Generated, Selectable } from 'kysely';

// Table types of dispatch reports (issue 9); merged into Database in schema.ts.

export interface DispatchReportTable {
  id: Generated<number>;
  district_id: number;
  campaign_id: number;
  sector: string;
  kind: string;
  period_from: string;
  period_to: string;
  milestone_key: string | null;
  due_at: string;
  status: string;
  confirmed_by: number | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  confirmed_figures: string | null;
  current_version_id: number | null;
  first_submitted_at: string | null;
  on_time: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DispatchReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  submitted_at: string;
  submitted_by: number;
  submitted_by_name: string;
  prepared_by: string;
  contact_phone: string | null;
  summary: string | null;
  reason: string | null;
  on_time: number;
  figures: string;
  figure_ids: string;
  hazard_list: string;
  layouts: string;
  computed_at: string;
}

export interface ReportLayoutTable {
  id: Generated<number>;
  table_key: string;
  layout: string;
  note: string | null;
  created_at: string;
  created_by: number;
  created_by_name: string;
}

export interface DispatchReportTables {
  dispatch_reports: DispatchReportTable;
  dispatch_report_versions: DispatchReportVersionTable;
  report_layouts: ReportLayoutTable;
}

export type DispatchReportRow = Selectable<DispatchReportTable>;
export type DispatchReportVersionRow = Selectable<DispatchReportVersionTable>;
