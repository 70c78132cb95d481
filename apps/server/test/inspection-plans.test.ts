import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  addDays,
  createEnterpriseSchema,
  creditCodeCheckChar,
  type DrawVerification,
  type PlanDetail,
  type PlanListItem,
  type Sector,
  type UpcomingInspection,
  withCampaignDefaults,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { campaignColumns, insertCampaign } from '../src/modules/campaigns/campaigns.repository.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import {
  findTarget,
  markTargetInspected,
} from '../src/modules/inspection-plans/inspection-plans.repository.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import { DEMO_DRAW_SEED } from '../src/seed/demo-inspection-plans.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';

type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};
type Page<T> = { items: T[]; total: number };

const today = todayInChina();

/** A valid credit code from a 17-character body. */
function code(n: number): string {
  const body = `9115060${String(n).padStart(3, '0')}MA0N3K5`;
  return body + creditCodeCheckChar(body)!;
}

describe('inspection plans and the 双随机 draw', () => {
  let t: TestContext;
  const ids = {} as Record<string, number>;
  const e = {} as Record<string, number>;
  let planner: TestClient; // inspector of district A, hazchem + fireworks
  let adminA: TestClient;
  let adminB: TestClient;
  let zhifaB1: TestClient;
  let jichu: TestClient;
  let publicity: TestClient;
  let entA: TestClient;
  let entMine: TestClient;

  const plan = (over: Record<string, unknown> = {}) => ({
    name: '危化烟花双随机抽查',
    kind: 'random',
    startDate: today,
    endDate: addDays(today, 20),
    sectors: ['hazchem', 'fireworks'],
    enterpriseCount: 3,
    ...over,
  });
  const create = async (c: TestClient, over: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/inspection-plans', plan(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PlanDetail>();
  };
  const drawn = async (c: TestClient, p: PlanDetail, seed?: string) => {
    const res = await c.post(`/api/v1/inspection-plans/${p.id}/draw`, {
      version: p.version,
      ...(seed ? { seed } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PlanDetail>();
  };
  const assignments = (p: PlanDetail) =>
    p.targets.map((x) => ({
      order: x.seq,
      enterpriseId: x.enterpriseId,
      inspectorIds: x.inspectors.map((i) => i.userId),
    }));

  beforeAll(async () => {
    t = await createTestContext();
    const at = nowIso();
    const addEnterprise = async (
      key: string,
      n: number,
      sector: Sector,
      district: number,
      status: 'operating' | 'suspended' = 'operating',
    ) => {
      e[key] = await insertEnterprise(t.db.kysely, {
        ...enterpriseColumns(
          createEnterpriseSchema.parse({
            name: `测试企业${key}`,
            creditCode: code(n),
            sector,
            subType: sector === 'fireworks' ? 'wholesale' : 'production',
            orgUnitId: district,
            ...(status === 'suspended'
              ? { status, statusDate: addDays(today, -5), statusReason: '停产整顿' }
              : {}),
          }),
        ),
        created_at: at,
        updated_at: at,
        version: 1,
      });
    };
    e.hazchemA = t.enterprises.hazchemA;
    e.hazchemB = t.enterprises.hazchemB;
    e.miningA = t.enterprises.miningA;
    await addEnterprise('A2', 2, 'hazchem', t.org.districtA);
    await addEnterprise('A3', 3, 'hazchem', t.org.districtA);
    await addEnterprise('A4', 4, 'fireworks', t.org.districtA);
    await addEnterprise('A5', 5, 'fireworks', t.org.districtA);
    await addEnterprise('Asusp', 6, 'hazchem', t.org.districtA, 'suspended');
    await addEnterprise('B2', 7, 'hazchem', t.org.districtB);

    const user = async (
      username: string,
      role: 'inspector' | 'office' | 'bureau_admin' | 'publicity' | 'ent_safety' | 'ent_leader',
      orgUnitId: number,
      opts: { sectors?: Sector[]; cert?: string; enterpriseId?: number; disabled?: boolean } = {},
    ) => {
      ids[username] = await t.createUser({
        username,
        role,
        orgUnitId,
        sectors: opts.sectors,
        enterpriseId: opts.enterpriseId,
        displayName: `姓名${username}`,
      });
      if (opts.cert || opts.disabled) {
        await t.db.kysely
          .updateTable('users')
          .set({
            certificate_no: opts.cert ?? null,
            status: opts.disabled ? 'disabled' : 'active',
          })
          .where('id', '=', ids[username])
          .execute();
      }
    };
    const hf: Sector[] = ['hazchem', 'fireworks'];
    await user('zhifa_a1', 'inspector', t.org.brigadeA, { sectors: hf, cert: '15060223101' });
    await user('zhifa_a2', 'inspector', t.org.brigadeA, { sectors: hf, cert: '15060223102' });
    await user('zhifa_a3', 'inspector', t.org.brigadeA, {
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
      cert: '15060223103',
    });
    await user('zhifa_nocert', 'inspector', t.org.brigadeA, { sectors: hf });
    await user('zhifa_blank', 'inspector', t.org.brigadeA, { sectors: hf, cert: '   ' });
    await user('zhifa_off', 'inspector', t.org.brigadeA, {
      sectors: hf,
      cert: '15060223109',
      disabled: true,
    });
    await user('weihua_a', 'office', t.org.officeWeihuaA, { sectors: hf, cert: '15060223201' });
    await user('jichu_a', 'office', t.org.officeJichuA, {
      sectors: ['mining', 'industry'],
      cert: '15060223202',
    });
    await user('zhifa_b1', 'inspector', t.org.officeWeihuaB, { sectors: hf, cert: '15060323101' });
    await user('zhifa_b2', 'inspector', t.org.officeWeihuaB, { sectors: hf, cert: '15060323102' });
    await user('admin_a', 'bureau_admin', t.org.districtA);
    await user('admin_b', 'bureau_admin', t.org.districtB);
    await user('pub_a', 'publicity', t.org.districtA);
    await user('ent_a', 'ent_safety', t.org.districtA, { enterpriseId: e.hazchemA });
    await user('ent_mine', 'ent_leader', t.org.districtA, { enterpriseId: e.miningA });

    planner = await t.login('zhifa_a1');
    adminA = await t.login('admin_a');
    adminB = await t.login('admin_b');
    zhifaB1 = await t.login('zhifa_b1');
    jichu = await t.login('jichu_a');
    publicity = await t.login('pub_a');
    entA = await t.login('ent_a');
    entMine = await t.login('ent_mine');
  });
  afterAll(async () => t.close());

  const eligibleA = () => [e.hazchemA, e.A2, e.A3, e.A4, e.A5];
  const certifiedA = () => [ids.zhifa_a1, ids.zhifa_a2, ids.zhifa_a3, ids.weihua_a];

  it('documents its routes in the OpenAPI document', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/inspection-plans',
        '/api/v1/inspection-plans/{id}',
        '/api/v1/inspection-plans/{id}/draw',
        '/api/v1/inspection-plans/{id}/draw/verify',
        '/api/v1/inspection-plans/{id}/targets',
        '/api/v1/enterprises/{id}/upcoming-inspections',
      ]),
    );
  });

  it('makes a draft plan: 401, 403, 400 with field errors, 201 with its audit row', async () => {
    expect((await t.anonymous.post('/api/v1/inspection-plans', plan())).statusCode).toBe(401);
    expect((await entA.post('/api/v1/inspection-plans', plan())).statusCode).toBe(403);
    expect((await publicity.post('/api/v1/inspection-plans', plan())).statusCode).toBe(403);
    expect((await jichu.post('/api/v1/inspection-plans', plan())).statusCode).toBe(403);

    const bad = await planner.post(
      '/api/v1/inspection-plans',
      plan({ endDate: addDays(today, -1), enterpriseCount: null }),
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['endDate', 'enterpriseCount']);
    const joint = await planner.post('/api/v1/inspection-plans', plan({ kind: 'joint' }));
    expect(joint.json<ErrorBody>().error.fields).toEqual([
      { path: 'departments', message: '联合检查须填写联合部门' },
    ]);
    const outOfScope = await planner.post(
      '/api/v1/inspection-plans',
      plan({ sectors: ['mining'] }),
    );
    expect(outOfScope.statusCode).toBe(400);
    expect(outOfScope.json<ErrorBody>().error.fields[0]?.path).toBe('sectors');

    const p = await create(planner, { note: '按年度计划' });
    expect(p).toMatchObject({
      status: 'draft',
      kind: 'random',
      orgUnitId: t.org.districtA,
      unannounced: false,
      inspectorsPerTarget: 2,
      targets: [],
      draw: null,
      availableActions: ['edit', 'draw', 'cancel'],
      can: { manage: true, verify: false },
    });
    const audit = await lastAudit(t.db);
    expect(audit).toMatchObject({
      action: 'inspection_plan.created',
      entity_type: 'inspection_plan',
      entity_id: String(p.id),
      actor_id: ids.zhifa_a1,
    });
  });

  it('draws N operating enterprises and pairs of certified inspectors, once', async () => {
    const p = await create(planner);
    const d = await drawn(planner, p, 'seed-one');
    expect(d.status).toBe('assigned');
    expect(d.draw).toMatchObject({
      seed: 'seed-one',
      algorithm: 'HL-DRAW-V1',
      eligibleEnterprises: 5,
      eligibleInspectors: 4,
      // Pool staff without a certificate number (none, blank) are listed and left out.
      ineligibleInspectors: 2,
    });
    expect(d.targets.map((x) => x.seq)).toEqual([1, 2, 3]);
    for (const target of d.targets) {
      expect(eligibleA()).toContain(target.enterpriseId);
      expect(target.inspectors).toHaveLength(2);
      expect(target.status).toBe('pending');
      for (const i of target.inspectors) {
        expect(certifiedA()).toContain(i.userId);
        expect(i.certificateNo).toMatch(/^1506/);
      }
    }
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('inspection_plan.drawn');
    expect(JSON.parse(audit.changes!)).toMatchObject({ seed: [null, 'seed-one'] });

    // Never re-drawn: the status no longer allows it.
    const again = await planner.post(`/api/v1/inspection-plans/${p.id}/draw`, {
      version: d.version,
      seed: 'other',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.allowedActions).toEqual(['start', 'cancel']);
  });

  it('re-runs the draw: same seed → same result, different seed → different', async () => {
    const first = await drawn(planner, await create(planner), 'repro-seed');
    const res = await publicity.post(`/api/v1/inspection-plans/${first.id}/draw/verify`);
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json<DrawVerification>();
    expect(check.same).toBe(true);
    expect(check.error).toBeNull();
    expect(check.recomputed).toEqual(check.stored);
    expect(check.stored).toEqual(assignments(first));

    const second = await drawn(planner, await create(planner), 'repro-seed');
    expect(assignments(second)).toEqual(assignments(first));
    const other = await drawn(planner, await create(planner), 'another-seed');
    expect(assignments(other)).not.toEqual(assignments(first));

    // A server-made seed: 128 random bits.
    const random = await drawn(planner, await create(planner));
    expect(random.draw?.seed).toMatch(/^[0-9a-f]{32}$/);

    // Any change to the stored targets is caught by the re-run.
    const target = first.targets[0]!;
    const outsider = certifiedA().find((u) => !target.inspectors.some((i) => i.userId === u))!;
    await t.db.kysely
      .updateTable('inspection_plan_target_inspectors')
      .set({ user_id: outsider })
      .where('target_id', '=', target.id)
      .where('seq', '=', 1)
      .execute();
    const tampered = (
      await planner.post(`/api/v1/inspection-plans/${first.id}/draw/verify`)
    ).json<DrawVerification>();
    expect(tampered.same).toBe(false);
    expect(tampered.recomputed).toEqual(check.recomputed);
  });

  it('never draws staff without a certificate, disabled, of other sectors or districts', async () => {
    const seen = new Set<number>();
    for (const seed of ['e-1', 'e-2', 'e-3', 'e-4']) {
      const d = await drawn(planner, await create(planner, { enterpriseCount: 5 }), seed);
      expect(d.targets.map((x) => x.enterpriseId).sort()).toEqual([...eligibleA()].sort());
      for (const x of d.targets) for (const i of x.inspectors) seen.add(i.userId);
    }
    expect([...seen].sort()).toEqual([...certifiedA()].sort());
    for (const never of ['zhifa_nocert', 'zhifa_blank', 'zhifa_off', 'jichu_a', 'zhifa_b1'])
      expect(seen.has(ids[never]!)).toBe(false);
    // More enterprises than are eligible: a clear 409.
    const tooMany = await create(planner, { enterpriseCount: 6 });
    const res = await planner.post(`/api/v1/inspection-plans/${tooMany.id}/draw`, {
      version: tooMany.version,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'enterpriseCount',
      message: '可抽取企业只有5家，不足计划抽取的6家',
    });
  });

  it('cross-area: inspectors never from the enterprise’s district; drawn ones see the plan', async () => {
    const cross = await drawn(
      adminA,
      await create(adminA, { crossArea: true, enterpriseCount: 5, name: '交叉互检' }),
      'cross-1',
    );
    expect(cross.crossArea).toBe(true);
    const used = new Set<number>();
    for (const x of cross.targets) {
      expect(x.inspectors).toHaveLength(2);
      for (const i of x.inspectors) {
        expect([ids.zhifa_b1, ids.zhifa_b2]).toContain(i.userId);
        used.add(i.userId);
      }
    }
    expect(used.size).toBe(2);
    // The inspector from district B was drawn: the plan is theirs to see, not other B staff's.
    expect((await zhifaB1.get(`/api/v1/inspection-plans/${cross.id}`)).statusCode).toBe(200);
    const list = (await zhifaB1.get('/api/v1/inspection-plans')).json<Page<PlanListItem>>();
    expect(list.items.map((p) => p.id)).toContain(cross.id);
    expect((await adminB.get(`/api/v1/inspection-plans/${cross.id}`)).statusCode).toBe(404);
    // Drawn but not the planner: may read and re-run, not manage.
    const seen = (await zhifaB1.get(`/api/v1/inspection-plans/${cross.id}`)).json<PlanDetail>();
    expect(seen.can.manage).toBe(false);
    expect(seen.availableActions).toEqual([]);
    expect(
      (await zhifaB1.post(`/api/v1/inspection-plans/${cross.id}/start`, { version: seen.version }))
        .statusCode,
    ).toBe(403);

    // A hand-picked cross-area plan refuses an inspector of the enterprise's own district.
    const manual = await create(adminA, {
      kind: 'key_enterprise',
      crossArea: true,
      enterpriseCount: null,
      name: '重点企业交叉检查',
    });
    const res = await adminA.request({
      method: 'PUT',
      url: `/api/v1/inspection-plans/${manual.id}/targets`,
      payload: {
        version: manual.version,
        targets: [{ enterpriseId: e.hazchemA, inspectorIds: [ids.zhifa_b1, ids.zhifa_a1] }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields[0]?.message).toMatch(/异地执法/);
  });

  it('hides unannounced plans from enterprise users (list, page, re-run, upcoming)', async () => {
    const hidden = await drawn(
      planner,
      await create(planner, { unannounced: true, enterpriseCount: 5, name: '四不两直暗查' }),
      'hidden',
    );
    const open = await drawn(
      planner,
      await create(planner, { enterpriseCount: 5, name: '公开抽查计划' }),
      'open',
    );
    expect(hidden.targets.map((x) => x.enterpriseId)).toContain(e.hazchemA);

    const check = async (p: PlanDetail) => {
      const list = (await entA.get('/api/v1/inspection-plans?pageSize=200')).json<
        Page<PlanListItem>
      >();
      expect(list.items.map((x) => x.id)).not.toContain(hidden.id);
      expect(list.items.map((x) => x.id)).toContain(open.id);
      expect((await entA.get(`/api/v1/inspection-plans/${p.id}`)).statusCode).toBe(404);
      expect((await entA.post(`/api/v1/inspection-plans/${p.id}/draw/verify`)).statusCode).toBe(
        404,
      );
      const upcoming = (
        await entA.get(`/api/v1/enterprises/${e.hazchemA}/upcoming-inspections`)
      ).json<{ items: UpcomingInspection[] }>();
      expect(upcoming.items.map((x) => x.planId)).not.toContain(hidden.id);
    };
    await check(hidden);
    // Still hidden during the visit …
    const started = (
      await planner.post(`/api/v1/inspection-plans/${hidden.id}/start`, {
        version: hidden.version,
      })
    ).json<PlanDetail>();
    expect(started.status).toBe('in_progress');
    await check(started);
    // … and after it.
    const done = await planner.post(`/api/v1/inspection-plans/${hidden.id}/complete`, {
      version: started.version,
      note: '部分企业停产未检查',
    });
    expect(done.statusCode, done.body).toBe(200);
    await check(done.json<PlanDetail>());

    const listed = (await entA.get('/api/v1/inspection-plans')).json<Page<PlanListItem>>();
    expect(listed.items.find((x) => x.id === open.id)).toMatchObject({
      enterpriseCount: null,
      targetCount: 1,
      inspectedCount: 0,
    });
    // The announced one: their own target only, without who will come.
    const page = (await entA.get(`/api/v1/inspection-plans/${open.id}`)).json<PlanDetail>();
    expect(page.targets).toHaveLength(1);
    expect(page.targets[0]).toMatchObject({ enterpriseId: e.hazchemA, inspectors: [] });
    expect(page.history).toEqual([]);
    expect(page.draw).toMatchObject({ seed: 'open', drawnByName: '' });
    expect(page.can.manage).toBe(false);
    const own = (
      await entA.post(`/api/v1/inspection-plans/${open.id}/draw/verify`)
    ).json<DrawVerification>();
    expect(own.same).toBe(true);
    expect(own.stored).toEqual([
      expect.objectContaining({ enterpriseId: e.hazchemA, inspectorIds: [] }),
    ]);
    const upcoming = (
      await entA.get(`/api/v1/enterprises/${e.hazchemA}/upcoming-inspections`)
    ).json<{ items: UpcomingInspection[] }>();
    const mine = upcoming.items.find((x) => x.planId === open.id);
    expect(mine).toMatchObject({ planName: '公开抽查计划', unannounced: false, inspectors: null });
    // An enterprise not visited does not see it; another enterprise's list is 404.
    expect((await entMine.get(`/api/v1/inspection-plans/${open.id}`)).statusCode).toBe(404);
    expect(
      (await entA.get(`/api/v1/enterprises/${e.miningA}/upcoming-inspections`)).statusCode,
    ).toBe(404);
    // Export is for staff only.
    expect((await entA.get(`/api/v1/inspection-plans/${open.id}/targets.xlsx`)).statusCode).toBe(
      403,
    );

    // Staff see both, the unannounced one flagged, with the inspectors' names.
    const staff = (
      await planner.get(`/api/v1/enterprises/${e.hazchemA}/upcoming-inspections`)
    ).json<{ items: UpcomingInspection[] }>();
    const staffOpen = staff.items.find((x) => x.planId === open.id);
    expect(staffOpen?.inspectors?.length).toBe(2);
    const another = await drawn(
      planner,
      await create(planner, { unannounced: true, enterpriseCount: 5, name: '暗查二' }),
      'hidden-2',
    );
    const staff2 = (
      await planner.get(`/api/v1/enterprises/${e.hazchemA}/upcoming-inspections`)
    ).json<{ items: UpcomingInspection[] }>();
    expect(staff2.items.find((x) => x.planId === another.id)?.unannounced).toBe(true);
  });

  it('scopes plans: other districts and sectors read 404; readers may not manage', async () => {
    const p = await create(planner, { name: '范围测试' });
    expect((await adminB.get(`/api/v1/inspection-plans/${p.id}`)).statusCode).toBe(404);
    expect((await jichu.get(`/api/v1/inspection-plans/${p.id}`)).statusCode).toBe(404);
    const adminBList = (await adminB.get('/api/v1/inspection-plans')).json<Page<PlanListItem>>();
    expect(adminBList.items.map((x) => x.id)).not.toContain(p.id);
    expect(
      (await adminB.post(`/api/v1/inspection-plans/${p.id}/draw`, { version: 1 })).statusCode,
    ).toBe(404);
    expect((await publicity.get(`/api/v1/inspection-plans/${p.id}`)).statusCode).toBe(200);
    expect(
      (await publicity.patch(`/api/v1/inspection-plans/${p.id}`, { ...plan(), version: 1 }))
        .statusCode,
    ).toBe(403);
    // Filters.
    const filtered = (
      await planner.get('/api/v1/inspection-plans?status=draft&q=%E8%8C%83%E5%9B%B4')
    ).json<Page<PlanListItem>>();
    expect(filtered.items.map((x) => x.id)).toEqual([p.id]);
    expect((await planner.get('/api/v1/inspection-plans?status=bogus')).statusCode).toBe(400);
  });

  it('edits a draft with its version; a stale version is a 409', async () => {
    const p = await create(planner, { name: '待修改' });
    const ok = await planner.patch(`/api/v1/inspection-plans/${p.id}`, {
      ...plan({ name: '已修改', enterpriseCount: 4 }),
      version: p.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<PlanDetail>()).toMatchObject({ name: '已修改', enterpriseCount: 4, version: 2 });
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('inspection_plan.updated');
    expect(JSON.parse(audit.changes!)).toMatchObject({ name: ['待修改', '已修改'] });
    const stale = await planner.patch(`/api/v1/inspection-plans/${p.id}`, {
      ...plan({ name: '又改' }),
      version: p.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    const staleDraw = await planner.post(`/api/v1/inspection-plans/${p.id}/draw`, {
      version: p.version,
    });
    expect(staleDraw.json<ErrorBody>().error.code).toBe('STALE_VERSION');
  });

  it('assigns targets by hand for the other kinds, each with ≥ 2 certified inspectors', async () => {
    const p = await create(planner, {
      kind: 'complaint',
      enterpriseCount: null,
      name: '投诉举报核查',
    });
    expect(p.availableActions).toEqual(['edit', 'assign', 'cancel']);
    const drawIt = await planner.post(`/api/v1/inspection-plans/${p.id}/draw`, {
      version: p.version,
    });
    expect(drawIt.statusCode).toBe(409);
    expect(drawIt.json<ErrorBody>().error.fields[0]?.message).toMatch(/不采用随机抽取/);

    const candidates = (await planner.get(`/api/v1/inspection-plans/${p.id}/candidates`)).json<{
      enterprises: { id: number }[];
      inspectors: { userId: number }[];
    }>();
    expect(candidates.inspectors.map((i) => i.userId).sort()).toEqual([...certifiedA()].sort());
    expect(candidates.enterprises.map((x) => x.id)).toContain(e.Asusp);
    expect(candidates.enterprises.map((x) => x.id)).not.toContain(e.hazchemB);

    const put = (targets: unknown, version = p.version) =>
      planner.request({
        method: 'PUT',
        url: `/api/v1/inspection-plans/${p.id}/targets`,
        payload: { version, targets },
      });
    const one = await put([{ enterpriseId: e.hazchemA, inspectorIds: [ids.zhifa_a1] }]);
    expect(one.statusCode).toBe(400);
    expect(one.json<ErrorBody>().error.fields[0]?.path).toBe('targets.0.inspectorIds');
    const noCert = await put([
      { enterpriseId: e.hazchemA, inspectorIds: [ids.zhifa_a1, ids.zhifa_nocert] },
    ]);
    expect(noCert.statusCode).toBe(400);
    expect(noCert.json<ErrorBody>().error.fields[0]?.message).toMatch(/执法证号/);
    const foreign = await put([
      { enterpriseId: e.hazchemB, inspectorIds: [ids.zhifa_a1, ids.zhifa_a2] },
    ]);
    expect(foreign.json<ErrorBody>().error.fields[0]?.path).toBe('targets.0.enterpriseId');

    const ok = await put([
      { enterpriseId: e.A4, inspectorIds: [ids.zhifa_a2, ids.weihua_a] },
      { enterpriseId: e.hazchemA, inspectorIds: [ids.zhifa_a1, ids.zhifa_a3] },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const assigned = ok.json<PlanDetail>();
    expect(assigned.status).toBe('assigned');
    expect(assigned.draw).toBeNull();
    expect(assignments(assigned)).toEqual([
      { order: 1, enterpriseId: e.A4, inspectorIds: [ids.zhifa_a2, ids.weihua_a] },
      { order: 2, enterpriseId: e.hazchemA, inspectorIds: [ids.zhifa_a1, ids.zhifa_a3] },
    ]);
    expect((await lastAudit(t.db)).action).toBe('inspection_plan.assigned');
    // Nothing to re-run for a hand-picked plan.
    expect((await planner.post(`/api/v1/inspection-plans/${p.id}/draw/verify`)).statusCode).toBe(
      409,
    );
  });

  it('moves through the workflow; a target is marked inspected by the inspections module', async () => {
    const d = await drawn(planner, await create(planner, { name: '流程测试' }), 'flow');
    const target = d.targets[0]!;
    const found = await findTarget(t.db.kysely, target.id);
    expect(found).toMatchObject({
      plan_id: d.id,
      enterprise_id: target.enterpriseId,
      plan_kind: 'random',
      plan_status: 'assigned',
      inspector_ids: target.inspectors.map((i) => i.userId),
    });
    // The first record puts the plan in progress (done by the inspections service's transaction).
    const ok = await t.db.kysely
      .transaction()
      .execute((trx) => markTargetInspected(trx, target.id, 4242));
    expect(ok).toBe(true);
    const after = (await planner.get(`/api/v1/inspection-plans/${d.id}`)).json<PlanDetail>();
    expect(after.status).toBe('in_progress');
    expect(after.inspectedCount).toBe(1);
    expect(after.targets[0]).toMatchObject({ status: 'inspected', recordId: 4242 });
    expect(after.history.map((h) => h.action)).toEqual(['created', 'drawn', 'target_inspected']);
    // A correction that supersedes the record points the target at the new one.
    await t.db.kysely.transaction().execute((trx) => markTargetInspected(trx, target.id, 4244));
    const corrected = (await planner.get(`/api/v1/inspection-plans/${d.id}`)).json<PlanDetail>();
    expect(corrected.targets[0]).toMatchObject({
      recordId: 4244,
      inspectedAt: after.targets[0]!.inspectedAt,
    });
    expect(corrected.version).toBe(after.version);

    const noNote = await planner.post(`/api/v1/inspection-plans/${d.id}/complete`, {
      version: corrected.version,
    });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json<ErrorBody>().error.fields[0]?.path).toBe('note');
    const done = await planner.post(`/api/v1/inspection-plans/${d.id}/complete`, {
      version: after.version,
      note: '两家企业停产，下月补查',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<PlanDetail>()).toMatchObject({
      status: 'completed',
      completionNote: '两家企业停产，下月补查',
    });
    expect((await lastAudit(t.db)).action).toBe('inspection_plan.complete');
    const cancelDone = await planner.post(`/api/v1/inspection-plans/${d.id}/cancel`, {
      version: done.json<PlanDetail>().version,
      reason: '不需要了',
    });
    expect(cancelDone.statusCode).toBe(409);
    // A completed plan no longer takes records.
    expect(
      await t.db.kysely.transaction().execute((trx) => markTargetInspected(trx, target.id, 4243)),
    ).toBe(false);

    const other = await create(planner, { name: '取消测试' });
    const noReason = await planner.post(`/api/v1/inspection-plans/${other.id}/cancel`, {
      version: other.version,
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await planner.post(`/api/v1/inspection-plans/${other.id}/cancel`, {
      version: other.version,
      reason: '上级统一部署，本计划取消',
    });
    expect(cancelled.json<PlanDetail>()).toMatchObject({
      status: 'cancelled',
      cancelReason: '上级统一部署，本计划取消',
    });
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('inspection_plan.cancel');
    expect(JSON.parse(audit.changes!)).toMatchObject({ status: ['draft', 'cancelled'] });
  });

  it('draws a spot check only among enterprises that submitted a self-inspection', async () => {
    const adminId = ids.admin_a!;
    const at = nowIso();
    const campaignId = await insertCampaign(t.db.kysely, {
      ...campaignColumns(
        withCampaignDefaults({
          name: '抽查测试专项行动',
          year: Number(today.slice(0, 4)),
          sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
          orgUnitId: t.org.city,
          phases: [
            {
              key: 'self_check',
              name: '企业自查自改',
              start: addDays(today, -10),
              end: addDays(today, 30),
            },
          ],
        }),
      ),
      org_unit_id: t.org.city,
      created_at: at,
      created_by: adminId,
      created_by_name: 'admin',
    });
    const submitted = async (enterpriseId: number, status = 'submitted') =>
      t.db.kysely
        .insertInto('self_inspections')
        .values({
          enterprise_id: enterpriseId,
          district_id: t.org.districtA,
          sector: 'hazchem',
          campaign_id: campaignId,
          campaign_name: '抽查测试专项行动',
          status,
          inspection_date: today,
          inspectors: null,
          photo_required: 0,
          catalogs: '[]',
          item_count: 0,
          started_by_user_id: adminId,
          started_by_name: 'x',
          started_at: at,
          submitted_by_user_id: status === 'submitted' ? adminId : null,
          signer_name: null,
          submitted_at: status === 'submitted' ? at : null,
          submitted_on: status === 'submitted' ? today : null,
          submit_key: null,
          discarded_at: null,
          discard_reason: null,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
    await submitted(e.A2!);
    await submitted(e.A3!);
    await submitted(e.A5!, 'draft');
    const p = await create(planner, {
      kind: 'self_check_spot',
      enterpriseCount: 2,
      name: '自查自改抽查',
    });
    expect(p.availableActions).toEqual(['edit', 'draw', 'assign', 'cancel']);
    const d = await drawn(planner, p, 'spot');
    expect(d.targets.map((x) => x.enterpriseId).sort()).toEqual([e.A2, e.A3].sort());
    expect(d.draw).toMatchObject({ eligibleEnterprises: 2, campaignId });
  });

  it('exports the inspection list as .xlsx', async () => {
    const d = await drawn(planner, await create(planner, { name: '导出测试' }), 'export');
    const res = await planner.get(`/api/v1/inspection-plans/${d.id}/targets.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('导出测试-检查名单.xlsx'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').text).toBe('导出测试 检查名单');
    expect(sheet.getCell('A2').text).toContain('种子 export');
    expect(sheet.getRow(3).getCell(2).value).toBe('企业名称');
    expect(sheet.getRow(4).getCell(2).value).toBe(d.targets[0]!.enterpriseName);
    expect(sheet.getRow(4).getCell(7).text).toContain(d.targets[0]!.inspectors[0]!.name);
  });
});

describe('demo inspection plans', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  });
  afterAll(() => t.close());

  it('draws this month’s 双随机 plan with the fixed seed and hides the unannounced one', async () => {
    const zhifa = await t.login('zhifa1');
    const list = (await zhifa.get('/api/v1/inspection-plans')).json<Page<PlanListItem>>();
    const random = list.items.find((p) => p.kind === 'random')!;
    const hidden = list.items.find((p) => p.unannounced)!;
    expect(random).toMatchObject({ status: 'assigned', sectors: ['hazchem', 'fireworks'] });
    expect(random.startDate.slice(0, 7)).toBe(todayInChina().slice(0, 7));
    expect(hidden).toMatchObject({ status: 'assigned', targetCount: 1 });
    const detail = (await zhifa.get(`/api/v1/inspection-plans/${random.id}`)).json<PlanDetail>();
    expect(detail.draw?.seed).toBe(DEMO_DRAW_SEED);
    const verify = (
      await zhifa.post(`/api/v1/inspection-plans/${random.id}/draw/verify`)
    ).json<DrawVerification>();
    expect(verify.same).toBe(true);

    const leader = await t.login('qiye1_fzr');
    const own = (await leader.get('/api/v1/inspection-plans')).json<Page<PlanListItem>>();
    expect(own.items.map((p) => p.id)).toEqual([random.id]);
    expect((await leader.get(`/api/v1/inspection-plans/${hidden.id}`)).statusCode).toBe(404);
  });
});
