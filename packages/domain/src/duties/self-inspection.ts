import { z } from 'zod';
import { Permission } from '../authz/permissions.js';
import { roleHas } from '../authz/role-permissions.js';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import type { Role } from '../identity/role.js';

// Self-inspection against the applicable checklist (对标自查自改, seed §二(一)1, §三(二)).
// An enterprise answers every item of its checklist — as it stood when the run started — with
// 符合 / 存在问题 / 不适用; the main leader submits and signs; each 存在问题 answer becomes a major
// hazard in the ledger. Submitted runs are read-only.

/** The answer to one checklist item. */
export const SelfInspectionAnswer = {
  Compliant: 'compliant',
  Problem: 'problem',
  NotApplicable: 'not_applicable',
} as const;
export type SelfInspectionAnswer = (typeof SelfInspectionAnswer)[keyof typeof SelfInspectionAnswer];
export const SELF_INSPECTION_ANSWERS = Object.values(
  SelfInspectionAnswer,
) as readonly SelfInspectionAnswer[];
export const SELF_INSPECTION_ANSWER_LABELS: Record<
  SelfInspectionAnswer,
  { zh: string; en: string }
> = {
  compliant: { zh: '符合', en: 'Compliant' },
  problem: { zh: '存在问题', en: 'Problem found' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
};
/** The 是否存在问题 column of the printed record. */
export const SELF_INSPECTION_PROBLEM_COLUMN: Record<
  SelfInspectionAnswer,
  { zh: string; en: string }
> = {
  compliant: { zh: '否', en: 'No' },
  problem: { zh: '是', en: 'Yes' },
  not_applicable: { zh: '不适用', en: 'N/A' },
};

/** Where a run stands. */
export const SelfInspectionStatus = {
  Draft: 'draft',
  Submitted: 'submitted',
  Discarded: 'discarded',
} as const;
export type SelfInspectionStatus = (typeof SelfInspectionStatus)[keyof typeof SelfInspectionStatus];
export const SELF_INSPECTION_STATUSES = Object.values(
  SelfInspectionStatus,
) as readonly SelfInspectionStatus[];
export const SELF_INSPECTION_STATUS_LABELS: Record<
  SelfInspectionStatus,
  { zh: string; en: string }
> = {
  draft: { zh: '填报中', en: 'In progress' },
  submitted: { zh: '已提交', en: 'Submitted' },
  discarded: { zh: '已作废', en: 'Discarded' },
};

/** What can be done to a run. */
export const SelfInspectionAction = {
  /** Change the record's header: inspection date, inspectors. */
  Edit: 'edit',
  /** Save the answer to one item (autosave). */
  Answer: 'answer',
  /** Add or remove a photo of an item. */
  Photo: 'photo',
  /** Submit and sign as the main leader (主要负责人签字); creates the hazards. */
  Submit: 'submit',
  /** Give up an unsubmitted run (it is kept, marked discarded, with the reason). */
  Discard: 'discard',
} as const;
export type SelfInspectionAction = (typeof SelfInspectionAction)[keyof typeof SelfInspectionAction];

/** The workflow: the actions each status allows. Only a draft can change. */
export const SELF_INSPECTION_WORKFLOW = {
  draft: ['edit', 'answer', 'photo', 'submit', 'discard'],
  submitted: [],
  discarded: [],
} as const satisfies Record<SelfInspectionStatus, readonly SelfInspectionAction[]>;

/**
 * Who may take each action: the safety manager prepares the run (DutyRecord); only the main
 * leader submits it, which is also the signature (DutySign, "submitted and signed by the leader").
 */
export const SELF_INSPECTION_ACTION_PERMISSION = {
  edit: Permission.DutyRecord,
  answer: Permission.DutyRecord,
  photo: Permission.DutyRecord,
  submit: Permission.DutySign,
  discard: Permission.DutyRecord,
} as const satisfies Record<SelfInspectionAction, Permission>;

/** The actions a role may take on a run in a status (for the buttons the page shows). */
export function availableSelfInspectionActions(
  status: SelfInspectionStatus,
  role: Role,
): SelfInspectionAction[] {
  return SELF_INSPECTION_WORKFLOW[status].filter((a) =>
    roleHas(role, SELF_INSPECTION_ACTION_PERMISSION[a]),
  );
}

/** Whether the status of a run allows an action at all (whoever asks). */
export function selfInspectionAllows(
  status: SelfInspectionStatus,
  action: SelfInspectionAction,
): boolean {
  return (SELF_INSPECTION_WORKFLOW[status] as readonly SelfInspectionAction[]).includes(action);
}

/**
 * Whether a 存在问题 answer needs a photo (issue 6: "by setting"). This is the default of the
 * deployment setting; every run records the rule it was started under, so changing the
 * setting never changes what an older run required.
 */
export const SELF_INSPECTION_PHOTO_REQUIRED_DEFAULT = true;

const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, { message }).nullable().default(null);

/**
 * The answer to one item as the form sends it. 存在问题 needs a description of the problem,
 * 不适用 a reason; a note is optional for any answer. Photos are uploaded separately and
 * checked when the run is submitted.
 */
export const selfInspectionAnswerSchema = z
  .strictObject({
    answer: z.enum(SELF_INSPECTION_ANSWERS as [SelfInspectionAnswer, ...SelfInspectionAnswer[]], {
      message: '请选择符合、存在问题或不适用',
    }),
    note: optionalText(500, '备注不超过500字'),
    description: optionalText(2000, '问题描述不超过2000字'),
    naReason: optionalText(200, '不适用理由不超过200字'),
    /** The run's version the answer was made on (stale writes get 409). */
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'problem' && (v.description ?? '').length < 4) {
      ctx.addIssue({
        code: 'custom',
        path: ['description'],
        message: '存在问题须描述问题（至少4个字）',
      });
    }
    if (v.answer === 'not_applicable' && (v.naReason ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['naReason'], message: '不适用须说明理由' });
    }
  });
export type SelfInspectionAnswerInput = z.input<typeof selfInspectionAnswerSchema>;
export type SelfInspectionAnswerValue = z.output<typeof selfInspectionAnswerSchema>;

/** What is stored for an answer: fields that do not belong to the chosen answer are dropped. */
export function normalizeSelfInspectionAnswer(v: SelfInspectionAnswerValue): {
  answer: SelfInspectionAnswer;
  note: string | null;
  description: string | null;
  naReason: string | null;
} {
  return {
    answer: v.answer,
    note: v.note || null,
    description: v.answer === 'problem' ? v.description || null : null,
    naReason: v.answer === 'not_applicable' ? v.naReason || null : null,
  };
}

const inspectorsSchema = z
  .string()
  .trim()
  .min(2, { message: '请填写检查人员' })
  .max(200, { message: '检查人员不超过200字' });

/** Starting a run; the date defaults to today and the inspectors may be filled in later. */
export const startSelfInspectionSchema = z.strictObject({
  inspectionDate: dateSchema.optional(),
  inspectors: inspectorsSchema.nullable().optional(),
});
export type StartSelfInspectionInput = z.infer<typeof startSelfInspectionSchema>;

/** The header of the record: 检查日期 and 检查人员. */
export const updateSelfInspectionSchema = z.strictObject({
  inspectionDate: dateSchema,
  inspectors: inspectorsSchema.nullable(),
  version: z.number().int().min(1),
});
export type UpdateSelfInspectionInput = z.infer<typeof updateSelfInspectionSchema>;

/** Submitting and signing. */
export const submitSelfInspectionSchema = z.strictObject({ version: z.number().int().min(1) });
export type SubmitSelfInspectionInput = z.infer<typeof submitSelfInspectionSchema>;

/** Discarding an unsubmitted run. */
export const discardSelfInspectionSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
});
export type DiscardSelfInspectionInput = z.infer<typeof discardSelfInspectionSchema>;

/** What keeps one item from being submitted. */
export const SELF_INSPECTION_ITEM_ISSUES = [
  'unanswered',
  'description_missing',
  'reason_missing',
  'photo_missing',
] as const;
export type SelfInspectionItemIssue = (typeof SELF_INSPECTION_ITEM_ISSUES)[number];
export const SELF_INSPECTION_ITEM_ISSUE_LABELS: Record<
  SelfInspectionItemIssue,
  { zh: string; en: string }
> = {
  unanswered: { zh: '未作答', en: 'Not answered' },
  description_missing: { zh: '存在问题须描述问题', en: 'Describe the problem' },
  reason_missing: { zh: '不适用须说明理由', en: 'Give the reason it does not apply' },
  photo_missing: { zh: '存在问题须上传照片', en: 'Add a photo of the problem' },
};

/** The facts of one item the submission rules look at. */
export type SelfInspectionItemFacts = {
  answer: SelfInspectionAnswer | null;
  description: string | null;
  naReason: string | null;
  photoCount: number;
};

/** What is still missing on one item (empty when it can be submitted). */
export function selfInspectionItemIssues(
  item: SelfInspectionItemFacts,
  photoRequired: boolean,
): SelfInspectionItemIssue[] {
  switch (item.answer) {
    case null:
      return ['unanswered'];
    case 'compliant':
      return [];
    case 'not_applicable':
      return (item.naReason ?? '').trim().length >= 2 ? [] : ['reason_missing'];
    case 'problem': {
      const issues: SelfInspectionItemIssue[] = [];
      if ((item.description ?? '').trim().length < 4) issues.push('description_missing');
      if (photoRequired && item.photoCount === 0) issues.push('photo_missing');
      return issues;
    }
  }
}

/** Counts of a run's answers ("已答 n / 共 m"). */
export type SelfInspectionProgress = {
  total: number;
  answered: number;
  compliant: number;
  problems: number;
  notApplicable: number;
};

/** The progress of a run from its items' answers. */
export function selfInspectionProgress(
  items: readonly { answer: SelfInspectionAnswer | null }[],
): SelfInspectionProgress {
  const count = (a: SelfInspectionAnswer) => items.filter((i) => i.answer === a).length;
  const compliant = count('compliant');
  const problems = count('problem');
  const notApplicable = count('not_applicable');
  return {
    total: items.length,
    answered: compliant + problems + notApplicable,
    compliant,
    problems,
    notApplicable,
  };
}

/** Why a run cannot be submitted yet: the header and every item with something missing. */
export type SelfInspectionSubmitCheck = {
  inspectorsMissing: boolean;
  items: { code: string; issues: SelfInspectionItemIssue[] }[];
};

/** Checks a whole run before submission; `ok` when nothing is missing. */
export function checkSelfInspectionSubmission(
  run: { inspectors: string | null; photoRequired: boolean },
  items: readonly (SelfInspectionItemFacts & { code: string })[],
): SelfInspectionSubmitCheck & { ok: boolean } {
  const inspectorsMissing = (run.inspectors ?? '').trim().length < 2;
  const failing = items
    .map((i) => ({ code: i.code, issues: selfInspectionItemIssues(i, run.photoRequired) }))
    .filter((i) => i.issues.length > 0);
  return {
    inspectorsMissing,
    items: failing,
    ok: !inspectorsMissing && failing.length === 0 && items.length > 0,
  };
}

// ---- API views -------------------------------------------------------------------------------

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const statusEnum = z.enum(
  SELF_INSPECTION_STATUSES as [SelfInspectionStatus, ...SelfInspectionStatus[]],
);
const answerEnum = z.enum(
  SELF_INSPECTION_ANSWERS as [SelfInspectionAnswer, ...SelfInspectionAnswer[]],
);
const actionEnum = z.enum(
  Object.values(SelfInspectionAction) as [SelfInspectionAction, ...SelfInspectionAction[]],
);

export const selfInspectionProgressSchema = z.object({
  total: z.number(),
  answered: z.number(),
  compliant: z.number(),
  problems: z.number(),
  notApplicable: z.number(),
});

/** A run in a list. */
export const selfInspectionListItemSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  campaignId: z.number().nullable(),
  campaignName: z.string().nullable(),
  status: statusEnum,
  inspectionDate: z.string(),
  inspectors: z.string().nullable(),
  progress: selfInspectionProgressSchema,
  startedByName: z.string(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  signerName: z.string().nullable(),
});
export type SelfInspectionListItem = z.infer<typeof selfInspectionListItemSchema>;

/** A photo of an item. */
export const selfInspectionPhotoSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  uploadedAt: z.string(),
});
export type SelfInspectionPhoto = z.infer<typeof selfInspectionPhotoSchema>;

/** One item of a run: the catalog item as it stood at the start, and its answer. */
export const selfInspectionItemSchema = z.object({
  code: z.string(),
  catalogId: z.string(),
  catalogVersion: z.number(),
  section: z.string(),
  clause: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  requirement: z.string().nullable(),
  answer: answerEnum.nullable(),
  note: z.string().nullable(),
  description: z.string().nullable(),
  naReason: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  photos: z.array(selfInspectionPhotoSchema),
  issues: z.array(z.enum(SELF_INSPECTION_ITEM_ISSUES)),
  hazardId: z.number().nullable(),
  hazardNumber: z.string().nullable(),
});
export type SelfInspectionItem = z.infer<typeof selfInspectionItemSchema>;

/** A run with its items, as its page shows it. */
export const selfInspectionDetailSchema = selfInspectionListItemSchema.extend({
  districtName: z.string(),
  /** The enterprise's main leader from the registry (负责人 of the printed record). */
  leaderName: z.string().nullable(),
  photoRequired: z.boolean(),
  catalogs: z.array(
    z.object({
      catalogId: z.string(),
      version: z.number(),
      name: z.string(),
      documentNumber: z.string(),
    }),
  ),
  items: z.array(selfInspectionItemSchema),
  discardedAt: z.string().nullable(),
  discardReason: z.string().nullable(),
  version: z.number(),
  availableActions: z.array(actionEnum),
});
export type SelfInspectionDetail = z.infer<typeof selfInspectionDetailSchema>;

/** What an enterprise user needs to start a run: the campaign now, and an open draft. */
export const selfInspectionStartInfoSchema = z.object({
  campaign: z.object({ id: z.number(), name: z.string() }).nullable(),
  draftId: z.number().nullable(),
  canStart: z.boolean(),
});
export type SelfInspectionStartInfo = z.infer<typeof selfInspectionStartInfoSchema>;

/** Coverage filter: enterprises that submitted, or not. */
export const SELF_INSPECTION_COVERAGE_FILTERS = ['submitted', 'not_submitted'] as const;
export type SelfInspectionCoverageFilter = (typeof SELF_INSPECTION_COVERAGE_FILTERS)[number];

/** One enterprise in the office's coverage view. */
export const selfInspectionCoverageRowSchema = z.object({
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  submitted: z.boolean(),
  /** A run is being filled in (not yet submitted). */
  inProgress: z.boolean(),
  submittedRuns: z.number(),
  lastRunId: z.number().nullable(),
  lastSubmittedAt: z.string().nullable(),
  problemCount: z.number(),
});
export type SelfInspectionCoverageRow = z.infer<typeof selfInspectionCoverageRowSchema>;

/** Per-sector totals of the coverage view. */
export const selfInspectionSectorCoverageSchema = z.object({
  sector: sectorEnum,
  enterprises: z.number(),
  submitted: z.number(),
  problems: z.number(),
});

/** The coverage view: the campaign and phase it is for, totals per sector, one page of rows. */
export const selfInspectionCoverageSchema = z.object({
  campaign: z
    .object({
      id: z.number(),
      name: z.string(),
      phases: z.array(
        z.object({ key: z.string(), name: z.string(), start: z.string(), end: z.string() }),
      ),
    })
    .nullable(),
  phase: z.string().nullable(),
  sectors: z.array(selfInspectionSectorCoverageSchema),
  items: z.array(selfInspectionCoverageRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SelfInspectionCoverage = z.infer<typeof selfInspectionCoverageSchema>;
