import { describe, expect, it } from 'vitest';
import { addDays } from '../campaign/campaign-progress.js';
import {
  closureThreshold,
  isWithin180Days,
  isWithinOneYear,
  type PenaltyDecisionRef,
  type RecurrenceHazardRef,
  recurringItems,
} from './repeat-offenders.js';

const decisions = (start: string, offsets: number[]): PenaltyDecisionRef[] =>
  offsets.map((o, i) => ({ caseId: i + 1, decidedOn: addDays(start, o) }));

describe('closure threshold: 3 within 180 days', () => {
  it('edges: 179 and 180 days in, 181 out', () => {
    expect(isWithin180Days('2025-01-01', '2025-06-29')).toBe(true); // +179
    expect(isWithin180Days('2025-01-01', '2025-06-30')).toBe(true); // +180
    expect(isWithin180Days('2025-01-01', '2025-07-01')).toBe(false); // +181
    expect(closureThreshold(decisions('2025-01-01', [0, 90, 179])).met).toBe(true);
    expect(closureThreshold(decisions('2025-01-01', [0, 90, 180])).within180Days).toEqual({
      metOn: '2025-06-30',
      decisions: decisions('2025-01-01', [0, 90, 180]),
    });
    const out = closureThreshold(decisions('2025-01-01', [0, 90, 181]));
    expect(out).toEqual({ met: false, within180Days: null, withinOneYear: null });
  });

  it('two decisions never meet it; same-day cases count separately', () => {
    expect(closureThreshold(decisions('2025-01-01', [0, 1])).met).toBe(false);
    expect(closureThreshold(decisions('2025-01-01', [5, 5, 5])).within180Days?.metOn).toBe(
      '2025-01-06',
    );
    expect(closureThreshold([]).met).toBe(false);
  });

  it('a case counts once, whatever the input order', () => {
    const ds = decisions('2025-01-01', [0, 100]);
    expect(closureThreshold([...ds, ds[0]!]).met).toBe(false);
    const three = decisions('2025-01-01', [170, 0, 100]);
    expect(closureThreshold(three).within180Days?.decisions.map((d) => d.caseId)).toEqual([
      2, 3, 1,
    ]);
  });

  it('finds the first window anywhere in a long history', () => {
    const r = closureThreshold(decisions('2023-01-01', [0, 200, 400, 500, 560, 900]));
    // 400, 500, 560 are within 160 days.
    expect(r.within180Days?.decisions.map((d) => d.decidedOn)).toEqual([
      '2024-02-05',
      '2024-05-15',
      '2024-07-14',
    ]);
    expect(r.within180Days?.metOn).toBe('2024-07-14');
  });
});

describe('closure threshold: 4 within one year', () => {
  it('edges in a common year: 364 and 365 days in, 366 out', () => {
    expect(isWithinOneYear('2025-01-01', '2025-12-31')).toBe(true); // +364
    expect(isWithinOneYear('2025-01-01', '2026-01-01')).toBe(true); // +365
    expect(isWithinOneYear('2025-01-01', '2026-01-02')).toBe(false); // +366
    // 0, 181, 362 never make 3 in 180 days; the 4th decides the one-year rule.
    for (const [last, met] of [
      [364, true],
      [365, true],
      [366, false],
    ] as const) {
      const r = closureThreshold(decisions('2025-01-01', [0, 181, 362, last]));
      expect(r.within180Days).toBeNull();
      expect(r.met).toBe(met);
      if (met) expect(r.withinOneYear?.decisions).toHaveLength(4);
    }
  });

  it('edges across a 29 February: 366 days in, 367 out', () => {
    expect(isWithinOneYear('2027-03-01', '2028-03-01')).toBe(true); // +366
    expect(isWithinOneYear('2027-03-01', '2028-03-02')).toBe(false); // +367
    // From 29 February the year ends on 28 February.
    expect(isWithinOneYear('2024-02-29', '2025-02-28')).toBe(true);
    expect(isWithinOneYear('2024-02-29', '2025-03-01')).toBe(false);
  });

  it('both rules can be met; each gives its own evidence', () => {
    const r = closureThreshold(decisions('2025-01-01', [0, 10, 20, 30]));
    expect(r.met).toBe(true);
    expect(r.within180Days?.metOn).toBe('2025-01-21');
    expect(r.withinOneYear?.metOn).toBe('2025-01-31');
  });
});

describe('recurring catalog items', () => {
  const h = (over: Partial<RecurrenceHazardRef> & { id: number }): RecurrenceHazardRef => ({
    enterpriseId: 7,
    catalogItemCode: 'GM-2023-YJ-01',
    foundAt: '2026-01-01',
    verifiedAt: null,
    ...over,
  });

  it('a hazard found after the earlier one was verified is a recurrence', () => {
    const items = recurringItems([
      h({ id: 1, foundAt: '2026-01-01', verifiedAt: '2026-02-01' }),
      h({ id: 2, foundAt: '2026-05-10' }),
    ]);
    expect(items).toEqual([
      {
        enterpriseId: 7,
        catalogItemCode: 'GM-2023-YJ-01',
        hazardIds: [1, 2],
        recurrences: [
          {
            previousHazardId: 1,
            previousVerifiedAt: '2026-02-01',
            hazardId: 2,
            foundAt: '2026-05-10',
          },
        ],
      },
    ]);
  });

  it('edges: found the day after verification counts, the same day or before does not', () => {
    const v = h({ id: 1, verifiedAt: '2026-02-01' });
    expect(recurringItems([v, h({ id: 2, foundAt: '2026-02-02' })])).toHaveLength(1);
    expect(recurringItems([v, h({ id: 2, foundAt: '2026-02-01' })])).toEqual([]);
    expect(recurringItems([v, h({ id: 2, foundAt: '2026-01-15' })])).toEqual([]);
    // An earlier hazard still open is a duplicate, not a recurrence.
    expect(recurringItems([h({ id: 1 }), h({ id: 2, foundAt: '2026-03-01' })])).toEqual([]);
  });

  it('only the same enterprise and the same item; hazards without an item are ignored', () => {
    const v = h({ id: 1, verifiedAt: '2026-02-01' });
    expect(recurringItems([v, h({ id: 2, enterpriseId: 8, foundAt: '2026-03-01' })])).toEqual([]);
    expect(
      recurringItems([v, h({ id: 2, catalogItemCode: 'GM-2023-YJ-02', foundAt: '2026-03-01' })]),
    ).toEqual([]);
    expect(
      recurringItems([
        h({ id: 1, catalogItemCode: null, verifiedAt: '2026-02-01' }),
        h({ id: 2, catalogItemCode: null, foundAt: '2026-03-01' }),
      ]),
    ).toEqual([]);
  });

  it('a chain links each hazard to the latest verification before it; output is sorted', () => {
    const items = recurringItems([
      h({ id: 5, enterpriseId: 9, catalogItemCode: 'HG-2017-01', verifiedAt: '2026-01-10' }),
      h({ id: 6, enterpriseId: 9, catalogItemCode: 'HG-2017-01', foundAt: '2026-02-01' }),
      h({ id: 3, foundAt: '2026-06-01' }),
      h({ id: 1, foundAt: '2026-01-01', verifiedAt: '2026-01-20' }),
      h({ id: 2, foundAt: '2026-02-01', verifiedAt: '2026-03-01' }),
    ]);
    expect(items.map((i) => [i.enterpriseId, i.catalogItemCode])).toEqual([
      [7, 'GM-2023-YJ-01'],
      [9, 'HG-2017-01'],
    ]);
    expect(items[0]!.hazardIds).toEqual([1, 2, 3]);
    expect(items[0]!.recurrences.map((r) => [r.previousHazardId, r.hazardId])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});
