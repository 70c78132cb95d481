import type {
  EnforcementMeasureInput,
  EnforcementMeasureKind,
  EnforcementMeasureView,
  FilePenaltyCaseRequest,
  PenaltyCaseAction,
  PenaltyCaseDetail,
  PenaltyCaseListItem,
  PenaltyCaseStatus,
  RepeatOffenderReason,
  RepeatOffenderRow,
  Sector,
  UpdatePenaltyCaseInput,
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
import type { Page } from './types';

// Penalty cases (行政处罚, 一案双罚), enforcement measures and the repeat-offender view.

export type { EnforcementMeasureView, PenaltyCaseDetail, PenaltyCaseListItem, RepeatOffenderRow };

export type PenaltyCaseListQuery = {
  page: number;
  pageSize: number;
  status?: PenaltyCaseStatus;
  sector?: Sector;
  enterpriseId?: number;
  q?: string;
};

export type MeasureListQuery = {
  page: number;
  pageSize: number;
  enterpriseId?: number;
  kind?: EnforcementMeasureKind;
  includeVoided?: boolean;
};

export type RepeatOffenderFilters = {
  sector?: Sector;
  reason?: RepeatOffenderReason;
  asOf?: string;
};
export type RepeatOffenderQuery = RepeatOffenderFilters & { page: number; pageSize: number };

/** An uploaded measure document, to be named by id when the measure is saved. */
export type MeasureDocument = { id: number; fileName: string; mimeType: string; size: number };

/** React Query keys of this module (kept here, not in the shared query-keys file). */
export const penaltyKeys = {
  all: ['penalties'] as const,
  caseLists: ['penalties', 'cases'] as const,
  caseList: (q: PenaltyCaseListQuery) => ['penalties', 'cases', q] as const,
  case: (id: number) => ['penalties', 'case', id] as const,
  measures: ['penalties', 'measures'] as const,
  measureList: (q: MeasureListQuery) => ['penalties', 'measures', q] as const,
  offenders: (q: RepeatOffenderQuery) => ['penalties', 'repeat-offenders', q] as const,
};

/** One page of cases (enterprise users: their own, from the decision on). */
export function listPenaltyCases(
  query: PenaltyCaseListQuery,
  signal?: AbortSignal,
): Promise<Page<PenaltyCaseListItem>> {
  return apiGet<Page<PenaltyCaseListItem>>('/penalty-cases', query, signal);
}

/** One case with its parties, rules, history and the actions open to me. */
export function getPenaltyCase(id: number, signal?: AbortSignal): Promise<PenaltyCaseDetail> {
  return apiGet<PenaltyCaseDetail>(`/penalty-cases/${id}`, undefined, signal);
}

/** Files a case (立案). */
export function filePenaltyCase(body: FilePenaltyCaseRequest): Promise<PenaltyCaseDetail> {
  return apiPost<PenaltyCaseDetail>('/penalty-cases', body);
}

/** Edits the matter, facts and linked records before the decision. */
export function updatePenaltyCase(
  id: number,
  body: UpdatePenaltyCaseInput,
): Promise<PenaltyCaseDetail> {
  return apiPatch<PenaltyCaseDetail>(`/penalty-cases/${id}`, body);
}

/** Takes a workflow action; the key makes a retried request a no-op. */
export function actOnPenaltyCase(
  id: number,
  action: PenaltyCaseAction,
  body: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string,
): Promise<PenaltyCaseDetail> {
  return apiRequest<PenaltyCaseDetail>(`/penalty-cases/${id}/actions/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Where one party's 行政处罚决定书 (PDF) is downloaded. */
export function decisionPdfUrl(caseId: number, partyId: number): string {
  return `${API_BASE}/penalty-cases/${caseId}/parties/${partyId}/decision.pdf`;
}

/** One page of measures. */
export function listMeasures(
  query: MeasureListQuery,
  signal?: AbortSignal,
): Promise<Page<EnforcementMeasureView>> {
  return apiGet<Page<EnforcementMeasureView>>('/enforcement-measures', query, signal);
}

/** Records a measure against an enterprise. */
export function createMeasure(body: EnforcementMeasureInput): Promise<EnforcementMeasureView> {
  return apiPost<EnforcementMeasureView>('/enforcement-measures', body);
}

/** Updates a measure (same kind and enterprise). */
export function updateMeasure(
  id: number,
  body: { version: number; measure: EnforcementMeasureInput },
): Promise<EnforcementMeasureView> {
  return apiPut<EnforcementMeasureView>(`/enforcement-measures/${id}`, body);
}

/** Voids a measure with the reason. */
export function voidMeasure(
  id: number,
  body: { version: number; reason: string },
): Promise<EnforcementMeasureView> {
  return apiPost<EnforcementMeasureView>(`/enforcement-measures/${id}/void`, body);
}

/** Uploads a measure document (PDF or .docx). */
export function uploadMeasureDocument(
  file: File,
  options: { onProgress?: (loaded: number, total: number) => void } = {},
): Promise<MeasureDocument> {
  return apiUpload<MeasureDocument>('/enforcement-measures/documents', file, options);
}

/** Where a measure document is downloaded. */
export function measureDocumentUrl(measureId: number, fileId: number): string {
  return `${API_BASE}/enforcement-measures/${measureId}/documents/${fileId}`;
}

/** One page of the repeat-offender view. */
export function listRepeatOffenders(
  query: RepeatOffenderQuery,
  signal?: AbortSignal,
): Promise<Page<RepeatOffenderRow> & { asOf: string }> {
  return apiGet<Page<RepeatOffenderRow> & { asOf: string }>('/repeat-offenders', query, signal);
}

/** Where the repeat-offender list is exported (xlsx). */
export function repeatOffendersExportUrl(filters: RepeatOffenderFilters): string {
  return `${API_BASE}/repeat-offenders/export${toQueryString(filters)}`;
}
