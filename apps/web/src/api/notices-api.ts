import type {
  AttachmentView,
  CreateNoticeInput,
  NoticeDetail,
  NoticeListItem,
  NoticeReceipt,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiUpload, type UploadOptions } from './client';
import type { Page } from './types';

// Notices (通知): attachments, publish, lists, read receipts, reminders, downloads.

export type NoticeListQuery = { page: number; pageSize: number; q?: string; unread?: boolean };

export type ReceiptStatus = 'read' | 'unread';
export type ReceiptQuery = { page: number; pageSize: number; status?: ReceiptStatus; q?: string };

/** Uploads one attachment (.pdf/.docx/.xlsx, ≤ 10 MB) before the notice is published. */
export function uploadNoticeAttachment(
  file: Blob & { name?: string },
  options?: UploadOptions,
): Promise<AttachmentView> {
  return apiUpload<AttachmentView>('/notices/attachments', file, options);
}

/** Publishes a notice to every enterprise of the chosen sectors in my territory. */
export function createNotice(body: CreateNoticeInput): Promise<NoticeDetail> {
  return apiPost<NoticeDetail>('/notices', body);
}

/** One page of notices (enterprise users: those addressed to them, unread first). */
export function listNotices(
  query: NoticeListQuery,
  signal?: AbortSignal,
): Promise<Page<NoticeListItem>> {
  return apiGet<Page<NoticeListItem>>('/notices', query, signal);
}

/** One notice; an enterprise user's first open records the read receipt. */
export function getNotice(id: number, signal?: AbortSignal): Promise<NoticeDetail> {
  return apiGet<NoticeDetail>(`/notices/${id}`, undefined, signal);
}

/** The receipts of the target enterprises, unread first. */
export function listNoticeReceipts(
  id: number,
  query: ReceiptQuery,
  signal?: AbortSignal,
): Promise<Page<NoticeReceipt>> {
  return apiGet<Page<NoticeReceipt>>(`/notices/${id}/receipts`, query, signal);
}

/** Reminds the unread enterprises: all of them, or the listed ones. */
export function remindNotice(
  id: number,
  enterpriseIds: number[] | null,
): Promise<{ reminded: number; enterpriseIds: number[] }> {
  return apiPost<{ reminded: number; enterpriseIds: number[] }>(`/notices/${id}/remind`, {
    enterpriseIds,
  });
}

/** Where the browser downloads an attachment. */
export function noticeAttachmentUrl(noticeId: number, attachmentId: number): string {
  return `${API_BASE}/notices/${noticeId}/attachments/${attachmentId}`;
}
