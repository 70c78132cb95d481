import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { staleVersion } from '../../lib/app-error.js';
import type { RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';

// The staff module's records (staff, trainings, special-operation sessions) are edited and
// voided the same way: only if they still have the version the caller saw, with the audit
// entry in the same transaction. One path for all of them.

/** Writes `set` to record `id` if it still has `version`; false when it changed meanwhile. */
export type UpdateIfVersion<S> = (
  trx: Transaction<Database>,
  id: number,
  version: number,
  set: S,
) => Promise<boolean>;

type Target<S> = {
  id: number;
  version: number;
  update: UpdateIfVersion<S>;
  entityType: string;
  action: string;
};

/** Applies an edit and audits the changed columns (plus `extraChanges`, e.g. attendee lists). */
export async function updateVersioned<S extends object>(
  deps: ServiceDeps,
  ctx: RequestContext,
  target: Target<S> & { before: Record<string, unknown>; set: S },
  extraChanges: Record<string, [unknown, unknown]> = {},
  alsoInTransaction?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await inTransaction(deps, async (trx) => {
    if (!(await target.update(trx, target.id, target.version, target.set))) throw staleVersion();
    if (alsoInTransaction) await alsoInTransaction(trx);
    await deps.audit.append(trx, ctx, {
      action: target.action,
      entityType: target.entityType,
      entityId: target.id,
      changes: {
        ...diffRecords(target.before, { ...target.before, ...target.set }),
        ...extraChanges,
      },
    });
  });
}

/** Voids a record with a reason: it stays, marked, and leaves every count. */
export async function voidVersioned(
  deps: ServiceDeps,
  ctx: RequestContext,
  target: Target<{ voided_at: string; void_reason: string; updated_at: string }> & {
    reason: string;
  },
): Promise<void> {
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { voided_at: at, void_reason: target.reason, updated_at: at };
    if (!(await target.update(trx, target.id, target.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: target.action,
      entityType: target.entityType,
      entityId: target.id,
      changes: { voided_at: [null, at], void_reason: [null, target.reason] },
    });
  });
}
