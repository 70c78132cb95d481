import { describe, expect, it } from 'vitest';
import {
  addYears,
  closureLeaderBan,
  dishonestyPeriodEnd,
  ENFORCEMENT_MEASURE_DEFAULT_BASIS,
  ENFORCEMENT_MEASURE_KINDS,
  ENFORCEMENT_MEASURE_LABELS,
  type EnforcementMeasureInput,
  enforcementMeasureSchema,
  isLeaderBanned,
  isOnDishonestyList,
  isOnSiteMeasureActive,
  isSuspensionActive,
  leaderBanEnd,
  ON_SITE_MEASURE_BASIS,
  ON_SITE_MEASURE_KINDS,
  ON_SITE_MEASURE_LABELS,
  onSiteMeasureSchema,
  REFERRAL_OFFENCE_LABELS,
} from './measures.js';

const base = { enterpriseId: 7, date: '2026-03-10', basis: '《安全生产法》第一百一十三条' };
const issues = (v: EnforcementMeasureInput | Record<string, unknown>) => {
  const r = enforcementMeasureSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('addYears and the leader’s 5-year ban', () => {
  it('adds years on the corresponding date; 29 Feb falls back to 28 Feb', () => {
    expect(addYears('2026-03-10', 5)).toBe('2031-03-10');
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2025-12-31', 1)).toBe('2026-12-31');
    expect(addYears('2026-03-10', -1)).toBe('2025-03-10');
  });

  it('ban end = decision date + 5 years, in force through that day', () => {
    expect(leaderBanEnd('2026-03-10')).toBe('2031-03-10');
    expect(isLeaderBanned('2026-03-10', '2026-03-09')).toBe(false);
    expect(isLeaderBanned('2026-03-10', '2026-03-10')).toBe(true);
    expect(isLeaderBanned('2026-03-10', '2031-03-10')).toBe(true);
    expect(isLeaderBanned('2026-03-10', '2031-03-11')).toBe(false);
    expect(closureLeaderBan({ closureDecidedOn: null })).toBeNull();
    expect(closureLeaderBan({ closureDecidedOn: '2026-04-01' })).toEqual({
      from: '2026-04-01',
      to: '2031-04-01',
    });
  });
});

describe('enforcement measures schema', () => {
  it('has a label and a default basis for every kind', () => {
    expect(ENFORCEMENT_MEASURE_KINDS).toEqual([
      'notification',
      'interview',
      'joint_punishment',
      'suspension',
      'closure_proposal',
      'judicial_referral',
      'dishonesty_list',
    ]);
    for (const k of ENFORCEMENT_MEASURE_KINDS) {
      expect(ENFORCEMENT_MEASURE_LABELS[k].zh.length).toBeGreaterThan(0);
      expect(typeof ENFORCEMENT_MEASURE_DEFAULT_BASIS[k]).toBe('string');
    }
    expect(REFERRAL_OFFENCE_LABELS.dangerous_operation).toMatchObject({
      zh: '危险作业罪',
      article: '《刑法》第一百三十四条之一',
    });
  });

  it('accepts each kind and fills defaults', () => {
    const all: EnforcementMeasureInput[] = [
      { ...base, kind: 'notification', scope: '全区安全生产系统' },
      { ...base, kind: 'interview', intervieweeName: '王强', conductedBy: '区应急管理局' },
      {
        ...base,
        kind: 'joint_punishment',
        measures: ['more_inspections', 'insurance_rate_raised'],
        departments: '区发改委、区金融办',
      },
      { ...base, kind: 'suspension', startDate: '2026-03-11' },
      { ...base, kind: 'closure_proposal', proposedTo: '某区人民政府', leaderName: '王强' },
      {
        ...base,
        kind: 'judicial_referral',
        offence: 'dangerous_operation',
        dangerousOperationClause: '2',
        organ: 'public_security',
      },
      { ...base, kind: 'dishonesty_list', entryDate: '2026-03-10' },
    ];
    for (const m of all) expect(issues(m)).toEqual([]);
    const listed = enforcementMeasureSchema.parse(all[6]);
    expect(listed).toMatchObject({ periodYears: 3, removalDate: null, documentIds: [] });
  });

  it('rejects an unknown kind and missing fields per kind', () => {
    expect(issues({ ...base, kind: 'fine' }).length).toBeGreaterThan(0);
    expect(issues({ ...base, kind: 'notification', scope: ' ' })).toEqual([
      'scope: 请填写通报范围',
    ]);
    expect(
      issues({ ...base, kind: 'joint_punishment', measures: [], departments: '区发改委' }),
    ).toEqual(['measures: 请选择至少一项惩戒措施']);
    expect(issues({ ...base, kind: 'notification', scope: '全区', basis: '' })).toEqual([
      'basis: 请填写依据',
    ]);
  });

  it('危险作业罪 needs its clause, other offences none', () => {
    const referral = {
      ...base,
      kind: 'judicial_referral' as const,
      organ: 'public_security' as const,
    };
    expect(issues({ ...referral, offence: 'dangerous_operation' })).toEqual([
      'dangerousOperationClause: 危险作业罪须选择刑法第一百三十四条之一的具体情形',
    ]);
    expect(
      issues({ ...referral, offence: 'major_liability_accident', dangerousOperationClause: '1' }),
    ).toEqual(['dangerousOperationClause: 只有危险作业罪需要选择情形']);
    expect(issues({ ...referral, offence: 'major_liability_accident' })).toEqual([]);
  });

  it('dates in order', () => {
    expect(
      issues({ ...base, kind: 'suspension', startDate: '2026-03-11', liftedOn: '2026-03-10' }),
    ).toEqual(['liftedOn: 解除日期不能早于开始日期']);
    expect(
      issues({
        ...base,
        kind: 'dishonesty_list',
        entryDate: '2026-03-10',
        removalDate: '2026-03-09',
      }),
    ).toEqual(['removalDate: 移出日期不能早于列入日期']);
    expect(
      issues({
        ...base,
        kind: 'closure_proposal',
        proposedTo: '某区人民政府',
        leaderName: '王强',
        closureDecidedOn: '2026-03-01',
      }),
    ).toEqual(['closureDecidedOn: 关闭决定日期不能早于提请日期']);
  });
});

describe('serious-dishonesty list', () => {
  const entry = { entryDate: '2026-03-10', periodYears: 3, removalDate: null };
  it('active from entry through the end of the period', () => {
    expect(dishonestyPeriodEnd(entry)).toBe('2029-03-10');
    expect(isOnDishonestyList(entry, '2026-03-09')).toBe(false);
    expect(isOnDishonestyList(entry, '2026-03-10')).toBe(true);
    expect(isOnDishonestyList(entry, '2029-03-10')).toBe(true);
    expect(isOnDishonestyList(entry, '2029-03-11')).toBe(false);
  });
  it('not listed from the removal day on', () => {
    const removed = { ...entry, removalDate: '2027-03-10' };
    expect(isOnDishonestyList(removed, '2027-03-09')).toBe(true);
    expect(isOnDishonestyList(removed, '2027-03-10')).toBe(false);
    expect(isOnDishonestyList({ ...entry, removalDate: '2026-03-10' }, '2026-03-10')).toBe(false);
  });
});

describe('suspension and on-site measures', () => {
  it('suspension in force until the day it is lifted', () => {
    const s = { startDate: '2026-03-11', liftedOn: '2026-04-01' };
    expect(isSuspensionActive(s, '2026-03-10')).toBe(false);
    expect(isSuspensionActive(s, '2026-03-11')).toBe(true);
    expect(isSuspensionActive(s, '2026-03-31')).toBe(true);
    expect(isSuspensionActive(s, '2026-04-01')).toBe(false);
    expect(isSuspensionActive({ ...s, liftedOn: null }, '2030-01-01')).toBe(true);
  });

  it('three on-site measures, with their basis and lifting', () => {
    expect(ON_SITE_MEASURE_KINDS).toEqual(['evacuate_personnel', 'suspend_operations', 'stop_use']);
    expect(ON_SITE_MEASURE_LABELS.stop_use.zh).toBe('责令停止使用相关设施、设备');
    const m = onSiteMeasureSchema.parse({
      kind: 'stop_use',
      enterpriseId: 7,
      subject: '2号液化烃储罐',
      imposedOn: '2026-03-02',
    });
    expect(m).toMatchObject({ basis: ON_SITE_MEASURE_BASIS, liftedOn: null, hazardId: null });
    expect(isOnSiteMeasureActive(m, '2026-03-01')).toBe(false);
    expect(isOnSiteMeasureActive(m, '2026-03-02')).toBe(true);
    const lifted = { ...m, liftedOn: '2026-03-20' };
    expect(isOnSiteMeasureActive(lifted, '2026-03-19')).toBe(true);
    expect(isOnSiteMeasureActive(lifted, '2026-03-20')).toBe(false);
    const bad = onSiteMeasureSchema.safeParse({ ...m, liftedOn: '2026-03-01' });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.message).toBe('解除日期不能早于采取措施日期');
    expect(onSiteMeasureSchema.safeParse({ ...m, kind: 'seal' }).success).toBe(false);
  });
});
