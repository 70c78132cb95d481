import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import {
  ENTERPRISE_TAGS,
  isSubTypeOf,
  type EnterpriseTag,
} from '../enterprise/enterprise-attributes.js';

/**
 * Criteria catalogs (判定标准): the national lists of situations that count as a major accident
 * hazard, one catalog per standard (DESIGN.md §2, issue 4).
 *
 * Item codes are stable identifiers that hazards and checklist answers cite, so they never
 * change once published. The scheme is `<catalog>-<section>-<item>[-<sub-item>]`:
 *
 * - HG-2017 and YHBZ-2017 are single lists: `HG-2017-07` is item （七）.
 * - FMKS-2022 has three parts, keyed UG 地下矿山 (part 一), OP 露天矿山 (part 二) and TP 尾矿库
 *   (part 三). `FMKS-2022-UG-21` is 一（二十一）; a numbered sub-item (目) adds `-<n>`, so
 *   `FMKS-2022-UG-01-3` is 一（一）3 and its parent is `FMKS-2022-UG-01`. Items the official
 *   summary lists without an item number get `U<n>` (`FMKS-2022-UG-U1`) in reference order, so
 *   they never collide with a real number; `REST` marks the placeholder for "the remaining items
 *   of this part, not found" (`FMKS-2022-OP-REST`).
 * - GM-2023 keys each article by a pinyin abbreviation: MG 管理类 (第三条), YJ 冶金 (第四条),
 *   YS 有色 (第五条), JC 建材 (第六条), JX 机械 (第七条), QG 轻工 (第八条), FZ 纺织 (第九条),
 *   YC 烟草 (第十条), FC 粉尘涉爆 (第十一条), AN 液氨制冷 (第十二条), YK 有限空间 (第十三条);
 *   `GM-2023-YJ-03` is 第四条第（三）项.
 * - A bureau's local supplementary item (§二(二)1 "可适当补充完善") is `<catalog>-L<nn>`, e.g.
 *   `GM-2023-L01`, so it can never shadow a national item.
 */

/** The national standards the system ships as catalogs. */
export const CatalogId = {
  Hg2017: 'HG-2017',
  Yhbz2017: 'YHBZ-2017',
  Fmks2022: 'FMKS-2022',
  Gm2023: 'GM-2023',
} as const;
export type CatalogId = (typeof CatalogId)[keyof typeof CatalogId];
export const CATALOG_IDS = Object.values(CatalogId) as readonly CatalogId[];

/** Whether the text of an item is verified (complete) or 待补充 (incomplete). */
export const ItemCompleteness = { Complete: 'complete', Incomplete: 'incomplete' } as const;
export type ItemCompleteness = (typeof ItemCompleteness)[keyof typeof ItemCompleteness];
export const ITEM_COMPLETENESS_VALUES = Object.values(
  ItemCompleteness,
) as readonly ItemCompleteness[];

export const ITEM_COMPLETENESS_LABELS: Record<ItemCompleteness, { zh: string; en: string }> = {
  complete: { zh: '完整', en: 'Complete' },
  incomplete: { zh: '待补充', en: 'To be completed' },
};

/** How much of an item the research reference found (`status` in criteria-items.json). */
export const SourceStatus = {
  Found: 'found',
  FoundCodeOnly: 'found-code-only',
  Partial: 'partial',
  FoundClauseUnverified: 'found-clause-unverified',
  FragmentUnattributed: 'fragment-unattributed',
  NotFound: 'not-found',
} as const;
export type SourceStatus = (typeof SourceStatus)[keyof typeof SourceStatus];
export const SOURCE_STATUSES = Object.values(SourceStatus) as readonly SourceStatus[];

/** Statuses whose text can be used as it stands; anything else makes an item 待补充. */
export const VERIFIED_SOURCE_STATUSES: readonly SourceStatus[] = ['found', 'found-code-only'];

/** Whether an item with this source status is complete. */
export function completenessOf(status: SourceStatus): ItemCompleteness {
  return VERIFIED_SOURCE_STATUSES.includes(status) ? 'complete' : 'incomplete';
}

/** Section keys used in item codes, per catalog, in the order of the standard. */
export const CATALOG_SECTION_KEYS = {
  'HG-2017': [],
  'YHBZ-2017': [],
  'FMKS-2022': ['UG', 'OP', 'TP'],
  'GM-2023': ['MG', 'YJ', 'YS', 'JC', 'JX', 'QG', 'FZ', 'YC', 'FC', 'AN', 'YK'],
} as const satisfies Record<CatalogId, readonly string[]>;

const NATIONAL_CODE_PATTERNS: Record<CatalogId, RegExp> = {
  'HG-2017': /^HG-2017-\d{2}$/,
  'YHBZ-2017': /^YHBZ-2017-\d{2}$/,
  'FMKS-2022': /^FMKS-2022-(UG|OP|TP)-(\d{2}(-\d{1,2})?|U\d{1,2}|REST)$/,
  'GM-2023': /^GM-2023-(MG|YJ|YS|JC|JX|QG|FZ|YC|FC|AN|YK)-\d{2}$/,
};

/** Whether a code follows the scheme for a national item of this catalog. */
export function isNationalItemCode(catalog: CatalogId, code: string): boolean {
  return NATIONAL_CODE_PATTERNS[catalog].test(code);
}

/** Whether a code follows the scheme for a bureau's local item of this catalog. */
export function isLocalItemCode(catalog: CatalogId, code: string): boolean {
  return new RegExp(`^${catalog}-L\\d{2,3}$`).test(code);
}

const catalogIdEnum = z.enum(CATALOG_IDS as [CatalogId, ...CatalogId[]]);
const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const tagEnum = z.enum(ENTERPRISE_TAGS as [EnterpriseTag, ...EnterpriseTag[]]);
const sourceStatusEnum = z.enum(SOURCE_STATUSES as [SourceStatus, ...SourceStatus[]]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Which enterprises an item applies to: one of the sectors, then (unless null) one of the
 * sub-types, then (unless null) at least one of the tags.
 */
export const itemApplicabilitySchema = z
  .strictObject({
    sectors: z.array(sectorEnum).min(1),
    subTypes: z.array(z.string().max(40)).min(1).nullable(),
    tags: z.array(tagEnum).min(1).nullable(),
  })
  .refine(
    (a) => a.subTypes === null || a.subTypes.every((t) => a.sectors.some((s) => isSubTypeOf(s, t))),
    {
      message: '适用子类型必须属于所选行业',
      path: ['subTypes'],
    },
  );
export type ItemApplicability = z.infer<typeof itemApplicabilitySchema>;

/** One item of a criteria catalog: a situation that, by the standard, is a major hazard. */
export const catalogItemSchema = z
  .strictObject({
    code: z.string().min(1).max(40),
    standard: catalogIdEnum,
    /** Part or article of the standard, in Chinese (地下矿山, 冶金, 管理类 …). */
    section: z.string().min(1).max(20),
    /** The clause as the standard cites it: （七）, 第四条第（三）项, 一（一）3. */
    clause: z.string().min(1).max(30),
    /** The item a numbered sub-item (目) belongs to; null for a top-level item. */
    parentCode: z.string().nullable(),
    title: z.string().trim().min(1).max(20),
    /** The requirement in our own words; null when the reference has no text for it. */
    requirement: z.string().trim().min(1).max(300).nullable(),
    completeness: z.enum(ITEM_COMPLETENESS_VALUES as [ItemCompleteness, ...ItemCompleteness[]]),
    /** What is missing (待补充说明) when incomplete; null when complete. */
    gapNote: z.string().min(1).max(120).nullable(),
    /** The reference's status for this item; null for a local item. */
    sourceStatus: sourceStatusEnum.nullable(),
    appliesTo: itemApplicabilitySchema,
    /** A bureau's supplementary item rather than a national one. */
    local: z.boolean(),
  })
  .superRefine((item, ctx) => {
    const codeOk = item.local
      ? isLocalItemCode(item.standard, item.code)
      : isNationalItemCode(item.standard, item.code);
    if (!codeOk)
      ctx.addIssue({ code: 'custom', path: ['code'], message: '条目编码不符合编码规则' });
    if ((item.completeness === 'complete') !== (item.gapNote === null)) {
      ctx.addIssue({ code: 'custom', path: ['gapNote'], message: '待补充条目须说明缺失内容' });
    }
    if (item.completeness === 'complete' && item.requirement === null) {
      ctx.addIssue({ code: 'custom', path: ['requirement'], message: '完整条目须有要求内容' });
    }
    if (!item.local && item.sourceStatus === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['sourceStatus'],
        message: '国家标准条目须记录来源状态',
      });
    }
  });
export type CatalogItem = z.infer<typeof catalogItemSchema>;

/** A part of a standard, for grouping items in order. */
export const catalogSectionSchema = z.strictObject({
  /** Code key (UG, YJ …); empty for a single-list standard. */
  key: z.string().max(4),
  name: z.string().min(1).max(20),
});
export type CatalogSection = z.infer<typeof catalogSectionSchema>;

/** The standard a catalog reproduces. */
export const catalogDescriptorSchema = z.strictObject({
  id: catalogIdEnum,
  name: z.string().min(1),
  documentNumber: z.string().min(1),
  /** Null when the research could not confirm the date (待核实). */
  issuedOn: isoDate.nullable(),
  effectiveOn: isoDate.nullable(),
  sectors: z.array(sectorEnum).min(1),
  sections: z.array(catalogSectionSchema).min(1),
  /** Caveats a reader must see: unverified counts, superseded versions not to be mixed in. */
  notes: z.array(z.string()),
});
export type CatalogDescriptor = z.infer<typeof catalogDescriptorSchema>;

/**
 * Text the research found for a standard but could not place as a numbered item: sentence
 * fragments of unknown item, or texts whose item number is unknown in an article whose item
 * count is fixed. Kept for the bureau to place once the official text is checked; never an item.
 */
export const unplacedTextSchema = z.strictObject({
  section: z.string().min(1).max(20),
  /** Where the text probably belongs, in words (e.g. 疑属第五条，项号未核实). */
  placementHint: z.string().min(1).max(60),
  /** The text in our own words. */
  summary: z.string().min(1).max(300),
  sourceStatus: sourceStatusEnum,
});
export type UnplacedText = z.infer<typeof unplacedTextSchema>;

/** A catalog as shipped in `catalog/data/<id>.json`. */
export const catalogSchema = z
  .strictObject({
    catalog: catalogDescriptorSchema,
    items: z.array(catalogItemSchema).min(1),
    /** Sentence fragments whose item could not be identified (FMKS-2022). */
    unattributedFragments: z.array(unplacedTextSchema),
    /** Texts whose item number is unverified in an article of fixed size (GM-2023 有色). */
    unnumberedTexts: z.array(unplacedTextSchema),
  })
  .superRefine((c, ctx) => {
    const codes = new Set<string>();
    c.items.forEach((item, i) => {
      if (item.standard !== c.catalog.id) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'standard'],
          message: '条目不属于本标准',
        });
      }
      if (codes.has(item.code)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: '条目编码重复' });
      }
      codes.add(item.code);
      if (!item.appliesTo.sectors.every((s) => c.catalog.sectors.includes(s))) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'appliesTo'],
          message: '适用行业超出本标准',
        });
      }
      if (!c.catalog.sections.some((s) => s.name === item.section)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'section'], message: '未知的标准部分' });
      }
    });
    c.items.forEach((item, i) => {
      if (item.parentCode !== null && !codes.has(item.parentCode)) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'parentCode'],
          message: '上级条目不存在',
        });
      }
    });
  });
export type Catalog = z.infer<typeof catalogSchema>;
