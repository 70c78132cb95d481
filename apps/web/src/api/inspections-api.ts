import type {
  InspectionDraft,
  InspectionFormContext,
  InspectionRecordDetail,
  InspectionRecordListItem,
  InspectionRecordStatus,
  Page,
  PublicVerification,
  RecordVerification,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiPut } from './client';

// On-site inspection records (现场检查记录): fill in, sign, acknowledge, verify.

export type { InspectionRecordDetail, InspectionRecordListItem, InspectionFormContext };

export type InspectionListQuery = {
  page: number;
  pageSize: number;
  q?: string;
  status?: InspectionRecordStatus;
  enterpriseId?: number;
  planId?: number;
  from?: string;
  to?: string;
  mine?: boolean;
  awaitingMySignature?: boolean;
};

export type FormContextQuery = { enterpriseId?: number; planId?: number; targetId?: number };

/** React Query keys of inspection records (kept here, not in the shared query-keys file). */
export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (q: InspectionListQuery) => ['inspections', 'list', q] as const,
  record: (id: number) => ['inspections', 'record', id] as const,
  verification: (id: number) => ['inspections', 'verification', id] as const,
  formContext: (q: FormContextQuery) => ['inspections', 'form-context', q] as const,
  publicCode: (code: string) => ['inspections', 'public', code] as const,
};

/** One page of the records I may see, newest visit first. */
export function listInspections(
  query: InspectionListQuery,
  signal?: AbortSignal,
): Promise<Page<InspectionRecordListItem>> {
  return apiGet<Page<InspectionRecordListItem>>('/inspections', query, signal);
}

/** The checklist, open hazards and colleagues the form needs for one enterprise. */
export function getInspectionFormContext(
  query: FormContextQuery,
  signal?: AbortSignal,
): Promise<InspectionFormContext> {
  return apiGet<InspectionFormContext>('/inspections/form-context', query, signal);
}

/** One record with the actions I may take. */
export function getInspection(id: number, signal?: AbortSignal): Promise<InspectionRecordDetail> {
  return apiGet<InspectionRecordDetail>(`/inspections/${id}`, undefined, signal);
}

/** Creates a draft record (201). */
export function createInspection(body: InspectionDraft): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>('/inspections', body);
}

/** Saves a draft at the version it was read. */
export function updateInspection(
  id: number,
  body: InspectionDraft & { version: number },
): Promise<InspectionRecordDetail> {
  return apiPut<InspectionRecordDetail>(`/inspections/${id}`, body);
}

/** Freezes the content for signing. */
export function submitInspection(id: number, version: number): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>(`/inspections/${id}/submit`, { version });
}

/** Takes a record back to draft (the signatures given are discarded). */
export function reopenInspection(
  id: number,
  version: number,
  reason: string,
): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>(`/inspections/${id}/reopen`, { version, reason });
}

/** Signs the text whose hash I reviewed. */
export function signInspection(id: number, contentHash: string): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>(`/inspections/${id}/sign`, { contentHash });
}

/** The enterprise acknowledges receipt. */
export function acknowledgeInspection(
  id: number,
  note: string | null,
): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>(`/inspections/${id}/acknowledge`, { note });
}

/** Starts a correction (a new draft that supersedes the record once signed). */
export function correctInspection(id: number): Promise<InspectionRecordDetail> {
  return apiPost<InspectionRecordDetail>(`/inspections/${id}/correct`);
}

/** Checks every signature of a record from its stored content. */
export function verifyInspection(id: number, signal?: AbortSignal): Promise<RecordVerification> {
  return apiGet<RecordVerification>(`/inspections/${id}/verify`, undefined, signal);
}

/** The public check of a verification code (no sign-in). */
export function verifyCode(code: string, signal?: AbortSignal): Promise<PublicVerification> {
  return apiGet<PublicVerification>(`/verify/${encodeURIComponent(code)}`, undefined, signal);
}

/** The URL of a record's PDF. */
export function inspectionPdfUrl(id: number): string {
  return `${API_BASE}/inspections/${id}/pdf`;
}
