import { describe, expect, it } from 'vitest';
import {
  chinaDateOfInstant,
  chinaPeriodBounds,
  FIGURE_KEYS,
  FIGURES,
  fenToWanYuan,
  percentShare,
  rectificationRate,
  reportWeekOf,
  reportWeekOfInstant,
  supportedFigureKeys,
} from './figures.js';

describe('the figure catalogue', () => {
  it('has one definition per key, under its own key', () => {
    expect(new Set(FIGURE_KEYS).size).toBe(FIGURE_KEYS.length);
    expect(Object.keys(FIGURES).sort()).toEqual([...FIGURE_KEYS].sort());
    for (const key of FIGURE_KEYS) expect(FIGURES[key].key).toBe(key);
  });

  it('gives every figure labels, a unit and a Chinese definition', () => {
    for (const f of Object.values(FIGURES)) {
      expect(f.zh.length).toBeGreaterThan(1);
      expect(f.en.length).toBeGreaterThan(1);
      expect(['家', '项', '家次', '起', '人', '万元', '%']).toContain(f.unit);
      expect(f.definition).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says why an unsupported figure is missing, and only then', () => {
    for (const f of Object.values(FIGURES)) {
      if (f.supported) expect(f.unsupportedReason).toBeUndefined();
      else expect(f.unsupportedReason).toMatch(/[\u4e00-\u9fff]{10}/);
    }
    expect(FIGURES.judicial_referral_persons.supported).toBe(false);
    expect(FIGURES.enforcement_staff_qualified_share.supported).toBe(true);
    expect(supportedFigureKeys()).not.toContain('judicial_referral_persons');
  });

  it('links parts and ratios to figures that exist; ratios are percentages', () => {
    for (const f of Object.values(FIGURES)) {
      if (f.partOf) expect(FIGURES[f.partOf]).toBeDefined();
      if (f.kind === 'ratio') {
        expect(f.unit).toBe('%');
        if (f.supported) {
          expect(FIGURES[f.ratio!.numerator].supported).toBe(true);
          expect(FIGURES[f.ratio!.denominator].supported).toBe(true);
        }
        expect(f.recordType).toBeUndefined();
      } else if (f.supported) {
        expect(f.recordType).toBeDefined();
      }
    }
  });
});

describe('report weeks (Monday–Sunday, China time)', () => {
  it('finds the week of any day of it', () => {
    // 2023-05-22 was a Monday, 2023-05-28 a Sunday.
    for (const d of ['2023-05-22', '2023-05-25', '2023-05-28'])
      expect(reportWeekOf(d)).toEqual({ from: '2023-05-22', to: '2023-05-28' });
    expect(reportWeekOf('2023-05-29')).toEqual({ from: '2023-05-29', to: '2023-06-04' });
  });

  it('crosses months and years', () => {
    expect(reportWeekOf('2024-01-01')).toEqual({ from: '2024-01-01', to: '2024-01-07' });
    expect(reportWeekOf('2023-12-31')).toEqual({ from: '2023-12-25', to: '2023-12-31' });
    expect(reportWeekOf('2024-03-01')).toEqual({ from: '2024-02-26', to: '2024-03-03' });
  });

  it('puts an instant in the week of its China day, not its UTC day', () => {
    // Sunday 23:59:59 China time is Sunday 15:59:59 UTC.
    expect(reportWeekOfInstant('2023-05-28T15:59:59.999Z').from).toBe('2023-05-22');
    // Monday 00:00 China time is still Sunday in UTC.
    expect(chinaDateOfInstant('2023-05-28T16:00:00.000Z')).toBe('2023-05-29');
    expect(reportWeekOfInstant('2023-05-28T16:00:00.000Z').from).toBe('2023-05-29');
    expect(reportWeekOfInstant('2023-05-29T00:00:00+08:00').from).toBe('2023-05-29');
  });

  it('refuses what is not a date', () => {
    expect(() => reportWeekOf('2023-5-2')).toThrow(RangeError);
    expect(() => chinaDateOfInstant('yesterday')).toThrow(RangeError);
  });
});

describe('period bounds as UTC instants', () => {
  const week = chinaPeriodBounds({ from: '2023-05-22', to: '2023-05-28' });

  it('starts at 00:00 China time on the first day and ends before 00:00 after the last', () => {
    expect(week).toEqual({ start: '2023-05-21T16:00:00.000Z', end: '2023-05-28T16:00:00.000Z' });
  });

  it('keeps 23:59:59 on Sunday in the week and 00:00 Monday out (string comparison)', () => {
    const inWeek = (iso: string) => week.start <= iso && iso < week.end;
    expect(inWeek(new Date('2023-05-28T23:59:59.999+08:00').toISOString())).toBe(true);
    expect(inWeek(new Date('2023-05-29T00:00:00+08:00').toISOString())).toBe(false);
    expect(inWeek(new Date('2023-05-22T00:00:00+08:00').toISOString())).toBe(true);
    expect(inWeek(new Date('2023-05-21T23:59:59.999+08:00').toISOString())).toBe(false);
  });

  it('handles a one-day period and refuses a reversed one', () => {
    expect(chinaPeriodBounds({ from: '2023-12-31', to: '2023-12-31' })).toEqual({
      start: '2023-12-30T16:00:00.000Z',
      end: '2023-12-31T16:00:00.000Z',
    });
    expect(() => chinaPeriodBounds({ from: '2023-05-28', to: '2023-05-22' })).toThrow(RangeError);
  });
});

describe('rectification rate (整改率)', () => {
  it('is rectified ÷ found in percent, 1 decimal, half up', () => {
    expect(rectificationRate(2, 3)).toBe(66.7);
    expect(rectificationRate(1, 3)).toBe(33.3);
    expect(rectificationRate(1, 16)).toBe(6.3); // 6.25 → 6.3
    expect(rectificationRate(1, 8)).toBe(12.5);
    expect(rectificationRate(0, 5)).toBe(0);
    expect(rectificationRate(7, 7)).toBe(100);
    expect(rectificationRate(999, 1000)).toBe(99.9);
    expect(rectificationRate(9999, 10000)).toBe(100); // 99.99 rounds up to 100.0
  });

  it('is null when nothing was found', () => {
    expect(rectificationRate(0, 0)).toBeNull();
    expect(percentShare(0, 0)).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => rectificationRate(4, 3)).toThrow(RangeError);
    expect(() => percentShare(-1, 3)).toThrow(RangeError);
    expect(() => percentShare(1.5, 3)).toThrow(RangeError);
  });
});

describe('fen to 万元', () => {
  it('is exact to the fen', () => {
    expect(fenToWanYuan(1_000_000)).toBe(1);
    expect(fenToWanYuan(250_000_00)).toBe(25);
    expect(fenToWanYuan(12_345)).toBe(0.012345);
    expect(fenToWanYuan(0)).toBe(0);
    expect(() => fenToWanYuan(1.5)).toThrow(RangeError);
  });
});
