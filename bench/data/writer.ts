// Bulk writing for the dataset generator. Every row is typed with the app's table types
// (Insertable<Database[T]>, so a schema change the generator misses fails the typecheck) and
// written as multi-row INSERTs committed in large transactions: on PostgreSQL through the app's
// Kysely database layer on one pinned connection; on SQLite through the app's own better-sqlite3
// handle settings with one prepared statement per table and batch size (Kysely prepares every
// statement afresh, which at 20 million rows is a fifth of the time). Row ids are assigned by the
// generator, which keeps it dialect-neutral and lets later rows refer to earlier ones without a
// round trip; PostgreSQL's id sequences are moved past them at the end.
import type SQLite from 'better-sqlite3';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { DialectName } from '../../apps/server/src/db/dialect.js';
import type { Database } from '../../apps/server/src/db/schema.js';
import {
  type AuditHashAlgorithm,
  GENESIS_HASH,
  hashAuditRow,
} from '../../apps/server/src/modules/audit/audit.writer.js';

type TableName = keyof Database;

/**
 * Tables in the order their rows may be written: a row may refer only to tables before its own.
 * Before a batch is written, the queued rows of every earlier table are written, so foreign keys
 * (checked at once on both databases) always find their targets.
 */
const WRITE_ORDER: readonly TableName[] = [
  'org_units',
  'enterprises',
  'users',
  'campaigns',
  'inspection_plans',
  'hazards',
  'hazard_events',
  'inspection_records',
  'inspection_record_inspectors',
  'penalty_cases',
  'penalty_case_parties',
  'enforcement_measures',
  'self_inspections',
  'leader_inspections',
  'emergency_drills',
  'tips',
  'tip_events',
  'reward_cases',
  'hazard_numbers',
  'inspection_record_numbers',
  'penalty_case_numbers',
  'dispatch_reports',
  'dispatch_report_versions',
  'audit_log',
];

/** Rows between commits: large enough to amortise a commit, small enough to bound the WAL. */
const ROWS_PER_TRANSACTION = 200_000;

type Row = Record<string, unknown>;

/** Where batches go: raw SQL, queries and multi-row inserts on one connection. */
interface Backend {
  readonly dialect: DialectName;
  exec(text: string): Promise<void>;
  query<R>(text: string): Promise<R[]>;
  insert(table: TableName, rows: Row[]): Promise<void>;
}

export class KyselyBackend implements Backend {
  readonly dialect: DialectName;
  constructor(
    private readonly conn: Kysely<Database>,
    dialect: DialectName,
  ) {
    this.dialect = dialect;
  }
  async exec(text: string): Promise<void> {
    await sql.raw(text).execute(this.conn);
  }
  async query<R>(text: string): Promise<R[]> {
    return (await sql.raw<R>(text).execute(this.conn)).rows;
  }
  async insert(table: TableName, rows: Row[]): Promise<void> {
    await this.conn.insertInto(table).values(rows).execute();
  }
}

export class SqliteBackend implements Backend {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, SQLite.Statement>();
  constructor(private readonly handle: SQLite.Database) {}
  exec(text: string): Promise<void> {
    this.handle.exec(text);
    return Promise.resolve();
  }
  query<R>(text: string): Promise<R[]> {
    return Promise.resolve(this.handle.prepare(text).all() as R[]);
  }
  insert(table: TableName, rows: Row[]): Promise<void> {
    const columns = Object.keys(rows[0]!);
    const key = `${table}|${rows.length}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = this.handle.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows.length).fill(tuple).join(', ')}`,
      );
      this.statements.set(key, statement);
    }
    const values: unknown[] = [];
    for (const row of rows) for (const column of columns) values.push(row[column] ?? null);
    statement.run(values);
    return Promise.resolve();
  }
}

export class BatchWriter {
  private readonly buffers = new Map<TableName, Row[]>();
  private readonly nextIds = new Map<TableName, number>();
  private readonly written = new Map<TableName, number>();
  private sinceCommit = 0;
  private droppedIndexes: { name: string; definition: string }[] = [];

  constructor(private readonly backend: Backend) {}

  get dialect(): DialectName {
    return this.backend.dialect;
  }

  /**
   * Prepares the bulk load: the secondary indexes of the tables it fills are dropped (and built
   * again, from sorted data, in finish() — several times faster than maintaining them row by
   * row), SQLite's durability is relaxed, and the first transaction starts.
   */
  async begin(options: { dropIndexes: boolean } = { dropIndexes: true }): Promise<void> {
    if (this.dialect === 'sqlite') {
      await this.backend.exec('PRAGMA synchronous = OFF');
      await this.backend.exec('PRAGMA cache_size = -200000');
    }
    this.droppedIndexes = options.dropIndexes ? await this.secondaryIndexes() : [];
    for (const index of this.droppedIndexes) await this.backend.exec(`DROP INDEX "${index.name}"`);
    await this.backend.exec('BEGIN');
  }

  /** Indexes of the filled tables that are not a primary key or constraint, with their DDL. */
  private async secondaryIndexes(): Promise<{ name: string; definition: string }[]> {
    const tables = WRITE_ORDER.map((t) => `'${t}'`).join(', ');
    if (this.dialect === 'sqlite') {
      const rows = await this.backend.query<{ name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables})`,
      );
      return rows.map((r) => ({ name: r.name, definition: r.sql }));
    }
    const rows = await this.backend.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename IN (${tables})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    return rows.map((r) => ({ name: r.indexname, definition: r.indexdef }));
  }

  /** Carries on where an earlier writer on the same database stopped (ids and counts). */
  continueFrom(earlier: BatchWriter): void {
    for (const [table, id] of earlier.nextIds) this.nextIds.set(table, id);
    for (const [table, rows] of earlier.written) this.written.set(table, rows);
  }

  /** The next id of a table (ids start at 1 on the empty tables the generator fills). */
  nextId(table: TableName): number {
    const id = (this.nextIds.get(table) ?? 0) + 1;
    this.nextIds.set(table, id);
    return id;
  }

  /** Queues one row; flushes the table's batch when full. */
  async add<T extends TableName>(table: T, row: Insertable<Database[T]>): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(row);
    if (buffer.length >= this.batchSize(row)) await this.flushThrough(table);
  }

  /** Rows of a table written so far (flushed or queued). */
  count(table: TableName): number {
    return (this.written.get(table) ?? 0) + (this.buffers.get(table)?.length ?? 0);
  }

  /** Rows written (flushed or queued) per table, for every table that has any. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const table of WRITE_ORDER) if (this.count(table) > 0) out[table] = this.count(table);
    return out;
  }

  /** Writes every queued row, commits and builds the dropped indexes again. */
  async finish(onIndex?: (done: number, total: number) => void): Promise<void> {
    for (const table of WRITE_ORDER) await this.flush(table);
    await this.backend.exec('COMMIT');
    for (const [i, index] of this.droppedIndexes.entries()) {
      await this.backend.exec(index.definition);
      onIndex?.(i + 1, this.droppedIndexes.length);
    }
    if (this.dialect === 'postgres') {
      for (const table of this.nextIds.keys()) {
        await this.backend.exec(`SELECT setval(pg_get_serial_sequence('${table}', 'id'),
            (SELECT COALESCE(MAX(id), 1) FROM "${table}"))`);
      }
    }
  }

  private batchSize(row: object): number {
    // Bound parameters per statement: SQLite allows 32,766, PostgreSQL 65,535.
    const limit = this.dialect === 'sqlite' ? 30_000 : 60_000;
    return Math.max(1, Math.min(1_000, Math.floor(limit / Object.keys(row).length)));
  }

  /** Writes the queued rows of `table` and, first, of every table it may refer to. */
  private async flushThrough(table: TableName): Promise<void> {
    const position = WRITE_ORDER.indexOf(table);
    if (position < 0) throw new Error(`bench writer: ${table} has no place in WRITE_ORDER`);
    for (const earlier of WRITE_ORDER.slice(0, position + 1)) await this.flush(earlier);
  }

  private async flush(table: TableName): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows?.length) return;
    this.buffers.set(table, []);
    await this.backend.insert(table, rows);
    this.written.set(table, (this.written.get(table) ?? 0) + rows.length);
    this.sinceCommit += rows.length;
    if (this.sinceCommit >= ROWS_PER_TRANSACTION) {
      await this.backend.exec('COMMIT');
      await this.backend.exec('BEGIN');
      this.sinceCommit = 0;
    }
  }
}

export type AuditActor = { id: number | null; name: string; role: string | null; orgUnitId: number | null };

/**
 * The audit chain of the dataset, hashed exactly as the app's AuditWriter does (same canonical
 * text and algorithm), so `cli audit:verify` accepts the generated log.
 */
export class AuditChain {
  private seq = 0;
  private prevHash = GENESIS_HASH;

  constructor(
    private writer: BatchWriter,
    private readonly algorithm: AuditHashAlgorithm,
  ) {}

  /** Appends through another writer from now on (a later phase of the load). */
  useWriter(writer: BatchWriter): void {
    this.writer = writer;
  }

  async append(
    at: string,
    actor: AuditActor,
    action: string,
    entityType: string,
    entityId: number,
    changes: Record<string, unknown> | null = null,
  ): Promise<void> {
    const fields = {
      seq: ++this.seq,
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      org_unit_id: actor.orgUnitId,
      ip: null,
      request_id: null,
      action,
      entity_type: entityType,
      entity_id: String(entityId),
      changes: changes ? JSON.stringify(changes) : null,
      prev_hash: this.prevHash,
    };
    this.prevHash = hashAuditRow(fields, this.algorithm);
    const id = this.writer.nextId('audit_log');
    await this.writer.add('audit_log', { id, ...fields, hash: this.prevHash });
  }
}
