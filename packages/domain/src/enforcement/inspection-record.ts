import { z } from 'zod';
import { DUTIES, DUTY_STATUSES, type Duty } from '../duties/scorecard.js';
import { HAZARD_LEVELS, type HazardLevel, TREATMENTS } from '../hazard/hazard.js';
import type { HazardStatus } from '../hazard/hazard-workflow.js';

// The on-site inspection record (现场检查记录, issue 7 §2–3): at least two certified inspectors,
// the enterprise, time and place, the checklist used with a result per catalog item, and the
// findings. Each inspector signs a canonical serialisation of the record (谁检查、谁签名、谁负责);
// once all have signed it is immutable, and a correction is a new record that supersedes it.

/** The result of one checklist item on site. */
export const InspectionCheckResult = {
  Compliant: 'compliant',
  Problem: 'problem',
  NotApplicable: 'not_applicable',
} as const;
export type InspectionCheckResult =
  (typeof InspectionCheckResult)[keyof typeof InspectionCheckResult];
export const INSPECTION_CHECK_RESULTS = Object.values(
  InspectionCheckResult,
) as readonly InspectionCheckResult[];
export const INSPECTION_CHECK_RESULT_LABELS: Record<
  InspectionCheckResult,
  { zh: string; en: string }
> = {
  compliant: { zh: '符合', en: 'Compliant' },
  problem: { zh: '存在问题', en: 'Problem found' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};

/** What the inspectors decided about penalising a finding (recorded either way, DESIGN.md §5). */
export const FindingPenaltyDecision = {
  /** 依法不予行政处罚: the self-found, reported hazard is being fixed effectively. */
  Exempt: 'exempt',
  /** 拟立案处罚: a penalty case will be filed. */
  ProposeCase: 'propose_case',
  /** 责令整改，不予立案: ordered to fix without a case, with the reason. */
  OrderOnly: 'order_only',
} as const;
export type FindingPenaltyDecision =
  (typeof FindingPenaltyDecision)[keyof typeof FindingPenaltyDecision];
export const FINDING_PENALTY_DECISIONS = Object.values(
  FindingPenaltyDecision,
) as readonly FindingPenaltyDecision[];
export const FINDING_PENALTY_DECISION_LABELS: Record<
  FindingPenaltyDecision,
  { zh: string; en: string }
> = {
  exempt: { zh: '依法不予行政处罚', en: 'Exempt from penalty' },
  propose_case: { zh: '拟立案处罚', en: 'Propose a penalty case' },
  order_only: { zh: '责令整改，不予立案', en: 'Order to fix, no case' },
};

const text = (min: number, max: number, message: string) =>
  z.string().trim().min(min, { message }).max(max);

/** One inspector on the record, with the enforcement certificate number (执法证号). */
export const recordInspectorSchema = z.strictObject({
  userId: z.number().int().positive(),
  name: text(1, 50, '请填写执法人员姓名'),
  certificateNo: text(1, 40, '执法人员须有执法证号'),
});
export type RecordInspector = z.infer<typeof recordInspectorSchema>;

/** The result of one catalog item of the checklist used. */
export const recordCheckItemSchema = z
  .strictObject({
    catalogItemCode: text(1, 40, '请填写判定标准条目编码'),
    result: z.enum(
      INSPECTION_CHECK_RESULTS as [InspectionCheckResult, ...InspectionCheckResult[]],
      {
        message: '请选择符合、存在问题或不适用',
      },
    ),
    note: z.string().trim().max(2000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'not_applicable' && (v.note ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: '不适用的检查项须说明理由' });
    }
  });
export type RecordCheckItem = z.infer<typeof recordCheckItemSchema>;

/** A finding: becomes a ledger hazard, or links to the enterprise's existing open one. */
export const recordFindingSchema = z
  .strictObject({
    title: text(2, 100, '请填写问题名称'),
    description: text(2, 4000, '请填写问题描述'),
    level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
    treatment: z.enum(TREATMENTS).default('deadline'),
    catalogItemCode: z.string().trim().min(1).max(40).nullable().default(null),
    /** The existing open hazard this finding confirms, instead of creating a duplicate. */
    linkedHazardId: z.number().int().positive().nullable().default(null),
    penaltyDecision: z.enum(FINDING_PENALTY_DECISIONS).nullable().default(null),
    penaltyNote: z.string().trim().max(1000).nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.penaltyDecision === 'order_only' && (v.penaltyNote ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['penaltyNote'], message: '不予立案的须说明理由' });
    }
  });
export type RecordFinding = z.infer<typeof recordFindingSchema>;

function firstDuplicate(values: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    if (seen.has(values[i]!)) return i;
    seen.add(values[i]!);
  }
  return -1;
}

/**
 * A 现场检查记录 as the inspectors fill it in. Times are ISO date-times with an offset; the
 * checklist has one result per catalog item; an item marked 存在问题 needs a finding citing it,
 * and a finding may not cite an item marked 符合 or 不适用.
 */
export const inspectionRecordSchema = z
  .strictObject({
    planId: z.number().int().positive().nullable().default(null),
    enterpriseId: z.number().int().positive(),
    inspectors: z.array(recordInspectorSchema).min(2, { message: '现场检查须有两名以上执法人员' }),
    startedAt: z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601（含时区）' }),
    endedAt: z.iso.datetime({ offset: true, message: '时间格式应为ISO 8601（含时区）' }),
    place: text(2, 200, '请填写检查地点'),
    /** The enterprise's person present on site (被检查单位现场负责人). */
    enterprisePresent: z.string().trim().max(100).nullable().default(null),
    checklist: z.array(recordCheckItemSchema),
    findings: z.array(recordFindingSchema),
    /** The signed record this one corrects (a correction supersedes it once signed). */
    supersedesRecordId: z.number().int().positive().nullable().default(null),
  })
  .superRefine((v, ctx) => {
    const userDup = firstDuplicate(v.inspectors.map((i) => String(i.userId)));
    if (userDup >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['inspectors', userDup, 'userId'],
        message: '执法人员重复',
      });
    }
    const certDup = firstDuplicate(v.inspectors.map((i) => i.certificateNo));
    if (certDup >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['inspectors', certDup, 'certificateNo'],
        message: '执法证号重复',
      });
    }
    if (Date.parse(v.endedAt) < Date.parse(v.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: '结束时间不能早于开始时间' });
    }
    const itemDup = firstDuplicate(v.checklist.map((c) => c.catalogItemCode));
    if (itemDup >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['checklist', itemDup, 'catalogItemCode'],
        message: '检查项重复',
      });
    }
    const cited = new Set(v.findings.map((f) => f.catalogItemCode).filter((c) => c !== null));
    const results = new Map(v.checklist.map((c) => [c.catalogItemCode, c.result]));
    v.checklist.forEach((c, i) => {
      if (c.result === 'problem' && !cited.has(c.catalogItemCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['checklist', i, 'result'],
          message: '存在问题的检查项须有对应的发现问题',
        });
      }
    });
    v.findings.forEach((f, i) => {
      const r = f.catalogItemCode === null ? undefined : results.get(f.catalogItemCode);
      if (r === 'compliant' || r === 'not_applicable') {
        ctx.addIssue({
          code: 'custom',
          path: ['findings', i, 'catalogItemCode'],
          message: `该检查项已记为“${INSPECTION_CHECK_RESULT_LABELS[r].zh}”`,
        });
      }
    });
  });
export type InspectionRecordInput = z.input<typeof inspectionRecordSchema>;
export type InspectionRecord = z.output<typeof inspectionRecordSchema>;

/** The enterprise's five-duty scorecard at the moment the record goes to signing. */
export const recordScorecardSchema = z
  .array(z.strictObject({ duty: z.enum(DUTIES), status: z.enum(DUTY_STATUSES) }))
  .nullable();
export type RecordScorecard = z.infer<typeof recordScorecardSchema>;

/**
 * What the signatures cover: the record as filled in, plus what the server adds when the record
 * goes to signing — its id and number, the enterprise's name, and the enterprise's five-duty
 * scorecard at that moment.
 */
export type SignableInspectionRecord = InspectionRecord & {
  id: number;
  recordNo: string;
  enterpriseName: string;
  scorecard: RecordScorecard;
};

/** Version line of the canonical serialisation; a format change needs a new version. */
export const INSPECTION_RECORD_FORMAT = 'HL-INSPECTION-V1';

/** Trimmed, NFC-normalised, with CRLF/CR turned into LF: the same text typed anywhere signs the same. */
export function normaliseRecordText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/** An instant as UTC with milliseconds (`2026-03-01T01:30:00.000Z`), whatever offset it was typed in. */
export function normaliseRecordInstant(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${value}`);
  return new Date(ms).toISOString();
}

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/** JSON with object keys sorted by UTF-16 code units, no whitespace; integers only. */
export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`only integers are signed: ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}

const nText = (v: string | null | undefined): string | null =>
  v === null || v === undefined ? null : normaliseRecordText(v);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The exact text the inspectors sign (format HL-INSPECTION-V1):
 *
 *   "HL-INSPECTION-V1\n" + canonical JSON of the record
 *
 * - Only the fields listed below are included (an unknown extra field is never signed by
 *   accident); absent optional values are `null`.
 * - Object keys sorted by UTF-16 code units; no whitespace; integers only; JSON string escaping.
 * - Strings trimmed, NFC-normalised, line breaks as LF. Instants as UTC `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * - Arrays: inspectors by userId; checklist by catalog item code; scorecard in the order of the
 *   five duties; findings in the order entered (they are numbered 1, 2, … on the printed record,
 *   and the number is what orders and cases refer to).
 */
export function canonicalRecordText(record: SignableInspectionRecord): string {
  const dutyIndex = (d: Duty) => DUTIES.indexOf(d);
  const body: Canonical = {
    id: record.id,
    recordNo: normaliseRecordText(record.recordNo),
    planId: record.planId ?? null,
    enterprise: { id: record.enterpriseId, name: normaliseRecordText(record.enterpriseName) },
    inspectors: [...record.inspectors]
      .sort((a, b) => a.userId - b.userId)
      .map((i) => ({
        userId: i.userId,
        name: normaliseRecordText(i.name),
        certificateNo: normaliseRecordText(i.certificateNo),
      })),
    startedAt: normaliseRecordInstant(record.startedAt),
    endedAt: normaliseRecordInstant(record.endedAt),
    place: normaliseRecordText(record.place),
    enterprisePresent: nText(record.enterprisePresent),
    scorecard:
      record.scorecard === null
        ? null
        : [...record.scorecard]
            .sort((a, b) => dutyIndex(a.duty) - dutyIndex(b.duty))
            .map((s) => ({ duty: s.duty, status: s.status })),
    checklist: [...record.checklist]
      .map((c) => ({
        catalogItemCode: normaliseRecordText(c.catalogItemCode),
        result: c.result,
        note: nText(c.note),
      }))
      .sort((a, b) => byText(a.catalogItemCode, b.catalogItemCode)),
    findings: record.findings.map((f, index) => ({
      no: index + 1,
      title: normaliseRecordText(f.title),
      description: normaliseRecordText(f.description),
      level: f.level,
      treatment: f.treatment,
      catalogItemCode: nText(f.catalogItemCode),
      linkedHazardId: f.linkedHazardId ?? null,
      penaltyDecision: f.penaltyDecision ?? null,
      penaltyNote: nText(f.penaltyNote),
    })),
    supersedesRecordId: record.supersedesRecordId ?? null,
  };
  return `${INSPECTION_RECORD_FORMAT}\n${canonicalJson(body)}`;
}

// ---- Record workflow ----

/** Where a record stands. */
export const InspectionRecordStatus = {
  /** 填写中: still editable. */
  Draft: 'draft',
  /** 签名中: content frozen, waiting for every inspector's signature. */
  Signing: 'signing',
  /** 已签名: immutable. */
  Signed: 'signed',
  /** 已更正: replaced by a signed correction. */
  Superseded: 'superseded',
} as const;
export type InspectionRecordStatus =
  (typeof InspectionRecordStatus)[keyof typeof InspectionRecordStatus];
export const INSPECTION_RECORD_STATUSES = Object.values(
  InspectionRecordStatus,
) as readonly InspectionRecordStatus[];
export const INSPECTION_RECORD_STATUS_LABELS: Record<
  InspectionRecordStatus,
  { zh: string; en: string }
> = {
  draft: { zh: '填写中', en: 'Draft' },
  signing: { zh: '签名中', en: 'Signing' },
  signed: { zh: '已签名', en: 'Signed' },
  superseded: { zh: '已被更正', en: 'Superseded' },
};

/** What can be done to a record. */
export const InspectionRecordAction = {
  Edit: 'edit',
  /** Freeze the content and compute the canonical text every inspector will sign. */
  SubmitForSigning: 'submit_for_signing',
  /** One inspector signs; the record is signed when the last one does. */
  Sign: 'sign',
  /** Back to draft from signing (discards the signatures given so far). */
  Reopen: 'reopen',
  /** The enterprise's representative acknowledges receipt (签收). */
  Acknowledge: 'acknowledge',
  /** Start a correction: a new draft record that will supersede this one once signed. */
  Correct: 'correct',
  /** Marks this record superseded (done by the server when the correction is signed). */
  Supersede: 'supersede',
} as const;
export type InspectionRecordAction =
  (typeof InspectionRecordAction)[keyof typeof InspectionRecordAction];
export const INSPECTION_RECORD_ACTIONS = Object.values(
  InspectionRecordAction,
) as readonly InspectionRecordAction[];
export const INSPECTION_RECORD_ACTION_LABELS: Record<
  InspectionRecordAction,
  { zh: string; en: string }
> = {
  edit: { zh: '编辑', en: 'Edit' },
  submit_for_signing: { zh: '提交签名', en: 'Submit for signing' },
  sign: { zh: '签名', en: 'Sign' },
  reopen: { zh: '退回修改', en: 'Reopen' },
  acknowledge: { zh: '企业签收', en: 'Acknowledge receipt' },
  correct: { zh: '更正', en: 'Correct' },
  supersede: { zh: '标记为已更正', en: 'Mark superseded' },
};

/** The workflow table: actions each status allows. Signed and superseded records never change. */
export const INSPECTION_RECORD_WORKFLOW = {
  draft: ['edit', 'submit_for_signing'],
  signing: ['sign', 'reopen'],
  signed: ['acknowledge', 'correct', 'supersede'],
  superseded: [],
} as const satisfies Record<InspectionRecordStatus, readonly InspectionRecordAction[]>;

/** Whether the status allows an action at all. */
export function inspectionRecordAllows(
  status: InspectionRecordStatus,
  action: InspectionRecordAction,
): boolean {
  return (INSPECTION_RECORD_WORKFLOW[status] as readonly InspectionRecordAction[]).includes(action);
}

/** The facts that decide whether a record action is open now. */
export type InspectionRecordFacts = {
  status: InspectionRecordStatus;
  inspectorUserIds: readonly number[];
  signedUserIds: readonly number[];
  acknowledged: boolean;
};

/** Why an action is refused (for the 409 answer); null when allowed. */
export function inspectionRecordRefusal(
  facts: InspectionRecordFacts,
  action: InspectionRecordAction,
  actorUserId: number,
): string | null {
  if (!inspectionRecordAllows(facts.status, action)) {
    return `当前状态“${INSPECTION_RECORD_STATUS_LABELS[facts.status].zh}”不能执行“${INSPECTION_RECORD_ACTION_LABELS[action].zh}”`;
  }
  switch (action) {
    case 'sign':
      if (!facts.inspectorUserIds.includes(actorUserId)) return '只有记录上的执法人员可以签名';
      return facts.signedUserIds.includes(actorUserId) ? '您已签名' : null;
    case 'acknowledge':
      return facts.acknowledged ? '企业已签收' : null;
    case 'edit':
    case 'submit_for_signing':
    case 'reopen':
    case 'correct':
    case 'supersede':
      return null;
  }
}

/** The status after an action; `sign` completes the record only with the last signature. */
export function inspectionRecordNextStatus(
  facts: Pick<InspectionRecordFacts, 'status' | 'inspectorUserIds' | 'signedUserIds'>,
  action: InspectionRecordAction,
  actorUserId: number,
): InspectionRecordStatus {
  switch (action) {
    case 'submit_for_signing':
      return facts.status === 'draft' ? 'signing' : facts.status;
    case 'reopen':
      return facts.status === 'signing' ? 'draft' : facts.status;
    case 'sign': {
      if (facts.status !== 'signing') return facts.status;
      const signed = new Set([...facts.signedUserIds, actorUserId]);
      return facts.inspectorUserIds.every((id) => signed.has(id)) ? 'signed' : 'signing';
    }
    case 'supersede':
      return facts.status === 'signed' ? 'superseded' : facts.status;
    case 'edit':
    case 'acknowledge':
    case 'correct':
      return facts.status;
  }
}

/** Whether the record's content may still change (only while a draft). */
export function isInspectionRecordEditable(status: InspectionRecordStatus): boolean {
  return status === 'draft';
}

// ---- Duplicate findings ----

/** A hazard of the ledger as the duplicate-finding rule sees it. */
export type LedgerHazardRef = {
  id: number;
  enterpriseId: number;
  catalogItemCode: string | null;
  status: HazardStatus;
  foundAt: string;
};

/**
 * The duplicate-finding rule: the enterprise's open hazard (not verified) on the same catalog
 * item that a finding must link to instead of creating a new hazard; undefined when none (or
 * when the finding cites no catalog item — without an item there is nothing to match on). When
 * several match, the earliest found (then lowest id) — the one the ledger has tracked longest.
 * The level is not compared: a major finding on a general hazard links, and the service raises
 * the hazard's level (change_level).
 */
export function findDuplicateHazard<H extends LedgerHazardRef>(
  finding: { enterpriseId: number; catalogItemCode: string | null },
  hazards: readonly H[],
): H | undefined {
  const code = finding.catalogItemCode === null ? '' : normaliseRecordText(finding.catalogItemCode);
  if (code === '') return undefined;
  return hazards
    .filter(
      (h) =>
        h.enterpriseId === finding.enterpriseId &&
        h.status !== 'verified' &&
        h.catalogItemCode !== null &&
        normaliseRecordText(h.catalogItemCode) === code,
    )
    .sort((a, b) => byText(a.foundAt, b.foundAt) || a.id - b.id)[0];
}
