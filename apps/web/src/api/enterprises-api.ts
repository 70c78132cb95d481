import type { z } from 'zod';
import type {
  CreateEnterpriseAccountInput,
  CreateEnterpriseInput,
  EnterpriseSelfFieldsInput,
  EnterpriseStatus,
  EnterpriseTag,
  enterpriseDetailSchema,
  enterpriseListItemSchema,
  HazardSourceInput,
  HazardSourceView,
  PersonInput,
  PersonView,
  Sector,
  UpdateEnterpriseInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPatch, apiPost, apiPut, apiUpload, toQueryString } from './client';
import type { Items, Page, SortOrder } from './types';

export type EnterpriseListItem = z.infer<typeof enterpriseListItemSchema>;
export type EnterpriseDetail = z.infer<typeof enterpriseDetailSchema>;
export type { HazardSourceView, PersonView };

/** Columns the enterprise list can be sorted by (server side). */
export const ENTERPRISE_SORT_FIELDS = [
  'name',
  'creditCode',
  'sector',
  'status',
  'employees',
  'updatedAt',
] as const;
export type EnterpriseSortField = (typeof ENTERPRISE_SORT_FIELDS)[number];

/** The filters of the list; the export takes the same ones. */
export type EnterpriseFilters = {
  q?: string;
  sector?: Sector;
  subType?: string;
  tag?: EnterpriseTag;
  orgUnitId?: number;
  status?: EnterpriseStatus;
};

export type EnterpriseListQuery = EnterpriseFilters & {
  page: number;
  pageSize: number;
  sort?: EnterpriseSortField;
  order?: SortOrder;
};

export type PersonalData = { people: PersonView[]; hazardSources: HazardSourceView[] };

export type EnterpriseAccount = {
  id: number;
  username: string;
  displayName: string;
  role: 'ent_leader' | 'ent_safety';
  status: string;
  lastLoginAt: string | null;
};

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export type ImportRow = {
  rowNumber: number;
  name: string;
  creditCode: string;
  action: ImportAction;
  errors: { column: string; header: string; message: string }[];
};

export type ImportView = {
  id: number;
  fileName: string;
  status: 'previewed' | 'committed' | 'discarded';
  userName: string;
  totalRows: number;
  errorRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  createdAt: string;
  committedAt: string | null;
  rows: ImportRow[];
};

const base = (id: number) => `/enterprises/${id}`;

/** One page of enterprises (leader phone masked). */
export function listEnterpriseItems(
  query: EnterpriseListQuery,
  signal?: AbortSignal,
): Promise<Page<EnterpriseListItem>> {
  return apiGet<Page<EnterpriseListItem>>('/enterprises', query, signal);
}

/** The URL of the .xlsx export of the filtered list (a plain download; the cookie goes along). */
export function enterpriseExportUrl(filters: EnterpriseFilters): string {
  return `${API_BASE}/enterprises/export${toQueryString(filters)}`;
}

/** The URL of the import template. */
export const ENTERPRISE_TEMPLATE_URL = `${API_BASE}/enterprises/import/template`;

/** One enterprise with what the caller may do with it. */
export function getEnterprise(id: number, signal?: AbortSignal): Promise<EnterpriseDetail> {
  return apiGet<EnterpriseDetail>(base(id), undefined, signal);
}

/** Registers an enterprise (201). */
export function createEnterprise(body: CreateEnterpriseInput): Promise<EnterpriseDetail> {
  return apiPost<EnterpriseDetail>('/enterprises', body);
}

/** Replaces an enterprise's registry data; 409 STALE_VERSION when `version` is old. */
export function updateEnterprise(
  id: number,
  body: UpdateEnterpriseInput,
): Promise<EnterpriseDetail> {
  return apiPut<EnterpriseDetail>(base(id), body);
}

/** The part enterprise users keep themselves: employees and safety staffing. */
export function updateSafetyStaffing(
  id: number,
  body: EnterpriseSelfFieldsInput,
): Promise<EnterpriseDetail> {
  return apiPatch<EnterpriseDetail>(`${base(id)}/safety-staffing`, body);
}

/** The people of an enterprise, phone and ID masked. */
export function listPeople(id: number, signal?: AbortSignal): Promise<Items<PersonView>> {
  return apiGet<Items<PersonView>>(`${base(id)}/people`, undefined, signal);
}

export function addPerson(id: number, body: PersonInput): Promise<PersonView> {
  return apiPost<PersonView>(`${base(id)}/people`, body);
}

export function updatePerson(
  id: number,
  personId: number,
  body: PersonInput & { version: number },
): Promise<PersonView> {
  return apiPut<PersonView>(`${base(id)}/people/${personId}`, body);
}

export function voidPerson(
  id: number,
  personId: number,
  body: { reason: string; version: number },
): Promise<void> {
  return apiPost<void>(`${base(id)}/people/${personId}/void`, body);
}

/** The major hazard sources of an enterprise, phones masked. */
export function listHazardSources(
  id: number,
  signal?: AbortSignal,
): Promise<Items<HazardSourceView>> {
  return apiGet<Items<HazardSourceView>>(`${base(id)}/hazard-sources`, undefined, signal);
}

export function addHazardSource(id: number, body: HazardSourceInput): Promise<HazardSourceView> {
  return apiPost<HazardSourceView>(`${base(id)}/hazard-sources`, body);
}

export function updateHazardSource(
  id: number,
  sourceId: number,
  body: HazardSourceInput & { version: number },
): Promise<HazardSourceView> {
  return apiPut<HazardSourceView>(`${base(id)}/hazard-sources/${sourceId}`, body);
}

export function voidHazardSource(
  id: number,
  sourceId: number,
  body: { reason: string; version: number },
): Promise<void> {
  return apiPost<void>(`${base(id)}/hazard-sources/${sourceId}/void`, body);
}

/** Full phone and ID numbers of people and hazard-source persons; the server audits each call. */
export function revealPersonalData(id: number): Promise<PersonalData> {
  return apiGet<PersonalData>(`${base(id)}/personal-data`);
}

export function listAccounts(id: number, signal?: AbortSignal): Promise<Items<EnterpriseAccount>> {
  return apiGet<Items<EnterpriseAccount>>(`${base(id)}/accounts`, undefined, signal);
}

export function createAccount(
  id: number,
  body: CreateEnterpriseAccountInput,
): Promise<EnterpriseAccount> {
  return apiPost<EnterpriseAccount>(`${base(id)}/accounts`, body);
}

/** Uploads an .xlsx for checking; nothing is written until the import is committed. */
export function previewImport(
  file: File,
  handlers: {
    onProgress?: (loaded: number, total: number) => void;
    onUploaded?: () => void;
    signal?: AbortSignal;
  } = {},
): Promise<ImportView> {
  return apiUpload<ImportView>('/enterprises/import/preview', file, { field: 'file', ...handlers });
}

/** Writes all valid rows of a previewed import in one transaction. */
export function commitImport(id: number): Promise<ImportView> {
  return apiPost<ImportView>(`/enterprises/imports/${id}/commit`);
}

/** Import records of my territory, newest first (rows left out). */
export function listImports(
  query: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<ImportView>> {
  return apiGet<Page<ImportView>>('/enterprises/imports', query, signal);
}

/** One import record with its rows. */
export function getImport(id: number, signal?: AbortSignal): Promise<ImportView> {
  return apiGet<ImportView>(`/enterprises/imports/${id}`, undefined, signal);
}
