import type { DrillsView, OutsourcingView, ResponsibilityView } from '@hazard-ledger/domain';

// API views for the tests of the duty-record tabs (enterprise 7 of the shared fixtures).

const stamp = { version: 1, updatedAt: '2026-05-01T00:00:00.000Z' };

export function responsibilityView(patch: Partial<ResponsibilityView> = {}): ResponsibilityView {
  return {
    canEdit: true,
    asOf: '2026-06-01',
    positions: [
      {
        id: 1,
        ...stamp,
        name: '总经理',
        category: 'main_leader',
        duties: '建立健全并落实全员安全生产责任制',
      },
    ],
    coverageGaps: ['frontline'],
    systemDocuments: [],
    deputies: [
      {
        id: 2,
        ...stamp,
        name: '高远',
        title: '生产副总经理',
        area: '生产、设备',
        duties: null,
        files: [],
        listed: false,
      },
    ],
    workLists: [],
    experts: [],
    majorSources: [
      {
        id: 5,
        name: '液氯库',
        level: 2,
        leader: '张恒',
        technical: '',
        operations: '赵班长',
        missing: ['technical'],
      },
    ],
    safety: { agency: 'full_time', staffCount: 2, met: true },
    facts: {
      responsibilitySystem: false,
      deputyDutyLists: 0,
      campaignWorkList: false,
      majorSourcesWithoutGuarantor: 1,
      safetyAgencyOrStaff: true,
      experts: 0,
    },
    ...patch,
  };
}

type Contract = OutsourcingView['contracts'][number];

export function contract(patch: Partial<Contract> = {}): Contract {
  return {
    id: 11,
    ...stamp,
    kind: 'lease',
    counterparty: '东胜区某物流有限公司',
    scopeKind: 'premises',
    scope: '2号仓库',
    startDate: '2026-04-01',
    endDate: null,
    qualificationName: '道路运输经营许可证',
    qualificationNumber: '150602001234',
    qualificationExpiry: '2025-06-30',
    agreementSignedOn: null,
    dutiesDefined: true,
    dutiesText: '承租方负责仓库日常安全管理',
    endedOn: null,
    endReason: null,
    active: true,
    problems: [
      { code: 'qualification_expired', detail: { date: '2025-06-30' } },
      { code: 'no_safety_agreement' },
    ],
    warnings: [{ code: 'no_recent_check', detail: { months: 3 } }],
    checks: [],
    files: [],
    ...patch,
  };
}

export function outsourcingView(patch: Partial<OutsourcingView> = {}): OutsourcingView {
  return {
    canEdit: true,
    asOf: '2026-06-01',
    contracts: [
      contract(),
      contract({
        id: 12,
        kind: 'outsource',
        counterparty: '某防腐工程有限公司',
        scopeKind: 'project',
        scope: '罐区防腐',
        qualificationExpiry: '2028-12-31',
        agreementSignedOn: '2026-03-15',
        problems: [],
        warnings: [],
        checks: [
          {
            id: 31,
            ...stamp,
            contractId: 12,
            checkDate: '2026-05-10',
            checkedBy: '刘安',
            findings: '脚手架未挂牌',
            rectification: '已整改',
          },
        ],
        files: [
          {
            id: 41,
            owner: 'contract_agreement',
            ownerId: 12,
            fileName: '安全生产管理协议.pdf',
            mimeType: 'application/pdf',
            sizeBytes: 1000,
            uploadedAt: '2026-03-15T00:00:00.000Z',
            uploadedBy: '刘安',
          },
        ],
      }),
    ],
    reviews: [],
    facts: { contracts: 2, contractsWithProblems: 1, comprehensiveCheckDone: false },
    ...patch,
  };
}

type Drill = DrillsView['drills'][number];

export function drill(patch: Partial<Drill> = {}): Drill {
  return {
    id: 21,
    ...stamp,
    scenario: '液氨储罐法兰泄漏',
    drillType: 'special',
    drillDate: '2026-05-18',
    participants: 46,
    equipmentUsed: '正压式空气呼吸器6套',
    equipmentAdded: '补充防化服2套',
    evaluation: '响应及时',
    improvements: '加强穿戴训练',
    files: [],
    ...patch,
  };
}

export function drillsView(patch: Partial<DrillsView> = {}): DrillsView {
  return {
    canEdit: true,
    asOf: '2026-06-01',
    year: 2026,
    drills: [drill()],
    years: [
      { year: 2026, count: 1 },
      { year: 2025, count: 2 },
    ],
    status: { count: 1, required: 2, short: true },
    plans: [
      {
        id: 51,
        owner: 'emergency_plan',
        ownerId: null,
        fileName: '生产安全事故应急预案.pdf',
        mimeType: 'application/pdf',
        sizeBytes: 2000,
        uploadedAt: '2026-02-01T00:00:00.000Z',
        uploadedBy: '刘安',
      },
    ],
    facts: { drillsThisYear: 1, emergencyPlanAttached: true },
    ...patch,
  };
}
