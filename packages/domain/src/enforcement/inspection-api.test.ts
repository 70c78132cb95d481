import { describe, expect, it } from 'vitest';
import {
  chinaDayOf,
  draftRecordErrors,
  inspectionDraftSchema,
  type InspectionDraftInput,
  recordInputFromDraft,
  signInspectionSchema,
  updateInspectionDraftSchema,
  verificationCodeSchema,
  verificationUrl,
} from './inspection-api.js';

const accounts = new Map([
  [20, { name: '耿建', certificateNo: '15060223001' }],
  [21, { name: '阮飞', certificateNo: '15060223002' }],
  [22, { name: '无证人员', certificateNo: null }],
]);

const draft = (over: Partial<InspectionDraftInput> = {}) =>
  inspectionDraftSchema.parse({
    enterpriseId: 7,
    inspectorUserIds: [20, 21],
    startedAt: '2026-03-02T09:30:00+08:00',
    endedAt: '2026-03-02T11:00:00+08:00',
    place: '罐区',
    checklist: [{ catalogItemCode: 'HG-2017-05', result: 'problem', note: null }],
    findings: [
      {
        title: '未设置紧急切断',
        description: '2号罐区未设置紧急切断装置',
        level: 'major',
        catalogItemCode: 'HG-2017-05',
      },
    ],
    ...over,
  });

describe('inspection draft', () => {
  it('needs two distinct inspectors and plan with target', () => {
    const one = inspectionDraftSchema.safeParse({ ...draft(), inspectorUserIds: [20] });
    expect(one.success).toBe(false);
    expect(one.error?.issues[0]?.message).toBe('现场检查须有两名以上执法人员');
    const dup = inspectionDraftSchema.safeParse({ ...draft(), inspectorUserIds: [20, 20] });
    expect(dup.error?.issues.map((i) => i.path.join('.'))).toEqual(['inspectorUserIds.1']);
    const plan = inspectionDraftSchema.safeParse({ ...draft(), planId: 3 });
    expect(plan.error?.issues[0]?.path).toEqual(['targetId']);
    expect(updateInspectionDraftSchema.safeParse({ ...draft(), version: 2 }).success).toBe(true);
  });

  it('takes names and certificate numbers from the accounts', () => {
    const input = recordInputFromDraft(draft(), accounts, 9);
    expect(input.inspectors).toEqual([
      { userId: 20, name: '耿建', certificateNo: '15060223001' },
      { userId: 21, name: '阮飞', certificateNo: '15060223002' },
    ]);
    expect(input.supersedesRecordId).toBe(9);
    expect(draftRecordErrors(draft(), accounts)).toEqual([]);
  });

  it('maps record errors to the draft paths', () => {
    expect(draftRecordErrors(draft({ inspectorUserIds: [20, 22] }), accounts)).toEqual([
      { path: 'inspectorUserIds.1', message: '执法人员须有执法证号' },
    ]);
    // An unknown account is left out, so the two-inspector rule reports it.
    expect(draftRecordErrors(draft({ inspectorUserIds: [20, 99] }), accounts)).toEqual([
      { path: 'inspectorUserIds', message: '现场检查须有两名以上执法人员' },
    ]);
    const noFinding = draftRecordErrors(draft({ findings: [] }), accounts);
    expect(noFinding).toEqual([
      { path: 'checklist.0.result', message: '存在问题的检查项须有对应的发现问题' },
    ]);
  });

  it('accepts a verification code in either case and builds its URL', () => {
    const code = 'AB'.repeat(32);
    expect(verificationCodeSchema.parse(code)).toBe('ab'.repeat(32));
    expect(signInspectionSchema.safeParse({ contentHash: 'xyz' }).success).toBe(false);
    expect(verificationUrl('https://a.example/', 'ab')).toBe('https://a.example/verify/ab');
  });

  it('reads the China day of an instant', () => {
    expect(chinaDayOf('2026-03-01T16:30:00.000Z')).toBe('2026-03-02');
    expect(chinaDayOf('2026-03-02T09:30:00+08:00')).toBe('2026-03-02');
  });
});
