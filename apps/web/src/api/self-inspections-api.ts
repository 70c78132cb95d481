import type {
  Page,
  Sector,
  SelfInspectionAnswerInput,
  SelfInspectionCoverage,
  SelfInspectionCoverageFilter,
  SelfInspectionDetail,
  SelfInspectionListItem,
  SelfInspectionPhoto,
  SelfInspectionStartInfo,
  SelfInspectionStatus,
  StartSelfInspectionInput,
  UpdateSelfInspectionInput,
} from '@hazard-ledger/domain';
import {
  API_BASE,
  apiGet,
  apiPatch,
  apiPost,
  apiRequest,
  apiUpload,
  toQueryString,
} from './client';

export type { SelfInspectionDetail, SelfInspectionListItem, SelfInspectionCoverage };

export type SelfInspectionListQuery = {
  page: number;
  pageSize: number;
  enterpriseId?: number;
  status?: SelfInspectionStatus;
};

/** The coverage filters; the export takes the same ones. */
export type CoverageFilters = {
  campaignId?: number;
  phase?: string;
  sector?: Sector;
  status?: SelfInspectionCoverageFilter;
  q?: string;
};

/** React Query keys of self-inspections (kept here, not in the shared query-keys file). */
export const selfInspectionKeys = {
  all: ['self-inspections'] as const,
  list: (q: SelfInspectionListQuery) => ['self-inspections', 'list', q] as const,
  startInfo: () => ['self-inspections', 'start-info'] as const,
  coverage: (q: CoverageFilters & { page: number; pageSize: number }) =>
    ['self-inspections', 'coverage', q] as const,
  run: (id: number) => ['self-inspections', 'run', id] as const,
};

/** Runs the caller may see (an enterprise its own), newest first. */
export function listSelfInspections(
  query: SelfInspectionListQuery,
  signal?: AbortSignal,
): Promise<Page<SelfInspectionListItem>> {
  return apiGet<Page<SelfInspectionListItem>>('/self-inspections', query, signal);
}

/** The campaign a new run would belong to and the run in progress (enterprise users). */
export function getSelfInspectionStartInfo(signal?: AbortSignal): Promise<SelfInspectionStartInfo> {
  return apiGet<SelfInspectionStartInfo>('/self-inspections/start-info', undefined, signal);
}

/** Starts a run with the enterprise's checklist (201 with the run). */
export function startSelfInspection(
  input: StartSelfInspectionInput,
): Promise<SelfInspectionDetail> {
  return apiPost<SelfInspectionDetail>('/self-inspections', input);
}

/** One run with its items and the actions the caller may take. */
export function getSelfInspection(id: number, signal?: AbortSignal): Promise<SelfInspectionDetail> {
  return apiGet<SelfInspectionDetail>(`/self-inspections/${id}`, undefined, signal);
}

/** Changes 检查日期 and 检查人员. */
export function updateSelfInspection(
  id: number,
  input: UpdateSelfInspectionInput,
): Promise<SelfInspectionDetail> {
  return apiPatch<SelfInspectionDetail>(`/self-inspections/${id}`, input);
}

/** Saves the answer to one item. */
export function answerSelfInspectionItem(
  id: number,
  code: string,
  input: SelfInspectionAnswerInput,
): Promise<SelfInspectionDetail> {
  return apiRequest<SelfInspectionDetail>(
    `/self-inspections/${id}/items/${encodeURIComponent(code)}/answer`,
    { method: 'PUT', body: input },
  );
}

/** Uploads a photo of an item. */
export function uploadSelfInspectionPhoto(
  id: number,
  code: string,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<SelfInspectionPhoto> {
  return apiUpload<SelfInspectionPhoto>(
    `/self-inspections/${id}/items/${encodeURIComponent(code)}/photos`,
    file,
    {
      onProgress: (loaded, total) =>
        onProgress?.(total > 0 ? Math.round((loaded / total) * 100) : 0),
    },
  );
}

/** Removes a photo of a run in progress. */
export function removeSelfInspectionPhoto(
  id: number,
  photoId: number,
): Promise<SelfInspectionDetail> {
  return apiRequest<SelfInspectionDetail>(`/self-inspections/${id}/photos/${photoId}`, {
    method: 'DELETE',
  });
}

/** The URL of a photo. */
export function selfInspectionPhotoUrl(id: number, photoId: number): string {
  return `${API_BASE}/self-inspections/${id}/photos/${photoId}`;
}

/** Submits and signs as the main leader; the key makes a repeated request a no-op. */
export function submitSelfInspection(
  id: number,
  version: number,
  idempotencyKey: string,
): Promise<SelfInspectionDetail> {
  return apiRequest<SelfInspectionDetail>(`/self-inspections/${id}/submit`, {
    method: 'POST',
    body: { version },
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Discards a run in progress, with the reason. */
export function discardSelfInspection(
  id: number,
  version: number,
  reason: string,
): Promise<SelfInspectionDetail> {
  return apiPost<SelfInspectionDetail>(`/self-inspections/${id}/discard`, { version, reason });
}

/** The URL of the printable record (PDF). */
export function selfInspectionPdfUrl(id: number): string {
  return `${API_BASE}/self-inspections/${id}/pdf`;
}

/** The office's coverage view: per sector, who submitted in the campaign (and phase). */
export function getSelfInspectionCoverage(
  query: CoverageFilters & { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<SelfInspectionCoverage> {
  return apiGet<SelfInspectionCoverage>('/self-inspections/coverage', query, signal);
}

/** The URL of the coverage export (.xlsx). */
export function selfInspectionCoverageExportUrl(filters: CoverageFilters): string {
  return `${API_BASE}/self-inspections/coverage/export${toQueryString(filters)}`;
}
