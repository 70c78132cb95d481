import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SECTORS, type Sector } from '../common/sector.js';
import {
  ENTERPRISE_TAGS,
  SUB_TYPES,
  type EnterpriseProfile,
} from '../enterprise/enterprise-attributes.js';
import {
  appliesTo,
  applicableCatalogItems,
  applicableItems,
  catalogsForSector,
} from './applicability.js';
import { NATIONAL_CATALOGS } from './catalog-data.js';
import type { CatalogItem } from './catalog.js';

const allItems = Object.values(NATIONAL_CATALOGS).flatMap((c) => c.items);
const CATALOG_SECTOR: Record<string, Sector> = {
  'HG-2017': 'hazchem',
  'YHBZ-2017': 'fireworks',
  'FMKS-2022': 'mining',
  'GM-2023': 'industry',
};
const sectionKey = (item: CatalogItem) => item.code.split('-')[2] ?? '';
const codes = (items: readonly CatalogItem[]) => items.map((i) => i.code);

const profileOf = (sector: Sector) =>
  fc.record({
    sector: fc.constant(sector),
    subType: fc.constantFrom(...(SUB_TYPES[sector] as readonly string[])),
    tags: fc.subarray([...ENTERPRISE_TAGS]),
  });
const anyProfile: fc.Arbitrary<EnterpriseProfile> = fc.constantFrom(...SECTORS).chain(profileOf);
const profile = (sector: Sector, subType: string, tags: string[] = []): EnterpriseProfile => ({
  sector,
  subType,
  tags,
});

describe('appliesTo', () => {
  it("an enterprise never gets another sector's items, whatever its sub-type and tags", () => {
    fc.assert(
      fc.property(anyProfile, (p) => {
        for (const item of applicableItems(allItems, p)) {
          expect(CATALOG_SECTOR[item.standard]).toBe(p.sector);
          expect(item.appliesTo.sectors).toContain(p.sector);
        }
        for (const item of applicableCatalogItems(p))
          expect(CATALOG_SECTOR[item.standard]).toBe(p.sector);
      }),
    );
  });

  it('gives every enterprise at least one item, and the same list twice', () => {
    fc.assert(
      fc.property(anyProfile, (p) => {
        const items = applicableCatalogItems(p);
        expect(items.length).toBeGreaterThan(0);
        expect(codes(applicableCatalogItems(p))).toEqual(codes(items));
      }),
    );
  });

  it('a mine gets only the part of FMKS-2022 for its mine type', () => {
    const part = { underground: 'UG', open_pit: 'OP', tailings_pond: 'TP' } as const;
    fc.assert(
      fc.property(profileOf('mining'), (p) => {
        const got = applicableCatalogItems(p);
        const own = NATIONAL_CATALOGS['FMKS-2022'].items.filter(
          (i) => sectionKey(i) === part[p.subType as keyof typeof part],
        );
        expect(codes(got)).toEqual(codes(own));
      }),
    );
    const openPit = applicableCatalogItems(profile('mining', 'open_pit'));
    expect(openPit.some((i) => i.code.startsWith('FMKS-2022-UG-'))).toBe(false);
    expect(openPit.some((i) => i.section === '地下矿山')).toBe(false);
  });

  it('an industry enterprise without tags gets no dust, ammonia or confined-space items', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUB_TYPES.industry), (subType) => {
        const got = applicableCatalogItems(profile('industry', subType));
        expect(got.filter((i) => ['FC', 'AN', 'YK'].includes(sectionKey(i)))).toEqual([]);
      }),
    );
  });

  it('an industry enterprise with a special tag gets exactly that special article', () => {
    const article = { dust_explosion: 'FC', ammonia_refrigeration: 'AN', confined_space: 'YK' };
    fc.assert(
      fc.property(
        fc.constantFrom(...SUB_TYPES.industry),
        fc.subarray([...ENTERPRISE_TAGS]),
        (subType, tags) => {
          const got = applicableCatalogItems(profile('industry', subType, tags));
          for (const [tag, key] of Object.entries(article)) {
            const special = NATIONAL_CATALOGS['GM-2023'].items.filter((i) => sectionKey(i) === key);
            const gotSpecial = got.filter((i) => sectionKey(i) === key);
            expect(codes(gotSpecial)).toEqual(tags.includes(tag as never) ? codes(special) : []);
          }
        },
      ),
    );
  });

  it('gives industry enterprises the management items plus their own industry article', () => {
    const own = {
      metallurgy: 'YJ',
      nonferrous: 'YS',
      building_materials: 'JC',
      machinery: 'JX',
      light: 'QG',
      textile: 'FZ',
      tobacco: 'YC',
      commerce: null,
    } as const;
    for (const subType of SUB_TYPES.industry) {
      const keys = new Set(applicableCatalogItems(profile('industry', subType)).map(sectionKey));
      expect([...keys].sort()).toEqual(['MG', ...(own[subType] ? [own[subType]] : [])].sort());
    }
  });

  it('restricts chemical-process items to production and use in HG-2017', () => {
    const process = ['HG-2017-04', 'HG-2017-10', 'HG-2017-13', 'HG-2017-14', 'HG-2017-19'];
    expect(applicableCatalogItems(profile('hazchem', 'production'))).toHaveLength(20);
    expect(applicableCatalogItems(profile('hazchem', 'use'))).toHaveLength(20);
    for (const subType of ['storage', 'trade']) {
      const got = codes(applicableCatalogItems(profile('hazchem', subType)));
      expect(got).toHaveLength(15);
      expect(got.filter((c) => process.includes(c))).toEqual([]);
    }
  });

  it('gives retail fireworks points the general items and the retail item only', () => {
    const retail = codes(applicableCatalogItems(profile('fireworks', 'retail')));
    expect(retail).toEqual(['01', '13', '14', '15', '18', '19', '20'].map((n) => `YHBZ-2017-${n}`));
    const production = codes(applicableCatalogItems(profile('fireworks', 'production')));
    expect(production).not.toContain('YHBZ-2017-20');
    expect(production).toHaveLength(19);
  });

  it('needs only one of several tags, and honours sub-types', () => {
    const item: CatalogItem = {
      ...NATIONAL_CATALOGS['GM-2023'].items[0]!,
      appliesTo: {
        sectors: ['industry'],
        subTypes: ['light'],
        tags: ['dust_explosion', 'confined_space'],
      },
    };
    expect(appliesTo(item, profile('industry', 'light', ['confined_space']))).toBe(true);
    expect(appliesTo(item, profile('industry', 'light', ['ammonia_refrigeration']))).toBe(false);
    expect(appliesTo(item, profile('industry', 'textile', ['confined_space']))).toBe(false);
    expect(appliesTo(item, profile('hazchem', 'light', ['confined_space']))).toBe(false);
  });
});

describe('catalogsForSector', () => {
  it('returns the one national catalog of each sector', () => {
    for (const sector of SECTORS) {
      const found = catalogsForSector(sector);
      expect(found).toHaveLength(1);
      expect(CATALOG_SECTOR[found[0]!.catalog.id]).toBe(sector);
    }
  });
});
