import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldHistory, HAZARD_LIST_COLUMNS, type HazardAction } from '@hazard-ledger/domain';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { pngWithLocation } from './test-files.js';
import { multipartFile } from './multipart.js';

type Detail = {
  id: number;
  number: string;
  status: string;
  version: number;
  level: string;
  overdue: boolean;
  availableActions: string[];
  plan: { missing: string[]; fundsYuan: string | null };
  history: { action: string; toStatus: string }[];
  files: { id: number; kind: string; mimeType: string }[];
  supervisionLevel: string | null;
  selfFoundAndReported: boolean;
};
type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};

describe('hazard ledger', () => {
  let t: TestContext;
  let safety: TestClient;
  let leader: TestClient;
  let otherEnt: TestClient;
  let inspector: TestClient;
  let jichu: TestClient;
  let cityUser: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({
      username: 'safety',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'leader',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await t.createUser({
      username: 'other',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    await t.createUser({
      username: 'zf',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({ username: 'cityu', role: 'city', orgUnitId: t.org.city });
    safety = await t.login('safety');
    leader = await t.login('leader');
    otherEnt = await t.login('other');
    inspector = await t.login('zf');
    jichu = await t.login('jichu');
    cityUser = await t.login('cityu');
  });
  afterAll(async () => t.close());

  const newHazard = (over: Record<string, unknown> = {}) => ({
    enterpriseId: t.enterprises.hazchemA,
    level: 'major',
    title: '液氨罐区未设紧急切断',
    description: '二级重大危险源罐区紧急切断阀未投用',
    place: '罐区',
    origin: 'self_check',
    foundAt: '2023-06-10',
    foundBy: '安全员',
    noCatalogReason: '测试不引用条款',
    treatment: 'deadline',
    ...over,
  });
  const act = (
    c: TestClient,
    h: { id: number; version: number },
    action: HazardAction,
    payload: Record<string, unknown> = {},
    key?: string,
  ) =>
    c.request({
      method: 'POST',
      url: `/api/v1/hazards/${h.id}/actions/${action}`,
      payload: { version: h.version, payload },
      headers: key ? { 'idempotency-key': key } : {},
    });
  const upload = (c: TestClient, id: number, kind: string, name: string, content: Buffer) => {
    const { payload, headers } = multipartFile(name, content, 'application/octet-stream');
    return c.request({
      method: 'POST',
      url: `/api/v1/hazards/${id}/files?kind=${kind}`,
      payload,
      headers,
    });
  };

  it('records a hazard with a district number, history and audit row', async () => {
    const res = await safety.post('/api/v1/hazards', newHazard());
    expect(res.statusCode).toBe(201);
    const h = res.json<Detail>();
    expect(h.number).toBe('甲-2023-000001');
    expect(h.status).toBe('reported');
    expect(h.plan.missing).toHaveLength(6);
    expect(h.availableActions).toEqual(expect.arrayContaining(['report_to_bureau']));
    expect(h.availableActions).not.toContain('submit_plan');
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'hazard.created',
      entity_id: String(h.id),
    });
    const second = (
      await safety.post('/api/v1/hazards', newHazard({ title: '第二条' }))
    ).json<Detail>();
    expect(second.number).toBe('甲-2023-000002');
  });

  it('refuses bad input, foreign enterprises and origins an enterprise cannot claim', async () => {
    const bad = await safety.post('/api/v1/hazards', newHazard({ level: 'huge', title: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['level', 'title']),
    );
    const noBasis = await safety.post('/api/v1/hazards', newHazard({ noCatalogReason: null }));
    expect(noBasis.json<ErrorBody>().error.fields[0]!.path).toBe('noCatalogReason');
    expect(
      (await safety.post('/api/v1/hazards', newHazard({ enterpriseId: t.enterprises.miningA })))
        .statusCode,
    ).toBe(404);
    const origin = await safety.post('/api/v1/hazards', newHazard({ origin: 'enforcement' }));
    expect(origin.json<ErrorBody>().error.fields[0]!.path).toBe('origin');
    expect((await cityUser.post('/api/v1/hazards', newHazard())).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/hazards')).statusCode).toBe(401);
  });

  it('walks the closed loop: plan gate, leader approval, fix with photo, acceptance, bureau verification', async () => {
    let h = (await safety.post('/api/v1/hazards', newHazard({ title: '闭环测试' }))).json<Detail>();
    const gate = await act(safety, h, 'submit_plan');
    expect(gate.statusCode).toBe(409);
    expect(gate.json<ErrorBody>().error.fields[0]!.message).toContain('五落实');
    expect(gate.json<ErrorBody>().error.allowedActions).not.toContain('submit_plan');

    const badPlan = await safety.request({
      method: 'PUT',
      url: `/api/v1/hazards/${h.id}/plan`,
      payload: { version: h.version, fundsYuan: '12.345' },
    });
    expect(badPlan.json<ErrorBody>().error.fields[0]!.path).toBe('fundsYuan');
    const plan = await safety.request({
      method: 'PUT',
      url: `/api/v1/hazards/${h.id}/plan`,
      payload: {
        version: h.version,
        responsiblePerson: '张工',
        measures: '加装紧急切断阀并联锁',
        fundsYuan: '85000.50',
        fundsSource: '安全生产费用',
        deadline: '2099-08-31',
        emergencyMeasures: '罐区限量储存，专人值守',
      },
    });
    expect(plan.statusCode).toBe(200);
    h = plan.json<Detail>();
    expect(h.plan).toMatchObject({ missing: [], fundsYuan: '85000.50' });
    const stored = await t.db.kysely
      .selectFrom('hazards')
      .select('plan_funds_fen')
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.plan_funds_fen)).toBe(8500050);

    const reported = await act(safety, h, 'report_to_bureau');
    expect(reported.statusCode).toBe(200);
    h = reported.json<Detail>();
    expect(h.selfFoundAndReported).toBe(true);
    h = (await act(safety, h, 'submit_plan')).json<Detail>();
    expect(h.status).toBe('planned');
    expect((await act(safety, h, 'approve_plan')).statusCode).toBe(409);
    expect((await act(inspector, h, 'approve_plan')).statusCode).toBe(409);
    h = (await act(leader, h, 'approve_plan')).json<Detail>();
    expect(h.status).toBe('rectifying');
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'hazard.approve_plan',
      actor_role: 'ent_leader',
    });

    const noPhoto = await act(safety, h, 'submit_fix', {
      description: '已加装',
      attachmentIds: [],
    });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json<ErrorBody>().error.fields[0]!.path).toBe('payload.attachmentIds');
    const photo = await upload(safety, h.id, 'after', 'after.png', pngWithLocation());
    expect(photo.statusCode).toBe(201);
    const photoId = photo.json<{ id: number }>().id;
    h = (await safety.get(`/api/v1/hazards/${h.id}`)).json<Detail>();
    h = (
      await act(safety, h, 'submit_fix', {
        description: '已加装紧急切断阀',
        attachmentIds: [photoId],
      })
    ).json<Detail>();
    expect(h.status).toBe('rectified');

    const early = await act(inspector, h, 'verify', { comment: '现场核查合格' });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.fields[0]!.message).toContain('主要负责人验收');
    h = (await act(leader, h, 'accept_fix')).json<Detail>();
    expect((await act(leader, h, 'verify', { comment: '合格' })).statusCode).toBe(409);
    const rejected = await act(inspector, h, 'reject_fix', { reason: '切断阀未联锁' });
    h = rejected.json<Detail>();
    expect(h.status).toBe('rectifying');
    h = (
      await act(safety, h, 'submit_fix', { description: '已完成联锁', attachmentIds: [photoId] })
    ).json<Detail>();
    h = (await act(leader, h, 'accept_fix')).json<Detail>();
    const verified = await act(inspector, h, 'verify', { comment: '现场核查合格' });
    expect(verified.statusCode).toBe(200);
    h = verified.json<Detail>();
    expect(h.status).toBe('verified');
    expect(h.availableActions).toEqual([]);
    const actions = h.history
      .map((e) => ({ action: e.action as HazardAction | 'created' }))
      .filter((e) => !['edited', 'plan_saved', 'file_added'].includes(e.action));
    expect(foldHistory(actions)).toBe('verified');
  });

  it('refuses a stale version with 409 and makes a repeated request with the same key a no-op', async () => {
    const h = (
      await safety.post(
        '/api/v1/hazards',
        newHazard({ level: 'general', treatment: 'immediate', title: '幂等测试' }),
      )
    ).json<Detail>();
    const first = await act(
      safety,
      h,
      'fix_on_spot',
      { description: '当场整改' },
      'key-abcdef-001',
    );
    expect(first.statusCode).toBe(200);
    const again = await act(
      safety,
      h,
      'fix_on_spot',
      { description: '当场整改' },
      'key-abcdef-001',
    );
    expect(again.statusCode).toBe(200);
    expect(again.json<Detail>().history.filter((e) => e.action === 'fix_on_spot')).toHaveLength(1);
    const stale = await act(safety, h, 'report_to_bureau');
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    const unknown = await safety.request({
      method: 'POST',
      url: `/api/v1/hazards/${h.id}/actions/delete`,
      payload: { version: 1, payload: {} },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('lets a general hazard be closed by the enterprise leader', async () => {
    let h = (
      await safety.post(
        '/api/v1/hazards',
        newHazard({ level: 'general', treatment: 'immediate', title: '一般隐患' }),
      )
    ).json<Detail>();
    h = (await act(safety, h, 'fix_on_spot', { description: '已整改' })).json<Detail>();
    const photo = (await upload(safety, h.id, 'after', 'a.png', pngWithLocation())).json<{
      id: number;
    }>();
    h = (await safety.get(`/api/v1/hazards/${h.id}`)).json<Detail>();
    h = (
      await act(safety, h, 'submit_fix', { description: '已整改', attachmentIds: [photo.id] })
    ).json<Detail>();
    h = (await act(leader, h, 'accept_fix')).json<Detail>();
    h = (await act(leader, h, 'verify', { comment: '验收合格' })).json<Detail>();
    expect(h.status).toBe('verified');
  });

  it('scopes reads: another enterprise and another sector get 404 and see nothing', async () => {
    const h = (
      await safety.post('/api/v1/hazards', newHazard({ title: '范围测试' }))
    ).json<Detail>();
    expect((await otherEnt.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(404);
    expect((await jichu.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(404);
    expect((await act(otherEnt, h, 'report_to_bureau')).statusCode).toBe(404);
    expect((await otherEnt.get('/api/v1/hazards')).json<{ total: number }>().total).toBe(0);
    expect((await jichu.get('/api/v1/hazards')).json<{ total: number }>().total).toBe(0);
    expect((await inspector.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(200);
    expect((await cityUser.get(`/api/v1/hazards/${h.id}`)).statusCode).toBe(200);
    expect(
      (await act(cityUser, h, 'supervise', { supervisionLevel: 'city', reason: '市级督办' }))
        .statusCode,
    ).toBe(403);
  });

  it('checks uploads by content, strips photo location, and serves files only in scope', async () => {
    const h = (
      await safety.post('/api/v1/hazards', newHazard({ title: '附件测试' }))
    ).json<Detail>();
    const fake = await upload(
      safety,
      h.id,
      'before',
      'photo.jpg',
      Buffer.from('<script>alert(1)</script>'),
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json<ErrorBody>().error.fields[0]!.path).toBe('file');
    const big = Buffer.alloc(11 * 1024 * 1024, 0);
    pngWithLocation().copy(big);
    expect((await upload(safety, h.id, 'before', 'big.png', big)).statusCode).toBe(413);
    const ok = await upload(safety, h.id, 'before', '../../etc/passwd.png', pngWithLocation());
    expect(ok.statusCode).toBe(201);
    const file = ok.json<{ id: number; fileName: string }>();
    expect(file.fileName).toBe('passwd.png');
    const download = await safety.get(`/api/v1/hazards/${h.id}/files/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.rawPayload.toString('latin1')).not.toContain('GPSLatitude');
    expect((await otherEnt.get(`/api/v1/hazards/${h.id}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('supervision, dynamic grading and extensions are recorded with reason and actor', async () => {
    let h = (
      await safety.post('/api/v1/hazards', newHazard({ level: 'general', title: '分级测试' }))
    ).json<Detail>();
    expect(
      (await act(safety, h, 'supervise', { supervisionLevel: 'district', reason: '督办' }))
        .statusCode,
    ).toBe(409);
    h = (
      await act(inspector, h, 'change_level', { level: 'major', reason: '复核为重大隐患' })
    ).json<Detail>();
    expect(h.level).toBe('major');
    h = (
      await act(inspector, h, 'supervise', { supervisionLevel: 'district', reason: '区级挂牌督办' })
    ).json<Detail>();
    expect(h.supervisionLevel).toBe('district');
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'hazard.supervise',
      actor_role: 'inspector',
    });
    const supervised = await inspector.get('/api/v1/hazards?supervised=true');
    expect(supervised.json<{ items: { id: number }[] }>().items.map((i) => i.id)).toContain(h.id);
    h = (await act(inspector, h, 'lift_supervision', { reason: '撤销' })).json<Detail>();
    expect(h.supervisionLevel).toBeNull();
  });

  it('derives overdue, counts per status, filters and exports the issue list', async () => {
    const h = (
      await safety.post('/api/v1/hazards', newHazard({ title: '逾期测试' }))
    ).json<Detail>();
    await safety.request({
      method: 'PUT',
      url: `/api/v1/hazards/${h.id}/plan`,
      payload: {
        version: h.version,
        responsiblePerson: '李',
        measures: '整改措施',
        fundsYuan: '100',
        fundsSource: '安全生产费用',
        deadline: '2023-06-30',
        emergencyMeasures: '临时管控',
      },
    });
    const overdue = await inspector.get('/api/v1/hazards?overdue=true&level=major');
    const body = overdue.json<{
      items: { id: number; overdue: boolean }[];
      countsByStatus: Record<string, number>;
    }>();
    expect(body.items.find((i) => i.id === h.id)?.overdue).toBe(true);
    expect(body.countsByStatus.reported).toBeGreaterThan(0);
    expect((await inspector.get('/api/v1/hazards?foundFrom=2023-13-01')).statusCode).toBe(400);
    const todo = await safety.get('/api/v1/hazards/todo');
    expect(
      todo
        .json<{ groups: { key: string; count: number }[] }>()
        .groups.find((g) => g.key === 'overdue')!.count,
    ).toBeGreaterThan(0);

    const exported = await inspector.get('/api/v1/hazards/export?level=major');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...HAZARD_LIST_COLUMNS]);
    const row = ws
      .getRows(2, ws.actualRowCount - 1)!
      .find((r) => r.getCell(5).text.startsWith('逾期测试'))!;
    expect(row.getCell(2).value).toBe('甲区化工企业');
    expect(row.getCell(11).value).toBe('100.00');
    expect(row.getCell(13).text).toContain('逾期');
  });
});
