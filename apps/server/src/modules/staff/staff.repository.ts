import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  EnforcementStaffTable,
  OperationTrainingEnrolmentTable,
  OperationTrainingTable,
  StaffTrainingTable,
} from '../../db/schema-staff-training.js';

type Q = Kysely<Database> | Transaction<Database>;

// SQL of enforcement staff records and training (issue 10 item 3).

// ---------------------------------------------------------------- staff records

const STAFF_COLUMNS = [
  's.id',
  's.district_id',
  's.org_unit_id',
  's.user_id',
  's.name',
  's.certificate_no',
  's.certificate_valid_until',
  's.education',
  's.major',
  's.major_safety_related',
  's.safety_years',
  's.voided_at',
  's.void_reason',
  's.version',
  'o.name as org_unit_name',
  'o.path as org_path',
  'u.username',
] as const;

function staffQuery(db: Q) {
  return db
    .selectFrom('enforcement_staff as s')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(STAFF_COLUMNS);
}

/** In-service staff whose unit lies under one of `paths` (materialized org paths). */
export async function listStaffUnder(db: Q, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return staffQuery(db)
    .where('s.voided_at', 'is', null)
    .where((eb) => eb.or(paths.map((p) => eb('o.path', 'like', `${p}%`))))
    .orderBy('o.path')
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}
export type StaffListRow = Awaited<ReturnType<typeof listStaffUnder>>[number];

export async function findStaff(db: Q, id: number) {
  return staffQuery(db).where('s.id', '=', id).executeTakeFirst();
}

export async function findStaffRaw(db: Q, id: number) {
  return db.selectFrom('enforcement_staff').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The live staff record linked to a user, if any. */
export async function findStaffOfUser(db: Q, userId: number) {
  return db
    .selectFrom('enforcement_staff')
    .select(['id', 'name'])
    .where('user_id', '=', userId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
}

export async function insertStaff(db: Q, row: Insertable<EnforcementStaffTable>): Promise<number> {
  const { id } = await db
    .insertInto('enforcement_staff')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateStaffIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<EnforcementStaffTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('enforcement_staff')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Org units by id with their paths and kinds (for placing a record in its district). */
export async function findOrgUnit(db: Q, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findOrgUnitByPath(db: Q, path: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind'])
    .where('path', '=', path)
    .executeTakeFirst();
}

export async function findOrgUnitPaths(db: Q, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('org_units').select(['id', 'path']).where('id', 'in', ids).execute();
}

export async function findUser(db: Q, id: number) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.certificate_no',
      'u.org_unit_id',
      'o.path as org_path',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/** Active inspectors under `path` without a live staff record. */
export async function listLinkableUsers(db: Q, path: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_unit_id',
      'o.name as org_unit_name',
      'u.certificate_no',
    ])
    .where('u.role', '=', 'inspector')
    .where('u.status', '=', 'active')
    .where('o.path', 'like', `${path}%`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('enforcement_staff as s')
            .select('s.id')
            .whereRef('s.user_id', '=', 'u.id')
            .where('s.voided_at', 'is', null),
        ),
      ),
    )
    .orderBy('u.display_name')
    .execute();
}

// ---------------------------------------------------------------- staff training

export async function listTrainings(db: Q, districtPaths: readonly string[]) {
  if (districtPaths.length === 0) return [];
  return db
    .selectFrom('staff_trainings as t')
    .innerJoin('org_units as o', 'o.id', 't.district_id')
    .selectAll('t')
    .where((eb) => eb.or(districtPaths.map((p) => eb('o.path', 'like', `${p}%`))))
    .orderBy('t.held_on', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

export async function findTraining(db: Q, id: number) {
  return db
    .selectFrom('staff_trainings as t')
    .innerJoin('org_units as o', 'o.id', 't.district_id')
    .selectAll('t')
    .select('o.path as district_path')
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertTraining(db: Q, row: Insertable<StaffTrainingTable>): Promise<number> {
  const { id } = await db
    .insertInto('staff_trainings')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateTrainingIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<StaffTrainingTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('staff_trainings')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Current attendees of trainings (removed attendances excluded). */
export async function listAttendees(db: Q, trainingIds: readonly number[]) {
  if (trainingIds.length === 0) return [];
  return db
    .selectFrom('staff_training_attendances as a')
    .innerJoin('enforcement_staff as s', 's.id', 'a.staff_id')
    .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
    .select(['a.training_id', 'a.staff_id', 's.name', 'o.name as org_unit_name'])
    .where('a.training_id', 'in', trainingIds)
    .where('a.removed_at', 'is', null)
    .orderBy('s.name')
    .execute();
}

/**
 * Makes the attendance list of a training equal `staffIds`: new people are added, people no
 * longer listed are marked removed (kept for the history), people re-listed are restored.
 */
export async function setAttendees(
  db: Q,
  trainingId: number,
  staffIds: readonly number[],
  at: string,
): Promise<void> {
  const existing = await db
    .selectFrom('staff_training_attendances')
    .select(['id', 'staff_id', 'removed_at'])
    .where('training_id', '=', trainingId)
    .execute();
  const wanted = new Set(staffIds);
  for (const row of existing) {
    const keep = wanted.has(Number(row.staff_id));
    if (keep && row.removed_at !== null) {
      await db
        .updateTable('staff_training_attendances')
        .set({ removed_at: null })
        .where('id', '=', row.id)
        .execute();
    } else if (!keep && row.removed_at === null) {
      await db
        .updateTable('staff_training_attendances')
        .set({ removed_at: at })
        .where('id', '=', row.id)
        .execute();
    }
    wanted.delete(Number(row.staff_id));
  }
  if (wanted.size > 0) {
    await db
      .insertInto('staff_training_attendances')
      .values(
        [...wanted].map((staffId) => ({
          training_id: trainingId,
          staff_id: staffId,
          created_at: at,
          removed_at: null,
        })),
      )
      .execute();
  }
}

/** The live trainings each person attended (for the training record and hours). */
export async function listAttendedTrainings(db: Q, staffIds: readonly number[]) {
  if (staffIds.length === 0) return [];
  return db
    .selectFrom('staff_training_attendances as a')
    .innerJoin('staff_trainings as t', 't.id', 'a.training_id')
    .select(['a.staff_id', 't.id', 't.topic', 't.held_on', 't.hours_tenths', 't.trainer'])
    .where('a.staff_id', 'in', staffIds)
    .where('a.removed_at', 'is', null)
    .where('t.voided_at', 'is', null)
    .orderBy('t.held_on', 'desc')
    .execute();
}

// ---------------------------------------------------------------- special-operation training

export async function listOperationTrainings(db: Q, districtPaths: readonly string[]) {
  if (districtPaths.length === 0) return [];
  return db
    .selectFrom('operation_trainings as t')
    .innerJoin('org_units as o', 'o.id', 't.district_id')
    .selectAll('t')
    .where((eb) => eb.or(districtPaths.map((p) => eb('o.path', 'like', `${p}%`))))
    .orderBy('t.starts_on', 'desc')
    .orderBy('t.id', 'desc')
    .execute();
}

export async function findOperationTraining(db: Q, id: number) {
  return db
    .selectFrom('operation_trainings as t')
    .innerJoin('org_units as o', 'o.id', 't.district_id')
    .selectAll('t')
    .select('o.path as district_path')
    .where('t.id', '=', id)
    .executeTakeFirst();
}

export async function insertOperationTraining(
  db: Q,
  row: Insertable<OperationTrainingTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('operation_trainings')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateOperationTrainingIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<OperationTrainingTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('operation_trainings')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Active (not withdrawn) enrolments per training. */
export async function countActiveEnrolments(db: Q, trainingIds: readonly number[]) {
  if (trainingIds.length === 0) return new Map<number, number>();
  const rows = await db
    .selectFrom('operation_training_enrolments')
    .select(['training_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('training_id', 'in', trainingIds)
    .where('withdrawn_at', 'is', null)
    .groupBy('training_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.training_id), Number(r.n)]));
}

const ENROLMENT_COLUMNS = [
  'n.id',
  'n.training_id',
  'n.enterprise_id',
  'n.person_name',
  'n.id_number',
  'n.phone',
  'n.post',
  'n.enrolled_by_name',
  'n.enrolled_at',
  'n.withdrawn_at',
  'n.withdraw_reason',
  'n.result',
  'n.score',
  'n.assessed_at',
  'n.certificate_id',
  'n.version',
  'e.name as enterprise_name',
  'c.certificate_no',
] as const;

/** Enrolments of a training, optionally of one enterprise only. */
export async function listEnrolments(db: Q, trainingId: number, enterpriseId: number | null) {
  let q = db
    .selectFrom('operation_training_enrolments as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .leftJoin('operation_certificates as c', 'c.id', 'n.certificate_id')
    .select(ENROLMENT_COLUMNS)
    .where('n.training_id', '=', trainingId);
  if (enterpriseId !== null) q = q.where('n.enterprise_id', '=', enterpriseId);
  return q.orderBy('n.id').execute();
}
export type EnrolmentRow = Awaited<ReturnType<typeof listEnrolments>>[number];

export async function findEnrolment(db: Q, id: number) {
  return db
    .selectFrom('operation_training_enrolments as n')
    .innerJoin('enterprises as e', 'e.id', 'n.enterprise_id')
    .leftJoin('operation_certificates as c', 'c.id', 'n.certificate_id')
    .select(ENROLMENT_COLUMNS)
    .where('n.id', '=', id)
    .executeTakeFirst();
}

/** An active enrolment of the same person (ID number) in the training, if any. */
export async function findActiveEnrolmentByIdNumber(db: Q, trainingId: number, idNumber: string) {
  return db
    .selectFrom('operation_training_enrolments')
    .select('id')
    .where('training_id', '=', trainingId)
    .where('id_number', '=', idNumber)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

export async function insertEnrolment(
  db: Q,
  row: Insertable<OperationTrainingEnrolmentTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('operation_training_enrolments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateEnrolmentIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<OperationTrainingEnrolmentTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('operation_training_enrolments')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sessions held by any of the given units (an enterprise's ancestors: its district). */
export async function listOperationTrainingsOfUnits(db: Q, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('operation_trainings')
    .selectAll()
    .where('district_id', 'in', unitIds)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Bumps a session's updated_at: locks its row for the rest of the transaction. */
export async function touchOperationTraining(db: Q, id: number, at: string): Promise<void> {
  await db
    .updateTable('operation_trainings')
    .set({ updated_at: at })
    .where('id', '=', id)
    .execute();
}
