import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { ENTERPRISE_TAGS, type EnterpriseTag } from '../enterprise/enterprise-attributes.js';
import {
  CATALOG_IDS,
  type CatalogId,
  catalogSectionSchema,
  ITEM_COMPLETENESS_VALUES,
  type ItemCompleteness,
  itemApplicabilitySchema,
  SOURCE_STATUSES,
  type SourceStatus,
} from './catalog.js';
import { catalogDiffSchema } from './catalog-diff.js';

// Request and response shapes of the catalog API (issue 4), shared by the server and the web.

/** Life of a catalog version: a draft is edited, then published (immutable) or discarded. */
export const CatalogVersionStatus = {
  Draft: 'draft',
  Published: 'published',
  Discarded: 'discarded',
} as const;
export type CatalogVersionStatus = (typeof CatalogVersionStatus)[keyof typeof CatalogVersionStatus];
export const CATALOG_VERSION_STATUSES = Object.values(
  CatalogVersionStatus,
) as readonly CatalogVersionStatus[];
export const CATALOG_VERSION_STATUS_LABELS: Record<
  CatalogVersionStatus,
  { zh: string; en: string }
> = {
  draft: { zh: '草稿', en: 'Draft' },
  published: { zh: '已发布', en: 'Published' },
  discarded: { zh: '已废弃', en: 'Discarded' },
};

/** Where a version came from. */
export const CATALOG_VERSION_SOURCES = ['seed', 'draft', 'import'] as const;
export type CatalogVersionSource = (typeof CATALOG_VERSION_SOURCES)[number];

export const catalogIdSchema = z.enum(CATALOG_IDS as [CatalogId, ...CatalogId[]], {
  message: '未知的判定标准',
});

const completenessEnum = z.enum(
  ITEM_COMPLETENESS_VALUES as [ItemCompleteness, ...ItemCompleteness[]],
);

/**
 * The editable fields of a draft item. The code is fixed (a local item's is assigned by the
 * server), as is the reference's source status of a national item.
 */
export const catalogItemFieldsSchema = z.strictObject({
  section: z.string().trim().min(1, { message: '请选择章节' }).max(20),
  clause: z.string().trim().min(1, { message: '请填写条款' }).max(30),
  parentCode: z.string().trim().max(40).nullable().default(null),
  title: z.string().trim().min(1, { message: '请填写标题' }).max(20, { message: '标题最多20字' }),
  requirement: z.string().trim().min(1).max(300, { message: '要求最多300字' }).nullable(),
  completeness: completenessEnum,
  gapNote: z.string().trim().min(1).max(120, { message: '说明最多120字' }).nullable(),
  appliesTo: itemApplicabilitySchema,
});

/** Cross-field rules of an item: 待补充 needs a note of what is missing; complete needs text. */
export function checkCatalogItemRules(
  item: { completeness: ItemCompleteness; gapNote: string | null; requirement: string | null },
  ctx: z.RefinementCtx,
): void {
  if (item.completeness === 'incomplete' && item.gapNote === null) {
    ctx.addIssue({ code: 'custom', path: ['gapNote'], message: '待补充条目须说明缺失内容' });
  }
  if (item.completeness === 'complete' && item.gapNote !== null) {
    ctx.addIssue({ code: 'custom', path: ['gapNote'], message: '完整条目不填待补充说明' });
  }
  if (item.completeness === 'complete' && item.requirement === null) {
    ctx.addIssue({ code: 'custom', path: ['requirement'], message: '完整条目须有要求内容' });
  }
}

/** Adding a local supplementary item to a draft. */
export const catalogItemInputSchema = catalogItemFieldsSchema.superRefine(checkCatalogItemRules);
export type CatalogItemInput = z.infer<typeof catalogItemInputSchema>;

/** Editing a draft item: the fields plus the item's row version. */
export const updateCatalogItemSchema = catalogItemFieldsSchema
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkCatalogItemRules);
export type UpdateCatalogItemInput = z.infer<typeof updateCatalogItemSchema>;

/** Starting a draft from the current published version. */
export const createCatalogDraftSchema = z.strictObject({
  note: z.string().trim().max(200).nullable().default(null),
});

/** Publishing a draft: the revision the publisher reviewed (any later edit gives 409). */
export const publishCatalogVersionSchema = z.strictObject({
  revision: z.number().int().min(1),
  note: z.string().trim().max(200).nullable().default(null),
});

/** Discarding a draft. */
export const discardCatalogVersionSchema = z.strictObject({
  revision: z.number().int().min(1),
  reason: z.string().trim().min(2, { message: '请填写废弃原因' }).max(200),
});

/** Voiding a draft item (it is left out of the version when published). */
export const voidCatalogItemSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
  version: z.number().int().min(1),
});

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const tagEnum = z.enum(ENTERPRISE_TAGS as [EnterpriseTag, ...EnterpriseTag[]]);

/** An item of a stored catalog version. */
export const catalogItemViewSchema = z.object({
  id: z.number(),
  catalogId: catalogIdSchema,
  catalogVersion: z.number(),
  code: z.string(),
  ordinal: z.number(),
  section: z.string(),
  clause: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  requirement: z.string().nullable(),
  completeness: completenessEnum,
  gapNote: z.string().nullable(),
  sourceStatus: z.enum(SOURCE_STATUSES as [SourceStatus, ...SourceStatus[]]).nullable(),
  appliesTo: z.object({
    sectors: z.array(sectorEnum),
    subTypes: z.array(z.string()).nullable(),
    tags: z.array(tagEnum).nullable(),
  }),
  local: z.boolean(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  /** Row version, for optimistic edits of draft items. */
  version: z.number(),
});
export type CatalogItemView = z.infer<typeof catalogItemViewSchema>;

/** One version of a catalog. */
export const catalogVersionViewSchema = z.object({
  id: z.number(),
  catalogId: catalogIdSchema,
  version: z.number(),
  status: z.enum(CATALOG_VERSION_STATUSES as [CatalogVersionStatus, ...CatalogVersionStatus[]]),
  /** The published version enterprises' checklists use now. */
  current: z.boolean(),
  name: z.string(),
  documentNumber: z.string(),
  issuedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  sectors: z.array(sectorEnum),
  sections: z.array(catalogSectionSchema),
  notes: z.array(z.string()),
  basedOnVersion: z.number().nullable(),
  source: z.enum(CATALOG_VERSION_SOURCES),
  sourceFileName: z.string().nullable(),
  note: z.string().nullable(),
  /** E.g. 新增2项，删除0项，修改1项 — against the version it is based on. */
  diffSummary: z.string().nullable(),
  diff: catalogDiffSchema.nullable(),
  itemCount: z.number(),
  incompleteCount: z.number(),
  localCount: z.number(),
  /** Bumped by every change to a draft; publish and discard must name it. */
  revision: z.number(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
  discardedAt: z.string().nullable(),
  discardReason: z.string().nullable(),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), discard: z.boolean() }),
});
export type CatalogVersionView = z.infer<typeof catalogVersionViewSchema>;

/** A catalog in the catalog list: its current and draft versions. */
export const catalogSummarySchema = z.object({
  catalogId: catalogIdSchema,
  name: z.string(),
  documentNumber: z.string(),
  sectors: z.array(sectorEnum),
  currentVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  itemCount: z.number(),
  incompleteCount: z.number(),
  localCount: z.number(),
  draftVersion: z.number().nullable(),
  can: z.object({ manage: z.boolean() }),
});
export type CatalogSummary = z.infer<typeof catalogSummarySchema>;

/** One item of an enterprise's checklist, citing the exact catalog version. */
export const checklistItemSchema = catalogItemViewSchema.omit({
  voided: true,
  voidReason: true,
  version: true,
  ordinal: true,
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** "Our checklist": the items of the current published versions that apply to an enterprise. */
export const checklistSchema = z.object({
  enterprise: z.object({
    id: z.number(),
    name: z.string(),
    sector: sectorEnum,
    subType: z.string(),
    tags: z.array(z.string()),
  }),
  catalogs: z.array(
    z.object({
      catalogId: catalogIdSchema,
      version: z.number(),
      name: z.string(),
      documentNumber: z.string(),
      itemCount: z.number(),
    }),
  ),
  items: z.array(checklistItemSchema),
  incompleteCount: z.number(),
});
export type Checklist = z.infer<typeof checklistSchema>;
