import { describe, expect, it } from 'vitest';
import { reportOptions } from './report-fixtures';
import { resolveSelection, selectionFromParams, selectionToParams } from './report-selection';

const TODAY = '2026-11-25';

function resolve(query: string) {
  const options = reportOptions();
  return resolveSelection(
    selectionFromParams(new URLSearchParams(query), 'districtId'),
    options,
    options.districts,
    TODAY,
  );
}

describe('report selection in the URL', () => {
  it('completes an empty URL with the first district and sector and the last complete week', () => {
    const sel = resolve('')!;
    expect(selectionToParams(sel, 'districtId').toString()).toBe(
      'districtId=3&sector=hazchem&campaignId=5&kind=weekly&week=2026-11-16',
    );
  });

  it("opens a week by any of its days, and ignores a sector outside the caller's", () => {
    const sel = resolve('districtId=99&sector=mining&week=2026-11-12')!;
    expect(sel.unitId).toBe(3);
    expect(sel.sector).toBe('hazchem');
    expect(sel.week).toBe('2026-11-09');
  });

  it('keeps a milestone and a version', () => {
    const sel = resolve('sector=fireworks&kind=milestone&milestone=8-13&versionId=12')!;
    expect(selectionToParams(sel, 'districtId').toString()).toBe(
      'districtId=3&sector=fireworks&campaignId=5&kind=milestone&milestone=8-13&versionId=12',
    );
  });

  it('has nothing to open without a campaign', () => {
    const options = reportOptions({ campaigns: [] });
    expect(
      resolveSelection(
        selectionFromParams(new URLSearchParams(''), 'districtId'),
        options,
        options.districts,
        TODAY,
      ),
    ).toBeNull();
  });
});
