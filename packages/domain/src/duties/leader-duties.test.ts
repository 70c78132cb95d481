import { describe, expect, it } from 'vitest';
import {
  calendarMonthsSpanned,
  checkInRefusal,
  dutyDayState,
  dutyRosterInputSchema,
  keyPeriodDays,
  keyPeriodInputSchema,
  keyPeriodState,
  lastDayOfCalendarMonth,
  leaderFindingInputSchema,
  leaderInspectionMonths,
  missedKeyPeriodDays,
  missingLeaderInspectionMonths,
  safetyFundInputSchema,
  signedInspectionMonths,
} from './leader-duties.js';

const campaign = { startDate: '2023-05-15', endDate: '2023-12-31' };

describe('campaign months', () => {
  it('spans partial first and last months and crosses years', () => {
    expect(calendarMonthsSpanned('2023-05-15', '2023-08-02')).toEqual([
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
    ]);
    expect(calendarMonthsSpanned('2023-11-20', '2024-02-10')).toEqual([
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
    ]);
    expect(calendarMonthsSpanned('2023-05-01', '2023-05-01')).toEqual(['2023-05']);
    expect(calendarMonthsSpanned('2023-06-01', '2023-05-01')).toEqual([]);
  });

  it('knows the last day of months, February of leap years included', () => {
    expect(lastDayOfCalendarMonth('2023-02')).toBe('2023-02-28');
    expect(lastDayOfCalendarMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfCalendarMonth('2023-12')).toBe('2023-12-31');
    expect(lastDayOfCalendarMonth('2023-04')).toBe('2023-04-30');
  });
});

describe('monthly leader inspection rule', () => {
  it('flags nothing before the first month has ended', () => {
    expect(missingLeaderInspectionMonths(campaign, '2023-05-15', [])).toEqual([]);
    // The current month is not flagged on its last day.
    expect(missingLeaderInspectionMonths(campaign, '2023-05-31', [])).toEqual([]);
  });

  it('flags a partial first month (campaign starting mid-month) from the next day on', () => {
    expect(missingLeaderInspectionMonths(campaign, '2023-06-01', [])).toEqual(['2023-05']);
  });

  it('flags exactly the finished months without a signed inspection', () => {
    const signed = ['2023-05', '2023-07'];
    expect(missingLeaderInspectionMonths(campaign, '2023-09-10', signed)).toEqual([
      '2023-06',
      '2023-08',
    ]);
    // September is still running: not flagged even without an inspection.
    expect(missingLeaderInspectionMonths(campaign, '2023-09-30', signed)).not.toContain('2023-09');
    expect(missingLeaderInspectionMonths(campaign, '2023-10-01', signed)).toContain('2023-09');
  });

  it('flags a month that has only an unsigned record', () => {
    const months = leaderInspectionMonths(campaign, '2023-07-02', ['2023-05'], ['2023-06']);
    expect(months.find((m) => m.month === '2023-06')).toEqual({
      month: '2023-06',
      due: true,
      signed: false,
      unsigned: true,
      missing: true,
    });
    expect(months.find((m) => m.month === '2023-07')).toMatchObject({ due: false, missing: false });
  });

  it('closes a last partial month on the campaign end, and flags nothing later', () => {
    const short = { startDate: '2023-05-15', endDate: '2023-07-10' };
    expect(missingLeaderInspectionMonths(short, '2023-07-10', ['2023-05', '2023-06'])).toEqual([]);
    expect(missingLeaderInspectionMonths(short, '2023-07-11', ['2023-05', '2023-06'])).toEqual([
      '2023-07',
    ]);
    expect(missingLeaderInspectionMonths(short, '2024-03-01', [])).toEqual([
      '2023-05',
      '2023-06',
      '2023-07',
    ]);
  });

  it('counts signed inspections dated within the campaign only', () => {
    const months = signedInspectionMonths(campaign, [
      { inspectedOn: '2023-05-10', signed: true }, // before the campaign started
      { inspectedOn: '2023-06-03', signed: false }, // a draft
      { inspectedOn: '2023-07-20', signed: true },
      { inspectedOn: '2024-01-05', signed: true }, // after the campaign
    ]);
    expect([...months]).toEqual(['2023-07']);
  });
});

describe('key periods', () => {
  const period = { startDate: '2023-10-01', endDate: '2023-10-07' };

  it('lists days and states', () => {
    expect(keyPeriodDays('2023-09-30', '2023-10-02')).toEqual([
      '2023-09-30',
      '2023-10-01',
      '2023-10-02',
    ]);
    expect(keyPeriodState(period, '2023-09-30')).toBe('upcoming');
    expect(keyPeriodState(period, '2023-10-07')).toBe('ongoing');
    expect(keyPeriodState(period, '2023-10-08')).toBe('ended');
    expect(dutyDayState('2023-10-01', '2023-10-03', false)).toBe('missed');
    expect(dutyDayState('2023-10-03', '2023-10-03', false)).toBe('today');
    expect(dutyDayState('2023-10-04', '2023-10-03', false)).toBe('upcoming');
    expect(dutyDayState('2023-10-01', '2023-10-03', true)).toBe('checked_in');
  });

  it('counts missed days before the date, once across overlapping periods, by year', () => {
    const other = { startDate: '2023-10-05', endDate: '2023-10-10' };
    expect(
      missedKeyPeriodDays([period, other], ['2023-10-01', '2023-10-02'], '2023-10-07'),
    ).toEqual(['2023-10-03', '2023-10-04', '2023-10-05', '2023-10-06']);
    const newYear = { startDate: '2023-12-30', endDate: '2024-01-02' };
    expect(missedKeyPeriodDays([newYear], [], '2024-01-03', 2024)).toEqual([
      '2024-01-01',
      '2024-01-02',
    ]);
    expect(missedKeyPeriodDays([newYear], [], '2024-01-03', 2023)).toEqual([
      '2023-12-30',
      '2023-12-31',
    ]);
  });

  it('allows a check-in only on the day itself, within the period', () => {
    expect(checkInRefusal(period, '2023-10-03', '2023-10-03')).toBeNull();
    expect(checkInRefusal(period, '2023-10-04', '2023-10-03')).toBe('不能提前签到');
    expect(checkInRefusal(period, '2023-10-02', '2023-10-03')).toMatch(/不能补签/);
    expect(checkInRefusal(period, '2023-10-08', '2023-10-08')).toMatch(/不在关键时间节点内/);
  });

  it('validates declarations and rosters', () => {
    const ok = keyPeriodInputSchema.safeParse({
      name: '国庆节',
      startDate: '2023-10-01',
      endDate: '2023-10-07',
      sectors: ['hazchem'],
    });
    expect(ok.success).toBe(true);
    const backwards = keyPeriodInputSchema.safeParse({
      name: '国庆节',
      startDate: '2023-10-07',
      endDate: '2023-10-01',
      sectors: ['hazchem'],
    });
    expect(backwards.error?.issues[0]?.path).toEqual(['endDate']);
    const tooLong = keyPeriodInputSchema.safeParse({
      name: '全年',
      startDate: '2023-01-01',
      endDate: '2023-12-31',
      sectors: ['hazchem'],
    });
    expect(tooLong.error?.issues[0]?.message).toMatch(/最长/);
    const dup = dutyRosterInputSchema.safeParse({
      entries: [
        { date: '2023-10-01', leaderName: '张恒' },
        { date: '2023-10-01', leaderName: '刘安' },
      ],
    });
    expect(dup.error?.issues[0]?.path).toEqual(['entries', 1, 'date']);
  });
});

describe('findings and funds', () => {
  it('needs a reason when a finding becomes a hazard without a catalog item', () => {
    const base = { title: '储罐区巡检', description: '可燃气体报警器失效' };
    expect(leaderFindingInputSchema.safeParse(base).success).toBe(true);
    const noReason = leaderFindingInputSchema.safeParse({ ...base, hazardLevel: 'major' });
    expect(noReason.error?.issues[0]?.path).toEqual(['noCatalogReason']);
    expect(
      leaderFindingInputSchema.safeParse({
        ...base,
        hazardLevel: 'major',
        catalogItemCode: 'HG-2017-05',
      }).success,
    ).toBe(true);
  });

  it('takes fund amounts in yuan with at most two decimals', () => {
    expect(
      safetyFundInputSchema.safeParse({ extractedYuan: '1200.5', spentYuan: '0' }).success,
    ).toBe(true);
    expect(
      safetyFundInputSchema.safeParse({ extractedYuan: '1.234', spentYuan: '0' }).success,
    ).toBe(false);
  });
});
