// The benchmark dataset's invariants at district scale (issue 11): the counts the scale promises,
// referential integrity beyond what foreign keys check, a realistic status mix that agrees with
// each hazard's own history, numbering counters the app continues from, an audit chain that
// verifies, reproducibility from the seed — and the app itself reading and extending the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addDays, chinaDateOfInstant, type Sector } from '@hazard-ledger/domain';
import { buildApp } from '../../apps/server/src/app.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { hashPassword } from '../../apps/server/src/lib/passwords.js';
import { verifyAuditChain } from '../../apps/server/src/modules/audit/audit.verify.js';
import { numbersOf } from '../../apps/server/src/modules/reports/dispatch.service.js';
import { computeFigures } from '../../apps/server/src/modules/reports/figures.repository.js';
import { createTestDatabase, type TestDatabase } from '../../apps/server/test/test-db.js';
import { type GeneratedDataset, generateDataset, SCALE_SIZES } from './generate.js';
import { BENCH_PASSWORD } from './manifest.js';

const until = chinaDateOfInstant(new Date().toISOString());
let testDb: TestDatabase;
let dataset: GeneratedDataset;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dataset = await generateDataset(testDb.db, {
    scale: 'district',
    seed: 7,
    until,
    auditHash: 'sha256',
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
}, 180_000);

afterAll(async () => {
  await testDb?.drop();
});

const count = async (table: string, where = sql`1 = 1`) => {
  const row = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(
    testDb.db.kysely,
  );
  return Number(row.rows[0]!.n);
};

describe('benchmark dataset, district scale', () => {
  it('holds the records the scale promises, as the manifest counts them', async () => {
    const size = SCALE_SIZES.district;
    expect(await count('enterprises')).toBe(size.enterprises);
    expect(await count('hazards')).toBe(size.hazards);
    expect(await count('penalty_cases')).toBe(size.penalties);
    expect(await count('tips')).toBe(size.tips);
    const signed = await count('inspection_records', sql`status = 'signed'`);
    expect(signed).toBeGreaterThan(size.inspections * 0.97);
    expect(signed).toBeLessThan(size.inspections * 1.03);
    for (const [table, rows] of Object.entries(dataset.counts)) {
      expect(await count(table), table).toBe(rows);
    }
    // Every record has its audit entries: at least one per hazard event and per other record.
    expect(dataset.counts.audit_log).toBeGreaterThan(
      dataset.counts.hazard_events! + dataset.counts.inspection_records! + dataset.counts.tips!,
    );
  });

  it('keeps records consistent with their enterprise and district', async () => {
    for (const table of ['hazards', 'inspection_records', 'penalty_cases', 'self_inspections']) {
      const mismatched = await count(
        table,
        sql`NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.id = ${sql.ref(`${table}.enterprise_id`)}
          AND e.org_unit_id = ${sql.ref(`${table}.district_id`)} AND e.sector = ${sql.ref(`${table}.sector`)})`,
      );
      expect(mismatched, table).toBe(0);
    }
    // Each district's enterprises belong to a district unit under the city.
    const orphans = await count(
      'enterprises',
      sql`NOT EXISTS (SELECT 1 FROM org_units u WHERE u.id = enterprises.org_unit_id AND u.kind = 'district')`,
    );
    expect(orphans).toBe(0);
  });

  it('has a realistic status mix, and each hazard stands where its last event left it', async () => {
    const total = SCALE_SIZES.district.hazards;
    const verified = await count('hazards', sql`status = 'verified'`);
    expect(verified / total).toBeGreaterThan(0.85);
    expect(verified / total).toBeLessThan(0.995);
    for (const status of ['reported', 'planned', 'rectifying', 'fixed_on_spot', 'rectified']) {
      expect(await count('hazards', sql`status = ${status}`), status).toBeGreaterThan(0);
    }
    const overdue = await count('hazards', sql`status <> 'verified' AND deadline < ${until}`);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / total).toBeLessThan(0.05);
    const major = await count('hazards', sql`level = 'major'`);
    expect(major / total).toBeGreaterThan(0.03);
    expect(major / total).toBeLessThan(0.08);
    const disagreeing = await count(
      'hazards',
      sql`hazards.status <> (SELECT ev.to_status FROM hazard_events ev WHERE ev.hazard_id = hazards.id
        ORDER BY ev.at DESC, ev.id DESC LIMIT 1)`,
    );
    expect(disagreeing).toBe(0);
    const verifiedWithoutTime = await count('hazards', sql`status = 'verified' AND verified_at IS NULL`);
    expect(verifiedWithoutTime).toBe(0);
    const future = await count('hazard_events', sql`at > ${`${until}T16:00:00.000Z`}`);
    expect(future).toBe(0);
  });

  it('numbers records uniquely and leaves the counters where the app continues', async () => {
    const duplicates = await sql<{ n: number | string }>`SELECT COUNT(*) AS n FROM (
        SELECT number FROM hazards GROUP BY number HAVING COUNT(*) > 1) d`.execute(testDb.db.kysely);
    expect(Number(duplicates.rows[0]!.n)).toBe(0);
    const counters = await testDb.db.kysely.selectFrom('hazard_numbers').selectAll().execute();
    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) {
      const inYear = await count(
        'hazards',
        sql`district_id = ${counter.district_id} AND found_at LIKE ${`${counter.year}-%`}`,
      );
      expect(Number(counter.last_number)).toBe(inYear);
    }
  });

  it('writes an audit chain the verifier accepts', async () => {
    const result = await verifyAuditChain(testDb.db.kysely, 'sha256');
    expect(result).toMatchObject({ ok: true });
  });

  it('is served by the app: sign-in, the ledger, a hazard page and a new hazard numbered next', async () => {
    const config = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      database: testDb.target,
      seedDemo: false,
    };
    const app = await buildApp(config, { db: testDb.db, logger: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: dataset.users.district, password: BENCH_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookie = `hl_session=${login.cookies.find((c) => c.name === 'hl_session')!.value}`;
      const csrf = login.json<{ csrfToken: string }>().csrfToken;
      const list = await app.inject({ url: '/api/v1/hazards?pageSize=5', headers: { cookie } });
      expect(list.statusCode).toBe(200);
      expect(list.json<{ total: number }>().total).toBe(SCALE_SIZES.district.hazards);
      const sample = dataset.districtHazards.rectifying![0]!;
      const page = await app.inject({ url: `/api/v1/hazards/${sample}`, headers: { cookie } });
      expect(page.statusCode, page.body).toBe(200);
      expect(page.json<{ status: string }>().status).toBe('rectifying');

      const cityLogin = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: dataset.users.city, password: BENCH_PASSWORD },
      });
      const cityCookie = `hl_session=${cityLogin.cookies.find((c) => c.name === 'hl_session')!.value}`;
      const rollup = await app.inject({
        url: `/api/v1/reports/rollup?sector=industry&kind=weekly&week=${dataset.report.weekMonday}`,
        headers: { cookie: cityCookie },
      });
      expect(rollup.statusCode, rollup.body).toBe(200);
      const reportedRows = rollup
        .json<{ rows: { report: unknown }[] }>()
        .rows.filter((r) => r.report !== null).length;
      const submitted = await count(
        'dispatch_reports',
        sql`sector = 'industry' AND period_to = ${addDays(dataset.report.weekMonday, 6)} AND status = 'submitted'`,
      );
      expect(reportedRows).toBe(submitted);

      const year = Number(until.slice(0, 4));
      const before = await testDb.db.kysely
        .selectFrom('hazard_numbers')
        .select('last_number')
        .where('district_id', '=', dataset.ids.district)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/hazards',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: {
          enterpriseId: dataset.ids.enterprise,
          level: 'general',
          title: '基准数据之后新登记的隐患',
          description: '检查发现消防通道堵塞',
          origin: 'enforcement',
          foundAt: until,
          foundBy: '执法人员',
          noCatalogReason: '测试',
          treatment: 'deadline',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const number = created.json<{ number: string }>().number;
      expect(number.endsWith(`-${year}-${String(Number(before.last_number) + 1).padStart(6, '0')}`)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('has the weekly reports the districts submitted, with the figures the report code computes', async () => {
    const reports = await testDb.db.kysely
      .selectFrom('dispatch_reports as r')
      .innerJoin('dispatch_report_versions as v', 'v.id', 'r.current_version_id')
      .innerJoin('campaigns as c', 'c.id', 'r.campaign_id')
      .select(['r.district_id', 'r.sector', 'r.period_from', 'r.period_to', 'r.on_time', 'v.figures', 'c.start_date'])
      .where('r.status', '=', 'submitted')
      .orderBy('r.id')
      .execute();
    // A campaign's weeks so far, four sectors, a few missing.
    expect(reports.length).toBeGreaterThan(20);
    const late = reports.filter((r) => r.on_time === 0).length;
    expect(late).toBeGreaterThan(0);
    expect(late / reports.length).toBeLessThan(0.25);
    const latest = reports[reports.length - 1]!;
    expect(latest.period_to).toBe(addDays(dataset.report.weekMonday, 6));
    for (const report of [reports[0]!, latest]) {
      const values = await computeFigures(testDb.db.kysely, {
        districtIds: [Number(report.district_id)],
        sector: report.sector as Sector,
        campaignStart: report.start_date,
        weekFrom: report.period_from,
        weekTo: report.period_to,
      });
      expect(JSON.parse(report.figures)).toEqual(numbersOf(values));
    }
  });

  it('is reproducible from its seed', async () => {
    const digest = async (seed: number) => {
      const again = await createTestDatabase();
      try {
        await generateDataset(again.db, {
          scale: 'district',
          seed,
          until: '2026-06-30',
          auditHash: 'sha256',
          passwordHash: 'x',
          sizes: { enterprises: 40, hazards: 400, inspections: 100, penalties: 20, tips: 10 },
        });
        const rows = await again.db.kysely
          .selectFrom('hazards')
          .select(['number', 'status', 'deadline', 'enterprise_id', 'level'])
          .orderBy('id')
          .execute();
        const last = await again.db.kysely
          .selectFrom('audit_log')
          .select('hash')
          .orderBy('seq', 'desc')
          .executeTakeFirstOrThrow();
        return JSON.stringify(rows) + last.hash;
      } finally {
        await again.drop();
      }
    };
    const first = await digest(11);
    expect(await digest(11)).toBe(first);
    expect(await digest(12)).not.toBe(first);
  }, 120_000);
});
