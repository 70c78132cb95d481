import type { Role } from '../identity/role.js';
import { isEnterpriseRole } from '../identity/role.js';
import type { HazardLevel, Treatment } from './hazard.js';

/** States of the closed loop (闭环管理, DESIGN.md §4). */
export const HazardStatus = {
  Reported: 'reported',
  Planned: 'planned',
  Rectifying: 'rectifying',
  FixedOnSpot: 'fixed_on_spot',
  Rectified: 'rectified',
  Verified: 'verified',
} as const;
export type HazardStatus = (typeof HazardStatus)[keyof typeof HazardStatus];
export const HAZARD_STATUSES = Object.values(HazardStatus) as readonly HazardStatus[];
export const HAZARD_STATUS_LABELS: Record<HazardStatus, { zh: string; en: string }> = {
  reported: { zh: '已登记', en: 'Reported' },
  planned: { zh: '方案待审批', en: 'Plan submitted' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  fixed_on_spot: { zh: '立即整改待验收', en: 'Fixed on the spot' },
  rectified: { zh: '已整改待验收', en: 'Rectified' },
  verified: { zh: '已销号', en: 'Verified (closed)' },
};

/** Actions on a hazard. Those in STATUS_CHANGING move it along the loop; the rest record facts. */
export const HazardAction = {
  SubmitPlan: 'submit_plan',
  ApprovePlan: 'approve_plan',
  ReturnPlan: 'return_plan',
  FixOnSpot: 'fix_on_spot',
  SubmitFix: 'submit_fix',
  AcceptFix: 'accept_fix',
  Verify: 'verify',
  RejectFix: 'reject_fix',
  ReportToBureau: 'report_to_bureau',
  RequestExtension: 'request_extension',
  ApproveExtension: 'approve_extension',
  ChangeLevel: 'change_level',
  Supervise: 'supervise',
  LiftSupervision: 'lift_supervision',
  /** The bureau's rectification order (责令限期整改) sets the deadline. */
  OrderDeadline: 'order_deadline',
} as const;
export type HazardAction = (typeof HazardAction)[keyof typeof HazardAction];
export const HAZARD_ACTIONS = Object.values(HazardAction) as readonly HazardAction[];

export const HAZARD_ACTION_LABELS: Record<HazardAction, { zh: string; en: string }> = {
  submit_plan: { zh: '提交整改方案', en: 'Submit plan' },
  approve_plan: { zh: '批准整改方案', en: 'Approve plan' },
  return_plan: { zh: '退回整改方案', en: 'Return plan' },
  fix_on_spot: { zh: '立即整改', en: 'Fix on the spot' },
  submit_fix: { zh: '提交整改结果', en: 'Submit fix' },
  accept_fix: { zh: '主要负责人验收', en: "Leader's acceptance" },
  verify: { zh: '验收销号', en: 'Verify and close' },
  reject_fix: { zh: '验收不通过', en: 'Reject fix' },
  report_to_bureau: { zh: '向应急管理部门报告', en: 'Report to the bureau' },
  request_extension: { zh: '申请延期', en: 'Request extension' },
  approve_extension: { zh: '批准延期', en: 'Approve extension' },
  change_level: { zh: '调整隐患等级', en: 'Change level' },
  supervise: { zh: '挂牌督办', en: 'Place under supervision' },
  lift_supervision: { zh: '解除督办', en: 'Lift supervision' },
  order_deadline: { zh: '责令限期整改', en: 'Order a deadline' },
};

/** The workflow table: the actions each status allows (before role and fact checks). */
export const HAZARD_WORKFLOW = {
  reported: [
    'submit_plan',
    'fix_on_spot',
    'report_to_bureau',
    'change_level',
    'supervise',
    'lift_supervision',
    'order_deadline',
  ],
  planned: [
    'approve_plan',
    'return_plan',
    'report_to_bureau',
    'change_level',
    'supervise',
    'lift_supervision',
    'order_deadline',
  ],
  rectifying: [
    'submit_fix',
    'request_extension',
    'approve_extension',
    'report_to_bureau',
    'change_level',
    'supervise',
    'lift_supervision',
    'order_deadline',
  ],
  fixed_on_spot: ['submit_fix', 'report_to_bureau', 'change_level'],
  rectified: [
    'accept_fix',
    'verify',
    'reject_fix',
    'report_to_bureau',
    'change_level',
    'supervise',
    'lift_supervision',
  ],
  verified: [],
} as const satisfies Record<HazardStatus, readonly HazardAction[]>;

/** Where a status-changing action leads; actions not listed keep the status. */
const TRANSITIONS: Partial<Record<HazardAction, Partial<Record<HazardStatus, HazardStatus>>>> = {
  submit_plan: { reported: 'planned' },
  approve_plan: { planned: 'rectifying' },
  return_plan: { planned: 'reported' },
  fix_on_spot: { reported: 'fixed_on_spot' },
  submit_fix: { rectifying: 'rectified', fixed_on_spot: 'rectified' },
  verify: { rectified: 'verified' },
  reject_fix: { rectified: 'rectifying' },
};

/** The status after taking `action` in `status` (the same status for recording actions). */
export function nextStatus(status: HazardStatus, action: HazardAction): HazardStatus {
  return TRANSITIONS[action]?.[status] ?? status;
}

/** Who may take an action: the enterprise side, the bureau side, or specifically the leader. */
const ACTION_SIDE: Record<HazardAction, 'enterprise' | 'leader' | 'bureau' | 'either'> = {
  submit_plan: 'enterprise',
  approve_plan: 'leader',
  return_plan: 'leader',
  fix_on_spot: 'enterprise',
  submit_fix: 'enterprise',
  accept_fix: 'leader',
  verify: 'either',
  reject_fix: 'either',
  report_to_bureau: 'enterprise',
  request_extension: 'enterprise',
  approve_extension: 'either',
  change_level: 'bureau',
  supervise: 'bureau',
  lift_supervision: 'bureau',
  order_deadline: 'bureau',
};

/** Bureau roles that act on hazards (the city and publicity only read). */
const BUREAU_ACTORS: readonly Role[] = ['bureau_admin', 'office', 'inspector'];

/** The facts about one hazard that decide which actions are open. */
export type HazardFacts = {
  status: HazardStatus;
  level: HazardLevel;
  treatment: Treatment;
  planComplete: boolean;
  reportedToBureau: boolean;
  leaderAccepted: boolean;
  fixedByUserId: number | null;
  supervised: boolean;
  extensionRequested: boolean;
};

/** Why an action is refused, for the 409 answer; null when allowed. */
export function refusal(
  facts: HazardFacts,
  action: HazardAction,
  actor: { role: Role; userId: number },
): string | null {
  if (!(HAZARD_WORKFLOW[facts.status] as readonly HazardAction[]).includes(action)) {
    return `当前状态“${HAZARD_STATUS_LABELS[facts.status].zh}”不能执行“${HAZARD_ACTION_LABELS[action].zh}”`;
  }
  const side = ACTION_SIDE[action];
  const enterprise = isEnterpriseRole(actor.role);
  const bureau = BUREAU_ACTORS.includes(actor.role);
  if (side === 'enterprise' && !enterprise) return '该操作由企业办理';
  if (side === 'leader' && actor.role !== 'ent_leader') return '该操作须由企业主要负责人办理';
  if (side === 'bureau' && !bureau) return '该操作由应急管理部门办理';
  if (side === 'either' && !enterprise && !bureau) return '无权办理该操作';

  switch (action) {
    case 'submit_plan':
      if (facts.level === 'major' && !facts.planComplete)
        return '重大事故隐患须先落实责任人、措施、资金、期限和应急预案（五落实）';
      return null;
    case 'fix_on_spot':
      return facts.treatment === 'immediate' ? null : '限期整改的隐患不能按立即整改办理';
    case 'report_to_bureau':
      return facts.reportedToBureau ? '已向应急管理部门报告' : null;
    case 'accept_fix':
      return facts.leaderAccepted ? '主要负责人已验收' : null;
    case 'verify':
      if (!facts.leaderAccepted) return '须先经企业主要负责人验收';
      if (facts.level === 'major') {
        if (!bureau) return '重大事故隐患须由应急管理部门验收销号';
        if (facts.fixedByUserId === actor.userId) return '录入整改结果的人员不能验收本隐患';
        return null;
      }
      return actor.role === 'ent_leader' || bureau ? null : '一般隐患由企业主要负责人验收销号';
    case 'reject_fix':
      if (facts.level === 'major' && !bureau) return '重大事故隐患的验收由应急管理部门办理';
      return enterprise && actor.role !== 'ent_leader' ? '须由企业主要负责人办理' : null;
    case 'request_extension':
      return facts.extensionRequested ? '已有待批准的延期申请' : null;
    case 'approve_extension':
      if (!facts.extensionRequested) return '没有待批准的延期申请';
      if (facts.level === 'major' && !bureau) return '重大事故隐患的延期须由应急管理部门批准';
      return enterprise && actor.role !== 'ent_leader' ? '须由企业主要负责人批准' : null;
    case 'supervise':
      return null; // re-supervising changes the level
    case 'lift_supervision':
      return facts.supervised ? null : '该隐患未挂牌督办';
    case 'approve_plan':
    case 'return_plan':
    case 'submit_fix':
    case 'change_level':
    case 'order_deadline':
      return null;
  }
}

/** The actions this actor may take now: what the UI shows as buttons. */
export function availableActions(
  facts: HazardFacts,
  actor: { role: Role; userId: number },
): HazardAction[] {
  return HAZARD_WORKFLOW[facts.status].filter((a) => refusal(facts, a, actor) === null);
}

/** Overdue: a deadline passed and the hazard is not verified (derived, never stored). */
export function isOverdue(
  hazard: { status: HazardStatus; deadline: string | null },
  today: string,
): boolean {
  return hazard.status !== 'verified' && hazard.deadline !== null && hazard.deadline < today;
}

/** Replays a hazard's history to the status it must have now (used to check stored state). */
export function foldHistory(events: readonly { action: HazardAction | 'created' }[]): HazardStatus {
  let status: HazardStatus = 'reported';
  for (const e of events) if (e.action !== 'created') status = nextStatus(status, e.action);
  return status;
}
