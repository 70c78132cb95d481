import { describe, expect, it } from 'vitest';
import {
  type ContractFacts,
  drillsInYear,
  drillYearStatus,
  emergencyDrillInputSchema,
  engagedExpertInputSchema,
  hasResponsibilitySystem,
  hasSafetyAgencyOrStaff,
  isContractActive,
  isExpertEngaged,
  missingGuarantors,
  outsourcingContractFlags,
  outsourcingContractInputSchema,
  outsourcingReviewInputSchema,
  responsibilityCoverageGaps,
} from './duty-records.js';

const compliant: ContractFacts = {
  qualificationName: '建筑施工总承包三级',
  qualificationNumber: 'D315012345',
  qualificationExpiry: '2026-12-31',
  agreementSignedOn: '2026-03-01',
  agreementDocuments: 1,
  dutiesDefined: true,
  dutiesText: '乙方负责施工现场安全管理',
  startDate: '2026-03-01',
  endDate: '2026-12-31',
  recordedOn: '2026-03-01',
  lastCheckDate: '2026-05-10',
};
const codes = (c: ContractFacts, on: string) => {
  const f = outsourcingContractFlags(c, on);
  return { problems: f.problems.map((p) => p.code), warnings: f.warnings.map((w) => w.code) };
};

describe('outsourcing contract flags', () => {
  it('finds nothing wrong with a complete, recently checked contract', () => {
    expect(codes(compliant, '2026-06-01')).toEqual({ problems: [], warnings: [] });
  });

  it('flags a missing or incomplete qualification', () => {
    expect(codes({ ...compliant, qualificationName: null }, '2026-06-01').problems).toEqual([
      'qualification_missing',
    ]);
    expect(codes({ ...compliant, qualificationNumber: null }, '2026-06-01').problems).toEqual([
      'qualification_missing',
    ]);
  });

  it('flags an expired qualification from the day after expiry, and warns 30 days ahead', () => {
    const c = { ...compliant, qualificationExpiry: '2026-06-30', endDate: null };
    expect(codes(c, '2026-05-30')).toEqual({ problems: [], warnings: [] });
    expect(codes(c, '2026-05-31').warnings).toEqual(['qualification_expiring']);
    expect(codes(c, '2026-06-30').problems).toEqual([]);
    const expired = outsourcingContractFlags(c, '2026-07-01');
    expect(expired.problems).toEqual([
      { code: 'qualification_expired', detail: { date: '2026-06-30' } },
    ]);
    // A qualification without expiry never expires.
    expect(codes({ ...c, qualificationExpiry: null }, '2030-01-01').problems).toEqual([]);
  });

  it('needs the agreement signed and its copy uploaded, and duties defined with text', () => {
    expect(codes({ ...compliant, agreementSignedOn: null }, '2026-06-01').problems).toEqual([
      'no_safety_agreement',
    ]);
    expect(codes({ ...compliant, agreementDocuments: 0 }, '2026-06-01').problems).toEqual([
      'agreement_not_uploaded',
    ]);
    expect(codes({ ...compliant, dutiesDefined: false }, '2026-06-01').problems).toEqual([
      'duties_not_defined',
    ]);
    expect(codes({ ...compliant, dutiesText: null }, '2026-06-01').problems).toEqual([
      'duties_not_defined',
    ]);
    const all = {
      ...compliant,
      qualificationName: null,
      agreementSignedOn: null,
      dutiesDefined: false,
    };
    expect(codes(all, '2026-06-01').problems).toEqual([
      'qualification_missing',
      'no_safety_agreement',
      'duties_not_defined',
    ]);
  });

  it('warns when no check was made for 3 months, counted from the last check or the start', () => {
    const c = { ...compliant, lastCheckDate: '2026-03-15', startDate: '2026-01-01', endDate: null };
    expect(codes(c, '2026-06-15').warnings).toEqual([]);
    expect(codes(c, '2026-06-16').warnings).toEqual(['no_recent_check']);
    // Never checked: from the start date, else from when it was recorded.
    const fresh = { ...c, lastCheckDate: null, startDate: '2026-05-01' };
    expect(codes(fresh, '2026-07-31').warnings).toEqual([]);
    expect(codes(fresh, '2026-08-02').warnings).toEqual(['no_recent_check']);
    const noStart = { ...fresh, startDate: null, recordedOn: '2026-04-15' };
    expect(codes(noStart, '2026-07-16').warnings).toEqual(['no_recent_check']);
    // Month ends are clamped: 05-31 minus 3 months is 02-28 (2026 is not a leap year).
    expect(codes({ ...c, lastCheckDate: '2026-02-28' }, '2026-05-31').warnings).toEqual([]);
    expect(codes({ ...c, lastCheckDate: '2026-02-27' }, '2026-05-31').warnings).toEqual([
      'no_recent_check',
    ]);
    // Across a year boundary.
    expect(codes({ ...c, lastCheckDate: '2025-11-15' }, '2026-02-15').warnings).toEqual([]);
    expect(codes({ ...c, lastCheckDate: '2025-11-14' }, '2026-02-15').warnings).toEqual([
      'no_recent_check',
    ]);
  });

  it('warns when the term has passed, and ending makes the contract inactive from that day', () => {
    expect(codes(compliant, '2027-01-01').warnings).toContain('term_ended');
    expect(isContractActive({ endedOn: null }, '2026-06-01')).toBe(true);
    expect(isContractActive({ endedOn: '2026-06-01' }, '2026-05-31')).toBe(true);
    expect(isContractActive({ endedOn: '2026-06-01' }, '2026-06-01')).toBe(false);
  });

  it('validates the contract form with clear Chinese messages', () => {
    const r = outsourcingContractInputSchema.safeParse({
      kind: 'rent',
      counterparty: '',
      scopeKind: 'project',
      scope: '罐区防腐',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      qualificationNumber: 'X1',
      dutiesDefined: true,
    });
    expect(r.success).toBe(false);
    const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['kind', '请选择方式（外包/外租/委托/合作）'],
        ['counterparty', '请填写承包或承租单位'],
      ]),
    );
    const cross = outsourcingContractInputSchema.safeParse({
      kind: 'lease',
      counterparty: '某物流公司',
      scopeKind: 'premises',
      scope: '2号仓库',
      startDate: '2026-05-01',
      endDate: '2026-04-01',
      qualificationNumber: 'X1',
      dutiesDefined: true,
      dutiesText: '  ',
    });
    expect(cross.error!.issues.map((i) => i.path.join('.'))).toEqual([
      'endDate',
      'dutiesText',
      'qualificationName',
    ]);
    const ok = outsourcingContractInputSchema.parse({
      kind: 'lease',
      counterparty: '某物流公司',
      scopeKind: 'premises',
      scope: '2号仓库',
      dutiesDefined: false,
      dutiesText: '',
    });
    expect(ok).toMatchObject({ dutiesText: null, qualificationName: null, startDate: null });
  });

  it('refuses a comprehensive check listing a contract twice', () => {
    const r = outsourcingReviewInputSchema.safeParse({
      checkDate: '2026-06-01',
      scope: '全部外包外租项目',
      contractIds: [1, 1],
      findings: '未发现问题',
    });
    expect(r.error!.issues[0]!.message).toBe('合同重复');
  });
});

describe('emergency drills per calendar year', () => {
  const dates = ['2025-12-31', '2026-01-01', '2026-06-15', '2026-12-31', '2027-01-01'];

  it('counts a drill for the year of its own date, up to the day asked', () => {
    expect(drillsInYear(dates, '2025-12-31')).toBe(1);
    expect(drillsInYear(dates, '2026-01-01')).toBe(1);
    expect(drillsInYear(dates, '2026-06-14')).toBe(1);
    expect(drillsInYear(dates, '2026-12-30')).toBe(2);
    expect(drillsInYear(dates, '2026-12-31')).toBe(3);
    expect(drillsInYear(dates, '2027-01-01')).toBe(1);
    expect(drillsInYear([], '2026-06-01')).toBe(0);
  });

  it('is short below two drills', () => {
    expect(drillYearStatus(0)).toEqual({ count: 0, required: 2, short: true });
    expect(drillYearStatus(1).short).toBe(true);
    expect(drillYearStatus(2).short).toBe(false);
  });

  it('needs a scenario, a date and at least one participant', () => {
    const r = emergencyDrillInputSchema.safeParse({
      scenario: '',
      drillDate: '2026-13-01',
      participants: 0,
    });
    expect(r.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['scenario', '请填写演练情景（事故类型、地点）'],
      ['drillDate', '日期格式应为YYYY-MM-DD'],
      ['participants', '参演人数至少为1人'],
    ]);
  });
});

describe('responsibility rules', () => {
  it('needs positions from the main leader to the front line, or a document', () => {
    expect(responsibilityCoverageGaps([])).toEqual(['main_leader', 'frontline']);
    expect(responsibilityCoverageGaps([{ category: 'main_leader' }])).toEqual(['frontline']);
    expect(
      responsibilityCoverageGaps([{ category: 'main_leader' }, { category: 'intern' }]),
    ).toEqual([]);
    expect(hasResponsibilitySystem([{ category: 'main_leader' }], 0)).toBe(false);
    expect(
      hasResponsibilitySystem([{ category: 'main_leader' }, { category: 'dispatched' }], 0),
    ).toBe(true);
    expect(hasResponsibilitySystem([], 1)).toBe(true);
  });

  it('reads safety staffing from the registry fields', () => {
    expect(hasSafetyAgencyOrStaff('agency', null)).toBe(true);
    expect(hasSafetyAgencyOrStaff('part_time', 0)).toBe(true);
    expect(hasSafetyAgencyOrStaff('none', 3)).toBe(false);
    expect(hasSafetyAgencyOrStaff(null, 2)).toBe(true);
    expect(hasSafetyAgencyOrStaff(null, null)).toBe(false);
  });

  it('names the 包保 roles without a person', () => {
    expect(missingGuarantors({ leader: '张恒', technical: ' ', operations: null })).toEqual([
      'technical',
      'operations',
    ]);
  });

  it('counts experts engaged on the day, end day included', () => {
    const e = { engagedFrom: '2026-01-01', engagedTo: '2026-06-30' };
    expect(isExpertEngaged(e, '2025-12-31')).toBe(false);
    expect(isExpertEngaged(e, '2026-06-30')).toBe(true);
    expect(isExpertEngaged(e, '2026-07-01')).toBe(false);
    expect(isExpertEngaged({ ...e, engagedTo: null }, '2030-01-01')).toBe(true);
    const bad = engagedExpertInputSchema.safeParse({
      name: '王工',
      specialty: '化工工艺',
      ...e,
      engagedTo: '2025-01-01',
    });
    expect(bad.error!.issues[0]).toMatchObject({
      path: ['engagedTo'],
      message: '聘期结束不能早于开始',
    });
  });
});
