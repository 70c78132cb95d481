import {
  HAZARD_LEVELS,
  HAZARD_ORIGINS,
  HAZARD_STATUSES,
  SECTORS,
  type HazardLevel,
  type HazardOrigin,
  type HazardStatus,
  type Sector,
} from '@hazard-ledger/domain';
import {
  HAZARD_SORT_FIELDS,
  type HazardFilters,
  type HazardListQuery,
  type HazardSortField,
} from '../../api/hazards-api';
import type { SortOrder } from '../../api/types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** What the ledger shows: filters, sort and page. It lives in the URL (?status=…&page=2). */
export type HazardListState = {
  filters: HazardFilters;
  page: number;
  pageSize: number;
  sort?: HazardSortField;
  order?: SortOrder;
};

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;

const positiveInt = (v: string | null): number | undefined => {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
};

const bool = (v: string | null): boolean | undefined =>
  v === 'true' ? true : v === 'false' ? false : undefined;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const date = (v: string | null): string | undefined => (v && DATE.test(v) ? v : undefined);

/** Reads the ledger state from the URL; anything malformed is dropped, never sent to the API. */
export function hazardStateFromParams(params: URLSearchParams): HazardListState {
  const sort = oneOf<HazardSortField>(HAZARD_SORT_FIELDS, params.get('sort'));
  const size = positiveInt(params.get('pageSize'));
  const code = params.get('catalogItemCode')?.trim().slice(0, 40);
  return {
    filters: {
      q: params.get('q')?.trim().slice(0, 50) || undefined,
      sector: oneOf<Sector>(SECTORS, params.get('sector')),
      enterpriseId: positiveInt(params.get('enterpriseId')),
      districtId: positiveInt(params.get('districtId')),
      level: oneOf<HazardLevel>(HAZARD_LEVELS, params.get('level')),
      status: oneOf<HazardStatus>(HAZARD_STATUSES, params.get('status')),
      origin: oneOf<HazardOrigin>(HAZARD_ORIGINS, params.get('origin')),
      overdue: bool(params.get('overdue')),
      supervised: bool(params.get('supervised')),
      catalogItemCode: code || undefined,
      foundFrom: date(params.get('foundFrom')),
      foundTo: date(params.get('foundTo')),
    },
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort,
    order: sort ? (oneOf<SortOrder>(['asc', 'desc'], params.get('order')) ?? 'asc') : undefined,
  };
}

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

/** The API query of a ledger state. */
export function toHazardQuery(state: HazardListState): HazardListQuery {
  return {
    ...activeFilters(state.filters),
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  };
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
