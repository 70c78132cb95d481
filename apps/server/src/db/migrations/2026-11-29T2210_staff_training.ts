import type { Kysely } from 'kysely';

// Frozen migration placeholder (issue 10): being built.

export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
