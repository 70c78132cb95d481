import type {
  AlertDetail,
  AlertListItem,
  AlertResponseFilter,
  AlertResponseInput,
  AlertResponseView,
  CreateAlertInput,
} from '@hazard-ledger/domain';
import { apiGet, apiPost } from './client';
import type { Page } from './types';

// Accident-lesson alerts (典型事故警示): publish, answer, track responses.

export type AlertListQuery = { page: number; pageSize: number; q?: string; pending?: boolean };
export type AlertResponseQuery = {
  page: number;
  pageSize: number;
  status?: AlertResponseFilter;
  q?: string;
};

/** Publishes an alert to every enterprise of the chosen sectors in my territory. */
export function createAlert(body: CreateAlertInput): Promise<AlertDetail> {
  return apiPost<AlertDetail>('/alerts', body);
}

/** One page of alerts (enterprise users: those addressed to them, unanswered first). */
export function listAlerts(
  query: AlertListQuery,
  signal?: AbortSignal,
): Promise<Page<AlertListItem>> {
  return apiGet<Page<AlertListItem>>('/alerts', query, signal);
}

/** One alert with the items it cites. */
export function getAlert(id: number, signal?: AbortSignal): Promise<AlertDetail> {
  return apiGet<AlertDetail>(`/alerts/${id}`, undefined, signal);
}

/** My enterprise's answer (once; a second answer is a 409). */
export function respondToAlert(id: number, body: AlertResponseInput): Promise<AlertDetail> {
  return apiPost<AlertDetail>(`/alerts/${id}/response`, body);
}

/** Each target enterprise's response, unanswered first. */
export function listAlertResponses(
  id: number,
  query: AlertResponseQuery,
  signal?: AbortSignal,
): Promise<Page<AlertResponseView>> {
  return apiGet<Page<AlertResponseView>>(`/alerts/${id}/responses`, query, signal);
}
