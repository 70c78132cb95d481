import {
  NO_PENALTY_RULE,
  type InspectionFormContext,
  type InspectionRecordDetail,
  type InspectionRecordListItem,
  type PublicVerification,
  type RecordVerification,
} from '@hazard-ledger/domain';

// Test data of the inspection-record pages, shaped as the API answers.

const HASH = 'ab'.repeat(32);

/** The form context of 示例化工 for inspector 张三 (user 1) with colleague 阮飞 (user 2). */
export function formContext(patch: Partial<InspectionFormContext> = {}): InspectionFormContext {
  return {
    enterprise: {
      id: 7,
      name: '示例化工有限公司',
      sector: 'hazchem',
      address: '示例区纬三路8号',
      districtName: '示例区应急管理局',
    },
    checklist: [
      {
        code: 'HG-2017-01',
        clause: '第一条',
        title: '负责人未经考核合格',
        requirement: null,
        catalogId: 'HG-2017',
        catalogVersion: 1,
      },
      {
        code: 'HG-2017-05',
        clause: '第五条',
        title: '重大危险源罐区无紧急切断',
        requirement: null,
        catalogId: 'HG-2017',
        catalogVersion: 1,
      },
    ],
    openHazards: [
      {
        id: 31,
        number: '示例-2026-000031',
        title: '液氨储罐未设紧急切断阀',
        level: 'major',
        status: 'rectifying',
        origin: 'self_check',
        catalogItemCode: 'HG-2017-05',
        reportedToBureauAt: '2026-01-05T02:00:00.000Z',
        deadline: '2099-01-01',
        foundAt: '2026-01-04',
        selfFound: true,
        noPenalty: { applies: true, reasons: ['属于重大事故隐患', '由企业自行发现（企业自查）'] },
      },
    ],
    me: { userId: 1, name: '张三', certificateNo: '15060223001', orgUnitName: '执法大队' },
    colleagues: [
      { userId: 2, name: '阮飞', certificateNo: '15060223002', orgUnitName: '执法大队' },
    ],
    proposedInspectorIds: [2],
    origin: 'enforcement',
    noPenaltyRule: NO_PENALTY_RULE.zh,
    ...patch,
  };
}

/** A record in signing, named inspectors 张三 (signed) and 阮飞 (not yet). */
export function recordDetail(patch: Partial<InspectionRecordDetail> = {}): InspectionRecordDetail {
  return {
    id: 5,
    recordNo: '示例应急检〔2026〕0005号',
    status: 'signing',
    origin: 'enforcement',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    enterpriseAddress: '示例区纬三路8号',
    sector: 'hazchem',
    districtName: '示例区应急管理局',
    planId: null,
    targetId: null,
    startedAt: '2026-03-02T01:30:00.000Z',
    endedAt: '2026-03-02T03:30:00.000Z',
    place: '罐区',
    enterprisePresent: '刘安',
    inspectors: [
      {
        userId: 1,
        name: '张三',
        certificateNo: '15060223001',
        signedAt: '2026-03-02T03:40:00.000Z',
      },
      { userId: 2, name: '阮飞', certificateNo: '15060223002', signedAt: null },
    ],
    checklist: [
      {
        catalogItemCode: 'HG-2017-05',
        clause: '第五条',
        title: '重大危险源罐区无紧急切断',
        result: 'problem',
        note: null,
      },
    ],
    findings: [
      {
        no: 1,
        title: '液氨储罐未设紧急切断阀',
        description: '2号罐区液氨储罐进出料管道未设紧急切断阀',
        level: 'major',
        treatment: 'deadline',
        catalogItemCode: 'HG-2017-05',
        catalogTitle: '重大危险源罐区无紧急切断',
        linkedHazardId: 31,
        hazard: {
          id: 31,
          number: '示例-2026-000031',
          title: '液氨储罐未设紧急切断阀',
          level: 'major',
          status: 'rectifying',
          origin: 'self_check',
          catalogItemCode: 'HG-2017-05',
          reportedToBureauAt: '2026-01-05T02:00:00.000Z',
          deadline: '2099-01-01',
          foundAt: '2026-01-04',
        },
        linked: true,
        penaltyDecision: 'exempt',
        penaltyNote: null,
        noPenalty: { applies: true, reasons: ['属于重大事故隐患'] },
        decisionRequired: true,
      },
    ],
    scorecard: [
      { duty: 'organize', status: 'done' },
      { duty: 'responsibility', status: 'partly' },
      { duty: 'hazardous_work', status: 'missing' },
      { duty: 'outsourcing', status: 'done' },
      { duty: 'drills', status: 'done' },
    ],
    contentHash: HASH,
    canonicalText: 'HL-INSPECTION-V1\n{}',
    signedAt: null,
    acknowledgedAt: null,
    acknowledgedByName: null,
    supersedesRecordId: null,
    supersedesRecordNo: null,
    supersededByRecordId: null,
    supersededByRecordNo: null,
    pendingCorrectionId: null,
    noPenaltyRule: NO_PENALTY_RULE.zh,
    createdAt: '2026-03-02T03:35:00.000Z',
    createdByName: '张三',
    updatedAt: '2026-03-02T03:40:00.000Z',
    version: 3,
    history: [
      {
        id: 1,
        action: 'created',
        fromStatus: null,
        toStatus: 'draft',
        actorName: '张三',
        at: '2026-03-02T03:35:00.000Z',
        note: null,
      },
    ],
    availableActions: ['sign', 'reopen'],
    ...patch,
  };
}

/** A row of the list. */
export function listItem(patch: Partial<InspectionRecordListItem> = {}): InspectionRecordListItem {
  return {
    id: 5,
    recordNo: '示例应急检〔2026〕0005号',
    status: 'signing',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    districtName: '示例区应急管理局',
    origin: 'enforcement',
    planId: null,
    startedAt: '2026-03-02T01:30:00.000Z',
    place: '罐区',
    inspectorNames: ['张三', '阮飞'],
    findingCount: 2,
    majorFindingCount: 1,
    signedCount: 1,
    inspectorCount: 2,
    awaitingMySignature: true,
    acknowledgedAt: null,
    supersededByRecordId: null,
    signedAt: null,
    createdAt: '2026-03-02T03:35:00.000Z',
    ...patch,
  };
}

/** The verification of record 5: both signatures valid. */
export function verification(patch: Partial<RecordVerification> = {}): RecordVerification {
  return {
    recordId: 5,
    recordNo: '示例应急检〔2026〕0005号',
    status: 'signed',
    valid: true,
    hashValid: true,
    computedHash: HASH,
    storedHash: HASH,
    signatures: [
      {
        userId: 1,
        signerName: '张三',
        certificateNo: '15060223001',
        signedAt: '2026-03-02T03:40:00.000Z',
        valid: true,
        problem: null,
      },
      {
        userId: 2,
        signerName: '阮飞',
        certificateNo: '15060223002',
        signedAt: '2026-03-02T03:41:00.000Z',
        valid: true,
        problem: null,
      },
    ],
    missingSigners: [],
    problems: [],
    checkedAt: '2026-03-03T01:00:00.000Z',
    ...patch,
  };
}

/** The public answer for a valid code. */
export function publicVerification(patch: Partial<PublicVerification> = {}): PublicVerification {
  return {
    kind: 'inspection_record',
    recordNo: '示例应急检〔2026〕0005号',
    enterpriseName: '示例化工有限公司',
    inspectionDate: '2026-03-02',
    partyName: null,
    signers: [
      { name: '张三', certificateNo: '15060223001', signedAt: '2026-03-02T03:40:00.000Z' },
      { name: '阮飞', certificateNo: '15060223002', signedAt: '2026-03-02T03:41:00.000Z' },
    ],
    valid: true,
    superseded: false,
    supersededByRecordNo: null,
    checkedAt: '2026-03-03T01:00:00.000Z',
    ...patch,
  };
}

export const TEST_HASH = HASH;
