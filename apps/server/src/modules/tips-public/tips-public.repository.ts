import type { Kysely, Transaction } from 'kysely';
import { REPORTER_VISIBLE_MESSAGE_KINDS } from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

/** An operating enterprise of the registry with its district, for a public tip. */
export function findOperatingEnterprise(db: Q, id: number) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.sector', 'e.org_unit_id', 'o.name as district_name'])
    .where('e.id', '=', id)
    .where('e.status', '=', 'operating')
    .executeTakeFirst();
}

/** A district org unit. */
export function findDistrict(db: Q, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('kind', '=', 'district')
    .executeTakeFirst();
}

/** Every district, in code order (the public form's list). */
export async function listDistricts(db: Q): Promise<{ id: number; name: string }[]> {
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('kind', '=', 'district')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}

/** Operating enterprises whose name contains `pattern` (a LIKE pattern), name and district only. */
export async function searchOperatingEnterprises(
  db: Q,
  pattern: string,
  like: 'like' | 'ilike',
  limit: number,
) {
  const rows = await db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(['e.id', 'e.name', 'e.org_unit_id', 'o.name as district_name'])
    .where('e.status', '=', 'operating')
    .where('e.name', like, pattern)
    .orderBy('e.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    districtId: Number(r.org_unit_id),
    districtName: r.district_name,
  }));
}

/** The tip a receipt code hash belongs to, with its district and enterprise names. */
export function findTipByReceiptHash(db: Q, receiptHash: string) {
  return db
    .selectFrom('tips as t')
    .innerJoin('org_units as d', 'd.id', 't.district_id')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .select([
      't.id',
      't.number',
      't.status',
      't.verification_result',
      't.received_at',
      't.subject',
      't.description',
      't.place',
      't.enterprise_text',
      't.anonymous',
      't.insider',
      'd.name as district_name',
      'e.name as enterprise_name',
    ])
    .where('t.receipt_hash', '=', receiptHash)
    .executeTakeFirst();
}
export type TipByCode = NonNullable<Awaited<ReturnType<typeof findTipByReceiptHash>>>;

/** The status history of a tip, oldest first. */
export function listTipEvents(db: Q, tipId: number) {
  return db
    .selectFrom('tip_events')
    .select(['id', 'from_status', 'to_status', 'at'])
    .where('tip_id', '=', tipId)
    .orderBy('id')
    .execute();
}

/**
 * The messages the reporter may see (never internal notes), with the author's unit and its
 * parent unit; never the author's name.
 */
export function listReporterVisibleMessages(db: Q, tipId: number) {
  return db
    .selectFrom('tip_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .leftJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .leftJoin('org_units as p', 'p.id', 'o.parent_id')
    .select([
      'm.id',
      'm.kind',
      'm.body',
      'm.created_at',
      'o.name as unit_name',
      'o.kind as unit_kind',
      'p.name as parent_unit_name',
    ])
    .where('m.tip_id', '=', tipId)
    .where('m.kind', 'in', [...REPORTER_VISIBLE_MESSAGE_KINDS])
    .orderBy('m.id')
    .execute();
}

/** A message of a tip by id and kind. */
export function findTipMessage(db: Q, tipId: number, messageId: number, kind: string) {
  return db
    .selectFrom('tip_messages')
    .select(['id', 'kind'])
    .where('tip_id', '=', tipId)
    .where('id', '=', messageId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** Every file of a tip (callers filter what the reporter may see). */
export function listTipFiles(db: Q, tipId: number) {
  return db
    .selectFrom('tip_files')
    .select([
      'id',
      'message_id',
      'storage_key',
      'file_name',
      'mime_type',
      'size_bytes',
      'from_reporter',
      'created_at',
    ])
    .where('tip_id', '=', tipId)
    .orderBy('id')
    .execute();
}

/** How many files the reporter has added to a tip. */
export async function countReporterFiles(db: Q, tipId: number): Promise<number> {
  const row = await db
    .selectFrom('tip_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tip_id', '=', tipId)
    .where('from_reporter', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Inserts a message; returns its id. */
export async function insertTipMessage(
  trx: Transaction<Database>,
  row: { tip_id: number; kind: string; body: string; created_at: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('tip_messages')
    .values({ ...row, author_user_id: null, author_name: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Inserts files the reporter uploaded. */
export async function insertReporterFiles(
  trx: Transaction<Database>,
  tipId: number,
  messageId: number | null,
  files: { storageKey: string; fileName: string; mimeType: string; sizeBytes: number }[],
  at: string,
): Promise<void> {
  if (files.length === 0) return;
  await trx
    .insertInto('tip_files')
    .values(
      files.map((f) => ({
        tip_id: tipId,
        message_id: messageId,
        storage_key: f.storageKey,
        file_name: f.fileName,
        mime_type: f.mimeType,
        size_bytes: f.sizeBytes,
        from_reporter: 1,
        created_at: at,
      })),
    )
    .execute();
}
