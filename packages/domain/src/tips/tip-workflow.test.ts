import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  acceptanceDueDate,
  availableTipActions,
  foldTipHistory,
  isTipOverdue,
  latestExtendedDueDate,
  nextTipStatus,
  TIP_ACTIONS,
  TIP_DEADLINES,
  TIP_STATUSES,
  TIP_WORKFLOW,
  type TipAction,
  type TipActor,
  type TipFacts,
  type TipStatus,
  tipRefusal,
  verificationDueDate,
} from './tip-workflow.js';

const facts = (over: Partial<TipFacts> = {}): TipFacts => ({
  status: 'received',
  hasEnterprise: true,
  hasHazard: false,
  reporterReachable: true,
  assignedUserId: null,
  assignedUnitId: null,
  extended: false,
  verificationResult: null,
  ...over,
});
const admin: TipActor = { role: 'bureau_admin', userId: 1, orgUnitId: 100 };
const office: TipActor = { role: 'office', userId: 2, orgUnitId: 101 };
const inspector: TipActor = { role: 'inspector', userId: 3, orgUnitId: 102 };
const otherInspector: TipActor = { role: 'inspector', userId: 4, orgUnitId: 103 };
const city: TipActor = { role: 'city', userId: 5, orgUnitId: 1 };
const enterprise: TipActor = { role: 'ent_leader', userId: 6, orgUnitId: 100 };
const informant: TipActor = { role: 'informant', userId: 7, orgUnitId: 100 };

/** The expected answer for every status × action with the most permissive facts. */
const EXPECTED: Record<TipStatus, readonly TipAction[]> = {
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
};

describe('tip workflow table', () => {
  it('every status × action is allowed exactly as the table says, else refused with a reason', () => {
    for (const status of TIP_STATUSES) {
      for (const action of TIP_ACTIONS) {
        const allowed = EXPECTED[status].includes(action);
        for (const actor of [admin, office]) {
          const why = tipRefusal(facts({ status }), action, actor);
          if (allowed) expect(why, `${status} × ${action}`).toBeNull();
          else expect(why, `${status} × ${action}`).toMatch(/^当前状态“.+”不能执行“.+”$/);
        }
      }
      expect([...TIP_WORKFLOW[status]].sort()).toEqual([...EXPECTED[status]].sort());
    }
  });

  it('moves received → accepted → verifying → verified → closed, with reject and reopen', () => {
    expect(nextTipStatus('received', 'accept')).toBe('accepted');
    expect(nextTipStatus('received', 'reject')).toBe('rejected');
    expect(nextTipStatus('accepted', 'reject')).toBe('rejected');
    expect(nextTipStatus('rejected', 'reopen')).toBe('received');
    expect(nextTipStatus('accepted', 'assign')).toBe('verifying');
    expect(nextTipStatus('verifying', 'assign')).toBe('verifying'); // reassignment
    expect(nextTipStatus('verifying', 'verify')).toBe('verified');
    expect(nextTipStatus('verified', 'close')).toBe('closed');
    for (const a of ['note', 'reply', 'ask', 'link', 'classify', 'extend'] as const)
      expect(nextTipStatus('verifying', a)).toBe('verifying');
    expect(TIP_WORKFLOW.closed).toEqual(['note']);
  });

  it('only the roles that manage tips act; readers, enterprises and informants get nothing', () => {
    for (const status of TIP_STATUSES) {
      for (const actor of [city, enterprise, informant]) {
        expect(availableTipActions(facts({ status }), actor)).toEqual([]);
      }
    }
    expect(tipRefusal(facts(), 'accept', city)).toBe('无权办理举报');
  });

  it('an inspector records the result only of a tip given to them or their unit', () => {
    const toMe = facts({ status: 'verifying', assignedUserId: 3, assignedUnitId: 102 });
    expect(tipRefusal(toMe, 'verify', inspector)).toBeNull();
    expect(tipRefusal(toMe, 'verify', otherInspector)).toBe('该举报已交由其他人员核查');
    const toUnit = facts({ status: 'verifying', assignedUnitId: 102 });
    expect(tipRefusal(toUnit, 'verify', inspector)).toBeNull();
    expect(tipRefusal(toUnit, 'verify', otherInspector)).toBe('该举报已交由其他单位核查');
    expect(tipRefusal(toMe, 'verify', office)).toBeNull();
    expect(tipRefusal(toMe, 'verify', admin)).toBeNull();
  });

  it('checks the facts of hazards, extensions and replies', () => {
    const v = facts({ status: 'verifying' });
    expect(tipRefusal({ ...v, hasEnterprise: false }, 'create_hazard', office)).toMatch(/企业/);
    expect(tipRefusal({ ...v, hasHazard: true }, 'create_hazard', office)).toBe('已关联台账隐患');
    expect(
      tipRefusal(
        facts({ status: 'verified', verificationResult: 'not_true' }),
        'create_hazard',
        office,
      ),
    ).toMatch(/不属实/);
    expect(tipRefusal({ ...v, extended: true }, 'extend', office)).toMatch(/已延长/);
    expect(tipRefusal({ ...v, reporterReachable: false }, 'reply', office)).toMatch(/回执码/);
    expect(tipRefusal({ ...v, reporterReachable: false }, 'ask', office)).toMatch(/回执码/);
    expect(tipRefusal({ ...v, reporterReachable: false }, 'note', office)).toBeNull();
  });

  it('available actions are always a subset of the table (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIP_STATUSES),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.constantFrom(3, 4)),
        fc.constantFrom(admin, office, inspector, otherInspector, city),
        (status, hasEnterprise, hasHazard, reachable, extended, assignedUserId, actor) => {
          const f = facts({
            status,
            hasEnterprise,
            hasHazard,
            reporterReachable: reachable,
            extended,
            assignedUserId,
            assignedUnitId: 102,
          });
          const actions = availableTipActions(f, actor);
          for (const a of actions) expect(TIP_WORKFLOW[status]).toContain(a);
          for (const a of TIP_ACTIONS)
            expect(actions.includes(a)).toBe(tipRefusal(f, a, actor) === null);
        },
      ),
    );
  });

  it('folds a history back to its status', () => {
    expect(foldTipHistory([])).toBe('received');
    expect(
      foldTipHistory([
        { action: 'created' },
        { action: 'accept' },
        { action: 'note' },
        { action: 'assign' },
        { action: 'assign' },
        { action: 'verify' },
        { action: 'close' },
      ]),
    ).toBe('closed');
    expect(foldTipHistory([{ action: 'reject' }, { action: 'reopen' }, { action: 'accept' }])).toBe(
      'accepted',
    );
  });
});

describe('tip deadlines', () => {
  it('counts acceptance in working days, skipping weekends, holidays, honouring worked weekends', () => {
    // 2026-11-27 is a Friday.
    expect(acceptanceDueDate('2026-11-23')).toBe('2026-11-30');
    const rules = { ...TIP_DEADLINES, holidays: ['2026-11-30'], workdays: ['2026-11-28'] };
    expect(acceptanceDueDate('2026-11-27', { ...rules, acceptanceWorkingDays: 1 })).toBe(
      '2026-11-28',
    );
    expect(acceptanceDueDate('2026-11-27', { ...rules, acceptanceWorkingDays: 2 })).toBe(
      '2026-12-01',
    );
  });

  it('computes the default due dates: 5 working days to accept, 60 (+30) days to verify', () => {
    expect(TIP_DEADLINES.acceptanceWorkingDays).toBe(5);
    expect(TIP_DEADLINES.verificationDays).toBe(60);
    expect(acceptanceDueDate('2026-11-27')).toBe('2026-12-04');
    expect(verificationDueDate('2026-12-01')).toBe('2027-01-30');
    expect(latestExtendedDueDate('2026-12-01')).toBe('2027-03-01');
  });

  it('is overdue only while open', () => {
    expect(isTipOverdue({ status: 'verifying', dueDate: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(isTipOverdue({ status: 'verifying', dueDate: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(isTipOverdue({ status: 'verified', dueDate: '2026-01-01' }, '2026-01-02')).toBe(false);
    expect(isTipOverdue({ status: 'received', dueDate: null }, '2026-01-02')).toBe(false);
  });
});
