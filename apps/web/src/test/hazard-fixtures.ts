import type { HazardDetail, HazardListItem } from '@hazard-ledger/domain';

/** A ledger row as GET /hazards answers it. */
export function hazardListItem(patch: Partial<HazardListItem> = {}): HazardListItem {
  return {
    id: 11,
    number: '东胜-2023-000011',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    level: 'major',
    title: '液氨罐区未设紧急切断',
    origin: 'self_check',
    foundAt: '2023-06-10',
    status: 'reported',
    deadline: null,
    overdue: false,
    supervisionLevel: null,
    catalogItemCode: null,
    version: 3,
    ...patch,
  };
}

/** A hazard page as GET /hazards/:id answers it. */
export function hazardDetail(patch: Partial<HazardDetail> = {}): HazardDetail {
  return {
    ...hazardListItem(),
    districtName: '示例区应急管理局',
    enterpriseCreditCode: '91150602MA0N3K5H2B',
    catalogId: null,
    catalogVersion: null,
    noCatalogReason: '不属于判定标准所列情形',
    description: '二级重大危险源罐区紧急切断阀未投用',
    place: '罐区',
    causeAnalysis: null,
    category: null,
    foundBy: '刘安',
    treatment: 'deadline',
    plan: {
      responsiblePerson: null,
      measures: null,
      fundsYuan: null,
      fundsSource: null,
      deadline: null,
      emergencyMeasures: null,
      approvedAt: null,
      missing: [
        'responsiblePerson',
        'measures',
        'fundsYuan',
        'fundsSource',
        'deadline',
        'emergencyMeasures',
      ],
    },
    reportedToBureauAt: null,
    selfFoundAndReported: false,
    fixDescription: null,
    fixedAt: null,
    leaderAcceptedAt: null,
    verifiedAt: null,
    supervisedAt: null,
    extensionRequest: null,
    createdAt: '2023-06-10T02:00:00.000Z',
    updatedAt: '2023-06-10T02:00:00.000Z',
    files: [],
    history: [
      {
        id: 1,
        action: 'created',
        fromStatus: null,
        toStatus: 'reported',
        actorName: '刘安',
        actorRole: 'ent_safety',
        at: '2023-06-10T02:00:00.000Z',
        reason: null,
        details: null,
      },
    ],
    availableActions: [],
    canEdit: true,
    ...patch,
  };
}
