// Benchmark of the weekly dispatch reports (issue 9, Performance), on SQLite, on the dataset of
// `npm run bench:data -- --scale province` (100,000 enterprises, 2,000,000 hazards, 500,000
// inspections, 50,000 penalty cases, 20,000 tips over five years). Times, for the dataset's
// report week (the last full week before its end date) in that year's campaign:
//   - one district's weekly report, all four sector tables (computeFigures ×4; target < 200 ms),
//   - the same through the app, GET /api/v1/reports/dispatch (adds the 附件5 list; inject, with
//     routing, session, validation and JSON),
//   - the whole province, each sector over all districts (target < 2 s),
//   - the process's RSS, sampled, with its peak per phase,
// and with --profile the time of each query and its EXPLAIN QUERY PLAN (bench/plans/), --each
// every district's four tables one by one. Prints the figures and writes them to
// bench/results/<date>-dispatch-report.txt; asserts nothing. `npm run bench` measures the same
// reports against a running server (its RSS included); this script is for query work.
// Run: npm run bench:report [-- --runs 30 --provinceRuns 5 --profile]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { addDays, defaultPhases, SECTORS, type Sector } from '@hazard-ledger/domain';
import { type Db, openDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import {
  computeFigures,
  type FigureQuery,
} from '../apps/server/src/modules/reports/figures.repository.js';
import {
  BENCH_PASSWORD,
  type DatasetManifest,
  DEFAULT_BENCH_DIR,
  manifestPath,
  type Scale,
  SCALES,
} from './data/manifest.js';
import { seededRandom as rng } from './data/random.js';
import { ownTimesMs, planTree, QueryProfile, tablesRead } from './lib/query-profile.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    runs: { type: 'string', default: '30' },
    provinceRuns: { type: 'string', default: '5' },
    /** Monday of the report week (default: the dataset's report week). */
    week: { type: 'string' },
    profile: { type: 'boolean', default: false },
    /** Also time every district's four tables one by one (slow; information only). */
    each: { type: 'boolean', default: false },
    dir: { type: 'string', default: DEFAULT_BENCH_DIR },
    out: { type: 'string' },
  },
});
const manifest = readManifest();
const reportFile = manifest.location;
const repoRoot = path.resolve(import.meta.dirname, '..');
const today = new Date().toISOString().slice(0, 10);
const resultsFile =
  values.out ?? path.join(repoRoot, 'bench/results', `${today}-dispatch-report.txt`);
const plansDir = path.join(repoRoot, 'bench/plans');
/** The indexes of migration 2026-11-29T2110_report_indexes (the figures say whether they exist). */
const REPORT_INDEXES = [
  'self_inspections_report',
  'hazards_report_major',
  'hazards_report_supervised',
  'hazard_events_supervise',
  'hazard_events_lift_supervision',
  'inspection_records_report',
  'enterprises_report',
  'penalty_cases_report',
  'tips_report',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Resident memory now: total, and the anonymous (heap) and file-backed (mmap) parts. */
function memory(): { rss: number; anon: number; file: number; heap: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    anon: kb('RssAnon'),
    file: kb('RssFile') + kb('RssShmem'),
    heap: usage.heapTotal,
  };
}

/**
 * Samples the memory on a timer and whenever asked (queries run synchronously, so both), and
 * keeps the peak of each phase of the benchmark.
 */
class MemoryPeak {
  peak = memory();
  readonly phases: { name: string; peak: ReturnType<typeof memory> }[] = [];
  private phasePeak = memory();
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(() => this.sample(), 10);
  }
  sample(): void {
    const m = memory();
    if (m.rss > this.peak.rss) this.peak = m;
    if (m.rss > this.phasePeak.rss) this.phasePeak = m;
  }
  /** Ends a phase: its peak is kept under `name`. */
  phase(name: string): void {
    this.sample();
    this.phases.push({ name, peak: this.phasePeak });
    this.phasePeak = memory();
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/** Names a figures query by the tables it reads (and what tells same-table queries apart). */
function queryLabel(sql: string, parameters: readonly unknown[]): string {
  const from = /from "(\w+)"/.exec(sql)?.[1] ?? '?';
  const joins = [...sql.matchAll(/join "(\w+)"/g)].map((m) => m[1]);
  let label = tablesRead(sql);
  if (sql.includes('"plan_responsible"')) return `${label} (附件5 open major hazards list)`;
  if (from === 'hazards' && joins.length === 0)
    label += sql.includes('"deadline" <') ? ' (overdue)' : ' (major found/rectified)';
  if (joins.includes('hazard_events'))
    label += parameters.includes('lift_supervision') ? ' (lifted)' : ' (supervised)';
  return label;
}

/** The dataset's manifest; without one, says how to make it. */
function readManifest(): DatasetManifest {
  const scale = values.scale as Scale;
  const file = manifestPath(values.dir, scale, 'sqlite');
  if (!(SCALES as readonly string[]).includes(scale) || !fs.existsSync(file)) {
    console.error(
      `No ${values.scale} dataset at ${file}: run \`npm run bench:data -- --scale ${values.scale}\` first.`,
    );
    process.exit(1);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DatasetManifest;
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (line = '') => {
    console.log(line);
    lines.push(line);
  };
  const db = openDatabase({ dialect: 'sqlite', file: reportFile });
  const applied = await migrateToLatest(db.kysely);
  if (applied.length)
    console.log(`  migrations applied to the cached dataset: ${applied.join(', ')}`);
  const districts = (
    await db.kysely
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'district')
      .orderBy('id')
      .execute()
  ).map((d) => Number(d.id));
  const raw = new SQLite(reportFile, { readonly: true });
  const count = (table: string) =>
    (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n.toLocaleString();
  const indexes = REPORT_INDEXES.filter((name) =>
    raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name),
  );
  const weekFrom = values.week ?? manifest.report.weekMonday;
  const weekTo = addDays(weekFrom, 6);
  const campaignStart = defaultPhases(Number(weekFrom.slice(0, 4)))[0]!.start;
  const query = (districtIds: number[], sector: Sector): FigureQuery => ({
    districtIds,
    sector,
    campaignStart,
    weekFrom,
    weekTo,
  });
  out(`Dispatch report benchmark (SQLite, ${today})`);
  out(
    `  dataset: ${count('enterprises')} enterprises, ${count('hazards')} hazards (${count('hazard_events')} events), ` +
      `${count(`inspection_records WHERE status = 'signed'`)} signed inspection records, ` +
      `${count('penalty_cases')} penalty cases, ${count('enforcement_measures')} measures,`,
  );
  out(
    `           ${count('self_inspections')} self-inspections, ${count('leader_inspections')} leader inspections, ` +
      `${count('emergency_drills')} drills, ${count('tips')} tips, ${count(`users WHERE role = 'inspector'`)} inspectors; ` +
      `${districts.length} districts`,
  );
  // How much of it the report's cumulative period holds (campaign start → the week's Sunday).
  const cumEnd = addDays(weekTo, 1);
  out(
    `  in the cumulative period: ${count(`inspection_records WHERE status = 'signed' AND substr(started_at, 1, 10) >= '${campaignStart}' AND started_at < '${cumEnd}'`)} signed inspections, ` +
      `${count(`penalty_cases WHERE decision_date >= '${campaignStart}' AND decision_date < '${cumEnd}'`)} decided penalty cases, ` +
      `${count(`hazards WHERE level = 'major' AND found_at >= '${campaignStart}' AND found_at < '${cumEnd}'`)} major hazards found ` +
      `(of ${count(`hazards WHERE found_at >= '${campaignStart}' AND found_at < '${cumEnd}'`)} hazards)`,
  );
  raw.close();
  out(
    `  campaign ${campaignStart} → week ${weekFrom} – ${weekTo}; report indexes: ${indexes.length ? indexes.join(', ') : 'none'}`,
  );
  out();

  const mem = new MemoryPeak();
  const rssBefore = memory();
  mem.start();
  const random = rng(9);
  const pickDistrict = () => districts[Math.floor(random() * districts.length)]!;

  // (a) One district's weekly report: the four sector tables.
  const RUNS = Number(values.runs);
  const districtTimes: number[] = [];
  const sectorTimes = new Map<Sector, number[]>(SECTORS.map((s) => [s, []]));
  for (let run = -3; run < RUNS; run++) {
    const district = pickDistrict();
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const s0 = performance.now();
      await computeFigures(db.kysely, query([district], sector));
      mem.sample();
      if (run >= 0) sectorTimes.get(sector)!.push(performance.now() - s0);
    }
    if (run >= 0) districtTimes.push(performance.now() - t0);
  }
  districtTimes.sort((a, b) => a - b);
  const row = (label: string, sorted: number[], target?: string) =>
    out(
      `  ${label.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms   max ${sorted[sorted.length - 1]!.toFixed(1).padStart(7)} ms${target ? `   target ${target}` : ''}`,
    );
  out(`computeFigures (the 14 figure queries), ${RUNS} runs, a random district each run:`);
  row("one district's weekly report, all four tables", districtTimes, '< 200 ms');
  for (const sector of SECTORS)
    row(
      `  one table: ${sector}`,
      [...sectorTimes.get(sector)!].sort((a, b) => a - b),
    );

  mem.phase("one district's reports (computeFigures)");

  // (b) Through the app, with the 附件5 list, when the lead's service has landed.
  const serviceFile = path.join(repoRoot, 'apps/server/src/modules/reports/dispatch.service.ts');
  if (fs.existsSync(serviceFile)) {
    // The service is young: a failure to load or answer is reported, not fatal to the figures.
    await timeEndpoint(db, districts, mem, out, row, weekFrom).catch((e: unknown) =>
      out(
        `GET /api/v1/reports/dispatch: not timed — ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      ),
    );
  } else {
    out(
      'GET /api/v1/reports/dispatch: not timed — apps/server/src/modules/reports/dispatch.service.ts does not exist yet',
    );
  }
  mem.phase('GET /reports/dispatch (4 tables)');

  // (c) The whole province: each sector over all districts.
  const provinceRuns = Number(values.provinceRuns);
  const provinceTimes: number[] = [];
  const provinceSector = new Map<Sector, number[]>(SECTORS.map((s) => [s, []]));
  for (let run = -1; run < provinceRuns; run++) {
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const s0 = performance.now();
      await computeFigures(db.kysely, query(districts, sector));
      mem.sample();
      if (run >= 0) provinceSector.get(sector)!.push(performance.now() - s0);
    }
    if (run >= 0) provinceTimes.push(performance.now() - t0);
  }
  provinceTimes.sort((a, b) => a - b);
  out(
    `computeFigures over all ${districts.length} districts (one report per sector), ${provinceRuns} runs:`,
  );
  row("the whole province's report, all four tables", provinceTimes, '< 2 s');
  for (const sector of SECTORS)
    row(
      `  one table: ${sector}`,
      [...provinceSector.get(sector)!].sort((a, b) => a - b),
    );
  // Every district's own four tables one after another (what generating all drafts costs).
  if (values.each) {
    const t0 = performance.now();
    for (const district of districts)
      for (const sector of SECTORS) {
        await computeFigures(db.kysely, query([district], sector));
        mem.sample();
      }
    out(
      `  every district's four tables one by one (${districts.length * 4} reports)`.padEnd(60) +
        `${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s   (information)`,
    );
  }

  mem.phase("the province's reports");
  mem.stop();
  out();
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  const described = (m: ReturnType<typeof memory>) =>
    `RSS ${mb(m.rss).padStart(7)} = ${mb(m.anon).padStart(7)} anonymous (JS heap ${mb(m.heap)}, SQLite page cache, code) + ${mb(m.file).padStart(7)} file-backed (node binary, mmap of the database)`;
  out(`Memory (process RSS sampled every 10 ms and after each report; target < 300 MB):`);
  out(`  ${'before the first report'.padEnd(40)} ${described(rssBefore)}`);
  for (const p of mem.phases) out(`  ${`peak: ${p.name}`.padEnd(40)} ${described(p.peak)}`);

  if (values.profile) await profile(db, districts, query, out);

  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${lines.join('\n')}\n`);
  console.log(`\nWritten to ${path.relative(repoRoot, resultsFile)}`);
  await db.kysely.destroy();
}

/**
 * Times the real endpoint through the app (routing, auth, validation, SQL, 附件5, JSON). A live
 * draft is shown only to the district's own staff, so each sampled district gets a bureau user.
 */
async function timeEndpoint(
  db: Db,
  districts: number[],
  mem: MemoryPeak,
  out: (line?: string) => void,
  row: (label: string, sorted: number[], target?: string) => void,
  weekFrom: string,
): Promise<void> {
  const [{ buildApp }, { loadConfig }, { hashPassword }] = await Promise.all([
    import('../apps/server/src/app.js'),
    import('../apps/server/src/config.js'),
    import('../apps/server/src/lib/passwords.js'),
  ]);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: { dialect: 'sqlite' as const, file: reportFile },
    seedDemo: false,
  };
  const random = rng(11);
  const sampled = [
    ...new Set(
      Array.from({ length: 8 }, () => districts[Math.floor(random() * districts.length)]!),
    ),
  ];
  const hash = await hashPassword(BENCH_PASSWORD);
  const now = new Date().toISOString();
  for (const district of sampled) {
    const username = `bench_report_${district}`;
    await db.kysely
      .deleteFrom('sessions')
      .where(
        'user_id',
        'in',
        db.kysely.selectFrom('users').select('id').where('username', '=', username),
      )
      .execute();
    const exists = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (exists) continue;
    await db.kysely
      .insertInto('users')
      .values({
        username,
        display_name: username,
        password_hash: hash,
        role: 'bureau_admin',
        org_unit_id: district,
        sectors: null,
        enterprise_id: null,
        phone: null,
        certificate_no: null,
        status: 'active',
        totp_secret: null,
        totp_enabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
  }
  const app = await buildApp(config, { db, logger: false });
  const cookies = new Map<number, string>();
  for (const district of sampled) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `bench_report_${district}`, password: BENCH_PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === 'hl_session');
    if (!session) {
      out(
        `GET /api/v1/reports/dispatch: not timed — login failed (${login.statusCode} ${login.body.slice(0, 200)})`,
      );
      await app.close();
      return;
    }
    cookies.set(district, `hl_session=${session.value}`);
  }
  mem.phase('loading the app, logging in');
  const url = (district: number, sector: Sector) =>
    `/api/v1/reports/dispatch?districtId=${district}&sector=${sector}&kind=weekly&week=${weekFrom}`;
  const probe = await app.inject({
    method: 'GET',
    url: url(sampled[0]!, 'hazchem'),
    headers: { cookie: cookies.get(sampled[0]!)! },
  });
  if (probe.statusCode !== 200) {
    out(
      `GET /api/v1/reports/dispatch: not timed — ${probe.statusCode} ${probe.body.slice(0, 300)}`,
    );
    await app.close();
    return;
  }
  const times: number[] = [];
  let bytes = 0;
  let listRows = 0;
  for (let run = -3; run < Number(values.runs); run++) {
    const district = sampled[Math.floor(random() * sampled.length)]!;
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const res = await app.inject({
        method: 'GET',
        url: url(district, sector),
        headers: { cookie: cookies.get(district)! },
      });
      mem.sample();
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      bytes = Math.max(bytes, res.body.length);
      listRows = Math.max(
        listRows,
        (JSON.parse(res.body) as { hazardListTotal: number }).hazardListTotal,
      );
    }
    if (run >= 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  out(
    `GET /api/v1/reports/dispatch through the app (inject; adds the 附件5 list), ${values.runs} runs over ${sampled.length} districts:`,
  );
  row("one district's weekly report, all four tables", times, '< 200 ms');
  out(
    `  largest response ${(bytes / 1024).toFixed(0)} KB; longest 附件5 list ${listRows} open major hazards`,
  );
  await app.close();
}

/** One district and the province, query by query, with the plans written to bench/plans/. */
async function profile(
  db: Db,
  districts: number[],
  query: (districtIds: number[], sector: Sector) => FigureQuery,
  out: (line?: string) => void,
): Promise<void> {
  const explain = new SQLite(reportFile, { readonly: true });
  fs.mkdirSync(plansDir, { recursive: true });
  const scopes: [string, number[]][] = [
    ['district', [districts[Math.floor(districts.length / 2)]!]],
    ['province', districts],
  ];
  for (const [scope, ids] of scopes) {
    const { profile: plugin, db: profiled } = QueryProfile.of(db.kysely, queryLabel);
    await computeFigures(profiled, query(ids, 'hazchem'));
    plugin.queries.length = 0;
    const q = query(ids, 'hazchem');
    await computeFigures(profiled, q);
    // The open major hazards list (附件5) the report view adds, when the lead's module is there.
    const hazardList =
      await import('../apps/server/src/modules/reports/hazard-list.repository.js').catch(
        () => null,
      );
    await hazardList?.openMajorHazards(profiled, {
      districtIds: ids,
      sector: 'hazchem',
      periodTo: q.weekTo,
    });
    out();
    out(`Per query, ${scope === 'district' ? 'one district' : 'the province'}, hazchem:`);
    const plans: string[] = [];
    const times = ownTimesMs(plugin.queries);
    plugin.queries.forEach((q, i) => {
      const ms = times[i]!;
      out(
        `  ${q.label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms ${q.rows.toLocaleString().padStart(9)} rows`,
      );
      plans.push(`-- ${q.label}: ${ms.toFixed(1)} ms, ${q.rows} rows`, q.sql);
      plans.push(...planTree(explain, q.sql, q.parameters), '');
    });
    fs.writeFileSync(path.join(plansDir, `dispatch-report-${scope}.txt`), `${plans.join('\n')}\n`);
  }
  explain.close();
}

await main();
