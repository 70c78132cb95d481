import type {
  CatalogDescriptor,
  CatalogDiff,
  CatalogId,
  CatalogItem,
  CatalogItemView,
  CatalogVersionStatus,
  CatalogVersionView,
  ItemApplicability,
  ItemCompleteness,
  SourceStatus,
} from '@hazard-ledger/domain';
import type { CatalogItemRow, CatalogVersionRow } from '../../db/schema.js';
import type { VersionCounts } from './catalogs.repository.js';

// Row ↔ domain ↔ API conversions of catalog versions and items.

/** The domain item a stored row holds. */
export function toCatalogItem(row: CatalogItemRow, catalogId: string): CatalogItem {
  return {
    code: row.code,
    standard: catalogId as CatalogId,
    section: row.section,
    clause: row.clause,
    parentCode: row.parent_code,
    title: row.title,
    requirement: row.requirement,
    completeness: row.completeness as ItemCompleteness,
    gapNote: row.gap_note,
    sourceStatus: row.source_status as SourceStatus | null,
    appliesTo: JSON.parse(row.applies_to) as ItemApplicability,
    local: row.local === 1,
  };
}

/** The API view of an item of a version. */
export function toItemView(row: CatalogItemRow, version: CatalogVersionRow): CatalogItemView {
  const item = toCatalogItem(row, version.catalog_id);
  return {
    id: row.id,
    catalogId: version.catalog_id as CatalogId,
    catalogVersion: version.version,
    code: item.code,
    ordinal: row.ordinal,
    section: item.section,
    clause: item.clause,
    parentCode: item.parentCode,
    title: item.title,
    requirement: item.requirement,
    completeness: item.completeness,
    gapNote: item.gapNote,
    sourceStatus: item.sourceStatus,
    appliesTo: item.appliesTo,
    local: item.local,
    voided: row.voided_at !== null,
    voidReason: row.void_reason,
    version: row.version,
  };
}

/** The descriptor a version stores. */
export function descriptorOf(row: CatalogVersionRow): CatalogDescriptor {
  return JSON.parse(row.descriptor) as CatalogDescriptor;
}

/** The API view of a version. */
export function toVersionView(
  row: CatalogVersionRow,
  counts: VersionCounts | undefined,
  current: boolean,
  can: CatalogVersionView['can'],
): CatalogVersionView {
  const d = descriptorOf(row);
  return {
    id: row.id,
    catalogId: row.catalog_id as CatalogId,
    version: row.version,
    status: row.status as CatalogVersionStatus,
    current,
    name: d.name,
    documentNumber: d.documentNumber,
    issuedOn: d.issuedOn,
    effectiveOn: d.effectiveOn,
    sectors: d.sectors,
    sections: d.sections,
    notes: d.notes,
    basedOnVersion: row.based_on_version,
    source: row.source as CatalogVersionView['source'],
    sourceFileName: row.source_file_name,
    note: row.note,
    diffSummary: row.diff_summary,
    diff: row.diff ? (JSON.parse(row.diff) as CatalogDiff) : null,
    itemCount: counts?.itemCount ?? 0,
    incompleteCount: counts?.incompleteCount ?? 0,
    localCount: counts?.localCount ?? 0,
    revision: row.revision,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
    discardedAt: row.discarded_at,
    discardReason: row.discard_reason,
    can,
  };
}
