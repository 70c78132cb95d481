import type {
  AlertDetail,
  CatalogItemView,
  CatalogSummary,
  CatalogVersionView,
  NoticeDetail,
  NoticeReceipt,
} from '@hazard-ledger/domain';

// Fixtures of the catalog, notice and alert API (issue 4), shaped as the server answers.

export function catalogSummary(patch: Partial<CatalogSummary> = {}): CatalogSummary {
  return {
    catalogId: 'FMKS-2022',
    name: '金属非金属矿山重大事故隐患判定标准',
    documentNumber: '矿安〔2022〕88号',
    sectors: ['mining'],
    currentVersion: 3,
    publishedAt: '2025-05-01T00:00:00.000Z',
    itemCount: 68,
    incompleteCount: 37,
    localCount: 0,
    draftVersion: null,
    can: { manage: true },
    ...patch,
  };
}

export function catalogVersion(patch: Partial<CatalogVersionView> = {}): CatalogVersionView {
  return {
    id: 13,
    catalogId: 'FMKS-2022',
    version: 3,
    status: 'published',
    current: true,
    name: '金属非金属矿山重大事故隐患判定标准',
    documentNumber: '矿安〔2022〕88号',
    issuedOn: null,
    effectiveOn: null,
    sectors: ['mining'],
    sections: [
      { key: 'UG', name: '地下矿山' },
      { key: 'OP', name: '露天矿山' },
      { key: 'TP', name: '尾矿库' },
    ],
    notes: ['各部分总项数未核实。'],
    basedOnVersion: 2,
    source: 'draft',
    sourceFileName: null,
    note: null,
    diffSummary: '新增0项，删除0项，修改1项',
    diff: null,
    itemCount: 68,
    incompleteCount: 37,
    localCount: 0,
    revision: 4,
    createdAt: '2025-04-20T00:00:00.000Z',
    createdByName: '赵星',
    publishedAt: '2025-05-01T00:00:00.000Z',
    publishedByName: '赵星',
    discardedAt: null,
    discardReason: null,
    can: { edit: false, publish: false, discard: false },
    ...patch,
  };
}

export function catalogItem(patch: Partial<CatalogItemView> = {}): CatalogItemView {
  return {
    id: 101,
    catalogId: 'FMKS-2022',
    catalogVersion: 3,
    code: 'FMKS-2022-UG-01',
    ordinal: 1,
    section: '地下矿山',
    clause: '一（一）',
    parentCode: null,
    title: '安全出口不符合要求',
    requirement: '安全出口存在下列任一情形（见各目）。',
    completeness: 'complete',
    gapNote: null,
    sourceStatus: 'found',
    appliesTo: { sectors: ['mining'], subTypes: ['underground'], tags: null },
    local: false,
    voided: false,
    voidReason: null,
    version: 1,
    ...patch,
  };
}

export function noticeDetail(patch: Partial<NoticeDetail> = {}): NoticeDetail {
  return {
    id: 5,
    title: '关于开展重大事故隐患专项排查整治的通知',
    sectors: ['hazchem'],
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    campaignId: null,
    publishedAt: '2025-05-10T02:00:00.000Z',
    publisherName: '闫晓',
    attachmentCount: 0,
    receipt: null,
    stats: { targetCount: 3, readCount: 1, unreadCount: 2 },
    body: '各企业：请对照判定标准开展自查。',
    attachments: [],
    can: { manage: true },
    ...patch,
  };
}

export function noticeReceipt(patch: Partial<NoticeReceipt> = {}): NoticeReceipt {
  return {
    enterpriseId: 7,
    enterpriseName: '示例化工有限公司',
    sector: 'hazchem',
    districtName: '示例区应急管理局',
    readAt: null,
    readByName: null,
    remindCount: 0,
    lastRemindedAt: null,
    ...patch,
  };
}

export function alertDetail(patch: Partial<AlertDetail> = {}): AlertDetail {
  return {
    id: 3,
    title: '某地化工企业爆炸事故警示',
    accidentDate: '2025-04-01',
    place: '某省某市',
    sectors: ['hazchem'],
    dueDate: '2099-12-31',
    pastDue: false,
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    publishedAt: '2025-05-10T02:00:00.000Z',
    publisherName: '李宣',
    response: {
      enterpriseId: 7,
      enterpriseName: '示例化工有限公司',
      sector: 'hazchem',
      districtName: '示例区应急管理局',
      answer: null,
      note: null,
      answeredAt: null,
      answeredByName: null,
      hazardId: null,
      overdue: false,
      late: false,
    },
    stats: null,
    summary: '反应釜超温超压引发爆炸。',
    lesson: '涉及重点监管危险化工工艺的装置必须实现自动化控制。',
    items: [
      {
        catalogId: 'HG-2017',
        catalogVersion: 1,
        code: 'HG-2017-11',
        title: '危险工艺未自动化控制',
        clause: '（十一）',
      },
    ],
    can: { respond: true, manage: false },
    ...patch,
  };
}
