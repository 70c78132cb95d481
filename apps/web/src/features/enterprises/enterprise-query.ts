import {
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAGS,
  isSubTypeOf,
  SECTORS,
  type EnterpriseStatus,
  type EnterpriseTag,
  type Sector,
} from '@hazard-ledger/domain';
import {
  ENTERPRISE_SORT_FIELDS,
  type EnterpriseFilters,
  type EnterpriseListQuery,
  type EnterpriseSortField,
} from '../../api/enterprises-api';
import type { SortOrder } from '../../api/types';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** What the list page shows: filters, sort and page. It lives in the URL (?sector=…&page=2). */
export type ListState = {
  filters: EnterpriseFilters;
  page: number;
  pageSize: number;
  sort?: EnterpriseSortField;
  order?: SortOrder;
};

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;

const positiveInt = (v: string | null): number | undefined => {
  if (v === null || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
};

/** Reads the list state from the URL; anything malformed is dropped, never sent to the API. */
export function listStateFromParams(params: URLSearchParams): ListState {
  const sector = oneOf<Sector>(SECTORS, params.get('sector'));
  const subTypeRaw = params.get('subType');
  const subType = sector && subTypeRaw && isSubTypeOf(sector, subTypeRaw) ? subTypeRaw : undefined;
  const q = params.get('q')?.trim().slice(0, 50) || undefined;
  const sort = oneOf<EnterpriseSortField>(ENTERPRISE_SORT_FIELDS, params.get('sort'));
  const size = positiveInt(params.get('pageSize'));
  return {
    filters: {
      q,
      sector,
      subType,
      tag: oneOf<EnterpriseTag>(ENTERPRISE_TAGS, params.get('tag')),
      orgUnitId: positiveInt(params.get('orgUnitId')),
      status: oneOf<EnterpriseStatus>(ENTERPRISE_STATUSES, params.get('status')),
    },
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: size && (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort,
    order: sort ? (oneOf<SortOrder>(['asc', 'desc'], params.get('order')) ?? 'asc') : undefined,
  };
}

/** The URL parameters of a list state (defaults left out, so a plain list is plain /enterprises). */
export function listStateToParams(state: ListState): URLSearchParams {
  const params = new URLSearchParams();
  const f = state.filters;
  if (f.q) params.set('q', f.q);
  if (f.sector) params.set('sector', f.sector);
  if (f.sector && f.subType) params.set('subType', f.subType);
  if (f.tag) params.set('tag', f.tag);
  if (f.orgUnitId) params.set('orgUnitId', String(f.orgUnitId));
  if (f.status) params.set('status', f.status);
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('order', state.order ?? 'asc');
  }
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(state.pageSize));
  return params;
}

/** The filters with a change applied; a new sector drops a sub-type that is not one of its own. */
export function withFilter(
  filters: EnterpriseFilters,
  patch: EnterpriseFilters,
): EnterpriseFilters {
  const next = { ...filters, ...patch };
  if (!next.sector || (next.subType && !isSubTypeOf(next.sector, next.subType))) {
    next.subType = undefined;
  }
  return next;
}

/** GET /enterprises query of a list state. */
export function toListQuery(state: ListState): EnterpriseListQuery {
  return {
    page: state.page,
    pageSize: state.pageSize,
    ...exportFilters(state.filters),
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  };
}

/** The filters as the export takes them (no paging or sort), empty ones left out. */
export function exportFilters(f: EnterpriseFilters): EnterpriseFilters {
  const out: EnterpriseFilters = {};
  if (f.q) out.q = f.q;
  if (f.sector) out.sector = f.sector;
  if (f.sector && f.subType) out.subType = f.subType;
  if (f.tag) out.tag = f.tag;
  if (f.orgUnitId) out.orgUnitId = f.orgUnitId;
  if (f.status) out.status = f.status;
  return out;
}

/** Whether any filter is set. */
export function hasFilters(f: EnterpriseFilters): boolean {
  return Object.keys(exportFilters(f)).length > 0;
}
