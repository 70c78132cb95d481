import type {
  Sector,
  StaffTipEntryInput,
  StaffTipMessageInput,
  TipAssignees,
  TipChannel,
  TipDetail,
  TipDuplicates,
  TipFile,
  TipIdentityView,
  TipLinkCandidates,
  TipListItem,
  TipRecordAction,
  TipStatus,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiRequest, apiUpload, toQueryString } from './client';
import type { SortOrder } from './types';

export type { TipDetail, TipListItem };

/** The staff list's filters; the export takes the same ones. */
export type TipFilters = {
  q?: string;
  status?: TipStatus;
  channel?: TipChannel;
  sector?: Sector;
  districtId?: number;
  overdue?: boolean;
  /** Assigned to me (or my unit). */
  mine?: boolean;
};

export const TIP_SORT_FIELDS = ['receivedAt', 'dueDate', 'number', 'status', 'updatedAt'] as const;
export type TipSortField = (typeof TIP_SORT_FIELDS)[number];

export type TipListQuery = TipFilters & {
  page: number;
  pageSize: number;
  sort?: TipSortField;
  order?: SortOrder;
};

export type TipListPage = {
  items: TipListItem[];
  total: number;
  page: number;
  pageSize: number;
  countsByStatus: Partial<Record<TipStatus, number>>;
};

/** React Query keys of the staff side of tips (kept here, not in the shared file). */
export const tipKeys = {
  all: ['tips'] as const,
  lists: ['tips', 'list'] as const,
  list: (q: TipListQuery) => ['tips', 'list', q] as const,
  one: (id: number) => ['tips', 'one', id] as const,
  duplicates: (id: number) => ['tips', 'one', id, 'duplicates'] as const,
  assignees: (id: number) => ['tips', 'one', id, 'assignees'] as const,
  linkCandidates: (id: number) => ['tips', 'one', id, 'link-candidates'] as const,
};

/** One page of tips with counts per status (the counts ignore the status filter). */
export function listTips(query: TipListQuery, signal?: AbortSignal): Promise<TipListPage> {
  return apiGet<TipListPage>('/tips', query, signal);
}

/** The URL of the .xlsx register of the filtered tips (never any identity field). */
export function tipExportUrl(filters: TipFilters): string {
  return `${API_BASE}/tips/export${toQueryString(filters)}`;
}

/** One tip as staff see it (no identity). */
export function getTip(id: number, signal?: AbortSignal): Promise<TipDetail> {
  return apiGet<TipDetail>(`/tips/${id}`, undefined, signal);
}

/** Enters a tip that came by hotline, phone, letter or visit; the receipt code comes back once. */
export function createStaffTip(
  input: StaffTipEntryInput,
): Promise<{ tip: TipDetail; receiptCode: string | null }> {
  return apiPost<{ tip: TipDetail; receiptCode: string | null }>('/tips', input);
}

/** Opens the reporter's identity (identity permission only; the server audits each view). */
export function viewTipIdentity(id: number): Promise<TipIdentityView> {
  return apiPost<TipIdentityView>(`/tips/${id}/identity`);
}

/** Possible duplicates: open hazards and open tips of the same enterprise. */
export function getTipDuplicates(id: number, signal?: AbortSignal): Promise<TipDuplicates> {
  return apiGet<TipDuplicates>(`/tips/${id}/duplicates`, undefined, signal);
}

/** The units and inspectors a tip may be given to, with the default and latest due dates. */
export function getTipAssignees(id: number, signal?: AbortSignal): Promise<TipAssignees> {
  return apiGet<TipAssignees>(`/tips/${id}/assignees`, undefined, signal);
}

/** The hazards, inspection records and penalty cases of the tip's enterprise. */
export function getTipLinkCandidates(id: number, signal?: AbortSignal): Promise<TipLinkCandidates> {
  return apiGet<TipLinkCandidates>(`/tips/${id}/link-candidates`, undefined, signal);
}

/** Takes a workflow action; the idempotency key makes a retry a no-op on the server. */
export function actOnTip(
  id: number,
  action: TipRecordAction,
  body: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string,
): Promise<TipDetail> {
  return apiRequest<TipDetail>(`/tips/${id}/actions/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Writes an internal note, a reply to the reporter, or a question to the reporter. */
export function addTipMessage(id: number, input: StaffTipMessageInput): Promise<TipDetail> {
  return apiPost<TipDetail>(`/tips/${id}/messages`, input);
}

/** Uploads a staff file (a letter's scan, a verification photo). */
export function uploadTipFile(id: number, file: Blob & { name?: string }): Promise<TipFile> {
  return apiUpload<TipFile>(`/tips/${id}/files`, file);
}

/** The URL of a tip's file (served only to staff who may see the tip). */
export function tipFileUrl(tipId: number, fileId: number): string {
  return `${API_BASE}/tips/${tipId}/files/${fileId}`;
}
