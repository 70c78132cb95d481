import type { Kysely, Transaction } from 'kysely';
import type { Database, NewUser, UserRow, UserUpdate } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

export type UserListFilter = {
  territoryPath: string;
  q?: string;
  role?: string;
  orgUnitId?: number;
  status?: string;
  like: 'like' | 'ilike';
};

export const USER_SORT_COLUMNS = {
  username: 'u.username',
  displayName: 'u.display_name',
  role: 'u.role',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
} as const;
export type UserSortKey = keyof typeof USER_SORT_COLUMNS;

function baseQuery(db: Q) {
  return db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .leftJoin('enterprises as e', 'e.id', 'u.enterprise_id');
}

const VIEW_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.role',
  'u.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'u.sectors',
  'u.enterprise_id',
  'e.name as enterprise_name',
  'u.phone',
  'u.certificate_no',
  'u.status',
  'u.totp_enabled',
  'u.locked_until',
  'u.last_login_at',
  'u.created_at',
  'u.version',
] as const;

function filtered(db: Q, f: UserListFilter) {
  let q = baseQuery(db).where('o.path', 'like', `${f.territoryPath}%`);
  if (f.q) {
    const pattern = `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('u.username', f.like, pattern), eb('u.display_name', f.like, pattern)]),
    );
  }
  if (f.role) q = q.where('u.role', '=', f.role);
  if (f.orgUnitId) q = q.where('u.org_unit_id', '=', f.orgUnitId);
  if (f.status) q = q.where('u.status', '=', f.status);
  return q;
}

/** One page of users in a territory, with the total count. */
export async function listUsers(
  db: Q,
  f: UserListFilter,
  page: { offset: number; limit: number; sort: UserSortKey; order: 'asc' | 'desc' },
) {
  const [items, count] = await Promise.all([
    filtered(db, f)
      .select(VIEW_COLUMNS)
      .orderBy(USER_SORT_COLUMNS[page.sort], page.order)
      .orderBy('u.id', 'asc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export type UserViewRow = Awaited<ReturnType<typeof listUsers>>['items'][number];

/** A user with its org unit and enterprise names. */
export function findUserView(db: Q, id: number): Promise<UserViewRow | undefined> {
  return baseQuery(db).select(VIEW_COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

/** The raw user row. */
export function findUserRow(db: Q, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether a username is taken. */
export async function usernameExists(db: Q, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a user and returns its id. */
export async function insertUser(db: Q, row: NewUser): Promise<number> {
  const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a user if its version still matches; returns whether a row changed. */
export async function updateUserIfVersion(
  db: Q,
  id: number,
  version: number,
  set: UserUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
