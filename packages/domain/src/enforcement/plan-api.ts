import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import type { HazardOrigin } from '../hazard/hazard.js';

// Inspection plans (检查计划, issue 7 item 1): the kinds, the plan workflow as one typed table,
// the request schemas the server validates and the web form uses, and the views the API returns.
// The 双随机 draw itself is `drawInspection` in draw.ts; a plan stores its seed and full input.

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });

/** What a plan is for. Only `random` (and optionally `self_check_spot`) is drawn by lot. */
export const PlanKind = {
  /** 双随机抽查: targets and inspectors drawn at random. */
  Random: 'random',
  /** 自查自改抽查: spot checks among enterprises that submitted a self-inspection. */
  SelfCheckSpot: 'self_check_spot',
  /** 重点企业检查: chosen by the bureau (重点检查结合实际确定人员). */
  KeyEnterprise: 'key_enterprise',
  /** 帮扶指导 (评估+执法+服务). */
  Assistance: 'assistance',
  /** 投诉举报核查: a specific target, never drawn. */
  Complaint: 'complaint',
  /** 跨部门联合检查, with the other departments named. */
  Joint: 'joint',
} as const;
export type PlanKind = (typeof PlanKind)[keyof typeof PlanKind];
export const PLAN_KINDS = Object.values(PlanKind) as readonly PlanKind[];

export const PLAN_KIND_LABELS: Record<PlanKind, { zh: string; en: string }> = {
  random: { zh: '双随机抽查', en: 'Random inspection' },
  self_check_spot: { zh: '自查自改抽查', en: 'Self-inspection spot check' },
  key_enterprise: { zh: '重点企业检查', en: 'Key enterprise inspection' },
  assistance: { zh: '帮扶指导', en: 'Assistance visit' },
  complaint: { zh: '投诉举报核查', en: 'Complaint-driven inspection' },
  joint: { zh: '跨部门联合检查', en: 'Joint inspection' },
};

/**
 * How a kind's targets are chosen: by the draw, by hand, or either. 投诉举报、上级交办 and
 * other checks of a specific object are not drawn; general checks are (双随机).
 */
export const PLAN_KIND_SELECTION = {
  random: 'draw',
  self_check_spot: 'either',
  key_enterprise: 'manual',
  assistance: 'manual',
  complaint: 'manual',
  joint: 'manual',
} as const satisfies Record<PlanKind, 'draw' | 'manual' | 'either'>;

/** The hazard origin the findings of an inspection made under a plan of this kind get. */
export const PLAN_KIND_HAZARD_ORIGIN = {
  random: 'enforcement',
  self_check_spot: 'spot_check',
  key_enterprise: 'enforcement',
  assistance: 'enforcement',
  complaint: 'enforcement',
  joint: 'enforcement',
} as const satisfies Record<PlanKind, HazardOrigin>;

/** The life of a plan. */
export const PlanStatus = {
  Draft: 'draft',
  /** Targets and inspectors are fixed (drawn or assigned by hand). */
  Assigned: 'assigned',
  InProgress: 'in_progress',
  Completed: 'completed',
  Cancelled: 'cancelled',
} as const;
export type PlanStatus = (typeof PlanStatus)[keyof typeof PlanStatus];
export const PLAN_STATUSES = Object.values(PlanStatus) as readonly PlanStatus[];

export const PLAN_STATUS_LABELS: Record<PlanStatus, { zh: string; en: string }> = {
  draft: { zh: '草拟', en: 'Draft' },
  assigned: { zh: '已确定检查对象', en: 'Targets assigned' },
  in_progress: { zh: '实施中', en: 'In progress' },
  completed: { zh: '已完成', en: 'Completed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** What can be done to a plan. */
export const PlanAction = {
  Edit: 'edit',
  /** Run the 双随机 draw (once: a drawn plan is never re-drawn). */
  Draw: 'draw',
  /** Fix the targets and their inspectors by hand. */
  Assign: 'assign',
  Start: 'start',
  Complete: 'complete',
  Cancel: 'cancel',
} as const;
export type PlanAction = (typeof PlanAction)[keyof typeof PlanAction];
export const PLAN_ACTIONS = Object.values(PlanAction) as readonly PlanAction[];

export const PLAN_ACTION_LABELS: Record<PlanAction, { zh: string; en: string }> = {
  edit: { zh: '修改', en: 'Edit' },
  draw: { zh: '随机抽取', en: 'Draw' },
  assign: { zh: '确定检查对象', en: 'Assign targets' },
  start: { zh: '开始实施', en: 'Start' },
  complete: { zh: '完成', en: 'Complete' },
  cancel: { zh: '取消计划', en: 'Cancel' },
};

/** The workflow: the actions each status allows. */
export const PLAN_WORKFLOW = {
  draft: ['edit', 'draw', 'assign', 'cancel'],
  assigned: ['start', 'cancel'],
  in_progress: ['complete', 'cancel'],
  completed: [],
  cancelled: [],
} as const satisfies Record<PlanStatus, readonly PlanAction[]>;

/** The status an action leads to. */
export const PLAN_ACTION_RESULT = {
  edit: null,
  draw: 'assigned',
  assign: 'assigned',
  start: 'in_progress',
  complete: 'completed',
  cancel: 'cancelled',
} as const satisfies Record<PlanAction, PlanStatus | null>;

/** The status after an action (an edit keeps it). */
export function nextPlanStatus(from: PlanStatus, action: PlanAction): PlanStatus {
  return PLAN_ACTION_RESULT[action] ?? from;
}

/** Why an action is refused for a plan, or null when its status and kind allow it. */
export function planActionRefusal(
  plan: { status: PlanStatus; kind: PlanKind },
  action: PlanAction,
): string | null {
  if (!(PLAN_WORKFLOW[plan.status] as readonly PlanAction[]).includes(action)) {
    return `计划${PLAN_STATUS_LABELS[plan.status].zh}，不能${PLAN_ACTION_LABELS[action].zh}`;
  }
  const selection = PLAN_KIND_SELECTION[plan.kind];
  if (action === 'draw' && selection === 'manual') {
    return `${PLAN_KIND_LABELS[plan.kind].zh}不采用随机抽取，请直接确定检查对象`;
  }
  if (action === 'assign' && selection === 'draw') {
    return '双随机抽查的检查对象和执法人员须随机抽取，不能人工指定';
  }
  return null;
}

/** The actions the plan allows now (the caller must also be allowed to manage it). */
export function availablePlanActions(plan: { status: PlanStatus; kind: PlanKind }): PlanAction[] {
  return PLAN_ACTIONS.filter((a) => planActionRefusal(plan, a) === null);
}

/** A target of a plan: waiting for its visit, or inspected (with the record). */
export const PlanTargetStatus = { Pending: 'pending', Inspected: 'inspected' } as const;
export type PlanTargetStatus = (typeof PlanTargetStatus)[keyof typeof PlanTargetStatus];
export const PLAN_TARGET_STATUSES = Object.values(PlanTargetStatus) as readonly PlanTargetStatus[];
export const PLAN_TARGET_STATUS_LABELS: Record<PlanTargetStatus, { zh: string; en: string }> = {
  pending: { zh: '待检查', en: 'Pending' },
  inspected: { zh: '已检查', en: 'Inspected' },
};

/** At least two inspectors per visit (执法人员不得少于两人). */
export const MIN_INSPECTORS_PER_TARGET = 2;

const planFields = {
  name: z.string().trim().min(2, { message: '请填写计划名称' }).max(100),
  kind: z.enum(PLAN_KINDS as [PlanKind, ...PlanKind[]], { message: '请选择检查方式' }),
  startDate: dateSchema,
  endDate: dateSchema,
  sectors: z.array(sectorEnum).min(1, { message: '请选择行业领域' }).max(SECTORS.length),
  /** The other departments of a joint inspection (联合检查部门). */
  departments: z
    .array(z.string().trim().min(1, { message: '部门名称不能为空' }).max(50))
    .max(10)
    .default([]),
  /** 四不两直: never shown to the enterprises, before or during the visit. */
  unannounced: z.boolean().default(false),
  /** 异地执法/交叉互检: inspectors from another district than the enterprise's. */
  crossArea: z.boolean().default(false),
  /** How many enterprises the draw picks. */
  enterpriseCount: z
    .number({ message: '抽取企业数应为整数' })
    .int({ message: '抽取企业数应为整数' })
    .min(1, { message: '抽取企业数至少为1' })
    .max(500, { message: '抽取企业数不能超过500' })
    .nullable()
    .default(null),
  inspectorsPerTarget: z
    .number()
    .int()
    .min(MIN_INSPECTORS_PER_TARGET, { message: '每家企业至少选派两名执法人员' })
    .max(5)
    .default(MIN_INSPECTORS_PER_TARGET),
  note: z.string().trim().max(1000).nullable().default(null),
};

type PlanFields = {
  kind: PlanKind;
  startDate: string;
  endDate: string;
  sectors: Sector[];
  departments: string[];
  enterpriseCount: number | null;
};

function refinePlan(v: PlanFields, ctx: z.RefinementCtx) {
  if (v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  }
  if (new Set(v.sectors).size !== v.sectors.length) {
    ctx.addIssue({ code: 'custom', path: ['sectors'], message: '行业领域重复' });
  }
  if (v.kind === 'joint' && v.departments.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['departments'], message: '联合检查须填写联合部门' });
  }
  if (v.kind !== 'joint' && v.departments.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['departments'], message: '只有联合检查填写联合部门' });
  }
  if (new Set(v.departments).size !== v.departments.length) {
    ctx.addIssue({ code: 'custom', path: ['departments'], message: '联合部门重复' });
  }
  if (v.kind === 'random' && v.enterpriseCount === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['enterpriseCount'],
      message: '双随机抽查须填写抽取企业数',
    });
  }
}

/** Making a plan (in the planner's territory; status draft). */
export const createPlanSchema = z.strictObject(planFields).superRefine(refinePlan);
export type CreatePlanInput = z.infer<typeof createPlanSchema>;

/** Editing a draft plan: every field again, with the version read. */
export const updatePlanSchema = z
  .strictObject({ ...planFields, version: z.number().int().positive() })
  .superRefine(refinePlan);
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

/** Running the draw; without a seed the server makes a random one. */
export const drawPlanSchema = z.strictObject({
  version: z.number().int().positive(),
  seed: z
    .string()
    .trim()
    .min(1, { message: '抽取种子不能为空' })
    .max(200, { message: '抽取种子不能超过200个字符' })
    .nullable()
    .default(null),
});
export type DrawPlanInput = z.infer<typeof drawPlanSchema>;

/** Fixing the targets by hand: each enterprise with its inspectors (≥ 2, with certificates). */
export const assignTargetsSchema = z
  .strictObject({
    version: z.number().int().positive(),
    targets: z
      .array(
        z.strictObject({
          enterpriseId: z.number().int().positive({ message: '请选择企业' }),
          inspectorIds: z
            .array(z.number().int().positive())
            .min(MIN_INSPECTORS_PER_TARGET, { message: '每家企业至少选派两名执法人员' })
            .max(10),
        }),
      )
      .min(1, { message: '请至少确定一家检查对象' })
      .max(500),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<number>();
    v.targets.forEach((t, i) => {
      if (seen.has(t.enterpriseId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'enterpriseId'],
          message: '检查对象重复',
        });
      }
      seen.add(t.enterpriseId);
      if (new Set(t.inspectorIds).size !== t.inspectorIds.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'inspectorIds'],
          message: '执法人员重复',
        });
      }
    });
  });
export type AssignTargetsInput = z.infer<typeof assignTargetsSchema>;

/** Starting a plan. */
export const startPlanSchema = z.strictObject({ version: z.number().int().positive() });

/** Completing a plan; with targets still pending a note must say why. */
export const completePlanSchema = z.strictObject({
  version: z.number().int().positive(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type CompletePlanInput = z.infer<typeof completePlanSchema>;

/** Cancelling a plan, always with the reason. */
export const cancelPlanSchema = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(2, { message: '请填写取消原因' }).max(500),
});
export type CancelPlanInput = z.infer<typeof cancelPlanSchema>;

/** Whether completing needs a note: some targets were never inspected. */
export function completionNeedsNote(targets: readonly { status: PlanTargetStatus }[]): boolean {
  return targets.some((t) => t.status === 'pending');
}

// --- Views ---------------------------------------------------------------------------------

const kindEnum = z.enum(PLAN_KINDS as [PlanKind, ...PlanKind[]]);
const statusEnum = z.enum(PLAN_STATUSES as [PlanStatus, ...PlanStatus[]]);
const actionEnum = z.enum(PLAN_ACTIONS as [PlanAction, ...PlanAction[]]);
const targetStatusEnum = z.enum(PLAN_TARGET_STATUSES as [PlanTargetStatus, ...PlanTargetStatus[]]);

/** An inspector assigned to a target. */
export const planInspectorSchema = z.object({
  userId: z.number(),
  name: z.string(),
  certificateNo: z.string().nullable(),
  orgUnitName: z.string(),
});
export type PlanInspector = z.infer<typeof planInspectorSchema>;

/** One target of a plan with its inspectors (never shown to enterprise users). */
export const planTargetSchema = z.object({
  id: z.number(),
  /** Draw order (1, 2, …) or the order entered. */
  seq: z.number(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  sector: sectorEnum,
  districtName: z.string(),
  status: targetStatusEnum,
  recordId: z.number().nullable(),
  inspectedAt: z.string().nullable(),
  inspectors: z.array(planInspectorSchema),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

/** A row of the plan list. */
export const planListItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: kindEnum,
  status: statusEnum,
  startDate: z.string(),
  endDate: z.string(),
  sectors: z.array(sectorEnum),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  unannounced: z.boolean(),
  crossArea: z.boolean(),
  enterpriseCount: z.number().nullable(),
  targetCount: z.number(),
  inspectedCount: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type PlanListItem = z.infer<typeof planListItemSchema>;

/** One event of a plan's history. */
export const planEventSchema = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});
export type PlanEvent = z.infer<typeof planEventSchema>;

/** What was drawn with: the seed and the algorithm, and the sizes of the lists drawn from. */
export const planDrawInfoSchema = z.object({
  seed: z.string(),
  algorithm: z.string(),
  drawnAt: z.string(),
  drawnByName: z.string(),
  eligibleEnterprises: z.number(),
  eligibleInspectors: z.number(),
  /** Staff of the pool left out for want of an enforcement certificate number. */
  ineligibleInspectors: z.number(),
  /** For a spot check of self-inspections: the campaign whose submissions made the list. */
  campaignId: z.number().nullable(),
});
export type PlanDrawInfo = z.infer<typeof planDrawInfoSchema>;

/** A plan's page. Enterprise users get only their own target, without inspectors. */
export const planDetailSchema = planListItemSchema.extend({
  departments: z.array(z.string()),
  inspectorsPerTarget: z.number(),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  completionNote: z.string().nullable(),
  draw: planDrawInfoSchema.nullable(),
  targets: z.array(planTargetSchema),
  history: z.array(planEventSchema),
  availableActions: z.array(actionEnum),
  can: z.object({ manage: z.boolean(), verify: z.boolean(), export: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

const assignmentSchema = z.object({
  order: z.number(),
  enterpriseId: z.number(),
  inspectorIds: z.array(z.number()),
});

/** The outcome of re-running a plan's draw from its stored seed and input. */
export const drawVerificationSchema = z.object({
  same: z.boolean(),
  algorithm: z.string(),
  seed: z.string(),
  /** The targets as stored (draw order, enterprise, inspectors). */
  stored: z.array(assignmentSchema),
  /** The targets the stored input draws today; null when it cannot be re-run. */
  recomputed: z.array(assignmentSchema).nullable(),
  /** Why it could not be re-run, if so. */
  error: z.string().nullable(),
});
export type DrawVerification = z.infer<typeof drawVerificationSchema>;

/** The plans that will visit an enterprise (enterprise users: announced ones only). */
export const upcomingInspectionSchema = z.object({
  planId: z.number(),
  planName: z.string(),
  kind: kindEnum,
  status: statusEnum,
  startDate: z.string(),
  endDate: z.string(),
  orgUnitName: z.string(),
  /** Always false for enterprise users: they never receive an unannounced plan. */
  unannounced: z.boolean(),
  targetId: z.number(),
  targetStatus: targetStatusEnum,
  /** Names of the inspectors, for staff only (null for enterprise users). */
  inspectors: z.array(z.string()).nullable(),
});
export type UpcomingInspection = z.infer<typeof upcomingInspectionSchema>;

/** What a planner may choose from when assigning targets by hand. */
export const planCandidatesSchema = z.object({
  enterprises: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      sector: sectorEnum,
      districtId: z.number(),
      districtName: z.string(),
    }),
  ),
  inspectors: z.array(
    z.object({
      userId: z.number(),
      name: z.string(),
      certificateNo: z.string(),
      orgUnitName: z.string(),
      /** District of the inspector's unit; null for city-level staff. */
      districtId: z.number().nullable(),
      officeId: z.number().nullable(),
    }),
  ),
});
export type PlanCandidates = z.infer<typeof planCandidatesSchema>;
