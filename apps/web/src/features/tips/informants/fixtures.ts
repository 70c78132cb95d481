import type {
  EligibleTip,
  InformantView,
  MyReportDetail,
  MyReportListItem,
  RewardCase,
  RewardTotals,
} from '@hazard-ledger/domain';

// API answers for the informant, report and reward page tests.

/** An informant row as GET /informants answers it. */
export function informantView(patch: Partial<InformantView> = {}): InformantView {
  return {
    id: 4,
    code: 'XXY0004',
    nameMasked: '高**',
    phoneMasked: '139****0001',
    sectors: ['fireworks', 'hazchem'],
    districtId: 3,
    districtName: '示例区应急管理局',
    enterpriseId: null,
    enterpriseName: null,
    area: '化工园区东区',
    note: null,
    active: true,
    account: null,
    reportCount: 2,
    lastReportAt: '2023-06-12T02:00:00.000Z',
    createdAt: '2023-06-01T02:00:00.000Z',
    updatedAt: '2023-06-01T02:00:00.000Z',
    version: 3,
    ...patch,
  };
}

/** One of my reports in the list. */
export function myReportItem(patch: Partial<MyReportListItem> = {}): MyReportListItem {
  return {
    id: 21,
    number: '示例举〔2023〕0021号',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    subject: '装卸区无人监护',
    status: 'verifying',
    verificationResult: null,
    receivedAt: '2023-06-12T02:00:00.000Z',
    updatedAt: '2023-06-13T02:00:00.000Z',
    replyCount: 1,
    enteredByStaff: false,
    ...patch,
  };
}

/** One of my reports in full. */
export function myReportDetail(patch: Partial<MyReportDetail> = {}): MyReportDetail {
  return {
    ...myReportItem(),
    description: '夜间卸车作业现场无安全监护人员',
    place: '东门装卸区',
    messages: [
      { id: 1, kind: 'reply', body: '已交执法大队核查', createdAt: '2023-06-13T02:00:00.000Z' },
    ],
    files: [],
    canAddFiles: true,
    ...patch,
  };
}

/** A reward case as GET /rewards answers it. */
export function rewardCase(patch: Partial<RewardCase> = {}): RewardCase {
  return {
    id: 9,
    tipId: 21,
    tipNumber: '示例举〔2023〕0021号',
    tipChannel: 'web',
    tipSubject: '罐区报警器停用',
    informantCode: null,
    districtId: 3,
    districtName: '示例区应急管理局',
    enterpriseName: '示例化工有限公司',
    finding: 'major_hazard',
    fineFen: 0,
    computedFen: 200_000,
    amountFen: 200_000,
    amountReason: null,
    rulesName: '示例默认规则（非官方标准）',
    status: 'proposed',
    proposedByName: '王局长',
    proposedAt: '2023-06-20T02:00:00.000Z',
    approvedByName: null,
    approvedAt: null,
    paidOn: null,
    paymentMethod: null,
    voucherNo: null,
    rejectReason: null,
    actions: ['amend', 'approve', 'reject'],
    events: [],
    updatedAt: '2023-06-20T02:00:00.000Z',
    version: 2,
    ...patch,
  };
}

/** A verified tip a reward may be proposed for. */
export function eligibleTip(patch: Partial<EligibleTip> = {}): EligibleTip {
  return {
    id: 22,
    number: '示例举〔2023〕0022号',
    channel: 'informant',
    districtName: '示例区应急管理局',
    enterpriseName: '示例烟花批发公司',
    subject: '超量储存',
    verificationResult: 'true',
    finding: 'violation',
    fineFen: 5_000_000,
    penaltyDecided: true,
    computedFen: 400_000,
    ...patch,
  };
}

const zero = { count: 0, amountFen: 0 };

/** Reward figures of a period. */
export function rewardTotals(patch: Partial<RewardTotals> = {}): RewardTotals {
  return {
    from: '2023-01-01',
    to: '2023-12-31',
    rows: [
      {
        districtId: 3,
        districtName: '示例区应急管理局',
        proposed: { count: 2, amountFen: 600_000 },
        approved: zero,
        paid: zero,
        rejected: zero,
      },
    ],
    total: {
      proposed: { count: 2, amountFen: 600_000 },
      approved: zero,
      paid: zero,
      rejected: zero,
    },
    ...patch,
  };
}
