import type {
  IssuableRecord,
  OnSiteMeasureView,
  OrderDetail,
  OrderListItem,
  OrderPage,
  ReinspectionView,
} from '@hazard-ledger/domain';

// Test data of orders, re-inspections and on-site measures, as the API returns them.

/** A row of the order list. */
export function orderListItem(patch: Partial<OrderListItem> = {}): OrderListItem {
  return {
    id: 5,
    orderNo: '示例应急责改〔2026〕0003号',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    districtName: '示例区应急管理局',
    inspectionRecordId: 9,
    recordNo: '示例应急检〔2026〕0007号',
    issuedOn: '2026-03-01',
    deadline: '2099-03-16',
    status: 'issued',
    overdue: false,
    hazardCount: 2,
    acknowledgedAt: null,
    reinspectedOn: null,
    persistingCount: null,
    ...patch,
  };
}

/** A page of orders. */
export function orderPage(items: OrderListItem[] = [orderListItem()]): OrderPage {
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    counts: { issued: 1, acknowledged: 0, reinspected: 0, overdue: 0 },
  };
}

/** An order's page. */
export function orderDetail(patch: Partial<OrderDetail> = {}): OrderDetail {
  return {
    ...orderListItem(),
    basis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项、第一百零二条',
    note: null,
    inspectors: [
      { userId: 1, name: '张三', certificateNo: '15060223001' },
      { userId: 2, name: '阮飞', certificateNo: '15060223002' },
    ],
    items: [
      {
        id: 31,
        seq: 1,
        hazardId: 101,
        hazardNumber: '示例-2026-000001',
        title: '液氨罐区紧急切断阀未投用',
        description: '二级重大危险源罐区紧急切断阀未投用',
        level: 'major',
        requirement: '投用紧急切断阀并与液位联锁',
        findingSeq: 1,
        hazardStatus: 'rectified',
        hazardDeadline: '2099-03-16',
      },
      {
        id: 32,
        seq: 2,
        hazardId: 102,
        hazardNumber: '示例-2026-000002',
        title: '反应釜未设超温联锁',
        description: '二车间反应釜未设超温联锁',
        level: 'major',
        requirement: '增设超温联锁',
        findingSeq: 2,
        hazardStatus: 'rectifying',
        hazardDeadline: '2099-03-16',
      },
    ],
    issuedByName: '张三',
    issuedAt: '2026-03-01T02:00:00.000Z',
    acknowledgedByName: null,
    verificationCode: 'a'.repeat(64),
    reinspection: null,
    availableActions: [],
    version: 1,
    ...patch,
  };
}

/** A recorded re-inspection: one hazard verified, one persisting. */
export function reinspectionView(patch: Partial<ReinspectionView> = {}): ReinspectionView {
  return {
    id: 3,
    opinionNo: '示例应急复查〔2026〕0001号',
    reinspectedOn: '2026-03-16',
    inspectors: orderDetail().inspectors,
    opinion: '第1项已整改；第2项整改不到位。',
    earlyReason: null,
    items: [
      {
        hazardId: 101,
        hazardNumber: '示例-2026-000001',
        title: '液氨罐区紧急切断阀未投用',
        result: 'rectified',
        outcome: 'verified',
        note: '已投用',
        explanation: null,
        hazardStatus: 'verified',
      },
      {
        hazardId: 102,
        hazardNumber: '示例-2026-000002',
        title: '反应釜未设超温联锁',
        result: 'persisting',
        outcome: 'persisting',
        note: '联锁仍未投用',
        explanation: null,
        hazardStatus: 'rectifying',
      },
    ],
    verificationCode: 'b'.repeat(64),
    createdByName: '张三',
    createdAt: '2026-03-16T03:00:00.000Z',
    ...patch,
  };
}

/** An on-site measure. */
export function measureView(patch: Partial<OnSiteMeasureView> = {}): OnSiteMeasureView {
  return {
    id: 4,
    kind: 'stop_use',
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    inspectionRecordId: 9,
    recordNo: '示例应急检〔2026〕0007号',
    hazardId: 101,
    hazardNumber: '示例-2026-000001',
    subject: '2号液氨储罐进出料泵',
    basis: '《安全生产法》第六十五条第一款第（三）项',
    documentNo: '示例应急现决〔2026〕0001号',
    imposedOn: '2026-03-01',
    imposedByName: '张三',
    liftedOn: null,
    liftNote: null,
    liftedByName: null,
    liftedAt: null,
    active: true,
    canLift: true,
    version: 1,
    ...patch,
  };
}

/** A signed record with its findings' hazards. */
export function issuableRecord(patch: Partial<IssuableRecord> = {}): IssuableRecord {
  return {
    id: 9,
    recordNo: '示例应急检〔2026〕0007号',
    startedAt: '2026-03-01T01:00:00.000Z',
    place: '罐区',
    inspectors: orderDetail().inspectors,
    mine: true,
    findings: [
      {
        seq: 1,
        hazardId: 101,
        hazardNumber: '示例-2026-000001',
        title: '液氨罐区紧急切断阀未投用',
        level: 'major',
        status: 'reported',
        deadline: null,
        openOrderNo: null,
      },
      {
        seq: 2,
        hazardId: 102,
        hazardNumber: '示例-2026-000002',
        title: '反应釜未设超温联锁',
        level: 'major',
        status: 'reported',
        deadline: null,
        openOrderNo: '示例应急责改〔2026〕0001号',
      },
      {
        seq: 3,
        hazardId: 103,
        hazardNumber: '示例-2026-000003',
        title: '静电接地报警仪故障',
        level: 'general',
        status: 'reported',
        deadline: null,
        openOrderNo: null,
      },
    ],
    ...patch,
  };
}
