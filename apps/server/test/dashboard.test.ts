import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DashboardView,
  type DispatchReportView,
  type EnterpriseDashboardView,
  FIGURE_KEYS,
  type ReportFigures,
  type StaffDashboardView,
} from '@hazard-ledger/domain';
import { nowIso } from '../src/lib/time.js';
import {
  computeFigures,
  computeScopeFigures,
  type FigureValues,
} from '../src/modules/reports/figures.repository.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

// The home dashboards (issue 10 item 1): the figures equal the report figures on the same data
// (the dispatch report of a sector, computeFigures of the whole scope, and the report of every
// week for the rectification series), an office sees only its sectors, a district only its
// territory, and an enterprise user only its own hazards.

const CAMPAIGN_START = '2023-05-22';
const TODAY = '2023-06-07'; // Wednesday of the week 2023-06-05 … 2023-06-11

/** A China wall-clock time as the UTC instant the app stores. */
function china(local: string): string {
  return new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
}

function numbers(values: FigureValues): ReportFigures {
  const out = {} as ReportFigures;
  for (const key of FIGURE_KEYS)
    out[key] = { week: values[key].week, cumulative: values[key].cumulative };
  return out;
}

describe('dashboard', () => {
  let t: TestContext;
  let admin: TestClient;
  let adminB: TestClient;
  let weihua: TestClient;
  let enterprise: TestClient;
  let seq = 0;

  async function hazard(spec: {
    enterpriseId: number;
    level?: 'major' | 'general';
    origin?: string;
    foundAt: string;
    verifiedAt?: string;
    deadline?: string;
    supervised?: boolean;
  }): Promise<number> {
    const ent = await t.db.kysely
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', spec.enterpriseId)
      .executeTakeFirstOrThrow();
    const at = nowIso();
    const row = await t.db.kysely
      .insertInto('hazards')
      .values({
        number: `DB-${++seq}`,
        district_id: ent.org_unit_id,
        enterprise_id: spec.enterpriseId,
        sector: ent.sector,
        catalog_id: null,
        catalog_version: null,
        catalog_item_code: null,
        no_catalog_reason: '测试',
        level: spec.level ?? 'major',
        title: `看板测试隐患${seq}`,
        description: '储罐区可燃气体报警器失效',
        place: null,
        cause_analysis: null,
        category: null,
        origin: spec.origin ?? 'self_check',
        found_at: spec.foundAt,
        found_by: '测试',
        treatment: 'deadline',
        status: spec.verifiedAt ? 'verified' : 'rectifying',
        plan_responsible: '张三',
        plan_measures: '更换报警器',
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: spec.deadline ?? '2023-06-30',
        plan_emergency: null,
        plan_approved_at: null,
        reported_to_bureau_at: null,
        fix_description: null,
        fixed_by_user_id: null,
        fixed_at: null,
        leader_accepted_at: null,
        verified_at: spec.verifiedAt ?? null,
        verified_by_user_id: null,
        supervision_level: spec.supervised ? 'district' : null,
        supervised_at: spec.supervised ? at : null,
        extension_deadline: null,
        extension_reason: null,
        created_by_user_id: admin.userId!,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function tip(sector: string | null, receivedAt: string) {
    await t.db.kysely
      .insertInto('tips')
      .values({
        number: `DB-T-${++seq}`,
        receipt_hash: null,
        channel: 'phone',
        district_id: t.org.districtA,
        enterprise_id: sector ? t.enterprises.hazchemA : null,
        enterprise_text: null,
        sector,
        place: null,
        subject: '举报',
        description: '举报内容',
        catalog_item_code: null,
        anonymous: 1,
        identity_sealed: null,
        informant_id: null,
        status: 'accepted',
        reject_reason: null,
        duplicate_of_tip_id: null,
        assigned_unit_id: null,
        assigned_user_id: null,
        due_date: null,
        verification_result: null,
        verification_summary: null,
        hazard_id: null,
        inspection_record_id: null,
        penalty_case_id: null,
        received_at: receivedAt,
        created_by: admin.userId!,
        updated_at: nowIso(),
      })
      .execute();
  }

  const ownHazards: number[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'weihua_a',
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
    admin = await t.login('admin_a');
    adminB = await t.login('admin_b');
    weihua = await t.login('weihua_a');
    enterprise = await t.login('ent_a');

    const at = nowIso();
    await t.db.kysely
      .insertInto('campaigns')
      .values({
        org_unit_id: t.org.city,
        name: '看板测试专项行动',
        year: 2023,
        sectors: JSON.stringify(['hazchem', 'fireworks', 'mining', 'industry']),
        phases: JSON.stringify([
          { key: 'all', name: '全程', start: CAMPAIGN_START, end: '2099-12-31' },
        ]),
        weekly_weekday: 1,
        weekly_hour: 12,
        milestones: JSON.stringify([]),
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

    // Found in week 1, rectified in week 2.
    ownHazards.push(
      await hazard({
        enterpriseId: t.enterprises.hazchemA,
        foundAt: '2023-05-25',
        verifiedAt: china('2023-06-01 10:00:00'),
      }),
    );
    // Found this week, already overdue and supervised.
    ownHazards.push(
      await hazard({
        enterpriseId: t.enterprises.hazchemA,
        origin: 'enforcement',
        foundAt: '2023-06-06',
        deadline: '2023-06-06',
        supervised: true,
      }),
    );
    ownHazards.push(
      await hazard({
        enterpriseId: t.enterprises.hazchemA,
        level: 'general',
        foundAt: '2023-06-06',
        deadline: '2023-06-20',
      }),
    );
    // Found before the campaign: in the ledger, not in the campaign figures.
    ownHazards.push(await hazard({ enterpriseId: t.enterprises.hazchemA, foundAt: '2023-05-10' }));
    // Mining (another office's sector), rectified on Sunday 23:59:59 of week 3.
    await hazard({
      enterpriseId: t.enterprises.miningA,
      foundAt: '2023-05-30',
      deadline: '2023-06-01',
      verifiedAt: china('2023-06-04 23:59:59'),
    });
    await hazard({ enterpriseId: t.enterprises.miningA, foundAt: '2023-06-05' });
    // District B.
    await hazard({ enterpriseId: t.enterprises.hazchemB, foundAt: '2023-06-01' });
    await tip('hazchem', china('2023-06-06 09:00:00'));
    await tip(null, china('2023-06-06 10:00:00'));
  });
  afterAll(async () => t.close());

  async function dashboard<T extends DashboardView>(client: TestClient): Promise<T> {
    const res = await client.get(`/api/v1/dashboard?date=${TODAY}`);
    expect(res.statusCode).toBe(200);
    return res.json<T>();
  }

  it('gives the bureau the report figures of the current week, for the whole scope and per sector', async () => {
    const view = await dashboard<StaffDashboardView>(admin);
    expect(view.kind).toBe('staff');
    expect(view.sections).toEqual({ enforcement: true, tips: true, selfInspection: true });
    expect(view.campaign).toMatchObject({
      startDate: CAMPAIGN_START,
      weekFrom: '2023-06-05',
      weekTo: '2023-06-11',
    });
    expect(view.campaign!.progress.status).toBe('in_progress');
    expect(view.districts.map((d) => d.id)).toEqual([t.org.districtA]);
    expect(view.rollupOrgUnitId).toBeNull();

    const direct = await computeFigures(t.db.kysely, {
      districtIds: [t.org.districtA],
      sector: null,
      campaignStart: CAMPAIGN_START,
      weekFrom: '2023-06-05',
      weekTo: '2023-06-11',
    });
    expect(view.figures).toEqual(numbers(direct));
    expect(view.figures!.major_hazards_found).toEqual({ week: 2, cumulative: 4 });
    expect(view.figures!.major_hazards_rectified).toEqual({ week: 0, cumulative: 2 });
    // The sector-less tip counts in the whole scope only, as in the reports.
    expect(view.figures!.tips_received).toEqual({ week: 2, cumulative: 2 });

    // Each sector's figures are that sector's dispatch report, to the number.
    for (const sector of ['hazchem', 'mining'] as const) {
      const res = await admin.get(
        `/api/v1/reports/dispatch?districtId=${t.org.districtA}&sector=${sector}&kind=weekly&week=${TODAY}`,
      );
      expect(res.statusCode).toBe(200);
      const report = res.json<DispatchReportView>();
      const mine = view.figuresBySector.find((s) => s.sector === sector)!;
      expect(mine.figures).toEqual(report.figures);
    }
    expect(view.figuresBySector.map((s) => s.sector)).toEqual([
      'hazchem',
      'fireworks',
      'mining',
      'industry',
    ]);
  });

  it('gives every week of the rectification series the values of that week report', async () => {
    const view = await dashboard<StaffDashboardView>(admin);
    expect(view.rectification.map((w) => w.weekFrom)).toEqual([
      '2023-05-22',
      '2023-05-29',
      '2023-06-05',
    ]);
    for (const week of view.rectification) {
      const report = await computeFigures(t.db.kysely, {
        districtIds: [t.org.districtA],
        sector: null,
        campaignStart: CAMPAIGN_START,
        weekFrom: week.weekFrom,
        weekTo: week.weekTo,
      });
      expect(week.found).toEqual({
        week: report.major_hazards_found.week,
        cumulative: report.major_hazards_found.cumulative,
      });
      expect(week.rectified).toEqual({
        week: report.major_hazards_rectified.week,
        cumulative: report.major_hazards_rectified.cumulative,
      });
      expect(week.rate).toBe(report.major_hazard_rectification_rate.cumulative);
    }
    expect(view.rectification.map((w) => w.rate)).toEqual([0, 100, 50]);
  });

  it('counts the ledger by sector and status, overdue and supervised hazards', async () => {
    const view = await dashboard<StaffDashboardView>(admin);
    const count = (sector: string, status: string) =>
      view.hazardsBySector.find((r) => r.sector === sector && r.status === status)?.count ?? 0;
    expect(count('hazchem', 'rectifying')).toBe(3);
    expect(count('hazchem', 'verified')).toBe(1);
    expect(count('mining', 'verified')).toBe(1);
    expect(count('mining', 'rectifying')).toBe(1);
    expect(view.hazardAlerts).toEqual({ overdue: 1, overdueMajor: 1, supervised: 1 });

    // The same counts as the ledger list with the filters the cards link to (the ledger counts
    // overdue as of the real today, so compare with today's dashboard).
    const now = (await admin.get('/api/v1/dashboard')).json<StaffDashboardView>();
    const total = async (filter: string) =>
      (await admin.get(`/api/v1/hazards?${filter}`)).json<{ total: number }>().total;
    expect(await total('overdue=true')).toBe(now.hazardAlerts.overdue);
    expect(await total('overdue=true&level=major')).toBe(now.hazardAlerts.overdueMajor);
    expect(await total('supervised=true')).toBe(now.hazardAlerts.supervised);
    expect(await total('sector=hazchem&status=rectifying')).toBe(count('hazchem', 'rectifying'));
  });

  it('limits an office to its sectors', async () => {
    const view = await dashboard<StaffDashboardView>(weihua);
    expect(view.sectors).toEqual(['hazchem', 'fireworks']);
    expect(view.figuresBySector.map((s) => s.sector)).toEqual(['hazchem', 'fireworks']);
    expect(view.hazardsBySector.every((r) => ['hazchem', 'fireworks'].includes(r.sector))).toBe(
      true,
    );
    const scoped = await computeScopeFigures(t.db.kysely, {
      districtIds: [t.org.districtA],
      sectors: ['hazchem', 'fireworks'],
      campaignStart: CAMPAIGN_START,
      weekFrom: '2023-06-05',
      weekTo: '2023-06-11',
    });
    expect(view.figures).toEqual(numbers(scoped));
    // Mining's two major hazards are left out; the sector-less tip too.
    expect(view.figures!.major_hazards_found).toEqual({ week: 1, cumulative: 2 });
    expect(view.figures!.tips_received.cumulative).toBe(1);
    expect(view.rectification.at(-1)!.found.cumulative).toBe(2);
  });

  it('keeps a district to its own territory', async () => {
    const view = await dashboard<StaffDashboardView>(adminB);
    expect(view.districts.map((d) => d.id)).toEqual([t.org.districtB]);
    expect(view.figures!.major_hazards_found).toEqual({ week: 0, cumulative: 1 });
    expect(view.hazardsBySector.reduce((n, r) => n + r.count, 0)).toBe(1);
  });

  it('shows an enterprise user only its own open hazards, deadlines and scorecard', async () => {
    const view = await dashboard<EnterpriseDashboardView>(enterprise);
    expect(view.kind).toBe('enterprise');
    expect(view.enterpriseId).toBe(t.enterprises.hazchemA);
    expect(view.openHazards.reduce((n, r) => n + r.count, 0)).toBe(3);
    expect(view.overdue).toBe(1);
    expect(view.deadlines.map((d) => d.id).every((id) => ownHazards.includes(id))).toBe(true);
    expect(view.deadlines[0]).toMatchObject({ deadline: '2023-06-06', daysLeft: -1 });
    expect(view.scorecard.enterpriseId).toBe(t.enterprises.hazchemA);
    expect(view.scorecard.duties).toHaveLength(5);
  });

  it('rejects a malformed date', async () => {
    const res = await admin.get('/api/v1/dashboard?date=2023-6-7');
    expect(res.statusCode).toBe(400);
  });

  it('shows a change committed through the app on the next request (the figures are reused only until then)', async () => {
    const before = await dashboard<StaffDashboardView>(admin);
    const again = await dashboard<StaffDashboardView>(admin);
    expect(again.figures).toEqual(before.figures);
    const created = await admin.post('/api/v1/hazards', {
      enterpriseId: t.enterprises.hazchemA,
      level: 'major',
      title: '看板缓存测试隐患',
      description: '储罐区可燃气体报警器失效',
      origin: 'enforcement',
      foundAt: TODAY,
      foundBy: '执法人员',
      noCatalogReason: '测试',
      treatment: 'deadline',
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = await dashboard<StaffDashboardView>(admin);
    expect(after.figures!.major_hazards_found).toEqual({
      week: before.figures!.major_hazards_found.week! + 1,
      cumulative: before.figures!.major_hazards_found.cumulative! + 1,
    });
  });

  it('reuses the overdue count until the next change through the app', async () => {
    const recordHazard = async (title: string) => {
      const res = await admin.post('/api/v1/hazards', {
        enterpriseId: t.enterprises.hazchemA,
        level: 'general',
        title,
        description: '消防通道堵塞',
        origin: 'enforcement',
        foundAt: TODAY,
        foundBy: '执法人员',
        noCatalogReason: '测试',
        treatment: 'deadline',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const before = await dashboard<StaffDashboardView>(admin);
    const id = await recordHazard('逾期计数缓存测试');
    const counted = await dashboard<StaffDashboardView>(admin);
    expect(counted.hazardAlerts).toEqual(before.hazardAlerts);
    // Overdue by a write that bypasses the app: the shared count does not see it...
    await t.db.kysely
      .updateTable('hazards')
      .set({ status: 'rectifying', deadline: '2000-01-01' })
      .where('id', '=', id)
      .execute();
    expect((await dashboard<StaffDashboardView>(admin)).hazardAlerts).toEqual(counted.hazardAlerts);
    // ...the next change through the app drops it.
    await recordHazard('逾期计数缓存测试二');
    const after = await dashboard<StaffDashboardView>(admin);
    expect(after.hazardAlerts.overdue).toBe(counted.hazardAlerts.overdue + 1);
  });
});
