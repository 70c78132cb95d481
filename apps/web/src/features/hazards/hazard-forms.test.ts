import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { HAZARD_ACTIONS, HAZARD_ACTION_PAYLOADS } from '@hazard-ledger/domain';
import { ACTION_FIELDS, payloadFieldErrors, rawPayload, toActionPayload } from './action-form';
import { toCreatePayload, toPlanPayload } from './hazard-form';
import {
  hazardStateFromParams,
  hazardStateToParams,
  ledgerHref,
  todoGroupFilters,
  toHazardQuery,
} from './hazard-query';
import { formatYuan } from './hazard-labels';

const INVALID = '填写的内容不符合要求';

describe('action payloads', () => {
  it('builds for every action exactly the keys its schema takes', () => {
    for (const action of HAZARD_ACTIONS) {
      const schema = HAZARD_ACTION_PAYLOADS[action];
      expect(Object.keys(rawPayload(action, {})).sort()).toEqual(Object.keys(schema.shape).sort());
      expect(ACTION_FIELDS[action].length).toBeGreaterThan(0);
    }
  });

  it('gives the domain’s Chinese messages for what is missing', () => {
    const messages = (action: Parameters<typeof toActionPayload>[0], v = {}) => {
      const r = toActionPayload(action, v, INVALID);
      return r.ok ? [] : r.errors.map((e) => `${e.path}:${e.message}`);
    };
    expect(messages('reject_fix')).toEqual(['reason:请填写原因']);
    expect(messages('verify', { comment: ' ' })).toEqual(['comment:请填写验收意见']);
    expect(messages('submit_fix', { description: '已整改' })).toEqual([
      'attachmentIds:请上传整改后照片或证明材料',
    ]);
    expect(messages('request_extension', { reason: '设备到货延迟' })).toEqual([
      'newDeadline:日期格式应为YYYY-MM-DD',
    ]);
    expect(messages('supervise', { reason: '督办' })).toEqual([`supervisionLevel:${INVALID}`]);
  });

  it('sends optional comments as null and dates as YYYY-MM-DD', () => {
    expect(toActionPayload('approve_plan', { comment: '  ' }, INVALID)).toEqual({
      ok: true,
      data: { comment: null },
    });
    expect(
      toActionPayload(
        'request_extension',
        { newDeadline: dayjs('2099-03-04'), reason: '设备到货延迟' },
        INVALID,
      ),
    ).toEqual({ ok: true, data: { newDeadline: '2099-03-04', reason: '设备到货延迟' } });
    expect(
      toActionPayload('approve_extension', { approve: false, comment: '理由不充分' }, INVALID),
    ).toEqual({ ok: true, data: { approve: false, comment: '理由不充分' } });
  });

  it('maps server paths payload.x to the form field x', () => {
    expect(
      payloadFieldErrors([
        { path: 'payload.newDeadline', message: '延期后的期限须晚于原整改期限' },
        { path: 'action', message: '不能办理' },
      ]),
    ).toEqual([
      { path: 'newDeadline', message: '延期后的期限须晚于原整改期限' },
      { path: 'action', message: '不能办理' },
    ]);
  });
});

describe('create and plan forms', () => {
  const base = {
    enterpriseId: 7,
    level: 'major' as const,
    title: '液氨罐区未设紧急切断',
    description: '紧急切断阀未投用',
    origin: 'self_check' as const,
    foundAt: dayjs('2023-06-10'),
    foundBy: '刘安',
    treatment: 'deadline' as const,
  };

  it('asks for a reason when no criteria item is cited, and drops it when one is', () => {
    const none = toCreatePayload(base, INVALID);
    expect(none.ok).toBe(false);
    if (!none.ok) {
      expect(none.errors).toEqual([
        { path: 'noCatalogReason', message: '未引用判定标准条款时须说明理由' },
      ]);
    }
    const cited = toCreatePayload(
      { ...base, catalogItemCode: 'HG-2017-01', noCatalogReason: '先填的理由' },
      INVALID,
    );
    expect(cited).toMatchObject({
      ok: true,
      data: { catalogItemCode: 'HG-2017-01', noCatalogReason: null, foundAt: '2023-06-10' },
    });
  });

  it('saves a partial plan, leaving blank items out, and checks the amount', () => {
    expect(
      toPlanPayload({ responsiblePerson: ' 张工 ', fundsYuan: '', measures: '' }, 4, INVALID),
    ).toEqual({ ok: true, data: { responsiblePerson: '张工', version: 4 } });
    const bad = toPlanPayload({ fundsYuan: '1,000' }, 4, INVALID);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['fundsYuan']);
  });

  it('formats yuan amounts without floats', () => {
    expect(formatYuan('85000.5')).toBe('85,000.50');
    expect(formatYuan('1234567')).toBe('1,234,567.00');
    expect(formatYuan(null)).toBe('—');
  });
});

describe('ledger URL state', () => {
  it('round-trips filters, sort and page through the URL and drops malformed values', () => {
    const params = new URLSearchParams(
      'status=rectifying&overdue=true&supervised=false&level=huge&foundFrom=2023-13-01&foundTo=2023-06-30&enterpriseId=7&sort=deadline&order=desc&page=3',
    );
    const state = hazardStateFromParams(params);
    expect(state.filters).toEqual({
      q: undefined,
      sector: undefined,
      enterpriseId: 7,
      districtId: undefined,
      level: undefined,
      status: 'rectifying',
      origin: undefined,
      overdue: true,
      supervised: false,
      catalogItemCode: undefined,
      foundFrom: undefined,
      foundTo: '2023-06-30',
    });
    expect(toHazardQuery(state)).toEqual({
      enterpriseId: 7,
      status: 'rectifying',
      overdue: true,
      supervised: false,
      foundTo: '2023-06-30',
      page: 3,
      pageSize: 20,
      sort: 'deadline',
      order: 'desc',
    });
    expect(hazardStateToParams(state).toString()).toBe(
      'enterpriseId=7&status=rectifying&overdue=true&supervised=false&foundTo=2023-06-30&sort=deadline&order=desc&page=3',
    );
  });

  it('keeps 200 rows per page (the largest page the API serves) in the URL, nothing larger', () => {
    const state = hazardStateFromParams(new URLSearchParams('pageSize=200&page=2'));
    expect(state).toMatchObject({ page: 2, pageSize: 200 });
    expect(hazardStateToParams(state).toString()).toBe('page=2&pageSize=200');
    expect(hazardStateFromParams(new URLSearchParams('pageSize=500')).pageSize).toBe(20);
  });

  it('links each to-do group to a ledger view', () => {
    expect(ledgerHref(todoGroupFilters('overdue'))).toBe('/hazards?overdue=true');
    expect(ledgerHref(todoGroupFilters('verification'))).toBe(
      '/hazards?level=major&status=rectified',
    );
    expect(ledgerHref(todoGroupFilters('unknown'))).toBe('/hazards');
  });
});
