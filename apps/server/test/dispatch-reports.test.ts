import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_LAYOUTS,
  type DispatchReportView,
  type DrillDownView,
  leafColumns,
  type ReportFigures,
  reportWeekOf,
  type RollupView,
  sumReportFigures,
} from '@hazard-ledger/domain';
import type { RequestContext } from '../src/lib/request-context.js';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { AuditWriter } from '../src/modules/audit/audit.writer.js';
import { cellText } from './xlsx-cells.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';

// The dispatch report workflow end to end through the API: drafts seen only in the district
// and sector, the brigade's confirmation (and its invalidation when enforcement data changes),
// submission frozen as a snapshot, corrections as versions, drill-down from draft and
// snapshot, the city roll-up equal to the sum of the district reports, completeness and
// timeliness, milestone reports and replaceable table layouts.

type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };

const CAMPAIGN_START = '2023-05-22';
const WEEK = '2023-06-07'; // Wednesday of the week 2023-06-05 … 2023-06-11

/** A China wall-clock time as the UTC instant the app stores. */
function china(local: string): string {
  return new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
}

const TEST_FIXTURE_CONTEXT: RequestContext = {
  actor: null,
  ip: null,
  requestId: 'test:fixture',
  locale: 'zh',
};

describe('dispatch reports', () => {
  let t: TestContext;
  let admin: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let zhifa: TestClient;
  let city: TestClient;
  let adminB: TestClient;
  let weihuaB: TestClient;
  let seq = 0;

  const ref = (over: Record<string, unknown> = {}) => ({
    districtId: t.org.districtA,
    sector: 'hazchem',
    kind: 'weekly',
    week: WEEK,
    ...over,
  });
  const qs = (o: Record<string, unknown>) =>
    new URLSearchParams(
      Object.entries(o).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString();

  async function hazard(spec: {
    enterpriseId: number;
    origin: string;
    foundAt: string;
    verifiedAt?: string;
    /** Leaves out the audit entry: a write that bypasses the app. */
    withoutAudit?: boolean;
  }): Promise<number> {
    const ent = await t.db.kysely
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', spec.enterpriseId)
      .executeTakeFirstOrThrow();
    const at = nowIso();
    // Backdated, so written directly, but with its audit entry as every change has: the shared
    // live draft is dropped by the next audited change, as it is for the app's own writes.
    return t.db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('hazards')
        .values({
          number: `DSP-${++seq}`,
          district_id: ent.org_unit_id,
          enterprise_id: spec.enterpriseId,
          sector: ent.sector,
          catalog_id: null,
          catalog_version: null,
          catalog_item_code: null,
          no_catalog_reason: '测试',
          level: 'major',
          title: `调度测试隐患${seq}`,
          description: '储罐区可燃气体报警器失效',
          place: null,
          cause_analysis: null,
          category: null,
          origin: spec.origin,
          found_at: spec.foundAt,
          found_by: '测试',
          treatment: 'deadline',
          status: spec.verifiedAt ? 'verified' : 'rectifying',
          plan_responsible: '张三',
          plan_measures: '更换报警器',
          plan_funds_fen: null,
          plan_funds_source: null,
          deadline: '2023-06-30',
          plan_emergency: null,
          plan_approved_at: null,
          reported_to_bureau_at: null,
          fix_description: null,
          fixed_by_user_id: null,
          fixed_at: null,
          leader_accepted_at: null,
          verified_at: spec.verifiedAt ?? null,
          verified_by_user_id: null,
          supervision_level: null,
          supervised_at: null,
          extension_deadline: null,
          extension_reason: null,
          created_by_user_id: admin.userId!,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (spec.withoutAudit) return Number(row.id);
      await new AuditWriter(t.db.dialect, t.config.auditHash).append(trx, TEST_FIXTURE_CONTEXT, {
        action: 'hazard.created',
        entityType: 'hazard',
        entityId: Number(row.id),
      });
      return Number(row.id);
    });
  }

  let selfFound: number;
  let bureauFound: number;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'weihua_a',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
      displayName: '危化室甲',
    });
    await t.createUser({
      username: 'jichu_a',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({
      username: 'zhifa_a',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
      displayName: '执法大队甲',
    });
    await t.createUser({
      username: 'weihua_b',
      role: 'office',
      orgUnitId: t.org.officeWeihuaB,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({ username: 'city_x', role: 'city', orgUnitId: t.org.city });
    admin = await t.login('admin_a');
    adminB = await t.login('admin_b');
    weihua = await t.login('weihua_a');
    jichu = await t.login('jichu_a');
    zhifa = await t.login('zhifa_a');
    weihuaB = await t.login('weihua_b');
    city = await t.login('city_x');

    // A city campaign from 2023-05-22 with a milestone, running long enough to cover today.
    const at = nowIso();
    await t.db.kysely
      .insertInto('campaigns')
      .values({
        org_unit_id: t.org.city,
        name: '测试专项行动',
        year: 2023,
        sectors: JSON.stringify(['hazchem', 'fireworks', 'mining', 'industry']),
        phases: JSON.stringify([
          { key: 'all', name: '全程', start: CAMPAIGN_START, end: '2099-12-31' },
        ]),
        weekly_weekday: 1,
        weekly_hour: 12,
        milestones: JSON.stringify([{ key: 'interim', name: '阶段性总结', due: '2023-08-13' }]),
        start_date: CAMPAIGN_START,
        end_date: '2099-12-31',
        created_at: at,
        created_by: null,
        created_by_name: null,
        updated_at: at,
        voided_at: null,
        void_reason: null,
        version: 1,
      })
      .execute();

    selfFound = await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'self_check',
      foundAt: '2023-06-06',
    });
    // Verified at 23:59:59 on the week's Sunday (China time): rectified in the week.
    bureauFound = await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'enforcement',
      foundAt: '2023-05-30',
      verifiedAt: china('2023-06-11 23:59:59'),
    });
    await hazard({
      enterpriseId: t.enterprises.hazchemB,
      origin: 'self_check',
      foundAt: '2023-06-07',
    });
  });
  afterAll(async () => t.close());

  async function view(client: TestClient, over: Record<string, unknown> = {}) {
    const res = await client.get(`/api/v1/reports/dispatch?${qs(ref(over))}`);
    return { status: res.statusCode, body: res.json<DispatchReportView & ErrorBody>() };
  }

  it('computes the draft live for the district office, with the open major hazards list', async () => {
    const { status, body } = await view(weihua);
    expect(status).toBe(200);
    expect(body.status).toBe('draft');
    expect(body.frozen).toBe(false);
    expect(body.periodFrom).toBe('2023-06-05');
    expect(body.periodTo).toBe('2023-06-11');
    // Due the Monday after the week at 12:00 China time.
    expect(body.dueAt).toBe(china('2023-06-12 12:00:00'));
    expect(body.figures.major_hazards_found).toEqual({ week: 1, cumulative: 2 });
    expect(body.figures.major_hazards_rectified).toEqual({ week: 1, cumulative: 1 });
    expect(body.figures.major_hazard_rectification_rate).toEqual({ week: null, cumulative: 50 });
    expect(body.hazardList.map((r) => r.hazardId)).toEqual([selfFound]);
    expect(body.hazardList[0]!.responsible).toBe('张三');
    expect(body.progressLayout).toEqual(DEFAULT_TABLE_LAYOUTS.annex1);
    expect(body.can).toEqual({ confirm: false, submit: false, correct: false });
  });

  it('shows drafts only to the district staff of the sector; the city sees nothing unsubmitted', async () => {
    expect((await view(city)).status).toBe(404);
    expect((await view(jichu)).status).toBe(404);
    expect((await view(weihuaB)).status).toBe(404);
    expect((await view(adminB)).status).toBe(404);
    expect((await view(zhifa)).body.can.confirm).toBe(true);
    expect((await view(jichu, { sector: 'mining' })).status).toBe(200);
  });

  it('answers a week outside every campaign with a field error', async () => {
    const { status, body } = await view(weihua, { week: '2022-01-05' });
    expect(status).toBe(400);
    expect(body.error.fields?.[0]?.path).toBe('week');
  });

  it('drills a draft number down to its records', async () => {
    const res = await weihua.get(
      `/api/v1/reports/dispatch/drilldown?${qs(ref({ figure: 'major_hazards_found', period: 'cumulative' }))}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<DrillDownView>();
    expect(body.total).toBe(2);
    expect(body.items.map((i) => i.id).sort()).toEqual([selfFound, bureauFound].sort());
    expect(body.items[0]!.href).toMatch(/^\/hazards\/\d+$/);
    const ratio = await weihua.get(
      `/api/v1/reports/dispatch/drilldown?${qs(ref({ figure: 'major_hazard_rectification_rate' }))}`,
    );
    expect(ratio.statusCode).toBe(400);
  });

  it('refuses submission before the brigade confirms, and after the enforcement data changed', async () => {
    const early = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...ref(),
      preparedBy: '李填报',
    });
    expect(early.statusCode).toBe(409);

    const confirmed = await zhifa.post('/api/v1/reports/dispatch/confirm', ref());
    expect(confirmed.statusCode).toBe(200);
    const c = confirmed.json<DispatchReportView>();
    expect(c.status).toBe('confirmed');
    expect(c.confirmation).toMatchObject({ byName: '执法大队甲', stale: false });
    expect((await lastAudit(t.db)).action).toBe('dispatch_report.confirmed');

    // The brigade finds another major hazard in the week: the confirmation no longer holds.
    await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'enforcement',
      foundAt: '2023-06-08',
    });
    const stale = (await view(weihua)).body;
    expect(stale.confirmation?.stale).toBe(true);
    expect(stale.confirmation?.changed).toContain('major_hazards_bureau_found');
    expect(stale.can.submit).toBe(false);
    const refused = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...ref(),
      preparedBy: '李填报',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.fields?.[0]?.path).toBe('confirmation');

    expect((await zhifa.post('/api/v1/reports/dispatch/confirm', ref())).statusCode).toBe(200);
    expect((await view(weihua)).body.can.submit).toBe(true);
  });

  let firstVersion: DispatchReportView;

  it('freezes the submitted report, late for a past week, and keeps it when the data changes', async () => {
    const res = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...ref(),
      preparedBy: '李填报',
      contactPhone: '0477-8888888',
    });
    expect(res.statusCode).toBe(200);
    firstVersion = res.json<DispatchReportView>();
    expect(firstVersion).toMatchObject({
      status: 'submitted',
      frozen: true,
      version: 1,
      onTime: false,
      preparedBy: '李填报',
      reviewerName: '危化室甲',
    });
    expect(firstVersion.figures.major_hazards_found).toEqual({ week: 2, cumulative: 3 });
    expect(firstVersion.can).toEqual({ confirm: false, submit: false, correct: true });
    expect((await lastAudit(t.db)).action).toBe('dispatch_report.submitted');

    const again = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...ref(),
      preparedBy: '李填报',
    });
    expect(again.statusCode).toBe(409);
    expect((await zhifa.post('/api/v1/reports/dispatch/confirm', ref())).statusCode).toBe(409);

    // New data after submission changes nothing in the frozen report or its drill-down.
    const late = await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'self_check',
      foundAt: '2023-06-09',
    });
    const frozen = (await view(weihua)).body;
    expect(frozen.figures).toEqual(firstVersion.figures);
    expect(frozen.hazardList).toEqual(firstVersion.hazardList);
    const drill = (
      await weihua.get(
        `/api/v1/reports/dispatch/drilldown?${qs(ref({ figure: 'major_hazards_found', period: 'week' }))}`,
      )
    ).json<DrillDownView>();
    expect(drill.total).toBe(2);
    expect(drill.items.map((i) => i.id)).not.toContain(late);
  });

  it('lets the city read submitted reports and roll them up with completeness', async () => {
    const seen = await view(city);
    expect(seen.status).toBe(200);
    expect(seen.body.figures).toEqual(firstVersion.figures);
    expect(seen.body.can).toEqual({ confirm: false, submit: false, correct: false });

    const rollupUrl = `/api/v1/reports/rollup?${qs({ sector: 'hazchem', kind: 'weekly', week: WEEK })}`;
    let rollup = (await city.get(rollupUrl)).json<RollupView>();
    expect(rollup.rows.map((r) => [r.districtId, r.report?.version ?? null])).toEqual([
      [t.org.districtA, 1],
      [t.org.districtB, null],
    ]);
    expect(rollup.total).toEqual(firstVersion.figures);
    expect(rollup.completeness).toMatchObject({ expected: 2, submitted: 1, onTime: 0 });

    // District B reports too: the city total is the sum of the two reports.
    const refB = ref({ districtId: t.org.districtB });
    expect((await adminB.post('/api/v1/reports/dispatch/confirm', refB)).statusCode).toBe(200);
    const b = await weihuaB.post('/api/v1/reports/dispatch/submit', { ...refB, preparedBy: '王' });
    expect(b.statusCode).toBe(200);
    const bFigures = b.json<DispatchReportView>().figures;
    rollup = (await city.get(rollupUrl)).json<RollupView>();
    expect(rollup.completeness).toMatchObject({ expected: 2, submitted: 2, onTime: 0 });
    expect(rollup.total).toEqual(sumReportFigures([firstVersion.figures, bFigures]));
    expect(rollup.total.major_hazards_found.cumulative).toBe(
      firstVersion.figures.major_hazards_found.cumulative! +
        bFigures.major_hazards_found.cumulative!,
    );

    // A district office sees its own district's roll-up, never another's or a whole city.
    expect((await weihua.get(`${rollupUrl}&orgUnitId=${t.org.districtB}`)).statusCode).toBe(404);
    expect((await weihua.get(`${rollupUrl}&orgUnitId=${t.org.city}`)).statusCode).toBe(404);
    const mining = await weihua.get(
      `/api/v1/reports/rollup?${qs({ sector: 'mining', kind: 'weekly', week: WEEK })}`,
    );
    expect(mining.statusCode).toBe(404);

    type CompletenessBody = {
      weeks: {
        periodTo: string;
        bySector: Record<string, { submitted: number; expected: number }>;
      }[];
    };
    const comp = (await city.get('/api/v1/reports/completeness')).json<CompletenessBody>();
    const week = comp.weeks.find((w) => w.periodTo === '2023-06-11')!;
    expect(week.bySector.hazchem).toMatchObject({ expected: 2, submitted: 2 });
    expect(week.bySector.mining).toMatchObject({ expected: 2, submitted: 0 });
  });

  it('corrects a submitted report as a new version with a reason; old versions stay readable', async () => {
    const noReason = await weihua.post('/api/v1/reports/dispatch/correct', {
      ...ref(),
      preparedBy: '李填报',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.fields?.[0]?.path).toBe('reason');

    const res = await weihua.post('/api/v1/reports/dispatch/correct', {
      ...ref(),
      preparedBy: '李填报',
      reason: '补录6月9日自查发现的重大事故隐患',
    });
    expect(res.statusCode).toBe(200);
    const v2 = res.json<DispatchReportView>();
    expect(v2.version).toBe(2);
    expect(v2.figures.major_hazards_found).toEqual({ week: 3, cumulative: 4 });
    expect(v2.onTime).toBe(false);
    expect(v2.versions.map((v) => [v.version, v.reason])).toEqual([
      [1, null],
      [2, '补录6月9日自查发现的重大事故隐患'],
    ]);
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('dispatch_report.corrected');
    expect(audit.changes).toContain('major_hazards_found');

    const old = (await view(weihua, { versionId: firstVersion.versionId })).body;
    expect(old.version).toBe(1);
    expect(old.figures).toEqual(firstVersion.figures);

    const rollup = (
      await city.get(
        `/api/v1/reports/rollup?${qs({ sector: 'hazchem', kind: 'weekly', week: WEEK })}`,
      )
    ).json<RollupView>();
    expect(rollup.rows[0]!.report?.version).toBe(2);
    expect(rollup.rows[0]!.figures).toEqual(v2.figures);
  });

  it('records a submission before the weekly deadline as on time', async () => {
    const thisWeek = reportWeekOf(todayInChina()).from;
    const current = ref({ week: thisWeek });
    expect((await zhifa.post('/api/v1/reports/dispatch/confirm', current)).statusCode).toBe(200);
    const res = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...current,
      preparedBy: '李填报',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<DispatchReportView>().onTime).toBe(true);
  });

  it('needs a written summary for a milestone report, which covers the campaign to its due date', async () => {
    const milestone = {
      districtId: t.org.districtA,
      sector: 'hazchem',
      kind: 'milestone',
      milestone: 'interim',
    };
    const draft = (
      await weihua.get(`/api/v1/reports/dispatch?${qs(milestone)}`)
    ).json<DispatchReportView>();
    expect(draft.periodFrom).toBe(CAMPAIGN_START);
    expect(draft.periodTo).toBe('2023-08-13');
    expect(draft.dueAt).toBe(china('2023-08-14 00:00:00'));
    expect((await zhifa.post('/api/v1/reports/dispatch/confirm', milestone)).statusCode).toBe(200);
    const bare = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...milestone,
      preparedBy: '李',
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json<ErrorBody>().error.fields?.[0]?.path).toBe('summary');
    const ok = await weihua.post('/api/v1/reports/dispatch/submit', {
      ...milestone,
      preparedBy: '李',
      summary: '阶段性工作总结：全面开展自查自改。',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<DispatchReportView>().summary).toContain('阶段性工作总结');
  });

  it('replaces a table layout as data, validated; frozen versions keep the layout they had', async () => {
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/reports/layouts/annex1',
      payload: {
        layout: {
          ...DEFAULT_TABLE_LAYOUTS.annex1,
          groups: [
            { title: { zh: '组', en: 'G' }, columns: [{ figure: 'no_such', periods: ['week'] }] },
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]?.path).toBe('layout.groups.0.columns.0.figure');

    const weekOfStock = await admin.request({
      method: 'PUT',
      url: '/api/v1/reports/layouts/annex1',
      payload: {
        layout: {
          ...DEFAULT_TABLE_LAYOUTS.annex1,
          groups: [
            {
              title: { zh: '组', en: 'G' },
              columns: [{ figure: 'enterprises_registered', periods: ['week'] }],
            },
          ],
        },
      },
    });
    expect(weekOfStock.statusCode).toBe(400);

    const cityLayout = {
      ...DEFAULT_TABLE_LAYOUTS.annex1,
      groups: [
        {
          title: { zh: '隐患整改', en: 'Hazards' },
          columns: [{ figure: 'major_hazards_found', periods: ['cumulative'] }],
        },
      ],
    };
    expect(
      (
        await city.request({
          method: 'PUT',
          url: '/api/v1/reports/layouts/annex1',
          payload: { layout: cityLayout },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await admin.request({
      method: 'PUT',
      url: '/api/v1/reports/layouts/annex1',
      payload: { layout: cityLayout, note: '按市局模板' },
    });
    expect(ok.statusCode).toBe(200);
    const draft = (await view(weihua, { week: '2023-06-14' })).body;
    expect(draft.progressLayout).toEqual(cityLayout);
    const frozen = (await view(weihua, { versionId: firstVersion.versionId })).body;
    expect(frozen.progressLayout).toEqual(DEFAULT_TABLE_LAYOUTS.annex1);

    const reset = await admin.delete('/api/v1/reports/layouts/annex1');
    expect(reset.statusCode).toBe(200);
    const layouts = reset.json<{ table: string; isDefault: boolean }[]>();
    expect(layouts.find((l) => l.table === 'annex1')?.isDefault).toBe(true);
  });

  it('exports the submitted report to .xlsx whose cells equal the API figures', async () => {
    const query = qs(ref());
    const api = (await view(city)).body;
    const res = await city.get(`/api/v1/reports/dispatch/export.xlsx?${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    let top = 0;
    sheet.eachRow((row, n) => {
      if (!top && cellText(row.getCell(1).value) === '填报单位') top = n;
    });
    expect(top).toBeGreaterThan(0);
    const data = sheet.getRow(top + 3);
    expect(cellText(data.getCell(1).value)).toContain(api.districtName);
    const leaves = leafColumns(api.progressLayout);
    expect(leaves.length).toBeGreaterThan(40);
    leaves.forEach((leaf, i) => {
      const expected = api.figures[leaf.figure][leaf.period];
      const cell = data.getCell(2 + i).value;
      if (expected === null) expect(cell).toBe('—');
      else expect(cell).toBe(expected);
    });
    const pdf = await city.get(`/api/v1/reports/dispatch/export.pdf?${query}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reports the §四(三) qualified share from the staff records, with its records behind it', async () => {
    const staff = (over: Record<string, unknown>) => ({
      orgUnitId: t.org.brigadeA,
      name: '执法人员',
      education: 'bachelor',
      major: '安全工程',
      majorSafetyRelated: true,
      safetyYears: 5,
      ...over,
    });
    for (const body of [
      staff({ name: '甲执法' }),
      staff({ name: '乙执法', safetyYears: 0 }),
      staff({ name: '丙执法', major: '汉语言文学', majorSafetyRelated: false }),
      staff({ name: '丁执法' }),
    ])
      expect((await admin.post('/api/v1/enforcement-staff', body)).statusCode).toBe(201);
    const week = '2023-06-21';
    const draft = (await view(weihua, { week })).body;
    expect(draft.figures.enforcement_staff_on_record).toEqual({ week: null, cumulative: 4 });
    expect(draft.figures.enforcement_staff_qualified).toEqual({ week: null, cumulative: 2 });
    expect(draft.figures.enforcement_staff_qualified_share).toEqual({ week: null, cumulative: 50 });
    const drill = (
      await weihua.get(
        `/api/v1/reports/dispatch/drilldown?${qs(ref({ week, figure: 'enforcement_staff_qualified' }))}`,
      )
    ).json<DrillDownView>();
    expect(drill.items.map((i) => i.title).sort()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('甲执法'),
        expect.stringContaining('丁执法'),
      ]),
    );
    expect(drill.total).toBe(2);
  });

  it('shares the live draft until the next audited change', async () => {
    const week = { week: '2023-07-05' };
    const first = (await view(weihua, week)).body;
    const again = (await view(weihua, week)).body;
    expect(again.computedAt).toBe(first.computedAt);
    expect(again.figures).toEqual(first.figures);
    // A write that bypasses the app (no audit entry) is not seen by the shared draft...
    await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'enforcement',
      foundAt: '2023-07-04',
      withoutAudit: true,
    });
    const stillShared = (await view(weihua, week)).body;
    expect(stillShared.computedAt).toBe(first.computedAt);
    expect(stillShared.figures.major_hazards_found).toEqual(first.figures.major_hazards_found);
    // ...the next change, with its audit entry, drops it: both hazards are counted.
    await hazard({
      enterpriseId: t.enterprises.hazchemA,
      origin: 'self_check',
      foundAt: '2023-07-05',
    });
    const after = (await view(weihua, week)).body;
    expect(after.figures.major_hazards_found).toEqual({
      week: first.figures.major_hazards_found.week! + 2,
      cumulative: first.figures.major_hazards_found.cumulative! + 2,
    });
  });

  it('sums figures so that ratios are recomputed, not added', () => {
    const a = firstVersion.figures;
    const total: ReportFigures = sumReportFigures([a, a]);
    expect(total.major_hazard_rectification_rate.cumulative).toBe(
      a.major_hazard_rectification_rate.cumulative,
    );
  });
});
