import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { HAZARD_LEVELS, type HazardLevel } from '../hazard/hazard.js';
import { HAZARD_STATUSES, type HazardStatus } from '../hazard/hazard-workflow.js';
import { canonicalJson, normaliseRecordText, recordInspectorSchema } from './inspection-record.js';
import { ON_SITE_MEASURE_KINDS, type OnSiteMeasureKind } from './measures.js';

// Rectification orders (责令限期整改指令书), re-inspections (整改复查) and on-site measures
// (现场处理措施, 安全生产法第六十五条第一款第（三）项) — issue 7 §4 and §8.
//
// An order comes from a signed inspection record and lists some of the hazards its findings
// point at, each with what must be done, and one deadline. The enterprise acknowledges receipt.
// At (or, with a reason, before) the deadline two or more certified inspectors re-inspect each
// hazard: rectified → the hazard is verified in the ledger through the hazard workflow (or, when
// the ledger does not allow it yet, recorded as rectified and pending verification); persisting
// (整改不到位) → the hazard stays open and a penalty case can follow.

const requiredText = (min: number, max: number, message: string) =>
  z.string().trim().min(min, { message }).max(max);

// ---- Document numbers ----

/** The kinds of numbered document this part issues. */
export const EnforcementDocumentKind = {
  Order: 'order',
  Reinspection: 'reinspection',
  OnSiteMeasure: 'on_site_measure',
} as const;
export type EnforcementDocumentKind =
  (typeof EnforcementDocumentKind)[keyof typeof EnforcementDocumentKind];

/** The word of each kind in the number (东胜应急责改〔2026〕0003号). */
export const ENFORCEMENT_DOCUMENT_WORDS: Record<EnforcementDocumentKind, string> = {
  order: '责改',
  reinspection: '复查',
  on_site_measure: '现决',
};

/** The short name of a district for document numbers: 东胜区应急管理局 → 东胜. */
export function documentPrefixOf(districtName: string): string {
  return districtName.replace(/应急管理局$/, '').replace(/[区县旗市]$/, '');
}

/** A document number per district, kind and year: 东胜应急责改〔2026〕0003号. */
export function enforcementDocumentNo(
  districtName: string,
  kind: EnforcementDocumentKind,
  year: number,
  seq: number,
): string {
  return `${documentPrefixOf(districtName)}应急${ENFORCEMENT_DOCUMENT_WORDS[kind]}〔${year}〕${String(seq).padStart(4, '0')}号`;
}

// ---- Rectification orders ----

/** Where an order stands; overdue is derived (see isOrderOverdue), never stored. */
export const OrderStatus = {
  /** 已签发: issued, waiting for the enterprise's receipt. */
  Issued: 'issued',
  /** 已签收: the enterprise acknowledged receipt. */
  Acknowledged: 'acknowledged',
  /** 已复查: the re-inspection is recorded. */
  Reinspected: 'reinspected',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
export const ORDER_STATUSES = Object.values(OrderStatus) as readonly OrderStatus[];
export const ORDER_STATUS_LABELS: Record<OrderStatus, { zh: string; en: string }> = {
  issued: { zh: '已签发待签收', en: 'Issued' },
  acknowledged: { zh: '已签收整改中', en: 'Acknowledged' },
  reinspected: { zh: '已复查', en: 'Re-inspected' },
};

/** Filters of the order list: a status, or overdue (deadline passed, not re-inspected). */
export const ORDER_LIST_FILTERS = [...ORDER_STATUSES, 'overdue'] as const;
export type OrderListFilter = (typeof ORDER_LIST_FILTERS)[number];

/** What can be done to an order. */
export const OrderAction = {
  /** The enterprise acknowledges receipt (签收). */
  Acknowledge: 'acknowledge',
  /** Inspectors record the re-inspection (复查). */
  Reinspect: 'reinspect',
} as const;
export type OrderAction = (typeof OrderAction)[keyof typeof OrderAction];
export const ORDER_ACTIONS = Object.values(OrderAction) as readonly OrderAction[];
export const ORDER_ACTION_LABELS: Record<OrderAction, { zh: string; en: string }> = {
  acknowledge: { zh: '签收', en: 'Acknowledge receipt' },
  reinspect: { zh: '整改复查', en: 'Re-inspect' },
};

/**
 * The workflow table. A re-inspection may follow an order the enterprise has not signed for
 * (e.g. served by leaving it on site, 留置送达); once re-inspected the order is closed.
 */
export const ORDER_WORKFLOW = {
  issued: ['acknowledge', 'reinspect'],
  acknowledged: ['reinspect'],
  reinspected: [],
} as const satisfies Record<OrderStatus, readonly OrderAction[]>;

/** Why an action is refused in a status (for the 409 answer); null when allowed. */
export function orderRefusal(status: OrderStatus, action: OrderAction): string | null {
  if ((ORDER_WORKFLOW[status] as readonly OrderAction[]).includes(action)) return null;
  if (action === 'acknowledge' && status !== 'issued') return '企业已签收该指令书';
  return `当前状态“${ORDER_STATUS_LABELS[status].zh}”不能${ORDER_ACTION_LABELS[action].zh}`;
}

/** The actions a status allows (before the caller's permissions). */
export function orderActionsOf(status: OrderStatus): OrderAction[] {
  return [...ORDER_WORKFLOW[status]];
}

/** Overdue: the deadline has passed and the order is not re-inspected. */
export function isOrderOverdue(
  order: { status: OrderStatus; deadline: string },
  today: string,
): boolean {
  return order.status !== 'reinspected' && order.deadline < today.slice(0, 10);
}

/** The usual legal basis of an order (pre-filled, editable). */
export const ORDER_DEFAULT_BASIS =
  '《中华人民共和国安全生产法》第六十五条第一款第（三）项、第一百零二条';

/** The requirement pre-filled for a hazard: eliminate it and meet the standard. */
export const ORDER_DEFAULT_REQUIREMENT =
  '按照有关法律法规、国家标准或者行业标准的规定整改到位，消除事故隐患。';

/** One hazard of an order with what must be done. */
export const orderItemInputSchema = z.strictObject({
  hazardId: z.number().int().positive(),
  requirement: requiredText(2, 1000, '请填写整改要求'),
});

/** Issuing an order from a signed inspection record. */
export const issueOrderSchema = z
  .strictObject({
    inspectionRecordId: z.number().int().positive(),
    deadline: dateSchema,
    basis: z
      .string()
      .trim()
      .min(2, { message: '请填写法律依据' })
      .max(300)
      .default(ORDER_DEFAULT_BASIS),
    items: z
      .array(orderItemInputSchema)
      .min(1, { message: '请至少选择一项隐患' })
      .max(100, { message: '一份指令书最多列100项隐患' }),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.items.forEach((item, i) => {
      if (seen.has(item.hazardId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'hazardId'],
          message: '隐患重复',
        });
      }
      seen.add(item.hazardId);
    });
  });
export type IssueOrderInput = z.input<typeof issueOrderSchema>;
export type IssueOrder = z.output<typeof issueOrderSchema>;

/** Why a deadline is refused for an order issued on `issuedOn`; null when acceptable. */
export function orderDeadlineRefusal(issuedOn: string, deadline: string): string | null {
  return deadline < issuedOn ? '整改期限不能早于签发日期' : null;
}

/** Why a hazard cannot be put on a new order; null when it can. */
export function orderHazardRefusal(hazard: {
  number: string;
  status: HazardStatus;
  /** The number of an order not yet re-inspected that already lists the hazard. */
  openOrderNo: string | null;
}): string | null {
  if (hazard.status === 'verified') return `隐患${hazard.number}已验收销号，无需责令整改`;
  if (hazard.openOrderNo)
    return `隐患${hazard.number}已列入${hazard.openOrderNo}整改指令书，尚未复查`;
  return null;
}

/**
 * The hazard's deadline once an order is issued: an order's deadline binds the ledger, so a
 * hazard without one, or with a later one, takes the order's; an earlier one stands.
 * Null when nothing changes.
 */
export function hazardDeadlineUnderOrder(
  current: string | null,
  orderDeadline: string,
): string | null {
  return current === null || current > orderDeadline ? orderDeadline : null;
}

/** Acknowledging receipt. */
export const acknowledgeOrderSchema = z.strictObject({ version: z.number().int().min(1) });
export type AcknowledgeOrderInput = z.infer<typeof acknowledgeOrderSchema>;

// ---- Re-inspection ----

/** What the inspectors found for one hazard. */
export const ReinspectionResult = {
  /** 已整改. */
  Rectified: 'rectified',
  /** 整改不到位. */
  Persisting: 'persisting',
} as const;
export type ReinspectionResult = (typeof ReinspectionResult)[keyof typeof ReinspectionResult];
export const REINSPECTION_RESULTS = Object.values(
  ReinspectionResult,
) as readonly ReinspectionResult[];
export const REINSPECTION_RESULT_LABELS: Record<ReinspectionResult, { zh: string; en: string }> = {
  rectified: { zh: '已整改', en: 'Rectified' },
  persisting: { zh: '整改不到位', en: 'Not rectified' },
};

/** What the re-inspection did in the ledger. */
export const ReinspectionOutcome = {
  /** Verified (销号) through the hazard workflow. */
  Verified: 'verified',
  /** Rectified on site, but the ledger cannot verify it yet (explained). */
  RectifiedPending: 'rectified_pending',
  /** Persisting: the hazard stays open. */
  Persisting: 'persisting',
} as const;
export type ReinspectionOutcome = (typeof ReinspectionOutcome)[keyof typeof ReinspectionOutcome];
export const REINSPECTION_OUTCOMES = Object.values(
  ReinspectionOutcome,
) as readonly ReinspectionOutcome[];
export const REINSPECTION_OUTCOME_LABELS: Record<ReinspectionOutcome, { zh: string; en: string }> =
  {
    verified: { zh: '已整改，验收销号', en: 'Rectified and verified' },
    rectified_pending: { zh: '已整改，待台账验收', en: 'Rectified, verification pending' },
    persisting: { zh: '整改不到位', en: 'Not rectified' },
  };

/** One hazard's result on the re-inspection form. */
export const reinspectionItemSchema = z
  .strictObject({
    hazardId: z.number().int().positive(),
    result: z.enum(REINSPECTION_RESULTS as [ReinspectionResult, ...ReinspectionResult[]], {
      message: '请选择复查结果',
    }),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'persisting' && (v.note ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '整改不到位的须说明存在的问题' });
    }
  });

/** Recording a re-inspection of an order (every hazard of the order gets a result). */
export const reinspectionSchema = z
  .strictObject({
    version: z.number().int().min(1),
    reinspectedOn: dateSchema,
    inspectorUserIds: z
      .array(z.number().int().positive())
      .min(2, { message: '复查须有两名以上执法人员' })
      .max(10),
    items: z.array(reinspectionItemSchema).min(1, { message: '请填写每项隐患的复查结果' }),
    opinion: requiredText(2, 2000, '请填写复查意见'),
    /** Why the re-inspection comes before the deadline (e.g. 企业申请提前复查). */
    earlyReason: z.string().trim().max(500).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const users = new Set<number>();
    v.inspectorUserIds.forEach((id, i) => {
      if (users.has(id)) {
        ctx.addIssue({ code: 'custom', path: ['inspectorUserIds', i], message: '执法人员重复' });
      }
      users.add(id);
    });
    const hazards = new Set<number>();
    v.items.forEach((item, i) => {
      if (hazards.has(item.hazardId)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'hazardId'], message: '隐患重复' });
      }
      hazards.add(item.hazardId);
    });
  });
export type ReinspectionInput = z.input<typeof reinspectionSchema>;
export type Reinspection = z.output<typeof reinspectionSchema>;

/** A field error of a rule below; `state` when the record's state refuses (409), not the input. */
export type OrderRuleError = { path: string; message: string; state?: true };

/**
 * The date rules of a re-inspection: not in the future, not before the order, and before the
 * deadline only with a reason.
 */
export function reinspectionDateRefusal(
  order: { issuedOn: string; deadline: string },
  input: { reinspectedOn: string; earlyReason: string | null },
  today: string,
): OrderRuleError | null {
  if (input.reinspectedOn > today)
    return { path: 'reinspectedOn', message: '复查日期不能晚于今天' };
  if (input.reinspectedOn < order.issuedOn)
    return { path: 'reinspectedOn', message: '复查日期不能早于指令书签发日期' };
  if (input.reinspectedOn < order.deadline && (input.earlyReason ?? '').length < 2) {
    return {
      path: 'earlyReason',
      message: `整改期限（${order.deadline}）未到，提前复查须说明理由（如企业申请提前复查）`,
    };
  }
  return null;
}

/** Every hazard of the order gets exactly one result, and no other hazard. */
export function reinspectionCoverageRefusal(
  orderHazardIds: readonly number[],
  items: readonly { hazardId: number }[],
): OrderRuleError | null {
  const listed = new Set(orderHazardIds);
  const i = items.findIndex((item) => !listed.has(item.hazardId));
  if (i >= 0) return { path: `items.${i}.hazardId`, message: '该隐患不在本指令书中' };
  const given = new Set(items.map((item) => item.hazardId));
  if (orderHazardIds.some((id) => !given.has(id)))
    return { path: 'items', message: '请填写指令书所列每项隐患的复查结果' };
  return null;
}

/** An enforcement officer as the re-inspection needs them: a certificate number (执法证号). */
export type EnforcementOfficer = { userId: number; name: string; certificateNo: string | null };

/**
 * The people of a re-inspection: at least two, each with a certificate number, and the person
 * recording it among them (谁检查、谁签名、谁负责).
 */
export function reinspectionInspectorsRefusal(
  officers: readonly EnforcementOfficer[],
  recorderUserId: number,
): OrderRuleError | null {
  if (officers.length < 2) return { path: 'inspectorUserIds', message: '复查须有两名以上执法人员' };
  const noCert = officers.findIndex((o) => (o.certificateNo ?? '').trim() === '');
  if (noCert >= 0) {
    return {
      path: `inspectorUserIds.${noCert}`,
      message: `${officers[noCert]!.name}没有执法证号，不能参加复查`,
    };
  }
  if (!officers.some((o) => o.userId === recorderUserId))
    return { path: 'inspectorUserIds', message: '录入复查结果的人员须是复查执法人员之一' };
  return null;
}

/**
 * What a hazard's re-inspection result does in the ledger. `verifyRefusal` is the hazard
 * workflow's answer to verification by the recorder (null: allowed).
 */
export function reinspectionOutcomeOf(
  result: ReinspectionResult,
  hazardStatus: HazardStatus,
  verifyRefusal: string | null,
): { outcome: ReinspectionOutcome; verify: boolean; explanation: string | null } {
  if (result === 'persisting') return { outcome: 'persisting', verify: false, explanation: null };
  if (hazardStatus === 'verified')
    return { outcome: 'verified', verify: false, explanation: '该隐患已在台账中验收销号' };
  if (verifyRefusal === null) return { outcome: 'verified', verify: true, explanation: null };
  return {
    outcome: 'rectified_pending',
    verify: false,
    explanation: `现场复查已整改，但台账暂不能验收销号：${verifyRefusal}`,
  };
}

/**
 * Whether a persisting result sends a hazard back from 已整改待验收 to 整改中 (reject_fix): the
 * enterprise reported it fixed and the inspectors found it was not.
 */
export function persistingRejectsFix(
  result: ReinspectionResult,
  hazardStatus: HazardStatus,
): boolean {
  return result === 'persisting' && hazardStatus === 'rectified';
}

// ---- On-site measures ----

/** Lifting an on-site measure after review (经审查同意). */
export const liftOnSiteMeasureSchema = z.strictObject({
  version: z.number().int().min(1),
  liftedOn: dateSchema,
  liftNote: requiredText(2, 1000, '请填写审查意见（审查同意恢复的情况）'),
});
export type LiftOnSiteMeasureInput = z.infer<typeof liftOnSiteMeasureSchema>;

/** Why a measure cannot be imposed as entered; null when it can. */
export function imposeOnSiteMeasureRefusal(
  input: { imposedOn: string; liftedOn: string | null },
  hazard: { level: HazardLevel; status: HazardStatus } | null,
  today: string,
): OrderRuleError | null {
  if (input.imposedOn > today) return { path: 'imposedOn', message: '采取措施日期不能晚于今天' };
  if (input.liftedOn !== null)
    return { path: 'liftedOn', message: '采取措施时不能填写解除日期，解除须经审查同意后另行办理' };
  if (hazard && hazard.level !== 'major')
    return { path: 'hazardId', message: '现场处理措施针对无法保证安全的重大事故隐患' };
  if (hazard && hazard.status === 'verified')
    return { path: 'hazardId', message: '该隐患已验收销号' };
  return null;
}

/**
 * Why a measure cannot be lifted; null when it can. Production resumes only after the major
 * hazard is removed (重大事故隐患排除后，经审查同意，方可恢复): a linked hazard must at least be
 * reported fixed.
 */
export function liftOnSiteMeasureRefusal(
  measure: { imposedOn: string; liftedOn: string | null },
  input: { liftedOn: string },
  hazardStatus: HazardStatus | null,
  today: string,
): OrderRuleError | null {
  if (measure.liftedOn !== null) return { path: 'liftedOn', message: '该措施已解除', state: true };
  if (input.liftedOn < measure.imposedOn)
    return { path: 'liftedOn', message: '解除日期不能早于采取措施日期' };
  if (input.liftedOn > today) return { path: 'liftedOn', message: '解除日期不能晚于今天' };
  if (hazardStatus !== null && ['reported', 'planned', 'rectifying'].includes(hazardStatus))
    return {
      path: 'liftedOn',
      message: '关联的重大事故隐患尚未整改完成，不能审查同意恢复',
      state: true,
    };
  return null;
}

// ---- Canonical texts and verification codes ----

/** Version line of an order's canonical text. */
export const ORDER_FORMAT = 'HL-ORDER-V1';
/** Version line of a re-inspection opinion's canonical text. */
export const REINSPECTION_FORMAT = 'HL-REINSPECTION-V1';

type Officer = { userId: number; name: string; certificateNo: string };

const officersCanonical = (list: readonly Officer[]) =>
  [...list]
    .sort((a, b) => a.userId - b.userId)
    .map((o) => ({
      userId: o.userId,
      name: normaliseRecordText(o.name),
      certificateNo: normaliseRecordText(o.certificateNo),
    }));

/** What an order's verification code covers. */
export type CanonicalOrder = {
  orderNo: string;
  enterprise: { id: number; name: string };
  inspectionRecord: { id: number; recordNo: string };
  issuedOn: string;
  deadline: string;
  basis: string;
  inspectors: readonly Officer[];
  items: readonly {
    seq: number;
    hazardId: number;
    hazardNumber: string;
    title: string;
    description: string;
    requirement: string;
  }[];
};

/**
 * The text an order's verification code is the SHA-256 of: the version line, then the
 * canonical JSON (inspection-record.ts canonicalJson: sorted keys, no whitespace, integers;
 * strings trimmed, NFC, LF). Inspectors by user id; items in their printed order.
 */
export function canonicalOrderText(order: CanonicalOrder): string {
  const body = {
    orderNo: normaliseRecordText(order.orderNo),
    enterprise: { id: order.enterprise.id, name: normaliseRecordText(order.enterprise.name) },
    inspectionRecord: {
      id: order.inspectionRecord.id,
      recordNo: normaliseRecordText(order.inspectionRecord.recordNo),
    },
    issuedOn: order.issuedOn,
    deadline: order.deadline,
    basis: normaliseRecordText(order.basis),
    inspectors: officersCanonical(order.inspectors),
    items: [...order.items]
      .sort((a, b) => a.seq - b.seq)
      .map((i) => ({
        seq: i.seq,
        hazardId: i.hazardId,
        hazardNumber: normaliseRecordText(i.hazardNumber),
        title: normaliseRecordText(i.title),
        description: normaliseRecordText(i.description),
        requirement: normaliseRecordText(i.requirement),
      })),
  };
  return `${ORDER_FORMAT}\n${canonicalJson(body)}`;
}

/** What a re-inspection opinion's verification code covers. */
export type CanonicalReinspection = {
  opinionNo: string;
  orderNo: string;
  enterprise: { id: number; name: string };
  reinspectedOn: string;
  inspectors: readonly Officer[];
  opinion: string;
  earlyReason: string | null;
  items: readonly {
    hazardId: number;
    hazardNumber: string;
    result: ReinspectionResult;
    outcome: ReinspectionOutcome;
    note: string | null;
  }[];
};

/** The text a re-inspection opinion's verification code is the SHA-256 of (as for orders). */
export function canonicalReinspectionText(r: CanonicalReinspection): string {
  const body = {
    opinionNo: normaliseRecordText(r.opinionNo),
    orderNo: normaliseRecordText(r.orderNo),
    enterprise: { id: r.enterprise.id, name: normaliseRecordText(r.enterprise.name) },
    reinspectedOn: r.reinspectedOn,
    inspectors: officersCanonical(r.inspectors),
    opinion: normaliseRecordText(r.opinion),
    earlyReason: r.earlyReason === null ? null : normaliseRecordText(r.earlyReason),
    items: [...r.items]
      .sort((a, b) => a.hazardId - b.hazardId)
      .map((i) => ({
        hazardId: i.hazardId,
        hazardNumber: normaliseRecordText(i.hazardNumber),
        result: i.result,
        outcome: i.outcome,
        note: i.note === null ? null : normaliseRecordText(i.note),
      })),
  };
  return `${REINSPECTION_FORMAT}\n${canonicalJson(body)}`;
}

// ---- API views ----

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const hazardStatusEnum = z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]);
const hazardLevelEnum = z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]);
const orderStatusEnum = z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]]);

/** An officer printed on a document. */
export const officerViewSchema = recordInspectorSchema;
export type OfficerView = z.infer<typeof officerViewSchema>;

/** One hazard of an order, with where it stands in the ledger now. */
export const orderItemViewSchema = z.object({
  id: z.number(),
  seq: z.number(),
  hazardId: z.number(),
  hazardNumber: z.string(),
  title: z.string(),
  description: z.string(),
  level: hazardLevelEnum,
  requirement: z.string(),
  /** The number of the record's finding that points at the hazard. */
  findingSeq: z.number().nullable(),
  hazardStatus: hazardStatusEnum,
  hazardDeadline: z.string().nullable(),
});
export type OrderItemView = z.infer<typeof orderItemViewSchema>;

/** A row of the order list. */
export const orderListItemSchema = z.object({
  id: z.number(),
  orderNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  inspectionRecordId: z.number(),
  recordNo: z.string(),
  issuedOn: z.string(),
  deadline: z.string(),
  status: orderStatusEnum,
  overdue: z.boolean(),
  hazardCount: z.number(),
  acknowledgedAt: z.string().nullable(),
  reinspectedOn: z.string().nullable(),
  /** Hazards found persisting at the re-inspection; null before it. */
  persistingCount: z.number().nullable(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

/** The order list with the count behind each filter. */
export const orderPageSchema = z.object({
  items: z.array(orderListItemSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type OrderPage = z.infer<typeof orderPageSchema>;

/** One hazard's re-inspection result. */
export const reinspectionItemViewSchema = z.object({
  hazardId: z.number(),
  hazardNumber: z.string(),
  title: z.string(),
  result: z.enum(REINSPECTION_RESULTS as [ReinspectionResult, ...ReinspectionResult[]]),
  outcome: z.enum(REINSPECTION_OUTCOMES as [ReinspectionOutcome, ...ReinspectionOutcome[]]),
  note: z.string().nullable(),
  explanation: z.string().nullable(),
  hazardStatus: hazardStatusEnum,
});
export type ReinspectionItemView = z.infer<typeof reinspectionItemViewSchema>;

/** A recorded re-inspection (整改复查意见书). */
export const reinspectionViewSchema = z.object({
  id: z.number(),
  opinionNo: z.string(),
  reinspectedOn: z.string(),
  inspectors: z.array(officerViewSchema),
  opinion: z.string(),
  earlyReason: z.string().nullable(),
  items: z.array(reinspectionItemViewSchema),
  verificationCode: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type ReinspectionView = z.infer<typeof reinspectionViewSchema>;

/** An order's page. */
export const orderDetailSchema = orderListItemSchema.extend({
  basis: z.string(),
  note: z.string().nullable(),
  inspectors: z.array(officerViewSchema),
  items: z.array(orderItemViewSchema),
  issuedByName: z.string(),
  issuedAt: z.string(),
  acknowledgedByName: z.string().nullable(),
  verificationCode: z.string(),
  reinspection: reinspectionViewSchema.nullable(),
  /** What the caller may do now (drives the buttons). */
  availableActions: z.array(z.enum(ORDER_ACTIONS as [OrderAction, ...OrderAction[]])),
  version: z.number(),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

/** A signed inspection record an order can be issued from, with its findings' hazards. */
export const issuableRecordSchema = z.object({
  id: z.number(),
  recordNo: z.string(),
  startedAt: z.string(),
  place: z.string(),
  inspectors: z.array(officerViewSchema),
  /** Whether the caller is one of its inspectors (only they issue its orders). */
  mine: z.boolean(),
  findings: z.array(
    z.object({
      seq: z.number(),
      hazardId: z.number(),
      hazardNumber: z.string(),
      title: z.string(),
      level: hazardLevelEnum,
      status: hazardStatusEnum,
      deadline: z.string().nullable(),
      /** An order not yet re-inspected that lists the hazard. */
      openOrderNo: z.string().nullable(),
    }),
  ),
});
export type IssuableRecord = z.infer<typeof issuableRecordSchema>;

/** A certified enforcement officer offered on the re-inspection form. */
export const inspectorOptionSchema = z.object({
  userId: z.number(),
  name: z.string(),
  certificateNo: z.string(),
  orgUnitName: z.string(),
});
export type InspectorOption = z.infer<typeof inspectorOptionSchema>;

/** An on-site measure as lists show it. */
export const onSiteMeasureViewSchema = z.object({
  id: z.number(),
  kind: z.enum(ON_SITE_MEASURE_KINDS as [OnSiteMeasureKind, ...OnSiteMeasureKind[]]),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  inspectionRecordId: z.number().nullable(),
  recordNo: z.string().nullable(),
  hazardId: z.number().nullable(),
  hazardNumber: z.string().nullable(),
  subject: z.string(),
  basis: z.string(),
  documentNo: z.string(),
  imposedOn: z.string(),
  imposedByName: z.string(),
  liftedOn: z.string().nullable(),
  liftNote: z.string().nullable(),
  liftedByName: z.string().nullable(),
  liftedAt: z.string().nullable(),
  /** In force today (isOnSiteMeasureActive). */
  active: z.boolean(),
  /** The caller may lift it. */
  canLift: z.boolean(),
  version: z.number(),
});
export type OnSiteMeasureView = z.infer<typeof onSiteMeasureViewSchema>;

/** What the public verification page shows of an order or re-inspection opinion. */
export const publicOrderDocumentSchema = z.object({
  kind: z.enum(['order', 'reinspection']),
  number: z.string(),
  enterpriseName: z.string(),
  date: z.string(),
  inspectors: z.array(z.object({ name: z.string(), certificateNo: z.string() })),
});
export type PublicOrderDocument = z.infer<typeof publicOrderDocumentSchema>;
