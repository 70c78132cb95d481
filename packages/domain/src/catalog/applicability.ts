import type { Sector } from '../common/sector.js';
import type { EnterpriseProfile } from '../enterprise/enterprise-attributes.js';
import type { Catalog, CatalogItem } from './catalog.js';
import { NATIONAL_CATALOGS } from './catalog-data.js';

/**
 * Whether a catalog item applies to an enterprise: its sector is one of the item's sectors, its
 * sub-type is one of the item's sub-types (unless the item names none), and it has at least one
 * of the item's tags (unless the item needs none). Another sector's items never apply, even
 * when a tag matches (GM-2023 第二条 leaves hazchem matters to HG-2017, not the reverse).
 */
export function appliesTo(item: CatalogItem, profile: EnterpriseProfile): boolean {
  const { sectors, subTypes, tags } = item.appliesTo;
  if (!sectors.includes(profile.sector)) return false;
  if (subTypes !== null && !subTypes.includes(profile.subType)) return false;
  if (tags !== null && !tags.some((tag) => profile.tags.includes(tag))) return false;
  return true;
}

/** The items of a list that apply to an enterprise, in catalog order. */
export function applicableItems(
  items: readonly CatalogItem[],
  profile: EnterpriseProfile,
): CatalogItem[] {
  return items.filter((item) => appliesTo(item, profile));
}

/** The catalogs that cover a sector (one national standard per sector today). */
export function catalogsForSector(
  sector: Sector,
  catalogs: readonly Catalog[] = Object.values(NATIONAL_CATALOGS),
): Catalog[] {
  return catalogs.filter((c) => c.catalog.sectors.includes(sector));
}

/** An enterprise's checklist ("our checklist"): every applicable item of its sector's catalogs. */
export function applicableCatalogItems(
  profile: EnterpriseProfile,
  catalogs: readonly Catalog[] = Object.values(NATIONAL_CATALOGS),
): CatalogItem[] {
  return catalogsForSector(profile.sector, catalogs).flatMap((c) =>
    applicableItems(c.items, profile),
  );
}
