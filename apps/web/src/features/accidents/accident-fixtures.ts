import type { AccidentDetail, AccidentListItem, TraceBack } from '@hazard-ledger/domain';

// Test data of the accident pages, in the API's shapes.

export function accidentListItem(patch: Partial<AccidentListItem> = {}): AccidentListItem {
  return {
    id: 7,
    enterpriseId: 3,
    enterpriseName: '示例化工有限公司',
    districtName: '示例区',
    sector: 'hazchem',
    occurredAt: '2026-03-01T06:30:00.000Z',
    type: 'fire',
    deaths: 0,
    seriousInjuries: 1,
    minorInjuries: 2,
    directLossFen: 8_600_000,
    level: 'general',
    suggestedLevel: 'general',
    status: 'recorded',
    ...patch,
  };
}

export function accidentDetail(patch: Partial<AccidentDetail> = {}): AccidentDetail {
  return {
    ...accidentListItem(),
    place: '甲类仓库',
    levelReason: null,
    report: '甲类仓库溶剂泄漏闪燃，一人重度烧伤。',
    voidReason: null,
    voidedAt: null,
    voidedByName: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    createdByName: '管理员',
    updatedAt: '2026-03-01T08:00:00.000Z',
    version: 1,
    canManage: true,
    ...patch,
  };
}

const hazard = {
  hazardId: 41,
  number: 'YH-2026-0041',
  title: '甲类仓库可燃气体检测报警仪故障',
  level: 'major' as const,
  catalogId: 'hazchem-2017',
  catalogItemCode: 'HG-2017-12',
  foundAt: '2026-02-20',
  deadline: '2026-03-20',
  statusAtAccident: 'rectifying' as const,
  openAtAccident: true,
  currentStatus: 'verified' as const,
};

export function traceBack(patch: Partial<TraceBack> = {}): TraceBack {
  return {
    accidentId: 7,
    windowFrom: '2024-03-01T06:30:00.000Z',
    windowTo: '2026-03-01T06:30:00.000Z',
    inspections: [
      {
        id: 11,
        recordNo: '示例应急检〔2026〕0011号',
        status: 'signed',
        startedAt: '2026-02-20T01:30:00.000Z',
        endedAt: '2026-02-20T03:30:00.000Z',
        place: '罐区及甲类仓库',
        inspectors: [
          { name: '耿建', certificateNo: 'ZF-01', signedAt: null },
          { name: '阮飞', certificateNo: 'ZF-02', signedAt: null },
        ],
        signers: [
          { name: '耿建', certificateNo: 'ZF-01', signedAt: '2026-02-20T04:00:00.000Z' },
          { name: '阮飞', certificateNo: 'ZF-02', signedAt: '2026-02-20T04:05:00.000Z' },
        ],
        findings: [{ seq: 1, catalogItemCode: 'HG-2017-12', level: 'major', hazard }],
      },
    ],
    sameItemOpenHazards: [
      { ...hazard, foundByInspection: true },
      {
        ...hazard,
        hazardId: 42,
        number: 'YH-2026-0042',
        title: '乙类仓库报警仪未校验',
        statusAtAccident: 'reported',
        currentStatus: 'rectifying',
        foundByInspection: false,
      },
    ],
    penaltyCases: [],
    orders: [
      {
        id: 5,
        orderNo: '示例应急责改〔2026〕0003号',
        issuedOn: '2026-02-21',
        deadline: '2026-03-20',
        status: 'acknowledged',
      },
    ],
    ...patch,
  };
}
