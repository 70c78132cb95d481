import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccidentDetail, AccidentPage, TraceBack } from '@hazard-ledger/domain';
import { nowIso } from '../src/lib/time.js';
import { cellText } from './xlsx-cells.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';

// Accidents and the responsibility trace-back through the API: recording with the level rule,
// edit and void with audit, scope (another district or sector reads 404), and the trace-back
// window — exactly the inspections of the two years before, the hazards' state at the moment of
// the accident, and the open hazards on the same catalog items.

type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };

/** The accident: 2025-06-10 10:00 China time. */
const ACCIDENT_AT = '2025-06-10T10:00:00+08:00';
const ACCIDENT_UTC = '2025-06-10T02:00:00.000Z';
const CATALOG = 'hazchem-2017';
const ITEM = 'HG-2017-12';
const OTHER_ITEM = 'HG-2017-05';

describe('accidents and trace-back', () => {
  let t: TestContext;
  let admin: TestClient;
  let adminB: TestClient;
  let jichu: TestClient;
  let zhifa: TestClient;
  let zhifaId: number;
  let keyId: number;
  let seq = 0;

  async function record(enterpriseId: number, startedAt: string): Promise<number> {
    const ent = await t.db.kysely
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    const n = ++seq;
    const row = await t.db.kysely
      .insertInto('inspection_records')
      .values({
        record_no: `TEST-R-${n}`,
        district_id: ent.org_unit_id,
        enterprise_id: enterpriseId,
        sector: ent.sector,
        plan_id: null,
        plan_target_id: null,
        origin: 'plan',
        started_at: startedAt,
        ended_at: startedAt,
        place: `现场${n}`,
        enterprise_name: null,
        content: '{}',
        scorecard: null,
        status: 'signed',
        canonical_text: null,
        content_hash: null,
        supersedes_record_id: null,
        superseded_by_record_id: null,
        signed_at: startedAt,
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledged_by_name: null,
        created_at: startedAt,
        created_by: zhifaId,
        created_by_name: '执法甲',
        updated_at: startedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await t.db.kysely
      .insertInto('inspection_record_inspectors')
      .values({ record_id: id, user_id: zhifaId, seq: 1, name: '执法甲', certificate_no: 'ZF-001' })
      .execute();
    await t.db.kysely
      .insertInto('inspection_record_signatures')
      .values({
        record_id: id,
        user_id: zhifaId,
        signer_name: '执法甲',
        certificate_no: 'ZF-001',
        key_id: keyId,
        signature: 'sig',
        signed_at: startedAt,
      })
      .execute();
    return id;
  }

  async function finding(recordId: number, hazardId: number, findingSeq = 1): Promise<void> {
    await t.db.kysely
      .insertInto('inspection_record_findings')
      .values({
        record_id: recordId,
        seq: findingSeq,
        hazard_id: hazardId,
        linked: 0,
        catalog_item_code: ITEM,
        level: 'major',
        no_penalty: null,
        penalty_decision: null,
        penalty_note: null,
        created_at: nowIso(),
      })
      .execute();
  }

  /** A hazard with its status history ([instant, to_status] in order). */
  async function hazard(spec: {
    enterpriseId: number;
    item: string;
    createdAt: string;
    history: [string, string][];
  }): Promise<number> {
    const ent = await t.db.kysely
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', spec.enterpriseId)
      .executeTakeFirstOrThrow();
    const n = ++seq;
    const status = spec.history.at(-1)?.[1] ?? 'reported';
    const row = await t.db.kysely
      .insertInto('hazards')
      .values({
        number: `TEST-H-${n}`,
        district_id: ent.org_unit_id,
        enterprise_id: spec.enterpriseId,
        sector: ent.sector,
        catalog_id: CATALOG,
        catalog_version: 1,
        catalog_item_code: spec.item,
        no_catalog_reason: null,
        level: 'major',
        title: `倒查测试隐患${n}`,
        description: '可燃气体报警器失效',
        place: null,
        cause_analysis: null,
        category: null,
        origin: 'enforcement',
        found_at: spec.createdAt.slice(0, 10),
        found_by: '测试',
        treatment: 'deadline',
        status,
        plan_responsible: null,
        plan_measures: null,
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: '2025-12-31',
        plan_emergency: null,
        plan_approved_at: null,
        reported_to_bureau_at: null,
        fix_description: null,
        fixed_by_user_id: null,
        fixed_at: null,
        leader_accepted_at: null,
        verified_at: null,
        verified_by_user_id: null,
        supervision_level: null,
        supervised_at: null,
        extension_deadline: null,
        extension_reason: null,
        created_by_user_id: zhifaId,
        created_at: spec.createdAt,
        updated_at: spec.createdAt,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    let from: string | null = null;
    for (const [at, to] of spec.history) {
      await t.db.kysely
        .insertInto('hazard_events')
        .values({
          hazard_id: id,
          action: 'test',
          from_status: from,
          to_status: to,
          actor_id: null,
          actor_name: null,
          actor_role: null,
          at,
          reason: null,
          details: null,
          idempotency_key: null,
        })
        .execute();
      from = to;
    }
    return id;
  }

  const accidentInput = (over: Record<string, unknown> = {}) => ({
    enterpriseId: t.enterprises.hazchemA,
    occurredAt: ACCIDENT_AT,
    type: 'explosion',
    place: '甲类仓库',
    deaths: 1,
    seriousInjuries: 2,
    minorInjuries: 3,
    directLossFen: 350_000_00,
    level: 'general',
    report: '甲类仓库可燃气体泄漏遇明火爆炸',
    ...over,
  });

  let accidentId: number;
  let inside: number;
  let insideLater: number;
  let outside: number;
  let after: number;
  let otherEnterprise: number;
  let foundHazard: number;
  let sameItemOpen: number;
  let sameItemClosed: number;
  let sameItemLater: number;
  let otherItemOpen: number;
  let otherEnterpriseHazard: number;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'jichu_a',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    zhifaId = await t.createUser({
      username: 'zhifa_a',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
    });
    admin = await t.login('admin_a');
    adminB = await t.login('admin_b');
    jichu = await t.login('jichu_a');
    zhifa = await t.login('zhifa_a');
    const key = await t.db.kysely
      .insertInto('signing_keys')
      .values({
        user_id: zhifaId,
        public_key: 'pk',
        private_key_encrypted: 'sk',
        created_at: nowIso(),
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    keyId = Number(key.id);

    const A = t.enterprises.hazchemA;
    // Two years before the accident is 2023-06-10T02:00:00Z.
    inside = await record(A, '2023-06-10T02:00:01.000Z');
    outside = await record(A, '2023-06-10T01:59:59.000Z');
    insideLater = await record(A, '2025-01-15T01:00:00.000Z');
    after = await record(A, '2025-06-10T02:00:01.000Z');
    otherEnterprise = await record(t.enterprises.hazchemB, '2024-06-01T01:00:00.000Z');

    // Found in the inspection just inside the window; verified only after the accident.
    foundHazard = await hazard({
      enterpriseId: A,
      item: ITEM,
      createdAt: '2023-06-10T03:00:00.000Z',
      history: [
        ['2023-06-10T03:00:00.000Z', 'reported'],
        ['2023-07-01T00:00:00.000Z', 'rectifying'],
        ['2025-06-10T02:00:00.000Z', 'rectified'],
        ['2025-06-11T00:00:00.000Z', 'verified'],
      ],
    });
    await finding(inside, foundHazard);
    // Same catalog item, open at the time, never inspected (no events: 'reported').
    sameItemOpen = await hazard({
      enterpriseId: A,
      item: ITEM,
      createdAt: '2024-01-01T00:00:00.000Z',
      history: [],
    });
    sameItemClosed = await hazard({
      enterpriseId: A,
      item: ITEM,
      createdAt: '2024-02-01T00:00:00.000Z',
      history: [
        ['2024-02-01T00:00:00.000Z', 'reported'],
        ['2024-03-01T00:00:00.000Z', 'verified'],
      ],
    });
    sameItemLater = await hazard({
      enterpriseId: A,
      item: ITEM,
      createdAt: '2025-06-12T00:00:00.000Z',
      history: [['2025-06-12T00:00:00.000Z', 'reported']],
    });
    otherItemOpen = await hazard({
      enterpriseId: A,
      item: OTHER_ITEM,
      createdAt: '2024-01-01T00:00:00.000Z',
      history: [['2024-01-01T00:00:00.000Z', 'rectifying']],
    });
    otherEnterpriseHazard = await hazard({
      enterpriseId: t.enterprises.hazchemB,
      item: ITEM,
      createdAt: '2024-01-01T00:00:00.000Z',
      history: [['2024-01-01T00:00:00.000Z', 'rectifying']],
    });
    await finding(otherEnterprise, otherEnterpriseHazard);

    const res = await admin.post('/api/v1/accidents', accidentInput());
    expect(res.statusCode).toBe(201);
    accidentId = res.json<AccidentDetail>().id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('records an accident with the level the rule gives, and audits it', async () => {
    const res = await admin.get(`/api/v1/accidents/${accidentId}`);
    expect(res.statusCode).toBe(200);
    const a = res.json<AccidentDetail>();
    expect(a).toMatchObject({
      enterpriseId: t.enterprises.hazchemA,
      occurredAt: ACCIDENT_UTC,
      type: 'explosion',
      level: 'general',
      suggestedLevel: 'general',
      directLossFen: 350_000_00,
      status: 'recorded',
      canManage: true,
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'accident')
      .where('entity_id', '=', String(accidentId))
      .execute();
    expect(audit.map((r) => r.action)).toContain('accident.create');
  });

  it('a level other than the rule gives needs a reason', async () => {
    const bad = await admin.post('/api/v1/accidents', accidentInput({ deaths: 3 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.path).toContain('levelReason');
    const ok = await admin.post(
      '/api/v1/accidents',
      accidentInput({ deaths: 3, level: 'larger', occurredAt: '2024-01-05T08:00:00+08:00' }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json<AccidentDetail>()).toMatchObject({ level: 'larger', suggestedLevel: 'larger' });
    const raised = await admin.post(
      '/api/v1/accidents',
      accidentInput({ level: 'larger', levelReason: '调查组认定社会影响重大，提级调查' }),
    );
    expect(raised.statusCode).toBe(201);
    expect(raised.json<AccidentDetail>()).toMatchObject({
      level: 'larger',
      suggestedLevel: 'general',
      levelReason: '调查组认定社会影响重大，提级调查',
    });
  });

  it('lists with filters', async () => {
    const all = (await admin.get('/api/v1/accidents')).json<AccidentPage>();
    expect(all.total).toBe(3);
    const larger = (await admin.get('/api/v1/accidents?level=larger')).json<AccidentPage>();
    expect(larger.total).toBe(2);
    const byDate = (
      await admin.get('/api/v1/accidents?from=2025-06-10&to=2025-06-10')
    ).json<AccidentPage>();
    expect(byDate.total).toBe(2);
    const early = (await admin.get('/api/v1/accidents?to=2024-12-31')).json<AccidentPage>();
    expect(early.items.map((i) => i.occurredAt)).toEqual(['2024-01-05T00:00:00.000Z']);
    expect((await adminB.get('/api/v1/accidents')).json<AccidentPage>().total).toBe(0);
  });

  it('scope: another district or another sector reads 404; an inspector reads but cannot record', async () => {
    expect((await adminB.get(`/api/v1/accidents/${accidentId}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/v1/accidents/${accidentId}/trace-back`)).statusCode).toBe(404);
    expect((await jichu.get(`/api/v1/accidents/${accidentId}`)).statusCode).toBe(404);
    expect((await zhifa.get(`/api/v1/accidents/${accidentId}`)).statusCode).toBe(200);
    expect((await zhifa.post('/api/v1/accidents', accidentInput())).statusCode).toBe(403);
    const foreign = await adminB.post('/api/v1/accidents', accidentInput());
    expect(foreign.statusCode).toBe(400);
  });

  it('the trace-back lists exactly the inspections of the two years before the accident', async () => {
    const res = await admin.get(`/api/v1/accidents/${accidentId}/trace-back`);
    expect(res.statusCode).toBe(200);
    const tb = res.json<TraceBack>();
    expect(tb.windowFrom).toBe('2023-06-10T02:00:00.000Z');
    expect(tb.windowTo).toBe(ACCIDENT_UTC);
    const ids = tb.inspections.map((i) => i.id);
    expect(ids).toEqual([inside, insideLater]);
    expect(ids).not.toContain(outside);
    expect(ids).not.toContain(after);
    expect(ids).not.toContain(otherEnterprise);
    expect(tb.inspections[0]!.signers).toEqual([
      { name: '执法甲', certificateNo: 'ZF-001', signedAt: '2023-06-10T02:00:01.000Z' },
    ]);
    expect(tb.inspections[0]!.inspectors[0]).toMatchObject({ name: '执法甲' });
  });

  it('each found hazard shows its state at the moment of the accident', async () => {
    const tb = (await admin.get(`/api/v1/accidents/${accidentId}/trace-back`)).json<TraceBack>();
    const f = tb.inspections[0]!.findings;
    expect(f).toHaveLength(1);
    // 'rectified' at exactly the accident instant counts (at or before); verified a day later.
    expect(f[0]!.hazard).toMatchObject({
      hazardId: foundHazard,
      statusAtAccident: 'rectified',
      openAtAccident: true,
      currentStatus: 'verified',
    });
  });

  it('lists the open hazards of the same catalog items at the time', async () => {
    const tb = (await admin.get(`/api/v1/accidents/${accidentId}/trace-back`)).json<TraceBack>();
    const ids = tb.sameItemOpenHazards.map((h) => h.hazardId);
    expect(ids).toEqual([foundHazard, sameItemOpen]);
    expect(ids).not.toContain(sameItemClosed);
    expect(ids).not.toContain(sameItemLater);
    expect(ids).not.toContain(otherItemOpen);
    expect(ids).not.toContain(otherEnterpriseHazard);
    const open = tb.sameItemOpenHazards.find((h) => h.hazardId === sameItemOpen)!;
    expect(open).toMatchObject({ statusAtAccident: 'reported', foundByInspection: false });
    expect(tb.sameItemOpenHazards[0]!.foundByInspection).toBe(true);
  });

  it('exports the trace-back as a workbook, and not to another district', async () => {
    const res = await admin.get(`/api/v1/accidents/${accidentId}/trace-back.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('现场检查记录')!;
    const rows: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(cellText));
    });
    expect(rows.map((r) => r[0])).toEqual(['TEST-R-1', 'TEST-R-3']);
    expect(rows[0]).toContain('已整改待验收');
    expect(rows[0]![4]).toBe('执法甲（ZF-001）');
    expect(rows[1]).toContain('未发现隐患');
    const same = book.getWorksheet('事发时未销号的同类隐患')!;
    expect(same.rowCount).toBe(3);
    expect((await adminB.get(`/api/v1/accidents/${accidentId}/trace-back.xlsx`)).statusCode).toBe(
      404,
    );
  });

  it('edits with the version and voids with a reason, never deleting', async () => {
    const detail = (await admin.get(`/api/v1/accidents/${accidentId}`)).json<AccidentDetail>();
    const { enterpriseId: _ignored, ...facts } = accidentInput({ minorInjuries: 4 });
    const edited = await admin.patch(`/api/v1/accidents/${accidentId}`, {
      ...facts,
      version: detail.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<AccidentDetail>()).toMatchObject({ minorInjuries: 4, version: 2 });
    expect((await lastAudit(t.db)).action).toBe('accident.update');

    const stale = await admin.patch(`/api/v1/accidents/${accidentId}`, {
      ...facts,
      version: detail.version,
    });
    expect(stale.statusCode).toBe(409);

    expect(
      (await admin.post(`/api/v1/accidents/${accidentId}/void`, { reason: '短', version: 2 }))
        .statusCode,
    ).toBe(400);
    const voided = await admin.post(`/api/v1/accidents/${accidentId}/void`, {
      reason: '重复登记，以另一条为准',
      version: 2,
    });
    expect(voided.statusCode).toBe(200);
    expect(voided.json<AccidentDetail>()).toMatchObject({
      status: 'voided',
      voidReason: '重复登记，以另一条为准',
      canManage: false,
    });
    expect((await lastAudit(t.db)).action).toBe('accident.void');
    const again = await admin.patch(`/api/v1/accidents/${accidentId}`, { ...facts, version: 3 });
    expect(again.statusCode).toBe(400);
    // Still readable, with its trace-back.
    expect((await admin.get(`/api/v1/accidents/${accidentId}/trace-back`)).statusCode).toBe(200);
    const recorded = (await admin.get('/api/v1/accidents?status=recorded')).json<AccidentPage>();
    expect(recorded.total).toBe(2);
  });
});

describe('accident demo seed', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  }, 120_000);
  afterAll(async () => t.close());

  it('records an accident at 恒泰化工 whose trace-back shows the signed demo inspection', async () => {
    const admin = await t.login('admin');
    const page = (await admin.get('/api/v1/accidents')).json<AccidentPage>();
    expect(page.total).toBe(1);
    const accident = page.items[0]!;
    expect(accident.enterpriseName).toContain('恒泰化工');
    const tb = (await admin.get(`/api/v1/accidents/${accident.id}/trace-back`)).json<TraceBack>();
    expect(tb.inspections).toHaveLength(1);
    expect(tb.inspections[0]!.status).toBe('signed');
    expect(tb.inspections[0]!.signers.map((s) => s.name).sort()).toEqual(['耿建', '阮飞'].sort());
    expect(tb.inspections[0]!.findings.some((f) => f.hazard !== null)).toBe(true);
    expect(tb.sameItemOpenHazards.length).toBeGreaterThan(0);
  });
});
