import { describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGS } from './catalog-data.js';
import { diffCatalogItems, diffSummaryText, isEmptyDiff } from './catalog-diff.js';

const hg = NATIONAL_CATALOGS['HG-2017'].items;

describe('diffCatalogItems', () => {
  it('is empty for the same items, whatever their order and list order', () => {
    const shuffled = [...hg].reverse().map((i) => ({
      ...i,
      appliesTo: { ...i.appliesTo, sectors: [...i.appliesTo.sectors].reverse() },
    }));
    const diff = diffCatalogItems(hg, shuffled);
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diff.summary.unchanged).toBe(hg.length);
  });

  it('lists added, removed and changed items with field-level changes', () => {
    const changed = hg.slice(1).map((i) =>
      i.code === 'HG-2017-02'
        ? {
            ...i,
            requirement: '新的要求表述',
            appliesTo: { ...i.appliesTo, tags: ['major_hazard_source' as const] },
          }
        : i,
    );
    const local = {
      ...hg[0]!,
      code: 'HG-2017-L01',
      local: true,
      sourceStatus: null,
      title: '地方补充条目',
    };
    const diff = diffCatalogItems(hg, [...changed, local]);
    expect(diff.added.map((i) => i.code)).toEqual(['HG-2017-L01']);
    expect(diff.removed.map((i) => i.code)).toEqual(['HG-2017-01']);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]!.code).toBe('HG-2017-02');
    expect(diff.changed[0]!.changes).toEqual([
      { field: 'requirement', before: hg[1]!.requirement, after: '新的要求表述' },
      { field: 'appliesTo.tags', before: null, after: ['major_hazard_source'] },
    ]);
    expect(diffSummaryText(diff)).toBe('新增1项，删除1项，修改1项');
  });
});
