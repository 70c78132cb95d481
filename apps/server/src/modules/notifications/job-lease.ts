import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addMinutes, nowIso } from '../../lib/time.js';

// A lease row in job_leases lets one app instance among several on the same database run a
// job. Taking it is one INSERT … ON CONFLICT DO UPDATE … WHERE expired statement, which both
// SQLite and PostgreSQL execute atomically: of two instances racing, exactly one row version
// names the winner. A crashed holder's lease simply expires.

/** Takes the lease `name` for `holder` if it is free or expired; true when taken. */
export async function tryAcquireLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  ttlMinutes: number,
): Promise<boolean> {
  const now = nowIso();
  const expiresAt = addMinutes(now, ttlMinutes);
  await db
    .insertInto('job_leases')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where('job_leases.expires_at', '<', now),
    )
    .execute();
  const row = await db
    .selectFrom('job_leases')
    .select('holder')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.holder === holder;
}

/** Gives the lease back early (only if still held by `holder`). */
export async function releaseLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
): Promise<void> {
  await db
    .updateTable('job_leases')
    // An instant in the past: free at once, whatever the clocks of the other instances say.
    .set({ expires_at: '1970-01-01T00:00:00.000Z' })
    .where('name', '=', name)
    .where('holder', '=', holder)
    .execute();
}
