import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_REMINDER_RULES, type ReminderRules } from '@hazard-ledger/domain';

/** How much memory SQLite may keep per connection (the server holds one). */
export type SqliteTuning = {
  /** Page cache (PRAGMA cache_size): recently used pages, kept in the process's own memory. */
  cacheMb: number;
  /** Memory-mapped reads (PRAGMA mmap_size): file pages mapped in; 0 turns them off. */
  mmapMb: number;
};

/**
 * A 32 MB page cache and no memory map. On the province benchmark (9 GB file, `npm run bench`)
 * the map only added resident pages — 256 MB of it took the server from 464 to 678 MB peak RSS —
 * while reads through the page cache and the kernel's file cache were as fast or faster (ledger
 * list p95 20 vs 24 ms, mixed reads 339 vs 299 req/s). 32 MB (was 64) measured as fast as 64 for
 * district and city requests and keeps ~30 MB less resident.
 */
export const DEFAULT_SQLITE_TUNING: SqliteTuning = { cacheMb: 32, mmapMb: 0 };

/**
 * One process's share of the configured SQLite memory: SQLITE_CACHE_MB bounds the server, so
 * with several processes (each with its own connection and page cache) each takes its part.
 * Pages beyond it are read from the kernel's file cache, which the processes share.
 */
export function sqliteTuningPerProcess(tuning: SqliteTuning, processes: number): SqliteTuning {
  if (processes <= 1) return tuning;
  return { ...tuning, cacheMb: Math.max(1, Math.ceil(tuning.cacheMb / processes)) };
}

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  SQLITE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(DEFAULT_SQLITE_TUNING.cacheMb),
  SQLITE_MMAP_MB: z.coerce.number().int().min(0).max(65536).default(DEFAULT_SQLITE_TUNING.mmapMb),
  DASHBOARD_FIGURES_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  LEDGER_COUNTS_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  REPORT_DRAFT_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SERVER_PROCESSES: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .transform((v) => (v === 'auto' ? Math.min(os.availableParallelism(), 64) : v)),
  WORKER_HEAP_MB: z.coerce.number().int().min(64).max(65536).default(128),
  SLOW_QUERY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  DEMO_PASSWORD: z.string().default('Demo@2023pass'),
  SEED_DEMO: booleanFromEnv.default(true),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  REQUIRE_ADMIN_TOTP: booleanFromEnv.optional(),
  AUDIT_HASH: z.enum(['sha256', 'sm3']).default('sha256'),
  TRUST_PROXY: booleanFromEnv.default(false),
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WEB_DIST: z.string().optional(),
  UPLOAD_DIR: z.string().optional(),
  SELF_INSPECTION_PHOTO_REQUIRED: booleanFromEnv.default(true),
  SIGNING_KEY_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  IDENTITY_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
    })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REMINDER_JOB_ENABLED: booleanFromEnv.default(true),
  REMINDER_JOB_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM (China time), e.g. 07:00' })
    .default('07:00'),
  SMS_CHANNEL: z.enum(['log', 'off']).default('log'),
  REMINDER_DEADLINE_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, { message: 'must be a list of days, e.g. 7,1' })
    .default(DEFAULT_REMINDER_RULES.hazardDeadlineDays.join(',')),
  REMINDER_ESCALATE_OFFICE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_REMINDER_RULES.escalateToOfficeAfterDays),
  REMINDER_ESCALATE_BUREAU_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .default(DEFAULT_REMINDER_RULES.escalateToBureauAfterDays),
  REMINDER_CERTIFICATE_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_REMINDER_RULES.certificateWarningDays),
});

/** How the app reaches its database. */
export type DatabaseTarget =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; connectionString: string };

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
  /** SQLite memory bounds (ignored on PostgreSQL). */
  sqlite: SqliteTuning;
  /**
   * How long a dashboard's campaign figures may be reused for the same territory and week when
   * nothing has changed through this server (0: computed on every request).
   */
  dashboardFiguresTtlSeconds: number;
  /**
   * How long the ledger's per-status counts may be reused for the same scope and filters while
   * nothing has changed (0: counted on every request).
   */
  ledgerCountsTtlSeconds: number;
  reportDraftTtlSeconds: number;
  /**
   * How many processes serve HTTP on the port (node:cluster; `auto`: one per core). 1: one process
   * does everything; more: workers serve requests (server.ts).
   */
  serverProcesses: number;
  /** The old-generation limit of each cluster worker's JavaScript heap (V8), in MB. */
  workerHeapMb: number;
  /** Statements slower than this are logged with their SQL and duration (0: off). */
  slowQueryMs: number;
  demoPassword: string;
  seedDemo: boolean;
  sessionIdleMinutes: number;
  requireAdminTotp: boolean;
  auditHash: 'sha256' | 'sm3';
  trustProxy: boolean;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  webDist: string | null;
  logLevel: string;
  /** Where uploaded files (notice attachments) are kept on local disk. */
  uploadDir: string;
  /** Whether a 存在问题 answer of a self-inspection needs a photo. */
  selfInspectionPhotoRequired: boolean;
  /** Protects the inspectors' Ed25519 private keys kept by the system (never stored in the database). */
  signingKeySecret: string;
  /** AES-256 key of reporters' identities (举报人身份) at rest (never stored in the database). */
  identityKey: Buffer;
  /** The daily reminder job (issue 10): when it runs, how it also reaches people, its thresholds. */
  reminders: {
    /** Whether server.ts schedules the job (never in tests: they run it themselves). */
    enabled: boolean;
    /** China wall-clock time of the daily run, HH:MM. */
    time: string;
    /** SMS channel besides the in-app centre: `log` only logs what it would send. */
    smsChannel: 'log' | 'off';
    rules: ReminderRules;
  };
};

/**
 * A secret the operator must set in production. In development it is generated once into
 * ./data/secrets/<name> (outside the database, so a database copy alone does not reveal it);
 * in tests it is a fixed value.
 */
function secretOf(
  name: string,
  value: string | undefined,
  env: AppConfig['env'],
  generate: () => string,
): string {
  if (value) return value;
  if (env === 'production') {
    throw new Error(`Invalid configuration:\n  ${name}: must be set in production`);
  }
  if (env === 'test') return `test-only-${name}-`.padEnd(44, 'x');
  const dir = path.join(REPO_ROOT, 'data', 'secrets');
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, generate(), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The repository root: the nearest folder above this module whose package.json is the
 * workspace's. Found, not counted: this module runs from apps/server/src under tsx and from a
 * chunk of apps/server/dist when built, at different depths (a fixed '../../..' put the data
 * folder under apps/ and lost the web app once the build was split into chunks).
 */
export const REPO_ROOT = findRepoRoot(import.meta.dirname);

export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const { workspaces } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
        workspaces?: unknown;
      };
      if (workspaces !== undefined) return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(
        `No workspace package.json above ${from}: run the server from its repository`,
      );
    }
  }
}

/** Parses DATABASE_URL: unset → ./data/hazard-ledger.db; sqlite:<path>; postgres://… */
export function parseDatabaseUrl(url: string | undefined, cwd = REPO_ROOT): DatabaseTarget {
  if (!url || url.trim() === '') {
    return { dialect: 'sqlite', file: path.join(cwd, 'data', 'hazard-ledger.db') };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '')
      throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:./data/app.db');
    return { dialect: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  throw new Error(
    `DATABASE_URL must be unset, "sqlite:<path>" or "postgres://…"; got "${url.split(':')[0]}:…"`,
  );
}

/** Reads the configuration from the environment; throws with every bad variable named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL),
    sqlite: { cacheMb: e.SQLITE_CACHE_MB, mmapMb: e.SQLITE_MMAP_MB },
    dashboardFiguresTtlSeconds: e.DASHBOARD_FIGURES_TTL_SECONDS,
    ledgerCountsTtlSeconds: e.LEDGER_COUNTS_TTL_SECONDS,
    reportDraftTtlSeconds: e.REPORT_DRAFT_TTL_SECONDS,
    serverProcesses: e.SERVER_PROCESSES,
    workerHeapMb: e.WORKER_HEAP_MB,
    slowQueryMs: e.SLOW_QUERY_MS,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    requireAdminTotp: e.REQUIRE_ADMIN_TOTP ?? e.NODE_ENV === 'production',
    auditHash: e.AUDIT_HASH,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    uploadLimitBytes: e.UPLOAD_LIMIT_BYTES,
    webDist: e.WEB_DIST ?? path.join(REPO_ROOT, 'apps', 'web', 'dist'),
    logLevel: e.LOG_LEVEL,
    uploadDir: e.UPLOAD_DIR
      ? path.resolve(REPO_ROOT, e.UPLOAD_DIR)
      : path.join(REPO_ROOT, 'data', 'uploads'),
    selfInspectionPhotoRequired: e.SELF_INSPECTION_PHOTO_REQUIRED,
    signingKeySecret: secretOf('SIGNING_KEY_SECRET', e.SIGNING_KEY_SECRET, e.NODE_ENV, () =>
      crypto.randomBytes(32).toString('base64'),
    ),
    identityKey: identityKeyOf(
      secretOf('IDENTITY_KEY', e.IDENTITY_KEY, e.NODE_ENV, () =>
        crypto.randomBytes(32).toString('base64'),
      ),
    ),
    reminders: {
      enabled: e.REMINDER_JOB_ENABLED && e.NODE_ENV !== 'test',
      time: e.REMINDER_JOB_TIME,
      smsChannel: e.SMS_CHANNEL,
      rules: {
        hazardDeadlineDays: e.REMINDER_DEADLINE_DAYS.split(',').map(Number),
        escalateToOfficeAfterDays: e.REMINDER_ESCALATE_OFFICE_DAYS,
        escalateToBureauAfterDays: e.REMINDER_ESCALATE_BUREAU_DAYS,
        certificateWarningDays: e.REMINDER_CERTIFICATE_DAYS,
      },
    },
  };
}

/** The identity key as 32 bytes (a test value is hashed to size). */
function identityKeyOf(value: string): Buffer {
  const raw = Buffer.from(value, 'base64');
  return raw.length === 32 ? raw : crypto.createHash('sha256').update(value).digest();
}
