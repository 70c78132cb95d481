import { describe, expect, it } from 'vitest';
import {
  amountInWords,
  canonicalDecisionText,
  ENTERPRISE_VISIBLE_CASE_ACTIONS,
  ENTERPRISE_VISIBLE_CASE_STATUSES,
  filePenaltyCaseRequestSchema,
  PENALTY_CASE_ACTION_PAYLOADS,
  PENALTY_DECISION_FORMAT,
  type PenaltyDecisionDocument,
} from './penalty-api.js';
import { PENALTY_CASE_ACTIONS, PENALTY_CASE_WORKFLOW } from './penalty-case.js';

const decision: PenaltyDecisionDocument = {
  caseId: 3,
  caseNo: '东胜应急罚立〔2026〕0003号',
  decisionNo: '东应急罚〔2026〕12号',
  decisionDate: '2026-03-10',
  authority: '东胜区应急管理局',
  enterprise: {
    name: '东胜区金鼎矿业有限责任公司',
    creditCode: '91150602MA0P7R1L8X',
    address: null,
  },
  party: { kind: 'main_leader', name: '孙鼎', position: '总经理' },
  matter: '未采取措施消除重大事故隐患',
  facts: '排土场未按设计堆排。',
  basis: 'aqsf_94',
  circumstance: 'standard',
  amountFen: 3_000_000,
};

describe('penalty API shapes', () => {
  it('has a payload schema for every action and keeps the investigation internal', () => {
    expect(Object.keys(PENALTY_CASE_ACTION_PAYLOADS).sort()).toEqual(
      [...PENALTY_CASE_ACTIONS].sort(),
    );
    for (const status of ENTERPRISE_VISIBLE_CASE_STATUSES) {
      expect(['filed', 'investigated', 'notified']).not.toContain(status);
    }
    // Every action the enterprise sees is one taken at or after the decision.
    const early = new Set<string>([
      ...PENALTY_CASE_WORKFLOW.filed,
      ...PENALTY_CASE_WORKFLOW.investigated,
    ]);
    for (const a of ENTERPRISE_VISIBLE_CASE_ACTIONS) {
      if (a !== 'decide_no_penalty') expect(early.has(a)).toBe(false);
    }
  });

  it('validates the action payloads with Chinese messages', () => {
    const daily = PENALTY_CASE_ACTION_PAYLOADS.record_daily_penalty.safeParse({
      orderedOn: '2026-03-10',
      correctedOn: '2026-03-01',
    });
    expect(daily.success).toBe(false);
    expect(daily.error?.issues[0]?.message).toBe('改正日期不能早于责令改正日期');
    const decide = PENALTY_CASE_ACTION_PAYLOADS.decide.parse({
      decisionDate: '2026-03-10',
      parties: [],
    });
    expect(decide).toEqual({
      decisionDate: '2026-03-10',
      parties: [],
      leaderWaiverReason: null,
      noPenaltyOverrideReason: null,
    });
    expect(
      PENALTY_CASE_ACTION_PAYLOADS.withdraw.safeParse({ reason: '' }).error?.issues[0]?.message,
    ).toBe('请填写撤销立案的理由');
    expect(
      PENALTY_CASE_ACTION_PAYLOADS.decide.safeParse({
        decisionDate: '2026-03-10',
        parties: [],
        x: 1,
      }).success,
    ).toBe(false);
  });

  it('files a case with optional facts and refuses unknown fields', () => {
    const input = { enterpriseId: 1, matter: '未消除隐患', filedOn: '2026-03-01' };
    expect(filePenaltyCaseRequestSchema.parse(input)).toMatchObject({ facts: null, hazardIds: [] });
    expect(filePenaltyCaseRequestSchema.safeParse({ ...input, other: 1 }).success).toBe(false);
  });
});

describe('canonicalDecisionText', () => {
  it('is versioned, sorted and covers the article as printed', () => {
    const text = canonicalDecisionText(decision);
    expect(text.startsWith(`${PENALTY_DECISION_FORMAT}\n{"amountFen":3000000,"authority"`)).toBe(
      true,
    );
    expect(text).toContain('"citation":"《安全生产法》第九十四条"');
    expect(text).toContain('"title":"主要负责人未履行安全生产管理职责"');
  });

  it('changes with any stated fact and ignores surrounding whitespace', () => {
    const text = canonicalDecisionText(decision);
    expect(canonicalDecisionText({ ...decision, facts: '  排土场未按设计堆排。\r\n' })).toBe(text);
    expect(canonicalDecisionText({ ...decision, amountFen: 3_000_001 })).not.toBe(text);
    expect(
      canonicalDecisionText({ ...decision, party: { ...decision.party, name: '孙鼎鼎' } }),
    ).not.toBe(text);
  });
});

describe('amountInWords', () => {
  it.each([
    [0, '零元整'],
    [3, '叁分'],
    [10, '壹角'],
    [100_000, '壹仟元整'],
    [5_000_000, '伍万元整'],
    [2_000_050, '贰万元伍角'],
    [10_010_000, '壹拾万零壹佰元整'],
    [100_000_007, '壹佰万元零柒分'],
    [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [1_000_001_000, '壹仟万零壹拾元整'],
    [10_000_000_100, '壹亿零壹元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('refuses negative and fractional amounts', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
