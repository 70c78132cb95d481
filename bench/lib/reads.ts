// The read scenarios: ledger list, hazard page, enterprise list, dashboard, weekly district
// report, province roll-up, and all of them but the roll-up mixed.
import { addDays, HAZARD_ORIGINS, type Sector } from '@hazard-ledger/domain';
import { type BenchContext, dayOfReportWeek } from './context.js';
import { getJson, query, type Session } from './http.js';
import { runLoad, type Shot, summarize } from './load.js';
import { randomOf } from './random.js';
import { loadRow, plainRow, type ScenarioRow, type Target, targetFailures } from './report.js';

/** Issue 11 §3 on SQLite (PostgreSQL: ×2). */
export const READ_TARGET: Target = { p95Ms: 50 };
export const MIXED_TARGET: Target = { p95Ms: 50, minReqPerSec: 1000 };
export const DASHBOARD_TARGET: Target = { p95Ms: 300 };
export const DISTRICT_REPORT_TARGET: Target = { p95Ms: 200 };
export const ROLLUP_TARGET: Target = { p95Ms: 2000 };

type Generator = () => Shot;

const API = '/api/v1';

/** The ledger list with one or two filters, a sort and a page, like someone working the list. */
function ledgerList(ctx: BenchContext, session: Session, label: string, seed: number): Generator {
  const r = randomOf(seed);
  const { sectors, report, ids } = ctx.manifest;
  const year = report.year;
  const filters: (() => Record<string, string | number>)[] = [
    () => ({
      sector: r.pick(sectors),
      status: r.pick(['reported', 'rectifying', 'verified', 'rectified']),
    }),
    () => ({ level: 'major', overdue: 'true' }),
    () => ({ status: r.pick(['rectifying', 'planned']), origin: r.pick(HAZARD_ORIGINS) }),
    () => ({ supervised: 'true', sector: r.pick(sectors) }),
    () => ({
      foundFrom: `${year}-01-01`,
      foundTo: `${year}-06-30`,
      level: r.pick(['major', 'general']),
    }),
    () => ({ districtId: ids.district, status: r.pick(['reported', 'planned', 'rectifying']) }),
    () => ({ status: 'rectifying', overdue: 'true', sector: r.pick(sectors) }),
  ];
  const sorts = ['foundAt', 'deadline', 'updatedAt', 'number', 'level', 'status'];
  return () => ({
    label,
    path: `${API}/hazards?${query({
      ...r.pick(filters)(),
      sort: r.pick(sorts),
      order: r.pick(['asc', 'desc']),
      pageSize: 20,
      page: r.int(1, 5),
    })}`,
    headers: session.readHeaders,
  });
}

/** A hazard page over the manifest's sample hazards of the first district (every status). */
function hazardPage(ctx: BenchContext, seed: number): Generator {
  const r = randomOf(seed);
  const ids = Object.values(ctx.manifest.districtHazards).flatMap((list) => list ?? []);
  if (ids.length === 0) throw new Error('the manifest lists no sample hazards (districtHazards)');
  return () => ({
    label: 'hazard page',
    path: `${API}/hazards/${r.pick(ids)}`,
    headers: ctx.sessions.district.readHeaders,
  });
}

/**
 * Fragments of real enterprise names (2–4 characters of names the list returns), so the name
 * search looks for what people type rather than for what the generator happened to call them.
 */
async function nameFragments(ctx: BenchContext, seed: number): Promise<string[]> {
  const r = randomOf(seed);
  const names: string[] = [];
  for (const session of [ctx.sessions.district, ctx.sessions.city]) {
    const page = await getJson<{ items: { name: string }[] }>(
      ctx.baseUrl,
      session,
      `${API}/enterprises?pageSize=200&page=1`,
    );
    names.push(...page.items.map((e) => e.name));
  }
  if (names.length === 0) throw new Error('the enterprise list is empty');
  return Array.from({ length: 200 }, () => {
    const chars = [...r.pick(names)];
    const length = Math.min(chars.length, r.int(2, 4));
    const start = r.int(0, chars.length - length);
    return chars.slice(start, start + length).join('');
  });
}

function enterpriseList(ctx: BenchContext, fragments: string[], seed: number): Generator {
  const r = randomOf(seed);
  const { sectors } = ctx.manifest;
  const sessions = [ctx.sessions.district, ctx.sessions.city];
  const sorts = ['name', 'creditCode', 'updatedAt', 'employees'];
  const filters: (() => Record<string, string>)[] = [
    () => ({ q: r.pick(fragments) }),
    () => ({ sector: r.pick(sectors) }),
    () => ({ q: r.pick(fragments), sector: r.pick(sectors) }),
  ];
  return () => ({
    label: 'enterprise list',
    path: `${API}/enterprises?${query({
      ...r.pick(filters)(),
      sort: r.pick(sorts),
      order: r.pick(['asc', 'desc']),
      pageSize: 20,
      page: r.int(1, 3),
    })}`,
    headers: r.pick(sessions).readHeaders,
  });
}

/**
 * The dashboard of the district and of the city user, standing on the Friday of the dataset's
 * report week (the data is built around that week, so "this week" has records to count).
 */
function dashboard(ctx: BenchContext, seed: number): Generator {
  const r = randomOf(seed);
  const date = dayOfReportWeek(ctx.manifest, 4);
  const sessions = [ctx.sessions.district, ctx.sessions.city];
  return () => ({
    label: 'dashboard',
    path: `${API}/dashboard?date=${date}`,
    headers: r.pick(sessions).readHeaders,
  });
}

/**
 * The district's report of the week in progress (the one after the dataset's report week): a
 * live draft, computed from the records on every request. The weeks before were submitted by
 * the generator, and a submitted week is read back frozen, which would time a lookup instead.
 */
function reportPath(ctx: BenchContext, sector: Sector): string {
  return `${API}/reports/dispatch?${query({
    districtId: ctx.manifest.ids.district,
    sector,
    kind: 'weekly',
    week: addDays(ctx.manifest.report.weekMonday, 7),
  })}`;
}

/** One sector table of the first district's weekly report (GET /reports/dispatch). */
function districtReport(ctx: BenchContext, seed: number): Generator {
  const r = randomOf(seed);
  return () => ({
    label: 'weekly district report',
    path: reportPath(ctx, r.pick(ctx.manifest.sectors)),
    headers: ctx.sessions.district.readHeaders,
  });
}

function provinceRollup(ctx: BenchContext): Generator {
  let i = 0;
  return () => ({
    label: 'province roll-up',
    path: `${API}/reports/rollup?${query({
      sector: ctx.manifest.sectors[i++ % ctx.manifest.sectors.length],
      kind: 'weekly',
      week: ctx.manifest.report.weekMonday,
    })}`,
    headers: ctx.sessions.province.readHeaders,
  });
}

/** Warms the caches on the same kind of requests before measuring. */
async function warmUp(ctx: BenchContext, next: Generator, connections: number): Promise<void> {
  await runLoad({ baseUrl: ctx.baseUrl, connections, amount: connections * 3, next });
}

async function load(
  ctx: BenchContext,
  key: string,
  name: string,
  next: Generator,
  target: Target,
  extra: { connections?: number; duration?: number; breakdown?: boolean; notes?: string[] } = {},
): Promise<ScenarioRow> {
  const connections = extra.connections ?? ctx.options.connections;
  await warmUp(ctx, next, connections);
  ctx.log(`  ${name}: ${connections} connections, ${extra.duration ?? ctx.options.duration} s …`);
  const result = await runLoad({
    baseUrl: ctx.baseUrl,
    connections,
    duration: extra.duration ?? ctx.options.duration,
    next,
  });
  return loadRow(result, {
    key,
    name,
    target,
    factor: ctx.factor,
    rssPeakMB: null,
    breakdown: extra.breakdown ?? false,
    notes: extra.notes ?? [],
  });
}

export async function ledgerDistrict(ctx: BenchContext): Promise<ScenarioRow[]> {
  return [
    await load(
      ctx,
      'ledger-district',
      'ledger list, district user',
      ledgerList(ctx, ctx.sessions.district, 'ledger list, district', 101),
      READ_TARGET,
    ),
  ];
}

export async function ledgerCity(ctx: BenchContext): Promise<ScenarioRow[]> {
  return [
    await load(
      ctx,
      'ledger-city',
      'ledger list, city user',
      ledgerList(ctx, ctx.sessions.city, 'ledger list, city', 102),
      READ_TARGET,
    ),
  ];
}

export async function hazardPages(ctx: BenchContext): Promise<ScenarioRow[]> {
  return [await load(ctx, 'hazard-page', 'hazard page', hazardPage(ctx, 103), READ_TARGET)];
}

export async function enterprises(ctx: BenchContext): Promise<ScenarioRow[]> {
  const fragments = await nameFragments(ctx, 104);
  return [
    await load(
      ctx,
      'enterprise-list',
      'enterprise list (name search, sector)',
      enterpriseList(ctx, fragments, 105),
      READ_TARGET,
    ),
  ];
}

export async function dashboards(ctx: BenchContext): Promise<ScenarioRow[]> {
  const loaded = await load(
    ctx,
    'dashboard',
    'dashboard, district and city users',
    dashboard(ctx, 106),
    DASHBOARD_TARGET,
  );
  // The province bureau's dashboard covers every district: a few leaders open it, so it is
  // timed as one person opening it, not under load.
  const province = await sequentialRow(ctx, {
    key: 'dashboard-province',
    name: 'dashboard, province user, 1 user',
    paths: [`${API}/dashboard?date=${dayOfReportWeek(ctx.manifest, 4)}`],
    session: ctx.sessions.province,
    target: DASHBOARD_TARGET,
    note: 'one request at a time, 20 times',
  });
  return [loaded, province];
}

/**
 * Times one person opening a page: `paths` fetched one after another make one sample, 20
 * samples after two warm-ups.
 */
async function sequentialRow(
  ctx: BenchContext,
  spec: {
    key: string;
    name: string;
    paths: string[];
    session: Session;
    target: Target;
    note: string;
  },
): Promise<ScenarioRow> {
  const runs = 20;
  const times: number[] = [];
  let failed = '';
  for (let run = -2; run < runs && !failed; run++) {
    const t0 = performance.now();
    for (const path of spec.paths) {
      const res = await fetch(`${ctx.baseUrl}${path}`, { headers: spec.session.readHeaders });
      const body = await res.text();
      if (res.status !== 200) failed = `HTTP ${res.status} ${body.slice(0, 200)}`;
    }
    if (run >= 0) times.push(performance.now() - t0);
  }
  const s = summarize(times);
  const failures = [...targetFailures(spec.target, ctx.factor, s)];
  if (failed) failures.push(failed);
  return plainRow({
    key: spec.key,
    name: spec.name,
    requests: s.requests,
    p50Ms: s.p50Ms,
    p95Ms: s.p95Ms,
    p99Ms: s.p99Ms,
    maxMs: s.maxMs,
    reqPerSec: null,
    non2xx: failed ? 1 : 0,
    errors: 0,
    target: `p95<${spec.target.p95Ms! * ctx.factor}ms`,
    failures,
    rssPeakMB: null,
    notes: [spec.note],
  });
}

/**
 * The weekly district report: under load (one sector table per request), then as one person
 * opens it (the four tables one after another, 20 times), which is what "< 200 ms" reads as.
 */
export async function districtReports(ctx: BenchContext): Promise<ScenarioRow[]> {
  const loaded = await load(
    ctx,
    'district-report',
    'weekly district report, one table/request',
    districtReport(ctx, 107),
    DISTRICT_REPORT_TARGET,
  );
  const sequential = await sequentialRow(ctx, {
    key: 'district-report-4-tables',
    name: 'weekly district report, 4 tables, 1 user',
    paths: ctx.manifest.sectors.map((sector) => reportPath(ctx, sector)),
    session: ctx.sessions.district,
    target: DISTRICT_REPORT_TARGET,
    note: `each sample is the ${ctx.manifest.sectors.length} sector tables fetched one after another`,
  });
  return [loaded, sequential];
}

export async function rollups(ctx: BenchContext): Promise<ScenarioRow[]> {
  const rollup = provinceRollup(ctx);
  // The roll-up sums the districts' submitted reports: say how many it found, since a dataset
  // without submitted reports makes it cheap.
  let coverage = '';
  const next: Generator = () => ({
    ...rollup(),
    onResponse: (status, body) => {
      if (status !== 200 || coverage) return;
      const view = JSON.parse(body) as { rows?: { report: unknown }[] };
      const rows = view.rows ?? [];
      coverage = `${rows.filter((r) => r.report !== null).length} of ${rows.length} districts have a submitted report for the week`;
    },
  });
  // One warm-up per sector: the first roll-up reads cold pages.
  await runLoad({
    baseUrl: ctx.baseUrl,
    connections: 1,
    amount: ctx.manifest.sectors.length,
    next,
    timeoutSeconds: 120,
  });
  ctx.log('  province roll-up: 20 requests, 2 connections …');
  const result = await runLoad({
    baseUrl: ctx.baseUrl,
    connections: 2,
    amount: 20,
    next,
    timeoutSeconds: 120,
  });
  return [
    loadRow(result, {
      key: 'rollup',
      name: 'province roll-up (province user)',
      target: ROLLUP_TARGET,
      factor: ctx.factor,
      rssPeakMB: null,
      notes: [`20 requests over 2 connections, sectors in turn; ${coverage || 'no answer read'}`],
    }),
  ];
}

/** How often each read comes up in the mixed load: lists and pages far more than dashboards. */
export const MIX: [string, number][] = [
  ['ledger-district', 3],
  ['ledger-city', 2],
  ['hazard-page', 3],
  ['enterprise-list', 2],
  ['dashboard', 1],
  ['district-report', 1],
];

/** The mixed read load's requests, in the proportions of MIX (also the soak's reads). */
export async function mixedReadShots(ctx: BenchContext): Promise<Generator> {
  const fragments = await nameFragments(ctx, 204);
  const generators: Record<string, Generator> = {
    'ledger-district': ledgerList(ctx, ctx.sessions.district, 'ledger list, district', 201),
    'ledger-city': ledgerList(ctx, ctx.sessions.city, 'ledger list, city', 202),
    'hazard-page': hazardPage(ctx, 203),
    'enterprise-list': enterpriseList(ctx, fragments, 205),
    dashboard: dashboard(ctx, 206),
    'district-report': districtReport(ctx, 207),
  };
  const wheel = MIX.flatMap(([key, weight]) =>
    Array.from({ length: weight }, () => generators[key]!),
  );
  const r = randomOf(208);
  return () => r.pick(wheel)();
}

export async function mixedReads(ctx: BenchContext): Promise<ScenarioRow[]> {
  const next = await mixedReadShots(ctx);
  const connections = 20;
  return [
    await load(ctx, 'mixed-reads', 'mixed reads (all but the roll-up)', next, MIXED_TARGET, {
      connections,
      duration: ctx.options.duration * 2,
      breakdown: true,
      notes: [`weights ${MIX.map(([k, w]) => `${k} ${w}`).join(', ')}; ${connections} connections`],
    }),
  ];
}
