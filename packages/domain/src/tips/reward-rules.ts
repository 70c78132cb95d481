import { TipStatus, type TipVerificationResult } from './tip-workflow.js';

// Reward rules of tips (举报奖励, issue 8 item 6): whether a verified tip earns a reward case and
// how much the case proposes. The amount follows tiers by what the verification found and the
// penalty imposed: a share of the fine, never below the tier's floor nor above its cap.
//
// The figures below are ILLUSTRATIVE DEFAULTS. The district's own 《鄂尔多斯市东胜区安全生产领域
// 举报奖励办法》 is cited by the campaign plan (§四(四)) but its figures are not among our
// references, so nothing here is the official scale. A deployment replaces
// `DEFAULT_REWARD_RULES` (same shape, its own `name`) with the rules it has adopted; every
// reward case records the `name` of the rules that computed it.

/** What the verification of a tip found, in the order the tiers rank them. */
export const RewardFinding = {
  MajorHazard: 'major_hazard',
  Violation: 'violation',
  GeneralHazard: 'general_hazard',
} as const;
export type RewardFinding = (typeof RewardFinding)[keyof typeof RewardFinding];
export const REWARD_FINDINGS = Object.values(RewardFinding) as readonly RewardFinding[];
export const REWARD_FINDING_LABELS: Record<RewardFinding, { zh: string; en: string }> = {
  major_hazard: { zh: '重大事故隐患', en: 'Major accident hazard' },
  violation: { zh: '安全生产违法行为', en: 'Violation' },
  general_hazard: { zh: '一般隐患', en: 'General hazard' },
};

/** One tier: whether it opens a case, and the share of the fine with its floor and cap. */
export type RewardTierRule = {
  /** Whether this finding alone opens a reward case. */
  eligible: boolean;
  /** Share of the fine imposed, in basis points (1000 = 10 %). */
  fineShareBasisPoints: number;
  /** The least reward of the tier (also the reward when no fine was imposed), in fen. */
  floorFen: number;
  /** The most the tier pays, in fen. */
  capFen: number;
};

/** A complete set of reward rules. */
export type RewardRules = {
  /** Recorded on every case: which rules computed its amount. */
  name: string;
  tiers: Record<RewardFinding, RewardTierRule>;
};

/**
 * ILLUSTRATIVE default rules — not the figures of any official 举报奖励办法 (those are not in our
 * references). They show the shape: a major hazard or a violation opens a case; the reward is
 * 10 % (major hazard) or 8 % (violation) of the fine, with a floor and a cap. A general hazard
 * does not open a case by default (the issue rewards "a real major hazard or violation"); a
 * deployment may set `eligible: true` for it. Replace this constant with the local scale.
 */
export const DEFAULT_REWARD_RULES: RewardRules = {
  name: '示例默认规则（非官方标准）',
  tiers: {
    major_hazard: {
      eligible: true,
      fineShareBasisPoints: 1000,
      floorFen: 200_000, // ¥2,000 (illustrative)
      capFen: 10_000_000, // ¥100,000 (illustrative)
    },
    violation: {
      eligible: true,
      fineShareBasisPoints: 800,
      floorFen: 100_000, // ¥1,000 (illustrative)
      capFen: 5_000_000, // ¥50,000 (illustrative)
    },
    general_hazard: {
      eligible: false,
      fineShareBasisPoints: 500,
      floorFen: 20_000, // ¥200 (illustrative)
      capFen: 500_000, // ¥5,000 (illustrative)
    },
  },
};

/** The amount one tier gives for a fine (fen): the share, raised to the floor, held to the cap. */
export function tierAmountFen(rule: RewardTierRule, fineFen: number): number {
  const share = Math.floor((Math.max(0, fineFen) * rule.fineShareBasisPoints) / 10_000);
  return Math.min(rule.capFen, Math.max(rule.floorFen, share));
}

/** What the records say about a tip, as far as rewards are concerned. */
export type RewardFacts = {
  status: TipStatus;
  verificationResult: TipVerificationResult | null;
  /** Level of the ledger hazard the tip produced; null when none. */
  hazardLevel: 'major' | 'general' | null;
  /** A penalty case (not withdrawn or terminated) was opened from the tip. */
  violation: boolean;
  /** The total fine decided in that case (fen); 0 while undecided or without a case. */
  fineFen: number;
};

/** Statuses in which a tip's verification is final (verified, and closed after it). */
export const REWARD_TIP_STATUSES: readonly TipStatus[] = [TipStatus.Verified, TipStatus.Closed];

/** The findings of a tip, most serious first. */
export function rewardFindings(facts: RewardFacts): RewardFinding[] {
  const out: RewardFinding[] = [];
  if (facts.hazardLevel === 'major') out.push('major_hazard');
  if (facts.violation) out.push('violation');
  if (facts.hazardLevel === 'general') out.push('general_hazard');
  return out;
}

/** Why no reward case may open for a tip (Chinese, for the 409 answer); null when one may. */
export function rewardRefusal(facts: RewardFacts, rules = DEFAULT_REWARD_RULES): string | null {
  if (!REWARD_TIP_STATUSES.includes(facts.status)) return '举报尚未核查完毕，不能提出奖励';
  if (facts.verificationResult !== 'true' && facts.verificationResult !== 'partly_true') {
    return '只有核查属实或部分属实的举报才能奖励';
  }
  const eligible = rewardFindings(facts).filter((f) => rules.tiers[f].eligible);
  if (eligible.length === 0) return '核查未发现可奖励的重大事故隐患或违法行为';
  return null;
}

/** A computed reward: the tier that applies and its amount. */
export type RewardComputation = {
  finding: RewardFinding;
  fineFen: number;
  amountFen: number;
  rulesName: string;
};

/**
 * The reward a tip earns under the rules, or null when none. One reward per tip: when it found
 * several things (a major hazard and a violation), the tier giving the most applies — tiers do
 * not add up.
 */
export function computeReward(
  facts: RewardFacts,
  rules = DEFAULT_REWARD_RULES,
): RewardComputation | null {
  if (rewardRefusal(facts, rules) !== null) return null;
  let best: RewardComputation | null = null;
  for (const finding of rewardFindings(facts)) {
    const rule = rules.tiers[finding];
    if (!rule.eligible) continue;
    const amountFen = tierAmountFen(rule, facts.fineFen);
    if (!best || amountFen > best.amountFen) {
      best = { finding, fineFen: facts.fineFen, amountFen, rulesName: rules.name };
    }
  }
  return best;
}
