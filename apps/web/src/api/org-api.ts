import { apiGet } from './client';
import type { EnterpriseSummary, Items, OrgUnit, Page } from './types';

/** The org units of my territory (flat; build the tree with buildOrgTree). */
export function listOrgUnits(signal?: AbortSignal): Promise<Items<OrgUnit>> {
  return apiGet<Items<OrgUnit>>('/org-units', undefined, signal);
}

/** One page of enterprises, optionally filtered by a search text. */
export function listEnterprises(
  query: { q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<EnterpriseSummary>> {
  return apiGet<Page<EnterpriseSummary>>('/enterprises', query, signal);
}
