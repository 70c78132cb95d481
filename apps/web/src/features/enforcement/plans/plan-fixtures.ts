import type {
  PlanDetail,
  PlanListItem,
  PlanTarget,
  UpcomingInspection,
} from '@hazard-ledger/domain';

// Test fixtures of inspection plans, as the API answers them.

/** A row of GET /inspection-plans. */
export function planListItem(patch: Partial<PlanListItem> = {}): PlanListItem {
  return {
    id: 5,
    name: '11月危化烟花双随机抽查',
    kind: 'random',
    status: 'draft',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    sectors: ['hazchem', 'fireworks'],
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    unannounced: false,
    crossArea: false,
    enterpriseCount: 2,
    targetCount: 0,
    inspectedCount: 0,
    createdByName: '耿建',
    createdAt: '2026-11-02T01:00:00.000Z',
    version: 1,
    ...patch,
  };
}

/** A target with its two inspectors. */
export function planTarget(patch: Partial<PlanTarget> = {}): PlanTarget {
  return {
    id: 11,
    seq: 1,
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    districtName: '示例区应急管理局',
    status: 'pending',
    recordId: null,
    inspectedAt: null,
    inspectors: [
      { userId: 21, name: '耿建', certificateNo: '15060223001', orgUnitName: '执法大队' },
      { userId: 22, name: '阮飞', certificateNo: '15060223002', orgUnitName: '执法大队' },
    ],
    ...patch,
  };
}

/** GET /inspection-plans/:id. */
export function planDetail(patch: Partial<PlanDetail> = {}): PlanDetail {
  return {
    ...planListItem(),
    departments: [],
    inspectorsPerTarget: 2,
    note: null,
    cancelReason: null,
    completionNote: null,
    draw: null,
    targets: [],
    history: [
      {
        id: 1,
        action: 'created',
        fromStatus: null,
        toStatus: 'draft',
        actorName: '耿建',
        at: '2026-11-02T01:00:00.000Z',
        note: null,
      },
    ],
    availableActions: ['edit', 'draw', 'cancel'],
    can: { manage: true, verify: false, export: false },
    ...patch,
  };
}

/** The same plan after its draw with seed demo-2026. */
export function drawnPlan(patch: Partial<PlanDetail> = {}): PlanDetail {
  return planDetail({
    status: 'assigned',
    version: 2,
    targetCount: 2,
    draw: {
      seed: 'demo-2026',
      algorithm: 'HL-DRAW-V1',
      drawnAt: '2026-11-02T02:00:00.000Z',
      drawnByName: '耿建',
      eligibleEnterprises: 2,
      eligibleInspectors: 2,
      ineligibleInspectors: 1,
      campaignId: null,
    },
    targets: [
      planTarget(),
      planTarget({
        id: 12,
        seq: 2,
        enterpriseId: 8,
        enterpriseName: '示例烟花批发公司',
        sector: 'fireworks',
      }),
    ],
    availableActions: ['start', 'cancel'],
    can: { manage: true, verify: true, export: true },
    ...patch,
  });
}

/** A row of GET /enterprises/:id/upcoming-inspections. */
export function upcoming(patch: Partial<UpcomingInspection> = {}): UpcomingInspection {
  return {
    planId: 5,
    planName: '11月危化烟花双随机抽查',
    kind: 'random',
    status: 'assigned',
    startDate: '2026-11-01',
    endDate: '2026-11-30',
    orgUnitName: '示例区应急管理局',
    unannounced: false,
    targetId: 11,
    targetStatus: 'pending',
    inspectors: null,
    ...patch,
  };
}
