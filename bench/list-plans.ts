// The plans of the list queries (issue 11 §3: "keep the plans of the heavy queries in
// bench/plans/ so regressions show in review"). Runs the server's own repository functions —
// the ledger's listHazardPage and countByStatus, the enterprise list's listEnterprises — for the
// filter shapes and sorts `npm run bench` sends (bench/lib/reads.ts: ledgerList, enterpriseList),
// for a district's bureau (the manifest's district) and a city's (every district under the
// manifest's city), page 3 of 20. Each query is timed (median of --runs after one warm-up) and
// written with its SQL and EXPLAIN QUERY PLAN to bench/plans/ledger-<scope>.txt and
// bench/plans/enterprise-list-<scope>.txt; the slowest are printed. The choices are seeded, so a
// rerun sends the same queries and only a changed plan (or time) shows in the diff.
// With --pg the same calls run on the PostgreSQL dataset (bench:data --pg) on one connection, with
// ILIKE as the server uses there, and are written with EXPLAIN (COSTS OFF) to bench/plans/pg/; a
// query that runs past the statement timeout (30 s) is written as timed out, and the run goes on.
// Run: npm run bench:plans [-- --scale province --runs 5 --pg]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, sql, SqliteDialect } from 'kysely';
import { HAZARD_ORIGINS } from '@hazard-ledger/domain';
import { DEFAULT_SQLITE_TUNING } from '../apps/server/src/config.js';
import { createDialect, likeOperator, withStatementCache } from '../apps/server/src/db/dialect.js';
import type { Database } from '../apps/server/src/db/schema.js';
import {
  type EnterpriseFilter,
  type EnterpriseScope,
  type EnterpriseSortKey,
  listEnterprises,
} from '../apps/server/src/modules/enterprises/enterprises.repository.js';
import {
  countByStatus,
  type HazardFilter,
  type HazardScope,
  type HazardSortKey,
  listHazardPage,
} from '../apps/server/src/modules/hazards/hazards.repository.js';
import { districtIdsUnder } from '../apps/server/src/modules/org/org.repository.js';
import { todayInChina } from '../apps/server/src/lib/time.js';
import {
  type DatasetManifest,
  DEFAULT_BENCH_DIR,
  manifestPath,
  readManifest,
  type Scale,
  SCALES,
} from './data/manifest.js';
import {
  ownTimesMs,
  pgPlanTree,
  planTree,
  type ProfiledQuery,
  QueryProfile,
} from './lib/query-profile.js';
import { type Random, randomOf } from './lib/random.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    dir: { type: 'string', default: DEFAULT_BENCH_DIR },
    /** Timed runs of each query after its warm-up (the median is written). */
    runs: { type: 'string', default: '5' },
    /** The PostgreSQL dataset (pg-<scale>.manifest.json) instead of SQLite's. */
    pg: { type: 'boolean', default: false },
  },
});

/** PostgreSQL's statement_timeout for the run: a slower query is written as timed out. */
const PG_STATEMENT_TIMEOUT_S = 30;

/** The page `npm run bench` reads most in the middle of its 1–5 range: page 3 of 20. */
const PAGE = { offset: 40, limit: 20 } as const;
/** The sorts of bench/lib/reads.ts (ledgerList, enterpriseList). */
const LEDGER_SORTS: readonly HazardSortKey[] = [
  'foundAt',
  'deadline',
  'updatedAt',
  'number',
  'level',
  'status',
];
const ENTERPRISE_SORTS: readonly EnterpriseSortKey[] = [
  'name',
  'creditCode',
  'updatedAt',
  'employees',
];
const ORDERS = ['asc', 'desc'] as const;

type ScopeName = 'district' | 'city';
type Db = Kysely<Database>;
type Like = HazardFilter['like'];

/** One call of a repository function, with the filter and sort it was given. */
type ListCase = {
  /** The filter, as `key=value` pairs. */
  filter: string;
  /** What the page query is sorted by, e.g. `deadline desc` (counts: what they count). */
  sort: string;
  /** Calls the repository; says how many hazards or enterprises match, when the call counts. */
  run: (db: Db) => Promise<{ matching?: string }>;
};

/** A query of a case, timed. */
type MeasuredQuery = {
  title: string;
  sql: string;
  parameters: readonly unknown[];
  /** null: the query ran past the statement timeout. */
  medianMs: number | null;
  /** null: the query ran past the statement timeout. */
  rows: number | null;
  /** For a count: what it counted (a page of 0 rows reads as "fewer than 41 match"). */
  matching?: string;
  /** Another query of the same call timed out: this one's time is from that one run. */
  callTimedOut?: true;
};

/** A query that PostgreSQL cancelled at the statement timeout, as Kysely's log reports it. */
type CancelledQuery = { sql: string; parameters: readonly unknown[]; start: number; end: number };

/** The database a run reads, as the cases and the plan files need it. */
type Dataset = {
  db: Db;
  /** Filled by the database's log as queries time out (SQLite: stays empty). */
  cancelled: CancelledQuery[];
  like: Like;
  /** The plan of a query as indented lines (planTree or pgPlanTree). */
  plan: (sql: string, parameters: readonly unknown[]) => Promise<string[]>;
  /** Where plans are written, under the repository. */
  plansDir: string;
  /** The header's words for the database: after the list's name, and after the seed. */
  engine: string;
  location: string;
  /** The header's lines on how the times were taken. */
  timing: (runs: number) => string[];
};

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function describeFilter(filter: object): string {
  return Object.entries(filter)
    .filter(([key, value]) => value !== undefined && key !== 'today' && key !== 'like')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

/**
 * The ledger cases: the seven filter shapes of ledgerList (reads.ts), their random parts drawn
 * once per shape so the six sorts of a shape share its per-status counts, as the server's count
 * memo shares them between the pages and sorts of one list.
 */
function ledgerCases(
  manifest: DatasetManifest,
  scope: HazardScope,
  today: string,
  like: Like,
  r: Random,
): ListCase[] {
  const { sectors, report, ids } = manifest;
  const shapes: Omit<HazardFilter, 'today' | 'like'>[] = [
    {
      sector: r.pick(sectors),
      status: r.pick(['reported', 'rectifying', 'verified', 'rectified']),
    },
    { level: 'major', overdue: true },
    { status: r.pick(['rectifying', 'planned']), origin: r.pick(HAZARD_ORIGINS) },
    { supervised: true, sector: r.pick(sectors) },
    {
      foundFrom: `${report.year}-01-01`,
      foundTo: `${report.year}-06-30`,
      level: r.pick(['major', 'general']),
    },
    { districtId: ids.district, status: r.pick(['reported', 'planned', 'rectifying']) },
    { status: 'rectifying', overdue: true, sector: r.pick(sectors) },
  ];
  return shapes.flatMap((shape) => {
    const filter: HazardFilter = { ...shape, today, like };
    const counts: ListCase = {
      filter: describeFilter(shape),
      sort: 'counts by status',
      run: async (db) => ({
        matching: Object.entries(await countByStatus(db, scope, filter))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, n]) => `${status} ${n}`)
          .join(', '),
      }),
    };
    const pages = LEDGER_SORTS.map((sort): ListCase => {
      const order = r.pick(ORDERS);
      return {
        filter: describeFilter(shape),
        sort: `${sort} ${order}`,
        run: async (db) => {
          await listHazardPage(db, scope, filter, { ...PAGE, sort, order });
          return {};
        },
      };
    });
    return [counts, ...pages];
  });
}

/**
 * Fragments of the scope's real enterprise names (2–4 characters of the first 200 by name, as
 * reads.ts takes them from the list), so the search looks for what people type.
 */
async function nameFragments(
  db: Db,
  scope: EnterpriseScope,
  like: Like,
  r: Random,
): Promise<string[]> {
  const { items } = await listEnterprises(
    db,
    scope,
    { like },
    { offset: 0, limit: 200, sort: 'name', order: 'asc' },
  );
  if (items.length === 0) fail('the scope has no enterprises to take name fragments from');
  return Array.from({ length: 20 }, () => {
    const chars = [...r.pick(items).name];
    const length = Math.min(chars.length, r.int(2, 4));
    const start = r.int(0, chars.length - length);
    return chars.slice(start, start + length).join('');
  });
}

/**
 * The enterprise list cases: enterpriseList's three filter shapes (reads.ts) × its four sorts. A
 * name search draws its fragment per case, so a few real fragments are tried; the total count of
 * a shape without one is the same for every sort and is written once.
 */
function enterpriseCases(
  manifest: DatasetManifest,
  scope: EnterpriseScope,
  fragments: string[],
  like: Like,
  r: Random,
): ListCase[] {
  const sector = r.pick(manifest.sectors);
  const shapes: (() => Omit<EnterpriseFilter, 'like'>)[] = [
    () => ({ q: r.pick(fragments) }),
    () => ({ sector }),
    () => ({ q: r.pick(fragments), sector: r.pick(manifest.sectors) }),
  ];
  return shapes.flatMap((shape) =>
    ENTERPRISE_SORTS.map((sort): ListCase => {
      const filter: EnterpriseFilter = { ...shape(), like };
      const order = r.pick(ORDERS);
      return {
        filter: describeFilter(filter),
        sort: `${sort} ${order}`,
        run: async (db) => {
          const { total } = await listEnterprises(db, scope, filter, { ...PAGE, sort, order });
          return { matching: `${total} enterprises` };
        },
      };
    }),
  );
}

/** What a query of a list call does: the page's rows, or a count. */
function queryRole(query: ProfiledQuery, listCase: ListCase): string {
  if (query.sql.includes('from "hazard_counts"')) return 'counts by status (from hazard_counts)';
  if (query.sql.includes('group by')) return 'counts by status (grouping the matches)';
  if (query.sql.includes('count(*)')) return 'total';
  return listCase.sort;
}

/**
 * PostgreSQL's answer to a statement that ran past statement_timeout: query_canceled (by the code,
 * not the message, which follows the server's lc_messages; nothing else cancels queries here).
 */
function isStatementTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '57014'
  );
}

/**
 * A call that ran past the statement timeout, from the run it timed out in: the queries that
 * finished with their own time in that run, those that were cancelled as timed out. The call is
 * not run again (each try would take the whole timeout).
 */
async function timedOutCall(
  db: Db,
  profile: QueryProfile,
  cancelled: CancelledQuery[],
  listCase: ListCase,
): Promise<MeasuredQuery[]> {
  // The call's other queries may still be queued on the connection: one more query runs after
  // them, so that every query of the call has finished or been cancelled before the next call.
  await sql`select 1`.execute(db);
  const all = [
    ...profile.queries.map((q) => ({ ...q, timedOut: false })),
    ...cancelled.splice(0).map((q) => ({ ...q, label: '', rows: 0, timedOut: true })),
  ].sort((a, b) => a.end - b.end);
  const own = ownTimesMs(all);
  return all.map((query, i) => ({
    title: `${listCase.filter} / ${queryRole(query, listCase)}`,
    sql: query.sql,
    parameters: query.parameters,
    medianMs: query.timedOut ? null : own[i]!,
    rows: query.timedOut ? null : query.rows,
    ...(query.timedOut ? {} : { callTimedOut: true as const }),
  }));
}

/**
 * Runs a case once to warm the caches, then `runs` times, and takes each query's median own time
 * (a call's queries run one after another on the one connection, like the server's).
 */
async function measure(
  db: Db,
  cancelled: CancelledQuery[],
  listCase: ListCase,
  runs: number,
): Promise<MeasuredQuery[]> {
  const { profile, db: profiled } = QueryProfile.of(db);
  // A call whose query timed out is written from that run alone (an array of its queries).
  const runOnce = async (): Promise<{ matching?: string } | MeasuredQuery[]> => {
    cancelled.length = 0;
    try {
      return await listCase.run(profiled);
    } catch (e) {
      if (!isStatementTimeout(e)) throw e;
      return timedOutCall(db, profile, cancelled, listCase);
    }
  };
  let result = await runOnce();
  if (Array.isArray(result)) return result;
  const samples: number[][] = [];
  let last: ProfiledQuery[] = [];
  for (let run = 0; run < runs; run++) {
    profile.queries.length = 0;
    result = await runOnce();
    if (Array.isArray(result)) return result;
    last = [...profile.queries];
    ownTimesMs(last).forEach((ms, i) => (samples[i] ??= []).push(ms));
  }
  const { matching } = result;
  return last.map((query, i) => {
    const role = queryRole(query, listCase);
    return {
      title: `${listCase.filter} / ${role}`,
      sql: query.sql,
      parameters: query.parameters,
      medianMs: median(samples[i]!),
      rows: query.rows,
      ...(role === listCase.sort ? {} : { matching }),
    };
  });
}

/** Measures the cases; a query already measured (the same SQL and values) is written once. */
async function measureAll(
  { db, cancelled }: Pick<Dataset, 'db' | 'cancelled'>,
  cases: ListCase[],
  runs: number,
): Promise<MeasuredQuery[]> {
  const seen = new Set<string>();
  const measured: MeasuredQuery[] = [];
  for (const listCase of cases) {
    for (const query of await measure(db, cancelled, listCase, runs)) {
      const key = JSON.stringify([query.sql, query.parameters]);
      if (seen.has(key)) continue;
      seen.add(key);
      measured.push(query);
    }
  }
  return measured;
}

/** What a plan file says of a query's time: its median, or that it timed out. */
function timeOf(q: MeasuredQuery): string {
  if (q.medianMs === null) return `timed out after ${PG_STATEMENT_TIMEOUT_S} s`;
  const note = q.callTimedOut ? ' (1 run: another query of the call timed out)' : '';
  return `${q.medianMs.toFixed(1)} ms${note}, ${q.rows} rows`;
}

async function writePlans(
  file: string,
  header: string[],
  queries: MeasuredQuery[],
  plan: Dataset['plan'],
): Promise<void> {
  const lines = header.map((line) => `-- ${line}`.trimEnd());
  lines.push('');
  for (const q of queries) {
    const matching = q.matching ? ` (${q.matching})` : '';
    lines.push(`-- ${q.title}: ${timeOf(q)}${matching}`, q.sql);
    lines.push(...(await plan(q.sql, q.parameters)), '');
  }
  // The last plan ends with an empty entry, so the file ends in one newline.
  fs.writeFileSync(file, lines.join('\n'));
}

const repoRoot = path.resolve(import.meta.dirname, '..');

/**
 * The SQLite dataset, read-only, so the shared dataset is never written; otherwise the server's
 * SQLite settings (page cache, no memory map, a statement cache), which the plans and times
 * depend on.
 */
async function withSqlite(
  manifest: DatasetManifest,
  body: (dataset: Dataset) => Promise<void>,
): Promise<void> {
  const handle = new SQLite(manifest.location, { readonly: true, fileMustExist: true });
  handle.pragma(`cache_size = ${-DEFAULT_SQLITE_TUNING.cacheMb * 1024}`);
  handle.pragma(`mmap_size = ${DEFAULT_SQLITE_TUNING.mmapMb * 1024 * 1024}`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(handle) }),
  });
  const explain = new SQLite(manifest.location, { readonly: true, fileMustExist: true });
  try {
    await body({
      db,
      cancelled: [],
      like: likeOperator('sqlite'),
      plan: (query, parameters) => Promise.resolve(planTree(explain, query, parameters)),
      plansDir: path.join(repoRoot, 'bench/plans'),
      engine: '',
      location: manifest.location,
      timing: (runs) => [
        `times are relative: median own time of ${runs} runs after one warm-up, one query at a time on a`,
        `read-only handle with the server's SQLite settings, on a shared 2-core machine. Compare plans`,
        `and orders of magnitude, not milliseconds. A query written once already is not repeated.`,
      ],
    });
  } finally {
    explain.close();
    await db.destroy();
  }
}

/**
 * The PostgreSQL dataset through the server's own dialect (its type parsers: counts and ids as
 * numbers, dates as strings), every query on one pinned connection, so that a call's queries run
 * one at a time as on SQLite and ownTimesMs holds. The session is read-only (nothing of the shared
 * dataset is written) and has a statement timeout.
 */
async function withPostgres(
  manifest: DatasetManifest,
  body: (dataset: Dataset) => Promise<void>,
): Promise<void> {
  const url = new URL(manifest.location);
  const database = url.pathname.slice(1);
  const cancelled: CancelledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: createDialect({ dialect: 'postgres', connectionString: manifest.location }),
    // Kysely tells a plugin (QueryProfile) of results only; its log tells of failures too.
    log: (event) => {
      if (event.level !== 'error' || !isStatementTimeout(event.error)) return;
      const end = performance.now();
      const { sql: text, parameters } = event.query;
      cancelled.push({ sql: text, parameters, start: end - event.queryDurationMillis, end });
    },
  });
  let connected = false;
  try {
    await db.connection().execute(async (connection) => {
      connected = true;
      await sql`SET default_transaction_read_only = on`.execute(connection);
      await sql.raw(`SET statement_timeout = '${PG_STATEMENT_TIMEOUT_S}s'`).execute(connection);
      const version = await sql<{ server_version: string }>`SHOW server_version`.execute(
        connection,
      );
      const serverVersion = version.rows[0]?.server_version.split(' ')[0] ?? '?';
      await body({
        db: connection,
        cancelled,
        like: likeOperator('postgres'),
        plan: (query, parameters) => pgPlanTree(connection, query, parameters),
        plansDir: path.join(repoRoot, 'bench/plans/pg'),
        engine: ' on PostgreSQL',
        location: `PostgreSQL ${serverVersion}, database ${database} on ${url.host}`,
        timing: (runs) => [
          `times are relative: median own time of ${runs} runs after one warm-up, one query at a time on one`,
          `read-only connection with the server's type parsers, on a shared 2-core machine. Compare plans`,
          `and orders of magnitude, not milliseconds. A query written once already is not repeated. A query`,
          `over statement_timeout (${PG_STATEMENT_TIMEOUT_S} s) is written as timed out, and its call is not run again.`,
          `Plans: EXPLAIN (COSTS OFF) with the query's values bound.`,
        ],
      });
    });
  } catch (e) {
    // A refused connection or a missing database says little by itself: say which dataset.
    if (!connected)
      fail(
        `Cannot connect to the PostgreSQL dataset ${manifest.location} (${manifestPath(values.dir, manifest.scale, 'postgres')}): ${e instanceof Error ? e.message : String(e)}`,
      );
    throw e;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const scale = values.scale as Scale;
  if (!(SCALES as readonly string[]).includes(scale))
    fail(`--scale must be one of ${SCALES.join(', ')} (got ${values.scale})`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) fail(`--runs must be a positive whole number`);
  let manifest: DatasetManifest;
  try {
    manifest = readManifest(values.dir, scale, values.pg ? 'postgres' : 'sqlite');
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  // The dataset's end date (bench:data --until) stands for "today", so that "overdue" means the
  // same hazards at every rerun; the server takes the date in China (hazardFilterOf).
  const today = (manifest as DatasetManifest & { until?: string }).until ?? todayInChina();
  const started = performance.now();
  const args = process.argv.slice(2);
  const count = (table: string) => (manifest.counts[table] ?? 0).toLocaleString('en');
  const summary: { file: string; query: MeasuredQuery }[] = [];
  const plansRoot = path.join(repoRoot, 'bench/plans');

  await (values.pg ? withPostgres : withSqlite)(manifest, async (dataset) => {
    const { db, like, plan, plansDir } = dataset;
    const pathOf = async (id: number) =>
      (
        await db
          .selectFrom('org_units')
          .select('path')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).path;
    // The bench's district user is that district's bureau_admin, its city user the city's: neither
    // role is limited to sectors, so both scopes are every sector of their districts.
    const scopes: [ScopeName, number[]][] = [
      ['district', await districtIdsUnder(db, await pathOf(manifest.ids.district))],
      ['city', await districtIdsUnder(db, await pathOf(manifest.ids.city))],
    ];
    const latestMigration = (
      await sql<{
        name: string;
      }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db)
    ).rows[0]?.name;
    fs.mkdirSync(plansDir, { recursive: true });

    for (const [scopeName, districtIds] of scopes) {
      const territory = { kind: 'territory', districtIds, sectors: null } as const;
      const header = (what: string, calls: string) => [
        `${what}${dataset.engine}, ${scopeName} scope (${districtIds.length} district${districtIds.length === 1 ? '' : 's'}: ${scopeName === 'district' ? `ids.district ${manifest.ids.district}` : `every district under ids.city ${manifest.ids.city}`}, all sectors)`,
        `dataset: ${manifest.scale} (seed ${manifest.seed}) ${dataset.location}, ${count('enterprises')} enterprises, ${count('hazards')} hazards; latest migration ${latestMigration ?? 'none'}`,
        `written ${new Date().toISOString().slice(0, 10)} by: npm run bench:plans${args.length ? ` -- ${args.join(' ')}` : ''}`,
        `calls: ${calls}; page 3 of 20; "today" = ${today}; the filters are drawn from a fixed seed`,
        ...dataset.timing(runs),
      ];
      const ledger = await measureAll(
        dataset,
        ledgerCases(
          manifest,
          territory,
          today,
          like,
          randomOf(scopeName === 'district' ? 301 : 302),
        ),
        runs,
      );
      const ledgerFile = path.join(plansDir, `ledger-${scopeName}.txt`);
      await writePlans(
        ledgerFile,
        header(
          'Ledger list (GET /api/v1/hazards)',
          "hazards.repository's countByStatus per filter, listHazardPage per filter and sort",
        ),
        ledger,
        plan,
      );
      const fragmentRandom = randomOf(scopeName === 'district' ? 303 : 304);
      const fragments = await nameFragments(db, territory, like, fragmentRandom);
      const enterprises = await measureAll(
        dataset,
        enterpriseCases(manifest, territory, fragments, like, fragmentRandom),
        runs,
      );
      const enterpriseFile = path.join(plansDir, `enterprise-list-${scopeName}.txt`);
      await writePlans(
        enterpriseFile,
        header(
          'Enterprise list (GET /api/v1/enterprises)',
          "enterprises.repository's listEnterprises (its page and its total) per filter and sort",
        ),
        enterprises,
        plan,
      );
      for (const [file, queries] of [
        [ledgerFile, ledger],
        [enterpriseFile, enterprises],
      ] as const)
        summary.push(
          ...queries.map((query) => ({
            file: path.relative(plansRoot, file).replace(/\.txt$/, ''),
            query,
          })),
        );
    }
  });

  const SHOWN = 8;
  console.log(
    `List query plans (${manifest.scale} ${values.pg ? 'PostgreSQL ' : ''}dataset, median of ${runs} runs): the ${SHOWN} slowest queries per file`,
  );
  const msOf = (q: MeasuredQuery) => q.medianMs ?? Number.POSITIVE_INFINITY;
  for (const file of [...new Set(summary.map((s) => s.file))]) {
    const slowest = summary
      .filter((s) => s.file === file)
      .sort((a, b) => msOf(b.query) - msOf(a.query) || 0);
    console.log(`\n  bench/plans/${file}.txt (${slowest.length} queries)`);
    for (const { query } of slowest.slice(0, SHOWN))
      console.log(
        `    ${query.medianMs === null ? `> ${PG_STATEMENT_TIMEOUT_S} s`.padStart(10) : `${query.medianMs.toFixed(1).padStart(7)} ms`} ${String(query.rows ?? '?').padStart(4)} rows  ${query.title}`,
      );
  }
  console.log(`\nWritten in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

await main();
