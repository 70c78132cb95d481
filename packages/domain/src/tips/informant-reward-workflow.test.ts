import { describe, expect, it } from 'vitest';
import {
  availableRewardActions,
  claimStatusOf,
  nextRewardStatus,
  REWARD_ACTIONS,
  REWARD_STATUSES,
  REWARD_WORKFLOW,
  rewardActionRefusal,
} from './informant-reward-workflow.js';

const proposed = { status: 'proposed' as const, proposedBy: 1, amendedBy: null };

describe('reward case workflow', () => {
  it('moves proposed → approved → paid, or to rejected', () => {
    expect(nextRewardStatus('proposed', 'approve')).toBe('approved');
    expect(nextRewardStatus('approved', 'pay')).toBe('paid');
    expect(nextRewardStatus('proposed', 'reject')).toBe('rejected');
    expect(nextRewardStatus('approved', 'reject')).toBe('rejected');
    expect(nextRewardStatus('proposed', 'amend')).toBe('proposed');
  });

  it('ends at paid and rejected', () => {
    expect(REWARD_WORKFLOW.paid).toEqual([]);
    expect(REWARD_WORKFLOW.rejected).toEqual([]);
  });

  it('every action the table allows leads somewhere the table knows', () => {
    for (const status of REWARD_STATUSES) {
      for (const action of REWARD_WORKFLOW[status]) {
        expect(REWARD_STATUSES).toContain(nextRewardStatus(status, action));
      }
    }
  });

  it('refuses actions the status does not allow', () => {
    for (const status of REWARD_STATUSES) {
      for (const action of REWARD_ACTIONS) {
        const allowed = (REWARD_WORKFLOW[status] as readonly string[]).includes(action);
        const refusal = rewardActionRefusal({ ...proposed, status }, action, 99);
        expect(refusal === null).toBe(allowed);
      }
    }
  });

  it('needs an approver other than the proposer and the last amender', () => {
    expect(rewardActionRefusal(proposed, 'approve', 1)).toMatch(/不能自己批准/);
    expect(rewardActionRefusal(proposed, 'approve', 2)).toBeNull();
    expect(rewardActionRefusal({ ...proposed, amendedBy: 2 }, 'approve', 2)).toMatch(/调整金额/);
    expect(availableRewardActions(proposed, 1)).toEqual(['amend', 'reject']);
    expect(availableRewardActions(proposed, 2)).toEqual(['amend', 'approve', 'reject']);
  });
});

describe('public claim status', () => {
  it('maps the case status to what a code holder may know', () => {
    expect(claimStatusOf(null)).toBe('none');
    expect(claimStatusOf('proposed')).toBe('under_review');
    expect(claimStatusOf('approved')).toBe('ready_to_claim');
    expect(claimStatusOf('paid')).toBe('paid');
    expect(claimStatusOf('rejected')).toBe('not_granted');
  });
});
