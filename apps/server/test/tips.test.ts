import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  createEnterpriseSchema,
  type TipDetail,
  type TipDuplicates,
  type TipIdentityView,
  type TipListItem,
  verificationDueDate,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { TIP_EXPORT_COLUMNS } from '../src/modules/tips/tip-export.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';
import { multipartFile } from './multipart.js';
import { pngWithLocation } from './test-files.js';

type ErrorBody = {
  error: {
    code: string;
    fields: { path: string; message: string }[];
    allowedActions?: string[];
  };
};
type Page<T> = { items: T[]; total: number; countsByStatus: Record<string, number> };
type Entry = { tip: TipDetail; receiptCode: string | null };

const REPORTER = { name: '张举报', phone: '13912345678', idNumber: null, contact: '东胜区某小区' };

describe('tips: staff side', () => {
  let t: TestContext;
  let admin: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let zhifa: TestClient;
  let zhifa2: TestClient;
  let city: TestClient;
  let officeB: TestClient;
  let entA: TestClient;
  let informant: TestClient;
  let zhifaId: number;
  let hazchemA2: number;
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
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
      displayName: '危化室王',
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    zhifaId = await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
      displayName: '执法员甲',
    });
    await t.createUser({
      username: 'zhifa2',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
    });
    await t.createUser({ username: 'city', role: 'city', orgUnitId: t.org.city });
    await t.createUser({
      username: 'office_b',
      role: 'office',
      orgUnitId: t.org.officeWeihuaB,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'ent_a',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'xinxiyuan',
      role: 'informant',
      orgUnitId: t.org.districtA,
      sectors: ['hazchem'],
    });
    admin = await t.login('admin_a');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    zhifa = await t.login('zhifa');
    zhifa2 = await t.login('zhifa2');
    city = await t.login('city');
    officeB = await t.login('office_b');
    entA = await t.login('ent_a');
    informant = await t.login('xinxiyuan');
  });
  afterAll(async () => t.close());

  const hotline = (over: Record<string, unknown> = {}) => ({
    channel: 'hotline_12350',
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    enterpriseId: t.enterprises.hazchemA,
    subject: '储罐区违规动火',
    description: '夜间在储罐区动火作业，未办理动火审批，也没有人监护。',
    place: '储罐区东侧',
    catalogItemCode: 'HG-2017-07',
    anonymous: false,
    insider: true,
    identity: REPORTER,
    ...over,
  });
  const enter = async (client: TestClient, over: Record<string, unknown> = {}) => {
    const res = await client.post('/api/v1/tips', hotline(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Entry>();
  };
  const act = (
    client: TestClient,
    tip: { id: number; version: number },
    action: string,
    payload: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    client.request({
      method: 'POST',
      url: `/api/v1/tips/${tip.id}/actions/${action}`,
      payload: { version: tip.version, payload },
      headers,
    });
  const ok = async (
    client: TestClient,
    tip: { id: number; version: number },
    action: string,
    payload: Record<string, unknown> = {},
  ) => {
    const res = await act(client, tip, action, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TipDetail>();
  };
  const detail = async (client: TestClient, id: number) => {
    const res = await client.get(`/api/v1/tips/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TipDetail>();
  };

  it('enters a hotline tip with a sealed identity and a receipt code kept only as a hash', async () => {
    const { tip, receiptCode } = await enter(weihua);
    expect(tip.number).toMatch(/^甲举〔\d{4}〕0001号$/);
    expect(tip).toMatchObject({
      channel: 'hotline_12350',
      status: 'received',
      sector: 'hazchem',
      enterpriseName: '甲区化工企业',
      anonymous: false,
      insider: true,
      identityOnRecord: true,
      hasReceiptCode: true,
      canViewIdentity: false,
      catalogItemCode: 'HG-2017-07',
    });
    expect(tip.availableActions).toEqual(['accept', 'reject', 'classify', 'note', 'reply', 'ask']);
    expect(tip.dueDate! > today).toBe(true);
    expect(receiptCode).toMatch(/^[0-9]{16}$/);

    const raw = await t.db.kysely
      .selectFrom('tips')
      .selectAll()
      .where('id', '=', tip.id)
      .executeTakeFirstOrThrow();
    expect(raw.identity_sealed).toMatch(/^v1:/);
    expect(raw.identity_sealed).not.toContain('张举报');
    expect(raw.identity_sealed).not.toContain('13912345678');
    expect(raw.receipt_hash).toBe(crypto.createHash('sha256').update(receiptCode!).digest('hex'));
    expect(JSON.stringify(raw)).not.toContain(receiptCode);
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('tip.created');
    expect(audit.changes).not.toContain('张举报');
    expect(audit.changes).not.toContain('13912345678');
    expect(audit.changes).not.toContain(raw.receipt_hash);
    expect(JSON.stringify(tip)).not.toContain('张举报');
    expect(JSON.stringify(tip)).not.toContain('13912345678');
  });

  it('numbers tips registered at the same moment one after another, without a collision', async () => {
    // Ten hotline operators at once (the benchmark saw PostgreSQL collide on the number).
    const entries = await Promise.all(
      Array.from({ length: 10 }, () =>
        weihua.post('/api/v1/tips', hotline({ anonymous: true, identity: null })),
      ),
    );
    for (const res of entries) expect(res.statusCode, res.body).toBe(201);
    const numbers = entries.map((res) => res.json<Entry>().tip.number);
    expect(new Set(numbers).size).toBe(10);
  });

  it('validates staff entry: fields, identity, district, time, and who may enter', async () => {
    const bad = await weihua.post('/api/v1/tips', hotline({ subject: '', identity: null }));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<ErrorBody>().error.fields.map((f) => f.path);
    expect(paths).toContain('subject');
    expect(paths).toContain('identity.name');
    const anonWithIdentity = await weihua.post('/api/v1/tips', hotline({ anonymous: true }));
    expect(anonWithIdentity.statusCode).toBe(400);
    const future = await weihua.post(
      '/api/v1/tips',
      hotline({ receivedAt: new Date(Date.now() + 86400_000).toISOString() }),
    );
    expect(future.json<ErrorBody>().error.fields[0]!.path).toBe('receivedAt');
    const noPlace = await weihua.post(
      '/api/v1/tips',
      hotline({ enterpriseId: null, enterpriseText: '某加油站' }),
    );
    expect(noPlace.json<ErrorBody>().error.fields[0]!.path).toBe('districtId');
    const foreignDistrict = await weihua.post(
      '/api/v1/tips',
      hotline({ enterpriseId: null, enterpriseText: '某加油站', districtId: t.org.districtB }),
    );
    expect(foreignDistrict.statusCode).toBe(400);
    const badCode = await weihua.post('/api/v1/tips', hotline({ catalogItemCode: 'HG-9999-99' }));
    expect(badCode.json<ErrorBody>().error.fields[0]!.path).toBe('catalogItemCode');
    const badChannel = await weihua.post('/api/v1/tips', hotline({ channel: 'web' }));
    expect(badChannel.statusCode).toBe(400);
    expect((await t.anonymous.post('/api/v1/tips', hotline())).statusCode).toBe(401);
    expect((await city.post('/api/v1/tips', hotline())).statusCode).toBe(403);
    // Another district's enterprise reads as not found.
    expect(
      (await officeB.post('/api/v1/tips', hotline({ enterpriseId: t.enterprises.hazchemA })))
        .statusCode,
    ).toBe(404);
    // A phone tip without a receipt code (the reporter is named and called back).
    const { tip, receiptCode } = await enter(weihua, {
      channel: 'phone',
      issueReceiptCode: false,
      insider: false,
    });
    expect(receiptCode).toBeNull();
    expect(tip.hasReceiptCode).toBe(false);
    expect(tip.availableActions).not.toContain('reply');
  });

  it('scopes tips by territory and sector; a tip without a sector is seen by the whole district', async () => {
    const hazchem = (await enter(weihua, { anonymous: true, identity: null })).tip;
    const noSector = (
      await enter(jichu, {
        channel: 'letter',
        enterpriseId: null,
        enterpriseText: '某无名仓库',
        districtId: t.org.districtA,
        catalogItemCode: null,
        anonymous: true,
        identity: null,
      })
    ).tip;
    expect(noSector.sector).toBeNull();
    expect(noSector.enterpriseName).toBe('某无名仓库');
    for (const c of [weihua, jichu, zhifa, admin, city])
      expect((await c.get(`/api/v1/tips/${noSector.id}`)).statusCode).toBe(200);
    expect((await jichu.get(`/api/v1/tips/${hazchem.id}`)).statusCode).toBe(404);
    expect((await officeB.get(`/api/v1/tips/${hazchem.id}`)).statusCode).toBe(404);
    expect((await officeB.get(`/api/v1/tips/${noSector.id}`)).statusCode).toBe(404);
    expect((await city.get(`/api/v1/tips/${hazchem.id}`)).statusCode).toBe(200);

    const ids = async (c: TestClient) =>
      (await c.get('/api/v1/tips?pageSize=200')).json<Page<TipListItem>>().items.map((i) => i.id);
    expect(await ids(jichu)).toContain(noSector.id);
    expect(await ids(jichu)).not.toContain(hazchem.id);
    expect(await ids(weihua)).toEqual(expect.arrayContaining([hazchem.id, noSector.id]));
    expect(await ids(officeB)).toEqual([]);
    // A sector-scoped user may not enter a tip into a sector that is not theirs.
    const foreignSector = await jichu.post(
      '/api/v1/tips',
      hotline({
        enterpriseId: null,
        enterpriseText: '某化工厂',
        districtId: t.org.districtA,
        sector: 'hazchem',
        catalogItemCode: null,
      }),
    );
    expect(foreignSector.json<ErrorBody>().error.fields[0]!.path).toBe('sector');
  });

  it('refuses every tip route to enterprise users and informants, and to anonymous callers', async () => {
    const { tip } = await enter(weihua);
    const routes: [string, string][] = [
      ['GET', '/api/v1/tips'],
      ['GET', '/api/v1/tips/export'],
      ['POST', '/api/v1/tips'],
      ['GET', `/api/v1/tips/${tip.id}`],
      ['POST', `/api/v1/tips/${tip.id}/identity`],
      ['GET', `/api/v1/tips/${tip.id}/duplicates`],
      ['GET', `/api/v1/tips/${tip.id}/assignees`],
      ['GET', `/api/v1/tips/${tip.id}/link-candidates`],
      ['POST', `/api/v1/tips/${tip.id}/actions/accept`],
      ['POST', `/api/v1/tips/${tip.id}/messages`],
      ['POST', `/api/v1/tips/${tip.id}/files`],
      ['GET', `/api/v1/tips/${tip.id}/files/1`],
    ];
    const registered = t.app.routeGuards
      .filter((r) => /^\/api\/v1\/tips(\/|$)/.test(r.url) && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(registered).toHaveLength(routes.length);
    for (const [method, url] of routes) {
      const payload = method === 'POST' ? { version: 1, payload: {} } : undefined;
      for (const c of [entA, informant]) {
        const res = await c.request({ method: method, url, payload });
        expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
        expect(res.body).not.toContain('张举报');
      }
      expect((await t.anonymous.request({ method: method, url, payload })).statusCode).toBe(401);
    }
  });

  it('shows the identity only to the identity role, auditing each view; never in lists or exports', async () => {
    const { tip } = await enter(weihua, { subject: '身份测试举报' });
    expect((await detail(admin, tip.id)).canViewIdentity).toBe(true);
    expect((await detail(weihua, tip.id)).canViewIdentity).toBe(false);
    for (const c of [weihua, zhifa, city])
      expect((await c.post(`/api/v1/tips/${tip.id}/identity`)).statusCode).toBe(403);

    const seen = await admin.post(`/api/v1/tips/${tip.id}/identity`);
    expect(seen.statusCode).toBe(200);
    expect(seen.headers['cache-control']).toBe('no-store');
    expect(seen.json<TipIdentityView>()).toMatchObject({
      anonymous: false,
      insider: true,
      name: '张举报',
      phone: '13912345678',
      contact: '东胜区某小区',
    });
    const audit = await lastAudit(t.db);
    expect(audit).toMatchObject({ action: 'tip.identity_viewed', entity_type: 'tip' });
    expect(String(audit.entity_id)).toBe(String(tip.id));
    const history = (await detail(weihua, tip.id)).history;
    expect(history.at(-1)).toMatchObject({ action: 'identity_viewed', actorName: 'admin_a' });
    // Another district's administrator cannot open it.
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    const adminB = await t.login('admin_b');
    expect((await adminB.post(`/api/v1/tips/${tip.id}/identity`)).statusCode).toBe(404);

    const list = await admin.get('/api/v1/tips?pageSize=200');
    expect(list.body).toContain('身份测试举报');
    expect(list.body).not.toContain('张举报');
    expect(list.body).not.toContain('13912345678');
    expect((await admin.get(`/api/v1/tips/${tip.id}`)).body).not.toContain('张举报');

    const exported = await admin.get('/api/v1/tips/export');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...TIP_EXPORT_COLUMNS]);
    let text = '';
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        text += `${cell.text}\n`;
      });
    });
    expect(text).toContain('身份测试举报');
    expect(text).not.toContain('张举报');
    expect(text).not.toContain('13912345678');
    expect(text).not.toContain('东胜区某小区');
    expect(TIP_EXPORT_COLUMNS.join()).not.toMatch(/姓名|电话|身份证|联系方式/);
  });

  it('runs the workflow: accept, assign, verify into a ledger hazard (origin tip), close', async () => {
    let tip = (await enter(weihua, { subject: '流程测试' })).tip;
    // Not allowed in this status: 409 with the allowed actions.
    const early = await act(weihua, tip, 'verify', { result: 'true', summary: '核查属实情况' });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.allowedActions).toEqual(tip.availableActions);
    // Readers may not act.
    expect((await act(city, tip, 'accept')).statusCode).toBe(403);

    tip = await ok(weihua, tip, 'accept', { comment: '属于本部门职责' });
    expect(tip.status).toBe('accepted');
    expect(tip.dueDate).toBe(verificationDueDate(today));
    expect(tip.acceptedOn).toBe(today);
    expect(tip.dueDateLimit).toBe(verificationDueDate(today));
    expect((await lastAudit(t.db)).action).toBe('tip.accept');

    // Stale version.
    const stale = await act(weihua, { ...tip, version: tip.version - 1 }, 'reject', {
      reason: 'insufficient',
      comment: '内容不具体',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');

    const assignees = await weihua.get(`/api/v1/tips/${tip.id}/assignees`);
    expect(assignees.statusCode).toBe(200);
    const choices = assignees.json<{
      units: { id: number; name: string }[];
      inspectors: { id: number; name: string }[];
      defaultDueDate: string;
    }>();
    expect(choices.units.map((u) => u.name)).toEqual(
      expect.arrayContaining(['危化室', '基础室', '执法大队']),
    );
    expect(choices.inspectors.map((u) => u.name)).toEqual(
      expect.arrayContaining(['执法员甲', 'zhifa2']),
    );
    expect(choices.defaultDueDate).toBe(verificationDueDate(today));

    const late = await act(weihua, tip, 'assign', {
      userId: zhifaId,
      dueDate: addDays(verificationDueDate(today), 1),
    });
    expect(late.json<ErrorBody>().error.fields[0]!.path).toBe('payload.dueDate');
    const both = await act(weihua, tip, 'assign', {
      userId: zhifaId,
      unitId: t.org.brigadeA,
      dueDate: addDays(today, 30),
    });
    expect(both.statusCode).toBe(400);
    const foreignUnit = await act(weihua, tip, 'assign', {
      unitId: t.org.officeWeihuaB,
      dueDate: addDays(today, 30),
    });
    expect(foreignUnit.json<ErrorBody>().error.fields[0]!.path).toBe('payload.unitId');

    // The same idempotency key twice: one change.
    const key = { 'idempotency-key': 'assign-key-0001' };
    const assignBody = { userId: zhifaId, dueDate: addDays(today, 30), comment: '请尽快核查' };
    const first = await act(weihua, tip, 'assign', assignBody, key);
    expect(first.statusCode).toBe(200);
    const again = await act(weihua, tip, 'assign', assignBody, key);
    expect(again.statusCode).toBe(200);
    tip = again.json<TipDetail>();
    expect(tip.status).toBe('verifying');
    expect(tip.history.filter((e) => e.action === 'assign')).toHaveLength(1);
    expect(tip).toMatchObject({
      assignedUserId: zhifaId,
      assignedUserName: '执法员甲',
      assignedUnitId: t.org.brigadeA,
      dueDate: addDays(today, 30),
    });

    // Assigned to me.
    const mine = (await zhifa.get('/api/v1/tips?mine=true')).json<Page<TipListItem>>();
    expect(mine.items.map((i) => i.id)).toEqual([tip.id]);
    expect((await zhifa2.get('/api/v1/tips?mine=true')).json<Page<TipListItem>>().total).toBe(0);

    // Only the assignee (or an office) records the result.
    const notMine = await act(zhifa2, tip, 'verify', { result: 'true', summary: '核查属实情况' });
    expect(notMine.statusCode).toBe(409);
    expect(notMine.json<ErrorBody>().error.fields[0]!.message).toBe('该举报已交由其他人员核查');
    expect((await detail(zhifa2, tip.id)).availableActions).not.toContain('verify');
    expect((await detail(zhifa, tip.id)).availableActions).toContain('verify');

    // Extension: once, later than the current due date, within 30 more days.
    const shorter = await act(zhifa, tip, 'extend', {
      dueDate: addDays(today, 10),
      reason: '复杂',
    });
    expect(shorter.json<ErrorBody>().error.fields[0]!.path).toBe('payload.dueDate');
    const tooLong = await act(zhifa, tip, 'extend', {
      dueDate: addDays(today, 91),
      reason: '情况复杂',
    });
    expect(tooLong.json<ErrorBody>().error.fields[0]!.path).toBe('payload.dueDate');
    tip = await ok(zhifa, tip, 'extend', { dueDate: addDays(today, 80), reason: '情况复杂' });
    expect(tip.dueDate).toBe(addDays(today, 80));
    expect(tip.availableActions).not.toContain('extend');
    expect(tip.extensionLimit).toBeNull();

    const badHazard = await act(zhifa, tip, 'verify', {
      result: 'not_true',
      summary: '现场核查未发现问题',
      createHazard: {
        level: 'major',
        title: '储罐区违规动火',
        description: '未办理动火审批',
        catalogItemCode: 'HG-2017-07',
      },
    });
    expect(badHazard.json<ErrorBody>().error.fields[0]!.path).toBe('payload.result');

    tip = await ok(zhifa, tip, 'verify', {
      result: 'true',
      summary: '现场核查，储罐区确有违规动火作业。',
      createHazard: {
        level: 'major',
        title: '储罐区违规动火',
        description: '储罐区动火作业未办理审批，无人监护。',
        place: '储罐区东侧',
        catalogItemCode: 'HG-2017-07',
      },
    });
    expect(tip).toMatchObject({ status: 'verified', verificationResult: 'true' });
    expect(tip.hazard).not.toBeNull();
    const hazard = await t.db.kysely
      .selectFrom('hazards')
      .selectAll()
      .where('id', '=', tip.hazard!.id)
      .executeTakeFirstOrThrow();
    expect(hazard).toMatchObject({
      origin: 'tip',
      enterprise_id: t.enterprises.hazchemA,
      level: 'major',
      catalog_item_code: 'HG-2017-07',
      status: 'reported',
    });
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['hazard.created', 'tip.verify']);
    expect(tip.availableActions).toEqual(['close', 'link', 'note', 'reply']);

    tip = await ok(weihua, tip, 'close', { comment: null });
    expect(tip.status).toBe('closed');
    expect(tip.availableActions).toEqual(['note']);
    expect(tip.history.map((e) => e.action)).toEqual([
      'created',
      'accept',
      'assign',
      'extend',
      'verify',
      'close',
    ]);
  });

  it('rejects as a duplicate of another tip (with that tip), and reopens', async () => {
    const original = (await enter(weihua, { subject: '原举报' })).tip;
    let dup = (await enter(weihua, { subject: '重复举报' })).tip;
    const noId = await act(weihua, dup, 'reject', { reason: 'duplicate' });
    expect(noId.json<ErrorBody>().error.fields[0]!.path).toBe('payload.duplicateOfTipId');
    const self = await act(weihua, dup, 'reject', {
      reason: 'duplicate',
      duplicateOfTipId: dup.id,
    });
    expect(self.statusCode).toBe(400);
    const noReason = await act(weihua, dup, 'reject', { reason: 'out_of_scope' });
    expect(noReason.json<ErrorBody>().error.fields[0]!.path).toBe('payload.comment');

    dup = await ok(weihua, dup, 'reject', { reason: 'duplicate', duplicateOfTipId: original.id });
    expect(dup).toMatchObject({
      status: 'rejected',
      rejectReason: 'duplicate',
      duplicateOf: { id: original.id, number: original.number },
      overdue: false,
    });
    expect(dup.history.at(-1)!.note).toContain(original.number);
    expect((await lastAudit(t.db)).action).toBe('tip.reject');
    expect(dup.availableActions).toEqual(['reopen', 'note', 'reply']);
    dup = await ok(weihua, dup, 'reopen', { reason: '经复查并非重复' });
    expect(dup).toMatchObject({ status: 'received', rejectReason: null, duplicateOf: null });
  });

  it('suggests duplicates: open hazards and open tips of the same enterprise, same item first', async () => {
    const otherItem = await weihua.post('/api/v1/hazards', {
      enterpriseId: hazchemA2,
      level: 'general',
      title: '消防通道堵塞',
      description: '库房消防通道堆放杂物',
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法员甲',
      noCatalogReason: '一般隐患',
      treatment: 'deadline',
    });
    expect(otherItem.statusCode, otherItem.body).toBe(201);
    const sameItem = await weihua.post('/api/v1/hazards', {
      enterpriseId: hazchemA2,
      level: 'major',
      title: '动火作业未审批',
      description: '动火作业未审批',
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法员甲',
      catalogItemCode: 'HG-2017-07',
      treatment: 'deadline',
    });
    expect(sameItem.statusCode, sameItem.body).toBe(201);
    const earlier = (await enter(weihua, { enterpriseId: hazchemA2, catalogItemCode: null })).tip;
    const rejected = (await enter(weihua, { enterpriseId: hazchemA2 })).tip;
    await ok(weihua, rejected, 'reject', { reason: 'insufficient', comment: '无法核查' });
    const tip = (await enter(weihua, { enterpriseId: hazchemA2 })).tip;

    const res = await weihua.get(`/api/v1/tips/${tip.id}/duplicates`);
    expect(res.statusCode).toBe(200);
    const d = res.json<TipDuplicates>();
    expect(d.hazards.map((h) => h.title)).toEqual(['动火作业未审批', '消防通道堵塞']);
    expect(d.hazards[0]!.sameCatalogItem).toBe(true);
    expect(d.hazards[1]!.sameCatalogItem).toBe(false);
    expect(d.tips.map((x) => x.id)).toEqual([earlier.id]);
    expect((await jichu.get(`/api/v1/tips/${tip.id}/duplicates`)).statusCode).toBe(404);

    // Typed enterprise names match other tips with the same name in the district.
    const typed = { enterpriseId: null, enterpriseText: '某加油站', districtId: t.org.districtA };
    const a = (await enter(weihua, { ...typed, catalogItemCode: null, sector: 'hazchem' })).tip;
    const b = (await enter(weihua, { ...typed, catalogItemCode: null, sector: 'hazchem' })).tip;
    const typedDup = (await weihua.get(`/api/v1/tips/${b.id}/duplicates`)).json<TipDuplicates>();
    expect(typedDup.tips.map((x) => x.id)).toEqual([a.id]);
    expect(typedDup.hazards).toEqual([]);
  });

  it('classifies a typed tip into the registry, then links results that exist and are in scope', async () => {
    let tip = (
      await enter(weihua, {
        enterpriseId: null,
        enterpriseText: '甲区化工',
        districtId: t.org.districtA,
        catalogItemCode: null,
        sector: 'hazchem',
      })
    ).tip;
    tip = await ok(weihua, tip, 'accept');
    tip = await ok(weihua, tip, 'assign', {
      unitId: t.org.officeWeihuaA,
      dueDate: addDays(today, 20),
    });
    expect(tip.availableActions).not.toContain('create_hazard');
    const noEnterprise = await act(weihua, tip, 'create_hazard', {
      level: 'general',
      title: '问题',
      description: '问题描述',
      noCatalogReason: '一般隐患',
    });
    expect(noEnterprise.statusCode).toBe(409);

    const foreign = await act(weihua, tip, 'classify', { enterpriseId: t.enterprises.hazchemB });
    expect(foreign.json<ErrorBody>().error.fields[0]!.path).toBe('payload.enterpriseId');
    tip = await ok(weihua, tip, 'classify', {
      enterpriseId: t.enterprises.hazchemA,
      catalogItemCode: 'HG-2017-07',
    });
    expect(tip).toMatchObject({
      enterpriseId: t.enterprises.hazchemA,
      enterpriseName: '甲区化工企业',
      enterpriseText: '甲区化工',
      sector: 'hazchem',
      catalogItemCode: 'HG-2017-07',
    });

    // Links: missing, foreign, another enterprise's → 400; in scope → stored.
    const missing = await act(weihua, tip, 'link', { target: 'inspection_record', id: 999999 });
    expect(missing.json<ErrorBody>().error.fields[0]!.path).toBe('payload.id');
    expect(
      (await act(weihua, tip, 'link', { target: 'penalty_case', id: 999999 })).statusCode,
    ).toBe(400);
    const otherEnterpriseHazard = await weihua.post('/api/v1/hazards', {
      enterpriseId: hazchemA2,
      level: 'general',
      title: '别家隐患',
      description: '别家隐患描述',
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法员甲',
      noCatalogReason: '一般隐患',
      treatment: 'deadline',
    });
    const otherHazardId = otherEnterpriseHazard.json<{ id: number }>().id;
    const wrong = await act(weihua, tip, 'link', { target: 'hazard', id: otherHazardId });
    expect(wrong.json<ErrorBody>().error.fields[0]!.message).toBe('所选记录不属于被举报企业');

    const at = nowIso();
    const insert = async (
      enterpriseId: number,
      districtId: number,
      no: string,
      status = 'signed',
    ) =>
      Number(
        (
          await t.db.kysely
            .insertInto('inspection_records')
            .values({
              record_no: no,
              district_id: districtId,
              enterprise_id: enterpriseId,
              sector: 'hazchem',
              plan_id: null,
              plan_target_id: null,
              origin: 'tip',
              started_at: at,
              ended_at: at,
              place: '厂区',
              enterprise_name: null,
              content: '{}',
              scorecard: null,
              status,
              canonical_text: null,
              content_hash: null,
              supersedes_record_id: null,
              superseded_by_record_id: null,
              signed_at: at,
              acknowledged_at: null,
              acknowledged_by_user_id: null,
              acknowledged_by_name: null,
              created_at: at,
              created_by: zhifaId,
              created_by_name: '执法员甲',
              updated_at: at,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    const recordB = await insert(t.enterprises.hazchemB, t.org.districtB, 'JL-B-1');
    const draftA = await insert(t.enterprises.hazchemA, t.org.districtA, 'JL-A-0', 'draft');
    const recordA = await insert(t.enterprises.hazchemA, t.org.districtA, 'JL-A-1');
    const outOfScope = await act(weihua, tip, 'link', { target: 'inspection_record', id: recordB });
    expect(outOfScope.json<ErrorBody>().error.fields[0]!.message).toBe(
      '所选记录不存在或不在您的管辖范围内',
    );
    expect(
      (await act(weihua, tip, 'link', { target: 'inspection_record', id: draftA })).statusCode,
    ).toBe(400);
    const candidates = (await weihua.get(`/api/v1/tips/${tip.id}/link-candidates`)).json<{
      inspectionRecords: { id: number }[];
    }>();
    expect(candidates.inspectionRecords.map((r) => r.id)).toEqual([recordA]);
    tip = await ok(weihua, tip, 'link', { target: 'inspection_record', id: recordA });
    expect(tip.inspectionRecord).toEqual({ id: recordA, label: 'JL-A-1' });
    expect((await lastAudit(t.db)).action).toBe('tip.link');
    const penalty = await t.db.kysely
      .insertInto('penalty_cases')
      .values({
        case_no: '甲应急罚〔2026〕1号',
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        sector: 'hazchem',
        matter: '未执行动火作业审批',
        filed_on: today,
        status: 'filed',
        created_by: zhifaId,
        created_by_name: '执法员甲',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tip = await ok(weihua, tip, 'link', { target: 'penalty_case', id: Number(penalty.id) });
    expect(tip.penaltyCase).toEqual({ id: Number(penalty.id), label: '甲应急罚〔2026〕1号' });

    // Verify, then record the hazard as a separate step.
    tip = await ok(weihua, tip, 'verify', { result: 'partly_true', summary: '部分情况属实。' });
    tip = await ok(weihua, tip, 'create_hazard', {
      level: 'general',
      title: '动火监护不到位',
      description: '动火作业监护人员未在现场',
      noCatalogReason: '一般隐患，不适用重大隐患判定标准',
    });
    expect(tip.hazard).not.toBeNull();
    expect(tip.availableActions).not.toContain('create_hazard');
    const again = await act(weihua, tip, 'create_hazard', {
      level: 'general',
      title: '再登记',
      description: '再登记描述',
      noCatalogReason: '一般隐患',
    });
    expect(again.statusCode).toBe(409);
  });

  it('records hazards of informant reports with origin informant', async () => {
    const at = nowIso();
    const { id } = await t.db.kysely
      .insertInto('tips')
      .values({
        number: '甲举〔2099〕0001号',
        receipt_hash: null,
        channel: 'informant',
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        enterprise_text: null,
        sector: 'hazchem',
        place: null,
        subject: '信息员报告',
        description: '信息员报告的隐患线索',
        catalog_item_code: null,
        anonymous: 0,
        insider: 0,
        identity_sealed: null,
        informant_id: 1,
        status: 'verifying',
        reject_reason: null,
        duplicate_of_tip_id: null,
        assigned_unit_id: t.org.officeWeihuaA,
        assigned_user_id: null,
        due_date: addDays(today, 10),
        verification_result: null,
        verification_summary: null,
        hazard_id: null,
        inspection_record_id: null,
        penalty_case_id: null,
        received_at: at,
        created_by: null,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tip = await detail(weihua, Number(id));
    expect(tip.reporterReachable).toBe(true);
    const done = await ok(weihua, tip, 'verify', {
      result: 'true',
      summary: '信息员报告属实。',
      createHazard: {
        level: 'general',
        title: '信息员报告的隐患',
        description: '信息员报告的隐患描述',
        noCatalogReason: '一般隐患',
      },
    });
    const hazard = await t.db.kysely
      .selectFrom('hazards')
      .select('origin')
      .where('id', '=', done.hazard!.id)
      .executeTakeFirstOrThrow();
    expect(hazard.origin).toBe('informant');
  });

  it('keeps internal notes apart from replies and questions to the reporter', async () => {
    const tip = (await enter(weihua)).tip;
    const post = (c: TestClient, kind: string, body: string) =>
      c.post(`/api/v1/tips/${tip.id}/messages`, { kind, body });
    expect((await post(weihua, 'note', '')).statusCode).toBe(400);
    expect((await post(weihua, 'reporter_info', '假冒')).statusCode).toBe(400);
    expect((await post(city, 'note', '市局备注')).statusCode).toBe(403);
    expect((await post(weihua, 'note', '内部：先电话核实')).statusCode).toBe(201);
    expect((await lastAudit(t.db)).action).toBe('tip.message_added');
    expect((await post(weihua, 'question', '请问动火发生在几点？')).statusCode).toBe(201);
    const res = await post(weihua, 'reply', '已受理，正在核查。');
    expect(res.statusCode).toBe(201);
    const d = res.json<TipDetail>();
    expect(d.messages.map((m) => [m.kind, m.authorName])).toEqual([
      ['note', '危化室王'],
      ['question', '危化室王'],
      ['reply', '危化室王'],
    ]);
    // The version is untouched: a note never makes a colleague's form stale.
    expect(d.version).toBe(tip.version);
    const stored = await t.db.kysely
      .selectFrom('tip_messages')
      .select('kind')
      .where('tip_id', '=', tip.id)
      .orderBy('id')
      .execute();
    expect(stored.map((m) => m.kind)).toEqual(['note', 'question', 'reply']);

    const noCode = (await enter(weihua, { issueReceiptCode: false })).tip;
    const refused = await weihua.post(`/api/v1/tips/${noCode.id}/messages`, {
      kind: 'reply',
      body: '答复',
    });
    expect(refused.statusCode).toBe(409);
    expect(
      (await weihua.post(`/api/v1/tips/${noCode.id}/messages`, { kind: 'note', body: '备注' }))
        .statusCode,
    ).toBe(201);
  });

  it('stores staff files without location and serves them only to staff who may see the tip', async () => {
    const tip = (await enter(weihua)).tip;
    const upload = multipartFile(
      '<img src=x onerror=alert(1)>.png',
      pngWithLocation(),
      'image/png',
    );
    const res = await weihua.request({
      method: 'POST',
      url: `/api/v1/tips/${tip.id}/files`,
      ...upload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<{ id: number; fileName: string; mimeType: string }>();
    expect(file.mimeType).toBe('image/png');
    const bad = await weihua.request({
      method: 'POST',
      url: `/api/v1/tips/${tip.id}/files`,
      ...multipartFile('x.html', Buffer.from('<script>alert(1)</script>'), 'text/html'),
    });
    expect(bad.statusCode).toBe(400);
    const download = await zhifa.get(`/api/v1/tips/${tip.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
    expect((await jichu.get(`/api/v1/tips/${tip.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await entA.get(`/api/v1/tips/${tip.id}/files/${file.id}`)).statusCode).toBe(403);
    expect((await weihua.get(`/api/v1/tips/${tip.id}/files/999999`)).statusCode).toBe(404);
    expect((await detail(weihua, tip.id)).files.map((f) => f.fileName)).toEqual([file.fileName]);
  });

  it('filters the list by status, channel, sector and overdue', async () => {
    const letter = (await enter(weihua, { channel: 'letter', subject: '来信筛选' })).tip;
    await t.db.kysely
      .updateTable('tips')
      .set({ due_date: addDays(today, -1) })
      .where('id', '=', letter.id)
      .execute();
    const page = async (q: string) =>
      (await weihua.get(`/api/v1/tips?pageSize=200&${q}`)).json<Page<TipListItem>>();
    const overdue = await page('overdue=true');
    expect(overdue.items.map((i) => i.id)).toContain(letter.id);
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect((await page('overdue=false')).items.map((i) => i.id)).not.toContain(letter.id);
    const letters = await page('channel=letter');
    expect(letters.items.every((i) => i.channel === 'letter')).toBe(true);
    expect(letters.items.map((i) => i.id)).toContain(letter.id);
    const received = await page('status=received');
    expect(received.items.every((i) => i.status === 'received')).toBe(true);
    expect(received.total).toBe(received.countsByStatus.received);
    expect((await page('sector=mining')).total).toBe(0);
    expect((await page('q=来信筛选')).items.map((i) => i.id)).toEqual([letter.id]);
    expect((await weihua.get('/api/v1/tips?status=nope')).statusCode).toBe(400);
    expect((await weihua.get('/api/v1/tips/abc')).statusCode).toBe(400);
  });
});

describe('tips: demo', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  });
  afterAll(async () => t.close());

  it('seeds 东胜区 tips in each stage, with a ledger hazard from the verified one', async () => {
    const admin = await t.login('admin', TEST_PASSWORD);
    const list = (await admin.get('/api/v1/tips?pageSize=50')).json<Page<TipListItem>>();
    const byStatus = (s: string) => list.items.filter((i) => i.status === s);
    expect(byStatus('received').map((i) => i.channel)).toContain('web');
    expect(byStatus('verifying').map((i) => i.channel)).toEqual(['hotline_12350']);
    expect(byStatus('rejected')).toHaveLength(1);
    const verified = byStatus('verified');
    expect(verified).toHaveLength(1);
    expect(verified[0]!.verificationResult).toBe('true');
    const hazard = await t.db.kysely
      .selectFrom('hazards')
      .select(['origin', 'level'])
      .where('id', '=', verified[0]!.hazardId!)
      .executeTakeFirstOrThrow();
    expect(hazard).toEqual({ origin: 'tip', level: 'major' });
    const rejected = (
      await admin.get(`/api/v1/tips/${byStatus('rejected')[0]!.id}`)
    ).json<TipDetail>();
    expect(rejected.rejectReason).toBe('duplicate');
    expect(rejected.duplicateOf?.id).toBe(byStatus('verifying')[0]!.id);
    // The demo's inspector sees the tip given to them.
    const zhifa = await t.login('zhifa1', TEST_PASSWORD);
    const mine = (await zhifa.get('/api/v1/tips?mine=true')).json<Page<TipListItem>>();
    expect(mine.items.map((i) => i.status)).toEqual(['verifying', 'verified']);
  });
});
