import type { TipDetail, TipListItem } from '@hazard-ledger/domain';

/** A list row as GET /tips answers it. */
export function tipListItem(patch: Partial<TipListItem> = {}): TipListItem {
  return {
    id: 21,
    number: '东胜举〔2026〕0021号',
    channel: 'hotline_12350',
    status: 'received',
    subject: '储罐区违规动火',
    districtId: 3,
    districtName: '东胜区应急管理局',
    enterpriseId: 7,
    enterpriseName: '东胜区恒泰化工有限公司',
    sector: 'hazchem',
    anonymous: false,
    insider: false,
    receivedAt: '2026-11-20T02:00:00.000Z',
    dueDate: '2099-11-27',
    overdue: false,
    assignedUnitName: null,
    assignedUserName: null,
    verificationResult: null,
    hazardId: null,
    version: 1,
    ...patch,
  };
}

/** A tip page as GET /tips/:id answers it (staff view: no identity). */
export function tipDetail(patch: Partial<TipDetail> = {}): TipDetail {
  return {
    ...tipListItem(),
    enterpriseText: null,
    enterpriseRegistryName: '东胜区恒泰化工有限公司',
    place: '储罐区东侧',
    description: '夜间在储罐区动火作业，未办理动火审批。',
    catalogItemCode: 'HG-2017-07',
    identityOnRecord: true,
    reporterReachable: true,
    hasReceiptCode: true,
    informantId: null,
    rejectReason: null,
    duplicateOf: null,
    assignedUnitId: null,
    assignedUserId: null,
    verificationSummary: null,
    hazard: null,
    inspectionRecord: null,
    penaltyCase: null,
    acceptedOn: null,
    dueDateLimit: null,
    extensionLimit: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    files: [],
    messages: [],
    history: [
      {
        id: 1,
        action: 'created',
        fromStatus: null,
        toStatus: 'received',
        actorName: '危化室王',
        at: '2026-11-20T02:00:00.000Z',
        note: '12350热线',
      },
    ],
    availableActions: ['accept', 'reject', 'classify', 'note', 'reply', 'ask'],
    canViewIdentity: false,
    ...patch,
  };
}
