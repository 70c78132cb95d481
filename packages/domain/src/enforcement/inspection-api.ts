import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { DUTIES, DUTY_STATUSES } from '../duties/scorecard.js';
import { HAZARD_STATUSES, type HazardStatus } from '../hazard/hazard-workflow.js';
import { HAZARD_LEVELS, HAZARD_ORIGINS, type HazardLevel, TREATMENTS } from '../hazard/hazard.js';
import {
  FINDING_PENALTY_DECISIONS,
  INSPECTION_CHECK_RESULTS,
  INSPECTION_RECORD_ACTIONS,
  INSPECTION_RECORD_STATUSES,
  type InspectionCheckResult,
  type InspectionRecordAction,
  type InspectionRecordInput,
  type InspectionRecordStatus,
  type RecordInspector,
  inspectionRecordSchema,
  recordCheckItemSchema,
  recordFindingSchema,
} from './inspection-record.js';

// The API of on-site inspection records (现场检查记录, issue 7 §2–3): what the inspectors send
// (a draft names the inspectors by user id — their names and certificate numbers come from the
// user accounts, never typed), what the record pages receive, and the verification answers
// (authorised and public). The record rules themselves live in inspection-record.ts.

const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601（含时区）' });

/** The fields of a draft record as the inspectors fill them in. */
const draftFields = z.strictObject({
  enterpriseId: z.number().int().positive(),
  /** The plan and plan target this visit carries out, when it comes from a plan. */
  planId: z.number().int().positive().nullable().default(null),
  targetId: z.number().int().positive().nullable().default(null),
  /** The inspectors (≥ 2): user accounts with an enforcement certificate number. */
  inspectorUserIds: z
    .array(z.number().int().positive())
    .min(2, { message: '现场检查须有两名以上执法人员' })
    .max(10),
  startedAt: isoDateTime,
  endedAt: isoDateTime,
  place: z.string().trim().min(2, { message: '请填写检查地点' }).max(200),
  enterprisePresent: z.string().trim().max(100).nullable().default(null),
  checklist: z.array(recordCheckItemSchema).max(500),
  findings: z.array(recordFindingSchema).max(100),
});

function checkDraft(
  v: { inspectorUserIds: number[]; planId: number | null; targetId: number | null },
  ctx: z.RefinementCtx,
) {
  const seen = new Set<number>();
  v.inspectorUserIds.forEach((id, i) => {
    if (seen.has(id)) {
      ctx.addIssue({ code: 'custom', path: ['inspectorUserIds', i], message: '执法人员重复' });
    }
    seen.add(id);
  });
  if ((v.planId === null) !== (v.targetId === null)) {
    ctx.addIssue({ code: 'custom', path: ['targetId'], message: '检查计划和检查对象须同时填写' });
  }
}

/** Creating a draft record (POST /inspections). */
export const inspectionDraftSchema = draftFields.superRefine(checkDraft);
export type InspectionDraftInput = z.input<typeof inspectionDraftSchema>;
export type InspectionDraft = z.output<typeof inspectionDraftSchema>;

/** Saving a draft (PUT /inspections/:id): the whole record with the version it was read at. */
export const updateInspectionDraftSchema = draftFields
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkDraft);
export type UpdateInspectionDraftInput = z.input<typeof updateInspectionDraftSchema>;
export type UpdateInspectionDraft = z.output<typeof updateInspectionDraftSchema>;

/** A workflow request that only names the version it was read at. */
export const inspectionVersionSchema = z.strictObject({ version: z.number().int().min(1) });

/** Taking a record back from signing to draft (the signatures given so far are discarded). */
export const reopenInspectionSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2, { message: '请填写退回修改的原因' }).max(500),
});

/** A verification code: the SHA-256 (hex) of the signed record's canonical text. */
export const verificationCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, { message: '验证码应为64位十六进制字符' });

/** An inspector's signature: names the text they saw (its hash), so they sign exactly that. */
export const signInspectionSchema = z.strictObject({ contentHash: verificationCodeSchema });

/** The enterprise's acknowledgement of receipt (签收); the name is the signed-in representative's. */
export const acknowledgeInspectionSchema = z.strictObject({
  note: z.string().trim().max(200).nullable().default(null),
});

/**
 * The record as the domain rules see it, built from a draft and the inspectors' accounts (in the
 * draft's order). Unknown user ids are left out, so the ≥ 2 rule reports them.
 */
export function recordInputFromDraft(
  draft: Omit<InspectionDraft, 'targetId'>,
  inspectors: ReadonlyMap<number, { name: string; certificateNo: string | null }>,
  supersedesRecordId: number | null,
): InspectionRecordInput {
  const people: RecordInspector[] = [];
  for (const userId of draft.inspectorUserIds) {
    const p = inspectors.get(userId);
    if (p) people.push({ userId, name: p.name, certificateNo: p.certificateNo ?? '' });
  }
  return {
    planId: draft.planId,
    enterpriseId: draft.enterpriseId,
    inspectors: people,
    startedAt: draft.startedAt,
    endedAt: draft.endedAt,
    place: draft.place,
    enterprisePresent: draft.enterprisePresent,
    checklist: draft.checklist,
    findings: draft.findings,
    supersedesRecordId,
  };
}

/**
 * Runs the record rules on a draft and returns the field errors under the draft's paths
 * (`inspectors.1.certificateNo` becomes `inspectorUserIds.1`). Empty when the draft is valid.
 */
export function draftRecordErrors(
  draft: Omit<InspectionDraft, 'targetId'>,
  inspectors: ReadonlyMap<number, { name: string; certificateNo: string | null }>,
  supersedesRecordId: number | null = null,
): { path: string; message: string }[] {
  const result = inspectionRecordSchema.safeParse(
    recordInputFromDraft(draft, inspectors, supersedesRecordId),
  );
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (path[0] === 'inspectors') {
      return {
        path: path.length > 1 ? `inspectorUserIds.${path[1]}` : 'inspectorUserIds',
        message: issue.message,
      };
    }
    return { path: path.join('.'), message: issue.message };
  });
}

/** The China calendar day (UTC+8, no daylight saving) of an ISO instant. */
export function chinaDayOf(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${iso}`);
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The public page a verification code leads to (printed as a QR code on the documents). */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/${code}`;
}

// ---- Views ----

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const statusEnum = z.enum(
  INSPECTION_RECORD_STATUSES as [InspectionRecordStatus, ...InspectionRecordStatus[]],
);
const levelEnum = z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]);
const hazardStatusEnum = z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]);
const originEnum = z.enum(HAZARD_ORIGINS);

/** Hazard origins an inspection record gives its findings. */
export const INSPECTION_RECORD_ORIGINS = ['enforcement', 'spot_check'] as const;
export type InspectionRecordOrigin = (typeof INSPECTION_RECORD_ORIGINS)[number];

/** The evaluation of the no-penalty rule for a finding (null when it concerns no hazard yet). */
export const noPenaltyEvaluationSchema = z.object({
  applies: z.boolean(),
  reasons: z.array(z.string()),
});

/** An inspector named on the record, and their signature when given. */
export const recordInspectorViewSchema = z.object({
  userId: z.number(),
  name: z.string(),
  certificateNo: z.string(),
  signedAt: z.string().nullable(),
});
export type RecordInspectorView = z.infer<typeof recordInspectorViewSchema>;

/** A hazard of the ledger as a record shows it. */
export const recordHazardRefSchema = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  level: levelEnum,
  status: hazardStatusEnum,
  origin: originEnum,
  catalogItemCode: z.string().nullable(),
  reportedToBureauAt: z.string().nullable(),
  deadline: z.string().nullable(),
  foundAt: z.string(),
});
export type RecordHazardRef = z.infer<typeof recordHazardRefSchema>;

/** One finding as the record page shows it. */
export const recordFindingViewSchema = z.object({
  no: z.number(),
  title: z.string(),
  description: z.string(),
  level: levelEnum,
  treatment: z.enum(TREATMENTS),
  catalogItemCode: z.string().nullable(),
  catalogTitle: z.string().nullable(),
  /** The existing open hazard this finding confirms (chosen, or by the duplicate rule). */
  linkedHazardId: z.number().nullable(),
  /** The ledger hazard the finding created or confirmed (after full signature), or the linked one. */
  hazard: recordHazardRefSchema.nullable(),
  /** Whether the hazard existed before (linked) rather than created by this record. */
  linked: z.boolean(),
  penaltyDecision: z.enum(FINDING_PENALTY_DECISIONS).nullable(),
  penaltyNote: z.string().nullable(),
  /** The no-penalty rule's evaluation, for a finding on a hazard the enterprise found itself. */
  noPenalty: noPenaltyEvaluationSchema.nullable(),
  /** Whether the inspectors must record a penalty decision for this finding. */
  decisionRequired: z.boolean(),
});
export type RecordFindingView = z.infer<typeof recordFindingViewSchema>;

/** One checklist line with the item's text. */
export const recordCheckItemViewSchema = z.object({
  catalogItemCode: z.string(),
  clause: z.string().nullable(),
  title: z.string().nullable(),
  result: z.enum(INSPECTION_CHECK_RESULTS as [InspectionCheckResult, ...InspectionCheckResult[]]),
  note: z.string().nullable(),
});

/** A row of the records list. */
export const inspectionRecordListItemSchema = z.object({
  id: z.number(),
  recordNo: z.string(),
  status: statusEnum,
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  origin: z.enum(INSPECTION_RECORD_ORIGINS),
  planId: z.number().nullable(),
  startedAt: z.string(),
  place: z.string(),
  inspectorNames: z.array(z.string()),
  findingCount: z.number(),
  majorFindingCount: z.number(),
  signedCount: z.number(),
  inspectorCount: z.number(),
  /** The caller is named on the record and has not signed it yet (status signing). */
  awaitingMySignature: z.boolean(),
  acknowledgedAt: z.string().nullable(),
  supersededByRecordId: z.number().nullable(),
  signedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InspectionRecordListItem = z.infer<typeof inspectionRecordListItemSchema>;

/** A history entry of a record. */
export const inspectionRecordEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});

/** The whole record page. */
export const inspectionRecordDetailSchema = z.object({
  id: z.number(),
  recordNo: z.string(),
  status: statusEnum,
  origin: z.enum(INSPECTION_RECORD_ORIGINS),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  enterpriseAddress: z.string().nullable(),
  sector: sectorEnum,
  districtName: z.string(),
  planId: z.number().nullable(),
  targetId: z.number().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  place: z.string(),
  enterprisePresent: z.string().nullable(),
  inspectors: z.array(recordInspectorViewSchema),
  checklist: z.array(recordCheckItemViewSchema),
  findings: z.array(recordFindingViewSchema),
  /** The five-duty scorecard frozen when the record went to signing. */
  scorecard: z.array(z.object({ duty: z.enum(DUTIES), status: z.enum(DUTY_STATUSES) })).nullable(),
  /** SHA-256 of the canonical text (from signing on): what every signature covers. */
  contentHash: z.string().nullable(),
  /** The exact text the inspectors sign (from signing on). */
  canonicalText: z.string().nullable(),
  signedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  supersedesRecordId: z.number().nullable(),
  supersedesRecordNo: z.string().nullable(),
  supersededByRecordId: z.number().nullable(),
  supersededByRecordNo: z.string().nullable(),
  /** A correction in progress (draft or signing) of this record. */
  pendingCorrectionId: z.number().nullable(),
  /** The no-penalty rule's text, shown when a finding concerns a self-found hazard. */
  noPenaltyRule: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  history: z.array(inspectionRecordEventSchema),
  availableActions: z.array(
    z.enum(INSPECTION_RECORD_ACTIONS as [InspectionRecordAction, ...InspectionRecordAction[]]),
  ),
});
export type InspectionRecordDetail = z.infer<typeof inspectionRecordDetailSchema>;

/** The result of checking one signature. */
export const signatureCheckSchema = z.object({
  userId: z.number(),
  signerName: z.string(),
  certificateNo: z.string(),
  signedAt: z.string(),
  valid: z.boolean(),
  problem: z.string().nullable(),
});
export type SignatureCheck = z.infer<typeof signatureCheckSchema>;

/** The authorised verification of a record (GET /inspections/:id/verify). */
export const recordVerificationSchema = z.object({
  recordId: z.number(),
  recordNo: z.string(),
  status: statusEnum,
  /** All checks passed: the stored content is what every named inspector signed. */
  valid: z.boolean(),
  /** The hash recomputed from the stored content equals the stored verification code. */
  hashValid: z.boolean(),
  /** SHA-256 recomputed from the stored content. */
  computedHash: z.string().nullable(),
  storedHash: z.string().nullable(),
  signatures: z.array(signatureCheckSchema),
  /** Inspectors named on the record who have no signature. */
  missingSigners: z.array(z.string()),
  /** Every problem found, in plain words. */
  problems: z.array(z.string()),
  checkedAt: z.string(),
});
export type RecordVerification = z.infer<typeof recordVerificationSchema>;

/** What anyone holding a printed record may learn from its code (no findings). */
/** The enforcement documents whose verification code the public page checks. */
export const VERIFIABLE_DOCUMENT_KINDS = [
  'inspection_record',
  'order',
  'reinspection',
  'penalty_decision',
] as const;
export type VerifiableDocumentKind = (typeof VERIFIABLE_DOCUMENT_KINDS)[number];
export const VERIFIABLE_DOCUMENT_LABELS: Record<
  VerifiableDocumentKind,
  { zh: string; en: string }
> = {
  inspection_record: { zh: '现场检查记录', en: 'Inspection record' },
  order: { zh: '责令限期整改指令书', en: 'Rectification order' },
  reinspection: { zh: '整改复查意见书', en: 'Re-inspection opinion' },
  penalty_decision: { zh: '行政处罚决定书', en: 'Penalty decision' },
};

export const publicVerificationSchema = z.object({
  kind: z.enum(VERIFIABLE_DOCUMENT_KINDS),
  /** The document's number (record, order, opinion or decision number). */
  recordNo: z.string(),
  enterpriseName: z.string(),
  /** The document's date. */
  inspectionDate: z.string(),
  /** The party a penalty decision is addressed to (enterprise or person); null otherwise. */
  partyName: z.string().nullable(),
  /** Who signed (records) or issued (orders, opinions); signedAt only for signed records. */
  signers: z.array(
    z.object({ name: z.string(), certificateNo: z.string(), signedAt: z.string().nullable() }),
  ),
  valid: z.boolean(),
  superseded: z.boolean(),
  supersededByRecordNo: z.string().nullable(),
  checkedAt: z.string(),
});
export type PublicVerification = z.infer<typeof publicVerificationSchema>;

/** A colleague who may be named as inspector: an account with a certificate number. */
export const eligibleInspectorSchema = z.object({
  userId: z.number(),
  name: z.string(),
  certificateNo: z.string(),
  orgUnitName: z.string(),
});
export type EligibleInspector = z.infer<typeof eligibleInspectorSchema>;

/** An open hazard of the enterprise the form shows, with the no-penalty rule's evaluation. */
export const openHazardForRecordSchema = recordHazardRefSchema.extend({
  selfFound: z.boolean(),
  noPenalty: noPenaltyEvaluationSchema,
});
export type OpenHazardForRecord = z.infer<typeof openHazardForRecordSchema>;

/** Everything the phone form needs for one enterprise (GET /inspections/form-context). */
export const inspectionFormContextSchema = z.object({
  enterprise: z.object({
    id: z.number(),
    name: z.string(),
    sector: sectorEnum,
    address: z.string().nullable(),
    districtName: z.string(),
  }),
  /** The catalog items applicable to the enterprise (current published versions). */
  checklist: z.array(
    z.object({
      code: z.string(),
      clause: z.string(),
      title: z.string(),
      requirement: z.string().nullable(),
      catalogId: z.string(),
      catalogVersion: z.number(),
    }),
  ),
  openHazards: z.array(openHazardForRecordSchema),
  /** The caller as an inspector (null when the account has no certificate number). */
  me: eligibleInspectorSchema.nullable(),
  colleagues: z.array(eligibleInspectorSchema),
  /** Inspectors proposed by the plan target, when the record comes from a plan. */
  proposedInspectorIds: z.array(z.number()),
  origin: z.enum(INSPECTION_RECORD_ORIGINS),
  noPenaltyRule: z.string(),
});
export type InspectionFormContext = z.infer<typeof inspectionFormContextSchema>;

/** Filters of the records list. */
export const inspectionListQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    q: z.string().trim().max(50).optional(),
    status: statusEnum.optional(),
    enterpriseId: z.coerce.number().int().positive().optional(),
    planId: z.coerce.number().int().positive().optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    /** Only records the caller is named on. */
    mine: z.enum(['true', 'false']).optional(),
    /** Only records waiting for the caller's signature. */
    awaitingMySignature: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;
