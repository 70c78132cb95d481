import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  createEnterpriseSchema,
  creditCodeCheckChar,
  type EnforcementMeasureView,
  leaderBanEnd,
  type PenaltyCaseDetail,
  type PenaltyCaseListItem,
  publicationDeadline,
  type RepeatOffenderRow,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { tinyPdf } from '../src/modules/duty-records/tiny-pdf.js';
import {
  enterpriseColumns,
  insertEnterprise,
  insertPerson,
} from '../src/modules/enterprises/enterprises.repository.js';
import { findDecisionByCode } from '../src/modules/penalties/penalty-decision-pdf.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';
import { multipartFile } from './multipart.js';

type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};
type Page<T> = { items: T[]; total: number };

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const api = '/api/v1';
const LEADER_NEEDED =
  '案件涉及未消除的重大事故隐患，须同时对主要负责人作出处罚决定（一案双罚），或记录不予处罚的理由';

describe('penalty cases, measures and repeat offenders', () => {
  let t: TestContext;
  let zhifa: TestClient;
  let admin: TestClient;
  let zhifaB: TestClient;
  let weihua: TestClient;
  let entMine: TestClient;
  let entChem: TestClient;
  const today = todayInChina();
  let decisionSeq = 0;

  const addEnterprise = async (name: string, code: string, sector = 'mining') => {
    const at = nowIso();
    return insertEnterprise(t.db.kysely, {
      ...enterpriseColumns(
        createEnterpriseSchema.parse({
          name,
          creditCode: code + creditCodeCheckChar(code)!,
          sector,
          subType: sector === 'mining' ? 'underground' : 'production',
          orgUnitId: t.org.districtA,
        }),
      ),
      created_at: at,
      updated_at: at,
      version: 1,
    });
  };

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    const all = ['hazchem', 'fireworks', 'mining', 'industry'] as const;
    await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: [...all],
    });
    await t.createUser({ username: 'admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'zhifab',
      role: 'inspector',
      orgUnitId: t.org.districtB,
      sectors: [...all],
    });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'ent_mine',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    await t.createUser({
      username: 'ent_chem',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    await insertPerson(
      t.db.kysely,
      t.enterprises.miningA,
      {
        kind: 'main_leader',
        name: '孙矿',
        position: '总经理',
        phone: null,
        idNumber: null,
        assessed: true,
        specialty: null,
      },
      nowIso(),
    );
    zhifa = await t.login('zhifa');
    admin = await t.login('admin');
    zhifaB = await t.login('zhifab');
    weihua = await t.login('weihua');
    entMine = await t.login('ent_mine');
    entChem = await t.login('ent_chem');
  });
  afterAll(async () => t.close());

  const newHazard = async (enterpriseId: number, over: Record<string, unknown> = {}) => {
    const res = await zhifa.post(`${api}/hazards`, {
      enterpriseId,
      level: 'major',
      title: '排土场边坡超高未治理',
      description: '排土场最终边坡高度超过设计值，未采取削坡措施。',
      origin: 'enforcement',
      foundAt: today,
      foundBy: '耿建',
      noCatalogReason: '测试隐患',
      treatment: 'deadline',
      ...over,
    });
    if (res.statusCode !== 201) throw new Error(`hazard: ${res.statusCode} ${res.body}`);
    return res.json<{ id: number }>().id;
  };

  const fileCase = async (body: Record<string, unknown>, client = zhifa) => {
    const res = await client.post(`${api}/penalty-cases`, {
      matter: '未采取措施消除重大事故隐患',
      filedOn: today,
      ...body,
    });
    if (res.statusCode !== 201) throw new Error(`file: ${res.statusCode} ${res.body}`);
    return res.json<PenaltyCaseDetail>();
  };

  const actRaw = (
    c: { id: number; version: number },
    action: string,
    payload: unknown,
    client = zhifa,
  ) =>
    client.post(`${api}/penalty-cases/${c.id}/actions/${action}`, { version: c.version, payload });

  const step = async (
    c: { id: number; version: number },
    action: string,
    payload: unknown = {},
    client = zhifa,
  ) => {
    const res = await actRaw(c, action, payload, client);
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.statusCode} ${res.body}`);
    return res.json<PenaltyCaseDetail>();
  };

  const entParty = (name: string, amountYuan = 30_000) => ({
    kind: 'enterprise',
    name,
    basis: 'aqsf_102',
    amountFen: amountYuan * 100,
    decisionNo: `甲应急罚〔2026〕${++decisionSeq}号`,
  });
  const leaderParty = (amountYuan = 30_000) => ({
    kind: 'main_leader',
    name: '孙矿',
    position: '总经理',
    basis: 'aqsf_94',
    amountFen: amountYuan * 100,
    decisionNo: `甲应急罚〔2026〕${++decisionSeq}号`,
  });

  /** A case taken to 告知 with its parties (enterprise and, by default, the leader). */
  const notifiedCase = async (
    enterpriseId: number,
    opts: { decisionDate?: string; hazardIds?: number[]; withLeader?: boolean; name?: string } = {},
  ) => {
    const decisionDate = opts.decisionDate ?? today;
    const hazardIds = opts.hazardIds ?? [
      await newHazard(enterpriseId, { foundAt: addDays(decisionDate, -10) }),
    ];
    let c = await fileCase({ enterpriseId, filedOn: addDays(decisionDate, -5), hazardIds });
    c = await step(c, 'end_investigation');
    const parties = [entParty(opts.name ?? '甲区矿山企业')];
    if (opts.withLeader !== false) parties.push(leaderParty());
    c = await step(c, 'edit_parties', { parties });
    return step(c, 'notify', { notifiedOn: addDays(decisionDate, -3) });
  };

  const partiesOf = (c: PenaltyCaseDetail) =>
    c.parties.map(({ kind, name, position, basis, circumstance, amountFen, decisionNo }) => ({
      kind,
      name,
      position,
      basis,
      circumstance,
      amountFen,
      decisionNo,
    }));

  const decidedCase = async (
    enterpriseId: number,
    decisionDate: string,
    opts: { name?: string } = {},
  ) => {
    const c = await notifiedCase(enterpriseId, { decisionDate, name: opts.name });
    return step(c, 'decide', { decisionDate, parties: partiesOf(c) });
  };

  let filed: PenaltyCaseDetail;
  let majorHazardId: number;

  it('files a case against an enterprise in scope, with its hazards', async () => {
    majorHazardId = await newHazard(t.enterprises.miningA);
    const body = {
      enterpriseId: t.enterprises.miningA,
      matter: '未采取措施消除重大事故隐患',
      filedOn: today,
      hazardIds: [majorHazardId],
    };
    expect((await t.anonymous.post(`${api}/penalty-cases`, body)).statusCode).toBe(401);
    expect((await entMine.post(`${api}/penalty-cases`, body)).statusCode).toBe(403);
    expect((await weihua.post(`${api}/penalty-cases`, body)).statusCode).toBe(403);
    expect((await zhifaB.post(`${api}/penalty-cases`, body)).statusCode).toBe(404);
    const noMatter = await zhifa.post(`${api}/penalty-cases`, { ...body, matter: '' });
    expect(noMatter.statusCode).toBe(400);
    expect(noMatter.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'matter',
      message: '请填写案由',
    });
    const future = await zhifa.post(`${api}/penalty-cases`, {
      ...body,
      filedOn: addDays(today, 1),
    });
    expect(future.json<ErrorBody>().error.fields[0]!.message).toBe('立案日期不能晚于今天');
    const chemHazard = await newHazard(t.enterprises.hazchemA);
    const foreign = await zhifa.post(`${api}/penalty-cases`, { ...body, hazardIds: [chemHazard] });
    expect(foreign.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'hazardIds',
      message: '所选隐患不属于该企业',
    });

    const res = await zhifa.post(`${api}/penalty-cases`, body);
    expect(res.statusCode).toBe(201);
    filed = res.json<PenaltyCaseDetail>();
    expect(filed.caseNo).toMatch(/^甲应急罚立〔\d{4}〕0001号$/);
    expect(filed).toMatchObject({
      status: 'filed',
      enterpriseName: '甲区矿山企业',
      mainLeaderName: '孙矿',
      majorHazard: { persists: true },
      hazards: [{ id: majorHazardId, level: 'major', persists: true }],
      parties: [],
      availableActions: [
        'edit_parties',
        'record_evidence',
        'end_investigation',
        'withdraw',
        'terminate',
      ],
      canEdit: true,
      publication: null,
    });
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'penalty_case.filed',
      entity_type: 'penalty_case',
      entity_id: String(filed.id),
    });
  });

  it('refuses actions the status does not allow with 409 and the allowed actions', async () => {
    const res = await actRaw(filed, 'decide', { decisionDate: today, parties: [] });
    expect(res.statusCode).toBe(409);
    const body = res.json<ErrorBody>();
    expect(body.error.fields[0]!.message).toBe('当前状态“已立案”不能执行“作出行政处罚决定”');
    expect(body.error.allowedActions).toEqual(filed.availableActions);
    expect((await actRaw(filed, 'publish', { publishedOn: today })).statusCode).toBe(409);
    expect((await actRaw(filed, 'fly', {})).statusCode).toBe(400);
    const bad = await actRaw(filed, 'record_evidence', { note: '' });
    expect(bad.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'payload.note',
      message: '请填写调查取证情况',
    });
    expect((await actRaw(filed, 'record_evidence', { note: '调取监控', x: 1 })).statusCode).toBe(
      400,
    );
    expect((await actRaw(filed, 'record_evidence', { note: '调取监控' }, weihua)).statusCode).toBe(
      403,
    );
    expect((await actRaw(filed, 'record_evidence', { note: '调取监控' }, zhifaB)).statusCode).toBe(
      404,
    );
  });

  it('keeps versions and idempotency keys', async () => {
    const stale = await actRaw({ id: filed.id, version: filed.version + 5 }, 'record_evidence', {
      note: '现场勘验',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    const send = () =>
      zhifa.request({
        method: 'POST',
        url: `${api}/penalty-cases/${filed.id}/actions/record_evidence`,
        payload: { version: filed.version, payload: { note: '询问安全部长并制作笔录' } },
        headers: { 'idempotency-key': 'evidence-0001' },
      });
    const first = await send();
    expect(first.statusCode).toBe(200);
    const again = await send();
    expect(again.statusCode).toBe(200);
    const after = again.json<PenaltyCaseDetail>();
    expect(after.version).toBe(filed.version + 1);
    expect(after.history.filter((h) => h.action === 'record_evidence')).toHaveLength(1);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'penalty_case.record_evidence' });
    filed = after;

    const patched = await zhifa.patch(`${api}/penalty-cases/${filed.id}`, {
      version: filed.version,
      matter: '未采取措施消除排土场重大事故隐患',
      facts: '2026年检查发现排土场边坡超高，企业未采取措施消除。',
      hazardIds: [majorHazardId],
      inspectionRecordId: null,
    });
    expect(patched.statusCode).toBe(200);
    filed = patched.json<PenaltyCaseDetail>();
    expect(filed.matter).toBe('未采取措施消除排土场重大事故隐患');
    expect(await lastAudit(t.db)).toMatchObject({ action: 'penalty_case.updated' });
    expect(
      (
        await zhifa.patch(`${api}/penalty-cases/${filed.id}`, {
          version: filed.version - 1,
          matter: '其他',
        })
      ).statusCode,
    ).toBe(409);
  });

  it('一案双罚: a persisting major hazard needs a decision on the main leader', async () => {
    let c = await step(filed, 'end_investigation', { note: '调查终结' });
    const noParties = await actRaw(c, 'notify', { notifiedOn: today });
    expect(noParties.json<ErrorBody>().error.fields[0]!.message).toBe('请先确定处罚对象');
    c = await step(c, 'edit_parties', {
      parties: [entParty('甲区矿山企业'), { ...leaderParty(200_000), decisionNo: null }],
    });
    // The draft shows what blocks the decision and warns (not errors) on the amount.
    expect(c.decisionCheck.errors.map((e) => e.zh)).toContain(
      '主要负责人“孙矿”缺少行政处罚决定书文号',
    );
    expect(c.decisionCheck.warnings.map((e) => e.zh)).toContain(
      '主要负责人“孙矿”的罚款200000.00元超出《安全生产法》第九十四条规定的20000元至50000元',
    );
    c = await step(c, 'notify', { notifiedOn: today, documentNo: '甲应急告〔2026〕1号' });
    expect(c.availableActions).not.toContain('decide');

    const enterpriseOnly = [entParty('甲区矿山企业')];
    const refused = await actRaw(c, 'decide', { decisionDate: today, parties: enterpriseOnly });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.fields[0]!.message).toBe(LEADER_NEEDED);
    const zero = await actRaw(c, 'decide', {
      decisionDate: today,
      parties: [...enterpriseOnly, leaderParty(0)],
    });
    expect(zero.json<ErrorBody>().error.fields[0]!.message).toBe(
      '一案双罚：对主要负责人的处罚须填写罚款金额',
    );
    const dup = entParty('甲区矿山企业');
    const duplicate = await actRaw(c, 'decide', {
      decisionDate: today,
      parties: [dup, { ...leaderParty(), decisionNo: dup.decisionNo }],
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'payload.parties.1.decisionNo',
      message: '各处罚对象的决定书文号不能相同',
    });
    const early = await actRaw(c, 'decide', {
      decisionDate: addDays(today, -30),
      parties: [...enterpriseOnly, leaderParty()],
    });
    expect(early.json<ErrorBody>().error.fields[0]!.message).toMatch(/^日期不能早于立案日期/);

    const decided = await step(c, 'decide', {
      decisionDate: today,
      parties: [...enterpriseOnly, leaderParty(200_000)],
    });
    expect(decided.status).toBe('decided');
    expect(decided.parties.map((p) => p.kind)).toEqual(['enterprise', 'main_leader']);
    for (const p of decided.parties) expect(p.decisionCode).toMatch(/^[0-9a-f]{64}$/);
    expect(decided.decisionCheck.warnings).toHaveLength(1);
    expect(decided.publication).toEqual({
      deadline: publicationDeadline(today),
      publishedOn: null,
      overdue: false,
    });
    expect(decided.availableActions).toEqual(['publish', 'record_daily_penalty', 'execute']);
    expect(decided.totalAmountFen).toBe(23_000_000);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'penalty_case.decide' });
    filed = decided;

    // Not imposing on the leader is possible with a recorded reason …
    const waived = await notifiedCase(t.enterprises.miningA, { withLeader: false });
    const withReason = await step(waived, 'decide', {
      decisionDate: today,
      parties: partiesOf(waived),
      leaderWaiverReason: '主要负责人到任不足一月，隐患形成于其到任之前',
    });
    expect(withReason).toMatchObject({
      status: 'decided',
      leaderWaiverReason: '主要负责人到任不足一月，隐患形成于其到任之前',
    });
    // … and no leader decision is needed once the hazard is verified in the ledger.
    const verifiedHazard = await newHazard(t.enterprises.miningA);
    await t.db.kysely
      .updateTable('hazards')
      .set({ status: 'verified', verified_at: nowIso() })
      .where('id', '=', verifiedHazard)
      .execute();
    const gone = await notifiedCase(t.enterprises.miningA, {
      hazardIds: [verifiedHazard],
      withLeader: false,
    });
    expect(gone.majorHazard).toEqual({ persists: false });
    expect(gone.availableActions).toContain('decide');
    expect(
      (await step(gone, 'decide', { decisionDate: today, parties: partiesOf(gone) })).status,
    ).toBe('decided');
  });

  it('never changes a hazard: publication, daily penalty, execution and closing', async () => {
    const hazardBefore = await t.db.kysely
      .selectFrom('hazards')
      .selectAll()
      .where('id', '=', majorHazardId)
      .executeTakeFirstOrThrow();
    const eventsBefore = await t.db.kysely
      .selectFrom('hazard_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hazard_id', '=', majorHazardId)
      .executeTakeFirstOrThrow();

    let c = filed;
    const badPublish = await actRaw(c, 'publish', { publishedOn: addDays(today, -1) });
    expect(badPublish.json<ErrorBody>().error.fields[0]!.message).toMatch(
      /^日期不能早于处罚决定日期/,
    );
    c = await step(c, 'publish', { publishedOn: today, note: '国家企业信用信息公示系统' });
    expect(c.publication).toMatchObject({ publishedOn: today, overdue: false });
    expect(c.availableActions).not.toContain('publish');
    expect((await actRaw(c, 'publish', { publishedOn: today })).statusCode).toBe(409);

    c = await step(c, 'record_daily_penalty', { orderedOn: addDays(today, -10) });
    expect(c.daily).toMatchObject({ days: 10, from: addDays(today, -9), to: today });
    expect(c.daily!.parties.map((p) => p.totalFen)).toEqual([30_000_00 * 10, 200_000_00 * 10]);
    expect(c.daily!.totalFen).toBe(230_000_00 * 10);
    const backwards = await actRaw(c, 'record_daily_penalty', {
      orderedOn: addDays(today, -10),
      correctedOn: addDays(today, -11),
    });
    expect(backwards.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'payload.correctedOn',
      message: '改正日期不能早于责令改正日期',
    });
    c = await step(c, 'record_daily_penalty', {
      orderedOn: addDays(today, -10),
      correctedOn: addDays(today, -4),
    });
    expect(c.daily).toMatchObject({ days: 5, totalFen: 230_000_00 * 5 });

    c = await step(c, 'execute', { executedOn: today });
    c = await step(c, 'close', { closedOn: today });
    expect(c.status).toBe('closed');
    expect(c.availableActions).toEqual([]);
    expect(c.history.map((h) => h.action)).toEqual([
      'filed',
      'record_evidence',
      'edited',
      'end_investigation',
      'edit_parties',
      'notify',
      'decide',
      'publish',
      'record_daily_penalty',
      'record_daily_penalty',
      'execute',
      'close',
    ]);

    const hazardAfter = await t.db.kysely
      .selectFrom('hazards')
      .selectAll()
      .where('id', '=', majorHazardId)
      .executeTakeFirstOrThrow();
    const eventsAfter = await t.db.kysely
      .selectFrom('hazard_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('hazard_id', '=', majorHazardId)
      .executeTakeFirstOrThrow();
    expect(hazardAfter).toEqual(hazardBefore);
    expect(Number(eventsAfter.n)).toBe(Number(eventsBefore.n));
    expect(c.hazards[0]).toMatchObject({ status: 'reported', persists: true });
  });

  it('flags an unpublished decision after the 7-working-day deadline', async () => {
    const old = await decidedCase(t.enterprises.miningA, addDays(today, -40));
    expect(old.publication).toEqual({
      deadline: publicationDeadline(addDays(today, -40)),
      publishedOn: null,
      overdue: true,
    });
  });

  it('shows the no-penalty rule for a self-found, reported hazard being fixed', async () => {
    const selfFound = await newHazard(t.enterprises.miningA, {
      origin: 'self_check',
      foundAt: addDays(today, -20),
    });
    await t.db.kysely
      .updateTable('hazards')
      .set({
        status: 'rectifying',
        reported_to_bureau_at: new Date(Date.now() - 15 * 86_400_000).toISOString(),
        plan_approved_at: new Date(Date.now() - 14 * 86_400_000).toISOString(),
        deadline: addDays(today, 30),
      })
      .where('id', '=', selfFound)
      .execute();
    const c = await notifiedCase(t.enterprises.miningA, { hazardIds: [selfFound] });
    expect(c.noPenalty).toMatchObject({
      applies: true,
      asOf: c.filedOn,
      hazards: [{ hazardId: selfFound, applies: true }],
    });
    expect(c.availableActions).toContain('decide_no_penalty');
    const refused = await actRaw(c, 'decide', { decisionDate: today, parties: partiesOf(c) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.fields[0]!.path).toBe('payload.noPenaltyOverrideReason');
    const overridden = await step(c, 'decide', {
      decisionDate: today,
      parties: partiesOf(c),
      noPenaltyOverrideReason: '企业报告的整改措施未实际落实，现场仍在组织作业',
    });
    expect(overridden.noPenaltyOverrideReason).toBe(
      '企业报告的整改措施未实际落实，现场仍在组织作业',
    );

    const exempt = await notifiedCase(t.enterprises.miningA, { hazardIds: [selfFound] });
    const closed = await step(exempt, 'decide_no_penalty', {
      decidedOn: today,
      reason: '企业自查发现并已按规定报告、正在有效整改，依法不予行政处罚',
      decisionNo: '甲应急不罚〔2026〕1号',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: today,
      noPenaltyDecision: { decidedOn: today, decisionNo: '甲应急不罚〔2026〕1号' },
    });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'penalty_case.decide_no_penalty' });
  });

  it('shows enterprise users their own cases from the decision on, and nothing else', async () => {
    const early = await fileCase({ enterpriseId: t.enterprises.miningA });
    const list = (await entMine.get(`${api}/penalty-cases?pageSize=100`)).json<
      Page<PenaltyCaseListItem>
    >();
    expect(list.total).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(['decided', 'executed', 'closed']).toContain(item.status);
      expect(item.enterpriseId).toBe(t.enterprises.miningA);
    }
    expect(list.items.some((i) => i.id === early.id)).toBe(false);
    expect((await entMine.get(`${api}/penalty-cases/${early.id}`)).statusCode).toBe(404);
    const own = await entMine.get(`${api}/penalty-cases/${filed.id}`);
    expect(own.statusCode).toBe(200);
    const view = own.json<PenaltyCaseDetail>();
    expect(view.availableActions).toEqual([]);
    expect(view.canEdit).toBe(false);
    expect(view.history.map((h) => h.action)).toEqual([
      'decide',
      'publish',
      'record_daily_penalty',
      'record_daily_penalty',
      'execute',
      'close',
    ]);
    expect((await entChem.get(`${api}/penalty-cases/${filed.id}`)).statusCode).toBe(404);
    expect((await actRaw(view, 'record_evidence', { note: '申辩' }, entMine)).statusCode).toBe(403);

    // Staff: by territory and sector.
    expect((await zhifaB.get(`${api}/penalty-cases/${filed.id}`)).statusCode).toBe(404);
    expect((await weihua.get(`${api}/penalty-cases/${filed.id}`)).statusCode).toBe(404);
    expect((await admin.get(`${api}/penalty-cases/${early.id}`)).statusCode).toBe(200);
    const staffList = (
      await zhifa.get(`${api}/penalty-cases?status=filed&enterpriseId=${t.enterprises.miningA}`)
    ).json<Page<PenaltyCaseListItem>>();
    expect(staffList.items.map((i) => i.id)).toContain(early.id);
    expect((await weihua.get(`${api}/penalty-cases`)).json<Page<unknown>>().total).toBe(0);
  });

  it.skipIf(!hasPdftotext)('prints one decision per party with a verification code', async () => {
    const leader = filed.parties.find((p) => p.kind === 'main_leader')!;
    const url = `${api}/penalty-cases/${filed.id}/parties/${leader.id}/decision.pdf`;
    const res = await entMine.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const file = `${t.config.uploadDir}-decision.pdf`;
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('甲区应急管理局');
    expect(text).toContain('行政处罚决定书');
    expect(text).toContain(leader.decisionNo!);
    expect(text).toContain('当事人：孙矿');
    expect(text).toContain('《安全生产法》第九十四条');
    expect(text).toContain('贰拾万元整');
    expect(text).toContain('如不服本决定');
    expect(text).toContain(leader.decisionCode!);
    expect(text.replace(/\s+/g, '')).toContain(`/verify/${leader.decisionCode}`);

    const early = await fileCase({ enterpriseId: t.enterprises.miningA });
    expect(
      (await zhifa.get(`${api}/penalty-cases/${early.id}/parties/1/decision.pdf`)).statusCode,
    ).toBe(404);
    expect((await zhifaB.get(url)).statusCode).toBe(404);

    expect(await findDecisionByCode(t.db.kysely, leader.decisionCode!)).toEqual({
      kind: 'penalty_decision',
      number: leader.decisionNo,
      enterpriseName: '甲区矿山企业',
      date: filed.decisionDate,
      party: { kind: 'main_leader', name: '孙矿' },
    });
    expect(await findDecisionByCode(t.db.kysely, 'f'.repeat(64))).toBeUndefined();
    expect(await findDecisionByCode(t.db.kysely, 'not-a-code')).toBeUndefined();
  });

  it('answers 409 for the decision PDF of a party not yet decided', async () => {
    const c = await notifiedCase(t.enterprises.miningA);
    const res = await zhifa.get(
      `${api}/penalty-cases/${c.id}/parties/${c.parties[0]!.id}/decision.pdf`,
    );
    expect(res.statusCode).toBe(409);
  });

  describe('measures', () => {
    const upload = (client: TestClient, name: string, content: Buffer) => {
      const { payload, headers } = multipartFile(name, content, 'application/pdf');
      return client.request({
        method: 'POST',
        url: `${api}/enforcement-measures/documents`,
        payload,
        headers,
      });
    };
    const record = (body: Record<string, unknown>, client = zhifa) =>
      client.post(`${api}/enforcement-measures`, {
        enterpriseId: t.enterprises.miningA,
        date: today,
        basis: '《安全生产法》第一百一十三条',
        ...body,
      });
    let interview: EnforcementMeasureView;

    it('records an interview with an uploaded document', async () => {
      expect((await upload(entMine, 'a.pdf', tinyPdf(['x']))).statusCode).toBe(403);
      const notPdf = await upload(zhifa, 'a.pdf', Buffer.from('hello'));
      expect(notPdf.json<ErrorBody>().error.fields[0]!.message).toBe(
        '只能上传PDF或Word（.docx）文件',
      );
      const doc = await upload(zhifa, '约谈记录.pdf', tinyPdf(['Interview']));
      expect(doc.statusCode).toBe(201);
      const docId = doc.json<{ id: number }>().id;
      const res = await record({
        kind: 'interview',
        basis: '《安全生产约谈实施办法》',
        intervieweeName: '孙矿',
        intervieweePosition: '总经理',
        conductedBy: '甲区应急管理局 王局长',
        documentIds: [docId],
      });
      expect(res.statusCode).toBe(201);
      interview = res.json<EnforcementMeasureView>();
      expect(interview).toMatchObject({
        kind: 'interview',
        enterpriseName: '甲区矿山企业',
        documents: [{ id: docId, fileName: '约谈记录.pdf', mimeType: 'application/pdf' }],
        data: { intervieweeName: '孙矿' },
      });
      expect(await lastAudit(t.db)).toMatchObject({ action: 'enforcement_measure.created' });
      // A document goes to one measure only.
      const reused = await record({
        kind: 'notification',
        scope: '全区安全生产系统',
        documentIds: [docId],
      });
      expect(reused.statusCode).toBe(400);
    });

    it('validates each kind and the case it follows from', async () => {
      const clause = await record({
        kind: 'judicial_referral',
        basis: '《行政执法机关移送涉嫌犯罪案件的规定》',
        offence: 'dangerous_operation',
        organ: 'public_security',
      });
      expect(clause.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'dangerousOperationClause',
        message: '危险作业罪须选择刑法第一百三十四条之一的具体情形',
      });
      const referral = await record({
        kind: 'judicial_referral',
        basis: '《行政执法机关移送涉嫌犯罪案件的规定》',
        offence: 'dangerous_operation',
        dangerousOperationClause: '2',
        organ: 'public_security',
        penaltyCaseId: filed.id,
      });
      expect(referral.statusCode).toBe(201);
      expect(referral.json<EnforcementMeasureView>().penaltyCaseNo).toBe(filed.caseNo);
      const wrongCase = await record({
        enterpriseId: t.enterprises.hazchemA,
        kind: 'notification',
        scope: '全区',
        penaltyCaseId: filed.id,
      });
      expect(wrongCase.json<ErrorBody>().error.fields[0]).toEqual({
        path: 'penaltyCaseId',
        message: '所选处罚案件不属于该企业',
      });
      expect((await record({ kind: 'interview' }, weihua)).statusCode).toBe(403);
      expect(
        (
          await record({
            enterpriseId: t.enterprises.hazchemB,
            kind: 'notification',
            scope: '全区',
          })
        ).statusCode,
      ).toBe(404);
    });

    it('shows the leader’s 5-year ban of a decided closure', async () => {
      const decidedOn = addDays(today, -2);
      const res = await record({
        kind: 'closure_proposal',
        date: addDays(today, -30),
        proposedTo: '甲区人民政府',
        leaderName: '孙矿',
        closureDecidedOn: decidedOn,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<EnforcementMeasureView>().leaderBan).toEqual({
        from: decidedOn,
        to: leaderBanEnd(decidedOn),
      });
      expect(leaderBanEnd(decidedOn)).toBe(addYears(decidedOn, 5));
      const undecided = await record({
        kind: 'closure_proposal',
        proposedTo: '甲区人民政府',
        leaderName: '孙矿',
      });
      expect(undecided.json<EnforcementMeasureView>().leaderBan).toBeNull();
    });

    it('tracks the dishonesty list period, removal, updates and voiding', async () => {
      const lastDay = await record({
        kind: 'dishonesty_list',
        basis: '《安全生产严重失信主体名单管理办法》',
        entryDate: addYears(today, -3),
        date: addYears(today, -3),
      });
      expect(lastDay.json<EnforcementMeasureView>().dishonesty).toEqual({
        periodEnd: today,
        active: true,
      });
      const expired = await record({
        kind: 'dishonesty_list',
        basis: '《安全生产严重失信主体名单管理办法》',
        entryDate: addDays(addYears(today, -3), -1),
        date: addDays(addYears(today, -3), -1),
      });
      expect(expired.json<EnforcementMeasureView>().dishonesty).toEqual({
        periodEnd: addDays(today, -1),
        active: false,
      });
      const listed = lastDay.json<EnforcementMeasureView>();
      const url = `${api}/enforcement-measures/${listed.id}`;
      const removal = { ...listed.data, removalDate: today };
      const stale = await zhifa.request({
        method: 'PUT',
        url,
        payload: { version: listed.version + 1, measure: removal },
      });
      expect(stale.statusCode).toBe(409);
      const kindChange = await zhifa.request({
        method: 'PUT',
        url,
        payload: {
          version: listed.version,
          measure: { ...removal, kind: 'notification', scope: '全区', entryDate: undefined },
        },
      });
      expect(kindChange.statusCode).toBe(400);
      const removed = await zhifa.request({
        method: 'PUT',
        url,
        payload: { version: listed.version, measure: removal },
      });
      expect(removed.statusCode).toBe(200);
      expect(removed.json<EnforcementMeasureView>().dishonesty).toEqual({
        periodEnd: today,
        active: false,
      });
      expect(await lastAudit(t.db)).toMatchObject({ action: 'enforcement_measure.updated' });

      const current = removed.json<EnforcementMeasureView>();
      const noReason = await zhifa.post(`${url}/void`, { version: current.version, reason: '' });
      expect(noReason.json<ErrorBody>().error.fields[0]!.message).toBe('请填写作废原因');
      const voided = await zhifa.post(`${url}/void`, {
        version: current.version,
        reason: '重复录入',
      });
      expect(voided.json<EnforcementMeasureView>()).toMatchObject({ voidReason: '重复录入' });
      expect(await lastAudit(t.db)).toMatchObject({ action: 'enforcement_measure.voided' });
      expect(
        (await zhifa.post(`${url}/void`, { version: current.version + 1, reason: '再次' }))
          .statusCode,
      ).toBe(409);
      const listedIds = (
        await zhifa.get(
          `${api}/enforcement-measures?enterpriseId=${t.enterprises.miningA}&pageSize=100`,
        )
      )
        .json<Page<EnforcementMeasureView>>()
        .items.map((m) => m.id);
      expect(listedIds).not.toContain(listed.id);
      const withVoided = (
        await zhifa.get(
          `${api}/enforcement-measures?enterpriseId=${t.enterprises.miningA}&includeVoided=true&pageSize=100`,
        )
      )
        .json<Page<EnforcementMeasureView>>()
        .items.map((m) => m.id);
      expect(withVoided).toContain(listed.id);
    });

    it('shows the enterprise the measures served on it, not the internal ones', async () => {
      const mine = (await entMine.get(`${api}/enforcement-measures?pageSize=100`)).json<
        Page<EnforcementMeasureView>
      >();
      const kinds = new Set(mine.items.map((m) => m.kind));
      expect(kinds.has('interview')).toBe(true);
      expect(kinds.has('closure_proposal')).toBe(false);
      expect(kinds.has('judicial_referral')).toBe(false);
      const doc = interview.documents[0]!;
      const download = await entMine.get(
        `${api}/enforcement-measures/${interview.id}/documents/${doc.id}`,
      );
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await entChem.get(`${api}/enforcement-measures/${interview.id}`)).statusCode).toBe(
        404,
      );
      expect(
        (await entChem.get(`${api}/enforcement-measures?pageSize=100`)).json<Page<unknown>>().total,
      ).toBe(0);
    });
  });

  describe('repeat offenders', () => {
    let e180: number;
    let e181: number;
    let eYear: number;
    let eYearPlus: number;

    const listed = async (query = '') =>
      (await zhifa.get(`${api}/repeat-offenders?pageSize=100${query}`)).json<
        Page<RepeatOffenderRow> & { asOf: string }
      >();

    beforeAll(async () => {
      e180 = await addEnterprise('一百八十日矿业', '91150602MA0P7R1L8');
      e181 = await addEnterprise('一百八十一日矿业', '91150602MA0Q2W6D5');
      eYear = await addEnterprise('满一年矿业', '91150602MA0R8T3F1');
      eYearPlus = await addEnterprise('一年零一日矿业', '91150603MA0R8T3F1');
      for (const d of [-180, -90, 0]) await decidedCase(e180, addDays(today, d));
      for (const d of [-181, -90, 0]) await decidedCase(e181, addDays(today, d));
      for (const d of [addYears(today, -1), addDays(today, -200), addDays(today, -100), today]) {
        await decidedCase(eYear, d);
      }
      for (const d of [
        addDays(addYears(today, -1), -1),
        addDays(today, -200),
        addDays(today, -100),
        today,
      ]) {
        await decidedCase(eYearPlus, d);
      }
    }, 120_000);

    it('lists 3 decisions within 180 days (180 in, 181 out) and 4 within a year', async () => {
      expect((await entMine.get(`${api}/repeat-offenders`)).statusCode).toBe(403);
      expect((await weihua.get(`${api}/repeat-offenders`)).statusCode).toBe(403);
      const page = await listed('&reason=closure');
      expect(page.asOf).toBe(today);
      const byId = new Map(page.items.map((r) => [r.enterpriseId, r]));
      const r180 = byId.get(e180)!;
      expect(r180.closure.met).toBe(true);
      expect(r180.closure.within180Days).toMatchObject({ metOn: today });
      expect(r180.closure.within180Days!.decisions.map((d) => d.decidedOn)).toEqual([
        addDays(today, -180),
        addDays(today, -90),
        today,
      ]);
      expect(r180.closure.within180Days!.decisions[0]!.caseNo).toMatch(/^甲应急罚立/);
      expect(r180.closure.withinOneYear).toBeNull();
      expect(byId.has(e181)).toBe(false);
      const year = byId.get(eYear)!;
      expect(year.closure.within180Days).toBeNull();
      expect(year.closure.withinOneYear!.decisions[0]!.decidedOn).toBe(addYears(today, -1));
      expect(byId.has(eYearPlus)).toBe(false);

      // Looked at the day before, the 180-day window of e180 is not complete yet.
      const yesterday = await listed(`&reason=closure&asOf=${addDays(today, -1)}`);
      expect(yesterday.items.some((r) => r.enterpriseId === e180)).toBe(false);

      const paged = (await zhifa.get(`${api}/repeat-offenders?reason=closure&pageSize=1`)).json<
        Page<RepeatOffenderRow>
      >();
      expect(paged.items).toHaveLength(1);
      expect(paged.total).toBe(page.total);
    });

    it('lists a catalog item that recurs after verification, with its hazards', async () => {
      const first = await newHazard(t.enterprises.hazchemA, {
        catalogItemCode: 'HG-2017-07',
        noCatalogReason: null,
        foundAt: addDays(today, -60),
      });
      await t.db.kysely
        .updateTable('hazards')
        .set({ status: 'verified', verified_at: `${addDays(today, -30)}T02:00:00.000Z` })
        .where('id', '=', first)
        .execute();
      const second = await newHazard(t.enterprises.hazchemA, {
        catalogItemCode: 'HG-2017-07',
        noCatalogReason: null,
        foundAt: addDays(today, -10),
      });
      const page = await listed('&reason=recurring');
      const row = page.items.find((r) => r.enterpriseId === t.enterprises.hazchemA)!;
      expect(row.recurring).toEqual([
        {
          catalogItemCode: 'HG-2017-07',
          hazards: [
            expect.objectContaining({ id: first, status: 'verified' }),
            expect.objectContaining({ id: second, status: 'reported' }),
          ],
          recurrences: [
            {
              previousHazardId: first,
              previousVerifiedAt: addDays(today, -30),
              hazardId: second,
              foundAt: addDays(today, -10),
            },
          ],
        },
      ]);
      expect(page.items.every((r) => r.recurring.length > 0)).toBe(true);
      expect((await listed('&sector=mining&reason=recurring')).items).toEqual([]);
    });

    it('shows a recorded closure proposal and exports the list', async () => {
      const res = await zhifa.post(`${api}/enforcement-measures`, {
        enterpriseId: e180,
        kind: 'closure_proposal',
        date: today,
        basis: '《安全生产法》第一百一十三条',
        proposedTo: '甲区人民政府',
        leaderName: '孙矿',
      });
      expect(res.statusCode).toBe(201);
      const row = (await listed()).items.find((r) => r.enterpriseId === e180)!;
      expect(row.closureProposal).toEqual({
        measureId: res.json<EnforcementMeasureView>().id,
        date: today,
      });

      const file = await zhifa.get(`${api}/repeat-offenders/export`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).getCell(2).value).toBe('企业名称');
      const names: string[] = [];
      sheet.eachRow((r, n) => {
        if (n > 1) names.push(r.getCell(2).text);
      });
      expect(names).toEqual(
        expect.arrayContaining(['一百八十日矿业', '满一年矿业', '甲区化工企业']),
      );
      expect(names).not.toContain('一百八十一日矿业');
      expect(sheet.getRow(names.indexOf('一百八十日矿业') + 2).getCell(10).value).toBe(
        `已提请（${today}）`,
      );
    });
  });
});

describe('penalty demo', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  }, 120_000);
  afterAll(async () => t.close());

  it('lists 金鼎矿业 for closure: three decided major-hazard cases within 180 days', async () => {
    const inspector = await t.login('zhifa1');
    const rows = (await inspector.get(`${api}/repeat-offenders?reason=closure`)).json<
      Page<RepeatOffenderRow>
    >();
    const jinding = rows.items.find((r) => r.enterpriseName === '东胜区金鼎矿业有限责任公司')!;
    expect(jinding.closure.within180Days!.decisions).toHaveLength(3);
    expect(jinding.mainLeaderName).toBe('孙鼎');
    const cases = (
      await inspector.get(`${api}/penalty-cases?enterpriseId=${jinding.enterpriseId}`)
    ).json<Page<PenaltyCaseListItem>>();
    expect(cases.items.map((c) => c.status).sort()).toEqual(['closed', 'decided', 'decided']);
    const first = (
      await inspector.get(
        `${api}/penalty-cases/${cases.items.find((c) => c.status === 'closed')!.id}`,
      )
    ).json<PenaltyCaseDetail>();
    expect(first.parties.map((p) => [p.kind, p.basis])).toEqual([
      ['enterprise', 'aqsf_102'],
      ['main_leader', 'aqsf_94'],
    ]);
    expect(first.hazards[0]!.catalogItemCode).toBe('FMKS-2022-OP-04');
    const leader = await t.login('qiye2_fzr');
    const measures = (await leader.get(`${api}/enforcement-measures`)).json<
      Page<EnforcementMeasureView>
    >();
    expect(measures.items.map((m) => m.kind)).toEqual(['interview']);
    expect(measures.items[0]!.documents).toHaveLength(1);
  });
});
