import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { actionFieldOf, toActionPayload, toEntryInput } from './tip-form';

describe('tip forms', () => {
  it('builds a named hotline entry with the identity nested, and maps identity errors to fields', () => {
    const ok = toEntryInput(
      {
        channel: 'hotline_12350',
        receivedAt: dayjs('2026-11-20T10:00:00+08:00'),
        enterpriseId: 7,
        enterpriseText: 'ignored',
        subject: '违规动火',
        description: '夜间动火作业未审批',
        anonymous: false,
        name: ' 张三 ',
        phone: '13900000000',
        issueReceiptCode: true,
      },
      'bad',
    );
    expect(ok.ok).toBe(true);
    if (ok.ok) {
      expect(ok.data.identity).toEqual({
        name: '张三',
        phone: '13900000000',
        idNumber: null,
        contact: null,
      });
      expect(ok.data.enterpriseText).toBeNull();
      expect(ok.data.receivedAt).toBe('2026-11-20T02:00:00.000Z');
    }
    const bad = toEntryInput(
      {
        channel: 'phone',
        receivedAt: dayjs(),
        subject: '事项',
        description: '具体内容描述',
        anonymous: false,
      },
      'bad',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'districtId']));
    }
    const anon = toEntryInput(
      {
        channel: 'letter',
        receivedAt: dayjs(),
        districtId: 3,
        subject: '事项',
        description: '具体内容描述',
        anonymous: true,
        name: '不应提交',
      },
      'bad',
    );
    expect(anon.ok && anon.data.identity).toBeNull();
  });

  it('builds action payloads and names the form fields of their errors', () => {
    expect(toActionPayload('reject', { rejectReason: 'duplicate' }, 'bad')).toEqual({
      ok: false,
      errors: [{ path: 'duplicateOfTipId', message: '请选择与之重复的举报' }],
    });
    expect(
      toActionPayload(
        'assign',
        { assignTo: 'user', userId: 5, unitId: 9, dueDate: dayjs('2099-01-02') },
        'bad',
      ),
    ).toEqual({
      ok: true,
      data: { unitId: null, userId: 5, dueDate: '2099-01-02', comment: null },
    });
    const verify = toActionPayload(
      'verify',
      {
        result: 'true',
        summary: '现场核查属实',
        hazardMode: 'create',
        level: 'major',
        title: '违规动火',
        description: '未审批',
        catalogItemCode: 'HG-2017-07',
        noCatalogReason: 'dropped',
      },
      'bad',
    );
    expect(verify.ok && verify.data.createHazard).toMatchObject({
      level: 'major',
      catalogItemCode: 'HG-2017-07',
      noCatalogReason: null,
      treatment: 'deadline',
    });
    // Not true: no hazard whatever the radio says.
    const notTrue = toActionPayload(
      'verify',
      { result: 'not_true', summary: '核查不属实情况', hazardMode: 'link', linkHazardId: 3 },
      'bad',
    );
    expect(notTrue.ok && [notTrue.data.createHazard, notTrue.data.linkHazardId]).toEqual([
      null,
      null,
    ]);
    expect(actionFieldOf('verify', 'payload.createHazard.title')).toBe('title');
    expect(actionFieldOf('reject', 'payload.reason')).toBe('rejectReason');
    expect(actionFieldOf('link', 'payload.id')).toBe('targetId');
  });
});
