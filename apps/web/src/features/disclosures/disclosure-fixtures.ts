import {
  type DisclosureDetail,
  type PublicCase,
  type PublicCaseListItem,
  redactText,
} from '@hazard-ledger/domain';

// Fixtures of the disclosure pages' tests.

const TITLE = '东胜区金鼎矿业有限责任公司未采取措施消除重大事故隐患案';
const TEXT = '主要负责人王建国（电话13904771234）未组织排查。';
const RULES = { personNames: ['王建国'], manual: [] };

export function disclosureDetail(over: Partial<DisclosureDetail> = {}): DisclosureDetail {
  return {
    id: 7,
    kind: 'typical_case',
    title: TITLE,
    sector: 'mining',
    districtName: '东胜区应急管理局',
    sourceType: 'penalty_case',
    sourceLabel: '东应急罚〔2026〕1号',
    status: 'submitted',
    state: 'submitted',
    publishFrom: '2026-11-20',
    publishUntil: '2027-05-20',
    preparedByName: '宣教',
    updatedAt: '2026-11-29T08:00:00.000Z',
    sourceId: 1,
    text: TEXT,
    manualRedactions: [],
    personNames: ['王建国'],
    preview: { title: redactText(TITLE, RULES), text: redactText(TEXT, RULES) },
    photos: [],
    sourcePhotos: [],
    preparedBy: 9,
    submittedByName: '宣教',
    approvedByName: null,
    approvedAt: null,
    unpublishedAt: null,
    unpublishReason: null,
    returnReason: null,
    actions: ['return', 'approve'],
    version: 3,
    ...over,
  };
}

export function publicCaseItem(over: Partial<PublicCaseListItem> = {}): PublicCaseListItem {
  return {
    id: 7,
    kind: 'typical_case',
    title: TITLE,
    sector: 'mining',
    districtName: '东胜区应急管理局',
    publishedOn: '2026-11-20',
    excerpt: '主要负责人王某（电话[已隐去]）未组织排查。',
    ...over,
  };
}

export function publicCase(over: Partial<PublicCase> = {}): PublicCase {
  return {
    id: 7,
    kind: 'typical_case',
    title: TITLE,
    sector: 'mining',
    districtName: '东胜区应急管理局',
    publishedOn: '2026-11-20',
    text: '主要负责人王某（电话[已隐去]）未组织排查。\n依法处罚。',
    photoIds: [3],
    ...over,
  };
}
