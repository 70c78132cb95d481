import type {
  SelfInspectionCoverage,
  SelfInspectionDetail,
  SelfInspectionItem,
} from '@hazard-ledger/domain';

/** One checklist item of a run, unanswered unless patched. */
export function runItem(n: number, patch: Partial<SelfInspectionItem> = {}): SelfInspectionItem {
  const code = `HG-2017-${String(n).padStart(2, '0')}`;
  return {
    code,
    catalogId: 'HG-2017',
    catalogVersion: 1,
    section: '化工和危险化学品',
    clause: `（${'一二三四五六'[n - 1] ?? n}）`,
    parentCode: null,
    title: `条目${n}`,
    requirement: `条目${n}的判定要求。`,
    answer: null,
    note: null,
    description: null,
    naReason: null,
    answeredByName: null,
    answeredAt: null,
    photos: [],
    issues: ['unanswered'],
    hazardId: null,
    hazardNumber: null,
    ...patch,
  };
}

/** The counts of a run's answers. */
function progressOf(items: SelfInspectionItem[]): SelfInspectionDetail['progress'] {
  const count = (a: string) => items.filter((i) => i.answer === a).length;
  return {
    total: items.length,
    answered: items.filter((i) => i.answer !== null).length,
    compliant: count('compliant'),
    problems: count('problem'),
    notApplicable: count('not_applicable'),
  };
}

/** A run as GET /self-inspections/:id returns it. */
export function runDetail(patch: Partial<SelfInspectionDetail> = {}): SelfInspectionDetail {
  const items = patch.items ?? [runItem(1), runItem(2), runItem(3)];
  return {
    id: 5,
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    campaignId: 1,
    campaignName: '2026年重大事故隐患专项排查整治行动',
    status: 'draft',
    inspectionDate: '2026-06-01',
    inspectors: '刘安、王工',
    startedByName: '刘安',
    startedAt: '2026-06-01T01:00:00.000Z',
    submittedAt: null,
    signerName: null,
    districtName: '示例区应急管理局',
    leaderName: '张恒',
    photoRequired: true,
    catalogs: [
      {
        catalogId: 'HG-2017',
        version: 1,
        name: '化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）',
        documentNumber: '安监总管三〔2017〕121号',
      },
    ],
    discardedAt: null,
    discardReason: null,
    version: 1,
    availableActions: ['edit', 'answer', 'photo', 'discard'],
    ...patch,
    items,
    progress: progressOf(items),
  };
}

/** The coverage view of an office. */
export function coverage(patch: Partial<SelfInspectionCoverage> = {}): SelfInspectionCoverage {
  return {
    campaign: {
      id: 1,
      name: '2026年重大事故隐患专项排查整治行动',
      phases: [
        { key: 'mobilize', name: '动员部署', start: '2026-05-01', end: '2026-05-25' },
        {
          key: 'self_check',
          name: '企业自查自改和部门帮扶',
          start: '2026-05-26',
          end: '2026-07-31',
        },
      ],
    },
    phase: null,
    sectors: [
      { sector: 'hazchem', enterprises: 2, submitted: 1, problems: 3 },
      { sector: 'fireworks', enterprises: 1, submitted: 0, problems: 0 },
    ],
    items: [
      {
        enterpriseId: 11,
        enterpriseName: '未提交化工有限公司',
        sector: 'hazchem',
        districtName: '东胜区应急管理局',
        submitted: false,
        inProgress: true,
        submittedRuns: 0,
        lastRunId: null,
        lastSubmittedAt: null,
        problemCount: 0,
      },
      {
        enterpriseId: 7,
        enterpriseName: '恒泰化工有限公司',
        sector: 'hazchem',
        districtName: '东胜区应急管理局',
        submitted: true,
        inProgress: false,
        submittedRuns: 1,
        lastRunId: 5,
        lastSubmittedAt: '2026-06-02T02:00:00.000Z',
        problemCount: 3,
      },
    ],
    total: 2,
    page: 1,
    pageSize: 20,
    ...patch,
  };
}
