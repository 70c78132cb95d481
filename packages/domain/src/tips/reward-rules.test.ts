import { describe, expect, it } from 'vitest';
import {
  computeReward,
  DEFAULT_REWARD_RULES,
  type RewardFacts,
  type RewardRules,
  rewardFindings,
  rewardRefusal,
  tierAmountFen,
} from './reward-rules.js';

const verified = (patch: Partial<RewardFacts> = {}): RewardFacts => ({
  status: 'verified',
  verificationResult: 'true',
  hazardLevel: 'major',
  violation: false,
  fineFen: 0,
  ...patch,
});

const major = DEFAULT_REWARD_RULES.tiers.major_hazard;
const violation = DEFAULT_REWARD_RULES.tiers.violation;

describe('reward tiers', () => {
  it('pays the floor without a fine, the share above it, and never more than the cap', () => {
    const rule = {
      eligible: true,
      fineShareBasisPoints: 1000,
      floorFen: 200_000,
      capFen: 1_000_000,
    };
    expect(tierAmountFen(rule, 0)).toBe(200_000);
    // 10 % of ¥19,999.99 is just under the floor: the floor applies.
    expect(tierAmountFen(rule, 1_999_999)).toBe(200_000);
    // Exactly at the floor edge.
    expect(tierAmountFen(rule, 2_000_000)).toBe(200_000);
    // One fen over the edge of the floor: the share (rounded down to the fen).
    expect(tierAmountFen(rule, 2_000_010)).toBe(200_001);
    // Exactly at the cap edge, and beyond it.
    expect(tierAmountFen(rule, 10_000_000)).toBe(1_000_000);
    expect(tierAmountFen(rule, 10_000_010)).toBe(1_000_000);
    expect(tierAmountFen(rule, 1_000_000_000)).toBe(1_000_000);
  });

  it('rounds the share down to whole fen and ignores a negative fine', () => {
    const rule = { eligible: true, fineShareBasisPoints: 333, floorFen: 0, capFen: 1_000_000 };
    expect(tierAmountFen(rule, 100)).toBe(3);
    expect(tierAmountFen(rule, -500)).toBe(0);
  });

  it('are documented defaults: a major hazard ranks above a violation at every fine', () => {
    for (const fine of [0, 1_000_000, 5_000_000, 50_000_000, 500_000_000]) {
      expect(tierAmountFen(major, fine)).toBeGreaterThanOrEqual(tierAmountFen(violation, fine));
    }
    expect(DEFAULT_REWARD_RULES.name).toContain('非官方');
    expect(DEFAULT_REWARD_RULES.tiers.general_hazard.eligible).toBe(false);
  });
});

describe('when a reward case may open', () => {
  it('only after the verification found the tip true or partly true', () => {
    expect(rewardRefusal(verified())).toBeNull();
    expect(rewardRefusal(verified({ verificationResult: 'partly_true' }))).toBeNull();
    expect(rewardRefusal(verified({ status: 'closed' }))).toBeNull();
    expect(rewardRefusal(verified({ verificationResult: 'not_true' }))).toMatch(/属实/);
    expect(rewardRefusal(verified({ verificationResult: null }))).toMatch(/属实/);
    for (const status of ['received', 'accepted', 'verifying', 'rejected'] as const) {
      expect(rewardRefusal(verified({ status }))).toMatch(/尚未核查/);
    }
  });

  it('only for a major hazard or a violation by default', () => {
    expect(rewardRefusal(verified({ hazardLevel: 'general' }))).toMatch(/重大事故隐患或违法行为/);
    expect(rewardRefusal(verified({ hazardLevel: null }))).not.toBeNull();
    expect(rewardRefusal(verified({ hazardLevel: null, violation: true }))).toBeNull();
    expect(rewardRefusal(verified({ hazardLevel: 'general', violation: true }))).toBeNull();
  });

  it('for a general hazard when a deployment makes it eligible', () => {
    const rules: RewardRules = {
      name: 'local',
      tiers: {
        ...DEFAULT_REWARD_RULES.tiers,
        general_hazard: { ...DEFAULT_REWARD_RULES.tiers.general_hazard, eligible: true },
      },
    };
    const facts = verified({ hazardLevel: 'general' });
    expect(rewardRefusal(facts, rules)).toBeNull();
    expect(computeReward(facts, rules)).toEqual({
      finding: 'general_hazard',
      fineFen: 0,
      amountFen: rules.tiers.general_hazard.floorFen,
      rulesName: 'local',
    });
  });
});

describe('the computed reward', () => {
  it('takes the tier that gives most; tiers do not add up', () => {
    expect(rewardFindings(verified({ violation: true }))).toEqual(['major_hazard', 'violation']);
    const both = computeReward(verified({ violation: true, fineFen: 30_000_000 }));
    expect(both?.finding).toBe('major_hazard');
    expect(both?.amountFen).toBe(tierAmountFen(major, 30_000_000));
  });

  it('uses the fine for the violation tier with its floor and cap', () => {
    const facts = verified({ hazardLevel: null, violation: true });
    expect(computeReward({ ...facts, fineFen: 0 })?.amountFen).toBe(violation.floorFen);
    const atCap = Math.ceil((violation.capFen * 10_000) / violation.fineShareBasisPoints);
    expect(computeReward({ ...facts, fineFen: atCap })?.amountFen).toBe(violation.capFen);
    expect(computeReward({ ...facts, fineFen: atCap * 3 })?.amountFen).toBe(violation.capFen);
    expect(computeReward({ ...facts, fineFen: atCap })?.rulesName).toBe(DEFAULT_REWARD_RULES.name);
  });

  it('is null whenever a case may not open', () => {
    expect(computeReward(verified({ verificationResult: 'not_true' }))).toBeNull();
    expect(computeReward(verified({ hazardLevel: 'general' }))).toBeNull();
  });
});
