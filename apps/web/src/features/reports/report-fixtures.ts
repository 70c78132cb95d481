import {
  DEFAULT_TABLE_LAYOUTS,
  FIGURE_KEYS,
  FIGURES,
  REPORT_TABLE_KEYS,
  type DispatchReportView,
  type HazardListLayout,
  type ProgressTableLayout,
  type ReportFigures,
  type ReportLayoutView,
  type ReportOptionsView,
  type RollupView,
} from '@hazard-ledger/domain';
import type { CompletenessReport } from '../../api/reports-api';

// Test fixtures of the reports API, shaped as the server answers.

/** Figures with distinct, recognisable values: flow i / 10·i, stock 10·i, ratios and gaps null. */
export function reportFigures(patch: Partial<ReportFigures> = {}): ReportFigures {
  const out = {} as ReportFigures;
  FIGURE_KEYS.forEach((key, i) => {
    const def = FIGURES[key];
    const n = i + 1;
    out[key] = !def.supported
      ? { week: null, cumulative: null }
      : def.kind === 'flow'
        ? { week: n, cumulative: n * 10 }
        : def.kind === 'stock'
          ? { week: null, cumulative: n * 10 }
          : { week: null, cumulative: 50 };
  });
  return { ...out, ...patch };
}

export const annex1 = DEFAULT_TABLE_LAYOUTS.annex1 as ProgressTableLayout;
export const annex5 = DEFAULT_TABLE_LAYOUTS.annex5 as HazardListLayout;

export function reportOptions(patch: Partial<ReportOptionsView> = {}): ReportOptionsView {
  return {
    districts: [{ id: 3, name: '东胜区应急管理局' }],
    rollupUnits: [{ id: 2, name: '鄂尔多斯市应急管理局', kind: 'city' }],
    sectors: ['hazchem', 'fireworks'],
    seesDrafts: true,
    campaigns: [
      {
        id: 5,
        name: '2026年重大事故隐患专项排查整治行动',
        orgUnitName: '鄂尔多斯市应急管理局',
        startDate: '2026-06-01',
        endDate: '2026-12-31',
        sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
        weekly: { weekday: 1, hour: 12 },
        milestones: [
          {
            key: '8-13',
            name: '8月13日阶段总结',
            due: '2026-08-13',
            dueAt: '2026-08-13T16:00:00.000Z',
          },
        ],
        weeks: [
          { from: '2026-11-16', to: '2026-11-22', dueAt: '2026-11-23T04:00:00.000Z' },
          { from: '2026-11-09', to: '2026-11-15', dueAt: '2026-11-16T04:00:00.000Z' },
        ],
      },
    ],
    defaultWeek: '2026-11-16',
    ...patch,
  };
}

export function dispatchView(patch: Partial<DispatchReportView> = {}): DispatchReportView {
  return {
    districtId: 3,
    districtName: '东胜区应急管理局',
    cityName: '鄂尔多斯市应急管理局',
    campaignId: 5,
    campaignName: '2026年重大事故隐患专项排查整治行动',
    sector: 'hazchem',
    kind: 'weekly',
    milestone: null,
    periodFrom: '2026-06-01',
    periodTo: '2026-11-22',
    currentFrom: '2026-11-16',
    campaignStart: '2026-06-01',
    dueAt: '2026-11-23T04:00:00.000Z',
    status: 'draft',
    reportId: null,
    versionId: null,
    version: null,
    frozen: false,
    onTime: null,
    confirmation: null,
    versions: [],
    preparedBy: null,
    contactPhone: null,
    reviewerName: null,
    summary: null,
    figures: reportFigures(),
    hazardList: [
      {
        hazardId: 41,
        enterpriseId: 7,
        enterprise: '东胜区恒泰化工有限公司',
        sector: '危险化学品',
        description: '储罐区可燃气体报警器失效',
        origin: '执法检查',
        found_at: '2026-11-10',
        responsible: '刘安',
        measures: '更换报警器',
        deadline: '2026-11-30',
        status: '整改中',
        supervision: '区级挂牌督办',
        overdue: '否',
      },
    ],
    hazardListTotal: 1,
    progressLayout: annex1,
    hazardListLayout: annex5,
    computedAt: '2026-11-23T01:00:00.000Z',
    can: { confirm: false, submit: true, correct: false },
    ...patch,
  };
}

export function rollupView(patch: Partial<RollupView> = {}): RollupView {
  const dongsheng = reportFigures();
  return {
    orgUnitId: 2,
    orgUnitName: '鄂尔多斯市应急管理局',
    campaignId: 5,
    campaignName: '2026年重大事故隐患专项排查整治行动',
    sector: 'hazchem',
    kind: 'weekly',
    milestone: null,
    periodFrom: '2026-11-16',
    periodTo: '2026-11-22',
    dueAt: '2026-11-23T04:00:00.000Z',
    rows: [
      {
        districtId: 3,
        districtName: '东胜区应急管理局',
        report: {
          reportId: 9,
          versionId: 12,
          version: 1,
          submittedAt: '2026-11-23T02:00:00.000Z',
          onTime: true,
        },
        figures: dongsheng,
      },
      { districtId: 4, districtName: '康巴什区应急管理局', report: null, figures: null },
    ],
    total: reportFigures({ enterprises_registered: { week: null, cumulative: 777 } }),
    completeness: {
      expected: 2,
      submitted: 1,
      onTime: 1,
      submittedRate: 50,
      onTimeRate: 50,
    },
    progressLayout: annex1,
    ...patch,
  };
}

export function completenessReport(): CompletenessReport {
  const c = (expected: number, submitted: number, onTime: number) => ({
    expected,
    submitted,
    onTime,
    submittedRate: expected ? Math.round((submitted * 1000) / expected) / 10 : null,
    onTimeRate: expected ? Math.round((onTime * 1000) / expected) / 10 : null,
  });
  return {
    sectors: ['hazchem', 'fireworks'],
    weeks: [
      {
        periodFrom: '2026-11-16',
        periodTo: '2026-11-22',
        dueAt: '2026-11-23T04:00:00.000Z',
        completeness: c(4, 1, 1),
        bySector: { hazchem: c(2, 1, 1), fireworks: c(2, 0, 0) },
      },
      {
        periodFrom: '2026-11-09',
        periodTo: '2026-11-15',
        dueAt: '2026-11-16T04:00:00.000Z',
        completeness: c(4, 3, 2),
        bySector: { hazchem: c(2, 2, 1), fireworks: c(2, 1, 1) },
      },
    ],
  };
}

export function layoutViews(): ReportLayoutView[] {
  return REPORT_TABLE_KEYS.map((table) => ({
    table,
    layout: DEFAULT_TABLE_LAYOUTS[table],
    isDefault: table !== 'annex1',
    updatedAt: table === 'annex1' ? '2026-11-01T02:00:00.000Z' : null,
    updatedByName: table === 'annex1' ? '王局长' : null,
    note: table === 'annex1' ? '按市局模板调整' : null,
  }));
}
