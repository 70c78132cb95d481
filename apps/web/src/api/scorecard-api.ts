import type { ScorecardView, Sector } from '@hazard-ledger/domain';
import { API_BASE, apiGet, toQueryString } from './client';
import type { Page } from './types';

// The five-duty scorecard (主要负责人五项重点任务落实情况).

export type ScorecardListItem = ScorecardView & { sector: Sector; districtName: string };
export type ScorecardFilters = { q?: string; sector?: Sector };
export type ScorecardListQuery = ScorecardFilters & { page: number; pageSize: number };

export const scorecardKeys = {
  one: (enterpriseId: number) => ['scorecard', enterpriseId] as const,
  list: (query: ScorecardListQuery) => ['scorecards', query] as const,
};

/** One enterprise's scorecard as of today. */
export function getScorecard(enterpriseId: number, signal?: AbortSignal): Promise<ScorecardView> {
  return apiGet<ScorecardView>(`/enterprises/${enterpriseId}/scorecard`, undefined, signal);
}

/** One page of the enterprises in my scope, each with its scorecard. */
export function listScorecards(
  query: ScorecardListQuery,
  signal?: AbortSignal,
): Promise<Page<ScorecardListItem>> {
  return apiGet<Page<ScorecardListItem>>('/scorecards', query, signal);
}

/** The URL of the .xlsx export of the filtered scorecards. */
export function scorecardExportUrl(filters: ScorecardFilters): string {
  return `${API_BASE}/scorecards/export${toQueryString(filters)}`;
}
