import type {
  EnforcementMeasureView,
  PenaltyCaseDetail,
  PenaltyCaseListItem,
  RepeatOffenderRow,
} from '@hazard-ledger/domain';

// Test fixtures of the penalty pages, in the shapes the server answers with.

/** A case list row. */
export function caseListItem(patch: Partial<PenaltyCaseListItem> = {}): PenaltyCaseListItem {
  return {
    id: 5,
    caseNo: '东胜应急罚立〔2026〕0005号',
    enterpriseId: 3,
    enterpriseName: '东胜区金鼎矿业有限责任公司',
    sector: 'mining',
    districtName: '东胜区应急管理局',
    matter: '未采取措施消除重大事故隐患',
    status: 'notified',
    filedOn: '2026-03-01',
    decisionDate: null,
    totalAmountFen: 0,
    majorHazard: { persists: true },
    publication: null,
    version: 4,
    ...patch,
  };
}

/** A case page in 告知 with the enterprise as its only party. */
export function caseDetail(patch: Partial<PenaltyCaseDetail> = {}): PenaltyCaseDetail {
  return {
    ...caseListItem(),
    facts: '一号采场台阶高度超过设计。',
    enterpriseCreditCode: '91150602MA0P7R1L8X',
    mainLeaderName: '孙鼎',
    inspectionRecordId: null,
    inspectionRecordNo: null,
    hazards: [
      {
        id: 9,
        number: '东胜-2026-000009',
        title: '一号采场台阶高度超过设计',
        level: 'major',
        status: 'rectifying',
        origin: 'enforcement',
        catalogItemCode: 'FMKS-2022-OP-04',
        verifiedAt: null,
        persists: true,
      },
    ],
    parties: [
      {
        id: 21,
        kind: 'enterprise',
        name: '东胜区金鼎矿业有限责任公司',
        position: null,
        basis: 'aqsf_102',
        circumstance: 'standard',
        amountFen: 4_000_000,
        decisionNo: '东应急罚〔2026〕21号',
        decisionCode: null,
      },
    ],
    leaderWaiverReason: null,
    decisionCheck: {
      errors: [
        {
          zh: '案件涉及未消除的重大事故隐患，须同时对主要负责人作出处罚决定（一案双罚），或记录不予处罚的理由',
          en: 'The major hazard persists: decide on the main leader’s penalty or record why not',
        },
      ],
      warnings: [],
    },
    noPenalty: null,
    noPenaltyOverrideReason: null,
    noPenaltyDecision: null,
    notifiedOn: '2026-03-05',
    executedOn: null,
    closedOn: null,
    daily: null,
    history: [
      {
        id: 1,
        action: 'filed',
        fromStatus: null,
        toStatus: 'filed',
        actorName: '耿建',
        at: '2026-03-01T02:00:00.000Z',
        note: null,
        details: null,
      },
    ],
    availableActions: ['edit_parties', 'record_statement', 'decide_no_penalty', 'terminate'],
    canEdit: true,
    createdByName: '耿建',
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-05T02:00:00.000Z',
    ...patch,
  };
}

/** A repeat offender meeting the 180-day threshold. */
export function offenderRow(patch: Partial<RepeatOffenderRow> = {}): RepeatOffenderRow {
  const decisions = [
    { caseId: 1, caseNo: '东胜应急罚立〔2026〕0001号', decidedOn: '2026-01-10' },
    { caseId: 2, caseNo: '东胜应急罚立〔2026〕0002号', decidedOn: '2026-03-20' },
    { caseId: 3, caseNo: '东胜应急罚立〔2026〕0003号', decidedOn: '2026-06-01' },
  ];
  return {
    enterpriseId: 3,
    enterpriseName: '东胜区金鼎矿业有限责任公司',
    sector: 'mining',
    districtName: '东胜区应急管理局',
    mainLeaderName: '孙鼎',
    decisions,
    closure: {
      met: true,
      within180Days: { metOn: '2026-06-01', decisions },
      withinOneYear: null,
    },
    recurring: [],
    closureProposal: null,
    ...patch,
  };
}

/** A recorded interview (约谈). */
export function measureView(patch: Partial<EnforcementMeasureView> = {}): EnforcementMeasureView {
  return {
    id: 31,
    enterpriseId: 3,
    enterpriseName: '东胜区金鼎矿业有限责任公司',
    kind: 'interview',
    date: '2026-06-10',
    data: {
      kind: 'interview',
      enterpriseId: 3,
      date: '2026-06-10',
      basis: '《安全生产约谈实施办法（试行）》',
      documentNo: null,
      documentIds: [41],
      penaltyCaseId: null,
      note: null,
      intervieweeName: '孙鼎',
      intervieweePosition: '总经理',
      conductedBy: '王局长',
    },
    penaltyCaseNo: null,
    leaderBan: null,
    dishonesty: null,
    suspensionActive: null,
    documents: [{ id: 41, fileName: '约谈记录.pdf', mimeType: 'application/pdf', size: 900 }],
    voidedAt: null,
    voidReason: null,
    createdByName: '耿建',
    createdAt: '2026-06-10T02:00:00.000Z',
    version: 1,
    ...patch,
  };
}
