import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CampaignView, defaultPhases } from '@hazard-ledger/domain';
import { todayInChina } from '../src/lib/time.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };

describe('campaigns', () => {
  let t: TestContext;
  let admin: TestClient;
  let adminB: TestClient;
  let cityAdmin: TestClient;
  let weihua: TestClient;
  let entA: TestClient;
  let entMine: TestClient;
  let entB: TestClient;
  let city: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({ username: 'admin_c', role: 'bureau_admin', orgUnitId: t.org.city });
    await t.createUser({ username: 'city_x', role: 'city', orgUnitId: t.org.city });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'ent_a',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'ent_mine',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    await t.createUser({
      username: 'ent_b',
      role: 'ent_leader',
      orgUnitId: t.org.districtB,
      enterpriseId: t.enterprises.hazchemB,
    });
    admin = await t.login('admin_a');
    adminB = await t.login('admin_b');
    cityAdmin = await t.login('admin_c');
    weihua = await t.login('weihua');
    entA = await t.login('ent_a');
    entMine = await t.login('ent_mine');
    entB = await t.login('ent_b');
    city = await t.login('city_x');
  });
  afterAll(async () => t.close());

  let campaign: CampaignView;

  it('creates a campaign with the default phases, weekly schedule and milestone reports', async () => {
    const body = { name: '2023年重大事故隐患专项排查整治行动', year: 2023, sectors: ['hazchem'] };
    expect((await t.anonymous.post('/api/v1/campaigns', body)).statusCode).toBe(401);
    expect((await weihua.post('/api/v1/campaigns', body)).statusCode).toBe(403);
    expect((await entA.post('/api/v1/campaigns', body)).statusCode).toBe(403);
    const bad = await admin.post('/api/v1/campaigns', { ...body, name: '', sectors: [] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['name', 'sectors']);
    const foreign = await admin.post('/api/v1/campaigns', { ...body, orgUnitId: t.org.districtB });
    expect(foreign.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'orgUnitId',
      message: '所属单位不存在或不在本辖区',
    });
    const res = await admin.post('/api/v1/campaigns', body);
    expect(res.statusCode).toBe(201);
    campaign = res.json<CampaignView>();
    expect(campaign).toMatchObject({
      orgUnitId: t.org.districtA,
      orgUnitName: '甲区应急管理局',
      phases: defaultPhases(2023),
      weekly: { weekday: 1, hour: 12 },
      milestones: [
        { key: 'interim', due: '2023-08-13' },
        { key: 'final', due: '2023-12-13' },
      ],
      version: 1,
      can: { edit: true },
    });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'campaign.created',
      entity_id: String(campaign.id),
    });
  });

  it('answers the current campaign and phase for enterprise users and staff of the district', async () => {
    const current = await entA.get('/api/v1/campaigns/current?date=2023-07-01');
    expect(current.statusCode).toBe(200);
    const c = current.json<{ campaign: CampaignView }>().campaign;
    expect(c).toMatchObject({
      id: campaign.id,
      can: { edit: false },
      progress: {
        status: 'in_progress',
        phase: { key: 'self_check', name: '企业自查自改和部门帮扶' },
        daysLeftInPhase: 30,
        nextMilestone: { due: '2023-08-13' },
      },
    });
    // A mine is not in a hazchem campaign; district B has none of its own.
    expect(
      (await entMine.get('/api/v1/campaigns/current?date=2023-07-01')).json<{ campaign: null }>()
        .campaign,
    ).toBeNull();
    expect(
      (await entB.get('/api/v1/campaigns/current?date=2023-07-01')).json<{ campaign: null }>()
        .campaign,
    ).toBeNull();
    // Before it starts, the coming campaign; after it ends, none.
    const early = (await weihua.get('/api/v1/campaigns/current?date=2023-03-01')).json<{
      campaign: CampaignView;
    }>();
    expect(early.campaign.progress.status).toBe('not_started');
    expect(
      (await admin.get('/api/v1/campaigns/current?date=2024-01-05')).json<{ campaign: null }>()
        .campaign,
    ).toBeNull();
    expect((await admin.get('/api/v1/campaigns/current?date=2023-13-01')).statusCode).toBe(400);
    // Without a date: today in China.
    const today = (await admin.get(`/api/v1/campaigns/${campaign.id}`)).json<CampaignView>();
    expect(today.progress.date).toBe(todayInChina());
  });

  it('scopes campaigns: another district reads 404; the city sees those below', async () => {
    expect((await adminB.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await entB.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await entMine.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(404);
    expect((await entA.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(200);
    const cityList = (await city.get('/api/v1/campaigns')).json<{ items: { id: number }[] }>();
    expect(cityList.items.map((i) => i.id)).toEqual([campaign.id]);
    expect((await adminB.get('/api/v1/campaigns')).json<{ total: number }>().total).toBe(0);
  });

  it("prefers the district's own campaign to the city's", async () => {
    const cityCampaign = await cityAdmin.post('/api/v1/campaigns', {
      name: '全市专项行动',
      year: 2023,
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
    });
    expect(cityCampaign.statusCode).toBe(201);
    const cityId = cityCampaign.json<CampaignView>().id;
    const forA = (await entA.get('/api/v1/campaigns/current?date=2023-07-01')).json<{
      campaign: CampaignView;
    }>();
    expect(forA.campaign.id).toBe(campaign.id);
    const forMine = (await entMine.get('/api/v1/campaigns/current?date=2023-07-01')).json<{
      campaign: CampaignView;
    }>();
    expect(forMine.campaign.id).toBe(cityId);
    expect(forMine.campaign.can.edit).toBe(false);
    const forB = (await entB.get('/api/v1/campaigns/current?date=2023-07-01')).json<{
      campaign: CampaignView;
    }>();
    expect(forB.campaign.id).toBe(cityId);
    // A district admin sees the city's campaign but may not edit it.
    const asAdmin = (await admin.get(`/api/v1/campaigns/${cityId}`)).json<CampaignView>();
    expect(asAdmin.can.edit).toBe(false);
    const { name, year, sectors, phases, weekly, milestones, version } = asAdmin;
    const edit = await admin.request({
      method: 'PUT',
      url: `/api/v1/campaigns/${cityId}`,
      payload: { name, year, sectors, phases, weekly, milestones, version },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('edits phases and schedule with a version; stale versions get 409', async () => {
    const phases = defaultPhases(2023).map((p) =>
      p.key === 'self_check'
        ? { ...p, end: '2023-08-15' }
        : p.key === 'enforcement'
          ? { ...p, start: '2023-08-16' }
          : p,
    );
    const body = {
      name: campaign.name,
      year: 2023,
      sectors: ['hazchem', 'fireworks'],
      phases,
      weekly: { weekday: 5, hour: 17 },
      milestones: campaign.milestones,
      version: campaign.version,
    };
    const put = (c: TestClient, payload: unknown) =>
      c.request({
        method: 'PUT',
        url: `/api/v1/campaigns/${campaign.id}`,
        payload: payload as Record<string, unknown>,
      });
    const overlap = await put(admin, {
      ...body,
      phases: [phases[0], { ...phases[1]!, start: '2023-05-20' }],
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'phases.1.start',
      message: '阶段须按时间顺序排列且不能重叠',
    });
    expect((await put(weihua, body)).statusCode).toBe(403);
    expect((await put(adminB, body)).statusCode).toBe(404);
    const ok = await put(admin, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<CampaignView>()).toMatchObject({
      version: 2,
      weekly: { weekday: 5, hour: 17 },
      sectors: ['hazchem', 'fireworks'],
    });
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('campaign.updated');
    expect(JSON.parse(audit.changes!)).toMatchObject({ weekly_weekday: [1, 5] });
    expect((await put(admin, body)).statusCode).toBe(409);
    const onAug10 = (await entA.get('/api/v1/campaigns/current?date=2023-08-10')).json<{
      campaign: CampaignView;
    }>();
    expect(onAug10.campaign.progress).toMatchObject({
      phase: { key: 'self_check' },
      daysLeftInPhase: 5,
      nextWeeklyDue: { date: '2023-08-11', hour: 17 },
    });
  });

  it('voids a campaign with a reason; it disappears', async () => {
    const current = (await admin.get(`/api/v1/campaigns/${campaign.id}`)).json<CampaignView>();
    const noReason = await admin.post(`/api/v1/campaigns/${campaign.id}/void`, {
      reason: '',
      version: current.version,
    });
    expect(noReason.statusCode).toBe(400);
    const res = await admin.post(`/api/v1/campaigns/${campaign.id}/void`, {
      reason: '重复创建',
      version: current.version,
    });
    expect(res.statusCode).toBe(204);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'campaign.voided' });
    expect((await admin.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(404);
  });
});
