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
  type HazardListQuery,
  type HazardSortField,
} from '../../api/hazards-api';
import type { SortOrder } from '../../api/types';

import { activeFilters, DEFAULT_PAGE_SIZE, type HazardListState } from './ledger-href';

export {
  activeFilters,
  DEFAULT_PAGE_SIZE,
  hazardStateToParams,
  ledgerHref,
  todoGroupFilters,
  type HazardListState,
} from './ledger-href';

export const PAGE_SIZES = [10, 20, 50, 100, 200] as const;

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
