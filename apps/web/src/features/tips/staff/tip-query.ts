import {
  SECTORS,
  TIP_CHANNELS,
  TIP_STATUSES,
  type Sector,
  type TipChannel,
  type TipStatus,
} from '@hazard-ledger/domain';
import {
  TIP_SORT_FIELDS,
  type TipFilters,
  type TipListQuery,
  type TipSortField,
} from '../../../api/tips-api';
import type { SortOrder } from '../../../api/types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** What the tip list shows: filters, sort and page, kept in the URL (?status=…&page=2). */
export type TipListState = {
  filters: TipFilters;
  page: number;
  pageSize: number;
  sort?: TipSortField;
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

/** Reads the list state from the URL; anything malformed is dropped, never sent to the API. */
export function tipStateFromParams(params: URLSearchParams): TipListState {
  const sort = oneOf<TipSortField>(TIP_SORT_FIELDS, params.get('sort'));
  const size = positiveInt(params.get('pageSize'));
  return {
    filters: {
      q: params.get('q')?.trim().slice(0, 50) || undefined,
      status: oneOf<TipStatus>(TIP_STATUSES, params.get('status')),
      channel: oneOf<TipChannel>(TIP_CHANNELS, params.get('channel')),
      sector: oneOf<Sector>(SECTORS, params.get('sector')),
      districtId: positiveInt(params.get('districtId')),
      overdue: bool(params.get('overdue')),
      mine: params.get('mine') === 'true' ? true : undefined,
    },
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort,
    order: sort ? (oneOf<SortOrder>(['asc', 'desc'], params.get('order')) ?? 'asc') : undefined,
  };
}

/** The filters that are set (for the export link and the URL). */
export function activeTipFilters(filters: TipFilters): TipFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== ''));
}

/** Writes the list state to URL parameters (defaults left out). */
export function tipStateToParams(state: TipListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(activeTipFilters(state.filters))) params.set(k, String(v));
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('order', state.order ?? 'asc');
  }
  return params;
}

/** The API query of a list state. */
export function toTipQuery(state: TipListState): TipListQuery {
  return {
    ...activeTipFilters(state.filters),
    page: state.page,
    pageSize: state.pageSize,
    ...(state.sort ? { sort: state.sort, order: state.order ?? 'asc' } : {}),
  };
}
