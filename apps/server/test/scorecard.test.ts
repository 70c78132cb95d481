import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeScorecard, DUTIES, type ScorecardView, type Sector } from '@hazard-ledger/domain';
import { todayInChina } from '../src/lib/time.js';
import { collectDutyFacts } from '../src/modules/scorecard/scorecard.service.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from './harness.js';

type Page<T> = { items: T[]; total: number };
type ListItem = ScorecardView & { sector: Sector; districtName: string };

const status = (card: ScorecardView, duty: string) => card.duties.find((d) => d.duty === duty)!;

// The scorecard is computed from the four duty modules' records: these tests run it over the
// whole demo (every module's seed) and then change records through the API.
describe('five-duty scorecard', () => {
  let t: TestContext;
  let hengtai: number;
  let jinding: number;

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
    const ids = await t.db.kysely.selectFrom('enterprises').select(['id', 'name']).execute();
    hengtai = ids.find((e) => e.name === '东胜区恒泰化工有限公司')!.id;
    jinding = ids.find((e) => e.name.includes('金鼎'))!.id;
  });
  afterAll(() => t.close());

  it('rates the demo enterprise from its records, as the domain rules compute them', async () => {
    const leader = await t.login('qiye1_fzr');
    const res = await leader.get(`/api/v1/enterprises/${hengtai}/scorecard`);
    expect(res.statusCode).toBe(200);
    const card = res.json<ScorecardView>();
    expect(card.duties.map((d) => d.duty)).toEqual([...DUTIES]);
    expect(card.asOf).toBe(todayInChina());
    // The same facts through the domain rules give the same card.
    const facts = await collectDutyFacts(t.db.kysely, hengtai, card.asOf);
    const expected = computeScorecard(facts);
    expect(card.duties).toEqual(expected.duties);
    // What the demo seeds: a submitted self-inspection, a lease without a safety agreement,
    // one expired certificate, the 包保 persons of its ammonia tank farm.
    expect(facts.organize.selfInspectionSubmitted).toBe(true);
    expect(status(card, 'outsourcing').requirements).toContainEqual({
      code: 'contracts_compliant',
      met: false,
      detail: { count: 1 },
    });
    expect(facts.hazardous_work.expiredCertificates).toBe(1);
    expect(status(card, 'hazardous_work').status).toBe('partly');
    expect(facts.responsibility.majorSourcesWithoutGuarantor).toBe(0);
    expect(card.done + card.partly + card.missing).toBe(5);
  });

  it('changes when the enterprise records a second drill this year', async () => {
    const safety = await t.login('qiye1_aq');
    const before = (
      await safety.get(`/api/v1/enterprises/${hengtai}/scorecard`)
    ).json<ScorecardView>();
    expect(status(before, 'drills').requirements[0]).toMatchObject({
      code: 'drills_per_year',
      met: false,
      detail: { count: 1, required: 2 },
    });
    const drill = await safety.post(`/api/v1/enterprises/${hengtai}/duty-records/drills`, {
      scenario: '液氨泄漏现场处置',
      drillType: 'special',
      drillDate: todayInChina(),
      participants: 40,
      equipmentUsed: '正压式空气呼吸器',
      equipmentAdded: '',
      evaluation: '响应及时',
      improvements: '加强疏散引导',
    });
    expect(drill.statusCode).toBe(201);
    const after = (
      await safety.get(`/api/v1/enterprises/${hengtai}/scorecard`)
    ).json<ScorecardView>();
    expect(status(after, 'drills')).toMatchObject({ status: 'done' });
    expect(after.done).toBe(before.done + 1);
  });

  it('is scoped like the enterprise: foreign enterprises and sectors read as 404', async () => {
    const otherEnterprise = await t.login('qiye2_fzr');
    expect((await otherEnterprise.get(`/api/v1/enterprises/${hengtai}/scorecard`)).statusCode).toBe(
      404,
    );
    const weihua = await t.login('weihua');
    expect((await weihua.get(`/api/v1/enterprises/${hengtai}/scorecard`)).statusCode).toBe(200);
    expect((await weihua.get(`/api/v1/enterprises/${jinding}/scorecard`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/enterprises/${hengtai}/scorecard`)).statusCode).toBe(
      401,
    );
  });

  it('lists the scorecards of the enterprises in scope, filtered, and exports them', async () => {
    const weihua = await t.login('weihua');
    const page = (await weihua.get('/api/v1/scorecards?pageSize=50')).json<Page<ListItem>>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((c) => c.sector === 'hazchem' || c.sector === 'fireworks')).toBe(true);
    expect(page.items.map((c) => c.enterpriseId)).toContain(hengtai);
    expect(page.items.map((c) => c.enterpriseId)).not.toContain(jinding);

    const admin = await t.login('admin');
    const mining = (await admin.get('/api/v1/scorecards?sector=mining')).json<Page<ListItem>>();
    expect(mining.items.map((c) => c.enterpriseName)).toEqual(
      expect.arrayContaining([expect.stringContaining('金鼎')]),
    );
    expect(mining.items.every((c) => c.sector === 'mining')).toBe(true);
    const bad = await admin.get('/api/v1/scorecards?sector=coal');
    expect(bad.statusCode).toBe(400);

    const file = await weihua.get('/api/v1/scorecards/export');
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    expect(header).toContain('外包外租排查整治');
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(2).text);
    });
    expect(names).toContain('东胜区恒泰化工有限公司');
    expect(names.some((n) => n.includes('金鼎'))).toBe(false);
    const hengtaiRow = sheet.getRow(names.indexOf('东胜区恒泰化工有限公司') + 2);
    expect(hengtaiRow.getCell(10).text).toContain('外包外租合同缺资质、安全协议或职责约定');
  });
});
