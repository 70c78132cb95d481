import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: safety informants (安全生产信息员) and reward cases (举报奖励), issue 8.
// An informant's name and phone are sealed like a reporter's identity (AES-256-GCM, key from the
// server configuration) in `identity_sealed`; everywhere else the informant appears by `code`.
// A reward case belongs to one tip (unique) and keeps the amount the rules computed next to the
// amount proposed; its history is in reward_events. Money is integer fen.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = sql.raw(pg ? 'bigserial' : 'integer');
  const id = (c: ColumnDefinitionBuilder) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('informants')
    .addColumn('id', idType, id)
    /** 信息员编号, e.g. XXY0007: shown instead of the name. */
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    /** Sealed JSON {name, phone}. */
    .addColumn('identity_sealed', 'text', (c) => c.notNull())
    /** JSON array of sectors, sorted. */
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    .addColumn('enterprise_id', 'bigint', (c) => c.references('enterprises.id'))
    /** The area covered when not one enterprise (园区、片区…). */
    .addColumn('area', 'text')
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    /** The informant's login (role informant), when one was created. */
    .addColumn('user_id', 'bigint', (c) => c.unique().references('users.id'))
    .addColumn('created_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('informants_district')
    .on('informants')
    .columns(['district_id', 'active'])
    .execute();

  await db.schema
    .createTable('reward_cases')
    .addColumn('id', idType, id)
    .addColumn('tip_id', 'bigint', (c) => c.notNull().unique().references('tips.id'))
    .addColumn('district_id', 'bigint', (c) => c.notNull().references('org_units.id'))
    /** major_hazard / violation / general_hazard: the tier that applied. */
    .addColumn('finding', 'text', (c) => c.notNull())
    /** The fine the amount was computed from (fen). */
    .addColumn('fine_fen', 'bigint', (c) => c.notNull())
    /** What the rules gave (fen). */
    .addColumn('computed_fen', 'bigint', (c) => c.notNull())
    /** The amount proposed and, once approved, granted (fen). */
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    /** Why the amount differs from the rules' figure. */
    .addColumn('amount_reason', 'text')
    /** The name of the rules that computed it. */
    .addColumn('rules_name', 'text', (c) => c.notNull())
    /** proposed / approved / paid / rejected (domain table). */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'bigint', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_by_name', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('amended_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('approved_by', 'bigint', (c) => c.references('users.id'))
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    /** Date of payment (China calendar day), method and voucher number. */
    .addColumn('paid_on', 'text')
    .addColumn('payment_method', 'text')
    .addColumn('voucher_no', 'text')
    .addColumn('paid_recorded_at', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reward_cases_district_status')
    .on('reward_cases')
    .columns(['district_id', 'status'])
    .execute();

  await db.schema
    .createTable('reward_events')
    .addColumn('id', idType, id)
    .addColumn('case_id', 'bigint', (c) => c.notNull().references('reward_cases.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'bigint')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    /** JSON details (amounts before/after, payment record). */
    .addColumn('details', 'text')
    /** The Idempotency-Key of the request: a repeat with the same key changes nothing. */
    .addColumn('idempotency_key', 'text')
    .execute();
  await db.schema
    .createIndex('reward_events_case')
    .on('reward_events')
    .columns(['case_id', 'id'])
    .execute();
  await db.schema
    .createIndex('reward_events_idempotency')
    .on('reward_events')
    .columns(['case_id', 'idempotency_key'])
    .unique()
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['reward_events', 'reward_cases', 'informants']) {
    await db.schema.dropTable(t).execute();
  }
}
