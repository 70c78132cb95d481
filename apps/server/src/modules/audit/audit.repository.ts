import type { Kysely } from 'kysely';
import type { AuditRow, Database } from '../../db/schema.js';

export type AuditFilter = {
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  /** Only rows whose actor's org unit lies in this subtree (null: all, for the CLI). */
  territoryPath: string | null;
};

function filtered(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log as a');
  if (f.territoryPath !== null) {
    // Rows of actors outside the territory, and anonymous rows about users outside it, are hidden.
    q = q.where((eb) =>
      eb.or([
        eb(
          'a.org_unit_id',
          'in',
          eb.selectFrom('org_units').select('id').where('path', 'like', `${f.territoryPath}%`),
        ),
        eb.and([
          eb('a.actor_id', 'is', null),
          eb(
            'a.entity_id',
            'in',
            eb
              .selectFrom('users as u')
              .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
              .select((e) => e.cast<string>('u.id', 'text').as('id'))
              .where('o.path', 'like', `${f.territoryPath}%`),
          ),
        ]),
      ]),
    );
  }
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<=', f.to);
  return q;
}

/** One page of audit rows, newest first. */
export async function listAudit(
  db: Kysely<Database>,
  f: AuditFilter,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    filtered(db, f)
      .selectAll('a')
      .orderBy('a.seq', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Audit rows in chain order, in batches after `afterSeq`. */
export function auditBatch(
  db: Kysely<Database>,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
