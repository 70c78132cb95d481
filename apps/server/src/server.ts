import cluster, { type Worker } from 'node:cluster';
import { type AppConfig, loadConfig } from './config.js';
import { DEMO_USERS } from './seed/demo-users.js';
import { onShutdown } from './shutdown.js';

// One process (SERVER_PROCESSES=1, the default) prepares the database, serves HTTP and runs the
// daily reminders. With more, node:cluster's workers share the port and serve requests: Node runs
// JavaScript on one core per process, so this is how a server uses the machine's other cores.
//
// The primary only starts and replaces processes. It first runs one short-lived process that
// migrates and seeds the database, then forks the workers, the first of which also runs the
// reminders. So the primary never loads the application (serve.ts is imported on demand):
// it stays at Node's own baseline, about 40 MB, where it used to hold a whole server's modules
// (about 125 MB) that it never used to serve a request.

/**
 * How each worker's memory is bounded: the old generation to WORKER_HEAP_MB, the young one to
 * 2 MB semi-spaces (Node's default lets them grow to 16 MB), and glibc to one malloc arena (its
 * default, eight per core, keeps freed memory of V8's helper threads resident). On the province
 * benchmark with two workers a worker's peak went from 339 to about 210 MB at the same
 * throughput (README, "Performance"). A worker that needs more heap than that is stopped by V8
 * and replaced. The heaviest requests fit: the import of 20,000 enterprises (MAX_IMPORT_ROWS)
 * needs more than 112 MB, the export of 100,000 hazards less.
 */
function boundWorkerMemory(config: AppConfig): void {
  cluster.setupPrimary({
    execArgv: [
      ...process.execArgv,
      `--max-old-space-size=${config.workerHeapMb}`,
      '--max-semi-space-size=2',
    ],
  });
}

/** What a cluster worker does, passed in its environment by the primary. */
const WORKER_ROLE = 'HL_WORKER_ROLE';
type WorkerRole = 'prepare' | 'serve' | 'serve+reminders';

function printBanner(config: AppConfig): void {
  const where =
    config.database.dialect === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const url = `http://localhost:${config.port}`;
  const processes =
    config.serverProcesses > 1 ? `\n  Processes:  ${config.serverProcesses} (node:cluster)` : '';
  console.log(`
重大事故隐患排查整治系统 (Hazard Ledger) is running
  URL:        ${url}
  API docs:   ${url}/api/docs
  Database:   ${where}${processes}
  Demo logins (password: ${config.demoPassword}):
${DEMO_USERS.map((u) => `    ${u.username.padEnd(10)} ${u.role.padEnd(13)} ${u.displayName}`).join('\n')}
    ${'xinxiyuan1'.padEnd(10)} ${'informant'.padEnd(13)} 安全生产信息员 (created from the informant registry)
  Public tip page: ${url}/tip
`);
}

/** The whole server in this process. */
async function runSingle(config: AppConfig): Promise<void> {
  const { serve } = await import('./serve.js');
  await serve(config, { prepare: true, reminders: true, onListening: () => printBanner(config) });
}

/** A cluster worker: prepares the database and exits, or serves (the primary has prepared it). */
async function runWorker(config: AppConfig): Promise<void> {
  const role = process.env[WORKER_ROLE] as WorkerRole | undefined;
  const { prepareOnly, serve } = await import('./serve.js');
  if (role === 'prepare') {
    await prepareOnly(config);
    process.exit(0);
  }
  await serve(config, { prepare: false, reminders: role === 'serve+reminders' });
}

function workerEnv(role: WorkerRole): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '1', [WORKER_ROLE]: role };
}

/** Runs the preparing process to its end; false when it failed (it has said why). */
function prepareInWorker(): Promise<boolean> {
  const worker = cluster.fork(workerEnv('prepare'));
  return new Promise((resolve) => {
    worker.once('exit', (code, signal) => resolve(code === 0 && signal === null));
  });
}

/**
 * The primary: has the database prepared, forks the workers (and replaces one that dies, in the
 * same role), and on a signal stops the workers before exiting.
 */
async function runPrimary(config: AppConfig): Promise<void> {
  let stopping = false;
  onShutdown(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  });
  boundWorkerMemory(config);
  if (!(await prepareInWorker())) {
    if (!stopping) console.error('Preparing the database failed; stopping.');
    process.exit(1);
  }
  if (stopping) return;

  const roles = new Map<Worker, WorkerRole>();
  let listening = 0;
  const fork = (role: WorkerRole) => {
    const worker = cluster.fork(workerEnv(role));
    roles.set(worker, role);
    worker.once('online', () =>
      console.log(
        `Worker ${worker.process.pid} started (${role === 'serve' ? 'serves requests' : 'serves requests, runs the daily reminders'}).`,
      ),
    );
    worker.once('listening', () => {
      listening++;
      if (listening === config.serverProcesses) printBanner(config);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    const role = roles.get(worker);
    roles.delete(worker);
    if (stopping || role === undefined) return;
    console.error(
      `Worker ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another.`,
    );
    // A worker that cannot start at all (port taken, bad configuration) would loop forever.
    if (listening === 0) {
      console.error('No worker came up; stopping.');
      process.exit(1);
    }
    fork(role);
  });
  for (let i = 0; i < config.serverProcesses; i++) fork(i === 0 ? 'serve+reminders' : 'serve');
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.serverProcesses <= 1) return runSingle(config);
  return cluster.isPrimary ? runPrimary(config) : runWorker(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
