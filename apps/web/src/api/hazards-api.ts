import type {
  Checklist,
  CreateHazardInput,
  HazardAction,
  HazardDetail,
  HazardFile,
  HazardLevel,
  HazardListItem,
  HazardOrigin,
  HazardStatus,
  RectificationPlan,
  Sector,
  UpdateHazardInput,
} from '@hazard-ledger/domain';
import {
  API_BASE,
  apiGet,
  apiPatch,
  apiPost,
  apiPut,
  apiRequest,
  apiUpload,
  toQueryString,
} from './client';
import type { SortOrder } from './types';

export type { HazardDetail, HazardFile, HazardListItem };

/** Columns the ledger can be sorted by (server side). */
export const HAZARD_SORT_FIELDS = [
  'foundAt',
  'deadline',
  'number',
  'level',
  'status',
  'updatedAt',
] as const;
export type HazardSortField = (typeof HAZARD_SORT_FIELDS)[number];

/** The filters of the ledger; the export takes the same ones. */
export type HazardFilters = {
  q?: string;
  sector?: Sector;
  enterpriseId?: number;
  districtId?: number;
  level?: HazardLevel;
  status?: HazardStatus;
  origin?: HazardOrigin;
  overdue?: boolean;
  supervised?: boolean;
  catalogItemCode?: string;
  /** YYYY-MM-DD */
  foundFrom?: string;
  /** YYYY-MM-DD */
  foundTo?: string;
};

export type HazardListQuery = HazardFilters & {
  page: number;
  pageSize: number;
  sort?: HazardSortField;
  order?: SortOrder;
};

export type HazardListPage = {
  items: HazardListItem[];
  total: number;
  page: number;
  pageSize: number;
  countsByStatus: Partial<Record<HazardStatus, number>>;
};

export type HazardTodoGroup = {
  key: string;
  label: string;
  count: number;
  items: HazardListItem[];
};

export type HazardFileKind = HazardFile['kind'];

/** The plan as PUT /hazards/:id/plan takes it: any subset of the five items, with the version. */
export type HazardPlanInput = Partial<RectificationPlan> & { version: number };

/** One page of the ledger with the counts per status (the counts ignore the status filter). */
export function listHazards(query: HazardListQuery, signal?: AbortSignal): Promise<HazardListPage> {
  return apiGet<HazardListPage>('/hazards', query, signal);
}

/** The URL of the .xlsx export (重大事故隐患问题清单) of the filtered ledger. */
export function hazardExportUrl(filters: HazardFilters): string {
  return `${API_BASE}/hazards/export${toQueryString(filters)}`;
}

/** "My to-do" for the caller's side (enterprise or bureau). */
export function getHazardTodo(signal?: AbortSignal): Promise<{ groups: HazardTodoGroup[] }> {
  return apiGet<{ groups: HazardTodoGroup[] }>('/hazards/todo', undefined, signal);
}

/** One hazard with its plan, files, history and the actions the caller may take now. */
export function getHazard(id: number, signal?: AbortSignal): Promise<HazardDetail> {
  return apiGet<HazardDetail>(`/hazards/${id}`, undefined, signal);
}

/** Records a hazard (201 with the new hazard page). */
export function createHazard(input: CreateHazardInput): Promise<HazardDetail> {
  return apiPost<HazardDetail>('/hazards', input);
}

/** Edits the record while the hazard is still being registered (canEdit). */
export function updateHazard(id: number, input: UpdateHazardInput): Promise<HazardDetail> {
  return apiPatch<HazardDetail>(`/hazards/${id}`, input);
}

/** Saves the five-item plan; items left out are cleared. */
export function saveHazardPlan(id: number, input: HazardPlanInput): Promise<HazardDetail> {
  return apiPut<HazardDetail>(`/hazards/${id}/plan`, input);
}

/**
 * Takes a workflow action. The idempotency key makes a repeated request (a retry after a lost
 * answer) a no-op on the server.
 */
export function actOnHazard(
  id: number,
  action: HazardAction,
  body: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string,
): Promise<HazardDetail> {
  return apiRequest<HazardDetail>(`/hazards/${id}/actions/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Uploads a photo (before/after) or a document of a hazard. */
export function uploadHazardFile(
  id: number,
  kind: HazardFileKind,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<HazardFile> {
  return apiUpload<HazardFile>(`/hazards/${id}/files?kind=${kind}`, file, {
    onProgress: (loaded, total) => onProgress?.(total > 0 ? Math.round((loaded / total) * 100) : 0),
  });
}

/** The URL of a hazard's file (images and PDFs open inline). */
export function hazardFileUrl(hazardId: number, fileId: number): string {
  return `${API_BASE}/hazards/${hazardId}/files/${fileId}`;
}

/** The criteria items that apply to an enterprise (for the 判定依据 picker). */
export function getEnterpriseChecklist(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<Checklist> {
  return apiGet<Checklist>(`/enterprises/${enterpriseId}/checklist`, undefined, signal);
}

/** A random key for the Idempotency-Key header (32 hex characters; works without HTTPS). */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
