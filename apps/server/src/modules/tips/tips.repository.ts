import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { OPEN_TIP_STATUSES } from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import type { TipTable } from '../../db/schema-tips.js';
import { likePattern } from '../enterprises/enterprises.repository.js';
import { EXPORT_BATCH_ROWS } from '../../lib/xlsx.js';

// Queries of the staff side of tips. No query here selects `identity_sealed` except
// `findSealedIdentity`, which only the audited identity view calls.

type Q = Kysely<Database> | Transaction<Database>;

/** Which tips a caller may see: districts of their territory, and their sectors (null = all). */
export type TipScope = { districtIds: number[]; sectors: string[] | null };

export type TipFilter = {
  q?: string;
  status?: string;
  channel?: string;
  sector?: string;
  districtId?: number;
  enterpriseId?: number;
  overdue?: boolean;
  /** Assigned to this user, or to this unit. */
  assignedTo?: { userId: number; unitId: number };
  receivedFrom?: string;
  receivedTo?: string;
  today: string;
  like: 'like' | 'ilike';
};

export const TIP_SORT_COLUMNS = {
  receivedAt: 't.received_at',
  dueDate: 't.due_date',
  number: 't.number',
  status: 't.status',
  updatedAt: 't.updated_at',
} as const;
export type TipSortKey = keyof typeof TIP_SORT_COLUMNS;

/** Tips in a scope with the filters (without the status filter: counts reuse it). */
function scoped(db: Q, scope: TipScope, f: Omit<TipFilter, 'status'>) {
  let q = db
    .selectFrom('tips as t')
    .where('t.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
  const sectors = scope.sectors;
  // A tip without a sector is visible to the whole district's staff.
  if (sectors)
    q = q.where((eb) =>
      eb.or([eb('t.sector', 'is', null), eb('t.sector', 'in', sectors.length ? sectors : ['-'])]),
    );
  if (f.channel) q = q.where('t.channel', '=', f.channel);
  if (f.sector) q = q.where('t.sector', '=', f.sector);
  if (f.districtId) q = q.where('t.district_id', '=', f.districtId);
  if (f.enterpriseId) q = q.where('t.enterprise_id', '=', f.enterpriseId);
  if (f.receivedFrom) q = q.where('t.received_at', '>=', f.receivedFrom);
  if (f.receivedTo) q = q.where('t.received_at', '<', f.receivedTo);
  if (f.overdue === true)
    q = q
      .where('t.status', 'in', [...OPEN_TIP_STATUSES])
      .where('t.due_date', 'is not', null)
      .where('t.due_date', '<', f.today);
  if (f.overdue === false)
    q = q.where((eb) =>
      eb.or([
        eb('t.status', 'not in', [...OPEN_TIP_STATUSES]),
        eb('t.due_date', 'is', null),
        eb('t.due_date', '>=', f.today),
      ]),
    );
  const mine = f.assignedTo;
  if (mine)
    q = q.where((eb) =>
      eb.or([
        eb('t.assigned_user_id', '=', mine.userId),
        eb.and([eb('t.assigned_user_id', 'is', null), eb('t.assigned_unit_id', '=', mine.unitId)]),
      ]),
    );
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('t.subject', f.like, pattern),
        eb('t.number', f.like, pattern),
        eb('t.description', f.like, pattern),
        eb('t.enterprise_text', f.like, pattern),
      ]),
    );
  }
  return q;
}

function withStatus(db: Q, scope: TipScope, f: TipFilter) {
  return f.status ? scoped(db, scope, f).where('t.status', '=', f.status) : scoped(db, scope, f);
}

/** The columns of a list row (never the sealed identity or the receipt hash). */
function listQuery(db: Q) {
  return db
    .selectFrom('tips as t')
    .innerJoin('org_units as d', 'd.id', 't.district_id')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .leftJoin('org_units as au', 'au.id', 't.assigned_unit_id')
    .leftJoin('users as uu', 'uu.id', 't.assigned_user_id')
    .select([
      't.id',
      't.number',
      't.channel',
      't.status',
      't.subject',
      't.district_id',
      'd.name as district_name',
      't.enterprise_id',
      'e.name as enterprise_name',
      't.enterprise_text',
      't.sector',
      't.anonymous',
      't.insider',
      't.received_at',
      't.due_date',
      'au.name as assigned_unit_name',
      'uu.display_name as assigned_user_name',
      't.verification_result',
      't.hazard_id',
      't.version',
    ]);
}
export type TipListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

/** One page of tips, sorted. */
export async function listTipPage(
  db: Q,
  scope: TipScope,
  f: TipFilter,
  page: { offset: number; limit: number; sort: TipSortKey; order: 'asc' | 'desc' },
): Promise<TipListRow[]> {
  const pageIds = withStatus(db, scope, f)
    .select('t.id')
    .orderBy(TIP_SORT_COLUMNS[page.sort], page.order)
    .orderBy('t.id', 'desc')
    .offset(page.offset)
    .limit(page.limit);
  return listQuery(db)
    .where('t.id', 'in', pageIds)
    .orderBy(TIP_SORT_COLUMNS[page.sort], page.order)
    .orderBy('t.id', 'desc')
    .execute();
}

/** Counts per status under the same filters (without the status filter). */
export async function countTipsByStatus(db: Q, scope: TipScope, f: TipFilter) {
  const rows = await scoped(db, scope, f)
    .select(['t.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('t.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

/** Every matching tip, in batches of list rows (for the export). */
export async function* iterateTips(
  db: Q,
  scope: TipScope,
  f: TipFilter,
  batch = EXPORT_BATCH_ROWS,
) {
  const ids = (await withStatus(db, scope, f).select('t.id').orderBy('t.id').execute()).map(
    (r) => r.id,
  );
  for (let i = 0; i < ids.length; i += batch) {
    yield await listQuery(db)
      .leftJoin('hazards as h', 'h.id', 't.hazard_id')
      .select([
        't.place',
        't.description',
        't.reject_reason',
        't.verification_summary',
        'h.number as hazard_number',
      ])
      .where('t.id', 'in', ids.slice(i, i + batch))
      .orderBy('t.id')
      .execute();
  }
}

/** One tip with the facts access depends on (without the sealed identity). */
export function findTip(db: Q, id: number) {
  return db
    .selectFrom('tips as t')
    .innerJoin('org_units as d', 'd.id', 't.district_id')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .leftJoin('org_units as au', 'au.id', 't.assigned_unit_id')
    .leftJoin('users as uu', 'uu.id', 't.assigned_user_id')
    .leftJoin('tips as dup', 'dup.id', 't.duplicate_of_tip_id')
    .select([
      't.id',
      't.number',
      't.channel',
      't.district_id',
      't.enterprise_id',
      't.enterprise_text',
      't.sector',
      't.place',
      't.subject',
      't.description',
      't.catalog_item_code',
      't.anonymous',
      't.insider',
      't.informant_id',
      't.status',
      't.reject_reason',
      't.duplicate_of_tip_id',
      't.assigned_unit_id',
      't.assigned_user_id',
      't.due_date',
      't.verification_result',
      't.verification_summary',
      't.hazard_id',
      't.inspection_record_id',
      't.penalty_case_id',
      't.received_at',
      't.created_by',
      't.updated_at',
      't.version',
      sql<number>`case when t.identity_sealed is null then 0 else 1 end`.as('identity_on_record'),
      sql<number>`case when t.receipt_hash is null then 0 else 1 end`.as('has_receipt'),
      'd.name as district_name',
      'd.path as district_path',
      'e.name as enterprise_name',
      'au.name as assigned_unit_name',
      'uu.display_name as assigned_user_name',
      'dup.number as duplicate_number',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type TipWithContext = NonNullable<Awaited<ReturnType<typeof findTip>>>;

/** The sealed identity of a tip (the identity view only). */
export async function findSealedIdentity(db: Q, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('tips')
    .select('identity_sealed')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.identity_sealed ?? null;
}

/** The highest sequence used in numbers starting with `prefix` (e.g. "东胜举〔2026〕"). */
export async function lastTipSequence(db: Q, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('tips')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy(sql`length(number)`, 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const m = row ? /〔\d{4}〕(\d+)号$/.exec(row.number) : null;
  return m ? Number(m[1]) : 0;
}

/** Inserts a tip; returns its id. */
export async function insertTip(
  trx: Transaction<Database>,
  row: Insertable<TipTable>,
): Promise<number> {
  const { id } = await trx.insertInto('tips').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a tip if the version matches; bumps the version. */
export async function updateTipIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Omit<Updateable<TipTable>, 'id' | 'version'>,
): Promise<boolean> {
  const r = await trx
    .updateTable('tips')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The history of a tip, oldest first. */
export function listTipEvents(db: Q, tipId: number) {
  return db
    .selectFrom('tip_events')
    .selectAll()
    .where('tip_id', '=', tipId)
    .orderBy('id')
    .execute();
}

/** An earlier event of the tip with the same idempotency key. */
export function findTipEventByKey(db: Q, tipId: number, key: string) {
  return db
    .selectFrom('tip_events')
    .select('id')
    .where('tip_id', '=', tipId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Appends a history event. */
export async function insertTipEvent(
  trx: Transaction<Database>,
  e: {
    tip_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    at: string;
    note: string | null;
    idempotency_key: string | null;
  },
): Promise<void> {
  await trx.insertInto('tip_events').values(e).execute();
}

/** Messages of a tip, oldest first (notes included: staff only). */
export function listTipMessages(db: Q, tipId: number) {
  return db
    .selectFrom('tip_messages')
    .selectAll()
    .where('tip_id', '=', tipId)
    .orderBy('id')
    .execute();
}

/** Inserts a message; returns its id. */
export async function insertTipMessage(
  trx: Transaction<Database>,
  m: {
    tip_id: number;
    kind: string;
    body: string;
    author_user_id: number | null;
    author_name: string | null;
    created_at: string;
  },
): Promise<number> {
  const { id } = await trx
    .insertInto('tip_messages')
    .values(m)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Files of a tip. */
export function listTipFiles(db: Q, tipId: number) {
  return db.selectFrom('tip_files').selectAll().where('tip_id', '=', tipId).orderBy('id').execute();
}

/** Open ledger hazards of an enterprise in a scope (duplicate suggestions), newest first. */
export function listOpenHazardsOf(db: Q, enterpriseId: number, scope: TipScope) {
  let q = db
    .selectFrom('hazards as h')
    .select([
      'h.id',
      'h.number',
      'h.title',
      'h.level',
      'h.status',
      'h.catalog_item_code',
      'h.found_at',
    ])
    .where('h.enterprise_id', '=', enterpriseId)
    .where('h.status', '!=', 'verified')
    .where('h.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
  if (scope.sectors) q = q.where('h.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  return q.orderBy('h.found_at', 'desc').orderBy('h.id', 'desc').limit(50).execute();
}

/** Other open tips about the same enterprise (by registry id, or by the same typed name). */
export function listOpenTipsAbout(
  db: Q,
  tip: {
    id: number;
    district_id: number;
    enterprise_id: number | null;
    enterprise_text: string | null;
  },
  scope: TipScope,
) {
  let q = scoped(db, scope, { today: '', like: 'like' })
    .select(['t.id', 't.number', 't.subject', 't.status', 't.received_at', 't.catalog_item_code'])
    .where('t.id', '!=', tip.id)
    .where('t.status', 'in', [...OPEN_TIP_STATUSES]);
  if (tip.enterprise_id !== null) q = q.where('t.enterprise_id', '=', tip.enterprise_id);
  else if (tip.enterprise_text)
    q = q
      .where('t.district_id', '=', tip.district_id)
      .where('t.enterprise_id', 'is', null)
      .where('t.enterprise_text', '=', tip.enterprise_text);
  else return Promise.resolve([]);
  return q.orderBy('t.received_at', 'desc').limit(50).execute();
}

/** The org units a tip of a district may be given to: its offices and brigades. */
export function listAssignableUnits(db: Q, districtId: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path'])
    .where('parent_id', '=', districtId)
    .where('kind', 'in', ['office', 'brigade'])
    .orderBy('code')
    .execute();
}

/** Active inspectors in the units of a district (sector matching is done by the caller). */
export function listInspectorsUnder(db: Q, districtPath: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.display_name', 'u.sectors', 'u.org_unit_id', 'o.name as unit_name'])
    .where('u.role', '=', 'inspector')
    .where('u.status', '=', 'active')
    .where('o.path', 'like', `${districtPath}%`)
    .orderBy('u.display_name')
    .execute();
}

/** A hazard's facts for linking and display. */
export function findHazardBrief(db: Q, id: number) {
  return db
    .selectFrom('hazards as h')
    .innerJoin('org_units as o', 'o.id', 'h.district_id')
    .select([
      'h.id',
      'h.number',
      'h.status',
      'h.title',
      'h.enterprise_id',
      'h.district_id',
      'h.sector',
      'o.path as district_path',
    ])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

/** An inspection record's facts for linking and display. */
export function findInspectionRecordBrief(db: Q, id: number) {
  return db
    .selectFrom('inspection_records as r')
    .innerJoin('org_units as o', 'o.id', 'r.district_id')
    .select([
      'r.id',
      'r.record_no',
      'r.status',
      'r.enterprise_id',
      'r.district_id',
      'r.sector',
      'r.started_at',
      'o.path as district_path',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** A penalty case's facts for linking and display. */
export function findPenaltyCaseBrief(db: Q, id: number) {
  return db
    .selectFrom('penalty_cases as p')
    .innerJoin('org_units as o', 'o.id', 'p.district_id')
    .select([
      'p.id',
      'p.case_no',
      'p.status',
      'p.matter',
      'p.enterprise_id',
      'p.district_id',
      'p.sector',
      'o.path as district_path',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Recent hazards, inspection records and penalty cases of an enterprise (link choices). */
export async function listLinkCandidates(db: Q, enterpriseId: number) {
  const [hazards, records, cases] = await Promise.all([
    db
      .selectFrom('hazards')
      .select(['id', 'number', 'title', 'status'])
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('inspection_records')
      .select(['id', 'record_no', 'started_at', 'status'])
      .where('enterprise_id', '=', enterpriseId)
      .where('status', '!=', 'draft')
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('penalty_cases')
      .select(['id', 'case_no', 'matter'])
      .where('enterprise_id', '=', enterpriseId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute(),
  ]);
  return { hazards, records, cases };
}
