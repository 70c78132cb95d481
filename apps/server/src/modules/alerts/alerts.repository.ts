import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../enterprises/enterprises.repository.js';
import type { EnterpriseReach, NoticePlaces } from '../notices/notices.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

const ALERT_COLUMNS = [
  'a.id',
  'a.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'a.title',
  'a.accident_date',
  'a.place',
  'a.summary',
  'a.lesson',
  'a.items',
  'a.sectors',
  'a.due_date',
  'a.target_count',
  'a.published_at',
  'a.publisher_name',
] as const;

const RESPONSE_COLUMNS = [
  'r.id as response_id',
  'r.enterprise_id',
  'r.answer',
  'r.note',
  'r.answered_at',
  'r.answered_by_name',
  'r.hazard_id',
  'r.version as response_version',
] as const;

/** One alert with its org unit. */
export function findAlert(db: Q, id: number) {
  return db
    .selectFrom('accident_alerts as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
    .select(ALERT_COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AlertRow = Awaited<ReturnType<typeof findAlert>> & object;

/** Inserts an alert (target count set once the response rows exist); returns the id. */
export async function insertAlert(
  db: Q,
  row: {
    org_unit_id: number;
    title: string;
    accident_date: string;
    place: string;
    summary: string;
    lesson: string;
    items: string;
    sectors: string;
    due_date: string;
    published_at: string;
    published_by: number;
    publisher_name: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('accident_alerts')
    .values({ ...row, target_count: 0, created_at: row.published_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Sets an alert's number of target enterprises. */
export async function setAlertTargetCount(db: Q, id: number, count: number): Promise<void> {
  await db
    .updateTable('accident_alerts')
    .set({ target_count: count })
    .where('id', '=', id)
    .execute();
}

function staffAlerts(db: Q, p: NoticePlaces, q: string | undefined, like: 'like' | 'ilike') {
  let query = db
    .selectFrom('accident_alerts as a')
    .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
    .where((eb) => eb.or([eb('o.path', 'like', `${p.subtreeOf}%`), eb('o.path', 'in', p.atPaths)]));
  if (p.sectors) {
    const sectors = p.sectors.length > 0 ? p.sectors : ['-'];
    query = query.where((eb) => eb.or(sectors.map((s) => eb('a.sectors', 'like', `%"${s}"%`))));
  }
  if (q) query = query.where('a.title', like, likePattern(q));
  return query;
}

/** One page of alerts visible to staff, newest first. */
export async function listStaffAlerts(
  db: Q,
  p: NoticePlaces,
  f: { q?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    staffAlerts(db, p, f.q, f.like)
      .select(ALERT_COLUMNS)
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    staffAlerts(db, p, f.q, f.like)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

function enterpriseAlerts(
  db: Q,
  enterpriseId: number,
  f: { q?: string; pending?: boolean; like: 'like' | 'ilike' },
) {
  let query = db
    .selectFrom('alert_responses as r')
    .innerJoin('accident_alerts as a', 'a.id', 'r.alert_id')
    .innerJoin('org_units as o', 'o.id', 'a.org_unit_id')
    .where('r.enterprise_id', '=', enterpriseId);
  if (f.pending) query = query.where('r.answer', 'is', null);
  if (f.q) query = query.where('a.title', f.like, likePattern(f.q));
  return query;
}

/** One page of an enterprise's alerts: unanswered first, then newest first. */
export async function listEnterpriseAlerts(
  db: Q,
  enterpriseId: number,
  f: { q?: string; pending?: boolean; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    enterpriseAlerts(db, enterpriseId, f)
      .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
      .select([
        ...ALERT_COLUMNS,
        ...RESPONSE_COLUMNS,
        'e.name as enterprise_name',
        'e.sector as enterprise_sector',
        'eo.name as district_name',
      ])
      .orderBy(sql`CASE WHEN r.answer IS NULL THEN 0 ELSE 1 END`)
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    enterpriseAlerts(db, enterpriseId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Response rows of an alert joined to their enterprises, limited to a reach. */
function reachedResponses(db: Q, alertId: number, reach: EnterpriseReach) {
  let q = db
    .selectFrom('alert_responses as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
    .where('r.alert_id', '=', alertId)
    .where('eo.path', 'like', `${reach.territoryPath}%`);
  if (reach.sectors) q = q.where('e.sector', 'in', reach.sectors.length ? reach.sectors : ['-']);
  return q;
}

const RESPONSE_ROW = [
  ...RESPONSE_COLUMNS,
  'e.name as enterprise_name',
  'e.sector as enterprise_sector',
  'eo.name as district_name',
] as const;

/** One enterprise's response row to an alert. */
export function findResponse(db: Q, alertId: number, enterpriseId: number) {
  return db
    .selectFrom('alert_responses as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
    .select(RESPONSE_ROW)
    .where('r.alert_id', '=', alertId)
    .where('r.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}
export type ResponseRow = Awaited<ReturnType<typeof findResponse>> & object;

/** One page of an alert's responses within reach: unanswered first, then by enterprise name. */
export async function listResponses(
  db: Q,
  alertId: number,
  reach: EnterpriseReach,
  f: { answered?: boolean; answer?: string; q?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  let q = reachedResponses(db, alertId, reach);
  if (f.answered === true) q = q.where('r.answer', 'is not', null);
  if (f.answered === false) q = q.where('r.answer', 'is', null);
  if (f.answer) q = q.where('r.answer', '=', f.answer);
  if (f.q) q = q.where('e.name', f.like, likePattern(f.q));
  const [items, count] = await Promise.all([
    q
      .select(RESPONSE_ROW)
      .orderBy(sql`CASE WHEN r.answer IS NULL THEN 0 ELSE 1 END`)
      .orderBy('e.name')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Response figures of several alerts over a reach. */
export async function responseStats(
  db: Q,
  alertIds: number[],
  reach: EnterpriseReach,
): Promise<Map<number, { target: number; answered: number; found: number }>> {
  const out = new Map<number, { target: number; answered: number; found: number }>();
  if (alertIds.length === 0) return out;
  let q = db
    .selectFrom('alert_responses as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
    .where('r.alert_id', 'in', alertIds)
    .where('eo.path', 'like', `${reach.territoryPath}%`);
  if (reach.sectors) q = q.where('e.sector', 'in', reach.sectors.length ? reach.sectors : ['-']);
  const rows = await q
    .select((eb) => [
      'r.alert_id',
      eb.fn.countAll<number>().as('target'),
      eb.fn.count<number>('r.answer').as('answered'),
      eb.fn.sum<number>(eb.case().when('r.answer', '=', 'found').then(1).else(0).end()).as('found'),
    ])
    .groupBy('r.alert_id')
    .execute();
  for (const r of rows) {
    out.set(Number(r.alert_id), {
      target: Number(r.target),
      answered: Number(r.answered),
      found: Number(r.found ?? 0),
    });
  }
  return out;
}

/** Records an enterprise's answer once; returns whether it was still unanswered. */
export async function answerOnce(
  db: Q,
  responseId: number,
  set: {
    answer: string;
    note: string | null;
    answered_at: string;
    answered_by: number;
    answered_by_name: string;
    hazard_id: number | null;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('alert_responses')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', responseId)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
