// The province-scale benchmark (issue 11 §2): starts the server on a copy of a generated dataset
// (npm run bench:data), signs its users in over HTTP, loads it with autocannon on 127.0.0.1 —
// ledger list, hazard page, enterprise list, dashboard, weekly district report, province
// roll-up, mixed reads, state transitions (and a no-lost-update check), tip registration,
// import of 10,000 enterprises, export of ~100,000 hazards — samples the server's RSS, prints a
// table against the targets of §3 and writes bench/results/latest.json.
//
// Run: npm run bench [-- --scale district|city|province --pg --duration 10 --connections 10
//        --writers 50 --only ledger,transition --in-place --tsx --no-build --dir D --out F
//        --server-env KEY=VALUE --node-arg=--cpu-prof --server-log F]
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_BENCH_DIR,
  type DatasetManifest,
  readManifest as readDatasetManifest,
  type Scale,
  SCALES,
} from './data/manifest.js';
import { enterpriseImport, hazardExport } from './lib/bulk.js';
import type { BenchContext } from './lib/context.js';
import { withRss } from './lib/context.js';
import { requestCeiling } from './lib/ceiling.js';
import { getJson, signIn } from './lib/http.js';
import { stopLoad } from './lib/load.js';
import {
  dashboards,
  districtReports,
  enterprises,
  hazardPages,
  ledgerCity,
  ledgerDistrict,
  mixedReads,
  rollups,
} from './lib/reads.js';
import {
  failedRow,
  formatNotes,
  formatTable,
  machine,
  type ResultsFile,
  type RssSummary,
  type ScenarioRow,
  writeResults,
} from './lib/report.js';
import {
  copyPostgres,
  copySqlite,
  REPO_ROOT,
  type RunningServer,
  startServer,
  type WorkingCopy,
} from './lib/server.js';
import { contention, tips, transitions } from './lib/writes.js';
import { positiveNumber, usageError } from './lib/cli-args.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'province' },
    pg: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    writers: { type: 'string', default: '50' },
    dir: { type: 'string', default: DEFAULT_BENCH_DIR },
    out: { type: 'string', default: path.join(REPO_ROOT, 'bench/results/latest.json') },
    /** Comma-separated scenario keys (see SCENARIOS); default all. */
    only: { type: 'string' },
    /** Run on the dataset itself instead of a copy (it is changed by the writes). */
    'in-place': { type: 'boolean', default: false },
    /** Start the server from source with tsx even when a compiled build exists. */
    tsx: { type: 'boolean', default: false },
    /** Do not rebuild apps/server/dist before starting it. */
    'no-build': { type: 'boolean', default: false },
    /** KEY=VALUE for the server's environment (repeatable), e.g. LOG_LEVEL=info. */
    'server-env': { type: 'string', multiple: true, default: [] },
    /** A flag for the server's node (repeatable), e.g. --node-arg=--cpu-prof. */
    'node-arg': { type: 'string', multiple: true, default: [] },
    /** Write the server's whole output to this file. */
    'server-log': { type: 'string' },
  },
});

/** Server RSS limit of §3 (the Node process alone; the same on PostgreSQL). */
const RSS_TARGET_MB = 500;

/**
 * The RSS row's verdict: the peak of the summed RSS, sampled every 100 ms, counting the pages the
 * processes share once per process. One process is also held to its VmHWM, which catches a peak
 * between samples; several are not held to the sum of theirs, which adds peaks of different
 * moments (it is printed beside).
 */
function rssVerdict(rss: { peakMB: number; hwmMB: number; processes: number }): 'PASS' | 'FAIL' {
  const peak = rss.processes > 1 ? rss.peakMB : Math.max(rss.peakMB, rss.hwmMB);
  return peak < RSS_TARGET_MB ? 'PASS' : 'FAIL';
}

type Scenario = { key: string; run: (ctx: BenchContext) => Promise<ScenarioRow[]> };

const SCENARIOS: Scenario[] = [
  {
    key: 'ledger',
    // Each user's list in its own RSS window.
    run: async (ctx) => [
      ...(await withRss(ctx, () => ledgerDistrict(ctx))),
      ...(await withRss(ctx, () => ledgerCity(ctx))),
    ],
  },
  { key: 'hazard', run: hazardPages },
  { key: 'enterprises', run: enterprises },
  { key: 'dashboard', run: dashboards },
  { key: 'report', run: districtReports },
  { key: 'rollup', run: rollups },
  { key: 'mixed', run: mixedReads },
  // What any request can reach with as many connections as there are writers: bounds the next.
  { key: 'ceiling', run: requestCeiling },
  {
    key: 'transition',
    run: async (ctx) => {
      const { rows, spare } = await transitions(ctx);
      // The contention check is judged on its own even when the load went wrong.
      const checked = await contention(ctx, spare).catch((err: unknown) => [
        failedRow('contention', 'one hazard, 50 writers, same version', err),
      ]);
      return [...rows, ...checked];
    },
  },
  { key: 'tips', run: tips },
  { key: 'import', run: (ctx) => enterpriseImport(ctx) },
  { key: 'export', run: (ctx) => hazardExport(ctx) },
];

function readManifest(scale: Scale, dialect: 'sqlite' | 'postgres'): DatasetManifest {
  try {
    return readDatasetManifest(values.dir, scale, dialect);
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
}

async function main(): Promise<void> {
  const scale = values.scale as Scale;
  if (!SCALES.includes(scale)) usageError(`--scale must be one of ${SCALES.join(', ')}`);
  const dialect = values.pg ? 'postgres' : 'sqlite';
  const options = {
    duration: positiveNumber('duration', values.duration),
    connections: positiveNumber('connections', values.connections),
    writers: positiveNumber('writers', values.writers),
  };
  const only = values.only?.split(',').map((s) => s.trim());
  const unknown = only?.filter((k) => !SCENARIOS.some((s) => s.key === k)) ?? [];
  if (unknown.length > 0)
    usageError(
      `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.key).join(', ')}`,
    );
  // The server runs as the README's deployment advice has it: a process per core
  // (SERVER_PROCESSES=auto); `--server-env SERVER_PROCESSES=1` measures one process.
  const serverEnv: Record<string, string> = {
    SERVER_PROCESSES: 'auto',
    ...Object.fromEntries(
      values['server-env'].map((pair) => {
        const at = pair.indexOf('=');
        if (at <= 0) usageError(`--server-env wants KEY=VALUE, not "${pair}"`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    ),
  };
  const manifest = readManifest(scale, dialect);
  const factor = dialect === 'postgres' ? 2 : 1;
  const log = (line: string) => console.log(line);

  let copy: WorkingCopy | null = null;
  let server: RunningServer | null = null;
  let aborting = false;
  const onSignal = () => {
    if (aborting) {
      // A second Ctrl-C: do not wait for the load to wind down.
      if (server) process.kill(server.pid, 'SIGKILL');
      process.exit(130);
    }
    aborting = true;
    console.log('\nStopping (Ctrl-C again to kill) …');
    stopLoad();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    log(`Dataset: ${scale}, ${dialect}, generated ${manifest.generatedAt} (seed ${manifest.seed})`);
    const t0 = performance.now();
    copy =
      dialect === 'postgres'
        ? await copyPostgres(manifest.location, values['in-place'])
        : copySqlite(manifest.location, values['in-place']);
    log(`Working database: ${copy.describe} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    server = await startServer({
      databaseUrl: copy.databaseUrl,
      extraEnv: serverEnv,
      forceTsx: values.tsx,
      nodeArgs: values['node-arg'],
      ...(values['server-log'] ? { logFile: values['server-log'] } : {}),
      skipBuild: values['no-build'],
      log,
    });
    log(`Server: ${server.command} on ${server.baseUrl} (pid ${server.pid})`);

    const [district, city, province] = [
      await signIn(server.baseUrl, manifest.users.district, manifest.password),
      await signIn(server.baseUrl, manifest.users.city, manifest.password),
      await signIn(server.baseUrl, manifest.users.province, manifest.password),
    ];
    const me = await getJson<{ user: { orgUnitName: string } }>(
      server.baseUrl,
      district,
      '/api/v1/auth/me',
    );
    await new Promise((r) => setTimeout(r, 1000));
    const idleMB = server.rss.sample()?.rssMB ?? 0;
    log(
      `Signed in ${district.username}, ${city.username}, ${province.username}; server RSS idle ${idleMB.toFixed(0)} MB`,
    );

    const ctx: BenchContext = {
      baseUrl: server.baseUrl,
      server,
      manifest,
      sessions: { district, city, province },
      districtName: me.user.orgUnitName,
      options,
      factor,
      log,
    };
    const rows: ScenarioRow[] = [];
    const perScenario: RssSummary['perScenario'] = [];
    for (const scenario of SCENARIOS) {
      if (only && !only.includes(scenario.key)) continue;
      if (aborting) break;
      log(`${scenario.key} …`);
      try {
        const produced = await withRss(ctx, () => scenario.run(ctx));
        rows.push(...produced);
        for (const r of produced)
          perScenario.push({ key: r.key, name: r.name, peakMB: r.rssPeakMB });
      } catch (err) {
        // One broken scenario is a failed row, not a lost run.
        log(
          `  ${scenario.key} failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
        );
        rows.push(failedRow(scenario.key, scenario.key, err));
      }
    }

    const busy = server.busyLines();
    const errors = server.errorLines();
    const rss: RssSummary = {
      idleMB,
      peakMB: server.rss.peakMB,
      hwmMB: server.rss.hwmMB,
      pssPeakMB: server.rss.pssPeakMB,
      processes: server.rss.processes,
      perScenario,
      targetMB: RSS_TARGET_MB,
      verdict: rssVerdict(server.rss),
    };
    const notes = [
      values['in-place']
        ? `This run changed the dataset (hazard transitions, tips, imported enterprises). Regenerate it with: npm run bench:data -- --scale ${scale}${values.pg ? ' --pg' : ''}`
        : `Ran on a ${copy.describe}, discarded afterwards: the generated dataset is unchanged.`,
      `Targets are issue 11 §3 on SQLite; on PostgreSQL latency limits are doubled and the throughput floor halved ("the same within 2×"); RSS < ${RSS_TARGET_MB} MB on both.`,
      `Latencies are per request as autocannon measures them, over all answers (non-2xx included); percentiles are nearest-rank over every answer.`,
    ];
    if (busy.length > 0)
      notes.push(`${busy.length} server log lines mention SQLITE_BUSY: ${busy[0]}`);
    if (errors.length > 0)
      notes.push(`${errors.length} server log lines at level error: ${errors[0]!.slice(0, 300)}`);

    console.log();
    const counted = [
      'enterprises',
      'hazards',
      'inspection_records',
      'penalty_cases',
      'tips',
      'audit_log',
    ];
    console.log(
      `Hazard Ledger benchmark — ${scale} (${counted
        .filter((k) => manifest.counts[k] !== undefined)
        .map((k) => `${k} ${manifest.counts[k]!.toLocaleString()}`)
        .join(
          ', ',
        )}), ${dialect}, ${machine().cpus} cores, SERVER_PROCESSES=${serverEnv.SERVER_PROCESSES}, Node ${process.version}`,
    );
    console.log(formatTable(rows, rss));
    const rowNotes = formatNotes(rows);
    if (rowNotes) console.log(`\n${rowNotes}`);
    console.log(`\n${notes.map((n) => `  ${n}`).join('\n')}`);

    const results: ResultsFile = {
      generatedAt: new Date().toISOString(),
      machine: machine(),
      scale,
      dialect,
      counts: manifest.counts,
      dataset: {
        location: manifest.location,
        generatedAt: manifest.generatedAt,
        seed: manifest.seed,
        workingCopy: copy.describe,
      },
      server: { command: server.command },
      options: {
        ...options,
        inPlace: values['in-place'],
        only: values.only ?? 'all',
        serverEnv: Object.entries(serverEnv)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
        nodeArgs: values['node-arg'].join(' '),
      },
      scenarios: rows,
      rss,
      targets: [
        ...rows
          .filter((r) => r.target !== null)
          .map((r) => ({
            scenario: r.name,
            target: r.target!,
            verdict: r.verdict,
            failures: r.failures,
          })),
        {
          scenario: 'server RSS',
          target: `<${RSS_TARGET_MB}MB`,
          verdict: rss.verdict,
          failures: rss.verdict === 'FAIL' ? [`peak ${rss.peakMB.toFixed(0)} MB`] : [],
        },
      ],
      notes,
    };
    writeResults(values.out, results);
    console.log(`\nWritten to ${path.relative(process.cwd(), values.out) || values.out}`);
    if (rows.some((r) => r.verdict === 'FAIL') || rss.verdict === 'FAIL') process.exitCode = 1;
  } finally {
    await server?.stop();
    await copy?.discard();
  }
}

await main();
