import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  EnforcementOrderTable,
  OnSiteMeasureTable,
} from '../../db/schema-enforcement-orders.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

// Kysely queries of rectification orders, re-inspections and on-site measures.

type Q = Kysely<Database> | Transaction<Database>;

/** Which orders and measures a caller may see. */
export type OrderScope =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'territory'; districtIds: number[]; sectors: string[] | null };

/** The next number of a document kind in a district and year (1, 2, …). */
export async function nextDocumentNumber(
  trx: Transaction<Database>,
  districtId: number,
  year: number,
  kind: string,
): Promise<number> {
  const row = await trx
    .insertInto('enforcement_document_numbers')
    .values({ district_id: districtId, year, kind, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['district_id', 'year', 'kind'])
        .doUpdateSet({ last_number: sql`enforcement_document_numbers.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number);
}

// ---- Inspection records (read only: the inspections module writes them) ----

/** A record with its enterprise and district, for issuing orders and linking measures. */
export function findRecord(db: Q, id: number) {
  return db
    .selectFrom('inspection_records as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select([
      'r.id',
      'r.record_no',
      'r.status',
      'r.enterprise_id',
      'r.district_id',
      'r.content',
      'r.started_at',
      'r.place',
      'e.name as enterprise_name',
      'e.sector',
      'e.org_unit_id',
      'o.name as district_name',
      'o.path as org_path',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** Who signed a record (the fallback when its content lacks the inspectors). */
export function listSigners(db: Q, recordIds: number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_signatures')
    .select(['record_id', 'user_id', 'signer_name', 'certificate_no'])
    .where('record_id', 'in', recordIds)
    .orderBy('user_id')
    .execute();
}

/** The findings of records that point at ledger hazards, with the hazards as they are now. */
export function listFindingHazards(db: Q, recordIds: number[]) {
  if (recordIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_record_findings as f')
    .innerJoin('hazards as h', 'h.id', 'f.hazard_id')
    .select([
      'f.record_id',
      'f.seq',
      'h.id as hazard_id',
      'h.number',
      'h.title',
      'h.description',
      'h.level',
      'h.status',
      'h.deadline',
      'h.enterprise_id',
    ])
    .where('f.record_id', 'in', recordIds)
    .orderBy('f.record_id')
    .orderBy('f.seq')
    .execute();
}

/** An enterprise's signed records, newest first. */
export function listSignedRecords(db: Q, enterpriseId: number, limit: number) {
  return db
    .selectFrom('inspection_records')
    .select(['id', 'record_no', 'started_at', 'place', 'content'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'signed')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** For each hazard, the number of an order not yet re-inspected that lists it. */
export async function openOrderNos(db: Q, hazardIds: number[]): Promise<Map<number, string>> {
  if (hazardIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enforcement_order_items as i')
    .innerJoin('enforcement_orders as o', 'o.id', 'i.order_id')
    .select(['i.hazard_id', 'o.order_no'])
    .where('i.hazard_id', 'in', hazardIds)
    .where('o.status', '<>', 'reinspected')
    .execute();
  return new Map(rows.map((r) => [Number(r.hazard_id), r.order_no]));
}

// ---- Orders ----

/** Inserts an order; returns its id. */
export async function insertOrder(
  trx: Transaction<Database>,
  row: Omit<EnforcementOrderTable, 'id' | 'version'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('enforcement_orders')
    .values({ ...row, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Inserts the hazards of an order. */
export async function insertOrderItems(
  trx: Transaction<Database>,
  rows: {
    order_id: number;
    seq: number;
    hazard_id: number;
    finding_seq: number | null;
    hazard_number: string;
    title: string;
    description: string;
    level: string;
    requirement: string;
  }[],
): Promise<void> {
  if (rows.length) await trx.insertInto('enforcement_order_items').values(rows).execute();
}

/** Appends a history event of an order or a measure. */
export async function insertEvent(
  trx: Transaction<Database>,
  row: {
    entity_type: 'order' | 'on_site_measure';
    entity_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    at: string;
    note: string | null;
  },
): Promise<void> {
  await trx.insertInto('enforcement_order_events').values(row).execute();
}

/** Updates an order when its version still matches; false when someone changed it first. */
export async function updateOrderIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<Omit<EnforcementOrderTable, 'id' | 'version'>>,
): Promise<boolean> {
  const res = await trx
    .updateTable('enforcement_orders')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

function ordersBase(db: Q) {
  return db
    .selectFrom('enforcement_orders as o')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .innerJoin('org_units as d', 'd.id', 'o.district_id')
    .innerJoin('inspection_records as r', 'r.id', 'o.inspection_record_id')
    .leftJoin('enforcement_reinspections as ri', 'ri.order_id', 'o.id');
}

const ORDER_COLUMNS = [
  'o.id',
  'o.order_no',
  'o.district_id',
  'o.enterprise_id',
  'o.sector',
  'o.inspection_record_id',
  'o.issued_on',
  'o.deadline',
  'o.basis',
  'o.note',
  'o.inspectors',
  'o.status',
  'o.verification_code',
  'o.issued_by',
  'o.issued_by_name',
  'o.issued_at',
  'o.acknowledged_at',
  'o.acknowledged_by_name',
  'o.version',
  'e.name as enterprise_name',
  'e.org_unit_id as enterprise_org_unit_id',
  'd.name as district_name',
  'd.path as district_path',
  'r.record_no',
  'ri.reinspected_on',
] as const;

/** One order with its enterprise, district, record number and re-inspection date. */
export function findOrder(db: Q, id: number) {
  return ordersBase(db).select(ORDER_COLUMNS).where('o.id', '=', id).executeTakeFirst();
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

export type OrderFilter = {
  status?: 'issued' | 'acknowledged' | 'reinspected' | 'overdue';
  enterpriseId?: number;
  q?: string;
  like: 'like' | 'ilike';
  today: string;
};

function scopedOrders(db: Q, scope: OrderScope, f: Omit<OrderFilter, 'status'>) {
  let q = ordersBase(db);
  if (scope.kind === 'enterprise') {
    q = q.where('o.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('o.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('o.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.enterpriseId) q = q.where('o.enterprise_id', '=', f.enterpriseId);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('e.name', f.like, pattern), eb('o.order_no', f.like, pattern)]));
  }
  return q;
}

type ScopedOrders = ReturnType<typeof scopedOrders>;

function withStatus(q: ScopedOrders, status: OrderFilter['status'], today: string): ScopedOrders {
  if (!status) return q;
  if (status === 'overdue')
    return q.where('o.status', '<>', 'reinspected').where('o.deadline', '<', today);
  return q.where('o.status', '=', status);
}

/** One page of orders: open ones by deadline first, then the re-inspected, newest first. */
export async function listOrders(
  db: Q,
  scope: OrderScope,
  filter: OrderFilter,
  page: { offset: number; limit: number },
) {
  const base = scopedOrders(db, scope, filter);
  const filtered = withStatus(base, filter.status, filter.today);
  const [items, total] = await Promise.all([
    filtered
      .select(ORDER_COLUMNS)
      .select((eb) => [
        eb
          .selectFrom('enforcement_order_items as i')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('i.order_id', '=', 'o.id')
          .as('hazard_count'),
        eb
          .selectFrom('enforcement_reinspection_items as x')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('x.reinspection_id', '=', 'ri.id')
          .where('x.result', '=', 'persisting')
          .as('persisting_count'),
      ])
      .orderBy(sql`case when o.status = 'reinspected' then 1 else 0 end`)
      .orderBy(sql`case when o.status = 'reinspected' then '' else o.deadline end`)
      .orderBy('o.issued_on', 'desc')
      .orderBy('o.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);
  return { items, total };
}

/** How many orders each list filter would show (ignoring the status filter). */
export async function countOrders(
  db: Q,
  scope: OrderScope,
  filter: OrderFilter,
): Promise<Record<string, number>> {
  const rows = await scopedOrders(db, scope, filter)
    .select((eb) => [
      'o.status',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .sum<number>(sql`case when o.deadline < ${filter.today} then 1 else 0 end`)
        .as('past_deadline'),
    ])
    .groupBy('o.status')
    .execute();
  const counts: Record<string, number> = { issued: 0, acknowledged: 0, reinspected: 0, overdue: 0 };
  for (const r of rows) {
    counts[r.status] = Number(r.n);
    if (r.status !== 'reinspected') counts.overdue! += Number(r.past_deadline ?? 0);
  }
  return counts;
}

/** The hazards of an order with where each stands in the ledger now. */
export function listOrderItems(db: Q, orderId: number) {
  return db
    .selectFrom('enforcement_order_items as i')
    .innerJoin('hazards as h', 'h.id', 'i.hazard_id')
    .select([
      'i.id',
      'i.seq',
      'i.hazard_id',
      'i.finding_seq',
      'i.hazard_number',
      'i.title',
      'i.description',
      'i.level',
      'i.requirement',
      'h.status as hazard_status',
      'h.deadline as hazard_deadline',
    ])
    .where('i.order_id', '=', orderId)
    .orderBy('i.seq')
    .execute();
}

// ---- Re-inspections ----

/** Inserts a re-inspection with its items; returns its id. */
export async function insertReinspection(
  trx: Transaction<Database>,
  row: {
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
  },
  items: {
    hazard_id: number;
    result: string;
    outcome: string;
    note: string | null;
    explanation: string | null;
  }[],
): Promise<number> {
  const { id } = await trx
    .insertInto('enforcement_reinspections')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  const reinspectionId = Number(id);
  if (items.length) {
    await trx
      .insertInto('enforcement_reinspection_items')
      .values(items.map((i) => ({ ...i, reinspection_id: reinspectionId })))
      .execute();
  }
  return reinspectionId;
}

/** The re-inspection of an order, if recorded. */
export function findReinspection(db: Q, orderId: number) {
  return db
    .selectFrom('enforcement_reinspections')
    .selectAll()
    .where('order_id', '=', orderId)
    .executeTakeFirst();
}

/** The results of a re-inspection, in the order's item order, with the hazards now. */
export function listReinspectionItems(db: Q, reinspectionId: number, orderId: number) {
  return db
    .selectFrom('enforcement_reinspection_items as x')
    .innerJoin('hazards as h', 'h.id', 'x.hazard_id')
    .leftJoin('enforcement_order_items as i', (j) =>
      j.onRef('i.hazard_id', '=', 'x.hazard_id').on('i.order_id', '=', orderId),
    )
    .select([
      'x.hazard_id',
      'x.result',
      'x.outcome',
      'x.note',
      'x.explanation',
      'h.number as hazard_number',
      'h.title',
      'h.status as hazard_status',
    ])
    .where('x.reinspection_id', '=', reinspectionId)
    .orderBy('i.seq')
    .execute();
}

// ---- People ----

/** Users by id with the fields a re-inspection needs. */
export function findUsers(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'status', 'certificate_no'])
    .where('id', 'in', ids)
    .execute();
}

/** Active, certified enforcement staff under a territory path, by name. */
export function listCertifiedStaff(db: Q, territoryPath: string, roles: string[]) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.display_name', 'u.certificate_no', 'o.name as org_unit_name'])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', roles)
    .where('u.certificate_no', 'is not', null)
    .where('u.certificate_no', '<>', '')
    .where('o.path', 'like', `${territoryPath}%`)
    .orderBy('u.display_name')
    .limit(200)
    .execute();
}

// ---- On-site measures ----

/** Inserts a measure; returns its id. */
export async function insertMeasure(
  trx: Transaction<Database>,
  row: Omit<OnSiteMeasureTable, 'id' | 'version'>,
): Promise<number> {
  const { id } = await trx
    .insertInto('on_site_measures')
    .values({ ...row, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a measure when its version still matches. */
export async function updateMeasureIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: Partial<Omit<OnSiteMeasureTable, 'id' | 'version'>>,
): Promise<boolean> {
  const res = await trx
    .updateTable('on_site_measures')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

function measuresBase(db: Q) {
  return db
    .selectFrom('on_site_measures as m')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .innerJoin('org_units as d', 'd.id', 'm.district_id')
    .leftJoin('inspection_records as r', 'r.id', 'm.inspection_record_id')
    .leftJoin('hazards as h', 'h.id', 'm.hazard_id')
    .select([
      'm.id',
      'm.document_no',
      'm.district_id',
      'm.enterprise_id',
      'm.sector',
      'm.kind',
      'm.inspection_record_id',
      'm.hazard_id',
      'm.subject',
      'm.basis',
      'm.imposed_on',
      'm.imposed_by_name',
      'm.lifted_on',
      'm.lift_note',
      'm.lifted_by_name',
      'm.lifted_at',
      'm.version',
      'e.name as enterprise_name',
      'd.path as district_path',
      'r.record_no',
      'h.number as hazard_number',
      'h.status as hazard_status',
    ]);
}

/** One measure with its enterprise, record and hazard. */
export function findMeasure(db: Q, id: number) {
  return measuresBase(db).where('m.id', '=', id).executeTakeFirst();
}
export type MeasureRow = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

export type MeasureFilter = { enterpriseId?: number; active?: boolean; kind?: string };

/** One page of measures: those in force first, then newest first. */
export async function listMeasures(
  db: Q,
  scope: OrderScope,
  filter: MeasureFilter,
  page: { offset: number; limit: number },
) {
  let q = measuresBase(db);
  if (scope.kind === 'enterprise') {
    q = q.where('m.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('m.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('m.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (filter.enterpriseId) q = q.where('m.enterprise_id', '=', filter.enterpriseId);
  if (filter.kind) q = q.where('m.kind', '=', filter.kind);
  // Lifting is dated today at the latest, so "not lifted" is "in force" (isOnSiteMeasureActive).
  if (filter.active === true) q = q.where('m.lifted_on', 'is', null);
  if (filter.active === false) q = q.where('m.lifted_on', 'is not', null);
  const [items, total] = await Promise.all([
    q
      .orderBy(sql`case when m.lifted_on is null then 0 else 1 end`)
      .orderBy('m.imposed_on', 'desc')
      .orderBy('m.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n)),
  ]);
  return { items, total };
}

// ---- Public verification ----

/** An order by its verification code. */
export function findOrderByVerificationCode(db: Q, code: string) {
  return db
    .selectFrom('enforcement_orders as o')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .select(['o.order_no', 'o.issued_on', 'o.inspectors', 'e.name as enterprise_name'])
    .where('o.verification_code', '=', code)
    .executeTakeFirst();
}

/** A re-inspection opinion by its verification code. */
export function findReinspectionByVerificationCode(db: Q, code: string) {
  return db
    .selectFrom('enforcement_reinspections as ri')
    .innerJoin('enforcement_orders as o', 'o.id', 'ri.order_id')
    .innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .select(['ri.opinion_no', 'ri.reinspected_on', 'ri.inspectors', 'e.name as enterprise_name'])
    .where('ri.verification_code', '=', code)
    .executeTakeFirst();
}
