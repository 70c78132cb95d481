import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { HAZARD_LEVELS, HAZARD_ORIGINS, type HazardLevel } from '../hazard/hazard.js';
import { HAZARD_STATUSES, type HazardStatus } from '../hazard/hazard-workflow.js';
import { canonicalJson, normaliseRecordText } from './inspection-record.js';
import {
  ENFORCEMENT_MEASURE_KINDS,
  type EnforcementMeasure,
  type EnforcementMeasureKind,
  enforcementMeasureSchema,
} from './measures.js';
import {
  decidePenaltyCaseSchema,
  filePenaltyCaseSchema,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  PENALTY_CASE_ACTIONS,
  PENALTY_CASE_STATUSES,
  PENALTY_CIRCUMSTANCES,
  PENALTY_PARTY_KINDS,
  penaltyPartiesSchema,
  type PenaltyArticleKey,
  type PenaltyCaseAction,
  type PenaltyCaseStatus,
  type PenaltyCircumstance,
  type PenaltyPartyKind,
} from './penalty-case.js';

// The HTTP shapes of penalty cases (行政处罚), enforcement measures and the repeat-offender view
// (issue 7 §5–8): requests validated by the server and the web forms alike, and the views the
// server answers with. The rules themselves live in penalty-case.ts, measures.ts,
// repeat-offenders.ts and no-penalty.ts.

const text = (min: number, max: number, message: string) =>
  z.string().trim().min(min, { message }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

const statusEnum = z.enum(PENALTY_CASE_STATUSES as [PenaltyCaseStatus, ...PenaltyCaseStatus[]]);
const actionEnum = z.enum(PENALTY_CASE_ACTIONS as [PenaltyCaseAction, ...PenaltyCaseAction[]]);
const partyKindEnum = z.enum(PENALTY_PARTY_KINDS as [PenaltyPartyKind, ...PenaltyPartyKind[]]);
const articleEnum = z.enum(PENALTY_ARTICLE_KEYS as [PenaltyArticleKey, ...PenaltyArticleKey[]]);
const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const messageSchema = z.object({ zh: z.string(), en: z.string() });

// ---- Visibility ----

/**
 * Statuses in which the enterprise concerned sees its case: from the decision on (a decision to
 * penalise, or not to). The investigation stage, withdrawn and terminated cases stay internal.
 */
export const ENTERPRISE_VISIBLE_CASE_STATUSES: readonly PenaltyCaseStatus[] = [
  'decided',
  'executed',
  'closed',
];

/** Actions whose history rows the enterprise sees (the decision and what followed it). */
export const ENTERPRISE_VISIBLE_CASE_ACTIONS: readonly PenaltyCaseAction[] = [
  'decide',
  'decide_no_penalty',
  'publish',
  'record_daily_penalty',
  'execute',
  'close',
];

/**
 * Measures the enterprise sees on its own page: those served on it or made public. A closure
 * proposal (to the local government) and a judicial referral stay internal to the bureau.
 */
export const ENTERPRISE_VISIBLE_MEASURE_KINDS: readonly EnforcementMeasureKind[] = [
  'notification',
  'interview',
  'joint_punishment',
  'suspension',
  'dishonesty_list',
];

// ---- Requests ----

/** Opening a case (立案): the domain's fields plus the facts found (违法事实), optional at first. */
export const filePenaltyCaseRequestSchema = filePenaltyCaseSchema.extend({
  facts: optionalText(4000),
});
export type FilePenaltyCaseRequest = z.input<typeof filePenaltyCaseRequestSchema>;

/** Editing the matter, facts and linked records while the case is being investigated. */
export const updatePenaltyCaseSchema = z.strictObject({
  version: z.number().int().min(1),
  matter: text(2, 200, '请填写案由'),
  facts: optionalText(4000),
  hazardIds: z.array(z.number().int().positive()).default([]),
  inspectionRecordId: z.number().int().positive().nullable().default(null),
});
export type UpdatePenaltyCaseInput = z.input<typeof updatePenaltyCaseSchema>;

/** The envelope of every case action: the version it was made against, and the payload. */
export const penaltyCaseActionRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});
export type PenaltyCaseActionRequest = z.input<typeof penaltyCaseActionRequestSchema>;

const noteOnly = z.strictObject({ note: optionalText(2000) });
const reasonOnly = (message: string) => z.strictObject({ reason: text(2, 1000, message) });

/** The payload each action takes. */
export const PENALTY_CASE_ACTION_PAYLOADS = {
  edit_parties: z.strictObject({
    parties: penaltyPartiesSchema,
    /** Why the main leader is not penalised although the major hazard persists (一案双罚). */
    leaderWaiverReason: z.string().trim().max(1000).nullable().default(null),
  }),
  record_evidence: z.strictObject({ note: text(2, 2000, '请填写调查取证情况') }),
  end_investigation: noteOnly,
  notify: z.strictObject({
    notifiedOn: dateSchema,
    /** 行政处罚告知书文号. */
    documentNo: optionalText(60),
    note: optionalText(2000),
  }),
  record_statement: z.strictObject({
    note: text(2, 2000, '请填写当事人陈述、申辩或听证意见'),
    hearing: z.boolean().default(false),
  }),
  decide: decidePenaltyCaseSchema.extend({
    /**
     * Why the case is decided with a penalty although the no-penalty rule for self-found,
     * reported, effectively-fixed major hazards applies to a hazard of the case.
     */
    noPenaltyOverrideReason: z.string().trim().max(1000).nullable().default(null),
  }),
  decide_no_penalty: z.strictObject({
    decidedOn: dateSchema,
    reason: text(2, 1000, '请填写不予行政处罚的理由和依据'),
    /** 不予行政处罚决定书文号. */
    decisionNo: optionalText(60),
  }),
  publish: z.strictObject({
    publishedOn: dateSchema,
    /** Where it was published (e.g. 国家企业信用信息公示系统). */
    note: optionalText(500),
  }),
  record_daily_penalty: z
    .strictObject({
      /** The day the order to correct was made (责令改正之日). */
      orderedOn: dateSchema,
      /** The day the violation was corrected; null while it goes on. */
      correctedOn: dateSchema.nullable().default(null),
      note: optionalText(1000),
    })
    .superRefine((v, ctx) => {
      if (v.correctedOn !== null && v.correctedOn < v.orderedOn) {
        ctx.addIssue({
          code: 'custom',
          path: ['correctedOn'],
          message: '改正日期不能早于责令改正日期',
        });
      }
    }),
  execute: z.strictObject({ executedOn: dateSchema, note: optionalText(1000) }),
  close: z.strictObject({ closedOn: dateSchema, note: optionalText(1000) }),
  withdraw: reasonOnly('请填写撤销立案的理由'),
  terminate: reasonOnly('请填写终止调查的理由'),
} as const satisfies Record<PenaltyCaseAction, z.ZodType>;
export type PenaltyCaseActionPayload<A extends PenaltyCaseAction> = z.input<
  (typeof PENALTY_CASE_ACTION_PAYLOADS)[A]
>;

/** Updating a measure: the whole measure again (same kind and enterprise), with its version. */
export const updateEnforcementMeasureSchema = z.strictObject({
  version: z.number().int().min(1),
  measure: enforcementMeasureSchema,
});
export type UpdateEnforcementMeasureInput = z.input<typeof updateEnforcementMeasureSchema>;

/** Voiding a measure recorded by mistake, with the reason. */
export const voidEnforcementMeasureSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: text(2, 500, '请填写作废原因'),
});

// ---- Views ----

/** A hazard a case concerns, as read from the ledger now. */
export const penaltyCaseHazardSchema = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
  status: z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]),
  origin: z.enum(HAZARD_ORIGINS),
  catalogItemCode: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** A major hazard not verified (销号) in the ledger. */
  persists: z.boolean(),
});
export type PenaltyCaseHazard = z.infer<typeof penaltyCaseHazardSchema>;

/** One party with its basis, amount and, once decided, the decision's verification code. */
export const penaltyCasePartyViewSchema = z.object({
  id: z.number(),
  kind: partyKindEnum,
  name: z.string(),
  position: z.string().nullable(),
  basis: articleEnum,
  circumstance: z.enum(PENALTY_CIRCUMSTANCES as [PenaltyCircumstance, ...PenaltyCircumstance[]]),
  amountFen: z.number(),
  decisionNo: z.string().nullable(),
  /** SHA-256 of the decision's canonical text; null until decided. */
  decisionCode: z.string().nullable(),
});
export type PenaltyCasePartyView = z.infer<typeof penaltyCasePartyViewSchema>;

/** A history row of a case. */
export const penaltyCaseEventSchema = z.object({
  id: z.number(),
  action: z.union([actionEnum, z.enum(['filed', 'edited'])]),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type PenaltyCaseEvent = z.infer<typeof penaltyCaseEventSchema>;

/** The publication deadline of a decision (7 working days) and whether it is late. */
export const penaltyPublicationSchema = z.object({
  deadline: z.string(),
  publishedOn: z.string().nullable(),
  overdue: z.boolean(),
});

/** A row of the case list. */
export const penaltyCaseListItemSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  matter: z.string(),
  status: statusEnum,
  filedOn: z.string(),
  decisionDate: z.string().nullable(),
  totalAmountFen: z.number(),
  /** Whether a hazard of the case is major, and whether one persists; null when none is major. */
  majorHazard: z.object({ persists: z.boolean() }).nullable(),
  publication: penaltyPublicationSchema.nullable(),
  version: z.number(),
});
export type PenaltyCaseListItem = z.infer<typeof penaltyCaseListItemSchema>;

/** The no-penalty rule evaluated for each self-found hazard of a case. */
export const caseNoPenaltySchema = z.object({
  /** Whether the rule applies to at least one hazard of the case. */
  applies: z.boolean(),
  /** The day the rule was judged on (the inspection day, else the filing day). */
  asOf: z.string(),
  hazards: z.array(
    z.object({
      hazardId: z.number(),
      number: z.string(),
      applies: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
});

/** 按日连续处罚: the days counted and the accumulated amount for each fined party. */
export const penaltyDailySchema = z.object({
  orderedOn: z.string(),
  correctedOn: z.string().nullable(),
  days: z.number(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  parties: z.array(
    z.object({
      partyId: z.number(),
      name: z.string(),
      originalAmountFen: z.number(),
      totalFen: z.number(),
    }),
  ),
  totalFen: z.number(),
});
export type PenaltyDaily = z.infer<typeof penaltyDailySchema>;

/** A case page: the record, parties, rules shown, history and what the caller may do now. */
export const penaltyCaseDetailSchema = penaltyCaseListItemSchema.extend({
  facts: z.string().nullable(),
  enterpriseCreditCode: z.string(),
  /** The registry's main leader (主要负责人), to name the 一案双罚 party. */
  mainLeaderName: z.string().nullable(),
  inspectionRecordId: z.number().nullable(),
  inspectionRecordNo: z.string().nullable(),
  hazards: z.array(penaltyCaseHazardSchema),
  parties: z.array(penaltyCasePartyViewSchema),
  leaderWaiverReason: z.string().nullable(),
  /** Errors block the decision (一案双罚, decision numbers); warnings are shown (amounts). */
  decisionCheck: z.object({ errors: z.array(messageSchema), warnings: z.array(messageSchema) }),
  noPenalty: caseNoPenaltySchema.nullable(),
  noPenaltyOverrideReason: z.string().nullable(),
  noPenaltyDecision: z
    .object({ decidedOn: z.string(), reason: z.string(), decisionNo: z.string().nullable() })
    .nullable(),
  notifiedOn: z.string().nullable(),
  executedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  daily: penaltyDailySchema.nullable(),
  history: z.array(penaltyCaseEventSchema),
  availableActions: z.array(actionEnum),
  /** Whether the caller may edit the matter, facts and linked records now. */
  canEdit: z.boolean(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PenaltyCaseDetail = z.infer<typeof penaltyCaseDetailSchema>;

/** An uploaded document of a measure. */
export const measureDocumentSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
});

/** A measure with what follows from it on a date (ban, list period, suspension). */
export const enforcementMeasureViewSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  kind: z.enum(ENFORCEMENT_MEASURE_KINDS as [EnforcementMeasureKind, ...EnforcementMeasureKind[]]),
  date: z.string(),
  /** The measure as recorded (enforcementMeasureSchema output). */
  data: z.record(z.string(), z.unknown()),
  penaltyCaseNo: z.string().nullable(),
  /** 提请关闭: the leader's 5-year industry ban once the closure is decided. */
  leaderBan: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** 严重失信名单: the end of the management period and whether listed today. */
  dishonesty: z.object({ periodEnd: z.string(), active: z.boolean() }).nullable(),
  /** 停产整顿: whether in force today. */
  suspensionActive: z.boolean().nullable(),
  documents: z.array(measureDocumentSchema),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type EnforcementMeasureView = Omit<z.infer<typeof enforcementMeasureViewSchema>, 'data'> & {
  data: EnforcementMeasure;
};

const decisionRefSchema = z.object({
  caseId: z.number(),
  caseNo: z.string(),
  decidedOn: z.string(),
});
const thresholdEvidenceSchema = z.object({
  metOn: z.string(),
  decisions: z.array(decisionRefSchema),
});

/** One enterprise of the repeat-offender view, with its evidence. */
export const repeatOffenderRowSchema = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  mainLeaderName: z.string().nullable(),
  /** Major-hazard penalty decisions counted (within a year of the day looked at). */
  decisions: z.array(decisionRefSchema),
  closure: z.object({
    met: z.boolean(),
    within180Days: thresholdEvidenceSchema.nullable(),
    withinOneYear: thresholdEvidenceSchema.nullable(),
  }),
  recurring: z.array(
    z.object({
      catalogItemCode: z.string(),
      hazards: z.array(
        z.object({
          id: z.number(),
          number: z.string(),
          foundAt: z.string(),
          verifiedAt: z.string().nullable(),
          status: z.enum(HAZARD_STATUSES as [HazardStatus, ...HazardStatus[]]),
        }),
      ),
      recurrences: z.array(
        z.object({
          previousHazardId: z.number(),
          previousVerifiedAt: z.string(),
          hazardId: z.number(),
          foundAt: z.string(),
        }),
      ),
    }),
  ),
  /** The closure proposal already recorded (not voided), if any. */
  closureProposal: z.object({ measureId: z.number(), date: z.string() }).nullable(),
});
export type RepeatOffenderRow = z.infer<typeof repeatOffenderRowSchema>;

/** Why an enterprise is listed: closure threshold (第一百一十三条) or a recurring item. */
export const REPEAT_OFFENDER_REASONS = ['closure', 'recurring'] as const;
export type RepeatOffenderReason = (typeof REPEAT_OFFENDER_REASONS)[number];

// ---- The penalty decision document (行政处罚决定书) ----

/** 复议、诉讼 notice printed on every decision (行政处罚法第四十四条、第五十九条). */
export const PENALTY_APPEAL_NOTICE =
  '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。';

/** Payment notice printed on a decision with a fine (行政处罚法第六十七条、第七十二条). */
export const PENALTY_PAYMENT_NOTICE =
  '罚款自收到本决定书之日起十五日内缴至指定银行或者通过电子支付系统缴纳。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。';

/** Version line of the canonical decision text; a format change needs a new version. */
export const PENALTY_DECISION_FORMAT = 'HL-PENALTY-DECISION-V1';

/** What one party's decision states; its canonical text is hashed into the verification code. */
export type PenaltyDecisionDocument = {
  caseId: number;
  caseNo: string;
  decisionNo: string;
  decisionDate: string;
  /** The deciding authority (e.g. 东胜区应急管理局). */
  authority: string;
  enterprise: { name: string; creditCode: string; address: string | null };
  party: { kind: PenaltyPartyKind; name: string; position: string | null };
  matter: string;
  facts: string;
  basis: PenaltyArticleKey;
  circumstance: PenaltyCircumstance;
  amountFen: number;
};

const nText = (v: string | null) => (v === null ? null : normaliseRecordText(v));

/**
 * The exact text a decision's verification code covers: "HL-PENALTY-DECISION-V1\n" + canonical
 * JSON (sorted keys, no whitespace, strings trimmed and NFC-normalised) of the decision,
 * including the citation and title of its article as printed.
 */
export function canonicalDecisionText(d: PenaltyDecisionDocument): string {
  const article = PENALTY_ARTICLES[d.basis];
  return `${PENALTY_DECISION_FORMAT}\n${canonicalJson({
    caseId: d.caseId,
    caseNo: normaliseRecordText(d.caseNo),
    decisionNo: normaliseRecordText(d.decisionNo),
    decisionDate: d.decisionDate.slice(0, 10),
    authority: normaliseRecordText(d.authority),
    enterprise: {
      name: normaliseRecordText(d.enterprise.name),
      creditCode: normaliseRecordText(d.enterprise.creditCode),
      address: nText(d.enterprise.address),
    },
    party: {
      kind: d.party.kind,
      name: normaliseRecordText(d.party.name),
      position: nText(d.party.position),
    },
    matter: normaliseRecordText(d.matter),
    facts: normaliseRecordText(d.facts),
    basis: { key: d.basis, citation: article.citation, title: article.title.zh },
    circumstance: d.circumstance,
    amountFen: d.amountFen,
  })}`;
}

/** Public information about a decision found by its verification code (the /verify page). */
export type PenaltyDecisionVerification = {
  kind: 'penalty_decision';
  number: string;
  enterpriseName: string;
  date: string;
  party: { kind: PenaltyPartyKind; name: string };
};

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** An amount of integer fen in capital Chinese numerals (人民币大写), e.g. 伍万元整. */
export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const cent = fen % 10;
  let words = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let n = yuan; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        pendingZero = words !== '';
        continue;
      }
      if (words !== '' && (pendingZero || group < 1000)) words += '零';
      pendingZero = false;
      let zero = false;
      let started = false;
      for (let i = 3; i >= 0; i--) {
        const digit = Math.floor(group / 10 ** i) % 10;
        if (digit === 0) {
          zero = started;
          continue;
        }
        if (zero) words += '零';
        zero = false;
        started = true;
        words += DIGITS[digit]! + SMALL_UNITS[i]!;
      }
      words += BIG_UNITS[g]!;
    }
    words += '元';
  }
  if (jiao === 0 && cent === 0) return words === '' ? '零元整' : `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += '零';
  if (cent > 0) words += `${DIGITS[cent]}分`;
  return words;
}
