// The server under test: a working copy of the dataset (so a run leaves the generated data as it
// was), the server started as a child process on 127.0.0.1, its memory sampled from /proc, and
// everything undone at the end.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const DIST_SERVER = path.join(REPO_ROOT, 'apps/server/dist/server.js');
const BUILD_SCRIPT = path.join(REPO_ROOT, 'scripts/build-server.mjs');
const SOURCE_SERVER = path.join(REPO_ROOT, 'apps/server/src/server.ts');

// ---- Working copy of the dataset ----

export type WorkingCopy = {
  /** DATABASE_URL of the copy (or of the dataset itself with --in-place). */
  databaseUrl: string;
  describe: string;
  /** Removes the copy; a no-op in place. */
  discard: () => Promise<void>;
};

function removeSqliteFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/**
 * Copies the SQLite file (and its WAL, if the generator left one) beside it. A reflink where the
 * file system has them, a plain copy otherwise: seconds either way, against minutes to generate.
 */
export function copySqlite(source: string, inPlace: boolean): WorkingCopy {
  if (inPlace) {
    return {
      databaseUrl: `sqlite:${source}`,
      describe: `${source} (in place)`,
      discard: async () => {},
    };
  }
  const target = source.replace(/\.db$/, '') + '.bench-run.db';
  removeSqliteFiles(target);
  fs.copyFileSync(source, target, fs.constants.COPYFILE_FICLONE);
  if (fs.existsSync(`${source}-wal`)) {
    fs.copyFileSync(`${source}-wal`, `${target}-wal`, fs.constants.COPYFILE_FICLONE);
  }
  return {
    databaseUrl: `sqlite:${target}`,
    describe: `copy ${target}`,
    discard: async () => removeSqliteFiles(target),
  };
}

/** The same connection string pointing at another database on the same server. */
function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A copy of the PostgreSQL dataset by CREATE DATABASE … TEMPLATE (a file-level copy on the
 * server; it needs no other session on the source database).
 */
export async function copyPostgres(
  connectionString: string,
  inPlace: boolean,
): Promise<WorkingCopy> {
  if (inPlace) {
    return {
      databaseUrl: connectionString,
      describe: `${new URL(connectionString).pathname.slice(1)} (in place)`,
      discard: async () => {},
    };
  }
  const source = new URL(connectionString).pathname.slice(1);
  const copy = `${source}_run`;
  const admin = new pg.Client({ connectionString: withDatabase(connectionString, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${quoteIdent(copy)} TEMPLATE ${quoteIdent(source)}`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: withDatabase(connectionString, copy),
    describe: `copy ${copy} (template ${source})`,
    discard: async () => {
      const client = new pg.Client({
        connectionString: withDatabase(connectionString, 'postgres'),
      });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(copy)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

// ---- Memory of the server process ----

/**
 * A server's memory. `rssMB` and `hwmMB` sum over its processes; `pssMB` is the proportional set
 * size: each page shared by several processes (the Node binary's code, some 50 MB, in every
 * worker) counted once in all, split among them, so it is the machine memory the server uses.
 */
export type Memory = { rssMB: number; hwmMB: number; pssMB: number; processes: number };

function readOwnMemory(pid: number): Memory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (text: string, key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    let pss = 0;
    try {
      pss = kb(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // smaps_rollup needs Linux 4.14; the PSS then reads 0
    }
    return {
      rssMB: kb(status, 'VmRSS') / 1024,
      hwmMB: kb(status, 'VmHWM') / 1024,
      pssMB: pss / 1024,
      processes: 1,
    };
  } catch {
    return null; // the process has exited
  }
}

/** The child processes of `pid` (node:cluster workers with SERVER_PROCESSES > 1). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** The server's memory: its process plus its workers, if it runs several (their sum). */
function readMemory(pid: number): Memory | null {
  const own = readOwnMemory(pid);
  if (!own) return null;
  for (const child of childrenOf(pid)) {
    const m = readOwnMemory(child);
    if (m) {
      own.rssMB += m.rssMB;
      own.hwmMB += m.hwmMB;
      own.pssMB += m.pssMB;
      own.processes++;
    }
  }
  return own;
}

/** Samples VmRSS/VmHWM every 100 ms; a window gives the peak between begin() and end(). */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private windowPeak = 0;
  peakMB = 0;
  hwmMB = 0;
  pssPeakMB = 0;
  lastMB = 0;
  /** The most processes seen at once (a primary and its workers). */
  processes = 0;

  constructor(private readonly pid: number) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  sample(): Memory | null {
    const m = readMemory(this.pid);
    if (m) {
      this.lastMB = m.rssMB;
      this.windowPeak = Math.max(this.windowPeak, m.rssMB);
      this.peakMB = Math.max(this.peakMB, m.rssMB);
      this.hwmMB = Math.max(this.hwmMB, m.hwmMB);
      this.pssPeakMB = Math.max(this.pssPeakMB, m.pssMB);
      this.processes = Math.max(this.processes, m.processes);
    }
    return m;
  }

  begin(): void {
    this.windowPeak = this.sample()?.rssMB ?? 0;
  }

  /** The peak RSS since begin(), in MB. */
  end(): number {
    this.sample();
    return this.windowPeak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

// ---- The server process ----

export type ServerOptions = {
  databaseUrl: string;
  /** Start from apps/server/src with tsx even when a compiled build exists. */
  forceTsx: boolean;
  /** Extra flags for the server's node (e.g. --cpu-prof), which NODE_OPTIONS may not carry. */
  nodeArgs?: string[];
  /** A file that gets all the server's output (e.g. with SLOW_QUERY_MS set). */
  logFile?: string;
  /** Skip `node scripts/build-server.mjs` before starting the compiled server. */
  skipBuild: boolean;
  /** More environment for the server (e.g. its SQLite tuning), over the benchmark's own. */
  extraEnv?: Record<string, string>;
  log: (line: string) => void;
};

export type RunningServer = {
  baseUrl: string;
  pid: number;
  command: string;
  rss: RssSampler;
  /** Server log lines naming SQLITE_BUSY / "database is locked" so far. */
  busyLines: () => string[];
  /** Server log lines at level error or fatal so far. */
  errorLines: () => string[];
  /** The last 200 lines of the server's output. */
  tail: () => string[];
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** The command that runs the server: the compiled build when there is one, else tsx. */
function serverCommand(options: ServerOptions): { args: string[]; describe: string } {
  if (!options.forceTsx && fs.existsSync(BUILD_SCRIPT)) {
    if (!options.skipBuild) {
      options.log('Building the server (node scripts/build-server.mjs) …');
      const build = spawnSync(process.execPath, [BUILD_SCRIPT], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      if (build.status !== 0) {
        throw new Error(`node scripts/build-server.mjs failed:\n${build.stderr || build.stdout}`);
      }
    }
  }
  const nodeArgs = options.nodeArgs ?? [];
  const flags = nodeArgs.length ? `${nodeArgs.join(' ')} ` : '';
  if (!options.forceTsx && fs.existsSync(DIST_SERVER)) {
    return {
      args: [...nodeArgs, '--enable-source-maps', DIST_SERVER],
      describe: `node ${flags}--enable-source-maps apps/server/dist/server.js`,
    };
  }
  // `node --import tsx` rather than `npx tsx`: one process, so its pid is the server's for RSS.
  return {
    args: [...nodeArgs, '--import', 'tsx', SOURCE_SERVER],
    describe: `node ${flags}--import tsx apps/server/src/server.ts`,
  };
}

/** Keeps the last lines of the server's output for error messages, and the notable ones. */
class OutputLog {
  tail: string[] = [];
  busy: string[] = [];
  errors: string[] = [];
  private partial = '';

  push(chunk: Buffer): void {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() === '') continue;
      this.tail.push(line);
      if (this.tail.length > 200) this.tail.shift();
      if (/SQLITE_BUSY|database is locked/i.test(line)) this.busy.push(line);
      // pino levels: 50 error, 60 fatal.
      if (/"level":(50|60)/.test(line)) this.errors.push(line);
    }
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { args, describe } = serverCommand(options);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-bench-uploads-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: 'false',
    REMINDER_JOB_ENABLED: 'false',
    LOG_LEVEL: 'warn',
    // The generated bureau accounts have no TOTP; production would make them enrol first.
    REQUIRE_ADMIN_TOTP: 'false',
    // Production refuses to start without these; fresh ones per run are fine for a benchmark.
    SIGNING_KEY_SECRET: crypto.randomBytes(32).toString('base64'),
    IDENTITY_KEY: crypto.randomBytes(32).toString('base64'),
    UPLOAD_DIR: uploadDir,
    SMS_CHANNEL: 'off',
    ...options.extraEnv,
  };
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = new OutputLog();
  child.stdout?.on('data', (c: Buffer) => output.push(c));
  child.stderr?.on('data', (c: Buffer) => output.push(c));
  if (options.logFile) {
    const file = fs.createWriteStream(options.logFile);
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  let exited: number | string | null = null;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    }),
  );
  // Never leave a server behind, whatever ends this process.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exitedPromise.then(() => process.off('exit', killOnExit));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start the server (${describe})`);

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedPromise;
      clearTimeout(killer);
    }
    fs.rmSync(uploadDir, { recursive: true, force: true });
  };

  // Migrations are already applied by the generator; start-up is catalogs and listen.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(
        `the server exited (${String(exited)}) before answering /healthz:\n${output.tail.slice(-40).join('\n')}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the server did not answer /healthz within 180 s:\n${output.tail.slice(-40).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const rss = new RssSampler(pid);
  rss.start();
  return {
    baseUrl,
    pid,
    command: describe,
    rss,
    busyLines: () => [...output.busy],
    errorLines: () => [...output.errors],
    tail: () => [...output.tail],
    stop: async () => {
      rss.stop();
      await stop();
    },
  };
}
