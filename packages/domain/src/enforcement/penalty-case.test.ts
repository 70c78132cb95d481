import { describe, expect, it } from 'vitest';
import { HAZARD_ACTIONS, HAZARD_STATUSES } from '../hazard/hazard-workflow.js';
import * as penaltyCase from './penalty-case.js';
import {
  addWorkingDays,
  amountWarning,
  availablePenaltyCaseActions,
  checkPenaltyDecision,
  dailyPenalty,
  decidePenaltyCaseSchema,
  isPublicationOverdue,
  isWorkingDay,
  PENALTY_ARTICLE_KEYS,
  PENALTY_ARTICLES,
  PENALTY_CASE_ACTIONS,
  PENALTY_CASE_STATUSES,
  PENALTY_CASE_WORKFLOW,
  type PenaltyCaseAction,
  type PenaltyCaseFacts,
  penaltyCaseNextStatus,
  penaltyCaseRefusal,
  type PenaltyParty,
  penaltyPartySchema,
  publicationDeadline,
} from './penalty-case.js';

const party = (over: Partial<PenaltyParty> = {}): PenaltyParty => ({
  kind: 'enterprise',
  name: '某化工有限公司',
  position: null,
  basis: 'aqsf_102',
  circumstance: 'standard',
  amountFen: 40_000_00,
  decisionNo: '（区）应急罚〔2026〕12号',
  ...over,
});
const leader = (over: Partial<PenaltyParty> = {}): PenaltyParty =>
  party({
    kind: 'main_leader',
    name: '王强',
    position: '总经理',
    basis: 'aqsf_94',
    amountFen: 30_000_00,
    decisionNo: '（区）应急罚〔2026〕13号',
    ...over,
  });

const facts = (over: Partial<PenaltyCaseFacts> = {}): PenaltyCaseFacts => ({
  status: 'notified',
  parties: [party(), leader()],
  majorHazard: { persists: true },
  leaderWaiverReason: null,
  published: false,
  ...over,
});

describe('legal bases', () => {
  it('lists the common articles with their fine ranges from regulations §4', () => {
    expect(PENALTY_ARTICLE_KEYS).toEqual([
      'aqsf_94',
      'aqsf_95',
      'aqsf_96',
      'aqsf_97',
      'aqsf_99',
      'aqsf_101',
      'aqsf_102',
      'aqsf_103',
      'aqsf_112',
    ]);
    expect(PENALTY_ARTICLES.aqsf_102.citation).toBe('《安全生产法》第一百零二条');
    expect(PENALTY_ARTICLES.aqsf_94.fines).toEqual([
      { subject: 'person', circumstance: 'standard', minYuan: 20_000, maxYuan: 50_000 },
      { subject: 'person', circumstance: 'overdue', minYuan: 50_000, maxYuan: 100_000 },
    ]);
    for (const key of PENALTY_ARTICLE_KEYS) {
      for (const f of PENALTY_ARTICLES[key].fines) {
        expect(f.maxYuan).toBeGreaterThan(f.minYuan ?? 0);
      }
    }
  });

  it('party schema: basis from the list, integer fen, at most one enterprise and leader', () => {
    expect(penaltyPartySchema.safeParse({ ...party(), basis: 'aqsf_1' }).success).toBe(false);
    expect(penaltyPartySchema.safeParse({ ...party(), amountFen: 1.5 }).success).toBe(false);
    expect(penaltyPartySchema.safeParse({ ...party(), amountFen: -1 }).success).toBe(false);
    const two = decidePenaltyCaseSchema.safeParse({
      decisionDate: '2026-03-10',
      parties: [party(), party({ name: '另一公司' })],
    });
    expect(two.success).toBe(false);
    if (!two.success) {
      expect(two.error.issues[0]!.message).toBe('一个案件只能有一个生产经营单位作为处罚对象');
    }
    const ok = decidePenaltyCaseSchema.parse({
      decisionDate: '2026-03-10',
      parties: [party(), leader(), party({ kind: 'other_responsible', name: '赵六' })],
    });
    expect(ok.leaderWaiverReason).toBeNull();
  });
});

describe('amount warnings', () => {
  it('inside the range: no warning, at both ends', () => {
    expect(amountWarning(leader({ amountFen: 20_000_00 }))).toBeNull();
    expect(amountWarning(leader({ amountFen: 50_000_00 }))).toBeNull();
    expect(amountWarning(party({ amountFen: 50_000_00 }))).toBeNull();
    expect(amountWarning(party({ amountFen: 1 }))).toBeNull(); // "5万元以下": no lower bound
  });

  it('outside the range: a warning, never an error', () => {
    expect(amountWarning(leader({ amountFen: 19_999_99 }))?.zh).toBe(
      '主要负责人“王强”的罚款19999.99元超出《安全生产法》第九十四条规定的20000元至50000元',
    );
    expect(amountWarning(leader({ amountFen: 50_000_01 }))).not.toBeNull();
    expect(amountWarning(party({ amountFen: 50_000_01 }))?.zh).toMatch(/50000元以下/);
    expect(amountWarning(leader({ circumstance: 'overdue', amountFen: 80_000_00 }))).toBeNull();
    const f = facts({ parties: [party({ amountFen: 60_000_00 }), leader()] });
    const check = checkPenaltyDecision(f);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toHaveLength(1);
    expect(penaltyCaseRefusal(f, 'decide')).toBeNull();
  });

  it('an article without a range for that party warns only when a fine is set', () => {
    // 第一百零二条 has no fine for persons at the standard stage.
    const person = party({ kind: 'other_responsible', name: '赵六', amountFen: 10_000_00 });
    expect(amountWarning(person)?.zh).toMatch(/未规定对个人/);
    expect(amountWarning({ ...person, amountFen: 0 })).toBeNull();
    // 第九十五条 sets no amount in yuan at all.
    expect(amountWarning(leader({ basis: 'aqsf_95', amountFen: 123_456_00 }))).toBeNull();
  });

  it('an article applied to an unusual kind of party warns', () => {
    const w = checkPenaltyDecision(facts({ parties: [party({ basis: 'aqsf_94' }), leader()] }));
    expect(w.errors).toEqual([]);
    expect(w.warnings.map((x) => x.zh)).toContain(
      '《安全生产法》第九十四条通常不适用于生产经营单位，请核对依据',
    );
  });
});

describe('一案双罚', () => {
  it('a persisting major hazard requires a decision on the main leader', () => {
    const noLeader = facts({ parties: [party()] });
    expect(penaltyCaseRefusal(noLeader, 'decide')).toBe(
      '案件涉及未消除的重大事故隐患，须同时对主要负责人作出处罚决定（一案双罚），或记录不予处罚的理由',
    );
    expect(penaltyCaseRefusal(facts(), 'decide')).toBeNull();
  });

  it('or a recorded reason for not penalising the leader', () => {
    const waived = facts({
      parties: [party()],
      leaderWaiverReason: '主要负责人已依法履职，隐患系承包单位擅自改动所致',
    });
    expect(penaltyCaseRefusal(waived, 'decide')).toBeNull();
    expect(penaltyCaseRefusal({ ...waived, leaderWaiverReason: ' ' }, 'decide')).not.toBeNull();
  });

  it('the leader party needs an amount, and not also a waiver', () => {
    expect(
      penaltyCaseRefusal(facts({ parties: [party(), leader({ amountFen: 0 })] }), 'decide'),
    ).toBe('一案双罚：对主要负责人的处罚须填写罚款金额');
    expect(penaltyCaseRefusal(facts({ leaderWaiverReason: '理由' }), 'decide')).toBe(
      '已对主要负责人作出处罚，不应同时记录不予处罚的理由',
    );
  });

  it('not required when the hazard is verified or the case concerns no major hazard', () => {
    expect(
      penaltyCaseRefusal(facts({ parties: [party()], majorHazard: { persists: false } }), 'decide'),
    ).toBeNull();
    expect(
      penaltyCaseRefusal(facts({ parties: [party()], majorHazard: null }), 'decide'),
    ).toBeNull();
  });

  it('every party needs a decision number; a decision needs a party', () => {
    expect(
      penaltyCaseRefusal(facts({ parties: [party({ decisionNo: null }), leader()] }), 'decide'),
    ).toBe('生产经营单位“某化工有限公司”缺少行政处罚决定书文号');
    expect(
      checkPenaltyDecision({ parties: [], majorHazard: null, leaderWaiverReason: null }).errors[0]
        ?.zh,
    ).toBe('至少须有一个处罚对象');
  });
});

describe('case workflow', () => {
  it('filed → investigated → notified → decided → executed → closed', () => {
    const path: [PenaltyCaseAction, string][] = [
      ['end_investigation', 'investigated'],
      ['notify', 'notified'],
      ['decide', 'decided'],
      ['execute', 'executed'],
      ['close', 'closed'],
    ];
    let status: (typeof PENALTY_CASE_STATUSES)[number] = 'filed';
    for (const [action, next] of path) {
      expect(penaltyCaseRefusal(facts({ status }), action)).toBeNull();
      status = penaltyCaseNextStatus(status, action);
      expect(status).toBe(next);
    }
  });

  it('withdrawn, terminated, not penalised', () => {
    expect(penaltyCaseNextStatus('filed', 'withdraw')).toBe('withdrawn');
    expect(penaltyCaseNextStatus('notified', 'terminate')).toBe('terminated');
    expect(penaltyCaseNextStatus('investigated', 'decide_no_penalty')).toBe('closed');
    expect(PENALTY_CASE_WORKFLOW.withdrawn).toEqual([]);
    expect(PENALTY_CASE_WORKFLOW.terminated).toEqual([]);
    expect(penaltyCaseRefusal(facts({ status: 'decided' }), 'terminate')).toBe(
      '当前状态“已作出决定”不能执行“终止调查”',
    );
  });

  it('every status × action is listed or refused; recording actions keep the status', () => {
    for (const status of PENALTY_CASE_STATUSES) {
      for (const action of PENALTY_CASE_ACTIONS) {
        const listed = (PENALTY_CASE_WORKFLOW[status] as readonly string[]).includes(action);
        if (!listed) expect(penaltyCaseRefusal(facts({ status }), action)).toMatch(/当前状态/);
      }
    }
    for (const action of [
      'publish',
      'record_daily_penalty',
      'record_statement',
      'edit_parties',
    ] as const) {
      for (const status of PENALTY_CASE_STATUSES) {
        expect(penaltyCaseNextStatus(status, action)).toBe(status);
      }
    }
  });

  it('notice needs parties; publication happens once; buttons follow the rules', () => {
    expect(penaltyCaseRefusal(facts({ status: 'investigated', parties: [] }), 'notify')).toBe(
      '请先确定处罚对象',
    );
    expect(penaltyCaseRefusal(facts({ status: 'decided', published: true }), 'publish')).toBe(
      '处罚决定已公示',
    );
    expect(availablePenaltyCaseActions(facts({ parties: [party()] }))).not.toContain('decide');
    expect(availablePenaltyCaseActions(facts())).toContain('decide');
    expect(availablePenaltyCaseActions(facts({ status: 'closed', published: true }))).toEqual([]);
  });

  it('a penalty never closes a hazard: the case workflow has no hazard transition', () => {
    const hazardWords = new Set<string>([...HAZARD_ACTIONS, ...HAZARD_STATUSES]);
    for (const a of PENALTY_CASE_ACTIONS) expect(hazardWords.has(a)).toBe(false);
    for (const s of PENALTY_CASE_STATUSES) expect(hazardWords.has(s)).toBe(false);
    // Nothing this module exports deals with hazard state.
    for (const name of Object.keys(penaltyCase)) expect(name).not.toMatch(/hazard/i);
    // Every target of every transition is a case status.
    for (const status of PENALTY_CASE_STATUSES) {
      for (const action of PENALTY_CASE_ACTIONS) {
        expect(PENALTY_CASE_STATUSES).toContain(penaltyCaseNextStatus(status, action));
      }
    }
  });
});

describe('publication deadline: 7 working days', () => {
  it('skips weekends; the decision day is not counted', () => {
    expect(isWorkingDay('2026-01-05')).toBe(true); // Monday
    expect(isWorkingDay('2026-01-10')).toBe(false); // Saturday
    expect(publicationDeadline('2026-01-05')).toBe('2026-01-14'); // Monday → next Wednesday
    expect(publicationDeadline('2026-01-09')).toBe('2026-01-20'); // Friday
    expect(publicationDeadline('2026-01-10')).toBe('2026-01-20'); // Saturday
    expect(publicationDeadline('2026-01-11')).toBe('2026-01-20'); // Sunday
    expect(addWorkingDays('2026-01-05', 0)).toBe('2026-01-05');
  });

  it('skips given holidays and counts given make-up working days', () => {
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    expect(publicationDeadline('2026-09-30', holidays)).toBe('2026-10-16');
    expect(publicationDeadline('2026-09-30', holidays, ['2026-10-10'])).toBe('2026-10-15');
  });

  it('overdue only after the deadline day', () => {
    const base = { decisionDate: '2026-01-05', publishedOn: null };
    expect(isPublicationOverdue({ ...base, today: '2026-01-14' })).toBe(false);
    expect(isPublicationOverdue({ ...base, today: '2026-01-15' })).toBe(true);
    expect(isPublicationOverdue({ ...base, publishedOn: '2026-01-14', today: '2026-03-01' })).toBe(
      false,
    );
    expect(isPublicationOverdue({ ...base, publishedOn: '2026-01-15', today: '2026-03-01' })).toBe(
      true,
    );
  });
});

describe('daily continuous penalty (第一百一十二条)', () => {
  const base = { originalAmountFen: 50_000_00, orderedOn: '2026-03-01' };
  it('starts the day after the order', () => {
    expect(dailyPenalty({ ...base, correctedOn: null, today: '2026-03-01' })).toEqual({
      days: 0,
      totalFen: 0,
      from: null,
      to: null,
    });
    expect(dailyPenalty({ ...base, correctedOn: null, today: '2026-03-02' })).toEqual({
      days: 1,
      totalFen: 50_000_00,
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(dailyPenalty({ ...base, correctedOn: null, today: '2026-03-11' }).days).toBe(10);
  });

  it('stops the day before the correction', () => {
    expect(dailyPenalty({ ...base, correctedOn: '2026-03-01', today: '2026-03-20' }).days).toBe(0);
    expect(dailyPenalty({ ...base, correctedOn: '2026-03-02', today: '2026-03-20' }).days).toBe(0);
    expect(dailyPenalty({ ...base, correctedOn: '2026-03-05', today: '2026-03-20' })).toEqual({
      days: 3,
      totalFen: 150_000_00,
      from: '2026-03-02',
      to: '2026-03-04',
    });
    // A correction dated in the future has not happened yet.
    expect(dailyPenalty({ ...base, correctedOn: '2026-03-25', today: '2026-03-20' }).days).toBe(19);
  });

  it('crosses months and years', () => {
    const r = dailyPenalty({
      ...base,
      orderedOn: '2025-12-30',
      correctedOn: null,
      today: '2026-01-02',
    });
    expect(r).toMatchObject({ days: 3, from: '2025-12-31', to: '2026-01-02' });
  });
});
