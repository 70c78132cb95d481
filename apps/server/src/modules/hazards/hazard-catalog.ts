import { fieldError } from '../../lib/app-error.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { findCurrentItem } from '../catalogs/catalogs.service.js';

/** A catalog item as a hazard cites it: the exact catalog and version. */
export type CitedItem = { catalogId: string; version: number; code: string };

/**
 * Finds the item a hazard cites in the current published version of its catalog, and checks it
 * is one of the enterprise's sector. The hazard keeps the exact version it cited.
 */
export async function resolveCatalogItem(
  deps: ServiceDeps,
  code: string,
  enterprise: { sector: string },
): Promise<CitedItem> {
  const found = await findCurrentItem(deps, code);
  if (!found) throw fieldError('catalogItemCode', `判定依据“${code}”不存在或已作废`);
  if (!(found.item.appliesTo.sectors as readonly string[]).includes(enterprise.sector)) {
    throw fieldError('catalogItemCode', '所引用的判定标准条款不适用于该企业的行业领域');
  }
  return { catalogId: found.catalogId, version: found.version, code: found.item.code };
}
