import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: hazard_counts gains the origin (来源) in its key, so a ledger list filtered by
// origin takes its per-status counts from here too. That filter counted the territory's hazards
// row by row: ~4 ms for a district dataset's city on every list request, 100 ms for a province's
// city (bench, ledger list with `origin`). Same triggers as 2026-11-30T0900_hazard_counts, with
// the wider key; the table is rebuilt from the hazards in the same transaction.

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`DROP TRIGGER IF EXISTS hazard_counts_update ON hazards`.execute(db);
    await sql`DROP TRIGGER IF EXISTS hazard_counts_insert_delete ON hazards`.execute(db);
    await sql`DROP FUNCTION IF EXISTS hazard_counts_track()`.execute(db);
  } else {
    for (const name of ['hazard_counts_update', 'hazard_counts_delete', 'hazard_counts_insert'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
  await db.schema.dropTable('hazard_counts').execute();
  await db.schema
    .createTable('hazard_counts')
    .addColumn('district_id', 'bigint', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_counts_pkey', [
      'district_id',
      'sector',
      'status',
      'level',
      'origin',
    ])
    .execute();
  await sql`
    INSERT INTO hazard_counts (district_id, sector, status, level, origin, total)
    SELECT district_id, sector, status, level, origin, count(*) FROM hazards
    GROUP BY district_id, sector, status, level, origin`.execute(db);

  if (pg) {
    // Counter rows are taken in key order so that two opposite transitions cannot deadlock.
    await sql`
      CREATE FUNCTION hazard_counts_track() RETURNS trigger AS $$
      DECLARE
        old_first boolean := TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND
          ROW(OLD.district_id, OLD.sector, OLD.status, OLD.level, OLD.origin) <
          ROW(NEW.district_id, NEW.sector, NEW.status, NEW.level, NEW.origin));
      BEGIN
        IF old_first THEN
          UPDATE hazard_counts SET total = total - 1
            WHERE district_id = OLD.district_id AND sector = OLD.sector
              AND status = OLD.status AND level = OLD.level AND origin = OLD.origin;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO hazard_counts (district_id, sector, status, level, origin, total)
            VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, NEW.origin, 1)
            ON CONFLICT (district_id, sector, status, level, origin)
            DO UPDATE SET total = hazard_counts.total + 1;
        END IF;
        IF TG_OP = 'UPDATE' AND NOT old_first THEN
          UPDATE hazard_counts SET total = total - 1
            WHERE district_id = OLD.district_id AND sector = OLD.sector
              AND status = OLD.status AND level = OLD.level AND origin = OLD.origin;
        END IF;
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER hazard_counts_insert_delete AFTER INSERT OR DELETE ON hazards
      FOR EACH ROW EXECUTE FUNCTION hazard_counts_track()`.execute(db);
    await sql`CREATE TRIGGER hazard_counts_update
      AFTER UPDATE OF district_id, sector, status, level, origin ON hazards
      FOR EACH ROW
      WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.sector IS DISTINCT FROM NEW.sector
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.level IS DISTINCT FROM NEW.level
        OR OLD.origin IS DISTINCT FROM NEW.origin)
      EXECUTE FUNCTION hazard_counts_track()`.execute(db);
    return;
  }
  await sql`CREATE TRIGGER hazard_counts_insert AFTER INSERT ON hazards BEGIN
      INSERT INTO hazard_counts (district_id, sector, status, level, origin, total)
        VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, NEW.origin, 1)
        ON CONFLICT (district_id, sector, status, level, origin)
        DO UPDATE SET total = hazard_counts.total + 1;
    END`.execute(db);
  await sql`CREATE TRIGGER hazard_counts_delete AFTER DELETE ON hazards BEGIN
      UPDATE hazard_counts SET total = total - 1
        WHERE district_id = OLD.district_id AND sector = OLD.sector
          AND status = OLD.status AND level = OLD.level AND origin = OLD.origin;
    END`.execute(db);
  await sql`CREATE TRIGGER hazard_counts_update
      AFTER UPDATE OF district_id, sector, status, level, origin ON hazards
      WHEN OLD.district_id IS NOT NEW.district_id OR OLD.sector IS NOT NEW.sector
        OR OLD.status IS NOT NEW.status OR OLD.level IS NOT NEW.level
        OR OLD.origin IS NOT NEW.origin
    BEGIN
      UPDATE hazard_counts SET total = total - 1
        WHERE district_id = OLD.district_id AND sector = OLD.sector
          AND status = OLD.status AND level = OLD.level AND origin = OLD.origin;
      INSERT INTO hazard_counts (district_id, sector, status, level, origin, total)
        VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, NEW.origin, 1)
        ON CONFLICT (district_id, sector, status, level, origin)
        DO UPDATE SET total = hazard_counts.total + 1;
    END`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore a backup instead.');
}
