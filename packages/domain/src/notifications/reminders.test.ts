import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_RULES,
  drillsExpectedBy,
  hazardDeadlineOccasion,
  hazardReminders,
  majorHazardEscalations,
  nextDailyRunAt,
  reminderDedupeKey,
} from './reminders.js';

describe('reminder rules', () => {
  it('picks the smallest deadline threshold reached, then overdue', () => {
    const at = (today: string) =>
      hazardDeadlineOccasion('2023-09-20', today, DEFAULT_REMINDER_RULES);
    expect(at('2023-09-12')).toBeNull();
    expect(at('2023-09-13')).toEqual({ threshold: 7, daysLeft: 7 });
    expect(at('2023-09-18')).toEqual({ threshold: 7, daysLeft: 2 });
    expect(at('2023-09-19')).toEqual({ threshold: 1, daysLeft: 1 });
    expect(at('2023-09-20')).toEqual({ threshold: 1, daysLeft: 0 });
    expect(at('2023-09-21')).toEqual({ threshold: 'overdue', daysLeft: -1 });
  });

  it('escalates overdue major hazards by the configured days', () => {
    expect(majorHazardEscalations(0, DEFAULT_REMINDER_RULES)).toEqual([]);
    expect(majorHazardEscalations(1, DEFAULT_REMINDER_RULES)).toEqual(['office']);
    expect(majorHazardEscalations(7, DEFAULT_REMINDER_RULES)).toEqual(['office', 'bureau']);
  });

  it('addresses hazard reminders to the enterprise and the sector office, escalations beyond', () => {
    const facts = {
      id: 5,
      number: 'H-5',
      title: '报警器失效',
      level: 'major' as const,
      sector: 'hazchem' as const,
      districtId: 3,
      enterpriseId: 9,
      enterpriseName: '甲企业',
      deadline: '2023-09-20',
      supervisionLevel: null,
    };
    const reminders = hazardReminders(facts, '2023-09-27');
    expect(reminders.map((r) => r.rule)).toEqual([
      'hazard_overdue',
      'hazard_escalation_office',
      'hazard_escalation_bureau',
    ]);
    expect(reminders[2]!.audiences).toEqual([{ kind: 'bureau', districtId: 3 }]);
    expect(reminderDedupeKey(reminders[0]!, 11)).toBe('hazard_overdue:hazard:5:11:2023-09-20');
  });

  it('expects one drill by the second half-year and all of them in December', () => {
    expect(drillsExpectedBy('2023-01-15')).toBe(0);
    expect(drillsExpectedBy('2023-06-30')).toBe(0);
    expect(drillsExpectedBy('2023-07-01')).toBe(1);
    expect(drillsExpectedBy('2023-12-01')).toBe(2);
  });

  it('schedules the daily run at the China time, today or tomorrow', () => {
    // 2023-08-14 22:00 UTC is 06:00 on the 15th in China: the run is at 07:00 China time that day.
    expect(nextDailyRunAt(new Date('2023-08-14T22:00:00Z'), '07:00').toISOString()).toBe(
      '2023-08-14T23:00:00.000Z',
    );
    expect(nextDailyRunAt(new Date('2023-08-14T23:00:00Z'), '07:00').toISOString()).toBe(
      '2023-08-15T23:00:00.000Z',
    );
  });
});
