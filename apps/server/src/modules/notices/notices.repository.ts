import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

/** Enterprises a staff member answers for: a territory and, for offices, some sectors. */
export type EnterpriseReach = { territoryPath: string; sectors: string[] | null };

const NOTICE_COLUMNS = [
  'n.id',
  'n.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'n.campaign_id',
  'n.title',
  'n.body',
  'n.sectors',
  'n.target_count',
  'n.published_at',
  'n.publisher_name',
] as const;

/** One notice with its org unit. */
export function findNotice(db: Q, id: number) {
  return db
    .selectFrom('notices as n')
    .innerJoin('org_units as o', 'o.id', 'n.org_unit_id')
    .select(NOTICE_COLUMNS)
    .where('n.id', '=', id)
    .executeTakeFirst();
}
export type NoticeRow = Awaited<ReturnType<typeof findNotice>> & object;

/** Inserts a notice (its target count is set once the receipts exist); returns the id. */
export async function insertNotice(
  db: Q,
  row: {
    org_unit_id: number;
    campaign_id: number | null;
    title: string;
    body: string;
    sectors: string;
    published_at: string;
    published_by: number;
    publisher_name: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('notices')
    .values({ ...row, target_count: 0, created_at: row.published_at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * Creates a receipt for every enterprise of the sectors under a territory that is not closed,
 * in one INSERT … SELECT; returns how many. Works for a notice or, with `table`, an alert.
 */
export async function insertTargets(
  db: Q,
  target: { table: 'notice_receipts' | 'alert_responses'; ownerId: number },
  reach: { territoryPath: string; sectors: string[] },
  at: string,
): Promise<number> {
  const select = db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .where('o.path', 'like', `${reach.territoryPath}%`)
    .where('e.sector', 'in', reach.sectors)
    .where('e.status', '!=', 'closed');
  const result =
    target.table === 'notice_receipts'
      ? await db
          .insertInto('notice_receipts')
          .columns(['notice_id', 'enterprise_id', 'created_at', 'remind_count'])
          .expression(
            select.select([
              sql.lit(target.ownerId).as('notice_id'),
              'e.id',
              sql.lit(at).as('created_at'),
              sql.lit(0).as('remind_count'),
            ]),
          )
          .executeTakeFirst()
      : await db
          .insertInto('alert_responses')
          .columns(['alert_id', 'enterprise_id', 'created_at', 'version'])
          .expression(
            select.select([
              sql.lit(target.ownerId).as('alert_id'),
              'e.id',
              sql.lit(at).as('created_at'),
              sql.lit(1).as('version'),
            ]),
          )
          .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Sets a notice's number of target enterprises. */
export async function setNoticeTargetCount(db: Q, id: number, count: number): Promise<void> {
  await db.updateTable('notices').set({ target_count: count }).where('id', '=', id).execute();
}

/** Where notices are visible to staff: under or above their territory, sharing a sector. */
export type NoticePlaces = { subtreeOf: string; atPaths: string[]; sectors: string[] | null };

function staffNotices(db: Q, p: NoticePlaces, q?: string, like: 'like' | 'ilike' = 'like') {
  let query = db
    .selectFrom('notices as n')
    .innerJoin('org_units as o', 'o.id', 'n.org_unit_id')
    .where((eb) => eb.or([eb('o.path', 'like', `${p.subtreeOf}%`), eb('o.path', 'in', p.atPaths)]));
  if (p.sectors) {
    const sectors = p.sectors.length > 0 ? p.sectors : ['-'];
    query = query.where((eb) => eb.or(sectors.map((s) => eb('n.sectors', 'like', `%"${s}"%`))));
  }
  if (q) query = query.where('n.title', like, likePattern(q));
  return query;
}

/** One page of notices visible to staff, newest first. */
export async function listStaffNotices(
  db: Q,
  p: NoticePlaces,
  f: { q?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    staffNotices(db, p, f.q, f.like)
      .select(NOTICE_COLUMNS)
      .orderBy('n.published_at', 'desc')
      .orderBy('n.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    staffNotices(db, p, f.q, f.like)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

function enterpriseNotices(
  db: Q,
  enterpriseId: number,
  f: { q?: string; unread?: boolean; like: 'like' | 'ilike' },
) {
  let query = db
    .selectFrom('notice_receipts as r')
    .innerJoin('notices as n', 'n.id', 'r.notice_id')
    .innerJoin('org_units as o', 'o.id', 'n.org_unit_id')
    .where('r.enterprise_id', '=', enterpriseId);
  if (f.unread) query = query.where('r.read_at', 'is', null);
  if (f.q) query = query.where('n.title', f.like, likePattern(f.q));
  return query;
}

const RECEIPT_COLUMNS = [
  'r.read_at',
  'r.read_by_name',
  'r.remind_count',
  'r.last_reminded_at',
] as const;

/** One page of an enterprise's notices: unread first, then newest first. */
export async function listEnterpriseNotices(
  db: Q,
  enterpriseId: number,
  f: { q?: string; unread?: boolean; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    enterpriseNotices(db, enterpriseId, f)
      .select([...NOTICE_COLUMNS, ...RECEIPT_COLUMNS])
      .orderBy(sql`CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END`)
      .orderBy('n.published_at', 'desc')
      .orderBy('n.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    enterpriseNotices(db, enterpriseId, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** An enterprise's receipt of a notice. */
export function findReceipt(db: Q, noticeId: number, enterpriseId: number) {
  return db
    .selectFrom('notice_receipts as r')
    .select(['r.id', ...RECEIPT_COLUMNS])
    .where('r.notice_id', '=', noticeId)
    .where('r.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

/** Records the first reading of a notice; returns whether this was the first. */
export async function markRead(
  db: Q,
  receiptId: number,
  reader: { userId: number; name: string },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('notice_receipts')
    .set({ read_at: at, read_by: reader.userId, read_by_name: reader.name })
    .where('id', '=', receiptId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Receipts joined to their enterprises, limited to a staff member's reach. */
function reachedReceipts(db: Q, noticeId: number, reach: EnterpriseReach) {
  let q = db
    .selectFrom('notice_receipts as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .where('r.notice_id', '=', noticeId)
    .where('o.path', 'like', `${reach.territoryPath}%`);
  if (reach.sectors) q = q.where('e.sector', 'in', reach.sectors.length ? reach.sectors : ['-']);
  return q;
}

/** Read figures of several notices over the enterprises a staff member reaches. */
export async function receiptStats(
  db: Q,
  noticeIds: number[],
  reach: EnterpriseReach,
): Promise<Map<number, { target: number; read: number }>> {
  const out = new Map<number, { target: number; read: number }>();
  if (noticeIds.length === 0) return out;
  let q = db
    .selectFrom('notice_receipts as r')
    .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .where('r.notice_id', 'in', noticeIds)
    .where('o.path', 'like', `${reach.territoryPath}%`);
  if (reach.sectors) q = q.where('e.sector', 'in', reach.sectors.length ? reach.sectors : ['-']);
  const rows = await q
    .select((eb) => [
      'r.notice_id',
      eb.fn.countAll<number>().as('target'),
      eb.fn.count<number>('r.read_at').as('read'),
    ])
    .groupBy('r.notice_id')
    .execute();
  for (const r of rows) {
    out.set(Number(r.notice_id), { target: Number(r.target), read: Number(r.read) });
  }
  return out;
}

/** One page of a notice's receipts within reach: unread first, then by enterprise name. */
export async function listReceipts(
  db: Q,
  noticeId: number,
  reach: EnterpriseReach,
  f: { status?: 'read' | 'unread'; q?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  let q = reachedReceipts(db, noticeId, reach);
  if (f.status === 'read') q = q.where('r.read_at', 'is not', null);
  if (f.status === 'unread') q = q.where('r.read_at', 'is', null);
  if (f.q) q = q.where('e.name', f.like, likePattern(f.q));
  const [items, count] = await Promise.all([
    q
      .select([
        'e.id as enterprise_id',
        'e.name as enterprise_name',
        'e.sector',
        'o.name as district_name',
        ...RECEIPT_COLUMNS,
      ])
      .orderBy(sql`CASE WHEN r.read_at IS NULL THEN 0 ELSE 1 END`)
      .orderBy('e.name')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The unread receipts within reach (optionally only some enterprises). */
export function unreadReceipts(
  db: Q,
  noticeId: number,
  reach: EnterpriseReach,
  enterpriseIds: number[] | null,
) {
  let q = reachedReceipts(db, noticeId, reach).where('r.read_at', 'is', null);
  if (enterpriseIds) q = q.where('r.enterprise_id', 'in', enterpriseIds);
  return q.select(['r.id', 'r.enterprise_id']).orderBy('r.enterprise_id').execute();
}

/** Records a reminder to each enterprise and counts it on its receipt. */
export async function recordReminders(
  db: Q,
  noticeId: number,
  receipts: { id: number; enterprise_id: number }[],
  by: { userId: number; name: string },
  at: string,
): Promise<void> {
  for (let i = 0; i < receipts.length; i += 200) {
    const chunk = receipts.slice(i, i + 200);
    await db
      .insertInto('notice_reminders')
      .values(
        chunk.map((r) => ({
          notice_id: noticeId,
          enterprise_id: r.enterprise_id,
          reminded_at: at,
          reminded_by: by.userId,
          reminded_by_name: by.name,
        })),
      )
      .execute();
    await db
      .updateTable('notice_receipts')
      .set({ remind_count: sql<number>`remind_count + 1`, last_reminded_at: at })
      .where(
        'id',
        'in',
        chunk.map((r) => r.id),
      )
      .execute();
  }
}

/** Attachments of several owners, oldest first. */
export function listAttachments(db: Q, ownerType: string, ownerIds: number[]) {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .orderBy('id')
    .execute();
}
