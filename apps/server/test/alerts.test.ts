import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlertDetail,
  type AlertListItem,
  type AlertResponseView,
  addDays,
  createEnterpriseSchema,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

describe('accident-lesson alerts', () => {
  let t: TestContext;
  let hazchemA2: number;
  let weihua: TestClient;
  let jichu: TestClient;
  let publicity: TestClient;
  let inspector: TestClient;
  let entA: TestClient;
  let entA2: TestClient;
  let entMine: TestClient;
  let entB: TestClient;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    const at = nowIso();
    hazchemA2 = await insertEnterprise(t.db.kysely, {
      ...enterpriseColumns(
        createEnterpriseSchema.parse({
          name: '甲区第二化工企业',
          creditCode: '91150602MA0N3K5H2B',
          sector: 'hazchem',
          subType: 'storage',
          orgUnitId: t.org.districtA,
        }),
      ),
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({ username: 'pub_a', role: 'publicity', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
    });
    await t.createUser({
      username: 'ent_a',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'ent_a2',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: hazchemA2,
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
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    publicity = await t.login('pub_a');
    inspector = await t.login('zhifa');
    entA = await t.login('ent_a');
    entA2 = await t.login('ent_a2');
    entMine = await t.login('ent_mine');
    entB = await t.login('ent_b');
  });
  afterAll(async () => t.close());

  const alertBody = () => ({
    title: '某地化工企业违规动火引发爆炸事故',
    accidentDate: addDays(today, -10),
    place: '外省某化工园区',
    summary: '检修期间未办理动火审批，动火点附近可燃气体未检测，引发爆炸。',
    lesson: '严格执行动火作业审批，落实可燃气体检测与现场监护。',
    itemCodes: ['HG-2017-07'],
    sectors: ['hazchem'],
    dueDate: addDays(today, 14),
  });
  let alert: AlertDetail;

  it('publishes an alert citing current catalog items to every enterprise of the sectors', async () => {
    expect((await t.anonymous.post('/api/v1/alerts', alertBody())).statusCode).toBe(401);
    expect((await entA.post('/api/v1/alerts', alertBody())).statusCode).toBe(403);
    expect((await inspector.post('/api/v1/alerts', alertBody())).statusCode).toBe(403);
    const before = await weihua.post('/api/v1/alerts', {
      ...alertBody(),
      dueDate: addDays(today, -20),
    });
    expect(before.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'dueDate',
      message: '反馈期限不能早于事故日期',
    });
    const past = await weihua.post('/api/v1/alerts', {
      ...alertBody(),
      dueDate: addDays(today, -1),
    });
    expect(past.json<ErrorBody>().error.fields[0]!.message).toBe('反馈期限不能早于今天');
    const unknown = await weihua.post('/api/v1/alerts', {
      ...alertBody(),
      itemCodes: ['HG-2017-99'],
    });
    expect(unknown.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'itemCodes',
      message: '条目HG-2017-99不在现行判定标准中',
    });
    const otherSector = await weihua.post('/api/v1/alerts', {
      ...alertBody(),
      itemCodes: ['FMKS-2022-UG-01'],
    });
    expect(otherSector.json<ErrorBody>().error.fields[0]!.message).toBe(
      '条目FMKS-2022-UG-01不适用于所选行业领域',
    );
    const foreign = await weihua.post('/api/v1/alerts', { ...alertBody(), sectors: ['mining'] });
    expect(foreign.json<ErrorBody>().error.fields[0]!.message).toBe('无权向该行业领域发布');

    const res = await publicity.post('/api/v1/alerts', alertBody());
    expect(res.statusCode).toBe(201);
    alert = res.json<AlertDetail>();
    expect(alert).toMatchObject({
      orgUnitId: t.org.districtA,
      items: [{ catalogId: 'HG-2017', catalogVersion: 1, code: 'HG-2017-07' }],
      stats: { targetCount: 2, answeredCount: 0, foundCount: 0, pendingCount: 2 },
      pastDue: false,
      response: null,
      can: { respond: false, manage: true },
    });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'alert.published',
      entity_id: String(alert.id),
    });
  });

  it('each target enterprise answers once for itself; found records a hazard in the ledger', async () => {
    const mine = (await entA.get('/api/v1/alerts')).json<Page<AlertListItem>>();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]!.response).toMatchObject({ answer: null, overdue: false });
    const detail = (await entA.get(`/api/v1/alerts/${alert.id}`)).json<AlertDetail>();
    expect(detail.can).toEqual({ respond: true, manage: false });
    expect(detail.stats).toBeNull();

    const url = `/api/v1/alerts/${alert.id}/response`;
    expect((await weihua.post(url, { answer: 'not_found' })).statusCode).toBe(403);
    expect((await entMine.post(url, { answer: 'not_found' })).statusCode).toBe(404);
    expect((await entB.post(url, { answer: 'not_found' })).statusCode).toBe(404);
    const noNote = await entA.post(url, { answer: 'found' });
    expect(noNote.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'note',
      message: '发现同类隐患须说明情况',
    });
    expect((await entA.post(url, { answer: 'maybe' })).statusCode).toBe(400);
    const ok = await entA.post(url, { answer: 'found', note: '二号罐区动火审批流于形式' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<AlertDetail>().response).toMatchObject({
      answer: 'found',
      note: '二号罐区动火审批流于形式',
      answeredByName: 'ent_a(ent_a)',
      late: false,
    });
    expect(ok.json<AlertDetail>().can.respond).toBe(false);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'alert.responded' });
    const hazardId = ok.json<AlertDetail>().response!.hazardId!;
    expect(hazardId).toBeGreaterThan(0);
    const hazard = (await entA.get(`/api/v1/hazards/${hazardId}`)).json<{
      origin: string;
      level: string;
      description: string;
      catalogItemCode: string | null;
    }>();
    expect(hazard).toMatchObject({
      origin: 'accident_lesson',
      level: 'major',
      description: '二号罐区动火审批流于形式',
    });
    const again = await entA.post(url, { answer: 'not_found' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.fields[0]!.message).toBe('已反馈自查结果，不能重复提交');
    // Another enterprise's answer is untouched.
    const other = (await entA2.get(`/api/v1/alerts/${alert.id}`)).json<AlertDetail>();
    expect(other.response).toMatchObject({ answer: null });
  });

  it('staff list non-responders and, after the due date, the overdue ones', async () => {
    const list = (url: string, c: TestClient = weihua) =>
      c.get(`/api/v1/alerts/${alert.id}/responses${url}`);
    const pending = (await list('?status=pending')).json<Page<AlertResponseView>>();
    expect(pending.items.map((r) => r.enterpriseId)).toEqual([hazchemA2]);
    const found = (await list('?status=found')).json<Page<AlertResponseView>>();
    expect(found.items.map((r) => r.enterpriseName)).toEqual(['甲区化工企业']);
    expect((await list('?status=overdue')).json<Page<AlertResponseView>>().total).toBe(0);
    expect((await list('')).json<Page<AlertResponseView>>().total).toBe(2);
    expect((await list('?status=late')).statusCode).toBe(400);
    expect((await list('', entA)).statusCode).toBe(403);
    expect((await list('', jichu)).statusCode).toBe(404);
    const staffList = (await weihua.get('/api/v1/alerts')).json<Page<AlertListItem>>();
    expect(staffList.items[0]!.stats).toEqual({
      targetCount: 2,
      answeredCount: 1,
      foundCount: 1,
      pendingCount: 1,
    });
    expect((await inspector.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(200);

    // The due date passes.
    await t.db.kysely
      .updateTable('accident_alerts')
      .set({ due_date: addDays(today, -1) })
      .where('id', '=', alert.id)
      .execute();
    const overdue = (await list('?status=overdue')).json<Page<AlertResponseView>>();
    expect(overdue.items).toEqual([
      expect.objectContaining({ enterpriseId: hazchemA2, overdue: true, answer: null }),
    ]);
    // A late answer is accepted and marked late.
    const late = await entA2.post(`/api/v1/alerts/${alert.id}/response`, {
      answer: 'not_found',
      note: null,
    });
    expect(late.statusCode).toBe(200);
    expect(late.json<AlertDetail>()).toMatchObject({
      pastDue: true,
      response: { answer: 'not_found', late: true, overdue: false },
    });
    expect((await list('?status=pending')).json<Page<AlertResponseView>>().total).toBe(0);
  });

  it('an enterprise of another sector or district never sees the alert', async () => {
    expect((await entMine.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    expect((await entB.get(`/api/v1/alerts/${alert.id}`)).statusCode).toBe(404);
    expect((await entMine.get('/api/v1/alerts')).json<Page<AlertListItem>>().total).toBe(0);
    expect((await jichu.get('/api/v1/alerts')).json<Page<AlertListItem>>().total).toBe(0);
    expect((await t.anonymous.get('/api/v1/alerts')).statusCode).toBe(401);
  });
});
