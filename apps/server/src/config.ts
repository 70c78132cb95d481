import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** How the app reaches its database. */
export type DatabaseTarget =
  { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; connectionString: string };

export type AppConfig = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseTarget;
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
};

/** The repository root, two folders above apps/server. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

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
  };
}
