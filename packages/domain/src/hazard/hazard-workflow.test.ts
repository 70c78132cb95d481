import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  availableActions,
  foldHistory,
  HAZARD_ACTIONS,
  HAZARD_STATUSES,
  HAZARD_WORKFLOW,
  type HazardAction,
  type HazardFacts,
  type HazardStatus,
  isOverdue,
  nextStatus,
  refusal,
} from './hazard-workflow.js';
import { fenToYuan, missingPlanItems, yuanToFen } from './hazard.js';

const facts = (over: Partial<HazardFacts> = {}): HazardFacts => ({
  status: 'reported',
  level: 'major',
  treatment: 'deadline',
  planComplete: true,
  reportedToBureau: false,
  leaderAccepted: false,
  fixedByUserId: null,
  supervised: false,
  extensionRequested: false,
  ...over,
});
const leader = { role: 'ent_leader' as const, userId: 10 };
const safety = { role: 'ent_safety' as const, userId: 11 };
const inspector = { role: 'inspector' as const, userId: 20 };
const city = { role: 'city' as const, userId: 30 };

describe('hazard workflow table', () => {
  it('every status × action is either in the table or refused with a reason', () => {
    for (const status of HAZARD_STATUSES) {
      for (const action of HAZARD_ACTIONS) {
        const listed = (HAZARD_WORKFLOW[status] as readonly HazardAction[]).includes(action);
        const reasons = [leader, safety, inspector].map((a) =>
          refusal(facts({ status }), action, a),
        );
        if (!listed) {
          for (const r of reasons) expect(r).toMatch(/当前状态/);
        }
      }
    }
  });

  it('moves along the loop and never leaves verified', () => {
    expect(nextStatus('reported', 'submit_plan')).toBe('planned');
    expect(nextStatus('planned', 'approve_plan')).toBe('rectifying');
    expect(nextStatus('planned', 'return_plan')).toBe('reported');
    expect(nextStatus('rectifying', 'submit_fix')).toBe('rectified');
    expect(nextStatus('reported', 'fix_on_spot')).toBe('fixed_on_spot');
    expect(nextStatus('fixed_on_spot', 'submit_fix')).toBe('rectified');
    expect(nextStatus('rectified', 'reject_fix')).toBe('rectifying');
    expect(nextStatus('rectified', 'verify')).toBe('verified');
    expect(nextStatus('rectifying', 'report_to_bureau')).toBe('rectifying');
    expect(HAZARD_WORKFLOW.verified).toEqual([]);
  });

  it('a major hazard cannot leave reported without the five-item plan', () => {
    expect(refusal(facts({ planComplete: false }), 'submit_plan', safety)).toMatch(/五落实/);
    expect(refusal(facts({ planComplete: true }), 'submit_plan', safety)).toBeNull();
    expect(
      refusal(facts({ level: 'general', planComplete: false }), 'submit_plan', safety),
    ).toBeNull();
  });

  it('only the leader approves plans and accepts fixes', () => {
    const planned = facts({ status: 'planned' });
    expect(refusal(planned, 'approve_plan', safety)).toMatch(/主要负责人/);
    expect(refusal(planned, 'approve_plan', inspector)).toMatch(/主要负责人/);
    expect(refusal(planned, 'approve_plan', leader)).toBeNull();
    expect(refusal(facts({ status: 'rectified' }), 'accept_fix', leader)).toBeNull();
    expect(refusal(facts({ status: 'rectified' }), 'accept_fix', safety)).not.toBeNull();
  });

  it('a major hazard is verified by bureau staff who did not enter the fix, after the leader accepted', () => {
    const rectified = facts({ status: 'rectified', fixedByUserId: 20 });
    expect(refusal(rectified, 'verify', inspector)).toMatch(/主要负责人验收/);
    const accepted = { ...rectified, leaderAccepted: true };
    expect(refusal(accepted, 'verify', leader)).toMatch(/应急管理部门/);
    expect(refusal(accepted, 'verify', inspector)).toMatch(/不能验收/);
    expect(refusal(accepted, 'verify', { role: 'office', userId: 21 })).toBeNull();
    expect(refusal(accepted, 'verify', city)).not.toBeNull();
  });

  it('a general hazard can be verified by the enterprise leader', () => {
    const accepted = facts({
      status: 'rectified',
      level: 'general',
      leaderAccepted: true,
      fixedByUserId: 11,
    });
    expect(refusal(accepted, 'verify', leader)).toBeNull();
    expect(refusal(accepted, 'verify', safety)).not.toBeNull();
  });

  it('supervision and grading are bureau acts', () => {
    expect(refusal(facts(), 'supervise', leader)).not.toBeNull();
    expect(refusal(facts(), 'supervise', inspector)).toBeNull();
    expect(refusal(facts(), 'lift_supervision', inspector)).toMatch(/未挂牌/);
    expect(refusal(facts(), 'change_level', inspector)).toBeNull();
    expect(refusal(facts(), 'change_level', safety)).not.toBeNull();
  });

  it('available actions are exactly the unrefused ones of the status', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HAZARD_STATUSES),
        fc.constantFrom('general' as const, 'major' as const),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(leader, safety, inspector, city),
        (status: HazardStatus, level, planComplete, leaderAccepted, actor) => {
          const f = facts({ status, level, planComplete, leaderAccepted });
          const actions = availableActions(f, actor);
          for (const a of actions) expect(refusal(f, a, actor)).toBeNull();
          for (const a of HAZARD_ACTIONS.filter((x) => !actions.includes(x)))
            expect(refusal(f, a, actor)).not.toBeNull();
          if (actor.role === 'city') expect(actions).toEqual([]);
        },
      ),
    );
  });

  it('folds history back to the current status', () => {
    expect(
      foldHistory([
        { action: 'created' },
        { action: 'submit_plan' },
        { action: 'approve_plan' },
        { action: 'submit_fix' },
        { action: 'reject_fix' },
      ]),
    ).toBe('rectifying');
    expect(
      foldHistory([
        { action: 'created' },
        { action: 'fix_on_spot' },
        { action: 'submit_fix' },
        { action: 'accept_fix' },
        { action: 'verify' },
      ]),
    ).toBe('verified');
  });

  it('derives overdue from the deadline and status', () => {
    expect(isOverdue({ status: 'rectifying', deadline: '2023-07-01' }, '2023-07-02')).toBe(true);
    expect(isOverdue({ status: 'rectifying', deadline: '2023-07-02' }, '2023-07-02')).toBe(false);
    expect(isOverdue({ status: 'verified', deadline: '2023-07-01' }, '2023-08-01')).toBe(false);
    expect(isOverdue({ status: 'reported', deadline: null }, '2023-08-01')).toBe(false);
  });
});

describe('money and plans', () => {
  it('converts yuan to integer fen without floats', () => {
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('100')).toBe(10000);
    expect(fenToYuan(123450)).toBe('1234.50');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
  it('lists the missing plan items', () => {
    expect(missingPlanItems(null)).toHaveLength(6);
    expect(
      missingPlanItems({
        responsiblePerson: '张',
        measures: '',
        fundsYuan: '1',
        fundsSource: '安全费用',
        deadline: '2023-01-01',
        emergencyMeasures: 'x',
      }),
    ).toEqual(['measures']);
  });

  it('lets the bureau order a deadline while the hazard is open and not yet fixed', () => {
    for (const status of ['reported', 'planned', 'rectifying'] as const) {
      expect(refusal(facts({ status }), 'order_deadline', inspector)).toBeNull();
      expect(refusal(facts({ status }), 'order_deadline', safety)).toBe('该操作由应急管理部门办理');
      expect(nextStatus(status, 'order_deadline')).toBe(status);
    }
    for (const status of ['fixed_on_spot', 'rectified', 'verified'] as const) {
      expect(refusal(facts({ status }), 'order_deadline', inspector)).toMatch(/当前状态/);
    }
    expect(refusal(facts({ status: 'rectifying' }), 'order_deadline', city)).not.toBeNull();
  });
});
