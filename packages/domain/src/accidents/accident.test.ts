import { describe, expect, it } from 'vitest';
import {
  createAccidentSchema,
  hazardStatusAt,
  suggestedAccidentLevel,
  traceBackWindowStart,
} from './accident.js';

const WAN = 10_000 * 100; // 1万元 in fen

describe('suggestedAccidentLevel (条例第三条)', () => {
  const level = (deaths: number, seriousInjuries: number, wan: number) =>
    suggestedAccidentLevel({ deaths, seriousInjuries, directLossFen: wan * WAN });

  it('deaths: 2 一般, 3 较大, 9 较大, 10 重大, 29 重大, 30 特别重大', () => {
    expect(level(0, 0, 0)).toBe('general');
    expect(level(2, 0, 0)).toBe('general');
    expect(level(3, 0, 0)).toBe('larger');
    expect(level(9, 0, 0)).toBe('larger');
    expect(level(10, 0, 0)).toBe('major');
    expect(level(29, 0, 0)).toBe('major');
    expect(level(30, 0, 0)).toBe('extraordinary');
  });

  it('serious injuries: 9 / 10 / 49 / 50 / 99 / 100', () => {
    expect(level(0, 9, 0)).toBe('general');
    expect(level(0, 10, 0)).toBe('larger');
    expect(level(0, 49, 0)).toBe('larger');
    expect(level(0, 50, 0)).toBe('major');
    expect(level(0, 99, 0)).toBe('major');
    expect(level(0, 100, 0)).toBe('extraordinary');
  });

  it('direct loss: 1000万 / 5000万 / 1亿 are the lower bounds', () => {
    expect(
      suggestedAccidentLevel({ deaths: 0, seriousInjuries: 0, directLossFen: 1000 * WAN - 1 }),
    ).toBe('general');
    expect(level(0, 0, 1000)).toBe('larger');
    expect(
      suggestedAccidentLevel({ deaths: 0, seriousInjuries: 0, directLossFen: 5000 * WAN - 1 }),
    ).toBe('larger');
    expect(level(0, 0, 5000)).toBe('major');
    expect(
      suggestedAccidentLevel({ deaths: 0, seriousInjuries: 0, directLossFen: 10_000 * WAN - 1 }),
    ).toBe('major');
    expect(level(0, 0, 10_000)).toBe('extraordinary');
  });

  it('the highest figure decides', () => {
    expect(level(1, 60, 100)).toBe('major');
    expect(level(31, 0, 0)).toBe('extraordinary');
  });
});

describe('createAccidentSchema', () => {
  const base = {
    enterpriseId: 1,
    occurredAt: '2023-06-01T10:00:00+08:00',
    type: 'fire',
    deaths: 3,
    seriousInjuries: 0,
    minorInjuries: 2,
    directLossFen: 0,
    level: 'larger',
    report: '仓库起火，三人死亡',
  };

  it('accepts the level the rule gives', () => {
    expect(createAccidentSchema.safeParse(base).success).toBe(true);
  });

  it('a different level needs a reason', () => {
    const r = createAccidentSchema.safeParse({ ...base, level: 'major' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['levelReason']);
    expect(
      createAccidentSchema.safeParse({ ...base, level: 'major', levelReason: '经调查组认定升级' })
        .success,
    ).toBe(true);
  });

  it('refuses negative counts and fractional fen', () => {
    expect(createAccidentSchema.safeParse({ ...base, deaths: -1 }).success).toBe(false);
    expect(createAccidentSchema.safeParse({ ...base, directLossFen: 1.5 }).success).toBe(false);
  });
});

describe('traceBackWindowStart', () => {
  it('is the same instant two years earlier', () => {
    expect(traceBackWindowStart('2023-06-01T02:00:00.000Z')).toBe('2021-06-01T02:00:00.000Z');
  });
  it('29 February falls back to 28 February', () => {
    expect(traceBackWindowStart('2024-02-29T02:00:00.000Z')).toBe('2022-02-28T02:00:00.000Z');
  });
});

describe('hazardStatusAt', () => {
  const events = [
    { id: 1, at: '2023-01-01T00:00:00.000Z', toStatus: 'reported' },
    { id: 2, at: '2023-02-01T00:00:00.000Z', toStatus: 'rectifying' },
    { id: 3, at: '2023-03-01T00:00:00.000Z', toStatus: 'verified' },
  ];
  it('is the last status at or before the instant', () => {
    expect(hazardStatusAt(events, '2023-02-15T00:00:00.000Z')).toBe('rectifying');
    expect(hazardStatusAt(events, '2023-03-01T00:00:00.000Z')).toBe('verified');
  });
  it('is reported before any event', () => {
    expect(hazardStatusAt(events, '2022-12-31T00:00:00.000Z')).toBe('reported');
    expect(hazardStatusAt([], '2023-01-01T00:00:00.000Z')).toBe('reported');
  });
  it('same instant: the later event wins', () => {
    const same = [
      { id: 5, at: '2023-01-01T00:00:00.000Z', toStatus: 'rectified' },
      { id: 4, at: '2023-01-01T00:00:00.000Z', toStatus: 'rectifying' },
    ];
    expect(hazardStatusAt(same, '2023-01-02T00:00:00.000Z')).toBe('rectified');
  });
});
