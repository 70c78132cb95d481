import { describe, expect, it } from 'vitest';
import {
  qualifiedShare,
  shareOfStaff,
  STAFF_QUALIFICATION_RULE,
  type StaffQualificationFacts,
  staffQualification,
} from './staff.js';
import { enrolmentRefusal, trainingHoursByYear } from './training.js';

const degree = (years: number): StaffQualificationFacts => ({
  education: 'bachelor',
  majorSafetyRelated: true,
  safetyYears: years,
});
const noDegree = (years: number): StaffQualificationFacts => ({
  education: 'bachelor',
  majorSafetyRelated: false,
  safetyYears: years,
});

describe('§四(三) qualification rule', () => {
  it('needs a safety-related degree and the years of experience (literal reading)', () => {
    expect(staffQualification(degree(2)).qualified).toBe(true);
    expect(staffQualification(degree(1)).qualified).toBe(false);
    expect(staffQualification(noDegree(20)).qualified).toBe(false);
    // A safety major below the minimum education level does not count as a degree.
    expect(
      staffQualification({
        education: 'high_school_or_below',
        majorSafetyRelated: true,
        safetyYears: 5,
      }),
    ).toEqual({ qualified: false, safetyDegree: false, experienced: true });
    expect(
      staffQualification({
        education: 'secondary_vocational',
        majorSafetyRelated: true,
        safetyYears: 2,
      }).qualified,
    ).toBe(true);
  });

  it('the looser reading accepts either part', () => {
    const rule = { ...STAFF_QUALIFICATION_RULE, combine: 'any' as const };
    expect(staffQualification(noDegree(2), rule).qualified).toBe(true);
    expect(staffQualification(degree(0), rule).qualified).toBe(true);
    expect(staffQualification(noDegree(1), rule).qualified).toBe(false);
  });

  it('meets the 75 % floor at exactly 75 % and not below', () => {
    expect(qualifiedShare({ total: 4, qualified: 3 })).toMatchObject({
      percent: 75,
      meetsFloor: true,
    });
    // 74.99…% rounds to 75.0 for display but is below the floor.
    expect(qualifiedShare({ total: 10_001, qualified: 7_500 })).toMatchObject({
      percent: 75,
      meetsFloor: false,
    });
    expect(qualifiedShare({ total: 3, qualified: 2 })).toMatchObject({
      percent: 66.7,
      meetsFloor: false,
    });
    expect(qualifiedShare({ total: 0, qualified: 0 })).toMatchObject({
      percent: null,
      meetsFloor: null,
    });
    expect(() => qualifiedShare({ total: 1, qualified: 2 })).toThrow(RangeError);
  });

  it('counts a group through the rule', () => {
    const share = shareOfStaff([degree(3), degree(5), degree(2), noDegree(10)]);
    expect(share).toMatchObject({ total: 4, qualified: 3, percent: 75, meetsFloor: true });
    const below = shareOfStaff([degree(3), degree(1), noDegree(10), degree(4)]);
    expect(below).toMatchObject({ total: 4, qualified: 2, percent: 50, meetsFloor: false });
  });
});

describe('training', () => {
  it('sums hours per year exactly', () => {
    expect(
      trainingHoursByYear([
        { heldOn: '2023-06-01', hours: 0.1 },
        { heldOn: '2023-07-01', hours: 0.2 },
        { heldOn: '2022-03-01', hours: 4 },
      ]),
    ).toEqual([
      { year: 2023, hours: 0.3, sessions: 2 },
      { year: 2022, hours: 4, sessions: 1 },
    ]);
  });

  it('refuses enrolment after the deadline or when full', () => {
    const t = { enrolDeadline: '2023-06-30', capacity: 2, enrolled: 1, cancelled: false };
    expect(enrolmentRefusal(t, '2023-06-30')).toBeNull();
    expect(enrolmentRefusal(t, '2023-07-01')?.path).toBe('enrolDeadline');
    expect(enrolmentRefusal({ ...t, enrolled: 2 }, '2023-06-01')?.message).toBe(
      '名额已满（共2人）',
    );
    expect(enrolmentRefusal({ ...t, cancelled: true }, '2023-06-01')).not.toBeNull();
  });
});
