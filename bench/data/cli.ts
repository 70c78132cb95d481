// `npm run bench:data -- --scale district|city|province [--pg] [--seed N] [--until YYYY-MM-DD]`
// Generates a benchmark dataset (bench/data/generate.ts) into a fresh SQLite file
// (/tmp/hl-bench/<scale>.db) or PostgreSQL database (hl_bench_<scale> on 127.0.0.1), shows its
// progress, and writes the manifest the benchmarks read. The same scale, seed and end date give
// the same data. The file is built under another name and renamed when complete, so a stopped
// run never leaves a half-built dataset behind for the benchmarks.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { chinaDateOfInstant } from '@hazard-ledger/domain';
import type { DatabaseTarget } from '../../apps/server/src/config.js';
import { openDatabase } from '../../apps/server/src/db/database.js';
import { migrateToLatest } from '../../apps/server/src/db/migrate.js';
import { hashPassword } from '../../apps/server/src/lib/passwords.js';
import { generateDataset } from './generate.js';
import {
  BENCH_PASSWORD,
  type DatasetManifest,
  DEFAULT_BENCH_DIR,
  manifestPath,
  pgDatabaseName,
  type Scale,
  SCALES,
  sqlitePath,
} from './manifest.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'district' },
    seed: { type: 'string', default: '20230519' },
    until: { type: 'string' },
    pg: { type: 'boolean', default: false },
    pgUrl: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    dir: { type: 'string', default: DEFAULT_BENCH_DIR },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!(SCALES as readonly string[]).includes(values.scale)) {
  fail(`--scale 须为 ${SCALES.join(' | ')}（收到 ${values.scale}）`);
}
const scale = values.scale as Scale;
const until = values.until ?? chinaDateOfInstant(new Date().toISOString());
if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || Number.isNaN(Date.parse(until))) {
  fail(`--until 须为 YYYY-MM-DD 日期（收到 ${until}）`);
}
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed 须为整数（收到 ${values.seed}）`);

async function preparePostgres(): Promise<DatabaseTarget> {
  const name = pgDatabaseName(scale);
  const admin = new pg.Client({ connectionString: values.pgUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(values.pgUrl);
  url.pathname = `/${name}`;
  return { dialect: 'postgres', connectionString: url.toString() };
}

function progressLine(started: number) {
  let lastPhase = '';
  return (phase: string, done: number, total: number) => {
    if (phase !== lastPhase && lastPhase) process.stdout.write('\n');
    lastPhase = phase;
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const percent = ((done / total) * 100).toFixed(0);
    process.stdout.write(
      `\r  ${phase.padEnd(12)} ${done.toLocaleString().padStart(11)} / ${total.toLocaleString()}  ${percent.padStart(3)} %   ${seconds} s`,
    );
  };
}

async function main(): Promise<void> {
  fs.mkdirSync(values.dir, { recursive: true });
  const finalFile = sqlitePath(values.dir, scale);
  const buildFile = `${finalFile}.partial`;
  const target: DatabaseTarget = values.pg
    ? await preparePostgres()
    : { dialect: 'sqlite', file: buildFile };
  if (!values.pg) {
    for (const f of [buildFile, `${buildFile}-wal`, `${buildFile}-shm`]) {
      fs.rmSync(f, { force: true });
    }
  }
  const location = target.dialect === 'postgres' ? target.connectionString : finalFile;
  console.log(
    `Generating the ${scale} dataset (seed ${seed}, history up to ${until}) → ${location}`,
  );
  const started = performance.now();
  const db = openDatabase(target);
  await migrateToLatest(db.kysely);
  const generated = await generateDataset(db, {
    scale,
    seed,
    until,
    auditHash: process.env.AUDIT_HASH === 'sm3' ? 'sm3' : 'sha256',
    passwordHash: await hashPassword(BENCH_PASSWORD),
    onProgress: progressLine(started),
  });
  if (db.dialect === 'postgres') {
    // VACUUM as well: a freshly loaded table has no visibility map, so PostgreSQL cannot answer
    // from the covering indexes alone and reads the heap (a city's ledger page: ~1 s cold vs
    // ~10 ms). A running deployment's autovacuum keeps the map; a fresh dataset needs it once.
    process.stdout.write('\n  VACUUM (ANALYZE) …');
    await sql`VACUUM (ANALYZE)`.execute(db.kysely);
  } else {
    process.stdout.write('\n  ANALYZE …');
    await sql`ANALYZE`.execute(db.kysely);
  }
  if (db.dialect === 'sqlite') await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db.kysely);
  await db.kysely.destroy();
  if (!values.pg) {
    for (const f of [finalFile, `${finalFile}-wal`, `${finalFile}-shm`]) {
      fs.rmSync(f, { force: true });
    }
    fs.renameSync(buildFile, finalFile);
  }
  const seconds = (performance.now() - started) / 1000;
  const manifest: DatasetManifest = {
    ...generated,
    dialect: target.dialect,
    location,
    generatedAt: new Date().toISOString(),
    seconds: Math.round(seconds),
    password: BENCH_PASSWORD,
  };
  const file = manifestPath(values.dir, scale, target.dialect);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`\n  done in ${seconds.toFixed(0)} s; manifest ${file}`);
  const width = Math.max(...Object.keys(manifest.counts).map((k) => k.length));
  for (const [table, rows] of Object.entries(manifest.counts)) {
    console.log(`    ${table.padEnd(width)} ${rows.toLocaleString().padStart(12)}`);
  }
}

await main();
