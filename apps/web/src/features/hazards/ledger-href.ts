import type { HazardFilters, HazardSortField } from '../../api/hazards-api';
import type { SortOrder } from '../../api/types';

// Links into the ledger (state → URL), apart from hazard-query.ts (URL → state): building a link
// needs no list of valid values, so the home page's to-do card does not load the domain modules
// (and their zod schemas) that reading a URL checks against.

export const DEFAULT_PAGE_SIZE = 20;

/** What the ledger shows: filters, sort and page. It lives in the URL (?status=…&page=2). */
export type HazardListState = {
  filters: HazardFilters;
  page: number;
  pageSize: number;
  sort?: HazardSortField;
  order?: SortOrder;
};

const FILTER_KEYS = [
  'q',
  'sector',
  'enterpriseId',
  'districtId',
  'level',
  'status',
  'origin',
  'overdue',
  'supervised',
  'catalogItemCode',
  'foundFrom',
  'foundTo',
] as const satisfies readonly (keyof HazardFilters)[];

/** The filters that are set, in a stable order (for the URL, the export and the filter count). */
export function activeFilters(f: HazardFilters): HazardFilters {
  const out: HazardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = f[key];
    if (value === undefined || value === null || value === '') continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The URL parameters of a ledger state (defaults left out: a plain ledger is plain /hazards). */
export function hazardStateToParams(state: HazardListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(activeFilters(state.filters))) {
    params.set(key, String(value));
  }
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('order', state.order ?? 'asc');
  }
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

/** A ledger link with the given filters, e.g. from the to-do card. */
export function ledgerHref(filters: HazardFilters): string {
  const params = hazardStateToParams({ filters, page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const s = params.toString();
  return s ? `/hazards?${s}` : '/hazards';
}

/**
 * The ledger filters matching a to-do group of GET /hazards/todo (the server's groups use
 * finer "awaiting" conditions; the ledger shows the closest status view).
 */
export function todoGroupFilters(key: string): HazardFilters {
  switch (key) {
    case 'plan':
      return { status: 'reported' };
    case 'plan_approval':
      return { status: 'planned' };
    case 'fix':
      return { status: 'rectifying' };
    case 'acceptance':
      return { status: 'rectified' };
    case 'verification':
      return { status: 'rectified', level: 'major' };
    case 'extension':
      return { status: 'rectifying', level: 'major' };
    case 'overdue':
      return { overdue: true };
    case 'supervised':
      return { supervised: true };
    default:
      return {};
  }
}
