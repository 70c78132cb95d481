import { describe, expect, it } from 'vitest';
import { HAZARD_ORIGINS } from '../hazard/hazard.js';
import {
  evaluateNoPenalty,
  NO_PENALTY_RULE,
  noPenaltyDecisionProblem,
  type NoPenaltyFacts,
} from './no-penalty.js';

const facts = (over: Partial<NoPenaltyFacts> = {}): NoPenaltyFacts => ({
  origin: 'self_check',
  level: 'major',
  reportedToBureauAt: '2026-03-01T10:00:00+08:00',
  status: 'rectifying',
  planApproved: true,
  deadline: '2026-03-31',
  today: '2026-03-10',
  ...over,
});

describe('no-penalty rule', () => {
  it('applies to a self-found, reported major hazard being fixed in time', () => {
    const e = evaluateNoPenalty(facts());
    expect(e.applies).toBe(true);
    expect(e.reasons).toEqual([
      '属于重大事故隐患',
      '由企业自行发现（企业自查）',
      '已于2026-03-01向应急管理部门报告',
      '正在有效整改或已整改',
    ]);
    expect(NO_PENALTY_RULE.zh).toBe(
      '企业自查发现并已按规定报告、正在有效整改的重大事故隐患依法不予行政处罚',
    );
  });

  it('self-found origins are exactly self_check, leader_check and accident_lesson', () => {
    const applying = HAZARD_ORIGINS.filter(
      (origin) => evaluateNoPenalty(facts({ origin })).applies,
    );
    expect(applying).toEqual(['self_check', 'leader_check', 'accident_lesson']);
    expect(evaluateNoPenalty(facts({ origin: 'enforcement' })).reasons).toEqual([
      '隐患来源为“执法检查”，不属于企业自查发现',
    ]);
  });

  it('only for major hazards', () => {
    const e = evaluateNoPenalty(facts({ level: 'general' }));
    expect(e).toEqual({ applies: false, reasons: ['该隐患不是重大事故隐患，本规则不适用'] });
  });

  it('needs a report made on or before the decision day', () => {
    expect(evaluateNoPenalty(facts({ reportedToBureauAt: null })).reasons).toEqual([
      '未向应急管理部门报告',
    ]);
    expect(
      evaluateNoPenalty(facts({ reportedToBureauAt: '2026-03-10T23:59:00+08:00' })).applies,
    ).toBe(true);
    expect(evaluateNoPenalty(facts({ reportedToBureauAt: '2026-03-11' })).reasons).toEqual([
      '向应急管理部门报告的日期（2026-03-11）晚于2026-03-10',
    ]);
  });

  it('status edges: reported and unapproved plans are not 整改 yet', () => {
    expect(evaluateNoPenalty(facts({ status: 'reported', planApproved: false })).reasons).toEqual([
      '尚未制定经批准的整改方案，不属于正在整改',
    ]);
    expect(evaluateNoPenalty(facts({ status: 'planned', planApproved: false })).reasons).toEqual([
      '整改方案尚未批准，不属于正在整改',
    ]);
    expect(evaluateNoPenalty(facts({ status: 'planned', planApproved: true })).applies).toBe(true);
    for (const status of ['rectifying', 'fixed_on_spot', 'rectified', 'verified'] as const) {
      expect(evaluateNoPenalty(facts({ status })).applies).toBe(true);
    }
  });

  it('deadline edges: the deadline day is in time, the day after is not', () => {
    expect(evaluateNoPenalty(facts({ today: '2026-03-31' })).applies).toBe(true);
    expect(evaluateNoPenalty(facts({ today: '2026-04-01' })).reasons).toEqual([
      '已超过整改期限（2026-03-31）仍未完成整改',
    ]);
    expect(evaluateNoPenalty(facts({ deadline: null })).reasons).toEqual([
      '未确定整改期限，无法认定为有效整改',
    ]);
    expect(evaluateNoPenalty(facts({ status: 'fixed_on_spot', deadline: null })).applies).toBe(
      true,
    );
  });

  it('a fix submitted in time still counts after the deadline has passed', () => {
    const late = { today: '2026-04-15' };
    expect(
      evaluateNoPenalty(facts({ ...late, status: 'rectified', fixedAt: '2026-03-31' })).applies,
    ).toBe(true);
    expect(
      evaluateNoPenalty(facts({ ...late, status: 'rectified', fixedAt: '2026-04-01' })).reasons,
    ).toEqual(['整改完成日期（2026-04-01）晚于整改期限（2026-03-31）']);
    // Without the fix date the decision day is compared.
    expect(evaluateNoPenalty(facts({ ...late, status: 'rectified' })).applies).toBe(false);
    // fixedAt is ignored while the work is still going on.
    expect(
      evaluateNoPenalty(facts({ ...late, status: 'rectifying', fixedAt: '2026-03-01' })).applies,
    ).toBe(false);
  });

  it('lists every unmet condition', () => {
    const e = evaluateNoPenalty(
      facts({ origin: 'tip', reportedToBureauAt: null, status: 'reported', planApproved: false }),
    );
    expect(e.applies).toBe(false);
    expect(e.reasons).toHaveLength(3);
  });
});

describe('no-penalty decision check', () => {
  const applies = evaluateNoPenalty(facts());
  const not = evaluateNoPenalty(facts({ origin: 'enforcement' }));
  it('when the rule applies a case may not be proposed', () => {
    expect(noPenaltyDecisionProblem(applies, 'propose_case', null)).toMatch(/不能拟立案处罚/);
    expect(noPenaltyDecisionProblem(applies, 'exempt', null)).toBeNull();
    expect(noPenaltyDecisionProblem(applies, 'order_only', '已责令整改')).toBeNull();
  });
  it('an exemption outside the rule needs a reason', () => {
    expect(noPenaltyDecisionProblem(not, 'exempt', ' ')).toMatch(/须说明其他理由/);
    expect(noPenaltyDecisionProblem(not, 'exempt', '首违免罚，危害后果轻微并及时改正')).toBeNull();
    expect(noPenaltyDecisionProblem(not, 'propose_case', null)).toBeNull();
  });
});
