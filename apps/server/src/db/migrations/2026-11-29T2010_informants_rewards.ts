import type { Kysely } from 'kysely';

// Placeholder: tables of informants and rewards (issue 8) are created here.

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
