import type { Generated, Selectable } from 'kysely';

// Table types of enforcement staff and training (issue 10 item 3); merged into Database in
// schema.ts. See the migration 2026-11-29T2210_staff_training.ts for what each column means.

export interface EnforcementStaffTable {
  id: Generated<number>;
  district_id: number;
  org_unit_id: number;
  user_id: number | null;
  name: string;
  certificate_no: string | null;
  certificate_valid_until: string | null;
  education: string;
  major: string | null;
  major_safety_related: number;
  safety_years: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}
export type EnforcementStaffRow = Selectable<EnforcementStaffTable>;

export interface StaffTrainingTable {
  id: Generated<number>;
  district_id: number;
  topic: string;
  held_on: string;
  hours_tenths: number;
  trainer: string;
  place: string | null;
  content: string | null;
  created_by: number;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}
export type StaffTrainingRow = Selectable<StaffTrainingTable>;

export interface StaffTrainingAttendanceTable {
  id: Generated<number>;
  training_id: number;
  staff_id: number;
  created_at: string;
  removed_at: string | null;
}

export interface OperationTrainingTable {
  id: Generated<number>;
  district_id: number;
  title: string;
  category: string;
  operation_item: string | null;
  starts_on: string;
  place: string;
  capacity: number;
  enrol_deadline: string;
  note: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
  version: number;
}
export type OperationTrainingRow = Selectable<OperationTrainingTable>;

export interface OperationTrainingEnrolmentTable {
  id: Generated<number>;
  training_id: number;
  enterprise_id: number;
  person_name: string;
  id_number: string;
  phone: string | null;
  post: string | null;
  enrolled_by: number;
  enrolled_by_name: string;
  enrolled_at: string;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  result: string | null;
  score: number | null;
  assessed_at: string | null;
  assessed_by: number | null;
  certificate_id: number | null;
  updated_at: string;
  version: number;
}
export type OperationTrainingEnrolmentRow = Selectable<OperationTrainingEnrolmentTable>;

export interface StaffTrainingTables {
  enforcement_staff: EnforcementStaffTable;
  staff_trainings: StaffTrainingTable;
  staff_training_attendances: StaffTrainingAttendanceTable;
  operation_trainings: OperationTrainingTable;
  operation_training_enrolments: OperationTrainingEnrolmentTable;
}
