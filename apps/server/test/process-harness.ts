import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import {
  CREDIT_CODE_ALPHABET,
  createEnterpriseSchema,
  creditCodeCheckChar,
  type HazardAction,
  type Role,
  type Sector,
} from '@hazard-ledger/domain';
import { parseDatabaseUrl, REPO_ROOT } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { createDialect } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { hashPassword } from '../src/lib/passwords.js';
import { nowIso } from '../src/lib/time.js';
import { verifyAuditChain } from '../src/modules/audit/audit.verify.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { insertOrgUnit } from '../src/modules/org/org.repository.js';
import { multipartFile } from './multipart.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { pngWithLocation } from './test-files.js';

// Runs the real server as a child process (crash safety, backup under load): start it on a
// database of its own, drive writes over HTTP, SIGKILL it, start it again, and check afterwards
// that the database holds what the clients were told.

/** Every server child still alive, so that a failing test never leaves one behind. */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/** SIGKILLs every server child still running (for afterAll). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...liveChildren].map((child) => killChild(child, 'SIGKILL')));
}

function killChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a TypeScript entry point of the repository with tsx, as `npm start` does from source. */
export function spawnTsx(
  entry: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: 'pipe' | 'ignore' = 'pipe',
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', stdio, stdio],
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  return child;
}

/**
 * Runs a CLI command the way an operator does (`npm run cli -- …` runs this entry with tsx).
 * A command still running after `timeoutMs` is killed and reported as such.
 */
export async function runCliProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawnTsx('apps/server/src/cli.ts', args, env);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => {
    output += `\n[killed: still running after ${timeoutMs} ms]`;
    child.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

/** The environment of a server child: its database and upload folder, nothing from the demo. */
export function serverEnv(databaseUrl: string, uploadDir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: uploadDir,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    REMINDER_JOB_ENABLED: 'false',
  };
}

/**
 * The real server (apps/server/src/server.ts) as a child process. Each start gets a fresh port;
 * `baseUrl` always names the current one.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private output = '';
  private port = 0;
  starts = 0;

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last part of the server's output (for failure messages). */
  tail(): string {
    return this.output.slice(-4000);
  }

  /** Everything the server has printed since it was spawned (its last 64,000 characters). */
  printed(): string {
    return this.output;
  }

  /** Spawns the server; does not wait for it to answer (see `waitReady`). */
  async spawn(): Promise<void> {
    if (this.running) throw new Error('server already running');
    this.port = await freePort();
    this.output = '';
    this.starts++;
    const child = spawnTsx('apps/server/src/server.ts', [], {
      ...this.env,
      PORT: String(this.port),
    });
    const keep = (d: Buffer) => {
      this.output = (this.output + d.toString()).slice(-64_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.child = child;
  }

  /** Waits until /readyz answers 200; throws with the server's output if it exits first. */
  async waitReady(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new Error(`server exited before it was ready:\n${this.tail()}`);
      }
      try {
        const res = await fetch(`${this.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error(`server not ready after ${timeoutMs} ms:\n${this.tail()}`);
  }

  async start(): Promise<void> {
    await this.spawn();
    await this.waitReady();
  }

  /**
   * Waits until the server has printed `text`: with several processes, /readyz answers from the
   * first worker to listen, before the primary has heard from the others and printed its banner.
   */
  async waitForOutput(text: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (!this.running)
        throw new Error(`server exited before printing "${text}":\n${this.tail()}`);
      if (Date.now() > deadline)
        throw new Error(`server did not print "${text}" within ${timeoutMs} ms:\n${this.tail()}`);
      await sleep(100);
    }
  }

  /** Sends a signal and waits for the process to be gone. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child) await killChild(this.child, signal);
    this.child = null;
  }
}

// ---------------------------------------------------------------------------------------------
// A database with the fixtures the workload needs, seeded before the server first starts.

export const PROCESS_TEST_PASSWORD = 'Crash@Pass2023';

/** The users and enterprises of the workload. */
export type ProcessFixture = {
  districtId: number;
  /** Enterprises with a safety officer (`aq<i>`) and a main leader (`fzr<i>`) each. */
  enterprises: number[];
  /** A bureau administrator of the district: registers enterprises, supervises hazards. */
  admin: string;
};

export type ProcessDatabase = {
  /** The test's own handle on the database (reads for the final checks). */
  db: Db;
  /** DATABASE_URL for the server and CLI children. */
  databaseUrl: string;
  /** A scratch folder of the test (uploads, backups), removed by `drop`. */
  dir: string;
  uploadDir: string;
  fixture: ProcessFixture;
  drop: () => Promise<void>;
};

/** The codes handed out so far: a test inserts tens of thousands, and a repeat is a UNIQUE error. */
const issuedCreditCodes = new Set<string>();

/** A valid unified social credit code, different on every call. */
export function randomCreditCode(): string {
  for (;;) {
    const body = Array.from(
      crypto.randomBytes(8),
      (b) => CREDIT_CODE_ALPHABET[b % CREDIT_CODE_ALPHABET.length],
    ).join('');
    const first17 = `91150602M${body}`;
    const check = creditCodeCheckChar(first17);
    if (check && !issuedCreditCodes.has(first17 + check)) {
      issuedCreditCodes.add(first17 + check);
      return first17 + check;
    }
  }
}

/** A fresh, migrated database (SQLite file or PostgreSQL database) with the fixtures. */
export async function createProcessDatabase(enterpriseCount: number): Promise<ProcessDatabase> {
  const testDb: TestDatabase = await createTestDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-proc-'));
  const uploadDir = path.join(dir, 'uploads');
  const db = testDb.db;
  const at = nowIso();
  const passwordHash = await hashPassword(PROCESS_TEST_PASSWORD);
  const fixture = await db.kysely.transaction().execute(async (trx) => {
    const region = await insertOrgUnit(trx, {
      parentId: null,
      parentPath: null,
      kind: 'region',
      name: '崩溃测试自治区',
      code: 'K',
      at,
    });
    const city = await insertOrgUnit(trx, {
      parentId: region.id,
      parentPath: region.path,
      kind: 'city',
      name: '崩溃测试市应急管理局',
      code: 'K-C',
      at,
    });
    const district = await insertOrgUnit(trx, {
      parentId: city.id,
      parentPath: city.path,
      kind: 'district',
      name: '丙区应急管理局',
      code: 'K-C-A',
      at,
    });
    const addUser = async (
      username: string,
      role: Role,
      enterpriseId: number | null,
      sectors: Sector[] | null = null,
    ) => {
      await trx
        .insertInto('users')
        .values({
          username,
          display_name: username,
          password_hash: passwordHash,
          role,
          org_unit_id: district.id,
          sectors: sectors ? JSON.stringify(sectors) : null,
          enterprise_id: enterpriseId,
          phone: null,
          certificate_no: null,
          status: 'active',
          totp_secret: null,
          totp_enabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
    };
    const enterprises: number[] = [];
    for (let i = 0; i < enterpriseCount; i++) {
      const input = createEnterpriseSchema.parse({
        name: `丙区化工企业${i + 1}`,
        creditCode: randomCreditCode(),
        sector: 'hazchem',
        subType: 'production',
        orgUnitId: district.id,
      });
      const id = await insertEnterprise(trx, {
        ...enterpriseColumns(input),
        created_at: at,
        updated_at: at,
        version: 1,
      });
      enterprises.push(id);
      await addUser(`aq${i}`, 'ent_safety', id);
      await addUser(`fzr${i}`, 'ent_leader', id);
    }
    await addUser('kadmin', 'bureau_admin', null);
    return { districtId: district.id, enterprises, admin: 'kadmin' };
  });
  const databaseUrl =
    testDb.target.dialect === 'sqlite'
      ? `sqlite:${testDb.target.file}`
      : testDb.target.connectionString;
  return {
    db,
    databaseUrl,
    dir,
    uploadDir,
    fixture,
    drop: async () => {
      await testDb.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers `count` more enterprises directly (no audit rows, like the fixtures), to give the
 * database some size: a copy of a few pages says little about a copy of a real ledger.
 */
export async function addFillerEnterprises(
  db: Db,
  districtId: number,
  count: number,
): Promise<void> {
  const at = nowIso();
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const input = createEnterpriseSchema.parse({
        name: `丙区存量企业${i + 1}`,
        creditCode: randomCreditCode(),
        sector: 'hazchem',
        subType: 'storage',
        orgUnitId: districtId,
        address: `丙区工业园存量地块${i + 1}号，储存甲类危险化学品，设有重大危险源罐区及装卸站台`,
      });
      await insertEnterprise(trx, {
        ...enterpriseColumns(input),
        created_at: at,
        updated_at: at,
        version: 1,
      });
    }
  });
}

/** An empty database (no tables): a new SQLite path, or a new PostgreSQL database. */
export async function createEmptyDatabase(): Promise<{
  databaseUrl: string;
  drop: () => Promise<void>;
}> {
  const base = process.env.TEST_DATABASE_URL;
  if (base?.startsWith('postgres')) {
    const name = `hl_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      databaseUrl: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-empty-'));
  return {
    databaseUrl: `sqlite:${path.join(dir, 'empty.db')}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Child side of the migration crash test: runs the migrations on DATABASE_URL and SIGKILLs its
 * own process right after the `killAfter`-th SQL statement completes (Kysely logs a query once
 * it has run). Prints the statement count if it gets to the end.
 */
export async function migrateUntilKilled(databaseUrl: string, killAfter: number): Promise<void> {
  let statements = 0;
  const db = new Kysely<unknown>({
    dialect: createDialect(parseDatabaseUrl(databaseUrl)),
    log: () => {
      statements++;
      if (statements === killAfter) process.kill(process.pid, 'SIGKILL');
    },
  });
  await migrateToLatest(db);
  console.log(`migrated after ${statements} statements`);
  await db.destroy();
}

/** Spawns `migrateUntilKilled` in a child; returns how it ended. */
export async function migrateInChildUntilKilled(
  databaseUrl: string,
  killAfter: number,
): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  const harness = pathToFileURL(path.join(REPO_ROOT, 'apps/server/test/process-harness.ts')).href;
  const code = `const h = await import(${JSON.stringify(harness)}); await h.migrateUntilKilled(${JSON.stringify(databaseUrl)}, ${killAfter});`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, sig) => resolve(sig)),
  );
  liveChildren.delete(child);
  return { signal, output };
}

/** The schema as a sorted list of lines (tables, columns, indexes, triggers), to compare. */
export async function schemaOf(db: Db): Promise<string[]> {
  const lines: string[] = [];
  for (const table of await db.kysely.introspection.getTables({ withInternalKyselyTables: true })) {
    for (const c of table.columns) {
      lines.push(`${table.name}.${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}`);
    }
  }
  if (db.dialect === 'sqlite') {
    const rows = await sql<{ type: string; name: string }>`
      SELECT type, name FROM sqlite_master WHERE type IN ('index', 'trigger')`.execute(db.kysely);
    for (const r of rows.rows) lines.push(`${r.type} ${r.name}`);
  } else {
    const indexes = await sql<{ name: string }>`
      SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`.execute(db.kysely);
    for (const r of indexes.rows) lines.push(`index ${r.name}`);
    const triggers = await sql<{ name: string }>`
      SELECT DISTINCT trigger_name AS name FROM information_schema.triggers`.execute(db.kysely);
    for (const r of triggers.rows) lines.push(`trigger ${r.name}`);
  }
  return lines.sort();
}

// ---------------------------------------------------------------------------------------------
// HTTP sessions against the child server.

/** What a request came back with; `status` 0 means no answer (connection refused or cut). */
export type HttpAnswer = { status: number; body: unknown };

/** One signed-in user; follows the server to whatever port it runs on now. */
export class HttpSession {
  private constructor(
    private readonly server: ServerProcess,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async login(
    server: ServerProcess,
    username: string,
    password = PROCESS_TEST_PASSWORD,
  ): Promise<HttpSession> {
    const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const session = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('hl_session='));
    if (!session) throw new Error(`login ${username}: no session cookie`);
    const body = (await res.json()) as { csrfToken: string };
    return new HttpSession(server, session, body.csrfToken);
  }

  /** Sends a request; a dead or restarting server is status 0, never a throw. */
  async send(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { cookie: this.cookie, ...extraHeaders };
    let payload: string | Buffer | undefined;
    if (method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      const res = await fetch(`${this.server.baseUrl}/api/v1${url}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON: keep the text for the failure message
      }
      return { status: res.status, body: parsed };
    } catch {
      return { status: 0, body: null };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The workload: concurrent writers over HTTP that remember every acknowledged write.

type HazardView = {
  id: number;
  version: number;
  status: string;
  level: string;
  treatment: string;
  leaderAcceptedAt: string | null;
  reportedToBureauAt: string | null;
  plan: { missing: string[] };
  availableActions: HazardAction[];
  files: { id: number; kind: string }[];
};

type EnterpriseView = { id: number; version: number; address: string | null };

/**
 * One acknowledged hazard write: the history event it added, which is the hazard's
 * `version`-th versioned event (every versioned write bumps the version by one and adds one
 * event); `status` is the status it left, when the answer showed exactly that version.
 */
export type HazardAck = { hazardId: number; version: number; status: string | null; event: string };

export type FileAck = { hazardId: number; fileId: number };
export type EnterpriseAck = { enterpriseId: number; version: number; address: string };

/** Everything the clients were told succeeded, and everything that surprised them. */
export class AckLedger {
  readonly hazards: HazardAck[] = [];
  readonly files: FileAck[] = [];
  readonly enterprises: EnterpriseAck[] = [];
  /** Answers no write should get (5xx, unexpected 4xx): the test fails if any. */
  readonly unexpected: string[] = [];
  /** Requests cut off by a kill (no answer): their outcome is unknown. */
  unanswered = 0;
  /** Expected refusals (409: another writer moved the record first). */
  conflicts = 0;

  /** A copy of the ledger as it is now (the writes acknowledged so far). */
  snapshot(): AckLedger {
    const copy = new AckLedger();
    copy.hazards.push(...this.hazards);
    copy.files.push(...this.files);
    copy.enterprises.push(...this.enterprises);
    return copy;
  }

  get acknowledged(): number {
    return this.hazards.length + this.files.length + this.enterprises.length;
  }

  /** How many acknowledged writes of each kind (for the test's log line). */
  summary(): Record<string, number> {
    const kinds: Record<string, number> = {};
    for (const a of this.hazards) kinds[a.event] = (kinds[a.event] ?? 0) + 1;
    const enterpriseCreates = this.enterprises.filter((e) => e.version === 1).length;
    kinds['enterprise.created'] = enterpriseCreates;
    kinds['enterprise.updated'] = this.enterprises.length - enterpriseCreates;
    kinds['file.uploaded'] = this.files.length;
    return kinds;
  }
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A writer's next step on a hazard: an action with its payload, or a plan to save first. */
type Step =
  | {
      kind: 'action';
      action: HazardAction;
      payload: Record<string, unknown>;
      by: 'safety' | 'leader';
    }
  | { kind: 'plan' }
  | { kind: 'upload' }
  | { kind: 'none' };

/** What the enterprise side does next on a hazard, following the closed loop. */
function enterpriseStep(h: HazardView): Step {
  const act = (
    action: HazardAction,
    payload: Record<string, unknown>,
    by: 'safety' | 'leader' = 'safety',
  ): Step => ({ kind: 'action', action, payload, by });
  const photos = h.files.filter((f) => f.kind === 'after').map((f) => f.id);
  if (!h.reportedToBureauAt && Math.random() < 0.1 && h.status !== 'verified')
    return act('report_to_bureau', { comment: null });
  switch (h.status) {
    case 'reported':
      if (h.treatment === 'immediate') return act('fix_on_spot', { description: '已当场整改完毕' });
      if (h.level === 'major' && h.plan.missing.length > 0) return { kind: 'plan' };
      return act('submit_plan', { comment: null });
    case 'planned':
      return Math.random() < 0.75
        ? act('approve_plan', { comment: null }, 'leader')
        : act('return_plan', { reason: '措施不具体，退回修改' }, 'leader');
    case 'rectifying':
    case 'fixed_on_spot':
      if (photos.length === 0) return { kind: 'upload' };
      return act('submit_fix', { description: '已更换报警器并校验', attachmentIds: photos });
    case 'rectified':
      if (!h.leaderAcceptedAt) return act('accept_fix', { comment: null }, 'leader');
      // A major hazard is closed by the bureau (the bureau writer verifies it).
      if (h.level === 'major') return { kind: 'none' };
      return Math.random() < 0.8
        ? act('verify', { comment: '整改到位，同意销号' }, 'leader')
        : act('reject_fix', { reason: '整改不彻底，重新整改' }, 'leader');
    default:
      return { kind: 'none' };
  }
}

/** The bureau's payload for an action it takes on a hazard, or null if it does not take it. */
function bureauPayload(action: HazardAction, h: HazardView): Record<string, unknown> | null {
  const payloads: Partial<Record<HazardAction, Record<string, unknown>>> = {
    supervise: { supervisionLevel: 'district', reason: '区局挂牌督办' },
    lift_supervision: { reason: '督办事项已落实' },
    change_level: { level: h.level === 'major' ? 'general' : 'major', reason: '复核后调整等级' },
    verify: { comment: '经现场核查，同意销号' },
  };
  return payloads[action] ?? null;
}

type WorkloadOptions = {
  server: ServerProcess;
  fixture: ProcessFixture;
  ledger: AckLedger;
};

/**
 * Writers of several kinds running side by side: per enterprise one that records hazards and
 * drives them round the closed loop (plan, approval, on-the-spot fix, photo upload, fix,
 * acceptance, closing), and one bureau writer that registers and edits enterprises and
 * supervises, re-grades and closes hazards. A writer whose request gets no answer waits for the
 * server to come back and reloads what it was working on: the outcome of a cut-off request is
 * unknown, so only answered writes go into the ledger.
 */
export class Workload {
  private running = false;
  private loops: Promise<void>[] = [];
  /** Open hazards by id, as last seen (shared: the bureau writer picks from them). */
  private readonly openHazards = new Map<number, HazardView>();
  private safety: HttpSession[] = [];
  private leaders: HttpSession[] = [];
  private admin: HttpSession | null = null;
  /** Pending while the server is down; writers wait on it. */
  private up: Promise<void> = Promise.resolve();
  private markUp: () => void = () => undefined;

  constructor(private readonly options: WorkloadOptions) {}

  /** Signs the users in (needs a running server; sessions outlive restarts). */
  async login(): Promise<void> {
    const { server, fixture } = this.options;
    this.safety = await Promise.all(
      fixture.enterprises.map((_, i) => HttpSession.login(server, `aq${i}`)),
    );
    this.leaders = await Promise.all(
      fixture.enterprises.map((_, i) => HttpSession.login(server, `fzr${i}`)),
    );
    this.admin = await HttpSession.login(server, fixture.admin);
  }

  /** Tells the writers the server is going away: they hold their next request until `serverUp`. */
  serverDown(): void {
    this.up = new Promise((resolve) => (this.markUp = resolve));
  }

  serverUp(): void {
    this.markUp();
  }

  start(): void {
    this.running = true;
    this.loops = [
      ...this.options.fixture.enterprises.map((_, i) => this.enterpriseWriter(i)),
      this.bureauWriter(),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    this.serverUp();
    await Promise.all(this.loops);
  }

  private get ledger(): AckLedger {
    return this.options.ledger;
  }

  /** Waits for the server after a request got no answer. */
  private async afterNoAnswer(): Promise<void> {
    await this.up;
    // Not (yet) told the server is down: do not spin on refused connections.
    await sleep(50);
  }

  /** Sends one write; returns the answer when it is a 2xx, records anything else. */
  private async write(
    session: HttpSession,
    what: string,
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpAnswer | null> {
    await this.up;
    const answer = await session.send(method, url, body, headers);
    if (answer.status >= 200 && answer.status < 300) return answer;
    if (answer.status === 0) {
      this.ledger.unanswered++;
      await this.afterNoAnswer();
    } else if (answer.status === 409) {
      this.ledger.conflicts++;
    } else {
      this.ledger.unexpected.push(
        `${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
      );
    }
    return null;
  }

  /** A read that waits out restarts; null if the answer is not 200 (recorded as unexpected). */
  private async read<T>(session: HttpSession, url: string): Promise<T | null> {
    while (this.running) {
      await this.up;
      const answer = await session.send('GET', url);
      if (answer.status === 200) return answer.body as T;
      if (answer.status === 0) {
        await this.afterNoAnswer();
        continue;
      }
      this.ledger.unexpected.push(`GET ${url}: ${answer.status}`);
      return null;
    }
    return null;
  }

  private remember(hazard: HazardView): void {
    if (hazard.status === 'verified') this.openHazards.delete(hazard.id);
    else this.openHazards.set(hazard.id, hazard);
  }

  /** Reloads a hazard after an unknown outcome or a conflict. */
  private async reload(session: HttpSession, id: number): Promise<void> {
    const hazard = await this.read<HazardView>(session, `/hazards/${id}`);
    if (hazard) this.remember(hazard);
  }

  private async enterpriseWriter(index: number): Promise<void> {
    const enterpriseId = this.options.fixture.enterprises[index]!;
    const safety = this.safety[index]!;
    const leader = this.leaders[index]!;
    const own = new Set<number>();
    while (this.running) {
      const open = [...own].map((id) => this.openHazards.get(id)).filter((h) => h !== undefined);
      for (const id of own) if (!this.openHazards.has(id)) own.delete(id);
      if (open.length < 4 || Math.random() < 0.15) {
        const answer = await this.write(safety, 'create hazard', 'POST', '/hazards', {
          enterpriseId,
          level: Math.random() < 0.3 ? 'major' : 'general',
          title: `崩溃测试隐患${crypto.randomUUID().slice(0, 8)}`,
          description: '储罐区可燃气体报警器失效',
          place: '罐区',
          origin: 'self_check',
          foundAt: '2024-03-01',
          foundBy: '安全员',
          noCatalogReason: '测试不引用条款',
          treatment: Math.random() < 0.4 ? 'immediate' : 'deadline',
        });
        if (answer) {
          const hazard = answer.body as HazardView;
          own.add(hazard.id);
          this.ledger.hazards.push({
            hazardId: hazard.id,
            version: 1,
            status: hazard.version === 1 ? hazard.status : null,
            event: 'created',
          });
          this.remember(hazard);
        }
        continue;
      }
      const hazard = pick(open);
      const step = enterpriseStep(hazard);
      if (step.kind === 'none') {
        // Waiting for the bureau: look again later.
        await sleep(10);
        await this.reload(safety, hazard.id);
      } else if (step.kind === 'upload') {
        await this.upload(safety, hazard);
      } else if (step.kind === 'plan') {
        await this.savePlan(safety, hazard);
      } else {
        await this.act(step.by === 'leader' ? leader : safety, hazard, step.action, step.payload);
      }
    }
  }

  /** Takes an action at the version last seen; records the ack or reloads. */
  private async act(
    session: HttpSession,
    hazard: HazardView,
    action: HazardAction,
    payload: Record<string, unknown>,
  ): Promise<void> {
    const answer = await this.write(
      session,
      `hazard ${hazard.id} ${action}`,
      'POST',
      `/hazards/${hazard.id}/actions/${action}`,
      { version: hazard.version, payload },
    );
    if (!answer) return this.reload(session, hazard.id);
    const after = answer.body as HazardView;
    const version = hazard.version + 1;
    this.ledger.hazards.push({
      hazardId: hazard.id,
      version,
      status: after.version === version ? after.status : null,
      event: action,
    });
    this.remember(after);
  }

  private async savePlan(session: HttpSession, hazard: HazardView): Promise<void> {
    const answer = await this.write(
      session,
      `hazard ${hazard.id} plan`,
      'PUT',
      `/hazards/${hazard.id}/plan`,
      {
        responsiblePerson: '张恒',
        measures: '更换可燃气体报警器并联锁',
        fundsYuan: '12000.50',
        fundsSource: '安全生产费用',
        deadline: '2030-06-30',
        emergencyMeasures: '加强巡检，配备便携式报警仪',
        version: hazard.version,
      },
    );
    if (!answer) return this.reload(session, hazard.id);
    const after = answer.body as HazardView;
    const version = hazard.version + 1;
    this.ledger.hazards.push({
      hazardId: hazard.id,
      version,
      status: after.version === version ? after.status : null,
      event: 'plan_saved',
    });
    this.remember(after);
  }

  private async upload(session: HttpSession, hazard: HazardView): Promise<void> {
    const { payload, headers } = multipartFile('整改后.png', pngWithLocation(), 'image/png');
    const answer = await this.write(
      session,
      `hazard ${hazard.id} upload`,
      'POST',
      `/hazards/${hazard.id}/files?kind=after`,
      payload,
      headers,
    );
    if (answer) {
      this.ledger.files.push({ hazardId: hazard.id, fileId: (answer.body as { id: number }).id });
    }
    await this.reload(session, hazard.id);
  }

  private async bureauWriter(): Promise<void> {
    const admin = this.admin!;
    const { districtId } = this.options.fixture;
    const registered: (EnterpriseView & { creditCode: string })[] = [];
    const enterpriseBody = (creditCode: string, address: string) => ({
      name: `丙区新登记企业${creditCode.slice(-6)}`,
      creditCode,
      sector: 'hazchem',
      subType: 'storage',
      orgUnitId: districtId,
      address,
    });
    const newAddress = () => `丙区工业园${crypto.randomInt(1, 1000)}号`;
    while (this.running) {
      const roll = Math.random();
      if (roll < 0.3 || registered.length === 0) {
        const creditCode = randomCreditCode();
        const address = newAddress();
        const answer = await this.write(
          admin,
          'create enterprise',
          'POST',
          '/enterprises',
          enterpriseBody(creditCode, address),
        );
        if (answer) {
          const e = answer.body as EnterpriseView;
          registered.push({ ...e, creditCode });
          this.ledger.enterprises.push({ enterpriseId: e.id, version: e.version, address });
        }
      } else if (roll < 0.55) {
        const e = pick(registered);
        const address = newAddress();
        const answer = await this.write(
          admin,
          `edit enterprise ${e.id}`,
          'PUT',
          `/enterprises/${e.id}`,
          { ...enterpriseBody(e.creditCode, address), version: e.version },
        );
        if (answer) {
          const version = e.version + 1;
          this.ledger.enterprises.push({ enterpriseId: e.id, version, address });
          e.version = (answer.body as EnterpriseView).version;
        } else {
          const fresh = await this.read<EnterpriseView>(admin, `/enterprises/${e.id}`);
          if (fresh) e.version = fresh.version;
        }
      } else {
        const candidates = [...this.openHazards.keys()];
        if (candidates.length === 0) {
          await sleep(20);
          continue;
        }
        const hazard = await this.read<HazardView>(admin, `/hazards/${pick(candidates)}`);
        if (!hazard) continue;
        const actions = hazard.availableActions.filter((a) => bureauPayload(a, hazard) !== null);
        if (actions.length === 0) continue;
        const action = pick(actions);
        await this.act(admin, hazard, action, bureauPayload(action, hazard)!);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What must hold of the database afterwards.

/**
 * Checks the database against the acknowledged writes and its own invariants; returns every
 * violation found (empty when all hold).
 */
export async function checkDatabase(
  db: Db,
  ledger: AckLedger,
  uploadDir: string,
): Promise<string[]> {
  const problems: string[] = [];
  const k = db.kysely;
  const hazards = await k
    .selectFrom('hazards')
    .select(['id', 'version', 'status', 'district_id', 'sector', 'level'])
    .execute();
  const events = await k
    .selectFrom('hazard_events')
    .select(['id', 'hazard_id', 'action', 'to_status'])
    .orderBy('id')
    .execute();
  const eventsOf = new Map<number, typeof events>();
  for (const e of events) {
    const list = eventsOf.get(Number(e.hazard_id)) ?? [];
    list.push(e);
    eventsOf.set(Number(e.hazard_id), list);
  }
  const auditCounts = await k
    .selectFrom('audit_log')
    .select(['entity_type', 'entity_id', sql<number>`count(*)`.as('n')])
    .where('entity_type', 'in', ['hazard', 'enterprise'])
    .groupBy(['entity_type', 'entity_id'])
    .execute();
  const auditsOf = (type: string, id: number) =>
    Number(auditCounts.find((a) => a.entity_type === type && Number(a.entity_id) === id)?.n ?? 0);
  const byId = new Map(hazards.map((h) => [Number(h.id), h]));

  // Every acknowledged hazard write is there, as the version-th versioned event of its hazard.
  const versionedOf = (id: number) =>
    (eventsOf.get(id) ?? []).filter((e) => e.action !== 'file_added');
  for (const ack of ledger.hazards) {
    const row = byId.get(ack.hazardId);
    if (!row) {
      problems.push(`acknowledged hazard ${ack.hazardId} is missing`);
      continue;
    }
    if (row.version < ack.version)
      problems.push(`hazard ${ack.hazardId}: version ${row.version} < acknowledged ${ack.version}`);
    if (row.version === ack.version && ack.status !== null && row.status !== ack.status)
      problems.push(`hazard ${ack.hazardId}: status ${row.status} ≠ acknowledged ${ack.status}`);
    const event = versionedOf(ack.hazardId)[ack.version - 1];
    if (!event || event.action !== ack.event)
      problems.push(
        `hazard ${ack.hazardId}: event of version ${ack.version} is ${event?.action ?? 'missing'}, acknowledged ${ack.event}`,
      );
  }

  // No half-applied hazard write: the record, its history and its audit rows agree.
  for (const h of hazards) {
    const id = Number(h.id);
    const history = eventsOf.get(id) ?? [];
    const versioned = versionedOf(id);
    if (versioned.length !== h.version)
      problems.push(`hazard ${id}: version ${h.version} but ${versioned.length} versioned events`);
    const last = versioned.at(-1);
    if (!last || last.to_status !== h.status)
      problems.push(`hazard ${id}: status ${h.status} but last event → ${last?.to_status}`);
    if (auditsOf('hazard', id) !== history.length)
      problems.push(
        `hazard ${id}: ${history.length} events but ${auditsOf('hazard', id)} audit rows`,
      );
  }

  // The counters the triggers keep match the hazards.
  const counted = await k
    .selectFrom('hazard_counts')
    .select(['district_id', 'sector', 'status', 'level', 'total'])
    .where('total', '>', 0)
    .execute();
  const actual = new Map<string, number>();
  for (const h of hazards) {
    const key = `${h.district_id}/${h.sector}/${h.status}/${h.level}`;
    actual.set(key, (actual.get(key) ?? 0) + 1);
  }
  const kept = new Map(
    counted.map((c) => [`${c.district_id}/${c.sector}/${c.status}/${c.level}`, Number(c.total)]),
  );
  for (const key of new Set([...actual.keys(), ...kept.keys()])) {
    if ((actual.get(key) ?? 0) !== (kept.get(key) ?? 0))
      problems.push(
        `hazard_counts ${key}: ${kept.get(key) ?? 0} ≠ ${actual.get(key) ?? 0} hazards`,
      );
  }

  // Files: each acknowledged upload has its row, each row its whole file on disk.
  const files = await k
    .selectFrom('hazard_files')
    .select(['id', 'hazard_id', 'storage_key', 'sha256'])
    .execute();
  const fileIds = new Set(files.map((f) => Number(f.id)));
  for (const ack of ledger.files) {
    if (!fileIds.has(ack.fileId)) problems.push(`acknowledged file ${ack.fileId} is missing`);
  }
  for (const f of files) {
    const file = path.join(uploadDir, f.storage_key);
    if (!fs.existsSync(file)) {
      problems.push(`file row ${f.id}: ${f.storage_key} is not on disk`);
      continue;
    }
    const sha = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    if (sha !== f.sha256) problems.push(`file row ${f.id}: content does not match its sha256`);
  }

  // Enterprises: acknowledged ones present; each change of a registered one has its audit row.
  const enterprises = await k
    .selectFrom('enterprises')
    .select(['id', 'version', 'address'])
    .execute();
  const enterpriseById = new Map(enterprises.map((e) => [Number(e.id), e]));
  const registered = new Set(ledger.enterprises.map((a) => a.enterpriseId));
  for (const ack of ledger.enterprises) {
    const row = enterpriseById.get(ack.enterpriseId);
    if (!row) {
      problems.push(`acknowledged enterprise ${ack.enterpriseId} is missing`);
      continue;
    }
    if (row.version < ack.version)
      problems.push(`enterprise ${ack.enterpriseId}: version ${row.version} < ${ack.version}`);
    if (row.version === ack.version && row.address !== ack.address)
      problems.push(`enterprise ${ack.enterpriseId}: address ${row.address} ≠ ${ack.address}`);
  }
  const auditedEnterprises = auditCounts.filter((a) => a.entity_type === 'enterprise');
  for (const a of auditedEnterprises) registered.add(Number(a.entity_id));
  for (const id of registered) {
    const row = enterpriseById.get(id);
    if (row && auditsOf('enterprise', id) !== row.version)
      problems.push(
        `enterprise ${id}: version ${row.version} but ${auditsOf('enterprise', id)} audit rows`,
      );
  }

  const chain = await verifyAuditChain(k, 'sha256');
  if (!chain.ok) problems.push(`audit chain broken at ${chain.firstBrokenId}: ${chain.reason}`);
  return problems;
}

/** SQLite's own checks of a database file: page structure and foreign keys. */
export function sqliteFileProblems(file: string): string[] {
  const handle = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = handle.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const orphans = handle.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0)
      problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);
    return problems;
  } finally {
    handle.close();
  }
}

/** Row counts of every table of a SQLite file. */
export function sqliteTableCounts(file: string): Record<string, number> {
  const handle = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = handle
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [
        t.name,
        (handle.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n,
      ]),
    );
  } finally {
    handle.close();
  }
}
