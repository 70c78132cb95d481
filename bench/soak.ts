// The load soak (issue 12 §6): starts the built server on a copy of a generated dataset
// (npm run bench:data; district scale by default), drives a mixed workload of reads, hazard
// transitions and tip registrations at a fixed rate on 127.0.0.1 for 10 minutes, prints a table
// per window (requests, errors, non-2xx, p50/p95/p99, server RSS) and a verdict — no errors, no
// non-2xx, p99 stable, RSS growth under 10 % — writes bench/results/soak-latest.json and exits
// with 1 when the verdict fails.
//
// Run: npm run bench:soak [-- --scale district|city|province --pg --duration 600 --window 60
//        --rate 300 --connections 10 --dir D --out F --in-place --tsx --no-build]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_BENCH_DIR,
  type DatasetManifest,
  readManifest as readDatasetManifest,
  type Scale,
  SCALES,
} from './data/manifest.js';
import { stopLoad } from './lib/load.js';
import { machine } from './lib/report.js';
import { REPO_ROOT } from './lib/server.js';
import {
  DEFAULT_RULES,
  formatSoak,
  openSoakTarget,
  runSoak,
  type SoakSettings,
  soakNotes,
  type SoakTarget,
} from './lib/soak.js';
import { positiveNumber, usageError } from './lib/cli-args.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'district' },
    pg: { type: 'boolean', default: false },
    /** Seconds of load in all, a whole number of windows (the first is the warm-up). */
    duration: { type: 'string', default: '600' },
    /** Seconds per window. */
    window: { type: 'string', default: '60' },
    /** Requests per second over all connections. */
    rate: { type: 'string', default: '300' },
    connections: { type: 'string', default: '10' },
    /** Shares of the requests that are hazard transitions and tip registrations. */
    transitions: { type: 'string', default: '0.07' },
    tips: { type: 'string', default: '0.03' },
    /** The p99 rule's floor in ms (see SoakRules). */
    'p99-floor': { type: 'string', default: String(DEFAULT_RULES.p99FloorMs) },
    dir: { type: 'string', default: DEFAULT_BENCH_DIR },
    out: { type: 'string', default: path.join(REPO_ROOT, 'bench/results/soak-latest.json') },
    /** Run on the dataset itself instead of a copy (it is changed by the writes). */
    'in-place': { type: 'boolean', default: false },
    tsx: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    /** KEY=VALUE for the server's environment (repeatable). */
    'server-env': { type: 'string', multiple: true, default: [] },
  },
});

function share(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) usageError(`--${name} must be between 0 and 1`);
  return n;
}

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
  const settings: SoakSettings = {
    rate: positiveNumber('rate', values.rate),
    durationSeconds: positiveNumber('duration', values.duration),
    windowSeconds: positiveNumber('window', values.window),
    connections: positiveNumber('connections', values.connections),
    transitionShare: share('transitions', values.transitions),
    tipShare: share('tips', values.tips),
    rules: { ...DEFAULT_RULES, p99FloorMs: Number(values['p99-floor']) },
  };
  if (settings.transitionShare + settings.tipShare > 1)
    usageError('--transitions + --tips exceed 1');
  if (settings.durationSeconds % settings.windowSeconds !== 0)
    usageError('--duration must be a whole number of --window');
  if (settings.durationSeconds / settings.windowSeconds < 3)
    usageError('--duration must be at least 3 windows: a warm-up, a baseline and a last one');
  const serverEnv = Object.fromEntries(
    values['server-env'].map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) usageError(`--server-env wants KEY=VALUE, not "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
  const manifest = readManifest(scale, dialect);
  const log = (text: string) => console.log(text);

  let target: SoakTarget | null = null;
  let aborting = false;
  // Stop the load and still print, write and clean up (the server and the working copy).
  const onSignal = () => {
    if (aborting) {
      if (target) process.kill(target.ctx.server.pid, 'SIGKILL');
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
    target = await openSoakTarget({
      manifest,
      inPlace: values['in-place'],
      skipBuild: values['no-build'],
      forceTsx: values.tsx,
      serverEnv,
      connections: settings.connections,
      log,
    });
    const { ctx } = target;
    log(`Working database: ${target.copy.describe}`);
    log(`Server: ${ctx.server.command} on ${ctx.baseUrl} (pid ${ctx.server.pid})`);
    log(
      `Soak: ${settings.rate} req/s for ${settings.durationSeconds} s in windows of ${settings.windowSeconds} s, ${settings.connections} connections\n`,
    );
    const result = await runSoak(ctx, settings);
    const notes = [
      ...soakNotes(settings),
      values['in-place']
        ? `This run changed the dataset. Regenerate it with: npm run bench:data -- --scale ${scale}${values.pg ? ' --pg' : ''}`
        : `Ran on a ${target.copy.describe}, discarded afterwards: the generated dataset is unchanged.`,
    ];
    if (aborting) notes.push('Stopped early by Ctrl-C: the windows after the stop are empty.');
    if (result.serverErrorSamples.length > 0)
      notes.push(`First 5xx answer: ${result.serverErrorSamples[0]}`);
    if (result.serverLogErrors.length > 0)
      notes.push(`First server error log line: ${result.serverLogErrors[0]}`);

    console.log(
      `\nHazard Ledger soak — ${scale} (hazards ${manifest.counts.hazards?.toLocaleString() ?? '?'}), ${dialect}, ${machine().cpus} cores, Node ${process.version}, ${result.seconds.toFixed(0)} s`,
    );
    console.log(formatSoak(result));
    console.log(`\n${notes.map((n) => `  ${n}`).join('\n')}`);

    fs.mkdirSync(path.dirname(values.out), { recursive: true });
    const file = {
      generatedAt: new Date().toISOString(),
      machine: machine(),
      scale,
      dialect,
      counts: manifest.counts,
      dataset: {
        location: manifest.location,
        generatedAt: manifest.generatedAt,
        seed: manifest.seed,
        workingCopy: target.copy.describe,
      },
      server: { command: ctx.server.command, serverEnv: values['server-env'].join(' ') },
      ...result,
      notes,
    };
    fs.writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`);
    console.log(`\nWritten to ${path.relative(process.cwd(), values.out) || values.out}`);
    if (result.verdict === 'FAIL' || aborting) process.exitCode = 1;
  } finally {
    await target?.close();
  }
}

await main();
