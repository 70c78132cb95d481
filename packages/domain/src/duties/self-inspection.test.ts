import { describe, expect, it } from 'vitest';
import { ROLES } from '../identity/role.js';
import {
  availableSelfInspectionActions,
  checkSelfInspectionSubmission,
  normalizeSelfInspectionAnswer,
  SELF_INSPECTION_STATUSES,
  SELF_INSPECTION_WORKFLOW,
  selfInspectionAllows,
  selfInspectionAnswerSchema,
  selfInspectionItemIssues,
  selfInspectionProgress,
  updateSelfInspectionSchema,
} from './self-inspection.js';

const messagesOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('self-inspection answers', () => {
  it('accepts 符合 with nothing else', () => {
    const r = selfInspectionAnswerSchema.safeParse({ answer: 'compliant', version: 1 });
    expect(r.success).toBe(true);
    expect(r.data).toEqual({
      answer: 'compliant',
      note: null,
      description: null,
      naReason: null,
      version: 1,
    });
  });

  it('needs a description for 存在问题', () => {
    const r = selfInspectionAnswerSchema.safeParse({ answer: 'problem', version: 1 });
    expect(r.success).toBe(false);
    expect(messagesOf(r)).toEqual(['存在问题须描述问题（至少4个字）']);
    expect(r.error?.issues[0]?.path).toEqual(['description']);
    const blank = selfInspectionAnswerSchema.safeParse({
      answer: 'problem',
      description: '   有  ',
      version: 1,
    });
    expect(blank.success).toBe(false);
    expect(
      selfInspectionAnswerSchema.safeParse({
        answer: 'problem',
        description: '储罐区未设置紧急切断',
        version: 1,
      }).success,
    ).toBe(true);
  });

  it('needs a reason for 不适用', () => {
    const r = selfInspectionAnswerSchema.safeParse({ answer: 'not_applicable', version: 1 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['naReason']);
    expect(messagesOf(r)).toEqual(['不适用须说明理由']);
    expect(
      selfInspectionAnswerSchema.safeParse({
        answer: 'not_applicable',
        naReason: '本企业无液氨制冷',
        version: 1,
      }).success,
    ).toBe(true);
  });

  it('refuses unknown answers and fields, and a missing version', () => {
    expect(selfInspectionAnswerSchema.safeParse({ answer: 'maybe', version: 1 }).success).toBe(
      false,
    );
    expect(
      selfInspectionAnswerSchema.safeParse({ answer: 'compliant', version: 1, extra: 1 }).success,
    ).toBe(false);
    expect(selfInspectionAnswerSchema.safeParse({ answer: 'compliant' }).success).toBe(false);
  });

  it('stores only the fields of the chosen answer', () => {
    const v = selfInspectionAnswerSchema.parse({
      answer: 'compliant',
      note: '已核查',
      description: '残留的描述',
      naReason: '残留的理由',
      version: 3,
    });
    expect(normalizeSelfInspectionAnswer(v)).toEqual({
      answer: 'compliant',
      note: '已核查',
      description: null,
      naReason: null,
    });
    const p = selfInspectionAnswerSchema.parse({
      answer: 'problem',
      note: '',
      description: '储罐区未设置紧急切断',
      naReason: 'x',
      version: 3,
    });
    expect(normalizeSelfInspectionAnswer(p)).toEqual({
      answer: 'problem',
      note: null,
      description: '储罐区未设置紧急切断',
      naReason: null,
    });
  });
});

describe('submission rules', () => {
  const facts = (over: Partial<Parameters<typeof selfInspectionItemIssues>[0]> = {}) => ({
    answer: null,
    description: null,
    naReason: null,
    photoCount: 0,
    ...over,
  });

  it('flags unanswered items and incomplete answers', () => {
    expect(selfInspectionItemIssues(facts(), true)).toEqual(['unanswered']);
    expect(selfInspectionItemIssues(facts({ answer: 'compliant' }), true)).toEqual([]);
    expect(selfInspectionItemIssues(facts({ answer: 'not_applicable' }), true)).toEqual([
      'reason_missing',
    ]);
    expect(selfInspectionItemIssues(facts({ answer: 'problem' }), true)).toEqual([
      'description_missing',
      'photo_missing',
    ]);
  });

  it('requires a photo of a problem only when the run says so', () => {
    const problem = facts({ answer: 'problem', description: '储罐区未设置紧急切断' });
    expect(selfInspectionItemIssues(problem, true)).toEqual(['photo_missing']);
    expect(selfInspectionItemIssues(problem, false)).toEqual([]);
    expect(selfInspectionItemIssues({ ...problem, photoCount: 1 }, true)).toEqual([]);
  });

  it('checks the whole run: inspectors and every item', () => {
    const items = [
      { code: 'HG-2017-01', ...facts({ answer: 'compliant' }) },
      { code: 'HG-2017-02', ...facts() },
    ];
    const check = checkSelfInspectionSubmission({ inspectors: null, photoRequired: true }, items);
    expect(check.ok).toBe(false);
    expect(check.inspectorsMissing).toBe(true);
    expect(check.items).toEqual([{ code: 'HG-2017-02', issues: ['unanswered'] }]);
    const done = checkSelfInspectionSubmission({ inspectors: '刘安、王工', photoRequired: true }, [
      items[0]!,
      { code: 'HG-2017-02', ...facts({ answer: 'not_applicable', naReason: '无此装置' }) },
    ]);
    expect(done.ok).toBe(true);
    expect(checkSelfInspectionSubmission({ inspectors: '刘安', photoRequired: true }, []).ok).toBe(
      false,
    );
  });

  it('counts progress', () => {
    expect(
      selfInspectionProgress([
        { answer: 'compliant' },
        { answer: 'problem' },
        { answer: null },
        { answer: 'not_applicable' },
        { answer: 'compliant' },
      ]),
    ).toEqual({ total: 5, answered: 4, compliant: 2, problems: 1, notApplicable: 1 });
  });

  it('validates the header', () => {
    expect(
      updateSelfInspectionSchema.safeParse({
        inspectionDate: '2026-06-01',
        inspectors: '刘',
        version: 1,
      }).success,
    ).toBe(false);
    expect(
      updateSelfInspectionSchema.safeParse({
        inspectionDate: '2026-06-01',
        inspectors: null,
        version: 1,
      }).success,
    ).toBe(true);
  });
});

describe('workflow', () => {
  it('lets only a draft change', () => {
    for (const status of SELF_INSPECTION_STATUSES) {
      for (const action of ['edit', 'answer', 'photo', 'submit', 'discard'] as const) {
        expect(selfInspectionAllows(status, action)).toBe(status === 'draft');
      }
    }
    expect(SELF_INSPECTION_WORKFLOW.submitted).toEqual([]);
  });

  it('gives submit (the signature) to the main leader only', () => {
    expect(availableSelfInspectionActions('draft', 'ent_leader')).toContain('submit');
    expect(availableSelfInspectionActions('draft', 'ent_safety')).toEqual([
      'edit',
      'answer',
      'photo',
      'discard',
    ]);
    for (const role of ROLES.filter((r) => !r.startsWith('ent_'))) {
      expect(availableSelfInspectionActions('draft', role)).toEqual([]);
    }
    expect(availableSelfInspectionActions('submitted', 'ent_leader')).toEqual([]);
  });
});
