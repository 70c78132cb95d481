import { z } from 'zod';

// Hot work and special operations (动火等危险作业, seed §二(一)3): the hot-work permit
// (动火作业许可) and its workflow live here; equipment checks, special-operation certificates,
// the warning education and the staff check are in hazardous-work-records.ts.
//
// Who acts on a permit: any enterprise user holding duty.record (the main leader or a safety
// manager of that enterprise) may request one; approval is given by ANOTHER such user of the
// same enterprise — never the requester (动火作业审批 is a second person's check). The bureau
// reads permits but never acts on them.

export * from './hazardous-work-records.js';

/** Levels of hot work (GB 30871 动火作业分级). */
export const HOT_WORK_LEVELS = ['special', 'level1', 'level2'] as const;
export type HotWorkLevel = (typeof HOT_WORK_LEVELS)[number];
export const HOT_WORK_LEVEL_LABELS: Record<HotWorkLevel, { zh: string; en: string }> = {
  special: { zh: '特级动火', en: 'Special-grade hot work' },
  level1: { zh: '一级动火', en: 'Grade 1 hot work' },
  level2: { zh: '二级动火', en: 'Grade 2 hot work' },
};
/** Longest validity of a permit per level, in hours (GB 30871: 特级、一级 8h，二级 72h). */
export const HOT_WORK_MAX_HOURS: Record<HotWorkLevel, number> = {
  special: 8,
  level1: 8,
  level2: 72,
};

/** States of a permit. */
export const HotWorkStatus = {
  Requested: 'requested',
  Approved: 'approved',
  InProgress: 'in_progress',
  Closed: 'closed',
  Rejected: 'rejected',
  Cancelled: 'cancelled',
} as const;
export type HotWorkStatus = (typeof HotWorkStatus)[keyof typeof HotWorkStatus];
export const HOT_WORK_STATUSES = Object.values(HotWorkStatus) as readonly HotWorkStatus[];
export const HOT_WORK_STATUS_LABELS: Record<HotWorkStatus, { zh: string; en: string }> = {
  requested: { zh: '待审批', en: 'Requested' },
  approved: { zh: '已批准', en: 'Approved' },
  in_progress: { zh: '作业中', en: 'In progress' },
  closed: { zh: '已关闭', en: 'Closed' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

/** Actions on a permit. `check_measures` records the measures and keeps the status. */
export const HotWorkAction = {
  CheckMeasures: 'check_measures',
  Approve: 'approve',
  Reject: 'reject',
  Start: 'start',
  Close: 'close',
  Cancel: 'cancel',
} as const;
export type HotWorkAction = (typeof HotWorkAction)[keyof typeof HotWorkAction];
export const HOT_WORK_ACTIONS = Object.values(HotWorkAction) as readonly HotWorkAction[];
export const HOT_WORK_ACTION_LABELS: Record<HotWorkAction, { zh: string; en: string }> = {
  check_measures: { zh: '确认安全措施', en: 'Confirm safety measures' },
  approve: { zh: '审批通过', en: 'Approve' },
  reject: { zh: '驳回', en: 'Reject' },
  start: { zh: '开始作业', en: 'Start work' },
  close: { zh: '作业完毕关闭', en: 'Close' },
  cancel: { zh: '撤销', en: 'Cancel' },
};

/** The workflow table: the actions each status allows (before the rules below). */
export const HOT_WORK_WORKFLOW = {
  requested: ['check_measures', 'approve', 'reject', 'cancel'],
  approved: ['start', 'cancel'],
  in_progress: ['close'],
  closed: [],
  rejected: [],
  cancelled: [],
} as const satisfies Record<HotWorkStatus, readonly HotWorkAction[]>;

const HOT_WORK_TRANSITIONS: Partial<Record<HotWorkAction, HotWorkStatus>> = {
  approve: 'approved',
  reject: 'rejected',
  start: 'in_progress',
  close: 'closed',
  cancel: 'cancelled',
};

/** The status after `action` (the same status for check_measures). */
export function hotWorkNextStatus(status: HotWorkStatus, action: HotWorkAction): HotWorkStatus {
  return HOT_WORK_TRANSITIONS[action] ?? status;
}

/**
 * The default safety measures of a permit (GB 30871 动火安全措施, shortened); the requester may
 * add others. Every measure must be checked before the permit can be approved.
 */
export const HOT_WORK_DEFAULT_MEASURES: readonly string[] = [
  '动火设备内部构件清理干净，蒸汽吹扫或水洗、置换合格',
  '断开与动火设备相连的所有管线，加盲板隔离',
  '清除动火点周围可燃物',
  '动火点周围下水井、地漏、地沟、电缆沟等已覆盖、铺沙等隔离',
  '气体检测合格',
  '配备灭火器材（灭火器、消防水带等）',
  '设置现场监护人',
  '高处动火已采取防止火花飞溅措施',
  '电焊回路线接在焊件上，把线未穿过下水井或与其他设备搭接',
  '动火作业人员持有效特种作业操作证',
];

export const hotWorkMeasureSchema = z.strictObject({
  text: z.string().trim().min(1, { message: '请填写安全措施' }).max(200),
  checked: z.boolean(),
});
export type HotWorkMeasure = z.infer<typeof hotWorkMeasureSchema>;

const measuresSchema = z
  .array(hotWorkMeasureSchema)
  .min(1, { message: '请至少列出一项安全措施' })
  .max(40)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((m, i) => {
      if (seen.has(m.text)) {
        ctx.addIssue({ code: 'custom', path: [i, 'text'], message: '安全措施重复' });
      }
      seen.add(m.text);
    });
  });

/** The measures not yet checked. */
export function uncheckedMeasures(measures: readonly HotWorkMeasure[]): HotWorkMeasure[] {
  return measures.filter((m) => !m.checked);
}

const instantSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** Why a time window is not acceptable for a level; null when it is. */
export function hotWorkWindowProblem(
  level: HotWorkLevel,
  startAt: string,
  endAt: string,
): string | null {
  const start = Date.parse(startAt);
  const end = Date.parse(endAt);
  if (!(end > start)) return '作业结束时间须晚于开始时间';
  const hours = HOT_WORK_MAX_HOURS[level];
  if (end - start > hours * 3_600_000) {
    return `${HOT_WORK_LEVEL_LABELS[level].zh}作业许可有效期不应超过${hours}小时`;
  }
  return null;
}

/** A permit request. Times are instants (ISO 8601 with offset); the server stores them in UTC. */
export const createHotWorkPermitSchema = z
  .strictObject({
    workDescription: z.string().trim().min(2, { message: '请填写动火作业内容' }).max(500),
    place: z.string().trim().min(2, { message: '请填写动火地点' }).max(200),
    level: z.enum(HOT_WORK_LEVELS, { message: '请选择动火级别' }),
    startAt: instantSchema,
    endAt: instantSchema,
    /** Who does the work (动火人), with certificate numbers if wished. */
    operators: optionalText(200),
    guardian: z.string().trim().min(2, { message: '请填写监护人' }).max(50),
    measures: measuresSchema,
    gasTestResult: optionalText(200),
  })
  .superRefine((v, ctx) => {
    const problem = hotWorkWindowProblem(v.level, v.startAt, v.endAt);
    if (problem) ctx.addIssue({ code: 'custom', path: ['endAt'], message: problem });
  });
export type CreateHotWorkPermitInput = z.infer<typeof createHotWorkPermitSchema>;

const comment = optionalText(1000);
const reason = z.string().trim().min(2, { message: '请填写原因' }).max(1000);

/** The payload each action takes. */
export const HOT_WORK_ACTION_PAYLOADS = {
  check_measures: z.strictObject({ measures: measuresSchema, gasTestResult: optionalText(200) }),
  approve: z.strictObject({ comment }),
  reject: z.strictObject({ reason }),
  start: z.strictObject({ comment }),
  close: z.strictObject({ comment }),
  cancel: z.strictObject({ reason }),
} as const satisfies Record<HotWorkAction, z.ZodType>;

/** The envelope of an action request: the version it was made against, and the payload. */
export const hotWorkActionRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});

/** Where `now` lies against a permit's window. */
export type HotWorkWindowState = 'before' | 'open' | 'after';

/** Whether the work may start at `now` (all instants as ISO strings). */
export function hotWorkWindowState(
  window: { startAt: string; endAt: string },
  now: string,
): HotWorkWindowState {
  const t = Date.parse(now);
  if (t < Date.parse(window.startAt)) return 'before';
  if (t > Date.parse(window.endAt)) return 'after';
  return 'open';
}

/** The facts about one permit that decide which actions are open. */
export type HotWorkFacts = {
  status: HotWorkStatus;
  requestedByUserId: number;
  measures: readonly HotWorkMeasure[];
  startAt: string;
  endAt: string;
};

/** Who asks: their user id, and whether they record duties for the permit's enterprise. */
export type HotWorkActor = { userId: number; canRecord: boolean };

/** Why an action is refused (a Chinese message for the 409), or null when allowed at `now`. */
export function hotWorkRefusal(
  facts: HotWorkFacts,
  action: HotWorkAction,
  actor: HotWorkActor,
  now: string,
): string | null {
  if (!(HOT_WORK_WORKFLOW[facts.status] as readonly HotWorkAction[]).includes(action)) {
    return `动火作业许可当前状态“${HOT_WORK_STATUS_LABELS[facts.status].zh}”不能执行“${HOT_WORK_ACTION_LABELS[action].zh}”`;
  }
  if (!actor.canRecord) return '只有本企业的主要负责人或安全管理人员可以办理动火作业许可';
  const window = hotWorkWindowState(facts, now);
  switch (action) {
    case 'approve': {
      if (actor.userId === facts.requestedByUserId) return '动火作业许可不能由申请人本人审批';
      const open = uncheckedMeasures(facts.measures);
      if (open.length > 0) {
        return `安全措施未全部落实确认，不能审批：${open.map((m) => m.text).join('；')}`;
      }
      if (window === 'after') return '许可作业时间已过，不能审批，请重新申请';
      return null;
    }
    case 'reject':
      return actor.userId === facts.requestedByUserId
        ? '申请人不能驳回本人的申请，可撤销申请'
        : null;
    case 'start':
      if (window === 'before') return '未到许可的作业时间，不能开始动火作业';
      if (window === 'after') return '已超过许可的作业时间，不能开始动火作业，请重新申请';
      return null;
    case 'check_measures':
    case 'close':
    case 'cancel':
      return null;
  }
}

/** The actions this actor may take now: what the UI shows as buttons. */
export function hotWorkAvailableActions(
  facts: HotWorkFacts,
  actor: HotWorkActor,
  now: string,
): HotWorkAction[] {
  return HOT_WORK_WORKFLOW[facts.status].filter(
    (a) => hotWorkRefusal(facts, a, actor, now) === null,
  );
}

/**
 * Actions the status allows but a rule blocks for this actor now, with the reason (shown as a
 * hint, never as a button): e.g. approval waiting for the measures, or the work not yet due.
 */
export function hotWorkBlockedActions(
  facts: HotWorkFacts,
  actor: HotWorkActor,
  now: string,
): { action: HotWorkAction; reason: string }[] {
  if (!actor.canRecord) return [];
  return HOT_WORK_WORKFLOW[facts.status].flatMap((action) => {
    const reason = hotWorkRefusal(facts, action, actor, now);
    return reason ? [{ action, reason }] : [];
  });
}

const statusEnum = z.enum(HOT_WORK_STATUSES as [HotWorkStatus, ...HotWorkStatus[]]);
const actionEnum = z.enum(HOT_WORK_ACTIONS as [HotWorkAction, ...HotWorkAction[]]);

/** A row of the permit list. */
export const hotWorkPermitListItemSchema = z.object({
  id: z.number(),
  enterpriseId: z.number(),
  workDescription: z.string(),
  place: z.string(),
  level: z.enum(HOT_WORK_LEVELS),
  startAt: z.string(),
  endAt: z.string(),
  guardian: z.string(),
  status: statusEnum,
  windowState: z.enum(['before', 'open', 'after']),
  measuresChecked: z.number(),
  measuresTotal: z.number(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  approvedByName: z.string().nullable(),
});
export type HotWorkPermitListItem = z.infer<typeof hotWorkPermitListItemSchema>;

/** One entry of a permit's history. */
export const hotWorkEventSchema = z.object({
  id: z.number(),
  action: z.union([actionEnum, z.literal('requested')]),
  fromStatus: statusEnum.nullable(),
  toStatus: statusEnum,
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
});
export type HotWorkEvent = z.infer<typeof hotWorkEventSchema>;

/** A permit as its detail view shows it, with the actions the caller may take now. */
export const hotWorkPermitDetailSchema = hotWorkPermitListItemSchema.extend({
  enterpriseName: z.string(),
  operators: z.string().nullable(),
  measures: z.array(z.object({ text: z.string(), checked: z.boolean() })),
  gasTestResult: z.string().nullable(),
  approvedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number(),
  history: z.array(hotWorkEventSchema),
  availableActions: z.array(actionEnum),
  blockedActions: z.array(z.object({ action: actionEnum, reason: z.string() })),
});
export type HotWorkPermitDetail = z.infer<typeof hotWorkPermitDetailSchema>;
