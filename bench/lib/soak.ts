// The load soak (issue 12 §6): a mixed workload — the mixed reads of the benchmark plus hazard
// transitions and staff tip registrations — at a fixed rate for a long time, cut into windows
// (requests, errors, non-2xx, p50/p95/p99 and server RSS per window), judged on what a long run
// shows and a short one does not: errors, a p99 that creeps up, memory that keeps growing.
// Used by bench/soak.ts (`npm run bench:soak`, 10 minutes) and bench/soak.test.ts (~40 s).
import type { DatasetManifest } from '../data/manifest.js';
import type { BenchContext } from './context.js';
import { getJson, signIn } from './http.js';
import { type LatencySummary, type LoadResult, runLoad, type Shot, summarize } from './load.js';
import { randomOf } from './random.js';
import { MIX, mixedReadShots } from './reads.js';
import {
  copyPostgres,
  copySqlite,
  type RunningServer,
  startServer,
  type WorkingCopy,
} from './server.js';
import { tipShots, transitionCandidates, transitionShots, type TransitionTally } from './writes.js';

// ---- Settings and rules ----

export type SoakRules = {
  /** The last window's p99 may be at most this multiple of the baseline window's … */
  p99Ratio: number;
  /**
   * … or under this many ms whatever the ratio: on a p99 of a few milliseconds, doubling is one
   * scheduler hiccup of a shared machine, not a trend.
   */
  p99FloorMs: number;
  /** The last window's peak RSS may exceed the baseline window's by less than this fraction. */
  rssGrowth: number;
  /** Every window must answer at least this fraction of rate × window seconds. */
  minRateShare: number;
};

export type SoakSettings = {
  /** Requests per second over all connections (autocannon overallRate). */
  rate: number;
  /** Seconds of load in all; a whole number of windows. */
  durationSeconds: number;
  windowSeconds: number;
  connections: number;
  /** Shares of all requests that are hazard transitions and staff tip registrations. */
  transitionShare: number;
  tipShare: number;
  rules: SoakRules;
};

export const DEFAULT_RULES: SoakRules = {
  p99Ratio: 2,
  p99FloorMs: 20,
  rssGrowth: 0.1,
  minRateShare: 0.95,
};

export type WindowRole = 'warm-up' | 'baseline' | 'measured' | 'last';

export type SoakWindow = LatencySummary & {
  /** 1-based. */
  index: number;
  fromSeconds: number;
  toSeconds: number;
  role: WindowRole;
  reqPerSec: number;
  /** Answers with a status of 300 or more. */
  non2xx: number;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** Answers to transitions and tips. */
  writes: number;
  statusCounts: Record<string, number>;
  /** Median of the RSS samples taken in the window (every 500 ms), MB. */
  rssMedianMB: number;
  /** Peak of those samples, MB. */
  rssPeakMB: number;
  /** Server log lines at level error or fatal written during the window. */
  serverLogErrors: number;
};

export type SoakCheck = { name: string; rule: string; measured: string; pass: boolean };

export type LabelRow = LatencySummary & { label: string; statusCounts: Record<string, number> };

export type SoakResult = {
  settings: SoakSettings;
  windows: SoakWindow[];
  byLabel: LabelRow[];
  checks: SoakCheck[];
  verdict: 'PASS' | 'FAIL';
  transitions: { candidates: number; stale: number; refused: number; retired: number };
  /** Bodies of the first 5xx answers. */
  serverErrorSamples: string[];
  /** The first server log lines at level error, and those naming SQLITE_BUSY. */
  serverLogErrors: string[];
  serverLogBusy: string[];
  seconds: number;
};

// ---- The server, its dataset and its users ----

export type SoakTarget = { ctx: BenchContext; copy: WorkingCopy; close: () => Promise<void> };

/**
 * Starts the server (bench/lib/server.ts) on a working copy of the dataset — or on the dataset
 * itself with `inPlace` — and signs in the benchmark's users, as `npm run bench` does.
 */
export async function openSoakTarget(options: {
  manifest: DatasetManifest;
  inPlace: boolean;
  skipBuild: boolean;
  forceTsx: boolean;
  serverEnv?: Record<string, string>;
  connections: number;
  log: (line: string) => void;
}): Promise<SoakTarget> {
  const { manifest, log } = options;
  const copy =
    manifest.dialect === 'postgres'
      ? await copyPostgres(manifest.location, options.inPlace)
      : copySqlite(manifest.location, options.inPlace);
  let server: RunningServer | null = null;
  try {
    server = await startServer({
      databaseUrl: copy.databaseUrl,
      extraEnv: options.serverEnv ?? {},
      forceTsx: options.forceTsx,
      skipBuild: options.skipBuild,
      log,
    });
    const district = await signIn(server.baseUrl, manifest.users.district, manifest.password);
    const city = await signIn(server.baseUrl, manifest.users.city, manifest.password);
    const province = await signIn(server.baseUrl, manifest.users.province, manifest.password);
    const me = await getJson<{ user: { orgUnitName: string } }>(
      server.baseUrl,
      district,
      '/api/v1/auth/me',
    );
    const running = server;
    const ctx: BenchContext = {
      baseUrl: server.baseUrl,
      server,
      manifest,
      sessions: { district, city, province },
      districtName: me.user.orgUnitName,
      options: { duration: 0, connections: options.connections, writers: options.connections },
      factor: manifest.dialect === 'postgres' ? 2 : 1,
      log,
    };
    return {
      ctx,
      copy,
      close: async () => {
        await running.stop();
        await copy.discard();
      },
    };
  } catch (err) {
    await server?.stop();
    await copy.discard();
    throw err;
  }
}

// ---- The workload ----

/**
 * Reads in the proportions of the benchmark's mixed load; a share of transitions and tips
 * drawn among them at random (seeded, so two runs send the same sequence).
 */
async function soakShots(
  ctx: BenchContext,
  settings: SoakSettings,
): Promise<{ next: () => Shot; tally: TransitionTally; candidates: number }> {
  const reads = await mixedReadShots(ctx);
  const candidates = await transitionCandidates(ctx, 2000);
  // A hazard waits for its previous answer before it is sent again: with fewer hazards than
  // connections, transitions would run dry.
  if (candidates.length < settings.connections * 4) {
    throw new Error(
      `only ${candidates.length} hazards of district ${ctx.manifest.ids.district} can be supervised; the soak wants ${settings.connections * 4}`,
    );
  }
  const { next: transition, tally } = transitionShots(ctx, candidates);
  const tip = tipShots(ctx);
  const r = randomOf(401);
  const next = (): Shot => {
    const u = r.next();
    if (u < settings.transitionShare) return transition();
    if (u < settings.transitionShare + settings.tipShare) return tip();
    return reads();
  };
  return { next, tally, candidates: candidates.length };
}

const WRITE_LABELS = new Set(['supervise', 'lift_supervision', 'tip']);

function roleOf(index: number, count: number): WindowRole {
  if (index === count) return 'last';
  if (index === 1) return 'warm-up';
  if (index === 2) return 'baseline';
  return 'measured';
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

type WindowBucket = {
  latencies: number[];
  statusCounts: Record<string, number>;
  writes: number;
  errors: number;
  timeouts: number;
  rss: number[];
};

/**
 * Runs the soak: one autocannon run for the whole duration (no reconnection between windows),
 * every answer, error and RSS sample put in the window its time falls in. Prints a line per
 * window as it closes and returns the judged result.
 */
export async function runSoak(ctx: BenchContext, settings: SoakSettings): Promise<SoakResult> {
  const windowCount = Math.round(settings.durationSeconds / settings.windowSeconds);
  if (windowCount < 3 || windowCount * settings.windowSeconds !== settings.durationSeconds) {
    throw new Error(
      `the duration (${settings.durationSeconds} s) must be at least 3 whole windows of ${settings.windowSeconds} s: a warm-up, a baseline and a last one`,
    );
  }
  const { next, tally, candidates } = await soakShots(ctx, settings);
  const buckets: WindowBucket[] = Array.from({ length: windowCount }, () => ({
    latencies: [],
    statusCounts: {},
    writes: 0,
    errors: 0,
    timeouts: 0,
    rss: [],
  }));
  const logErrorsAt: number[] = [ctx.server.errorLines().length];
  const windowMs = settings.windowSeconds * 1000;
  const started = performance.now();
  // Answers still arriving after the last window's end (autocannon stops at the duration) count
  // in the last window.
  const bucketNow = (): WindowBucket =>
    buckets[Math.min(windowCount - 1, Math.floor((performance.now() - started) / windowMs))]!;

  const sampler = setInterval(() => {
    const memory = ctx.server.rss.sample();
    if (memory) bucketNow().rss.push(memory.rssMB);
  }, 500);
  let printed = 0;
  const closeWindow = () => {
    logErrorsAt.push(ctx.server.errorLines().length);
    const w = windowOf(buckets, printed, windowCount, settings, logErrorsAt);
    printed++;
    ctx.log(formatWindowLine(w));
  };
  const ticker = setInterval(() => {
    if (printed < windowCount - 1 && performance.now() - started >= (printed + 1) * windowMs)
      closeWindow();
  }, 250);

  ctx.log(formatWindowHeader());
  let load: LoadResult;
  try {
    load = await runLoad({
      baseUrl: ctx.baseUrl,
      connections: settings.connections,
      duration: settings.durationSeconds,
      overallRate: settings.rate,
      timeoutSeconds: 30,
      next,
      onAnswer: ({ label, status, ms }) => {
        const bucket = bucketNow();
        bucket.latencies.push(ms);
        bucket.statusCounts[status] = (bucket.statusCounts[status] ?? 0) + 1;
        if (WRITE_LABELS.has(label)) bucket.writes++;
      },
      onError: (error) => {
        const bucket = bucketNow();
        bucket.errors++;
        if (/timed out/.test(error.message)) bucket.timeouts++;
      },
    });
  } finally {
    clearInterval(ticker);
    clearInterval(sampler);
  }
  const last = ctx.server.rss.sample();
  if (last) buckets[windowCount - 1]!.rss.push(last.rssMB);
  while (printed < windowCount) closeWindow();

  // The figures of the windows once every answer is in (the lines above were printed as each
  // window closed; a late answer may since have landed in the last one).
  const windows = buckets.map((_, i) => windowOf(buckets, i, windowCount, settings, logErrorsAt));
  const byLabel = [...load.byLabel.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, s]) => ({ label, ...s }));
  const serverLogErrors = ctx.server.errorLines();
  const serverLogBusy = ctx.server.busyLines();
  const checks = judgeSoak(windows, settings, {
    busyAnswers: load.busyAnswers,
    serverLogErrors: serverLogErrors.length,
    serverLogBusy: serverLogBusy.length,
    tally,
  });
  return {
    settings,
    windows,
    byLabel,
    checks,
    verdict: checks.every((c) => c.pass) ? 'PASS' : 'FAIL',
    transitions: {
      candidates,
      stale: tally.stale,
      refused: tally.refused,
      retired: tally.retired.size,
    },
    serverErrorSamples: load.serverErrorSamples,
    serverLogErrors: serverLogErrors.slice(0, 5).map((l) => l.slice(0, 500)),
    serverLogBusy: serverLogBusy.slice(0, 5).map((l) => l.slice(0, 500)),
    seconds: (performance.now() - started) / 1000,
  };
}

function windowOf(
  buckets: WindowBucket[],
  i: number,
  count: number,
  settings: SoakSettings,
  logErrorsAt: number[],
): SoakWindow {
  const b = buckets[i]!;
  const non2xx = Object.entries(b.statusCounts)
    .filter(([status]) => Number(status) >= 300)
    .reduce((sum, [, n]) => sum + n, 0);
  const summary = summarize(b.latencies);
  return {
    index: i + 1,
    fromSeconds: i * settings.windowSeconds,
    toSeconds: (i + 1) * settings.windowSeconds,
    role: roleOf(i + 1, count),
    ...summary,
    reqPerSec: summary.requests / settings.windowSeconds,
    non2xx,
    errors: b.errors,
    timeouts: b.timeouts,
    writes: b.writes,
    statusCounts: { ...b.statusCounts },
    rssMedianMB: median(b.rss),
    rssPeakMB: b.rss.length > 0 ? Math.max(...b.rss) : 0,
    serverLogErrors: (logErrorsAt[i + 1] ?? logErrorsAt[logErrorsAt.length - 1]!) - logErrorsAt[i]!,
  };
}

// ---- The verdict ----

/** The soak's checks, each with its rule spelled out as it is printed. */
export function judgeSoak(
  windows: SoakWindow[],
  settings: SoakSettings,
  extra: {
    busyAnswers: number;
    serverLogErrors: number;
    serverLogBusy: number;
    tally: TransitionTally;
  },
): SoakCheck[] {
  const { rules } = settings;
  const sum = (f: (w: SoakWindow) => number) => windows.reduce((s, w) => s + f(w), 0);
  const baseline = windows.find((w) => w.role === 'baseline')!;
  const last = windows.find((w) => w.role === 'last')!;
  const statuses: Record<string, number> = {};
  for (const w of windows)
    for (const [status, n] of Object.entries(w.statusCounts))
      if (Number(status) >= 300) statuses[status] = (statuses[status] ?? 0) + n;
  const errors = sum((w) => w.errors);
  const timeouts = sum((w) => w.timeouts);
  const p99Limit = Math.max(rules.p99Ratio * baseline.p99Ms, rules.p99FloorMs);
  const growth = baseline.rssPeakMB > 0 ? last.rssPeakMB / baseline.rssPeakMB - 1 : Infinity;
  const minPerWindow = Math.floor(rules.minRateShare * settings.rate * settings.windowSeconds);
  const short = windows.filter((w) => w.requests < minPerWindow);
  return [
    {
      name: 'no errors',
      rule: 'no connection errors or timeouts in any window',
      measured: `${errors} errors (${timeouts} timeouts)`,
      pass: errors === 0,
    },
    {
      name: 'no non-2xx',
      rule: 'every answer 2xx (the generators never race on a hazard, so no 409 is expected)',
      measured:
        Object.keys(statuses).length === 0
          ? 'all 2xx'
          : Object.entries(statuses)
              .map(([s, n]) => `${n}×${s}`)
              .join(', '),
      pass: Object.keys(statuses).length === 0,
    },
    {
      name: 'server log clean',
      rule: 'no server log line at level error/fatal or naming SQLITE_BUSY; no answer naming it',
      measured: `${extra.serverLogErrors} error lines, ${extra.serverLogBusy} SQLITE_BUSY lines, ${extra.busyAnswers} SQLITE_BUSY answers`,
      pass: extra.serverLogErrors === 0 && extra.serverLogBusy === 0 && extra.busyAnswers === 0,
    },
    {
      name: 'rate held',
      rule: `every window answered ≥ ${(rules.minRateShare * 100).toFixed(0)} % of ${settings.rate}/s × ${settings.windowSeconds} s (${minPerWindow})`,
      measured:
        short.length === 0
          ? `lowest ${Math.min(...windows.map((w) => w.requests))}`
          : short.map((w) => `window ${w.index}: ${w.requests}`).join(', '),
      pass: short.length === 0 && !extra.tally.exhausted,
    },
    {
      name: 'p99 stable',
      rule: `last window p99 ≤ max(${rules.p99Ratio} × baseline window ${baseline.index} p99, ${rules.p99FloorMs} ms)`,
      measured: `${last.p99Ms.toFixed(1)} ms vs baseline ${baseline.p99Ms.toFixed(1)} ms (limit ${p99Limit.toFixed(1)} ms)`,
      pass: last.requests > 0 && last.p99Ms <= p99Limit,
    },
    {
      name: 'RSS growth',
      rule: `last window peak RSS < ${(1 + rules.rssGrowth).toFixed(2)} × baseline window ${baseline.index} peak RSS`,
      measured: `${last.rssPeakMB.toFixed(0)} MB vs ${baseline.rssPeakMB.toFixed(0)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %)`,
      pass: growth < rules.rssGrowth,
    },
  ];
}

// ---- Printing ----

const WINDOW_COLUMNS: [string, number][] = [
  ['window', 14],
  ['role', 8],
  ['requests', 8],
  ['req/s', 6],
  ['writes', 6],
  ['non2xx', 6],
  ['errors', 6],
  ['p50 ms', 7],
  ['p95 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['RSS MB', 7],
  ['peak MB', 7],
];

function line(cells: string[]): string {
  return WINDOW_COLUMNS.map(([, width], i) =>
    i < 2 ? (cells[i] ?? '').padEnd(width) : (cells[i] ?? '').padStart(width),
  ).join(' ');
}

export function formatWindowHeader(): string {
  const header = line(WINDOW_COLUMNS.map(([title]) => title));
  return `${header}\n${'-'.repeat(header.length)}`;
}

export function formatWindowLine(w: SoakWindow): string {
  const ms = (v: number) => v.toFixed(1);
  return line([
    `${w.index} ${w.fromSeconds}–${w.toSeconds}s`,
    w.role,
    String(w.requests),
    w.reqPerSec.toFixed(0),
    String(w.writes),
    String(w.non2xx),
    String(w.errors),
    ms(w.p50Ms),
    ms(w.p95Ms),
    ms(w.p99Ms),
    ms(w.maxMs),
    w.rssMedianMB.toFixed(0),
    w.rssPeakMB.toFixed(0),
  ]);
}

export function formatSoak(result: SoakResult): string {
  const lines = [formatWindowHeader(), ...result.windows.map(formatWindowLine), ''];
  lines.push('per endpoint over the whole run:');
  for (const row of result.byLabel) {
    const statuses = Object.entries(row.statusCounts)
      .map(([s, n]) => `${n}×${s}`)
      .join(' ');
    lines.push(
      `  ${row.label.padEnd(24)} ${String(row.requests).padStart(7)}  p50 ${row.p50Ms.toFixed(1).padStart(6)}  p95 ${row.p95Ms.toFixed(1).padStart(6)}  p99 ${row.p99Ms.toFixed(1).padStart(6)} ms  ${statuses}`,
    );
  }
  lines.push('', 'verdict:');
  for (const c of result.checks) {
    lines.push(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(16)} ${c.measured}`);
    lines.push(`        ${''.padEnd(16)} rule: ${c.rule}`);
  }
  lines.push(`  ${result.verdict}`);
  return lines.join('\n');
}

/** What the printed figures mean, for the output and the results file. */
export function soakNotes(settings: SoakSettings): string[] {
  const readShare = 1 - settings.transitionShare - settings.tipShare;
  return [
    `Mix: ${(readShare * 100).toFixed(0)} % reads (weights ${MIX.map(([k, w]) => `${k} ${w}`).join(', ')}), ${(settings.transitionShare * 100).toFixed(0)} % hazard transitions (supervise / lift_supervision with the record version, never two at once on a hazard), ${(settings.tipShare * 100).toFixed(0)} % staff tip registrations (POST /tips).`,
    `Rate: autocannon overallRate ${settings.rate}/s over ${settings.connections} connections; autocannon spends each connection's share of a second back to back from the start of the second, so the load comes in bursts of ${settings.connections} concurrent requests, harsher than evenly spaced arrivals.`,
    `Latency is each request's own time from send to answer (coordinated omission is not corrected: the "rate held" check catches a server that falls behind); percentiles are nearest-rank over every answer of the window.`,
    `Window 1 is the warm-up (judged for errors only); window 2 is the baseline of the p99 and RSS rules. RSS is the server process's VmRSS from /proc, sampled every 500 ms.`,
  ];
}
