import type {
  EnterpriseLeaderInspections,
  EnterpriseSafetyFunds,
  KeyPeriodView,
  LeaderInspectionView,
  LeaderOverview,
} from '@hazard-ledger/domain';

// Fixtures of the leader-duty web tests (API bodies as the server returns them).

/** A leader inspection record. */
export function inspectionView(patch: Partial<LeaderInspectionView> = {}): LeaderInspectionView {
  return {
    id: 11,
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    inspectedOn: '2026-09-12',
    month: '2026-09',
    participants: '张恒（主要负责人）、刘安',
    places: '储罐区、装卸站台',
    content: '带队检查本月重大事故隐患排查整治情况',
    items: [{ catalogId: 'HG-2017', catalogVersion: 1, code: 'HG-2017-05', title: '紧急切断' }],
    findings: [
      {
        id: 21,
        title: '装卸站台静电接地报警仪故障',
        description: '3号鹤位报警仪不亮',
        place: '装卸站台',
        hazardLevel: 'general',
        catalogItemCode: null,
        noCatalogReason: '一般隐患',
        treatment: 'deadline',
        hazardId: 31,
        hazardNumber: '东胜-2026-000002',
      },
    ],
    status: 'signed',
    recordedByName: '刘安(qiye1_aq)',
    recordedAt: '2026-09-12T03:00:00.000Z',
    signedAt: '2026-09-12T08:00:00.000Z',
    signedByName: '张恒(qiye1_fzr)',
    updatedAt: '2026-09-12T08:00:00.000Z',
    version: 2,
    can: { edit: false, sign: false, void: false },
    ...patch,
  };
}

/** An enterprise's months (August missing) and records. */
export function enterpriseInspections(
  patch: Partial<EnterpriseLeaderInspections> = {},
): EnterpriseLeaderInspections {
  const month = (m: string, signed: boolean, due = true, unsigned = false) => ({
    month: m,
    due,
    signed,
    unsigned,
    missing: due && !signed,
  });
  return {
    enterpriseId: 7,
    asOf: '2026-11-29',
    campaign: { id: 1, name: '2026年专项行动', startDate: '2026-07-15', endDate: '2026-12-31' },
    months: [
      month('2026-07', true),
      month('2026-08', false),
      month('2026-09', true),
      month('2026-10', true),
      month('2026-11', false, false, true),
      month('2026-12', false, false),
    ],
    missingMonths: ['2026-08'],
    year: 2026,
    inspections: [
      inspectionView({
        id: 12,
        inspectedOn: '2026-11-20',
        month: '2026-11',
        status: 'draft',
        findings: [],
        signedAt: null,
        signedByName: null,
        version: 1,
        can: { edit: true, sign: false, void: true },
      }),
      inspectionView(),
    ],
    can: { record: true },
    ...patch,
  };
}

/** A key period addressed to the enterprise, with its duty days. */
export function keyPeriodView(patch: Partial<KeyPeriodView> = {}): KeyPeriodView {
  return {
    id: 5,
    name: '国庆节',
    startDate: '2026-10-01',
    endDate: '2026-10-03',
    sectors: ['hazchem'],
    note: null,
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    createdByName: '王局长(admin)',
    createdAt: '2026-09-20T02:00:00.000Z',
    state: 'ended',
    dayCount: 3,
    version: 1,
    can: { edit: false, void: false },
    duty: {
      enterpriseId: 7,
      days: [
        {
          date: '2026-10-01',
          leaderName: '张恒',
          leaderPhone: '13904770001',
          state: 'checked_in',
          checkIn: {
            personName: '张恒',
            at: '2026-09-30T23:40:00.000Z',
            note: null,
            byName: '刘安',
          },
        },
        {
          date: '2026-10-02',
          leaderName: '张恒',
          leaderPhone: null,
          state: 'missed',
          checkIn: null,
        },
        { date: '2026-10-03', leaderName: null, leaderPhone: null, state: 'missed', checkIn: null },
      ],
      missedDays: 2,
      daysWithoutLeader: 1,
      canRecord: true,
    },
    stats: null,
    ...patch,
  };
}

/** The fund of two years. */
export function safetyFunds(patch: Partial<EnterpriseSafetyFunds> = {}): EnterpriseSafetyFunds {
  return {
    enterpriseId: 7,
    items: [
      {
        year: 2026,
        recorded: true,
        extractedYuan: '1860000.00',
        spentYuan: '1235600.50',
        note: '含隐患整改专项经费',
        rectificationFundsYuan: '8600.00',
        rectificationHazards: 1,
        rectificationExceedsSpent: false,
        updatedAt: '2026-11-01T00:00:00.000Z',
        updatedByName: '刘安(qiye1_aq)',
        version: 1,
      },
      {
        year: 2025,
        recorded: false,
        extractedYuan: null,
        spentYuan: null,
        note: null,
        rectificationFundsYuan: '12000.00',
        rectificationHazards: 2,
        rectificationExceedsSpent: true,
        updatedAt: null,
        updatedByName: null,
        version: null,
      },
    ],
    can: { edit: true },
    ...patch,
  };
}

/** The office overview with two enterprises, one missing August. */
export function leaderOverview(patch: Partial<LeaderOverview> = {}): LeaderOverview {
  const base = enterpriseInspections();
  return {
    asOf: '2026-11-29',
    campaign: {
      id: 1,
      name: '2026年专项行动',
      startDate: '2026-07-15',
      endDate: '2026-12-31',
      months: base.months.map((m) => m.month),
      dueMonths: ['2026-07', '2026-08', '2026-09', '2026-10'],
    },
    items: [
      {
        enterpriseId: 7,
        enterpriseName: '示例化工有限公司',
        sector: 'hazchem',
        districtName: '示例区应急管理局',
        months: base.months,
        missingMonths: ['2026-08'],
        signedCount: 3,
      },
      {
        enterpriseId: 8,
        enterpriseName: '示例烟花批发公司',
        sector: 'fireworks',
        districtName: '示例区应急管理局',
        months: base.months.map((m) => ({ ...m, signed: m.due, missing: false, unsigned: false })),
        missingMonths: [],
        signedCount: 4,
      },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    ...patch,
  };
}
