import type { HazardLevel, HazardOrigin } from '../hazard/hazard.js';
import { HAZARD_ORIGIN_LABELS, SELF_FOUND_ORIGINS } from '../hazard/hazard.js';
import type { HazardStatus } from '../hazard/hazard-workflow.js';
import type { FindingPenaltyDecision } from './inspection-record.js';

// The no-penalty rule for self-found major hazards (DESIGN.md §5; regulations.zh.md §4: 应急
// 〔2025〕11号 as reported by provincial bureaus; legal grounds 行政处罚法第三十二条、第三十三条).
// The inspection record shows the rule and records the decision either way.
//
// The rule applies when all of these hold:
//  1. the hazard is a major hazard (重大事故隐患) — the rule speaks only of those;
//  2. the enterprise found it itself: origin self_check, leader_check or accident_lesson
//     (SELF_FOUND_ORIGINS in hazard.ts; an accident-lesson check is the enterprise's own
//     排查 prompted by an alert, so it counts);
//  3. it was reported to the bureau (已按规定报告) on or before the day of the decision — a report
//     made after that day cannot have preceded the inspection;
//  4. it is being fixed effectively (正在有效整改), or already fixed:
//     - planned with the plan approved, rectifying (which in the ledger implies an approved plan),
//       fixed_on_spot, rectified, or verified (already eliminated: "已按规定报告并整改的依法不予处罚");
//     - reported (no plan yet) or planned without approval is not yet 整改;
//     - not past its deadline: the day compared is the day the fix was submitted when it is known
//       (fixed_on_spot / rectified / verified), otherwise the decision day; the deadline day itself
//       still counts as in time (consistent with isOverdue: overdue means deadline < day);
//     - a hazard in planned or rectifying without a deadline cannot be judged effective; one fixed on
//       the spot needs none.

/** The rule as shown on the record. */
export const NO_PENALTY_RULE = {
  zh: '企业自查发现并已按规定报告、正在有效整改的重大事故隐患依法不予行政处罚',
  en: 'A major hazard the enterprise found itself, reported as required and is fixing effectively is not penalised',
} as const;

/** The legal grounds cited with the rule. */
export const NO_PENALTY_BASIS = {
  zh: '《中华人民共和国行政处罚法》第三十二条、第三十三条；《应急管理部关于严格规范安全生产执法行为的通知》（应急〔2025〕11号）',
  en: 'Administrative Penalty Law arts. 32–33; MEM notice 应急〔2025〕11号',
} as const;

/** The facts of one hazard that the rule looks at. Dates are YYYY-MM-DD (date-times are cut to the day). */
export type NoPenaltyFacts = {
  origin: HazardOrigin;
  level: HazardLevel;
  reportedToBureauAt: string | null;
  status: HazardStatus;
  planApproved: boolean;
  deadline: string | null;
  /** When the fix was submitted (fixed_on_spot, rectified, verified); null or absent if unknown. */
  fixedAt?: string | null;
  /** The day of the decision (usually the inspection day). */
  today: string;
};

/** Whether the rule applies, and why (the conditions met when it does, those unmet when not). */
export type NoPenaltyEvaluation = { applies: boolean; reasons: string[] };

const day = (value: string) => value.slice(0, 10);

const FIXED_STATUSES: readonly HazardStatus[] = ['fixed_on_spot', 'rectified', 'verified'];

/** Evaluates the no-penalty rule for self-found, reported, effectively-fixed major hazards. */
export function evaluateNoPenalty(facts: NoPenaltyFacts): NoPenaltyEvaluation {
  const met: string[] = [];
  const unmet: string[] = [];
  const check = (ok: boolean, yes: string, no: string) => (ok ? met : unmet).push(ok ? yes : no);

  check(facts.level === 'major', '属于重大事故隐患', '该隐患不是重大事故隐患，本规则不适用');

  const origin = HAZARD_ORIGIN_LABELS[facts.origin].zh;
  check(
    SELF_FOUND_ORIGINS.includes(facts.origin),
    `由企业自行发现（${origin}）`,
    `隐患来源为“${origin}”，不属于企业自查发现`,
  );

  const today = day(facts.today);
  if (facts.reportedToBureauAt === null) {
    unmet.push('未向应急管理部门报告');
  } else {
    const reported = day(facts.reportedToBureauAt);
    check(
      reported <= today,
      `已于${reported}向应急管理部门报告`,
      `向应急管理部门报告的日期（${reported}）晚于${today}`,
    );
  }

  const effective = rectificationProblem(facts);
  check(effective === null, '正在有效整改或已整改', effective ?? '');

  return unmet.length === 0 ? { applies: true, reasons: met } : { applies: false, reasons: unmet };
}

/** Why the hazard is not being fixed effectively, or null when it is. */
function rectificationProblem(facts: NoPenaltyFacts): string | null {
  switch (facts.status) {
    case 'reported':
      return '尚未制定经批准的整改方案，不属于正在整改';
    case 'planned':
      if (!facts.planApproved) return '整改方案尚未批准，不属于正在整改';
      break;
    case 'rectifying':
    case 'fixed_on_spot':
    case 'rectified':
    case 'verified':
      break;
  }
  const fixed = FIXED_STATUSES.includes(facts.status);
  if (facts.deadline === null) {
    return fixed ? null : '未确定整改期限，无法认定为有效整改';
  }
  const deadline = day(facts.deadline);
  const compared = fixed && facts.fixedAt ? day(facts.fixedAt) : day(facts.today);
  if (compared > deadline) {
    return fixed && facts.fixedAt
      ? `整改完成日期（${compared}）晚于整改期限（${deadline}）`
      : `已超过整改期限（${deadline}）仍未完成整改`;
  }
  return null;
}

/**
 * Checks the decision recorded against the rule: when it applies, a penalty may not be proposed
 * (依法不予); when it does not, an exemption needs another stated reason. Null when consistent.
 */
export function noPenaltyDecisionProblem(
  evaluation: NoPenaltyEvaluation,
  decision: FindingPenaltyDecision,
  note: string | null,
): string | null {
  if (evaluation.applies && decision === 'propose_case') {
    return '该隐患符合“企业自查发现并已按规定报告、正在有效整改的重大事故隐患依法不予行政处罚”，不能拟立案处罚';
  }
  if (!evaluation.applies && decision === 'exempt' && (note ?? '').trim().length < 2) {
    return '不符合自查自报免罚规则，作出不予处罚决定须说明其他理由和依据';
  }
  return null;
}
