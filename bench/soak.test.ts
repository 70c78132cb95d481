// The load soak's shortened form (issue 12 §6; the full one is `npm run bench:soak`, 10 minutes
// at 300 requests/s): the same soak code on a district-scale dataset generated into this file's
// own database (SQLite, or PostgreSQL with TEST_DATABASE_URL), against the built server on
// 127.0.0.1, for 40 s at 100 requests/s in windows of 10 s. It asserts what a soak is for — no
// errors, no non-2xx, a clean server log, p99 and RSS that do not climb from the baseline window
// to the last — and that every write the server acknowledged is in the database, with an audit
// chain that still verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { chinaDateOfInstant } from '@hazard-ledger/domain';
import { hashPassword } from '../apps/server/src/lib/passwords.js';
import { verifyAuditChain } from '../apps/server/src/modules/audit/audit.verify.js';
import { createTestDatabase, type TestDatabase } from '../apps/server/test/test-db.js';
import { generateDataset } from './data/generate.js';
import { BENCH_PASSWORD, type DatasetManifest } from './data/manifest.js';
import {
  DEFAULT_RULES,
  formatSoak,
  openSoakTarget,
  runSoak,
  type SoakResult,
  type SoakSettings,
} from './lib/soak.js';

/**
 * Shorter and slower than the full soak: a test shares two cores with the rest of the suite.
 * Two rules are wider than the full soak's, for what 10 s windows cannot see:
 * - p99: a neighbour's burst of work can double a p99 of tens of milliseconds within a window,
 *   hence the 250 ms floor;
 * - RSS: the server's memory climbs with uncollected garbage until V8's first full collections
 *   (measured: +15–20 % from window 2 to 4, and up to 1.8× before the first drop, which came
 *   after about 7,000 requests). A 10 s window holds no full collection, so only runaway growth
 *   (last window ≥ 2× the baseline) can be told from garbage here; the 10 % rule is judged by the
 *   full soak, whose 1-minute windows at 300 requests/s span several collections.
 */
const SETTINGS: SoakSettings = {
  rate: 100,
  durationSeconds: 40,
  windowSeconds: 10,
  connections: 10,
  transitionShare: 0.07,
  tipShare: 0.03,
  rules: { ...DEFAULT_RULES, p99FloorMs: 250, rssGrowth: 1 },
};

let testDb: TestDatabase;
let manifest: DatasetManifest;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const started = performance.now();
  const generated = await generateDataset(testDb.db, {
    scale: 'district',
    seed: 20230519,
    until: chinaDateOfInstant(new Date().toISOString()),
    auditHash: 'sha256',
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  // As `npm run bench:data` leaves a dataset: planner statistics, and the SQLite WAL folded in.
  await sql`ANALYZE`.execute(testDb.db.kysely);
  if (testDb.target.dialect === 'sqlite')
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(testDb.db.kysely);
  manifest = {
    ...generated,
    dialect: testDb.target.dialect,
    location:
      testDb.target.dialect === 'sqlite' ? testDb.target.file : testDb.target.connectionString,
    generatedAt: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 1000),
    password: BENCH_PASSWORD,
  };
}, 240_000);

afterAll(async () => {
  await testDb?.drop();
});

const count = async (table: string): Promise<number> => {
  const row = await sql<{
    n: number | string;
  }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(testDb.db.kysely);
  return Number(row.rows[0]!.n);
};

/** Answers with `status` to requests labelled with one of `labels`. */
function acknowledged(result: SoakResult, labels: string[], status: number): number {
  return result.byLabel
    .filter((row) => labels.includes(row.label))
    .reduce((sum, row) => sum + (row.statusCounts[status] ?? 0), 0);
}

describe('load soak, shortened', () => {
  it('holds a mixed load without errors, p99 or memory creeping up, and keeps every write', async () => {
    const before = {
      hazardEvents: await count('hazard_events'),
      tips: await count('tips'),
      audit: await count('audit_log'),
    };
    const lines: string[] = [];
    // The server runs on this file's database itself: it is thrown away afterwards anyway.
    const target = await openSoakTarget({
      manifest,
      inPlace: true,
      skipBuild: false,
      forceTsx: false,
      connections: SETTINGS.connections,
      log: (line) => lines.push(line),
    });
    let result: SoakResult;
    try {
      result = await runSoak(target.ctx, SETTINGS);
    } finally {
      await target.close();
    }
    const table = formatSoak(result);
    console.log(
      `soak on ${manifest.dialect} (dataset generated in ${manifest.seconds} s); this test asserts every check but "rate held"\n${table}`,
    );

    const check = (name: string) => result.checks.find((c) => c.name === name)!;
    // Each check with its rule and figures, so a failure says what it measured.
    for (const name of ['no errors', 'no non-2xx', 'server log clean', 'p99 stable', 'RSS growth'])
      expect(check(name), table).toMatchObject({ pass: true });
    // The rate is reported but not asserted here: on a shared machine the test's neighbours, not
    // the server, decide whether 100 requests/s are met (a run beside four other test processes
    // answered 35/s). The load must have run in every window, though.
    const answered = result.windows.reduce((sum, w) => sum + w.requests, 0);
    expect(answered).toBeGreaterThan(SETTINGS.rate * SETTINGS.durationSeconds * 0.1);
    expect(result.windows.every((w) => w.requests > 0)).toBe(true);

    // The writes really happened: every acknowledged one is in the database. A request still in
    // flight when the load stopped may have been applied without its answer being counted, so
    // at most one per connection more.
    const transitions = acknowledged(result, ['supervise', 'lift_supervision'], 200);
    const tips = acknowledged(result, ['tip'], 201);
    expect(transitions).toBeGreaterThan(0);
    expect(tips).toBeGreaterThan(0);
    const hazardEvents = (await count('hazard_events')) - before.hazardEvents;
    const newTips = (await count('tips')) - before.tips;
    expect(hazardEvents).toBeGreaterThanOrEqual(transitions);
    expect(hazardEvents).toBeLessThanOrEqual(transitions + SETTINGS.connections);
    expect(newTips).toBeGreaterThanOrEqual(tips);
    expect(newTips).toBeLessThanOrEqual(tips + SETTINGS.connections);
    expect((await count('audit_log')) - before.audit).toBeGreaterThanOrEqual(transitions + tips);
    expect(await verifyAuditChain(testDb.db.kysely, 'sha256')).toMatchObject({ ok: true });
  }, 180_000);
});
