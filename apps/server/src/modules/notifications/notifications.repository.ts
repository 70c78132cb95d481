import type { Kysely, Transaction } from 'kysely';
import { OPEN_TIP_STATUSES } from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';

// SQL of the notification centre and of the facts the reminder job reads.

type Q = Kysely<Database> | Transaction<Database>;

export type NewNotification = {
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  subject_type: string;
  subject_id: number;
  dedupe_key: string;
  created_at: string;
};

/**
 * Inserts a notification unless its dedupe key exists (ON CONFLICT DO NOTHING, on both SQLite
 * and PostgreSQL); returns the new id, or null when it was already there.
 */
export async function insertNotificationOnce(db: Q, row: NewNotification): Promise<number | null> {
  const inserted = await db
    .insertInto('notifications')
    .values({ ...row, read_at: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? Number(inserted.id) : null;
}

export async function listForUser(
  db: Q,
  userId: number,
  filter: { unread?: boolean; kind?: string },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('notifications').where('user_id', '=', userId);
  if (filter.unread) q = q.where('read_at', 'is', null);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const [rows, count] = await Promise.all([
    q
      .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUnread(db: Q, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The notification if it belongs to the user (a foreign one reads as absent). */
export async function findForUser(db: Q, userId: number, id: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markRead(db: Q, userId: number, id: number, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllRead(db: Q, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- Recipients ----

/** Active users of an enterprise in the given roles. */
export async function enterpriseUsers(db: Q, enterpriseId: number, roles: readonly string[]) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'phone'])
    .where('enterprise_id', '=', enterpriseId)
    .where('role', 'in', [...roles])
    .where('status', '=', 'active')
    .execute();
}

/** Active staff users working in a unit's subtree (a district with its offices and brigade). */
export async function staffUnder(db: Q, unitId: number) {
  const unit = await db
    .selectFrom('org_units')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) return [];
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.display_name', 'u.phone', 'u.role', 'u.sectors', 'u.org_unit_id'])
    .where('o.path', 'like', `${unit.path}%`)
    .where('u.enterprise_id', 'is', null)
    .where('u.status', '=', 'active')
    .execute();
}

// ---- Facts of the reminders ----

/** Open hazards with a deadline, of enterprises still operating. */
export async function openHazardsWithDeadline(db: Q) {
  return db
    .selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select([
      'h.id',
      'h.number',
      'h.title',
      'h.level',
      'h.sector',
      'h.district_id',
      'h.enterprise_id',
      'h.deadline',
      'h.supervision_level',
      'e.name as enterprise_name',
    ])
    .where('h.status', '!=', 'verified')
    .where('h.deadline', 'is not', null)
    .orderBy('h.id')
    .execute();
}

/** Certificates in use expiring on or before `until` and not before `from`. */
export async function certificatesExpiring(db: Q, from: string, until: string) {
  return db
    .selectFrom('operation_certificates')
    .select(['id', 'enterprise_id', 'holder_name', 'category', 'certificate_no', 'valid_until'])
    .where('withdrawn_at', 'is', null)
    .where('valid_until', '>=', from)
    .where('valid_until', '<=', until)
    .orderBy('id')
    .execute();
}

/** Enterprises in operation (the duty reminders concern them only). */
export async function operatingEnterprises(db: Q) {
  return db
    .selectFrom('enterprises')
    .select(['id', 'name'])
    .where('status', '=', 'operating')
    .orderBy('id')
    .execute();
}

export async function districts(db: Q) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'district')
    .orderBy('path')
    .execute();
}

/** Whether the weekly report of a district, sector and week has been submitted. */
export async function weeklyReportSubmitted(
  db: Q,
  r: { campaignId: number; districtId: number; sector: string; weekTo: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('dispatch_reports')
    .select('id')
    .where('campaign_id', '=', r.campaignId)
    .where('district_id', '=', r.districtId)
    .where('sector', '=', r.sector)
    .where('kind', '=', 'weekly')
    .where('period_to', '=', r.weekTo)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return row !== undefined;
}

/** Open tips past their handling deadline. */
export async function overdueTips(db: Q, today: string) {
  return db
    .selectFrom('tips')
    .select([
      'id',
      'number',
      'subject',
      'district_id',
      'sector',
      'due_date',
      'assigned_user_id',
      'assigned_unit_id',
    ])
    .where('status', 'in', [...OPEN_TIP_STATUSES])
    .where('due_date', 'is not', null)
    .where('due_date', '<', today)
    .orderBy('id')
    .execute();
}
