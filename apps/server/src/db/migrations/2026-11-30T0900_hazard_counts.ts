import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen migration: hazard counts by (district, sector, status, level), kept by triggers on
// hazards (issue 11). A province dashboard and ledger list counted 2,000,000 hazards on every
// request (GROUP BY over the covering index: ~600 ms); the few thousand rows here answer the
// same counts in a few milliseconds. Triggers rather than app code, so that every write path (the
// services, the CLI, the benchmark generator's bulk inserts, a hand-run UPDATE) keeps them
// right, in the same transaction as the change. A counter may reach 0 and stay: readers skip
// empty groups. On PostgreSQL a transition locks its two counter rows until it commits; they are
// taken in key order so that two opposite transitions (rectifying → rectified and back) cannot
// deadlock.

const KEY = ['district_id', 'sector', 'status', 'level'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('hazard_counts')
    .addColumn('district_id', 'bigint', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('hazard_counts_pkey', [...KEY])
    .execute();
  await sql`
    INSERT INTO hazard_counts (district_id, sector, status, level, total)
    SELECT district_id, sector, status, level, count(*) FROM hazards
    GROUP BY district_id, sector, status, level`.execute(db);

  if (pg) {
    await sql`
      CREATE FUNCTION hazard_counts_track() RETURNS trigger AS $$
      DECLARE
        old_first boolean := TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND
          ROW(OLD.district_id, OLD.sector, OLD.status, OLD.level) <
          ROW(NEW.district_id, NEW.sector, NEW.status, NEW.level));
      BEGIN
        IF old_first THEN
          UPDATE hazard_counts SET total = total - 1
            WHERE district_id = OLD.district_id AND sector = OLD.sector
              AND status = OLD.status AND level = OLD.level;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO hazard_counts (district_id, sector, status, level, total)
            VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, 1)
            ON CONFLICT (district_id, sector, status, level)
            DO UPDATE SET total = hazard_counts.total + 1;
        END IF;
        IF TG_OP = 'UPDATE' AND NOT old_first THEN
          UPDATE hazard_counts SET total = total - 1
            WHERE district_id = OLD.district_id AND sector = OLD.sector
              AND status = OLD.status AND level = OLD.level;
        END IF;
        RETURN NULL;
      END;
      $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER hazard_counts_insert_delete AFTER INSERT OR DELETE ON hazards
      FOR EACH ROW EXECUTE FUNCTION hazard_counts_track()`.execute(db);
    await sql`CREATE TRIGGER hazard_counts_update
      AFTER UPDATE OF district_id, sector, status, level ON hazards
      FOR EACH ROW
      WHEN (OLD.district_id IS DISTINCT FROM NEW.district_id OR OLD.sector IS DISTINCT FROM NEW.sector
        OR OLD.status IS DISTINCT FROM NEW.status OR OLD.level IS DISTINCT FROM NEW.level)
      EXECUTE FUNCTION hazard_counts_track()`.execute(db);
    return;
  }
  // SQLite has one writer at a time: no lock order to keep.
  await sql`CREATE TRIGGER hazard_counts_insert AFTER INSERT ON hazards BEGIN
      INSERT INTO hazard_counts (district_id, sector, status, level, total)
        VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, 1)
        ON CONFLICT (district_id, sector, status, level)
        DO UPDATE SET total = hazard_counts.total + 1;
    END`.execute(db);
  await sql`CREATE TRIGGER hazard_counts_delete AFTER DELETE ON hazards BEGIN
      UPDATE hazard_counts SET total = total - 1
        WHERE district_id = OLD.district_id AND sector = OLD.sector
          AND status = OLD.status AND level = OLD.level;
    END`.execute(db);
  await sql`CREATE TRIGGER hazard_counts_update
      AFTER UPDATE OF district_id, sector, status, level ON hazards
      WHEN OLD.district_id IS NOT NEW.district_id OR OLD.sector IS NOT NEW.sector
        OR OLD.status IS NOT NEW.status OR OLD.level IS NOT NEW.level
    BEGIN
      UPDATE hazard_counts SET total = total - 1
        WHERE district_id = OLD.district_id AND sector = OLD.sector
          AND status = OLD.status AND level = OLD.level;
      INSERT INTO hazard_counts (district_id, sector, status, level, total)
        VALUES (NEW.district_id, NEW.sector, NEW.status, NEW.level, 1)
        ON CONFLICT (district_id, sector, status, level)
        DO UPDATE SET total = hazard_counts.total + 1;
    END`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`DROP TRIGGER IF EXISTS hazard_counts_update ON hazards`.execute(db);
    await sql`DROP TRIGGER IF EXISTS hazard_counts_insert_delete ON hazards`.execute(db);
    await sql`DROP FUNCTION IF EXISTS hazard_counts_track()`.execute(db);
  } else {
    for (const name of ['hazard_counts_update', 'hazard_counts_delete', 'hazard_counts_insert'])
      await sql`DROP TRIGGER IF EXISTS ${sql.raw(name)}`.execute(db);
  }
  await db.schema.dropTable('hazard_counts').ifExists().execute();
}
