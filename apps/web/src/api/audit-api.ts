import { apiGet } from './client';
import type { AuditEntry, AuditQuery, AuditVerifyResult, Page } from './types';

/** One page of the audit log. */
export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  return apiGet<Page<AuditEntry>>('/audit', query, signal);
}

/** Re-computes the hash chain on the server. */
export function verifyAudit(): Promise<AuditVerifyResult> {
  return apiGet<AuditVerifyResult>('/audit/verify');
}
