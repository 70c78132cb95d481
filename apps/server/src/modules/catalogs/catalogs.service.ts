import {
  appliesTo,
  CATALOG_IDS,
  type CatalogId,
  type CatalogItem,
  type CatalogSummary,
  type Checklist,
  isEnterpriseRole,
  NATIONAL_CATALOGS,
  type PageQuery,
  Permission,
  roleHas,
  SECTOR_SCOPED_ROLES,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import type { CatalogVersionRow } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { descriptorOf, toCatalogItem, toItemView, toVersionView } from './catalog-views.js';
import * as repo from './catalogs.repository.js';

// Reading catalogs: the list, versions, items, and an enterprise's checklist.

/** Whether the actor may change this catalog: bureau staff, offices only for their sectors. */
export function canManageCatalog(actor: SessionActor, sectors: readonly Sector[]): boolean {
  if (!roleHas(actor.role, Permission.CatalogManage)) return false;
  if (!SECTOR_SCOPED_ROLES.includes(actor.role) || actor.sectors === null) return true;
  return sectors.every((s) => actor.sectors!.includes(s));
}

/** The sectors of a catalog (from its stored descriptor, else the shipped one). */
function sectorsOf(catalogId: CatalogId, row?: CatalogVersionRow): Sector[] {
  return row ? descriptorOf(row).sectors : NATIONAL_CATALOGS[catalogId].catalog.sectors;
}

/**
 * Loads a version the caller may read: published versions are for everyone, drafts and
 * discarded versions for staff only (an enterprise user gets 404).
 */
export async function loadVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
): Promise<CatalogVersionRow> {
  const actor = requireActor(ctx);
  const row = await repo.findVersion(deps.db.kysely, catalogId, version);
  if (!row) throw notFound();
  if (row.status !== 'published' && isEnterpriseRole(actor.role)) throw notFound();
  return row;
}

/** Refuses a caller who may not change the catalog of `row`. */
export function assertCanManage(actor: SessionActor, row: CatalogVersionRow): void {
  if (!canManageCatalog(actor, descriptorOf(row).sectors)) throw forbidden();
}

/** Refuses a change to a version that is no longer a draft (published versions are immutable). */
export function assertDraft(row: CatalogVersionRow): void {
  if (row.status === 'published') throw conflict('version', '已发布的版本不可修改');
  if (row.status !== 'draft') throw conflict('version', '该草稿已废弃，不可修改');
}

/** The API view of one version, with its counts and the caller's abilities. */
export async function versionView(deps: ServiceDeps, actor: SessionActor, row: CatalogVersionRow) {
  const [counts, current] = await Promise.all([
    repo.countItems(deps.db.kysely, [row.id]),
    repo.findCurrentVersion(deps.db.kysely, row.catalog_id),
  ]);
  const manage = row.status === 'draft' && canManageCatalog(actor, descriptorOf(row).sectors);
  return toVersionView(row, counts.get(row.id), current?.id === row.id, {
    edit: manage,
    publish: manage,
    discard: manage,
  });
}

/** The catalogs with their current and draft versions. */
export async function listCatalogs(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<{ items: CatalogSummary[] }> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const current = await repo.listCurrentVersions(db);
  const counts = await repo.countItems(
    db,
    current.map((v) => v.id),
  );
  const staff = !isEnterpriseRole(actor.role);
  const items = await Promise.all(
    CATALOG_IDS.map(async (catalogId) => {
      const cur = current.find((v) => v.catalog_id === catalogId);
      const d = cur ? descriptorOf(cur) : NATIONAL_CATALOGS[catalogId].catalog;
      const draft = staff ? await repo.findDraft(db, catalogId) : undefined;
      const c = cur ? counts.get(cur.id) : undefined;
      return {
        catalogId,
        name: d.name,
        documentNumber: d.documentNumber,
        sectors: d.sectors,
        currentVersion: cur?.version ?? null,
        publishedAt: cur?.published_at ?? null,
        itemCount: c?.itemCount ?? 0,
        incompleteCount: c?.incompleteCount ?? 0,
        localCount: c?.localCount ?? 0,
        draftVersion: draft?.version ?? null,
        can: { manage: canManageCatalog(actor, sectorsOf(catalogId, cur)) },
      };
    }),
  );
  return { items };
}

/** The versions of one catalog, newest first (enterprise users: published ones only). */
export async function listVersions(deps: ServiceDeps, ctx: RequestContext, catalogId: CatalogId) {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const rows = (await repo.listVersions(db, catalogId)).filter(
    (r) => r.status === 'published' || !isEnterpriseRole(actor.role),
  );
  const counts = await repo.countItems(
    db,
    rows.map((r) => r.id),
  );
  const currentId = rows.find((r) => r.status === 'published')?.id;
  return {
    items: rows.map((r) => {
      const manage = r.status === 'draft' && canManageCatalog(actor, descriptorOf(r).sectors);
      return toVersionView(r, counts.get(r.id), r.id === currentId, {
        edit: manage,
        publish: manage,
        discard: manage,
      });
    }),
  };
}

/** One version with its diff against the version it is based on. */
export async function getVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
) {
  const row = await loadVersion(deps, ctx, catalogId, version);
  return versionView(deps, requireActor(ctx), row);
}

export type ItemListQuery = PageQuery & {
  q?: string;
  section?: string;
  completeness?: 'complete' | 'incomplete';
  local?: 'true' | 'false';
  includeVoided?: 'true' | 'false';
};

/** One page of a version's items, in catalog order. */
export async function listItems(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  query: ItemListQuery,
) {
  const actor = requireActor(ctx);
  const row = await loadVersion(deps, ctx, catalogId, version);
  const { items, total } = await repo.listItemsPage(
    deps.db.kysely,
    row.id,
    {
      q: query.q,
      section: query.section,
      completeness: query.completeness,
      local: query.local === undefined ? undefined : query.local === 'true',
      // Voided items exist only in drafts; enterprise users never see them.
      includeVoided: query.includeVoided === 'true' && !isEnterpriseRole(actor.role),
      like: likeOperator(deps.db.dialect),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: items.map((i) => toItemView(i, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * An enterprise's checklist: the items of the current published version of each catalog of its
 * sector that apply to its sub-type and tags, each citing its catalog and version.
 */
export async function getChecklist(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<Checklist> {
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const profile = {
    sector: enterprise.sector as Sector,
    subType: enterprise.sub_type,
    tags: JSON.parse(enterprise.tags) as string[],
  };
  const versions = (await repo.listCurrentVersions(deps.db.kysely)).filter((v) =>
    descriptorOf(v).sectors.includes(profile.sector),
  );
  const rows = await repo.listAllItems(
    deps.db.kysely,
    versions.map((v) => v.id),
  );
  const byId = new Map(versions.map((v) => [v.id, v]));
  const items = rows
    .filter((r) => appliesTo(toCatalogItem(r, byId.get(r.catalog_version_id)!.catalog_id), profile))
    .map((r) => {
      const {
        voided: _v,
        voidReason: _r,
        version: _n,
        ordinal: _o,
        ...view
      } = toItemView(r, byId.get(r.catalog_version_id)!);
      return view;
    });
  return {
    enterprise: {
      id: enterprise.id,
      name: enterprise.name,
      sector: profile.sector,
      subType: profile.subType,
      tags: profile.tags,
    },
    catalogs: versions.map((v) => ({
      catalogId: v.catalog_id as CatalogId,
      version: v.version,
      name: descriptorOf(v).name,
      documentNumber: descriptorOf(v).documentNumber,
      itemCount: items.filter((i) => i.catalogId === v.catalog_id).length,
    })),
    items,
    incompleteCount: items.filter((i) => i.completeness === 'incomplete').length,
  };
}

/** An item as cited elsewhere (hazards, alerts): its catalog, the exact version, and the item. */
export type CurrentItem = { catalogId: CatalogId; version: number; item: CatalogItem };

/**
 * Finds an item code in the current published version of its catalog (live items only);
 * undefined when no current version has it. For modules that cite items (alerts, hazards).
 */
export async function findCurrentItem(
  deps: ServiceDeps,
  code: string,
): Promise<CurrentItem | undefined> {
  const wanted = code.trim().toUpperCase();
  const catalogId = CATALOG_IDS.find((id) => wanted.startsWith(`${id}-`));
  if (!catalogId) return undefined;
  const version = await repo.findCurrentVersion(deps.db.kysely, catalogId);
  if (!version) return undefined;
  const row = await repo.findItem(deps.db.kysely, version.id, wanted);
  if (!row || row.voided_at !== null) return undefined;
  return { catalogId, version: version.version, item: toCatalogItem(row, catalogId) };
}
