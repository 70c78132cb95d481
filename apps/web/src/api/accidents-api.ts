import type {
  AccidentDetail,
  AccidentLevel,
  AccidentPage,
  AccidentStatus,
  AccidentType,
  CreateAccidentInput,
  Sector,
  TraceBack,
  UpdateAccidentInput,
  VoidAccidentInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPatch, apiPost } from './client';

// Accidents (生产安全事故) and the responsibility trace-back (责任倒查).

export type AccidentListQuery = {
  page: number;
  pageSize: number;
  level?: AccidentLevel;
  type?: AccidentType;
  sector?: Sector;
  status?: AccidentStatus;
  /** China dates, inclusive. */
  from?: string;
  to?: string;
  q?: string;
};

/** React Query keys of this part. */
export const accidentKeys = {
  all: ['accidents'] as const,
  list: (q: AccidentListQuery) => ['accidents', 'list', q] as const,
  one: (id: number) => ['accidents', 'one', id] as const,
  traceBack: (id: number) => ['accidents', 'trace-back', id] as const,
};

export function listAccidents(query: AccidentListQuery, signal?: AbortSignal) {
  return apiGet<AccidentPage>('/accidents', query, signal);
}

export function getAccident(id: number, signal?: AbortSignal) {
  return apiGet<AccidentDetail>(`/accidents/${id}`, undefined, signal);
}

/** The evidence of the two years before the accident. */
export function getTraceBack(id: number, signal?: AbortSignal) {
  return apiGet<TraceBack>(`/accidents/${id}/trace-back`, undefined, signal);
}

export function createAccident(input: CreateAccidentInput) {
  return apiPost<AccidentDetail>('/accidents', input);
}

export function updateAccident(id: number, input: UpdateAccidentInput) {
  return apiPatch<AccidentDetail>(`/accidents/${id}`, input);
}

export function voidAccident(id: number, input: VoidAccidentInput) {
  return apiPost<AccidentDetail>(`/accidents/${id}/void`, input);
}

/** Where the trace-back workbook downloads from (a plain link: the session cookie goes along). */
export function traceBackXlsxUrl(id: number): string {
  return `${API_BASE}/accidents/${id}/trace-back.xlsx`;
}
