import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createCampaignSchema,
  DEFAULT_WEEKLY,
  defaultMilestones,
  defaultPhases,
  updateCampaignSchema,
  withCampaignDefaults,
} from './campaign.js';
import {
  addDays,
  campaignProgress,
  currentPhase,
  dayNumber,
  isoWeekday,
} from './campaign-progress.js';

const campaign2023 = {
  phases: defaultPhases(2023),
  weekly: DEFAULT_WEEKLY,
  milestones: defaultMilestones(2023),
};

describe('campaign defaults', () => {
  it("are the seed's four contiguous phases and two milestone reports", () => {
    expect(defaultPhases(2023)).toEqual([
      { key: 'mobilize', name: '动员部署', start: '2023-05-01', end: '2023-05-25' },
      {
        key: 'self_check',
        name: '企业自查自改和部门帮扶',
        start: '2023-05-26',
        end: '2023-07-31',
      },
      { key: 'enforcement', name: '部门精准执法', start: '2023-08-01', end: '2023-10-31' },
      { key: 'summary', name: '总结提高', start: '2023-11-01', end: '2023-12-31' },
    ]);
    expect(defaultMilestones(2024).map((m) => m.due)).toEqual(['2024-08-13', '2024-12-13']);
    const filled = withCampaignDefaults(
      createCampaignSchema.parse({ name: '2024年专项行动', year: 2024, sectors: ['hazchem'] }),
    );
    expect(filled.weekly).toEqual({ weekday: 1, hour: 12 });
    expect(filled.phases[3]!.end).toBe('2024-12-31');
    expect(filled.orgUnitId).toBeNull();
  });

  it('refuses overlapping or reversed phases, duplicate keys and sectors', () => {
    const phases = defaultPhases(2023);
    const base = {
      name: '专项行动',
      year: 2023,
      sectors: ['hazchem'],
      weekly: DEFAULT_WEEKLY,
      milestones: [],
      version: 1,
    };
    const paths = (input: unknown) => {
      const r = updateCampaignSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ ...base, phases })).toEqual([]);
    expect(paths({ ...base, phases: [phases[0], { ...phases[1]!, start: '2023-05-20' }] })).toEqual(
      ['phases.1.start'],
    );
    expect(paths({ ...base, phases: [{ ...phases[0]!, end: '2023-04-01' }] })).toEqual([
      'phases.0.end',
    ]);
    expect(paths({ ...base, phases: [phases[0], { ...phases[1]!, key: 'mobilize' }] })).toEqual([
      'phases.1.key',
    ]);
    expect(paths({ ...base, sectors: ['hazchem', 'hazchem'], phases })).toEqual(['sectors']);
    expect(paths({ ...base, phases, weekly: { weekday: 8, hour: 12 } })).toEqual([
      'weekly.weekday',
    ]);
  });
});

describe('calendar helpers', () => {
  it('knows weekdays and adds days across months and years', () => {
    expect(isoWeekday('2023-05-22')).toBe(1); // a Monday
    expect(isoWeekday('2023-05-28')).toBe(7);
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dayNumber('1970-01-02')).toBe(1);
  });
});

describe('currentPhase', () => {
  it('finds the phase whose dates contain the day, deadlines inclusive', () => {
    expect(currentPhase(campaign2023, '2023-05-25')?.phase.key).toBe('mobilize');
    expect(currentPhase(campaign2023, '2023-05-26')?.phase.key).toBe('self_check');
    expect(currentPhase(campaign2023, '2023-08-13')).toMatchObject({
      index: 2,
      phase: { name: '部门精准执法' },
    });
    expect(currentPhase(campaign2023, '2023-12-31')?.phase.key).toBe('summary');
    expect(currentPhase(campaign2023, '2023-04-30')).toBeNull();
    expect(currentPhase(campaign2023, '2024-01-01')).toBeNull();
  });

  it('is null in a gap between phases', () => {
    const gap = {
      phases: [
        { key: 'a', name: '甲', start: '2023-01-01', end: '2023-01-10' },
        { key: 'b', name: '乙', start: '2023-01-20', end: '2023-01-31' },
      ],
    };
    expect(currentPhase(gap, '2023-01-15')).toBeNull();
  });

  it('inside the campaign period of contiguous phases, always some phase', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 244 }), (offset) => {
        const day = addDays('2023-05-01', offset);
        const found = currentPhase(campaign2023, day);
        expect(found).not.toBeNull();
        expect(found!.phase.start <= day && day <= found!.phase.end).toBe(true);
      }),
    );
  });
});

describe('campaignProgress', () => {
  it('on a day of the self-check phase', () => {
    const p = campaignProgress(campaign2023, '2023-07-01');
    expect(p).toMatchObject({
      status: 'in_progress',
      startDate: '2023-05-01',
      endDate: '2023-12-31',
      totalDays: 245,
      elapsedDays: 62,
      phase: { key: 'self_check', index: 1, end: '2023-07-31' },
      daysLeftInPhase: 30,
      nextPhase: { key: 'enforcement' },
      nextMilestone: { key: 'interim', due: '2023-08-13', daysLeft: 43 },
      nextWeeklyDue: { date: '2023-07-03', hour: 12 },
    });
    expect(p.elapsedShare).toBeCloseTo(62 / 245, 3);
    expect(p.phaseElapsedShare).toBeCloseTo(37 / 67, 3);
  });

  it('before the start, on the last day and after the end', () => {
    const before = campaignProgress(campaign2023, '2023-03-01');
    expect(before).toMatchObject({
      status: 'not_started',
      elapsedDays: 0,
      elapsedShare: 0,
      phase: null,
      daysLeftInPhase: null,
      nextPhase: { key: 'mobilize' },
      nextWeeklyDue: { date: '2023-05-01' }, // a Monday, the first day
    });
    const last = campaignProgress(campaign2023, '2023-12-31');
    expect(last).toMatchObject({
      status: 'in_progress',
      elapsedShare: 1,
      daysLeftInPhase: 0,
      nextPhase: null,
      nextMilestone: null,
      nextWeeklyDue: null, // 2023-12-31 is a Sunday; the next Monday is after the end
    });
    const after = campaignProgress(campaign2023, '2024-02-01');
    expect(after).toMatchObject({ status: 'finished', elapsedShare: 1, phase: null });
  });

  it('the weekly deadline is on the configured weekday, never before the day asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 230 }),
        fc.integer({ min: 1, max: 7 }),
        (offset, weekday) => {
          const day = addDays('2023-05-01', offset);
          const due = campaignProgress(
            { ...campaign2023, weekly: { weekday, hour: 9 } },
            day,
          ).nextWeeklyDue;
          if (due === null) return;
          expect(isoWeekday(due.date)).toBe(weekday);
          expect(dayNumber(due.date) - dayNumber(day)).toBeGreaterThanOrEqual(0);
          expect(dayNumber(due.date) - dayNumber(day)).toBeLessThan(7);
        },
      ),
    );
  });

  it('elapsed share never decreases and stays within 0..1', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 300 }), (offset) => {
        const a = campaignProgress(campaign2023, addDays('2023-05-01', offset));
        const b = campaignProgress(campaign2023, addDays('2023-05-01', offset + 1));
        expect(a.elapsedShare).toBeGreaterThanOrEqual(0);
        expect(b.elapsedShare).toBeLessThanOrEqual(1);
        expect(b.elapsedShare).toBeGreaterThanOrEqual(a.elapsedShare);
      }),
    );
  });
});
