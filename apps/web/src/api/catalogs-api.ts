import type {
  CatalogId,
  CatalogItemInput,
  CatalogItemView,
  CatalogSummary,
  CatalogVersionView,
  Checklist,
  ItemCompleteness,
  UpdateCatalogItemInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiPut, apiUpload, type UploadOptions } from './client';
import type { Items, Page } from './types';

// Criteria catalogs (判定标准): versions, items, drafts, spreadsheet import/export, checklists.

/** Filters of a version's item list. */
export type CatalogItemQuery = {
  page: number;
  pageSize: number;
  q?: string;
  /** Section name as items carry it (地下矿山, 冶金 …). */
  section?: string;
  completeness?: ItemCompleteness;
  local?: boolean;
  includeVoided?: boolean;
};

const base = (catalogId: CatalogId) => `/catalogs/${encodeURIComponent(catalogId)}`;
const versionPath = (catalogId: CatalogId, version: number) =>
  `${base(catalogId)}/versions/${version}`;
const itemPath = (catalogId: CatalogId, version: number, code: string) =>
  `${versionPath(catalogId, version)}/items/${encodeURIComponent(code)}`;

/** The four catalogs with their current and draft versions. */
export function listCatalogs(signal?: AbortSignal): Promise<Items<CatalogSummary>> {
  return apiGet<Items<CatalogSummary>>('/catalogs', undefined, signal);
}

/** Every version of a catalog, newest first. */
export function listCatalogVersions(
  catalogId: CatalogId,
  signal?: AbortSignal,
): Promise<Items<CatalogVersionView>> {
  return apiGet<Items<CatalogVersionView>>(`${base(catalogId)}/versions`, undefined, signal);
}

/** One version with its diff against the version it was based on. */
export function getCatalogVersion(
  catalogId: CatalogId,
  version: number,
  signal?: AbortSignal,
): Promise<CatalogVersionView> {
  return apiGet<CatalogVersionView>(versionPath(catalogId, version), undefined, signal);
}

/** One page of a version's items. */
export function listCatalogItems(
  catalogId: CatalogId,
  version: number,
  query: CatalogItemQuery,
  signal?: AbortSignal,
): Promise<Page<CatalogItemView>> {
  return apiGet<Page<CatalogItemView>>(`${versionPath(catalogId, version)}/items`, query, signal);
}

/** Where the browser downloads a version as .xlsx (the session cookie authorizes it). */
export function catalogExportUrl(catalogId: CatalogId, version: number): string {
  return `${API_BASE}${versionPath(catalogId, version)}/export`;
}

/** Starts a draft from the current published version (409 when a draft exists). */
export function createCatalogDraft(
  catalogId: CatalogId,
  note: string | null,
): Promise<CatalogVersionView> {
  return apiPost<CatalogVersionView>(`${base(catalogId)}/drafts`, { note });
}

/** Uploads an .xlsx as a new draft; the answer carries its diff against the current version. */
export function importCatalog(
  catalogId: CatalogId,
  file: Blob & { name?: string },
  options?: UploadOptions,
): Promise<CatalogVersionView> {
  return apiUpload<CatalogVersionView>(`${base(catalogId)}/import`, file, options);
}

/** Adds a local supplementary item to a draft (the server assigns its code). */
export function addCatalogItem(
  catalogId: CatalogId,
  version: number,
  input: CatalogItemInput,
): Promise<CatalogItemView> {
  return apiPost<CatalogItemView>(`${versionPath(catalogId, version)}/items`, input);
}

/** Edits an item of a draft; `version` is the item's row version. */
export function updateCatalogItem(
  catalogId: CatalogId,
  version: number,
  code: string,
  input: UpdateCatalogItemInput,
): Promise<CatalogItemView> {
  return apiPut<CatalogItemView>(itemPath(catalogId, version, code), input);
}

/** Voids an item of a draft (left out when the draft is published). */
export function voidCatalogItem(
  catalogId: CatalogId,
  version: number,
  code: string,
  body: { reason: string; version: number },
): Promise<void> {
  return apiPost<void>(`${itemPath(catalogId, version, code)}/void`, body);
}

/** Publishes a draft; `revision` is the one reviewed (a later edit answers 409). */
export function publishCatalogVersion(
  catalogId: CatalogId,
  version: number,
  body: { revision: number; note: string | null },
): Promise<CatalogVersionView> {
  return apiPost<CatalogVersionView>(`${versionPath(catalogId, version)}/publish`, body);
}

/** Discards a draft with a reason. */
export function discardCatalogVersion(
  catalogId: CatalogId,
  version: number,
  body: { revision: number; reason: string },
): Promise<CatalogVersionView> {
  return apiPost<CatalogVersionView>(`${versionPath(catalogId, version)}/discard`, body);
}

/** The items of the current versions that apply to an enterprise ("our checklist"). */
export function getChecklist(enterpriseId: number, signal?: AbortSignal): Promise<Checklist> {
  return apiGet<Checklist>(`/enterprises/${enterpriseId}/checklist`, undefined, signal);
}
