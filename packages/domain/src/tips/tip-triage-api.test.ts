import { describe, expect, it } from 'vitest';
import {
  MESSAGE_KIND_ACTION,
  STAFF_MESSAGE_KINDS,
  staffTipEntrySchema,
  TIP_ACTION_PAYLOADS,
  TIP_RECORD_ACTIONS,
  tipListItemSchema,
} from './tip-triage-api.js';
import { TIP_ACTIONS } from './tip-workflow.js';

const entry = {
  channel: 'visit',
  receivedAt: '2026-11-20T02:00:00.000Z',
  districtId: 3,
  subject: '来访举报',
  description: '来访人反映某仓库违规储存危险化学品',
  anonymous: true,
};

describe('staff tip API schemas', () => {
  it('accepts an anonymous visit and refuses identity on anonymous, none on named', () => {
    expect(staffTipEntrySchema.parse(entry)).toMatchObject({
      identity: null,
      issueReceiptCode: true,
    });
    const named = staffTipEntrySchema.safeParse({ ...entry, anonymous: false });
    expect(named.success).toBe(false);
    expect(named.error?.issues.map((i) => i.path.join('.'))).toEqual(['identity.name']);
    const both = staffTipEntrySchema.safeParse({ ...entry, identity: { name: '张三' } });
    expect(both.error?.issues[0]?.message).toBe('匿名举报不登记举报人身份');
    expect(staffTipEntrySchema.safeParse({ ...entry, channel: 'web' }).success).toBe(false);
    expect(
      staffTipEntrySchema.safeParse({
        ...entry,
        anonymous: false,
        identity: { name: '张三', idNumber: '123' },
      }).error?.issues[0]?.message,
    ).toBe('身份证号格式不正确');
  });

  it('has a payload schema for every workflow action but messages, which map to their kinds', () => {
    expect([...TIP_RECORD_ACTIONS, 'note', 'reply', 'ask'].sort()).toEqual([...TIP_ACTIONS].sort());
    expect(Object.keys(TIP_ACTION_PAYLOADS).sort()).toEqual([...TIP_RECORD_ACTIONS].sort());
    expect(STAFF_MESSAGE_KINDS.map((k) => MESSAGE_KIND_ACTION[k])).toEqual([
      'note',
      'reply',
      'ask',
    ]);
  });

  it('checks reasons, assignees and hazard input', () => {
    expect(TIP_ACTION_PAYLOADS.reject.safeParse({ reason: 'out_of_scope' }).success).toBe(false);
    expect(
      TIP_ACTION_PAYLOADS.reject.safeParse({ reason: 'duplicate', duplicateOfTipId: 4 }).success,
    ).toBe(true);
    expect(
      TIP_ACTION_PAYLOADS.assign.safeParse({ unitId: 1, userId: 2, dueDate: '2099-01-01' }).success,
    ).toBe(false);
    expect(TIP_ACTION_PAYLOADS.assign.safeParse({ userId: 2, dueDate: '2099-01-01' }).success).toBe(
      true,
    );
    const hazard = TIP_ACTION_PAYLOADS.create_hazard.safeParse({
      level: 'major',
      title: '隐患',
      description: '隐患描述',
    });
    expect(hazard.error?.issues[0]?.path).toEqual(['noCatalogReason']);
  });

  it('has no identity field in a list row', () => {
    const keys = Object.keys(tipListItemSchema.shape);
    for (const k of ['name', 'phone', 'identity', 'identitySealed', 'idNumber', 'contact'])
      expect(keys).not.toContain(k);
  });
});
