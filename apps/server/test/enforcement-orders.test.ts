import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  HazardAction,
  OnSiteMeasureView,
  OrderDetail,
  OrderPage,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { findOrderByCode } from '../src/modules/enforcement-orders/order-verify.js';
import { seedEnforcementOrderDemo } from '../src/seed/demo-enforcement-orders.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';

type HazardDetail = {
  id: number;
  number: string;
  status: string;
  version: number;
  deadline: string | null;
};
type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A date `days` from today in China. */
function dayFromToday(days: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A tiny PNG (the after-fix photo a fix needs). */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.alloc(13)),
    chunk('IDAT', Buffer.from('pixels')),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('rectification orders, re-inspections and on-site measures', () => {
  let t: TestContext;
  let zf1: TestClient;
  let zf2: TestClient;
  let zf3: TestClient;
  let zfB: TestClient;
  let jichu: TestClient;
  let safety: TestClient;
  let leader: TestClient;
  let otherEnt: TestClient;
  const ids: Record<string, number> = {};
  const year = Number(todayInChina().slice(0, 4));
  let recordId = 0;
  let draftRecordId = 0;
  const hazards: HazardDetail[] = [];
  let order: OrderDetail;

  const newHazard = (title: string, level: 'major' | 'general') => ({
    enterpriseId: t.enterprises.hazchemA,
    level,
    title,
    description: `${title}：现场检查发现`,
    place: '罐区',
    origin: 'enforcement',
    foundAt: todayInChina(),
    foundBy: '执法人员',
    noCatalogReason: '测试不引用条款',
    treatment: 'deadline',
  });

  /** Inserts an inspection record as the inspections module would leave it. */
  async function insertRecord(status: string, findingHazardIds: number[], recordNo: string) {
    const at = nowIso();
    const inspectors = [
      { userId: ids.zf1!, name: '耿建', certificateNo: 'ZF-001' },
      { userId: ids.zf2!, name: '阮飞', certificateNo: 'ZF-002' },
    ];
    const { id } = await t.db.kysely
      .insertInto('inspection_records')
      .values({
        record_no: recordNo,
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        sector: 'hazchem',
        plan_id: null,
        plan_target_id: null,
        origin: 'enforcement',
        started_at: `${todayInChina()}T01:00:00.000Z`,
        ended_at: `${todayInChina()}T03:00:00.000Z`,
        place: '罐区、装卸站台',
        content: JSON.stringify({ inspectors, findings: [], checklist: [] }),
        scorecard: null,
        status,
        canonical_text: status === 'signed' ? 'HL-INSPECTION-V1\n{}' : null,
        content_hash: status === 'signed' ? crypto.randomBytes(32).toString('hex') : null,
        supersedes_record_id: null,
        superseded_by_record_id: null,
        signed_at: status === 'signed' ? at : null,
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledged_by_name: null,
        created_at: at,
        created_by: ids.zf1!,
        created_by_name: '耿建',
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rid = Number(id);
    for (const [k, hazardId] of findingHazardIds.entries()) {
      const h = await t.db.kysely
        .selectFrom('hazards')
        .select('level')
        .where('id', '=', hazardId)
        .executeTakeFirstOrThrow();
      await t.db.kysely
        .insertInto('inspection_record_findings')
        .values({
          record_id: rid,
          seq: k + 1,
          hazard_id: hazardId,
          linked: 0,
          catalog_item_code: null,
          level: h.level,
          no_penalty: null,
          penalty_decision: null,
          penalty_note: null,
          created_at: at,
        })
        .execute();
    }
    return rid;
  }

  const hazard = async (id: number) =>
    (await zf1.get(`/api/v1/hazards/${id}`)).json<HazardDetail>();
  const act = async (c: TestClient, id: number, action: HazardAction, payload = {}) => {
    const h = await hazard(id);
    const res = await c.request({
      method: 'POST',
      url: `/api/v1/hazards/${id}/actions/${action}`,
      payload: { version: h.version, payload },
    });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  };

  /** Takes a major hazard through the enterprise's side of the loop up to a submitted fix. */
  async function enterpriseFixes(id: number, leaderAccepts: boolean) {
    const h = await hazard(id);
    const plan = await safety.request({
      method: 'PUT',
      url: `/api/v1/hazards/${id}/plan`,
      payload: {
        version: h.version,
        responsiblePerson: '张工',
        measures: '加装紧急切断阀并联锁',
        fundsYuan: '8000.00',
        fundsSource: '安全生产费用',
        deadline: h.deadline ?? dayFromToday(10),
        emergencyMeasures: '限量储存，专人值守',
      },
    });
    expect(plan.statusCode, plan.body).toBe(200);
    await act(safety, id, 'submit_plan');
    await act(leader, id, 'approve_plan');
    const { payload, headers } = multipartFile('after.png', png(), 'image/png');
    const photo = await safety.request({
      method: 'POST',
      url: `/api/v1/hazards/${id}/files?kind=after`,
      payload,
      headers,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    await act(safety, id, 'submit_fix', {
      description: '已整改',
      attachmentIds: [photo.json<{ id: number }>().id],
    });
    if (leaderAccepts) await act(leader, id, 'accept_fix');
  }

  beforeAll(async () => {
    t = await createTestContext();
    const user = async (
      username: string,
      spec: Omit<Parameters<TestContext['createUser']>[0], 'username'>,
      certificateNo?: string,
    ) => {
      ids[username] = await t.createUser({ username, ...spec });
      if (certificateNo) {
        await t.db.kysely
          .updateTable('users')
          .set({ certificate_no: certificateNo })
          .where('id', '=', ids[username])
          .execute();
      }
    };
    const sectors = ['hazchem', 'fireworks'] as const;
    await user(
      'zf1',
      { role: 'inspector', orgUnitId: t.org.brigadeA, sectors: [...sectors], displayName: '耿建' },
      'ZF-001',
    );
    await user(
      'zf2',
      { role: 'inspector', orgUnitId: t.org.brigadeA, sectors: [...sectors], displayName: '阮飞' },
      'ZF-002',
    );
    await user('zf3', {
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: [...sectors],
      displayName: '无证',
    });
    await user(
      'zfB',
      { role: 'inspector', orgUnitId: t.org.officeWeihuaB, sectors: [...sectors] },
      'ZF-B01',
    );
    await user(
      'jichu',
      { role: 'office', orgUnitId: t.org.officeJichuA, sectors: ['mining', 'industry'] },
      'ZF-J01',
    );
    await user('safety', {
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
      displayName: '刘安',
    });
    await user('leader', {
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
      displayName: '张恒',
    });
    await user('other', {
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    zf1 = await t.login('zf1');
    zf2 = await t.login('zf2');
    zf3 = await t.login('zf3');
    zfB = await t.login('zfB');
    jichu = await t.login('jichu');
    safety = await t.login('safety');
    leader = await t.login('leader');
    otherEnt = await t.login('other');
    for (const [title, level] of [
      ['液氨罐区紧急切断阀未投用', 'major'],
      ['装卸站台静电接地报警仪故障', 'general'],
      ['反应釜未设超温联锁', 'major'],
      ['记录以外的隐患', 'major'],
    ] as const) {
      const res = await zf1.post('/api/v1/hazards', newHazard(title, level));
      expect(res.statusCode, res.body).toBe(201);
      hazards.push(res.json<HazardDetail>());
    }
    recordId = await insertRecord(
      'signed',
      hazards.slice(0, 3).map((h) => h.id),
      `甲应急检〔${year}〕0001号`,
    );
    draftRecordId = await insertRecord('draft', [hazards[3]!.id], `甲应急检〔${year}〕0002号`);
  });
  afterAll(async () => t.close());

  const issueBody = (over: Record<string, unknown> = {}) => ({
    inspectionRecordId: recordId,
    deadline: dayFromToday(15),
    items: hazards.slice(0, 3).map((h) => ({ hazardId: h.id, requirement: `整改：${h.number}` })),
    ...over,
  });

  it('issues an order only from a signed record, only for its hazards, by its inspectors', async () => {
    expect((await t.anonymous.post('/api/v1/enforcement-orders', issueBody())).statusCode).toBe(
      401,
    );
    expect((await safety.post('/api/v1/enforcement-orders', issueBody())).statusCode).toBe(403);
    const bad = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({ deadline: '明天', items: [] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['deadline', 'items']),
    );

    const draft = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({
        inspectionRecordId: draftRecordId,
        items: [{ hazardId: hazards[3]!.id, requirement: '整改到位' }],
      }),
    );
    expect(draft.statusCode).toBe(409);
    expect(draft.json<ErrorBody>().error.fields[0]!.message).toContain('已签名');

    const foreignHazard = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({ items: [{ hazardId: hazards[3]!.id, requirement: '整改到位' }] }),
    );
    expect(foreignHazard.statusCode).toBe(400);
    expect(foreignHazard.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'items.0.hazardId',
      message: '该隐患不是本检查记录发现的问题',
    });

    const past = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({ deadline: dayFromToday(-1) }),
    );
    expect(past.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'deadline',
      message: '整改期限不能早于签发日期',
    });

    const notMine = await zf3.post('/api/v1/enforcement-orders', issueBody());
    expect(notMine.statusCode).toBe(403);
    expect((await jichu.post('/api/v1/enforcement-orders', issueBody())).statusCode).toBe(404);
    expect((await zfB.post('/api/v1/enforcement-orders', issueBody())).statusCode).toBe(404);

    const res = await zf2.post('/api/v1/enforcement-orders', issueBody());
    expect(res.statusCode, res.body).toBe(201);
    order = res.json<OrderDetail>();
    expect(order.orderNo).toBe(`甲应急责改〔${year}〕0001号`);
    expect(order).toMatchObject({
      status: 'issued',
      deadline: dayFromToday(15),
      issuedOn: todayInChina(),
      recordNo: `甲应急检〔${year}〕0001号`,
      hazardCount: 3,
      overdue: false,
      issuedByName: '阮飞',
      availableActions: ['reinspect'],
    });
    expect(order.basis).toContain('第六十五条');
    expect(order.inspectors.map((i) => i.certificateNo)).toEqual(['ZF-001', 'ZF-002']);
    expect(order.items.map((i) => [i.seq, i.findingSeq, i.hazardNumber])).toEqual(
      hazards.slice(0, 3).map((h, k) => [k + 1, k + 1, h.number]),
    );
    const stored = await t.db.kysely
      .selectFrom('enforcement_orders')
      .select(['canonical_text', 'verification_code'])
      .where('id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(stored.canonical_text.startsWith('HL-ORDER-V1\n')).toBe(true);
    expect(order.verificationCode).toBe(
      crypto.createHash('sha256').update(stored.canonical_text).digest('hex'),
    );
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enforcement_order.issued')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_id: String(order.id), actor_id: ids.zf2 });

    // The hazards, still being registered, take the order's deadline through their plan edit.
    for (const h of hazards.slice(0, 3))
      expect((await hazard(h.id)).deadline).toBe(dayFromToday(15));

    const again = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({ items: [{ hazardId: hazards[0]!.id, requirement: '再次责令' }] }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.fields[0]!.message).toContain(order.orderNo);
  });

  it('offers the signed records and their hazards, and the certified inspectors', async () => {
    const records = await zf1.get(
      `/api/v1/enforcement-orders/issuable-records?enterpriseId=${t.enterprises.hazchemA}`,
    );
    expect(records.statusCode).toBe(200);
    const list =
      records.json<{ id: number; mine: boolean; findings: { openOrderNo: string | null }[] }[]>();
    expect(list.map((r) => r.id)).toEqual([recordId]);
    expect(list[0]!.mine).toBe(true);
    expect(list[0]!.findings.map((f) => f.openOrderNo)).toEqual([
      order.orderNo,
      order.orderNo,
      order.orderNo,
    ]);
    expect(
      (
        await zf3.get(
          `/api/v1/enforcement-orders/issuable-records?enterpriseId=${t.enterprises.hazchemA}`,
        )
      ).json<{ mine: boolean }[]>()[0]!.mine,
    ).toBe(false);
    expect(
      (
        await jichu.get(
          `/api/v1/enforcement-orders/issuable-records?enterpriseId=${t.enterprises.hazchemA}`,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await safety.get(
          `/api/v1/enforcement-orders/issuable-records?enterpriseId=${t.enterprises.hazchemA}`,
        )
      ).statusCode,
    ).toBe(403);
    const options = (await zf1.get('/api/v1/enforcement-orders/inspector-options')).json<
      { userId: number }[]
    >();
    expect(options.map((o) => o.userId).sort()).toEqual([ids.zf1, ids.zf2, ids.jichu].sort());
  });

  it('scopes orders: foreign enterprises, sectors and districts read 404 and list nothing', async () => {
    const url = `/api/v1/enforcement-orders/${order.id}`;
    expect((await otherEnt.get(url)).statusCode).toBe(404);
    expect((await jichu.get(url)).statusCode).toBe(404);
    expect((await zfB.get(url)).statusCode).toBe(404);
    expect((await otherEnt.get(`${url}/pdf`)).statusCode).toBe(404);
    expect((await otherEnt.post(`${url}/acknowledge`, { version: 1 })).statusCode).toBe(404);
    for (const c of [otherEnt, jichu, zfB])
      expect((await c.get('/api/v1/enforcement-orders')).json<OrderPage>().total).toBe(0);
    const own = (await safety.get('/api/v1/enforcement-orders')).json<OrderPage>();
    expect(own.items.map((o) => o.id)).toEqual([order.id]);
    expect((await safety.get(url)).json<OrderDetail>().availableActions).toEqual(['acknowledge']);
  });

  it('lets the enterprise acknowledge receipt once, refusing stale versions', async () => {
    const url = `/api/v1/enforcement-orders/${order.id}/acknowledge`;
    expect((await zf1.post(url, { version: order.version })).statusCode).toBe(403);
    expect((await safety.post(url, {})).statusCode).toBe(400);
    const stale = await safety.post(url, { version: order.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    const res = await safety.post(url, { version: order.version });
    expect(res.statusCode, res.body).toBe(200);
    order = res.json<OrderDetail>();
    expect(order).toMatchObject({
      status: 'acknowledged',
      acknowledgedByName: '刘安',
      availableActions: [],
    });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'enforcement_order.acknowledged',
      entity_id: String(order.id),
      actor_id: ids.safety,
    });
    const twice = await leader.post(url, { version: order.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().error.fields[0]!.message).toBe('企业已签收该指令书');
  });

  it('lists orders by status and overdue with counts', async () => {
    const list = (
      await zf1.get('/api/v1/enforcement-orders?status=acknowledged')
    ).json<OrderPage>();
    expect(list.items.map((o) => o.orderNo)).toEqual([order.orderNo]);
    expect(list.counts).toMatchObject({ issued: 0, acknowledged: 1, reinspected: 0, overdue: 0 });
    expect(
      (await zf1.get('/api/v1/enforcement-orders?status=overdue')).json<OrderPage>().total,
    ).toBe(0);
    expect(
      (await zf1.get('/api/v1/enforcement-orders?q=%E5%8C%96%E5%B7%A5')).json<OrderPage>().total,
    ).toBe(1);
    expect((await zf1.get('/api/v1/enforcement-orders?status=late')).statusCode).toBe(400);
  });

  it('refuses re-inspections without two certified inspectors, the recorder among them, or early without a reason', async () => {
    const url = `/api/v1/enforcement-orders/${order.id}/reinspection`;
    const body = (over: Record<string, unknown> = {}) => ({
      version: order.version,
      reinspectedOn: todayInChina(),
      inspectorUserIds: [ids.zf1, ids.zf2],
      items: hazards.slice(0, 3).map((h) => ({ hazardId: h.id, result: 'rectified' })),
      opinion: '经复查，已按指令书要求整改。',
      earlyReason: '企业申请提前复查',
      ...over,
    });
    const one = await zf1.post(url, body({ inspectorUserIds: [ids.zf1] }));
    expect(one.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'inspectorUserIds',
      message: '复查须有两名以上执法人员',
    });
    const uncertified = await zf1.post(url, body({ inspectorUserIds: [ids.zf1, ids.zf3] }));
    expect(uncertified.statusCode).toBe(400);
    expect(uncertified.json<ErrorBody>().error.fields[0]!.message).toBe(
      '无证没有执法证号，不能参加复查',
    );
    const notAmong = await zf3.post(url, body());
    expect(notAmong.json<ErrorBody>().error.fields[0]!.message).toContain('复查执法人员之一');
    const enterpriseUser = await zf1.post(url, body({ inspectorUserIds: [ids.zf1, ids.safety] }));
    expect(enterpriseUser.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'inspectorUserIds.1',
    });
    const early = await zf1.post(url, body({ earlyReason: null }));
    expect(early.json<ErrorBody>().error.fields[0]!.path).toBe('earlyReason');
    const missing = await zf1.post(
      url,
      body({ items: [{ hazardId: hazards[0]!.id, result: 'rectified' }] }),
    );
    expect(missing.json<ErrorBody>().error.fields[0]!.path).toBe('items');
    const noNote = await zf1.post(
      url,
      body({ items: hazards.slice(0, 3).map((h) => ({ hazardId: h.id, result: 'persisting' })) }),
    );
    expect(noNote.json<ErrorBody>().error.fields[0]!.message).toBe('整改不到位的须说明存在的问题');
    const stale = await zf1.post(url, body({ version: order.version + 1 }));
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    expect((await safety.post(url, body())).statusCode).toBe(403);
    expect((await zfB.post(url, body())).statusCode).toBe(404);
    // Nothing was recorded and no hazard moved.
    expect(
      (await zf1.get(`/api/v1/enforcement-orders/${order.id}`)).json<OrderDetail>().status,
    ).toBe('acknowledged');
  });

  it('re-inspects: verifies the rectified hazard, explains the one the ledger cannot verify, keeps the persisting one open', async () => {
    const [fixed, unfixed, persisting] = hazards as [HazardDetail, HazardDetail, HazardDetail];
    await enterpriseFixes(fixed.id, true);
    await enterpriseFixes(persisting.id, false);
    expect((await hazard(persisting.id)).status).toBe('rectified');

    // All or nothing: a re-inspection refused at the end (stale order version) verifies no
    // hazard — the ledger actions commit in the re-inspection's own transaction.
    const stale = await zf1.post(`/api/v1/enforcement-orders/${order.id}/reinspection`, {
      version: order.version + 1,
      reinspectedOn: todayInChina(),
      inspectorUserIds: [ids.zf2, ids.zf1],
      items: [
        { hazardId: fixed.id, result: 'rectified', note: '紧急切断阀已投用并联锁' },
        { hazardId: unfixed.id, result: 'rectified', note: '报警仪已更换' },
        { hazardId: persisting.id, result: 'persisting', note: '超温联锁仍未投用' },
      ],
      opinion: '第1、2项已整改；第3项整改不到位。',
      earlyReason: '企业申请提前复查',
    });
    expect(stale.statusCode).toBe(409);
    expect((await hazard(fixed.id)).status).toBe('rectified');
    expect((await hazard(persisting.id)).status).toBe('rectified');

    const res = await zf1.post(`/api/v1/enforcement-orders/${order.id}/reinspection`, {
      version: order.version,
      reinspectedOn: todayInChina(),
      inspectorUserIds: [ids.zf2, ids.zf1],
      items: [
        { hazardId: fixed.id, result: 'rectified', note: '紧急切断阀已投用并联锁' },
        { hazardId: unfixed.id, result: 'rectified', note: '报警仪已更换' },
        { hazardId: persisting.id, result: 'persisting', note: '超温联锁仍未投用' },
      ],
      opinion: '第1、2项已整改；第3项整改不到位。',
      earlyReason: '企业申请提前复查',
    });
    expect(res.statusCode, res.body).toBe(200);
    order = res.json<OrderDetail>();
    expect(order.status).toBe('reinspected');
    expect(order.persistingCount).toBe(1);
    const r = order.reinspection!;
    expect(r.opinionNo).toBe(`甲应急复查〔${year}〕0001号`);
    expect(r.inspectors.map((i) => i.name)).toEqual(['阮飞', '耿建']);
    expect(r.items.map((i) => [i.hazardId, i.outcome, i.hazardStatus])).toEqual([
      [fixed.id, 'verified', 'verified'],
      [unfixed.id, 'rectified_pending', 'reported'],
      [persisting.id, 'persisting', 'rectifying'],
    ]);
    expect(r.items[1]!.explanation).toContain('当前状态“已登记”不能执行“验收销号”');

    // The ledger: verified through the hazard workflow by the recorder; the persisting one went
    // back from 已整改待验收 to 整改中 and stays open.
    expect((await hazard(fixed.id)).status).toBe('verified');
    expect((await hazard(persisting.id)).status).toBe('rectifying');
    const verifyAudit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'hazard.verify')
      .where('entity_id', '=', String(fixed.id))
      .executeTakeFirstOrThrow();
    expect(verifyAudit.actor_id).toBe(ids.zf1);
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'enforcement_order.reinspected',
      entity_id: String(order.id),
    });
    const stored = await t.db.kysely
      .selectFrom('enforcement_reinspections')
      .select('canonical_text')
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    expect(r.verificationCode).toBe(
      crypto.createHash('sha256').update(stored.canonical_text).digest('hex'),
    );

    const again = await zf2.post(`/api/v1/enforcement-orders/${order.id}/reinspection`, {
      version: order.version,
      reinspectedOn: todayInChina(),
      inspectorUserIds: [ids.zf1, ids.zf2],
      items: [{ hazardId: fixed.id, result: 'rectified' }],
      opinion: '再次复查',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.allowedActions).toEqual([]);

    // The hazards of a re-inspected order can be ordered again (the persisting one).
    const counts = (await zf1.get('/api/v1/enforcement-orders')).json<OrderPage>().counts;
    expect(counts).toMatchObject({ reinspected: 1, acknowledged: 0 });
  });

  it.skipIf(!hasPdftotext)(
    'prints the order and the re-inspection opinion as PDF with verification codes',
    async () => {
      const text = async (url: string) => {
        const res = await safety.get(url);
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        expect(res.headers['content-type']).toContain('application/pdf');
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-order-pdf-'));
        const file = path.join(dir, 'doc.pdf');
        fs.writeFileSync(file, res.rawPayload);
        try {
          return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      };
      const o = await text(`/api/v1/enforcement-orders/${order.id}/pdf`);
      for (const s of [
        '甲区应急管理局',
        '责令限期整改指令书',
        order.orderNo,
        '甲区化工企业：',
        hazards[0]!.number,
        '液氨罐区紧急切断阀未投用',
        `整改：${hazards[0]!.number}`,
        '第六十五条',
        '第一百零二条',
        '耿建（执法证号：ZF-001）',
        '阮飞（执法证号：ZF-002）',
        '被检查单位负责人（签收）：刘安',
        order.verificationCode,
        `/verify/${order.verificationCode}`,
      ]) {
        expect(o).toContain(s.replace(/\s+/g, ''));
      }
      const [y, m, d] = order.deadline.split('-').map(Number);
      expect(o).toContain(`${y}年${m}月${d}日前整改完毕`);

      const r = await text(`/api/v1/enforcement-orders/${order.id}/reinspection/pdf`);
      for (const s of [
        '整改复查意见书',
        order.reinspection!.opinionNo,
        order.orderNo,
        '已整改，验收销号',
        '已整改，待台账验收',
        '整改不到位',
        '超温联锁仍未投用',
        '提前复查理由：企业申请提前复查',
        order.reinspection!.verificationCode,
      ]) {
        expect(r).toContain(s);
      }
    },
  );

  it('answers verification codes of orders and opinions for the public verify endpoint', async () => {
    expect(await findOrderByCode(t.db.kysely, order.verificationCode)).toEqual({
      kind: 'order',
      number: order.orderNo,
      enterpriseName: '甲区化工企业',
      date: todayInChina(),
      inspectors: [
        { name: '耿建', certificateNo: 'ZF-001' },
        { name: '阮飞', certificateNo: 'ZF-002' },
      ],
    });
    expect(
      await findOrderByCode(t.db.kysely, order.reinspection!.verificationCode.toUpperCase()),
    ).toMatchObject({
      kind: 'reinspection',
      number: order.reinspection!.opinionNo,
    });
    expect(await findOrderByCode(t.db.kysely, '0'.repeat(64))).toBeUndefined();
    expect(await findOrderByCode(t.db.kysely, 'not-a-code')).toBeUndefined();
  });

  it('has no re-inspection PDF before the re-inspection; an order past its deadline is overdue', async () => {
    const res = await zf1.post(
      '/api/v1/enforcement-orders',
      issueBody({
        items: [{ hazardId: hazards[2]!.id, requirement: '投用超温联锁' }],
        deadline: todayInChina(),
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const second = res.json<OrderDetail>();
    expect(second.orderNo).toBe(`甲应急责改〔${year}〕0002号`);
    // Its hazard, past registration, now follows the order's earlier deadline through the
    // hazard workflow (责令限期整改), with the order number in its history.
    expect(second.items[0]!.hazardDeadline).toBe(todayInChina());
    const ordered = await t.db.kysely
      .selectFrom('hazard_events')
      .select(['action', 'reason'])
      .where('hazard_id', '=', hazards[2]!.id)
      .where('action', '=', 'order_deadline')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(ordered.reason).toBe(`责令限期整改（${second.orderNo}）`);
    expect(
      (await zf1.get(`/api/v1/enforcement-orders/${second.id}/reinspection/pdf`)).statusCode,
    ).toBe(404);
    await t.db.kysely
      .updateTable('enforcement_orders')
      .set({ deadline: dayFromToday(-1), issued_on: dayFromToday(-5) })
      .where('id', '=', second.id)
      .execute();
    const overdue = (await zf1.get('/api/v1/enforcement-orders?status=overdue')).json<OrderPage>();
    expect(overdue.items.map((o) => [o.id, o.overdue])).toEqual([[second.id, true]]);
    expect(overdue.counts.overdue).toBe(1);
  });

  describe('on-site measures', () => {
    let measure: OnSiteMeasureView;
    const impose = (c: TestClient, over: Record<string, unknown> = {}) =>
      c.post('/api/v1/on-site-measures', {
        kind: 'stop_use',
        enterpriseId: t.enterprises.hazchemA,
        inspectionRecordId: recordId,
        hazardId: null,
        subject: '2号液氨储罐及其进出料泵',
        imposedOn: todayInChina(),
        ...over,
      });

    it('are imposed by inspectors with scope, date and basis, linked to a record', async () => {
      expect((await safety.post('/api/v1/on-site-measures', {})).statusCode).toBe(403);
      expect((await impose(jichu)).statusCode).toBe(404);
      const bad = await impose(zf1, { subject: '', kind: 'close' });
      expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(
        expect.arrayContaining(['subject', 'kind']),
      );
      expect(
        (await impose(zf1, { imposedOn: dayFromToday(1) })).json<ErrorBody>().error.fields[0]!.path,
      ).toBe('imposedOn');
      expect(
        (await impose(zf1, { liftedOn: todayInChina() })).json<ErrorBody>().error.fields[0]!.path,
      ).toBe('liftedOn');
      const general = await impose(zf1, { hazardId: hazards[1]!.id });
      expect(general.json<ErrorBody>().error.fields[0]!.message).toContain('重大事故隐患');
      const foreignEnterprise = await impose(zf1, { enterpriseId: t.enterprises.miningA });
      expect(foreignEnterprise.statusCode).toBe(404);

      const res = await impose(zf1);
      expect(res.statusCode, res.body).toBe(201);
      measure = res.json<OnSiteMeasureView>();
      expect(measure).toMatchObject({
        documentNo: `甲应急现决〔${year}〕0001号`,
        basis: '《安全生产法》第六十五条第一款第（三）项',
        active: true,
        canLift: true,
        recordNo: `甲应急检〔${year}〕0001号`,
        imposedByName: '耿建',
      });
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'on_site_measure.imposed',
        entity_id: String(measure.id),
      });
    });

    it('are lifted once after review, not while the linked major hazard is unfixed', async () => {
      const linked = (
        await impose(zf2, {
          kind: 'suspend_operations',
          hazardId: hazards[2]!.id,
          subject: '反应釜所在二车间',
        })
      ).json<OnSiteMeasureView>();
      const url = (m: OnSiteMeasureView) => `/api/v1/on-site-measures/${m.id}/lift`;
      const review = { liftedOn: todayInChina(), liftNote: '经审查，隐患已排除，同意恢复使用' };
      const unfixed = await zf1.post(url(linked), { version: linked.version, ...review });
      expect(unfixed.statusCode).toBe(409);
      expect(unfixed.json<ErrorBody>().error.fields[0]!.message).toContain('尚未整改完成');

      expect(
        (
          await zf1.post(url(measure), {
            version: measure.version,
            liftedOn: dayFromToday(-1),
            liftNote: '同意',
          })
        ).json<ErrorBody>().error.fields[0]!.message,
      ).toBe('解除日期不能早于采取措施日期');
      expect(
        (
          await zf1.post(url(measure), {
            version: measure.version,
            liftedOn: todayInChina(),
            liftNote: '',
          })
        ).statusCode,
      ).toBe(400);
      expect(
        (
          await zf1.post(url(measure), { version: measure.version + 1, ...review })
        ).json<ErrorBody>().error.code,
      ).toBe('STALE_VERSION');
      expect(
        (await safety.post(url(measure), { version: measure.version, ...review })).statusCode,
      ).toBe(403);
      expect(
        (await zfB.post(url(measure), { version: measure.version, ...review })).statusCode,
      ).toBe(404);

      const res = await zf1.post(url(measure), { version: measure.version, ...review });
      expect(res.statusCode, res.body).toBe(200);
      const lifted = res.json<OnSiteMeasureView>();
      expect(lifted).toMatchObject({
        active: false,
        canLift: false,
        liftedByName: '耿建',
        liftNote: review.liftNote,
        liftedOn: todayInChina(),
      });
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'on_site_measure.lifted',
        entity_id: String(measure.id),
      });
      expect(
        (await zf1.post(url(measure), { version: lifted.version, ...review })).json<ErrorBody>()
          .error.fields[0]!.message,
      ).toBe('该措施已解除');

      // Active ones first; the enterprise sees its own, others nothing.
      const list = (await safety.get('/api/v1/on-site-measures')).json<{
        items: OnSiteMeasureView[];
        total: number;
      }>();
      expect(list.items.map((m) => [m.id, m.active, m.canLift])).toEqual([
        [linked.id, true, false],
        [measure.id, false, false],
      ]);
      const active = (
        await zf1.get(`/api/v1/on-site-measures?enterpriseId=${t.enterprises.hazchemA}&active=true`)
      ).json<{ total: number }>();
      expect(active.total).toBe(1);
      expect((await otherEnt.get('/api/v1/on-site-measures')).json<{ total: number }>().total).toBe(
        0,
      );
      expect((await otherEnt.get(`/api/v1/on-site-measures/${measure.id}`)).statusCode).toBe(404);
    });
  });
});

describe('demo seed of orders and on-site measures', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => t.close());

  it('does nothing without a signed record; otherwise issues an order due in 15 days and stops a piece of equipment', async () => {
    await seedEnforcementOrderDemo(t.db, t.app.audit, t.config);
    expect(
      await t.db.kysely.selectFrom('on_site_measures').select('id').executeTakeFirst(),
    ).toBeUndefined();

    const zf = await t.createUser({
      username: 'demozf',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
      displayName: '耿建',
    });
    const inspector = await t.login('demozf');
    const created = await inspector.post('/api/v1/hazards', {
      enterpriseId: t.enterprises.hazchemA,
      level: 'major',
      title: '液氨罐区紧急切断阀未投用',
      description: '现场检查发现',
      place: '罐区',
      origin: 'enforcement',
      foundAt: todayInChina(),
      foundBy: '执法人员',
      noCatalogReason: '测试不引用条款',
      treatment: 'deadline',
    });
    const hazardId = created.json<{ id: number }>().id;
    const at = nowIso();
    const { id } = await t.db.kysely
      .insertInto('inspection_records')
      .values({
        record_no: '甲应急检〔2026〕0009号',
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        sector: 'hazchem',
        plan_id: null,
        plan_target_id: null,
        origin: 'enforcement',
        started_at: at,
        ended_at: at,
        place: '罐区',
        content: JSON.stringify({
          inspectors: [
            { userId: zf, name: '耿建', certificateNo: 'ZF-001' },
            { userId: zf + 1000, name: '阮飞', certificateNo: 'ZF-002' },
          ],
        }),
        scorecard: null,
        status: 'signed',
        canonical_text: 'HL-INSPECTION-V1\n{}',
        content_hash: 'a'.repeat(64),
        supersedes_record_id: null,
        superseded_by_record_id: null,
        signed_at: at,
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledged_by_name: null,
        created_at: at,
        created_by: zf,
        created_by_name: '耿建',
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('inspection_record_findings')
      .values({
        record_id: Number(id),
        seq: 1,
        hazard_id: hazardId,
        linked: 0,
        catalog_item_code: null,
        level: 'major',
        no_penalty: null,
        penalty_decision: null,
        penalty_note: null,
        created_at: at,
      })
      .execute();

    await seedEnforcementOrderDemo(t.db, t.app.audit, t.config);
    const orders = (await inspector.get('/api/v1/enforcement-orders')).json<OrderPage>();
    expect(orders.items).toHaveLength(1);
    const d = new Date(`${todayInChina()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 15);
    expect(orders.items[0]).toMatchObject({
      deadline: d.toISOString().slice(0, 10),
      status: 'issued',
      hazardCount: 1,
    });
    const measures = (await inspector.get('/api/v1/on-site-measures?active=true')).json<{
      items: OnSiteMeasureView[];
    }>();
    expect(measures.items.map((m) => [m.kind, m.hazardId, m.active])).toEqual([
      ['stop_use', hazardId, true],
    ]);

    // A second run changes nothing.
    await seedEnforcementOrderDemo(t.db, t.app.audit, t.config);
    expect((await inspector.get('/api/v1/enforcement-orders')).json<OrderPage>().total).toBe(1);
  });
});
