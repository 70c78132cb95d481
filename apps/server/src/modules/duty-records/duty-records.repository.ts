import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DutyFileTable, DutyRecordTables } from '../../db/schema-duty-records.js';

type Q = Kysely<Database> | Transaction<Database>;

/** The record tables of this part (every one has the DutyRecordColumns). */
export type RecordTable = Exclude<keyof DutyRecordTables, 'duty_files'>;
export type RecordRow<T extends RecordTable> = Selectable<Database[T]>;

// The record tables share their bookkeeping columns (id, enterprise_id, created_at, voided_at,
// version…), and the generic queries below touch only those. Kysely cannot type a query over a
// table chosen at run time, so it is built against one of them and the row typed by the caller's
// table: the SQL is the same for all.
type AS = 'duty_positions';

/**
 * Records of an enterprise that existed at `cutoff` (an ISO instant): created before it and not
 * voided by then. Pass the end of a day to see the records as they stood on that day.
 */
export async function listRecords<T extends RecordTable>(
  db: Q,
  table: T,
  enterpriseId: number,
  cutoff: string,
): Promise<RecordRow<T>[]> {
  const rows = await db
    .selectFrom(table as AS)
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('created_at', '<', cutoff)
    .where((eb) => eb.or([eb('voided_at', 'is', null), eb('voided_at', '>=', cutoff)]))
    .orderBy('id')
    .execute();
  return rows as unknown as RecordRow<T>[];
}

/** One record by id, voided or not (no scope check: the service compares its enterprise). */
export async function findRecord<T extends RecordTable>(
  db: Q,
  table: T,
  id: number,
): Promise<RecordRow<T> | undefined> {
  const row = await db
    .selectFrom(table as AS)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row as unknown as RecordRow<T> | undefined;
}

/** Inserts a record; returns its id. */
export async function insertRecord<T extends RecordTable>(
  db: Q,
  table: T,
  values: Insertable<Database[T]>,
): Promise<number> {
  const { id } = await db
    .insertInto(table as AS)
    .values(values as unknown as Insertable<Database[AS]>)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a record if its version matches (bumping it); returns whether it did. */
export async function updateRecordIfVersion(
  db: Q,
  table: RecordTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable(table as AS)
    .set({ ...(set as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Files of an enterprise that existed at `cutoff` (see listRecords). */
export function listFiles(db: Q, enterpriseId: number, cutoff: string) {
  return db
    .selectFrom('duty_files')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('uploaded_at', '<', cutoff)
    .where((eb) => eb.or([eb('voided_at', 'is', null), eb('voided_at', '>=', cutoff)]))
    .orderBy('id')
    .execute();
}

/** Live files of one owner. */
export async function countOwnerFiles(
  db: Q,
  enterpriseId: number,
  owner: string,
  ownerId: number | null,
): Promise<number> {
  let q = db
    .selectFrom('duty_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('owner', '=', owner)
    .where('voided_at', 'is', null);
  q = ownerId === null ? q.where('owner_id', 'is', null) : q.where('owner_id', '=', ownerId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One live file of an enterprise. */
export function findFile(db: Q, enterpriseId: number, fileId: number) {
  return db
    .selectFrom('duty_files')
    .selectAll()
    .where('id', '=', fileId)
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
}

/** Inserts a file row; returns its id. */
export async function insertFile(db: Q, values: Insertable<DutyFileTable>): Promise<number> {
  const { id } = await db
    .insertInto('duty_files')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Voids a live file; returns whether it did. */
export async function voidFile(
  db: Q,
  fileId: number,
  reason: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('duty_files')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', fileId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Names of campaigns by id (for the work lists). */
export async function campaignNames(db: Q, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('campaigns')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
