import { describe, expect, it } from 'vitest';
import { HistoryClock } from './clock.js';

describe('HistoryClock', () => {
  const first = Date.parse('2021-12-01T00:00:00Z');
  const clock = new HistoryClock(first);

  it('writes instants exactly as toISOString does, across midnight, months and leap days', () => {
    let checked = 0;
    for (let day = -2; day < 1_900; day += 7) {
      for (const [hour, minute] of [
        [0, 0], [7, 59], [8, 0], [9, 30], [15, 5], [23, 59], [26, 10], [-3, 45], [8, 1_500],
      ] as const) {
        const expected = new Date(first + day * 86_400_000 + (hour - 8) * 3_600_000 + minute * 60_000).toISOString();
        expect(clock.instant(day, hour, minute)).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2_000);
    expect(clock.instant(820, 10)).toBe('2024-02-29T02:00:00.000Z');
    expect(clock.instant(821, 7, 30)).toBe('2024-02-29T23:30:00.000Z');
  });

  it('gives the day of the history as a date', () => {
    expect(clock.date(0)).toBe('2021-12-01');
    expect(clock.date(31)).toBe('2022-01-01');
    expect(clock.date(-1)).toBe('2021-11-30');
    expect(clock.date(0)).toBe('2021-12-01');
  });

  it('refuses a first day that does not start at UTC midnight', () => {
    expect(() => new HistoryClock(first + 3_600_000)).toThrow(/midnight/);
  });
});
