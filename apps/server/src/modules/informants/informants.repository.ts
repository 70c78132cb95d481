import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { InformantTable, NewInformant } from '../../db/schema-informants-rewards.js';
import type { TipTable } from '../../db/schema-tips.js';

// Queries of the informant registry and of the tips informants report (issue 8 item 5).

type Q = Kysely<Database> | Transaction<Database>;

const INFORMANT_COLUMNS = [
  'i.id',
  'i.code',
  'i.seq',
  'i.identity_sealed',
  'i.sectors',
  'i.district_id',
  'd.name as district_name',
  'd.path as district_path',
  'i.enterprise_id',
  'e.name as enterprise_name',
  'i.area',
  'i.note',
  'i.active',
  'i.user_id',
  'u.username',
  'u.status as user_status',
  'i.created_at',
  'i.updated_at',
  'i.version',
] as const;

function informantQuery(db: Q) {
  return db
    .selectFrom('informants as i')
    .innerJoin('org_units as d', 'd.id', 'i.district_id')
    .leftJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .leftJoin('users as u', 'u.id', 'i.user_id');
}

export type InformantFilter = {
  districtIds: number[];
  districtId?: number;
  active?: boolean;
};

/** Informants of some districts, newest first (identity still sealed; scope narrowed later). */
export function listInformants(db: Q, f: InformantFilter) {
  if (f.districtIds.length === 0) return Promise.resolve([]);
  let q = informantQuery(db).select(INFORMANT_COLUMNS).where('i.district_id', 'in', f.districtIds);
  if (f.districtId) q = q.where('i.district_id', '=', f.districtId);
  if (f.active !== undefined) q = q.where('i.active', '=', f.active ? 1 : 0);
  return q.orderBy('i.seq', 'desc').execute();
}

export type InformantViewRow = Awaited<ReturnType<typeof listInformants>>[number];

/** One informant with its district, enterprise and account. */
export function findInformant(db: Q, id: number): Promise<InformantViewRow | undefined> {
  return informantQuery(db).select(INFORMANT_COLUMNS).where('i.id', '=', id).executeTakeFirst();
}

/** The informant whose login a user is. */
export function findInformantByUser(db: Q, userId: number): Promise<InformantViewRow | undefined> {
  return informantQuery(db)
    .select(INFORMANT_COLUMNS)
    .where('i.user_id', '=', userId)
    .executeTakeFirst();
}

/** The raw row (for before/after comparisons). */
export function findInformantRow(db: Q, id: number) {
  return db.selectFrom('informants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The highest informant sequence number used so far. */
export async function lastInformantSeq(db: Q): Promise<number> {
  const row = await db
    .selectFrom('informants')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Inserts an informant and returns its id. */
export async function insertInformant(db: Q, row: NewInformant): Promise<number> {
  const { id } = await db
    .insertInto('informants')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates an informant if its version still matches; returns whether a row changed. */
export async function updateInformantIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<Omit<InformantTable, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('informants')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Report counts and latest report per informant. */
export async function reportStats(db: Q, informantIds: number[]) {
  if (informantIds.length === 0) return new Map<number, { count: number; last: string | null }>();
  const rows = await db
    .selectFrom('tips')
    .select([
      'informant_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.max('received_at').as('last'),
    ])
    .where('informant_id', 'in', informantIds)
    .groupBy('informant_id')
    .execute();
  return new Map(
    rows.map((r) => [Number(r.informant_id), { count: Number(r.n), last: r.last ?? null }]),
  );
}

// ---- Reports (tips with channel informant) ----

/** Inserts a tip and returns its id. */
export async function insertTip(
  db: Q,
  row: Omit<TipTable, 'id' | 'version' | 'insider'> & { insider: number; version: number },
): Promise<number> {
  const { id } = await db.insertInto('tips').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Appends a history event of a tip. */
export async function insertTipEvent(
  db: Q,
  e: {
    tip_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    at: string;
    note: string | null;
  },
): Promise<void> {
  await db
    .insertInto('tip_events')
    .values({ ...e, idempotency_key: null })
    .execute();
}

/** Stores the record of a reporter's file; returns its id. */
export async function insertTipFile(
  db: Q,
  row: {
    tip_id: number;
    storage_key: string;
    file_name: string;
    mime_type: string;
    size_bytes: number;
    created_at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('tip_files')
    .values({ ...row, message_id: null, from_reporter: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

const REPORT_COLUMNS = [
  't.id',
  't.number',
  't.enterprise_id',
  'e.name as enterprise_name',
  't.subject',
  't.description',
  't.place',
  't.status',
  't.verification_result',
  't.received_at',
  't.updated_at',
  't.created_by',
  't.informant_id',
  't.district_id',
] as const;

/** One page of an informant's reports, newest first. */
export async function listReports(
  db: Q,
  informantId: number,
  page: { offset: number; limit: number },
) {
  const base = db
    .selectFrom('tips as t')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .where('t.informant_id', '=', informantId)
    .where('t.channel', '=', 'informant');
  const [items, count] = await Promise.all([
    base
      .select(REPORT_COLUMNS)
      .orderBy('t.received_at', 'desc')
      .orderBy('t.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export type ReportRow = Awaited<ReturnType<typeof listReports>>['items'][number];

/** One informant report by id (no ownership check: the service does that). */
export function findReport(db: Q, tipId: number): Promise<ReportRow | undefined> {
  return db
    .selectFrom('tips as t')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .select(REPORT_COLUMNS)
    .where('t.id', '=', tipId)
    .where('t.channel', '=', 'informant')
    .executeTakeFirst();
}

/** The replies and questions the reporter of some tips may read, oldest first. */
export function listReporterMessages(db: Q, tipIds: number[]) {
  if (tipIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tip_messages')
    .select(['id', 'tip_id', 'kind', 'body', 'created_at'])
    .where('tip_id', 'in', tipIds)
    .where('kind', 'in', ['reply', 'question'])
    .orderBy('id')
    .execute();
}

/** The files of a tip the reporter uploaded. */
export function listReporterFiles(db: Q, tipId: number) {
  return db
    .selectFrom('tip_files')
    .select(['id', 'storage_key', 'file_name', 'mime_type', 'size_bytes', 'created_at'])
    .where('tip_id', '=', tipId)
    .where('from_reporter', '=', 1)
    .orderBy('id')
    .execute();
}

/** Enterprises of some districts and sectors, by name (for the report form). */
export function listReportEnterprises(
  db: Q,
  f: { districtIds: number[]; sectors: string[]; q?: string; like: 'like' | 'ilike' },
) {
  if (f.districtIds.length === 0 || f.sectors.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('enterprises')
    .select(['id', 'name', 'sector'])
    .where('org_unit_id', 'in', f.districtIds)
    .where('sector', 'in', f.sectors)
    .where('status', '!=', 'closed');
  if (f.q) {
    const pattern = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where('name', f.like, pattern);
  }
  return q.orderBy('name').limit(30).execute();
}
