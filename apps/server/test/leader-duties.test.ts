import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  calendarMonthOf,
  calendarMonthsSpanned,
  type Checklist,
  createEnterpriseSchema,
  type EnterpriseLeaderInspections,
  type EnterpriseSafetyFunds,
  type HazardDetail,
  type KeyPeriodEnterpriseRow,
  type KeyPeriodView,
  type LeaderInspectionView,
  type LeaderOverview,
  withCampaignDefaults,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { campaignColumns, insertCampaign } from '../src/modules/campaigns/campaigns.repository.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { leaderDutyFacts } from '../src/modules/leader-duties/leader-duties.service.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';

type ErrorBody = { error: { code: string; fields: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

const today = todayInChina();
const thisYear = Number(today.slice(0, 4));

/** The first day of the month `n` months before today's month. */
function monthStart(n: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

describe('leader inspections, key periods and the safety fund', () => {
  let t: TestContext;
  let hazchemA2: number;
  let leaderA: TestClient;
  let safetyA: TestClient;
  let leaderA2: TestClient;
  let leaderB: TestClient;
  let entMine: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let weihuaB: TestClient;
  let inspector: TestClient;
  let admin: TestClient;
  let checklist: Checklist;
  // The campaign of district A (hazchem) started mid-month four months ago.
  const campaignStart = addDays(monthStart(4), 14);
  const campaignEnd = addDays(today, 60);

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
    const users: Parameters<TestContext['createUser']>[0][] = [
      {
        username: 'leader_a',
        displayName: '张恒',
        role: 'ent_leader',
        orgUnitId: t.org.districtA,
        enterpriseId: t.enterprises.hazchemA,
      },
      {
        username: 'safety_a',
        displayName: '刘安',
        role: 'ent_safety',
        orgUnitId: t.org.districtA,
        enterpriseId: t.enterprises.hazchemA,
      },
      {
        username: 'leader_a2',
        role: 'ent_leader',
        orgUnitId: t.org.districtA,
        enterpriseId: hazchemA2,
      },
      {
        username: 'leader_b',
        role: 'ent_leader',
        orgUnitId: t.org.districtB,
        enterpriseId: t.enterprises.hazchemB,
      },
      {
        username: 'ent_mine',
        role: 'ent_leader',
        orgUnitId: t.org.districtA,
        enterpriseId: t.enterprises.miningA,
      },
      {
        username: 'weihua',
        role: 'office',
        orgUnitId: t.org.officeWeihuaA,
        sectors: ['hazchem', 'fireworks'],
      },
      {
        username: 'jichu',
        role: 'office',
        orgUnitId: t.org.officeJichuA,
        sectors: ['mining', 'industry'],
      },
      {
        username: 'weihua_b',
        role: 'office',
        orgUnitId: t.org.officeWeihuaB,
        sectors: ['hazchem', 'fireworks'],
      },
      { username: 'zhifa', role: 'inspector', orgUnitId: t.org.brigadeA, sectors: ['hazchem'] },
      { username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA },
    ];
    for (const u of users) await t.createUser(u);
    leaderA = await t.login('leader_a');
    safetyA = await t.login('safety_a');
    leaderA2 = await t.login('leader_a2');
    leaderB = await t.login('leader_b');
    entMine = await t.login('ent_mine');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    weihuaB = await t.login('weihua_b');
    inspector = await t.login('zhifa');
    admin = await t.login('admin_a');

    const { id: adminId } = await t.db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin_a')
      .executeTakeFirstOrThrow();
    const full = withCampaignDefaults({
      name: '甲区专项行动',
      year: thisYear,
      sectors: ['hazchem'],
      orgUnitId: t.org.districtA,
      phases: [{ key: 'all', name: '排查整治', start: campaignStart, end: campaignEnd }],
    });
    await insertCampaign(t.db.kysely, {
      ...campaignColumns(full),
      org_unit_id: t.org.districtA,
      created_at: at,
      created_by: Number(adminId),
      created_by_name: 'admin_a',
    });
    checklist = (
      await safetyA.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/checklist`)
    ).json();
  });
  afterAll(async () => t.close());

  const base = (inspectedOn: string) => ({
    inspectedOn,
    participants: '张恒（主要负责人）、刘安、设备部王工',
    places: '储罐区、二车间',
    content: '对照重大事故隐患判定标准检查储罐区和二车间',
  });

  /** Records a draft as the safety manager and (optionally) signs it as the leader. */
  async function record(inspectedOn: string, sign: boolean, extra: object = {}) {
    const res = await safetyA.post(
      `/api/v1/enterprises/${t.enterprises.hazchemA}/leader-inspections`,
      {
        ...base(inspectedOn),
        ...extra,
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    let view = res.json<LeaderInspectionView>();
    if (sign) {
      const signed = await leaderA.post(`/api/v1/leader-inspections/${view.id}/sign`, {
        version: view.version,
      });
      expect(signed.statusCode, signed.body).toBe(200);
      view = signed.json<LeaderInspectionView>();
    }
    return view;
  }

  let draft: LeaderInspectionView;

  it('records a draft inspection of the own enterprise only, with checklist items', async () => {
    const url = `/api/v1/enterprises/${t.enterprises.hazchemA}/leader-inspections`;
    const [item1, item2] = checklist.items;
    expect(item1 && item2).toBeTruthy();
    const body = {
      ...base(addDays(monthStart(3), 9)),
      itemCodes: [item1!.code, item2!.code],
      findings: [
        {
          title: '储罐区可燃气体报警器失效',
          description: '2号储罐区有两台可燃气体报警器不报警',
          place: '储罐区',
          hazardLevel: 'major',
          catalogItemCode: item1!.code,
        },
        {
          title: '二车间消防通道堆放杂物',
          description: '通道堆放包装物',
          hazardLevel: 'general',
          noCatalogReason: '一般隐患，不涉及判定标准',
          treatment: 'immediate',
        },
        { title: '巡检记录不全', description: '夜班巡检记录缺两天' },
      ],
    };
    expect((await t.anonymous.post(url, body)).statusCode).toBe(401);
    expect((await weihua.post(url, body)).statusCode).toBe(403);
    expect((await leaderB.post(url, body)).statusCode).toBe(404);
    const bad = await safetyA.post(url, { ...body, participants: '', findings: [{ title: 'x' }] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<ErrorBody>().error.fields.map((f) => f.path);
    expect(paths).toContain('participants');
    const future = await safetyA.post(url, { ...body, inspectedOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.fields[0]?.path).toBe('inspectedOn');
    const notOnList = await safetyA.post(url, { ...body, itemCodes: ['KS-2022-01'] });
    expect(notOnList.statusCode).toBe(400);
    expect(notOnList.json<ErrorBody>().error.fields[0]?.message).toMatch(/不在本企业的检查清单中/);
    const majorNoReason = await safetyA.post(url, {
      ...body,
      findings: [{ title: '某问题', description: '某问题描述', hazardLevel: 'major' }],
    });
    expect(majorNoReason.statusCode).toBe(400);

    const res = await safetyA.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    draft = res.json<LeaderInspectionView>();
    expect(draft.status).toBe('draft');
    expect(draft.items.map((i) => i.code)).toEqual([item1!.code, item2!.code]);
    expect(draft.findings).toHaveLength(3);
    expect(draft.findings.every((f) => f.hazardId === null)).toBe(true);
    expect(draft.can).toEqual({ edit: true, sign: false, void: true });
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('leader_inspection.recorded');
    expect(audit.entity_id).toBe(String(draft.id));
    // The leader sees the sign button.
    const asLeader = (
      await leaderA.get(`/api/v1/leader-inspections/${draft.id}`)
    ).json<LeaderInspectionView>();
    expect(asLeader.can.sign).toBe(true);
  });

  it('lets only the main leader sign; signing records the hazards in the ledger', async () => {
    const url = `/api/v1/leader-inspections/${draft.id}/sign`;
    expect((await safetyA.post(url, { version: draft.version })).statusCode).toBe(403);
    expect((await weihua.post(url, { version: draft.version })).statusCode).toBe(403);
    expect((await leaderA2.post(url, { version: draft.version })).statusCode).toBe(404);
    expect((await leaderA.post(url, { version: draft.version + 5 })).statusCode).toBe(409);

    const res = await leaderA.post(url, { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    const signed = res.json<LeaderInspectionView>();
    expect(signed.status).toBe('signed');
    expect(signed.signedByName).toContain('张恒');
    expect(signed.can).toEqual({ edit: false, sign: false, void: false });
    const [major, general, note] = signed.findings;
    expect(major?.hazardId).toBeTruthy();
    expect(major?.hazardNumber).toMatch(/^甲-\d{4}-\d{6}$/);
    expect(general?.hazardId).toBeTruthy();
    expect(note?.hazardId).toBeNull();

    const hazard = (await leaderA.get(`/api/v1/hazards/${major!.hazardId}`)).json<HazardDetail>();
    expect(hazard.origin).toBe('leader_check');
    expect(hazard.level).toBe('major');
    expect(hazard.foundAt).toBe(draft.inspectedOn);
    expect(hazard.catalogItemCode).toBe(checklist.items[0]!.code);
    expect(hazard.status).toBe('reported');
    const generalHazard = (
      await leaderA.get(`/api/v1/hazards/${general!.hazardId}`)
    ).json<HazardDetail>();
    expect(generalHazard.level).toBe('general');
    expect(generalHazard.treatment).toBe('immediate');
    expect(generalHazard.noCatalogReason).toBe('一般隐患，不涉及判定标准');
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('leader_inspection.signed');
  });

  it('makes a signed record read-only', async () => {
    const put = await safetyA.request({
      method: 'PUT',
      url: `/api/v1/leader-inspections/${draft.id}`,
      payload: { ...base(draft.inspectedOn), version: draft.version + 1 },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json<ErrorBody>().error.fields[0]?.message).toMatch(/已由主要负责人签字存档/);
    const again = await leaderA.post(`/api/v1/leader-inspections/${draft.id}/sign`, {
      version: draft.version + 1,
    });
    expect(again.statusCode).toBe(409);
    const voided = await safetyA.post(`/api/v1/leader-inspections/${draft.id}/void`, {
      reason: '误登记',
      version: draft.version + 1,
    });
    expect(voided.statusCode).toBe(409);
  });

  it('edits and voids drafts with the version read', async () => {
    const d = await record(addDays(monthStart(2), 4), false);
    const url = `/api/v1/leader-inspections/${d.id}`;
    const put = (version: number) =>
      safetyA.request({
        method: 'PUT',
        url,
        payload: { ...base(d.inspectedOn), content: '复查储罐区', version },
      });
    expect((await put(d.version + 1)).statusCode).toBe(409);
    expect(
      (
        await leaderB.request({
          method: 'PUT',
          url,
          payload: { ...base(d.inspectedOn), version: d.version },
        })
      ).statusCode,
    ).toBe(404);
    const ok = await put(d.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<LeaderInspectionView>().content).toBe('复查储罐区');
    const v = await safetyA.post(`${url}/void`, { reason: '重复登记', version: d.version + 1 });
    expect(v.statusCode).toBe(204);
    expect((await safetyA.get(url)).statusCode).toBe(404);
  });

  it('flags exactly the finished campaign months without a signed inspection', async () => {
    // Month -4 (the campaign's partial first month): signed on the campaign's first day.
    // Month -3: signed (the test above). Month -2: only an unsigned draft. Month -1: nothing.
    await record(campaignStart, true);
    await record(addDays(monthStart(2), 19), false);
    const months = calendarMonthsSpanned(campaignStart, campaignEnd);
    const expected = [calendarMonthOf(monthStart(2)), calendarMonthOf(monthStart(1))];

    const res = await leaderA.get(
      `/api/v1/enterprises/${t.enterprises.hazchemA}/leader-inspections`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<EnterpriseLeaderInspections>();
    expect(view.campaign?.startDate).toBe(campaignStart);
    expect(view.months.map((m) => m.month)).toEqual(months);
    expect(view.missingMonths).toEqual(expected);
    const m2 = view.months.find((m) => m.month === expected[0]);
    expect(m2).toMatchObject({ due: true, signed: false, unsigned: true, missing: true });
    // The current month is not flagged while it runs.
    expect(view.months.find((m) => m.month === calendarMonthOf(today))).toMatchObject({
      due: false,
      missing: false,
    });
    expect(view.can.record).toBe(true);
  });

  it('gives the scorecard its facts', async () => {
    const facts = await leaderDutyFacts(t.db.kysely, t.enterprises.hazchemA, today);
    expect(facts.leaderInspectionMissingMonths).toEqual([
      calendarMonthOf(monthStart(2)),
      calendarMonthOf(monthStart(1)),
    ]);
    // Next month, today's month is over and flagged too.
    const nextMonth = addDays(monthStart(-1), 0);
    const later = await leaderDutyFacts(t.db.kysely, t.enterprises.hazchemA, nextMonth);
    expect(later.leaderInspectionMissingMonths).toContain(calendarMonthOf(today));
    // Enterprises outside any campaign have nothing to miss.
    const mining = await leaderDutyFacts(t.db.kysely, t.enterprises.miningA, today);
    expect(mining.leaderInspectionMissingMonths).toEqual([]);
  });

  it('shows the office its enterprises × months, filtered, and exports them', async () => {
    const res = await weihua.get('/api/v1/leader-inspections?pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<LeaderOverview>();
    expect(page.campaign?.name).toBe('甲区专项行动');
    expect(page.campaign?.dueMonths).toHaveLength(4);
    const names = page.items.map((r) => r.enterpriseName).sort();
    expect(names).toEqual(['甲区化工企业', '甲区第二化工企业'].sort());
    const a = page.items.find((r) => r.enterpriseId === t.enterprises.hazchemA)!;
    expect(a.missingMonths).toHaveLength(2);
    const a2 = page.items.find((r) => r.enterpriseId === hazchemA2)!;
    expect(a2.missingMonths).toHaveLength(4);

    // Sign a record for A in every due month: A drops out of "only with missing months".
    await record(addDays(monthStart(2), 2), true);
    await record(addDays(monthStart(1), 2), true);
    const missing = (
      await weihua.get('/api/v1/leader-inspections?onlyMissing=true')
    ).json<LeaderOverview>();
    expect(missing.items.map((r) => r.enterpriseId)).toEqual([hazchemA2]);
    expect(missing.total).toBe(1);
    const campaignId = page.campaign!.id;
    const bySector = (
      await weihua.get(`/api/v1/leader-inspections?campaignId=${campaignId}&sector=fireworks`)
    ).json<LeaderOverview>();
    expect(bySector.total).toBe(0);
    // The mining office answers for none of the campaign's sectors.
    const jichuPage = (await jichu.get('/api/v1/leader-inspections')).json<LeaderOverview>();
    expect(jichuPage.items).toHaveLength(0);
    // Another district's office does not see district A's campaign.
    expect(
      (await weihuaB.get(`/api/v1/leader-inspections?campaignId=${campaignId}`)).statusCode,
    ).toBe(404);
    expect((await leaderA.get('/api/v1/leader-inspections')).statusCode).toBe(403);
    expect((await weihua.get('/api/v1/leader-inspections?sector=coal')).statusCode).toBe(400);

    const xlsx = await weihua.get('/api/v1/leader-inspections/export?onlyMissing=true');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell(1, 1).text).toContain('甲区专项行动');
    expect(sheet.getCell(2, 2).value).toBe('企业名称');
    expect(sheet.getCell(3, 2).value).toBe('甲区第二化工企业');
    expect(sheet.rowCount).toBe(3);
  });

  it('scopes records: a foreign enterprise or record reads as 404', async () => {
    const own = `/api/v1/enterprises/${t.enterprises.hazchemA}/leader-inspections`;
    expect((await leaderB.get(own)).statusCode).toBe(404);
    expect((await weihuaB.get(own)).statusCode).toBe(404);
    expect((await jichu.get(own)).statusCode).toBe(404);
    expect((await inspector.get(own)).statusCode).toBe(200);
    expect((await leaderB.get(`/api/v1/leader-inspections/${draft.id}`)).statusCode).toBe(404);
    expect((await weihuaB.get(`/api/v1/leader-inspections/${draft.id}`)).statusCode).toBe(404);
    expect((await weihua.get(`/api/v1/leader-inspections/${draft.id}`)).statusCode).toBe(200);
    expect((await leaderA.get('/api/v1/leader-inspections/999999')).statusCode).toBe(404);
  });

  // --- Key periods ---------------------------------------------------------------------------

  let period: KeyPeriodView;

  it('declares key periods for the territory and the declarer’s sectors', async () => {
    const body = {
      name: '元旦',
      startDate: today,
      endDate: addDays(today, 3),
      sectors: ['hazchem'],
    };
    expect((await leaderA.post('/api/v1/key-periods', body)).statusCode).toBe(403);
    expect((await inspector.post('/api/v1/key-periods', body)).statusCode).toBe(403);
    const past = await weihua.post('/api/v1/key-periods', {
      ...body,
      startDate: addDays(today, -1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json<ErrorBody>().error.fields[0]?.path).toBe('startDate');
    expect(
      (await weihua.post('/api/v1/key-periods', { ...body, sectors: ['mining'] })).statusCode,
    ).toBe(400);
    const res = await weihua.post('/api/v1/key-periods', body);
    expect(res.statusCode, res.body).toBe(201);
    period = res.json<KeyPeriodView>();
    expect(period.state).toBe('ongoing');
    expect(period.dayCount).toBe(4);
    expect(period.stats?.enterpriseCount).toBe(2);
    expect(period.can.void).toBe(true);
    expect((await lastAudit(t.db)).action).toBe('key_period.declared');
    // A period that has started can no longer be edited.
    const edit = await weihua.request({
      method: 'PUT',
      url: `/api/v1/key-periods/${period.id}`,
      payload: { ...body, name: '元旦假期', version: period.version },
    });
    expect(edit.statusCode).toBe(409);
  });

  it('edits a period only before it starts, by its declaring unit', async () => {
    const body = {
      name: '春节',
      startDate: addDays(today, 10),
      endDate: addDays(today, 12),
      sectors: ['hazchem'],
    };
    const created = (await weihua.post('/api/v1/key-periods', body)).json<KeyPeriodView>();
    expect(created.can).toEqual({ edit: true, void: true });
    const url = `/api/v1/key-periods/${created.id}`;
    const edit = (client: TestClient, version: number) =>
      client.request({
        method: 'PUT',
        url,
        payload: { ...body, endDate: addDays(today, 15), version },
      });
    expect(
      (await jichu.request({ method: 'PUT', url, payload: { ...body, version: 1 } })).statusCode,
    ).toBe(404);
    expect(
      (await inspector.request({ method: 'PUT', url, payload: { ...body, version: 1 } }))
        .statusCode,
    ).toBe(403);
    expect((await edit(weihua, created.version + 1)).statusCode).toBe(409);
    const ok = await edit(admin, created.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<KeyPeriodView>().dayCount).toBe(6);
    expect((await lastAudit(t.db)).action).toBe('key_period.updated');
    const voided = await weihua.post(`${url}/void`, {
      reason: '日期有误',
      version: created.version + 1,
    });
    expect(voided.statusCode).toBe(204);
  });

  it('addresses a period to the enterprises of its district subtree and sectors', async () => {
    const url = `/api/v1/key-periods/${period.id}`;
    expect((await leaderA.get(url)).statusCode).toBe(200);
    expect((await leaderA2.get(url)).statusCode).toBe(200);
    expect((await entMine.get(url)).statusCode).toBe(404);
    expect((await leaderB.get(url)).statusCode).toBe(404);
    expect((await weihuaB.get(url)).statusCode).toBe(404);
    const mineList = (await entMine.get('/api/v1/key-periods')).json<Page<KeyPeriodView>>();
    expect(mineList.items.map((p) => p.id)).not.toContain(period.id);

    // A period of the city reaches the hazchem enterprises of both districts.
    const cityPeriod = await insertPeriod(t.org.city, '城市重大活动', today, addDays(today, 1));
    expect((await leaderB.get(`/api/v1/key-periods/${cityPeriod}`)).statusCode).toBe(200);
    expect((await leaderA.get(`/api/v1/key-periods/${cityPeriod}`)).statusCode).toBe(200);
    expect((await entMine.get(`/api/v1/key-periods/${cityPeriod}`)).statusCode).toBe(404);
    // District staff see the city's period too (it concerns their district).
    expect((await weihua.get(`/api/v1/key-periods/${cityPeriod}`)).statusCode).toBe(200);
    await t.db.kysely
      .updateTable('key_periods')
      .set({ voided_at: nowIso(), void_reason: 'test' })
      .where('id', '=', cityPeriod)
      .execute();
  });

  /** A period inserted as it stood when declared earlier (declaring in the past is refused). */
  async function insertPeriod(orgUnitId: number, name: string, start: string, end: string) {
    const at = nowIso();
    const { id } = await t.db.kysely
      .insertInto('key_periods')
      .values({
        org_unit_id: orgUnitId,
        name,
        start_date: start,
        end_date: end,
        sectors: JSON.stringify(['hazchem']),
        note: null,
        created_by: 1,
        created_by_name: 'test',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  }

  it('names the leaders on duty; past days keep their roster', async () => {
    const url = `/api/v1/enterprises/${t.enterprises.hazchemA}/key-periods/${period.id}/roster`;
    const entries = [0, 1, 2, 3].map((i) => ({
      date: addDays(today, i),
      leaderName: i % 2 ? '李副总' : '张恒',
      leaderPhone: '13904770001',
    }));
    expect((await weihua.request({ method: 'PUT', url, payload: { entries } })).statusCode).toBe(
      403,
    );
    const foreign = `/api/v1/enterprises/${t.enterprises.hazchemB}/key-periods/${period.id}/roster`;
    expect(
      (await safetyA.request({ method: 'PUT', url: foreign, payload: { entries } })).statusCode,
    ).toBe(404);
    const outside = await safetyA.request({
      method: 'PUT',
      url,
      payload: { entries: [{ date: addDays(today, 9), leaderName: '张恒' }] },
    });
    expect(outside.statusCode).toBe(400);
    const res = await safetyA.request({ method: 'PUT', url, payload: { entries } });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json<KeyPeriodView>();
    expect(view.duty?.days.map((d) => d.leaderName)).toEqual(['张恒', '李副总', '张恒', '李副总']);
    expect(view.duty?.daysWithoutLeader).toBe(0);
  });

  it('checks in only today, once, for the own enterprise', async () => {
    const url = `/api/v1/enterprises/${t.enterprises.hazchemA}/key-periods/${period.id}/check-ins`;
    const body = { date: today, personName: '张恒', note: '已到岗' };
    const future = await safetyA.post(url, { ...body, date: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json<ErrorBody>().error.fields[0]?.message).toBe('不能提前签到');
    expect((await weihua.post(url, body)).statusCode).toBe(403);
    const other = `/api/v1/enterprises/${hazchemA2}/key-periods/${period.id}/check-ins`;
    expect((await safetyA.post(other, body)).statusCode).toBe(404);
    expect(
      (
        await entMine.post(
          `/api/v1/enterprises/${t.enterprises.miningA}/key-periods/${period.id}/check-ins`,
          body,
        )
      ).statusCode,
    ).toBe(404);
    const res = await safetyA.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<KeyPeriodView>();
    expect(view.duty?.days[0]).toMatchObject({
      state: 'checked_in',
      checkIn: { personName: '张恒' },
    });
    expect((await lastAudit(t.db)).action).toBe('key_period.checked_in');
    const twice = await leaderA.post(url, body);
    expect(twice.statusCode).toBe(409);
  });

  it('counts missed past days and shows the office who missed them', async () => {
    // A period that ran over the last five days, checked in on one of them.
    const start = addDays(today, -5);
    const end = addDays(today, -1);
    const past = await insertPeriod(t.org.districtA, '国庆节', start, end);
    await t.db.kysely
      .insertInto('key_period_check_ins')
      .values({
        enterprise_id: t.enterprises.hazchemA,
        duty_date: addDays(today, -3),
        key_period_id: past,
        person_name: '张恒',
        note: null,
        checked_in_at: nowIso(),
        checked_in_by: 1,
        checked_in_by_name: 'test',
      })
      .execute();
    // A late check-in for a past day is refused.
    const late = await safetyA.post(
      `/api/v1/enterprises/${t.enterprises.hazchemA}/key-periods/${past}/check-ins`,
      { date: addDays(today, -2), personName: '张恒' },
    );
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().error.fields[0]?.message).toMatch(/不能补签/);

    const sameYear = (d: string) => d.startsWith(String(thisYear));
    const expectedA = [-5, -4, -2, -1].map((n) => addDays(today, n)).filter(sameYear).length;
    const expectedA2 = [-5, -4, -3, -2, -1].map((n) => addDays(today, n)).filter(sameYear).length;
    expect(
      (await leaderDutyFacts(t.db.kysely, t.enterprises.hazchemA, today)).keyPeriodMissedDays,
    ).toBe(expectedA);
    expect((await leaderDutyFacts(t.db.kysely, hazchemA2, today)).keyPeriodMissedDays).toBe(
      expectedA2,
    );
    expect(
      (await leaderDutyFacts(t.db.kysely, t.enterprises.miningA, today)).keyPeriodMissedDays,
    ).toBe(0);

    const rows = await weihua.get(`/api/v1/key-periods/${past}/enterprises?missedOnly=true`);
    expect(rows.statusCode, rows.body).toBe(200);
    const page = rows.json<Page<KeyPeriodEnterpriseRow>>();
    const a = page.items.find((r) => r.enterpriseId === t.enterprises.hazchemA)!;
    expect(a.missedDays).toBe(4);
    expect(a.checkedInDays).toBe(1);
    expect(a.missedDates).not.toContain(addDays(today, -3));
    expect(page.items.find((r) => r.enterpriseId === hazchemA2)?.missedDays).toBe(5);
    const list = (await weihua.get(`/api/v1/key-periods?year=${start.slice(0, 4)}`)).json<
      Page<KeyPeriodView>
    >();
    expect(list.items.find((p) => p.id === past)?.stats).toEqual({
      enterpriseCount: 2,
      enterprisesWithMissed: 2,
      missedDays: 9,
    });
    expect((await leaderA.get(`/api/v1/key-periods/${past}/enterprises`)).statusCode).toBe(403);
    // The enterprise sees its own days.
    const mine = (
      await leaderA.get(
        `/api/v1/enterprises/${t.enterprises.hazchemA}/key-periods?year=${thisYear}`,
      )
    ).json<{ items: KeyPeriodView[] }>();
    const own = mine.items.find((p) => p.id === past);
    if (start.startsWith(String(thisYear))) expect(own?.duty?.missedDays).toBe(4);
  });

  it('voids a period (only its declarer’s unit)', async () => {
    const res = await jichu.post(`/api/v1/key-periods/${period.id}/void`, {
      reason: '发布有误',
      version: period.version,
    });
    expect(res.statusCode).toBe(404); // the mining office does not see a hazchem period
    const ok = await admin.post(`/api/v1/key-periods/${period.id}/void`, {
      reason: '发布有误',
      version: period.version,
    });
    expect(ok.statusCode).toBe(204);
    expect((await leaderA.get(`/api/v1/key-periods/${period.id}`)).statusCode).toBe(404);
  });

  // --- Safety production fund ---------------------------------------------------------------

  it('records the fund per year and sums the rectification funds of the year’s hazards', async () => {
    // Give the two hazards of the signed inspection plan funds.
    const hazards = await t.db.kysely
      .selectFrom('hazards')
      .select(['id', 'found_at'])
      .where('enterprise_id', '=', t.enterprises.hazchemA)
      .execute();
    expect(hazards.length).toBeGreaterThanOrEqual(2);
    await t.db.kysely
      .updateTable('hazards')
      .set({ plan_funds_fen: 1_250_050 })
      .where('id', '=', hazards[0]!.id)
      .execute();
    await t.db.kysely
      .updateTable('hazards')
      .set({ plan_funds_fen: 80_000 })
      .where('id', '=', hazards[1]!.id)
      .execute();
    const year = Number(hazards[0]!.found_at.slice(0, 4));
    const sameYear = hazards
      .slice(0, 2)
      .filter((h) => Number(h.found_at.slice(0, 4)) === year).length;

    const url = `/api/v1/enterprises/${t.enterprises.hazchemA}/safety-funds`;
    const body = { extractedYuan: '500000', spentYuan: '12000.5', note: '按营业收入比例提取' };
    expect(
      (await weihua.request({ method: 'PUT', url: `${url}/${year}`, payload: body })).statusCode,
    ).toBe(403);
    expect(
      (await leaderB.request({ method: 'PUT', url: `${url}/${year}`, payload: body })).statusCode,
    ).toBe(404);
    expect(
      (await safetyA.request({ method: 'PUT', url: `${url}/${thisYear + 1}`, payload: body }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await safetyA.request({
          method: 'PUT',
          url: `${url}/${year}`,
          payload: { ...body, spentYuan: '1.234' },
        })
      ).statusCode,
    ).toBe(400);
    const res = await safetyA.request({ method: 'PUT', url: `${url}/${year}`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const funds = res.json<EnterpriseSafetyFunds>();
    const row = funds.items.find((i) => i.year === year)!;
    expect(row).toMatchObject({
      recorded: true,
      extractedYuan: '500000.00',
      spentYuan: '12000.50',
      version: 1,
    });
    expect(row.rectificationFundsYuan).toBe(sameYear === 2 ? '13300.50' : '12500.50');
    expect(row.rectificationExceedsSpent).toBe(true);
    expect((await lastAudit(t.db)).action).toBe('safety_fund.recorded');
    // A second "first" record, or an old version, is a 409.
    expect(
      (await safetyA.request({ method: 'PUT', url: `${url}/${year}`, payload: body })).statusCode,
    ).toBe(409);
    const fix = await leaderA.request({
      method: 'PUT',
      url: `${url}/${year}`,
      payload: { ...body, spentYuan: '20000', version: 1 },
    });
    expect(fix.statusCode).toBe(200);
    expect(
      fix.json<EnterpriseSafetyFunds>().items.find((i) => i.year === year)
        ?.rectificationExceedsSpent,
    ).toBe(false);
    // Staff read it; a foreign enterprise reads as 404.
    const staff = (await weihua.get(url)).json<EnterpriseSafetyFunds>();
    expect(staff.can.edit).toBe(false);
    expect(staff.items.find((i) => i.year === year)?.spentYuan).toBe('20000.00');
    expect((await leaderB.get(url)).statusCode).toBe(404);
  });
});
