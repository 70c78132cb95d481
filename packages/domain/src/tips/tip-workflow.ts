import { roleHas } from '../authz/role-permissions.js';
import { Permission } from '../authz/permissions.js';
import { addDays } from '../campaign/campaign-progress.js';
import { addWorkingDays } from '../enforcement/penalty-case.js';
import type { Role } from '../identity/role.js';

// The triage workflow of tips (举报受理, issue 8): one typed table from status to the actions it
// allows, the deadlines, and the vocabulary every tip module shares (channels, reasons, results,
// message kinds). The public page, the informants and the rewards import these; nobody keeps a
// second copy.

/** States of a tip: received → accepted (or rejected) → verifying → verified → closed. */
export const TipStatus = {
  Received: 'received',
  Accepted: 'accepted',
  Rejected: 'rejected',
  Verifying: 'verifying',
  Verified: 'verified',
  Closed: 'closed',
} as const;
export type TipStatus = (typeof TipStatus)[keyof typeof TipStatus];
export const TIP_STATUSES = Object.values(TipStatus) as readonly TipStatus[];
export const TIP_STATUS_LABELS: Record<TipStatus, { zh: string; en: string }> = {
  received: { zh: '待受理', en: 'Received' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  verifying: { zh: '核查中', en: 'Verifying' },
  verified: { zh: '已核查', en: 'Verified' },
  closed: { zh: '已办结', en: 'Closed' },
};
/** Statuses in which the tip is still being handled (deadlines run, duplicates are sought). */
export const OPEN_TIP_STATUSES: readonly TipStatus[] = ['received', 'accepted', 'verifying'];

/** How a tip came in. The public page is `web`; informants report through `informant`. */
export const TipChannel = {
  Web: 'web',
  Hotline: 'hotline_12350',
  Phone: 'phone',
  Letter: 'letter',
  Visit: 'visit',
  Informant: 'informant',
} as const;
export type TipChannel = (typeof TipChannel)[keyof typeof TipChannel];
export const TIP_CHANNELS = Object.values(TipChannel) as readonly TipChannel[];
export const TIP_CHANNEL_LABELS: Record<TipChannel, { zh: string; en: string }> = {
  web: { zh: '网上举报', en: 'Web' },
  hotline_12350: { zh: '12350热线', en: 'Hotline 12350' },
  phone: { zh: '电话举报', en: 'Phone' },
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  informant: { zh: '信息员报告', en: 'Informant' },
};
/** Channels whose tips staff enter by hand (the others come in through their own pages). */
export const STAFF_ENTRY_CHANNELS = ['hotline_12350', 'phone', 'letter', 'visit'] as const;
export type StaffEntryChannel = (typeof STAFF_ENTRY_CHANNELS)[number];

/** Why a tip is not accepted. */
export const TIP_REJECT_REASONS = ['out_of_scope', 'duplicate', 'insufficient'] as const;
export type TipRejectReason = (typeof TIP_REJECT_REASONS)[number];
export const TIP_REJECT_REASON_LABELS: Record<TipRejectReason, { zh: string; en: string }> = {
  out_of_scope: { zh: '不属于本部门职责范围', en: 'Out of scope' },
  duplicate: { zh: '重复举报', en: 'Duplicate' },
  insufficient: { zh: '举报内容不具体，无法核查', en: 'Insufficient information' },
};

/** What the verification found (核查结果). */
export const TIP_VERIFICATION_RESULTS = ['true', 'partly_true', 'not_true'] as const;
export type TipVerificationResult = (typeof TIP_VERIFICATION_RESULTS)[number];
export const TIP_VERIFICATION_RESULT_LABELS: Record<
  TipVerificationResult,
  { zh: string; en: string }
> = {
  true: { zh: '属实', en: 'True' },
  partly_true: { zh: '部分属实', en: 'Partly true' },
  not_true: { zh: '不属实', en: 'Not true' },
};

/** Messages on a tip. Staff write note/reply/question; the reporter writes the other two. */
export const TIP_MESSAGE_KINDS = [
  'note',
  'reply',
  'question',
  'reporter_info',
  'reporter_answer',
] as const;
export type TipMessageKind = (typeof TIP_MESSAGE_KINDS)[number];
/** The kinds the reporter sees on the public status page; internal notes never. */
export const REPORTER_VISIBLE_MESSAGE_KINDS: readonly TipMessageKind[] = [
  'reply',
  'question',
  'reporter_info',
  'reporter_answer',
];
export const TIP_MESSAGE_KIND_LABELS: Record<TipMessageKind, { zh: string; en: string }> = {
  note: { zh: '内部备注', en: 'Internal note' },
  reply: { zh: '答复举报人', en: 'Reply' },
  question: { zh: '向举报人提问', en: 'Question' },
  reporter_info: { zh: '举报人补充', en: 'Added by the reporter' },
  reporter_answer: { zh: '举报人回答', en: "Reporter's answer" },
};

/**
 * Deadlines of tip handling. Defaults (the deployment changes this constant to its local rules):
 * - acceptance within 5 working days of receipt (common local practice for 受理 decisions);
 * - verification within 60 days of acceptance, extendable once by up to 30 days — the limits of
 *   《安全生产领域举报奖励办法》(2018) for 核查处理 of hazards and violations.
 * Working days skip Saturdays and Sundays and the dates in `holidays`; dates in `workdays` are
 * worked weekends (调休). Both lists start empty: add the year's State Council holiday notice.
 */
export const TIP_DEADLINES = {
  acceptanceWorkingDays: 5,
  verificationDays: 60,
  extensionDays: 30,
  holidays: [] as readonly string[],
  workdays: [] as readonly string[],
};
export type TipDeadlines = typeof TIP_DEADLINES;

/** The last day to decide whether to accept a tip received on `receivedDate` (a date in China). */
export function acceptanceDueDate(receivedDate: string, rules: TipDeadlines = TIP_DEADLINES) {
  return addWorkingDays(receivedDate, rules.acceptanceWorkingDays, rules.holidays, rules.workdays);
}

/** The last day to finish verifying a tip accepted on `acceptedDate`. */
export function verificationDueDate(acceptedDate: string, rules: TipDeadlines = TIP_DEADLINES) {
  return addDays(acceptedDate.slice(0, 10), rules.verificationDays);
}

/** The latest due date an extension may set for a tip accepted on `acceptedDate`. */
export function latestExtendedDueDate(acceptedDate: string, rules: TipDeadlines = TIP_DEADLINES) {
  return addDays(acceptedDate.slice(0, 10), rules.verificationDays + rules.extensionDays);
}

/** Overdue: the current stage's due date passed while the tip is still open (derived). */
export function isTipOverdue(
  tip: { status: TipStatus; dueDate: string | null },
  today: string,
): boolean {
  return OPEN_TIP_STATUSES.includes(tip.status) && tip.dueDate !== null && tip.dueDate < today;
}

/** Actions on a tip. Those in TRANSITIONS move it; the rest record facts or messages. */
export const TipAction = {
  Accept: 'accept',
  Reject: 'reject',
  Reopen: 'reopen',
  Assign: 'assign',
  Extend: 'extend',
  Verify: 'verify',
  Close: 'close',
  Classify: 'classify',
  Link: 'link',
  CreateHazard: 'create_hazard',
  Note: 'note',
  Reply: 'reply',
  Ask: 'ask',
} as const;
export type TipAction = (typeof TipAction)[keyof typeof TipAction];
export const TIP_ACTIONS = Object.values(TipAction) as readonly TipAction[];
export const TIP_ACTION_LABELS: Record<TipAction, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'Accept' },
  reject: { zh: '不予受理', en: 'Reject' },
  reopen: { zh: '重新受理', en: 'Reopen' },
  assign: { zh: '交办核查', en: 'Assign' },
  extend: { zh: '延长核查期限', en: 'Extend' },
  verify: { zh: '登记核查结果', en: 'Record verification' },
  close: { zh: '办结', en: 'Close' },
  classify: { zh: '修改企业和行业', en: 'Classify' },
  link: { zh: '关联处理结果', en: 'Link result' },
  create_hazard: { zh: '登记为隐患', en: 'Record as hazard' },
  note: { zh: '内部备注', en: 'Internal note' },
  reply: { zh: '答复举报人', en: 'Reply' },
  ask: { zh: '向举报人提问', en: 'Ask the reporter' },
};

/** The workflow table: the actions each status allows (before role and fact checks). */
export const TIP_WORKFLOW = {
  received: ['accept', 'reject', 'classify', 'note', 'reply', 'ask'],
  accepted: ['assign', 'reject', 'classify', 'note', 'reply', 'ask'],
  rejected: ['reopen', 'note', 'reply'],
  verifying: [
    'assign',
    'extend',
    'verify',
    'classify',
    'link',
    'create_hazard',
    'note',
    'reply',
    'ask',
  ],
  verified: ['close', 'link', 'create_hazard', 'note', 'reply'],
  closed: ['note'],
} as const satisfies Record<TipStatus, readonly TipAction[]>;

/** Where a status-changing action leads; actions not listed keep the status. */
const TRANSITIONS: Partial<Record<TipAction, Partial<Record<TipStatus, TipStatus>>>> = {
  accept: { received: 'accepted' },
  reject: { received: 'rejected', accepted: 'rejected' },
  reopen: { rejected: 'received' },
  assign: { accepted: 'verifying' },
  verify: { verifying: 'verified' },
  close: { verified: 'closed' },
};

/** The status after taking `action` in `status` (the same status for recording actions). */
export function nextTipStatus(status: TipStatus, action: TipAction): TipStatus {
  return TRANSITIONS[action]?.[status] ?? status;
}

/** The facts about one tip that decide which actions are open. */
export type TipFacts = {
  status: TipStatus;
  /** The tip names an enterprise of the registry (needed for a ledger hazard). */
  hasEnterprise: boolean;
  hasHazard: boolean;
  /** The reporter can read replies: a receipt code or an informant's login. */
  reporterReachable: boolean;
  assignedUserId: number | null;
  assignedUnitId: number | null;
  /** The verification deadline was already extended once. */
  extended: boolean;
  verificationResult: TipVerificationResult | null;
};

/** Who acts: the role and where the user sits. */
export type TipActor = { role: Role; userId: number; orgUnitId: number };

/** Why an action is refused, for the 409 answer; null when allowed. */
export function tipRefusal(facts: TipFacts, action: TipAction, actor: TipActor): string | null {
  if (!(TIP_WORKFLOW[facts.status] as readonly TipAction[]).includes(action)) {
    return `当前状态“${TIP_STATUS_LABELS[facts.status].zh}”不能执行“${TIP_ACTION_LABELS[action].zh}”`;
  }
  if (!roleHas(actor.role, Permission.TipManage)) return '无权办理举报';
  switch (action) {
    case 'verify': {
      // An inspector records the result of a tip given to them or their unit; offices and the
      // bureau administrator may record any tip of their scope.
      if (actor.role !== 'inspector') return null;
      if (facts.assignedUserId !== null && facts.assignedUserId !== actor.userId)
        return '该举报已交由其他人员核查';
      if (facts.assignedUserId === null && facts.assignedUnitId !== actor.orgUnitId)
        return '该举报已交由其他单位核查';
      return null;
    }
    case 'extend':
      return facts.extended ? '核查期限已延长过一次' : null;
    case 'create_hazard':
      if (!facts.hasEnterprise) return '须先确定被举报企业（从企业库选择）';
      if (facts.hasHazard) return '已关联台账隐患';
      if (facts.verificationResult === 'not_true') return '核查不属实的举报不能登记隐患';
      return null;
    case 'reply':
    case 'ask':
      return facts.reporterReachable
        ? null
        : '举报人没有回执码，无法在线查看答复，请电话或书面告知';
    case 'accept':
    case 'reject':
    case 'reopen':
    case 'assign':
    case 'close':
    case 'classify':
    case 'link':
    case 'note':
      return null;
  }
}

/** The actions this actor may take now: what the UI shows as buttons. */
export function availableTipActions(facts: TipFacts, actor: TipActor): TipAction[] {
  return TIP_WORKFLOW[facts.status].filter((a) => tipRefusal(facts, a, actor) === null);
}

/** Replays a tip's history to the status it must have now (checks stored state). */
export function foldTipHistory(events: readonly { action: string }[]): TipStatus {
  let status: TipStatus = 'received';
  for (const e of events) {
    if ((TIP_ACTIONS as readonly string[]).includes(e.action))
      status = nextTipStatus(status, e.action as TipAction);
  }
  return status;
}
