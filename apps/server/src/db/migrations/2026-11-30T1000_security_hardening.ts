import { type Kysely, sql } from 'kysely';

// Frozen migration: account and input hardening (issue 12). Imports nothing from the app.
// - users.totp_last_step: the last TOTP time step (Unix time / 30 s) accepted for the user, so a
//   code cannot be used twice (ASVS 2.8.4).
// - pow_spent: the proof-of-work challenges of the public tip page already spent. Kept in the
//   database rather than in process memory so that several server processes, and a restarted
//   one, all refuse a challenge spent once. Rows are useless after expires_at and are purged.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', sql.raw('bigint')).execute();
  await db.schema
    .createTable('pow_spent')
    .addColumn('challenge_id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pow_spent_expires').on('pow_spent').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pow_spent').ifExists().execute();
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
