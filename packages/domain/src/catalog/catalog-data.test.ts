import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CATALOG_IDS,
  VERIFIED_SOURCE_STATUSES,
  catalogSchema,
  catalogItemSchema,
  isNationalItemCode,
  type Catalog,
  type CatalogItem,
} from './catalog.js';
import { NATIONAL_CATALOGS } from './catalog-data.js';
import referenceMap from './data/reference-map.json' with { type: 'json' };

const catalogs = Object.values(NATIONAL_CATALOGS);
const allItems = catalogs.flatMap((c) => c.items);
const itemsOf = (id: keyof typeof NATIONAL_CATALOGS): CatalogItem[] => NATIONAL_CATALOGS[id].items;
const countBy = (items: readonly CatalogItem[], key: (i: CatalogItem) => string) =>
  items.reduce<Record<string, number>>(
    (acc, i) => ({ ...acc, [key(i)]: (acc[key(i)] ?? 0) + 1 }),
    {},
  );
const sectionKey = (code: string) => code.split('-')[2] ?? '';

/** Chinese numeral for an item number, as the standards write it. */
function cn(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n] ?? '';
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}

/** Length of the longest run of characters two texts share. */
function longestCommonRun(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let best = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        cur[j] = (prev[j - 1] ?? 0) + 1;
        best = Math.max(best, cur[j] ?? 0);
      }
    }
    prev = cur;
  }
  return best;
}

// The research reference lives beside the repo (../shared/reference). A clone without it still
// checks coverage through reference-map.json; with it, the map itself is checked against it.
const referenceRecordSchema = z.array(
  z.object({
    standard: z.string(),
    section: z.string(),
    clause: z.string(),
    text: z.string().nullable(),
    status: z.string(),
  }),
);
/** A URL relative to another, resolved by path segments (the package has no URL typings). */
function resolveUrl(base: string, relative: string): string {
  const parts = base.split('/').slice(0, -1);
  for (const segment of relative.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}
const referenceHref = resolveUrl(
  (import.meta as ImportMeta & { url: string }).url,
  '../../../../../shared/reference/criteria-items.json',
);
const liveReference = await import(referenceHref, { with: { type: 'json' } }).then(
  (m: { default: unknown }) => referenceRecordSchema.parse(m.default),
  () => undefined,
);

describe('catalog data files', () => {
  it.each(catalogs.map((c) => [c.catalog.id, c] as const))(
    '%s matches the catalog schema',
    (_, c) => {
      expect(catalogSchema.parse(c)).toEqual(c);
    },
  );

  it('ships one catalog per standard, each keyed by its own id', () => {
    expect(Object.keys(NATIONAL_CATALOGS).sort()).toEqual([...CATALOG_IDS].sort());
    for (const [id, c] of Object.entries(NATIONAL_CATALOGS)) expect(c.catalog.id).toBe(id);
  });

  it('has the item counts of the standards', () => {
    expect(itemsOf('HG-2017')).toHaveLength(20);
    expect(itemsOf('YHBZ-2017')).toHaveLength(20);
    expect(itemsOf('GM-2023')).toHaveLength(64);
    expect(countBy(itemsOf('FMKS-2022'), (i) => i.section)).toEqual({
      地下矿山: 47,
      露天矿山: 17,
      尾矿库: 4,
    });
    expect(NATIONAL_CATALOGS['FMKS-2022'].unattributedFragments).toHaveLength(12);
  });

  it('splits GM-2023 into 3 management, 47 industry (8/13/8/7/7/2/2) and 14 special (10/2/2)', () => {
    const gm = countBy(itemsOf('GM-2023'), (i) => sectionKey(i.code));
    expect(gm).toEqual({
      MG: 3,
      YJ: 8,
      YS: 13,
      JC: 8,
      JX: 7,
      QG: 7,
      FZ: 2,
      YC: 2,
      FC: 10,
      AN: 2,
      YK: 2,
    });
    const industry = ['YJ', 'YS', 'JC', 'JX', 'QG', 'FZ', 'YC'].reduce(
      (s, k) => s + (gm[k] ?? 0),
      0,
    );
    const special = ['FC', 'AN', 'YK'].reduce((s, k) => s + (gm[k] ?? 0), 0);
    expect([gm.MG, industry, special]).toEqual([3, 47, 14]);
    expect(NATIONAL_CATALOGS['GM-2023'].unnumberedTexts).toHaveLength(7);
  });
});

describe('item codes', () => {
  it('are unique across all catalogs and follow the scheme', () => {
    const codes = allItems.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of allItems) {
      expect(isNationalItemCode(item.standard, item.code), item.code).toBe(true);
      expect(item.code.startsWith(`${item.standard}-`)).toBe(true);
      expect(item.local).toBe(false);
    }
  });

  it('carry the item number of the clause they cite', () => {
    const articles: Record<string, number> = {
      MG: 3,
      YJ: 4,
      YS: 5,
      JC: 6,
      JX: 7,
      QG: 8,
      FZ: 9,
      YC: 10,
      FC: 11,
      AN: 12,
      YK: 13,
    };
    const parts: Record<string, string> = { UG: '一', OP: '二', TP: '三' };
    for (const item of allItems) {
      const no = /-(\d{2})(?:-(\d+))?$/.exec(item.code);
      if (!no) continue; // U<n> and REST: no verified number to compare
      const n = cn(Number(no[1]));
      const expected =
        item.standard === 'GM-2023'
          ? `第${cn(articles[sectionKey(item.code)] ?? 0)}条第（${n}）项`
          : item.standard === 'FMKS-2022'
            ? `${parts[sectionKey(item.code)]}（${n}）${no[2] ?? ''}`
            : `（${n}）`;
      expect(item.clause, item.code).toBe(expected);
    }
  });

  it('give every sub-item (目) the parent its code names, with the same applicability', () => {
    const byCode = new Map(allItems.map((i) => [i.code, i]));
    for (const item of allItems.filter((i) => i.parentCode !== null)) {
      const parent = byCode.get(item.parentCode ?? '');
      expect(parent, item.code).toBeDefined();
      expect(item.code.startsWith(`${item.parentCode}-`)).toBe(true);
      expect(item.appliesTo).toEqual(parent?.appliesTo);
    }
  });
});

describe('completeness (待补充)', () => {
  it('is complete exactly when the reference found the text as it stands', () => {
    for (const item of allItems) {
      const verified =
        item.sourceStatus !== null && VERIFIED_SOURCE_STATUSES.includes(item.sourceStatus);
      expect(item.completeness, item.code).toBe(verified ? 'complete' : 'incomplete');
    }
  });

  it('flags every incomplete item and never invents text for a missing one', () => {
    for (const item of allItems) {
      if (item.completeness === 'complete') {
        expect(item.requirement, item.code).not.toBeNull();
        expect(item.gapNote, item.code).toBeNull();
        continue;
      }
      expect(item.gapNote, item.code).toMatch(/待/);
      if (item.sourceStatus === 'not-found') {
        expect(item.requirement, item.code).toBeNull();
        expect(item.title, item.code).toMatch(/^待补充：/);
      }
      if (item.sourceStatus === 'partial') expect(item.requirement, item.code).toContain('……');
    }
  });

  it('reports the expected complete/incomplete split per catalog', () => {
    const split = (c: Catalog) => countBy(c.items, (i) => i.completeness);
    expect(split(NATIONAL_CATALOGS['HG-2017'])).toEqual({ complete: 20 });
    expect(split(NATIONAL_CATALOGS['YHBZ-2017'])).toEqual({ complete: 20 });
    expect(split(NATIONAL_CATALOGS['FMKS-2022'])).toEqual({ complete: 31, incomplete: 37 });
    expect(split(NATIONAL_CATALOGS['GM-2023'])).toEqual({ complete: 30, incomplete: 34 });
  });

  it('rejects an item that claims completeness without text', () => {
    const item = { ...itemsOf('GM-2023').find((i) => i.requirement === null) };
    expect(
      catalogItemSchema.safeParse({ ...item, completeness: 'complete', gapNote: null }).success,
    ).toBe(false);
  });
});

describe('reference coverage', () => {
  const byCode = new Map(allItems.map((i) => [i.code, i]));

  it('places all 191 reference records: non-fragments in exactly one item, fragments aside', () => {
    expect(referenceMap).toHaveLength(191);
    const hits = new Map<string, number>();
    for (const r of referenceMap) {
      if (r.status === 'fragment-unattributed') {
        expect(r.list).toBe('unattributedFragments');
        continue;
      }
      if (r.list === 'unnumberedTexts') {
        // 有色 texts whose item number is unverified; GM-2023 第五条 has a fixed 13 items.
        expect([r.standard, r.status]).toEqual(['GM-2023', 'found-clause-unverified']);
        continue;
      }
      expect(r.list).toBe('items');
      const item = byCode.get(r.code ?? '');
      expect(item, `${r.standard} ${r.clause}`).toBeDefined();
      expect(item?.standard).toBe(r.standard);
      expect(item?.sourceStatus).toBe(r.status);
      hits.set(r.code ?? '', (hits.get(r.code ?? '') ?? 0) + 1);
    }
    for (const item of allItems) expect(hits.get(item.code), item.code).toBe(1);
  });

  it('points each text kept aside at exactly one entry of its list', () => {
    for (const c of catalogs) {
      for (const list of ['unattributedFragments', 'unnumberedTexts'] as const) {
        const indexes = referenceMap
          .filter((r) => r.standard === c.catalog.id && r.list === list)
          .map((r) => r.index);
        expect(indexes.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(c[list].map((_, i) => i));
      }
    }
  });

  it.skipIf(liveReference === undefined)('matches the research reference it was built from', () => {
    const records = liveReference ?? [];
    expect(records.map((r) => [r.standard, r.section, r.clause, r.status])).toEqual(
      referenceMap.map((r) => [r.standard, r.section, r.clause, r.status]),
    );
    // Requirements and summaries are paraphrased: no long run of the reference wording.
    referenceMap.forEach((r, i) => {
      const text = records[i]?.text;
      const ours =
        r.list === 'items'
          ? byCode.get(r.code ?? '')?.requirement
          : NATIONAL_CATALOGS[r.standard as keyof typeof NATIONAL_CATALOGS][
              r.list as 'unattributedFragments' | 'unnumberedTexts'
            ][r.index ?? -1]?.summary;
      if (ours && text) {
        expect(longestCommonRun(ours, text), `${r.standard} ${r.clause}`).toBeLessThan(20);
      }
    });
  });
});
