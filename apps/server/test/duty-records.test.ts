import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeScorecard,
  createEnterpriseSchema,
  creditCodeCheckChar,
  type DrillsView,
  type OutsourcingView,
  type ResponsibilityView,
} from '@hazard-ledger/domain';
import { storageFor } from '../src/lib/storage.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { seedDutyRecordDemo } from '../src/seed/demo-duty-records.js';
import { todayInChina } from '../src/lib/time.js';
import { dutyRecordFacts } from '../src/modules/duty-records/duty-records.service.js';
import { tinyPdf } from '../src/modules/duty-records/tiny-pdf.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { pngWithLocation as png } from './test-files.js';
import { multipartFile } from './multipart.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };

const today = todayInChina();
const year = Number(today.slice(0, 4));
const lastYear = year - 1;

async function docx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', '<w:document/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('duty records: responsibility, outsourcing, drills', () => {
  let t: TestContext;
  let safety: TestClient;
  let leader: TestClient;
  let otherEnt: TestClient;
  let inspector: TestClient;
  let jichu: TestClient;
  let ent: number;
  let base: string;

  beforeAll(async () => {
    t = await createTestContext();
    ent = t.enterprises.hazchemA;
    base = `/api/v1/enterprises/${ent}/duty-records`;
    await t.createUser({
      username: 'safety',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: ent,
    });
    await t.createUser({
      username: 'leader',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: ent,
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
    safety = await t.login('safety');
    leader = await t.login('leader');
    otherEnt = await t.login('other');
    inspector = await t.login('zf');
    jichu = await t.login('jichu');
  });
  afterAll(async () => t.close());

  const upload = (
    c: TestClient,
    query: string,
    name: string,
    content: Buffer,
    enterpriseId = ent,
  ) => {
    const { payload, headers } = multipartFile(name, content, 'application/octet-stream');
    return c.request({
      method: 'POST',
      url: `/api/v1/enterprises/${enterpriseId}/duty-records/files?${query}`,
      payload,
      headers,
    });
  };

  const contract = (over: Record<string, unknown> = {}) => ({
    kind: 'outsource',
    counterparty: '某某防腐工程有限公司',
    scopeKind: 'project',
    scope: '储罐区防腐保温工程',
    startDate: `${year}-01-10`,
    endDate: null,
    qualificationName: '防水防腐保温工程专业承包二级',
    qualificationNumber: 'D215000001',
    qualificationExpiry: `${year + 2}-12-31`,
    agreementSignedOn: null,
    dutiesDefined: true,
    dutiesText: '乙方负责施工区域安全管理，甲方负责统一协调和定期检查',
    ...over,
  });

  it('scopes reads to the own enterprise or the territory and sectors; only enterprise users record', async () => {
    expect((await t.anonymous.get(`${base}/responsibility`)).statusCode).toBe(401);
    const own = await safety.get(`${base}/responsibility`);
    expect(own.statusCode).toBe(200);
    expect(own.json<ResponsibilityView>().canEdit).toBe(true);
    const staff = await inspector.get(`${base}/outsourcing`);
    expect(staff.statusCode).toBe(200);
    expect(staff.json<OutsourcingView>().canEdit).toBe(false);
    // Another enterprise, and an office outside the sector, see nothing.
    expect((await otherEnt.get(`${base}/drills`)).statusCode).toBe(404);
    expect((await jichu.get(`${base}/drills`)).statusCode).toBe(404);
    const position = { name: '总经理', category: 'main_leader', duties: '全面负责安全生产' };
    expect((await otherEnt.post(`${base}/positions`, position)).statusCode).toBe(404);
    expect((await inspector.post(`${base}/positions`, position)).statusCode).toBe(403);
    expect(
      (await upload(inspector, 'owner=emergency_plan', 'p.pdf', tinyPdf(['x']))).statusCode,
    ).toBe(403);
    // Records of another enterprise read as 404 through this enterprise's paths.
    const mine = await otherEnt.post(
      `/api/v1/enterprises/${t.enterprises.miningA}/duty-records/drills`,
      {
        scenario: '边坡坍塌',
        drillDate: today,
        participants: 20,
      },
    );
    expect(mine.statusCode).toBe(201);
    const foreignId = mine.json<DrillsView>().drills[0]!.id;
    expect(
      (
        await safety.patch(`${base}/drills/${foreignId}`, {
          scenario: 'x',
          drillDate: today,
          participants: 1,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('builds the responsibility system from positions (leader to front line) or a document', async () => {
    let res = await leader.post(`${base}/positions`, {
      name: '总经理',
      category: 'main_leader',
      duties: '建立健全并落实全员安全生产责任制',
    });
    expect(res.statusCode).toBe(201);
    let view = res.json<ResponsibilityView>();
    expect(view.coverageGaps).toEqual(['frontline']);
    expect(view.facts.responsibilitySystem).toBe(false);
    expect(await lastAudit(t.db)).toMatchObject({
      action: 'duty_position.created',
      actor_role: 'ent_leader',
    });

    res = await safety.post(`${base}/positions`, {
      name: '劳务派遣操作工',
      category: 'dispatched',
      duties: '遵守操作规程，参加安全培训',
    });
    view = res.json<ResponsibilityView>();
    expect(view.coverageGaps).toEqual([]);
    expect(view.facts.responsibilitySystem).toBe(true);
    expect(view.positions.map((p) => p.category)).toEqual(['main_leader', 'dispatched']);

    const bad = await safety.post(`${base}/positions`, { name: '', category: 'boss', duties: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<ErrorBody>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(['category', 'duties', 'name']);

    // A deputy with no duty text counts once its list is uploaded.
    res = await safety.post(`${base}/deputy-lists`, {
      name: '王副总',
      title: '副总经理',
      area: '生产、设备',
      duties: null,
    });
    view = res.json<ResponsibilityView>();
    expect(view.deputies[0]!.listed).toBe(false);
    expect(view.facts.deputyDutyLists).toBe(0);
    const deputyId = view.deputies[0]!.id;
    const doc = await upload(
      safety,
      `owner=deputy_duty_list&ownerId=${deputyId}`,
      '职责清单.docx',
      await docx(),
    );
    expect(doc.statusCode).toBe(201);
    view = (await safety.get(`${base}/responsibility`)).json<ResponsibilityView>();
    expect(view.deputies[0]!.listed).toBe(true);
    expect(view.deputies[0]!.files[0]!.fileName).toBe('职责清单.docx');
    expect(view.facts.deputyDutyLists).toBe(1);

    res = await safety.post(`${base}/work-lists`, {
      title: '专项行动工作清单',
      content: '1. 对标自查',
    });
    view = res.json<ResponsibilityView>();
    expect(view.workLists[0]).toMatchObject({ year, campaignId: null });
    expect(view.facts.campaignWorkList).toBe(true);

    res = await safety.post(`${base}/experts`, {
      name: '李专家',
      specialty: '化工工艺安全',
      organisation: '某安全技术咨询公司',
      engagedFrom: `${year}-01-01`,
      engagedTo: null,
      scope: '重大事故隐患排查技术指导',
    });
    expect(res.json<ResponsibilityView>().experts[0]!.engagedNow).toBe(true);
    const badExpert = await safety.post(`${base}/experts`, {
      name: '李专家',
      specialty: '化工',
      engagedFrom: `${year}-05-01`,
      engagedTo: `${year}-04-01`,
    });
    expect(badExpert.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'engagedTo',
      message: '聘期结束不能早于开始',
    });
  });

  it('reads 包保 persons and safety staffing from the registry', async () => {
    const at = new Date().toISOString();
    const source = (name: string, technical: string) => ({
      enterprise_id: ent,
      name,
      level: 2,
      substances: '液氨',
      leader_name: '张恒',
      leader_phone: null,
      technical_name: technical,
      technical_phone: null,
      operations_name: '赵班长',
      operations_phone: null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    });
    // An imported row may carry a blank name; the registry's own form refuses one.
    await t.db.kysely.insertInto('hazard_sources').values(source('液氨罐区', '王工')).execute();
    await t.db.kysely.insertInto('hazard_sources').values(source('液氯库', ' ')).execute();
    let view = (await inspector.get(`${base}/responsibility`)).json<ResponsibilityView>();
    expect(view.majorSources.map((s) => [s.name, s.missing])).toEqual([
      ['液氨罐区', []],
      ['液氯库', ['technical']],
    ]);
    expect(view.facts.majorSourcesWithoutGuarantor).toBe(1);
    expect(view.safety).toEqual({ agency: null, staffCount: null, met: false });
    await t.db.kysely
      .updateTable('enterprises')
      .set({ safety_agency: 'full_time', safety_staff_count: 2 })
      .where('id', '=', ent)
      .execute();
    view = (await inspector.get(`${base}/responsibility`)).json<ResponsibilityView>();
    expect(view.safety).toEqual({ agency: 'full_time', staffCount: 2, met: true });
  });

  it('refuses an edit carrying an old version with 409, and voids with a reason', async () => {
    const view = (await safety.get(`${base}/responsibility`)).json<ResponsibilityView>();
    const p = view.positions[0]!;
    const body = { name: p.name, category: p.category, duties: '修订后的责任', version: p.version };
    const first = await safety.patch(`${base}/positions/${p.id}`, body);
    expect(first.statusCode).toBe(200);
    expect(first.json<ResponsibilityView>().positions[0]!.duties).toBe('修订后的责任');
    expect(await lastAudit(t.db)).toMatchObject({ action: 'duty_position.updated' });
    const stale = await leader.patch(`${base}/positions/${p.id}`, {
      ...body,
      duties: '另一人的修改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');

    const expert = view.experts[0]!;
    const noReason = await safety.post(`${base}/experts/${expert.id}/void`, {
      reason: '',
      version: expert.version,
    });
    expect(noReason.statusCode).toBe(400);
    const voided = await safety.post(`${base}/experts/${expert.id}/void`, {
      reason: '聘期提前结束',
      version: expert.version,
    });
    expect(voided.json<ResponsibilityView>().experts).toEqual([]);
    expect(await lastAudit(t.db)).toMatchObject({ action: 'duty_expert.voided' });
    expect(
      (
        await safety.patch(`${base}/experts/${expert.id}`, {
          name: expert.name,
          specialty: expert.specialty,
          engagedFrom: expert.engagedFrom,
          version: expert.version + 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('flags contracts without a safety agreement, its copy, a valid qualification or duties', async () => {
    let res = await safety.post(`${base}/contracts`, contract());
    expect(res.statusCode).toBe(201);
    let view = res.json<OutsourcingView>();
    let c = view.contracts[0]!;
    expect(c.problems.map((p) => p.code)).toEqual(['no_safety_agreement']);
    expect(view.facts).toMatchObject({ contracts: 1, contractsWithProblems: 1 });

    res = await safety.patch(`${base}/contracts/${c.id}`, {
      ...contract({ agreementSignedOn: `${year}-01-10` }),
      version: c.version,
    });
    c = res.json<OutsourcingView>().contracts[0]!;
    expect(c.problems.map((p) => p.code)).toEqual(['agreement_not_uploaded']);
    // The agreement must be a document: a photo is refused here.
    const photo = await upload(safety, `owner=contract_agreement&ownerId=${c.id}`, 'a.png', png());
    expect(photo.statusCode).toBe(400);
    expect(photo.json<ErrorBody>().error.fields[0]!.message).toContain('只能上传PDF');
    expect(
      (
        await upload(
          safety,
          `owner=contract_agreement&ownerId=${c.id}`,
          '安全生产协议.pdf',
          tinyPdf(['Agreement']),
        )
      ).statusCode,
    ).toBe(201);
    view = (await safety.get(`${base}/outsourcing`)).json<OutsourcingView>();
    c = view.contracts[0]!;
    expect(c.problems).toEqual([]);
    expect(view.facts.contractsWithProblems).toBe(0);

    // Expired qualification, no qualification, duties not defined.
    res = await safety.post(
      `${base}/contracts`,
      contract({
        kind: 'lease',
        scopeKind: 'premises',
        scope: '3号仓库',
        counterparty: '某物流公司',
        qualificationExpiry: `${lastYear}-06-30`,
        agreementSignedOn: `${year}-02-01`,
        dutiesDefined: false,
        dutiesText: null,
      }),
    );
    const leased = res
      .json<OutsourcingView>()
      .contracts.find((x) => x.counterparty === '某物流公司')!;
    expect(leased.problems).toEqual([
      { code: 'qualification_expired', detail: { date: `${lastYear}-06-30` } },
      { code: 'agreement_not_uploaded' },
      { code: 'duties_not_defined' },
    ]);
    res = await safety.post(
      `${base}/contracts`,
      contract({
        kind: 'entrust',
        counterparty: '无资质单位',
        qualificationName: null,
        qualificationNumber: null,
        qualificationExpiry: null,
      }),
    );
    const third = res.json<OutsourcingView>();
    expect(
      third.contracts.find((x) => x.counterparty === '无资质单位')!.problems.map((p) => p.code),
    ).toEqual(['qualification_missing', 'no_safety_agreement']);
    expect(third.facts).toMatchObject({ contracts: 3, contractsWithProblems: 2 });
    // Problems come first among the active contracts.
    expect(third.contracts.at(-1)!.problems).toEqual([]);

    // Field errors first; the cross-field rules (dutiesText when duties are defined) follow.
    const bad = await safety.post(`${base}/contracts`, contract({ kind: 'rent' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(['kind']);
    const noText = await safety.post(`${base}/contracts`, contract({ dutiesText: '' }));
    expect(noText.json<ErrorBody>().error.fields).toEqual([
      { path: 'dutiesText', message: '已明确安全生产管理职责的，请填写职责约定内容' },
    ]);
    const future = await safety.post(
      `${base}/contracts`,
      contract({ agreementSignedOn: `${year + 1}-01-01` }),
    );
    expect(future.json<ErrorBody>().error.fields[0]).toMatchObject({ path: 'agreementSignedOn' });
  });

  it('records periodic checks, ends contracts and records the comprehensive check', async () => {
    let view = (await safety.get(`${base}/outsourcing`)).json<OutsourcingView>();
    expect(view.facts.comprehensiveCheckDone).toBe(false);
    const leased = view.contracts.find((c) => c.counterparty === '某物流公司')!;
    let res = await safety.post(`${base}/contracts/${leased.id}/checks`, {
      checkDate: today,
      checkedBy: '刘安',
      findings: '消防通道堆放杂物',
      rectification: '已当场清理',
    });
    expect(res.statusCode).toBe(201);
    expect(
      res.json<OutsourcingView>().contracts.find((c) => c.id === leased.id)!.checks[0],
    ).toMatchObject({
      checkDate: today,
      findings: '消防通道堆放杂物',
    });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'outsourcing_check.created' });

    res = await safety.post(`${base}/contracts/${leased.id}/end`, {
      endedOn: today,
      reason: '租赁到期',
      version: leased.version,
    });
    view = res.json<OutsourcingView>();
    const ended = view.contracts.find((c) => c.id === leased.id)!;
    expect(ended).toMatchObject({ active: false, endedOn: today, problems: [] });
    expect(view.facts).toMatchObject({ contracts: 2, contractsWithProblems: 1 });
    const late = await safety.post(`${base}/contracts/${leased.id}/checks`, {
      checkDate: today,
      checkedBy: '刘安',
      findings: '未发现问题',
    });
    expect(late.statusCode).toBe(409);
    expect(
      (
        await safety.post(`${base}/contracts/${leased.id}/end`, {
          endedOn: today,
          version: ended.version,
        })
      ).statusCode,
    ).toBe(409);

    const foreign = await safety.post(`${base}/reviews`, {
      checkDate: today,
      scope: '全部外包外租项目和场所',
      contractIds: [99999],
      findings: '未发现问题',
    });
    expect(foreign.json<ErrorBody>().error.fields[0]).toMatchObject({ path: 'contractIds' });
    res = await leader.post(`${base}/reviews`, {
      checkDate: today,
      scope: '全部外包外租项目和场所',
      contractIds: view.contracts.map((c) => c.id),
      findings: '1家承包单位无资质，1家租赁单位职责不清',
      actions: '限期补正，逾期解除合同',
    });
    expect(res.statusCode).toBe(201);
    view = res.json<OutsourcingView>();
    expect(view.reviews[0]!.contractIds).toHaveLength(3);
    expect(view.facts.comprehensiveCheckDone).toBe(true);
  });

  it('counts drills per calendar year: Dec 31 and Jan 1 each count for their own year', async () => {
    const drill = (drillDate: string, scenario = '液氨泄漏') => ({
      scenario,
      drillType: 'special',
      drillDate,
      participants: 35,
      equipmentUsed: '正压式空气呼吸器、堵漏工具',
      equipmentAdded: '补充防化服2套',
      evaluation: '响应及时',
      improvements: '加强疏散引导',
    });
    let res = await safety.post(`${base}/drills`, drill(`${lastYear}-12-31`));
    expect(res.statusCode).toBe(201);
    let view = res.json<DrillsView>();
    expect(view.year).toBe(lastYear);
    expect(view.status).toEqual({ count: 1, required: 2, short: true });
    res = await safety.post(`${base}/drills`, drill(`${year}-01-01`, '火灾疏散'));
    view = res.json<DrillsView>();
    expect(view.year).toBe(year);
    expect(view.status).toEqual({ count: 1, required: 2, short: true });
    expect(view.facts.drillsThisYear).toBe(1);
    expect(view.years).toEqual([
      { year, count: 1 },
      { year: lastYear, count: 1 },
    ]);
    const future = await safety.post(`${base}/drills`, drill(`${year + 1}-01-01`));
    expect(future.json<ErrorBody>().error.fields[0]).toMatchObject({
      path: 'drillDate',
      message: '演练日期不能晚于今天',
    });
    expect(
      (await safety.post(`${base}/drills`, { ...drill(today), participants: 0 })).statusCode,
    ).toBe(400);
    res = await safety.post(`${base}/drills`, drill(today, '中毒窒息'));
    view = res.json<DrillsView>();
    expect(view.status.short).toBe(false);
    expect(view.drills.map((d) => d.scenario)).toEqual(['中毒窒息', '火灾疏散']);
    const past = (await inspector.get(`${base}/drills?year=${lastYear}`)).json<DrillsView>();
    expect(past.drills.map((d) => d.drillDate)).toEqual([`${lastYear}-12-31`]);
    expect(past.canEdit).toBe(false);

    // Photos of a drill lose their location metadata.
    const drillId = view.drills[0]!.id;
    const photo = await upload(safety, `owner=drill&ownerId=${drillId}`, 'drill.png', png());
    expect(photo.statusCode).toBe(201);
    const file = photo.json<{ id: number; mimeType: string }>();
    const got = await inspector.get(`${base}/files/${file.id}`);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.toString('latin1')).not.toContain('GPSLatitude');
  });

  it('checks uploads by content, name and size; serves and voids them within scope', async () => {
    const text = await upload(safety, 'owner=emergency_plan', 'plan.pdf', Buffer.from('hello'));
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorBody>().error.fields[0]!.message).toBe(
      '只能上传PDF、Word（.docx）或Excel（.xlsx）文件',
    );
    const renamed = await upload(safety, 'owner=emergency_plan', 'plan.docx', tinyPdf(['x']));
    expect(renamed.json<ErrorBody>().error.fields[0]!.message).toBe(
      '文件内容与扩展名不符，应为.pdf文件',
    );
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    tinyPdf(['big']).copy(big);
    expect((await upload(safety, 'owner=emergency_plan', 'big.pdf', big)).statusCode).toBe(413);
    expect(
      (await upload(safety, 'owner=drill', 'x.pdf', tinyPdf(['x']))).json<ErrorBody>().error
        .fields[0],
    ).toMatchObject({
      path: 'ownerId',
    });
    expect(
      (await upload(safety, 'owner=emergency_plan&ownerId=1', 'x.pdf', tinyPdf(['x']))).statusCode,
    ).toBe(400);
    expect(
      (await upload(safety, 'owner=drill&ownerId=99999', 'x.pdf', tinyPdf(['x']))).statusCode,
    ).toBe(404);
    expect((await upload(safety, 'owner=nothing', 'x.pdf', tinyPdf(['x']))).statusCode).toBe(400);

    const ok = await upload(
      safety,
      'owner=emergency_plan',
      '../应急预案.pdf',
      tinyPdf(['Emergency plan']),
    );
    expect(ok.statusCode).toBe(201);
    const plan = ok.json<{ id: number; fileName: string; owner: string }>();
    expect(plan).toMatchObject({ fileName: '应急预案.pdf', owner: 'emergency_plan' });
    expect(await lastAudit(t.db)).toMatchObject({ action: 'duty_file.added' });
    let view = (await inspector.get(`${base}/drills`)).json<DrillsView>();
    expect(view.plans.map((p) => p.id)).toEqual([plan.id]);
    expect(view.facts.emergencyPlanAttached).toBe(true);

    const got = await inspector.get(`${base}/files/${plan.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await otherEnt.get(`${base}/files/${plan.id}`)).statusCode).toBe(404);
    expect(
      (
        await otherEnt.get(
          `/api/v1/enterprises/${t.enterprises.miningA}/duty-records/files/${plan.id}`,
        )
      ).statusCode,
    ).toBe(404);

    expect(
      (await inspector.post(`${base}/files/${plan.id}/void`, { reason: '作废' })).statusCode,
    ).toBe(403);
    expect(
      (await safety.post(`${base}/files/${plan.id}/void`, { reason: '已修订' })).statusCode,
    ).toBe(204);
    view = (await safety.get(`${base}/drills`)).json<DrillsView>();
    expect(view.plans).toEqual([]);
    expect((await safety.get(`${base}/files/${plan.id}`)).statusCode).toBe(404);
    // Put a plan back for the facts below.
    expect(
      (await upload(safety, 'owner=emergency_plan', '应急预案2.pdf', tinyPdf(['v2']))).statusCode,
    ).toBe(201);
  });

  it('gives the scorecard its facts as of a day, registry facts included', async () => {
    const facts = await dutyRecordFacts(t.db.kysely, ent, today);
    expect(facts).toEqual({
      responsibility: {
        responsibilitySystem: true,
        deputyDutyLists: 1,
        campaignWorkList: true,
        majorSourcesWithoutGuarantor: 1,
        safetyAgencyOrStaff: true,
        experts: 0,
      },
      outsourcing: { contracts: 2, contractsWithProblems: 1, comprehensiveCheckDone: true },
      drills: { drillsThisYear: 2, emergencyPlanAttached: true },
    });
    // On last Dec 31 nothing had been recorded yet (records are created today), but the
    // registry facts hold.
    const before = await dutyRecordFacts(t.db.kysely, ent, `${lastYear}-12-31`);
    expect(before).toEqual({
      responsibility: {
        responsibilitySystem: false,
        deputyDutyLists: 0,
        campaignWorkList: false,
        majorSourcesWithoutGuarantor: 1,
        safetyAgencyOrStaff: true,
        experts: 0,
      },
      outsourcing: { contracts: 0, contractsWithProblems: 0, comprehensiveCheckDone: false },
      drills: { drillsThisYear: 0, emergencyPlanAttached: false },
    });
    // Another enterprise is untouched except its own drill.
    const other = await dutyRecordFacts(t.db.kysely, t.enterprises.miningA, today);
    expect(other.drills.drillsThisYear).toBe(1);
    expect(other.outsourcing.contracts).toBe(0);
  });
});

describe('duty records demo', () => {
  let t: TestContext;
  afterAll(async () => t.close());

  it('seeds 恒泰化工 as partly done on outsourcing and drills, 金鼎矿业 differently', async () => {
    t = await createTestContext();
    const at = new Date().toISOString();
    const add = (name: string, body: string, sector: 'hazchem' | 'mining', subType: string) =>
      insertEnterprise(t.db.kysely, {
        ...enterpriseColumns(
          createEnterpriseSchema.parse({
            name,
            creditCode: body + creditCodeCheckChar(body)!,
            sector,
            subType,
            orgUnitId: t.org.districtA,
            safetyAgency: 'full_time',
            safetyStaffCount: 2,
          }),
        ),
        created_at: at,
        updated_at: at,
        version: 1,
      });
    const hengtai = await add(
      '东胜区恒泰化工有限公司',
      '91150602MA0N3K5H2',
      'hazchem',
      'production',
    );
    const jinding = await add(
      '东胜区金鼎矿业有限责任公司',
      '91150602MA0P7R1L8',
      'mining',
      'open_pit',
    );
    await t.createUser({
      username: 'qiye1_aq',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: hengtai,
      displayName: '刘安',
    });
    await t.createUser({ username: 'zf2', role: 'inspector', orgUnitId: t.org.brigadeA });
    await seedDutyRecordDemo(t.db, t.app.audit, storageFor(t.config));
    // A second run changes nothing.
    await seedDutyRecordDemo(t.db, t.app.audit, storageFor(t.config));

    const statuses = async (id: number) => {
      const facts = await dutyRecordFacts(t.db.kysely, id, today);
      const card = computeScorecard({
        organize: {
          selfInspectionSubmitted: true,
          leaderInspectionMissingMonths: [],
          keyPeriodMissedDays: 0,
          overdueMajorHazards: 0,
        },
        hazardous_work: {
          warningEducationHeld: true,
          weldingEquipmentChecked: true,
          hazardousStaffChecked: true,
          expiredCertificates: 0,
          expiringCertificates: 0,
        },
        ...facts,
      });
      return Object.fromEntries(card.duties.map((d) => [d.duty, d.status]));
    };
    expect(await statuses(hengtai)).toMatchObject({
      responsibility: 'done',
      outsourcing: 'partly',
      drills: 'partly',
    });
    expect(await statuses(jinding)).toMatchObject({
      responsibility: 'partly',
      outsourcing: 'partly',
      drills: 'done',
    });

    const inspector = await t.login('zf2');
    const out = (
      await inspector.get(`/api/v1/enterprises/${hengtai}/duty-records/outsourcing`)
    ).json<OutsourcingView>();
    expect(out.contracts.map((c) => c.problems.map((p) => p.code))).toEqual([
      ['no_safety_agreement'],
      [],
    ]);
    const drills = (
      await inspector.get(`/api/v1/enterprises/${hengtai}/duty-records/drills`)
    ).json<DrillsView>();
    expect(drills.status).toMatchObject({ count: 1, short: true });
    const plan = await inspector.get(
      `/api/v1/enterprises/${hengtai}/duty-records/files/${drills.plans[0]!.id}`,
    );
    expect(plan.statusCode).toBe(200);
    expect(plan.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.4');
  });
});
