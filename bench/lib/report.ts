// Result rows, their verdicts against the targets, the terminal table and
// bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './load.js';

/** A target of issue 11 §3 (SQLite figures; PostgreSQL gets `factor` = 2 on each). */
export type Target = {
  /** p95 latency limit, ms. */
  p95Ms?: number;
  /** Throughput floor, requests per second. */
  minReqPerSec?: number;
  /** Limit on one timed operation, ms. */
  maxMs?: number;
};

export type Verdict = 'PASS' | 'FAIL' | 'info';

export type ScenarioRow = {
  key: string;
  name: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  reqPerSec: number | null;
  /** Answers with a status of 300 or more (expected 409s of the transition load included). */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  statusCounts: Record<string, number>;
  target: string | null;
  verdict: Verdict;
  /** Why the row failed (empty when it did not). */
  failures: string[];
  notes: string[];
  rssPeakMB: number | null;
  /** Per endpoint figures of a mixed load. */
  breakdown?: ScenarioRow[];
  /** Scenario-specific figures (bytes, rows, seconds per phase, counts …). */
  details?: Record<string, number | string | boolean | null>;
};

export function describeTarget(target: Target, factor: number): string {
  const parts: string[] = [];
  if (target.p95Ms !== undefined) parts.push(`p95<${fmtMs(target.p95Ms * factor)}`);
  if (target.minReqPerSec !== undefined)
    parts.push(`>=${Math.round(target.minReqPerSec / factor)}/s`);
  if (target.maxMs !== undefined) parts.push(`<${fmtMs(target.maxMs * factor)}`);
  return parts.join(' ');
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(2)}s` : `${+ms.toFixed(0)}ms`;
}

/** Failures of a target given the measured figures. */
export function targetFailures(
  target: Target | undefined,
  factor: number,
  figures: { p95Ms?: number | null; reqPerSec?: number | null; ms?: number | null },
): string[] {
  if (!target) return [];
  const failures: string[] = [];
  if (target.p95Ms !== undefined && (figures.p95Ms ?? Infinity) >= target.p95Ms * factor) {
    failures.push(`p95 ${(figures.p95Ms ?? NaN).toFixed(1)} ms ≥ ${target.p95Ms * factor} ms`);
  }
  if (
    target.minReqPerSec !== undefined &&
    (figures.reqPerSec ?? 0) < target.minReqPerSec / factor
  ) {
    failures.push(
      `${(figures.reqPerSec ?? 0).toFixed(0)} req/s < ${target.minReqPerSec / factor} req/s`,
    );
  }
  if (target.maxMs !== undefined && (figures.ms ?? Infinity) >= target.maxMs * factor) {
    failures.push(`${(figures.ms ?? NaN).toFixed(0)} ms ≥ ${target.maxMs * factor} ms`);
  }
  return failures;
}

export type LoadRowOptions = {
  key: string;
  name: string;
  target?: Target;
  factor: number;
  /** Statuses that are a normal answer here besides 2xx (e.g. 409 for the transition load). */
  expectedStatuses?: number[];
  rssPeakMB: number | null;
  notes?: string[];
  /** Also list the figures per label (mixed load). */
  breakdown?: boolean;
  details?: Record<string, number | string | boolean | null>;
};

/** A row from an autocannon load: the target plus everything that must not happen. */
export function loadRow(load: LoadResult, o: LoadRowOptions): ScenarioRow {
  const expected = new Set(o.expectedStatuses ?? []);
  let non2xx = 0;
  let unexpected = 0;
  let serverErrors = 0;
  for (const [status, count] of Object.entries(load.statusCounts)) {
    const code = Number(status);
    if (code >= 300) non2xx += count;
    if (code >= 500) serverErrors += count;
    else if (code >= 300 && !expected.has(code)) unexpected += count;
  }
  const failures = targetFailures(o.target, o.factor, load);
  if (load.requests === 0) failures.push('no answers');
  if (serverErrors > 0) {
    failures.push(`${serverErrors} server errors (5xx): ${load.serverErrorSamples[0] ?? ''}`);
  }
  if (unexpected > 0) failures.push(`${unexpected} unexpected non-2xx answers`);
  if (load.errors > 0)
    failures.push(`${load.errors} connection errors (${load.timeouts} timeouts)`);
  if (load.busyAnswers > 0) failures.push(`${load.busyAnswers} answers mention SQLITE_BUSY`);
  const row: ScenarioRow = {
    key: o.key,
    name: o.name,
    requests: load.requests,
    p50Ms: load.p50Ms,
    p95Ms: load.p95Ms,
    p99Ms: load.p99Ms,
    maxMs: load.maxMs,
    reqPerSec: load.reqPerSec,
    non2xx,
    errors: load.errors,
    statusCounts: load.statusCounts,
    target: o.target ? describeTarget(o.target, o.factor) : null,
    verdict: failures.length > 0 ? 'FAIL' : o.target ? 'PASS' : 'info',
    failures,
    notes: o.notes ?? [],
    rssPeakMB: o.rssPeakMB,
    ...(o.details ? { details: o.details } : {}),
  };
  if (o.breakdown) {
    row.breakdown = [...load.byLabel.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, s]) => ({
        key: `${o.key}:${label}`,
        name: label,
        requests: s.requests,
        p50Ms: s.p50Ms,
        p95Ms: s.p95Ms,
        p99Ms: s.p99Ms,
        maxMs: s.maxMs,
        reqPerSec: load.seconds > 0 ? s.requests / load.seconds : null,
        non2xx: Object.entries(s.statusCounts)
          .filter(([status]) => Number(status) >= 300)
          .reduce((sum, [, n]) => sum + n, 0),
        errors: 0,
        statusCounts: s.statusCounts,
        target: null,
        verdict: 'info',
        failures: [],
        notes: [],
        rssPeakMB: null,
      }));
  }
  return row;
}

/** A row for a check or a timed one-off, judged by the caller. */
export function plainRow(
  row: Omit<ScenarioRow, 'verdict' | 'statusCounts' | 'notes' | 'failures'> & {
    failures: string[];
    statusCounts?: Record<string, number>;
    notes?: string[];
  },
): ScenarioRow {
  return {
    ...row,
    statusCounts: row.statusCounts ?? {},
    notes: row.notes ?? [],
    verdict: row.failures.length > 0 ? 'FAIL' : row.target ? 'PASS' : 'info',
  };
}

/** The row of a scenario that threw: a failed row, not a lost run. */
export function failedRow(key: string, name: string, err: unknown): ScenarioRow {
  return plainRow({
    key,
    name: `${name} (did not run to the end)`,
    requests: 0,
    p50Ms: null,
    p95Ms: null,
    p99Ms: null,
    maxMs: null,
    reqPerSec: null,
    non2xx: 0,
    errors: 1,
    target: null,
    failures: [err instanceof Error ? err.message : String(err)],
    rssPeakMB: null,
  });
}

// ---- Terminal table ----

const COLUMNS = [
  { title: 'scenario', width: 46, align: 'left' },
  { title: 'requests', width: 8, align: 'right' },
  { title: 'p50 ms', width: 8, align: 'right' },
  { title: 'p95 ms', width: 8, align: 'right' },
  { title: 'p99 ms', width: 8, align: 'right' },
  { title: 'req/s', width: 7, align: 'right' },
  { title: 'non2xx', width: 6, align: 'right' },
  { title: 'errors', width: 6, align: 'right' },
  { title: 'target', width: 18, align: 'left' },
  { title: 'result', width: 6, align: 'left' },
] as const;

/** Display width: CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

function cell(text: string, width: number, align: 'left' | 'right'): string {
  let t = text;
  while (displayWidth(t) > width) t = t.slice(0, -1);
  const pad = ' '.repeat(width - displayWidth(t));
  return align === 'left' ? t + pad : pad + t;
}

function num(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value >= 1000 ? value.toFixed(0) : value.toFixed(digits);
}

function tableLine(values: string[]): string {
  return COLUMNS.map((c, i) => cell(values[i] ?? '', c.width, c.align)).join(' ');
}

function rowLine(row: ScenarioRow, indent = ''): string {
  return tableLine([
    indent + row.name,
    String(row.requests),
    num(row.p50Ms),
    num(row.p95Ms),
    num(row.p99Ms),
    row.reqPerSec === null ? '—' : row.reqPerSec.toFixed(0),
    String(row.non2xx),
    String(row.errors),
    row.target ?? '—',
    row.verdict,
  ]);
}

export type RssSummary = {
  idleMB: number;
  peakMB: number;
  /**
   * VmHWM: the kernel's own peak of each process's resident set, summed. With one process it
   * catches a peak between two samples; with several it adds peaks of different moments, an
   * upper bound that no moment reached.
   */
  hwmMB: number;
  /** The peak of the processes' summed PSS (shared pages counted once). */
  pssPeakMB: number;
  /** How many processes the server ran at most at once (primary and workers). */
  processes: number;
  perScenario: { key: string; name: string; peakMB: number | null }[];
  targetMB: number;
  verdict: Verdict;
};

export function formatTable(rows: ScenarioRow[], rss: RssSummary): string {
  const lines: string[] = [];
  const header = tableLine(COLUMNS.map((c) => c.title));
  lines.push(header, '-'.repeat(displayWidth(header)));
  for (const row of rows) {
    lines.push(rowLine(row));
    for (const sub of row.breakdown ?? []) lines.push(rowLine(sub, '  · '));
  }
  lines.push('-'.repeat(displayWidth(header)));
  lines.push(
    tableLine([
      `server RSS peak ${rss.peakMB.toFixed(0)} MB (idle ${rss.idleMB.toFixed(0)} MB)`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      `<${rss.targetMB}MB`,
      rss.verdict,
    ]),
  );
  const peaks = rss.perScenario
    .filter((s) => s.peakMB !== null)
    .map((s) => `${s.key} ${s.peakMB!.toFixed(0)}`)
    .join(', ');
  const sum = rss.processes > 1 ? ` (sums over ${rss.processes} processes)` : '';
  lines.push(
    `VmHWM ${rss.hwmMB.toFixed(0)} MB${rss.processes > 1 ? ' (sum of each process’s own peak, an upper bound)' : ''}; PSS peak ${rss.pssPeakMB.toFixed(0)} MB${sum}; peak RSS per scenario (MB): ${peaks}`,
  );
  return lines.join('\n');
}

export function formatNotes(rows: ScenarioRow[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    for (const f of row.failures) lines.push(`  FAIL ${row.name}: ${f}`);
  }
  for (const row of rows) {
    for (const n of row.notes) lines.push(`  ${row.name}: ${n}`);
  }
  return lines.join('\n');
}

// ---- bench/results/latest.json ----

export type ResultsFile = {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryMB: number; node: string; os: string };
  scale: string;
  dialect: 'sqlite' | 'postgres';
  counts: Record<string, number>;
  dataset: { location: string; generatedAt: string; seed: number; workingCopy: string };
  server: { command: string };
  options: Record<string, string | number | boolean>;
  scenarios: ScenarioRow[];
  rss: RssSummary;
  targets: { scenario: string; target: string; verdict: Verdict; failures: string[] }[];
  notes: string[];
};

export function machine(): ResultsFile['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryMB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function writeResults(file: string, results: ResultsFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
