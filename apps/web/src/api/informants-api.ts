import type {
  AmendRewardInput,
  ApproveRewardInput,
  CreateInformantAccountInput,
  CreateInformantInput,
  EligibleTip,
  InformantIdentity,
  InformantReportInput,
  InformantStatusInput,
  InformantView,
  MyInformantProfile,
  MyReportDetail,
  MyReportListItem,
  PayRewardInput,
  ProposeRewardInput,
  RejectRewardInput,
  ReportEnterprise,
  ReportFile,
  RewardCase,
  RewardClaimInfo,
  RewardStatus,
  RewardTotals,
  Sector,
  UpdateInformantInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPatch, apiPost, apiRequest, apiUpload } from './client';
import type { Items, Page } from './types';

// Safety informants (信息员), their reports (/my-reports) and reward cases (举报奖励).

export type InformantListQuery = {
  page: number;
  pageSize: number;
  q?: string;
  districtId?: number;
  sector?: Sector;
  active?: boolean;
};
export type RewardListQuery = {
  page: number;
  pageSize: number;
  status?: RewardStatus;
  districtId?: number;
};

/** Query keys of this part (kept here, not in the shared query-keys file). */
export const informantKeys = {
  informants: ['informants'] as const,
  informantList: (q: InformantListQuery) => ['informants', 'list', q] as const,
  myReports: ['my-reports'] as const,
  myReportList: (q: { page: number; pageSize: number }) => ['my-reports', 'list', q] as const,
  myReport: (id: number) => ['my-reports', 'detail', id] as const,
  myProfile: ['my-reports', 'profile'] as const,
  reportEnterprises: (q: string) => ['my-reports', 'enterprises', q] as const,
  rewards: ['rewards'] as const,
  rewardList: (q: RewardListQuery) => ['rewards', 'list', q] as const,
  reward: (id: number) => ['rewards', 'detail', id] as const,
  eligibleTips: ['rewards', 'eligible-tips'] as const,
  rewardTotals: (from: string, to: string) => ['rewards', 'totals', from, to] as const,
};

// ---- Registry ----

/** One page of informants (names and phones masked). */
export function listInformants(
  query: InformantListQuery,
  signal?: AbortSignal,
): Promise<Page<InformantView>> {
  return apiGet<Page<InformantView>>('/informants', query, signal);
}

/** Registers an informant. */
export function createInformant(body: CreateInformantInput): Promise<InformantView> {
  return apiPost<InformantView>('/informants', body);
}

/** Edits an informant (with the version read). */
export function updateInformant(id: number, body: UpdateInformantInput): Promise<InformantView> {
  return apiPatch<InformantView>(`/informants/${id}`, body);
}

/** Takes an informant on or off duty. */
export function setInformantStatus(id: number, body: InformantStatusInput): Promise<InformantView> {
  return apiPost<InformantView>(`/informants/${id}/status`, body);
}

/** Creates an informant's login. */
export function createInformantAccount(
  id: number,
  body: CreateInformantAccountInput,
): Promise<InformantView> {
  return apiPost<InformantView>(`/informants/${id}/account`, body);
}

/** The full name and phone of an informant (the read is audited). */
export function readInformantIdentity(id: number): Promise<InformantIdentity> {
  return apiPost<InformantIdentity>(`/informants/${id}/identity`);
}

/** Enters a report on an informant's behalf. */
export function reportOnBehalf(
  id: number,
  body: InformantReportInput,
): Promise<{ tipId: number; number: string }> {
  return apiPost<{ tipId: number; number: string }>(`/informants/${id}/reports`, body);
}

// ---- My reports ----

/** My registry facts. */
export function getMyProfile(signal?: AbortSignal): Promise<MyInformantProfile> {
  return apiGet<MyInformantProfile>('/my-reports/profile', undefined, signal);
}

/** Enterprises I may report on. */
export function listReportEnterprises(
  q: string,
  signal?: AbortSignal,
): Promise<Items<ReportEnterprise>> {
  return apiGet<Items<ReportEnterprise>>('/my-reports/enterprises', { q }, signal);
}

/** One page of my reports. */
export function listMyReports(
  query: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<MyReportListItem>> {
  return apiGet<Page<MyReportListItem>>('/my-reports', query, signal);
}

/** One of my reports with its replies. */
export function getMyReport(id: number, signal?: AbortSignal): Promise<MyReportDetail> {
  return apiGet<MyReportDetail>(`/my-reports/${id}`, undefined, signal);
}

/** Submits a report. */
export function submitMyReport(body: InformantReportInput): Promise<MyReportDetail> {
  return apiPost<MyReportDetail>('/my-reports', body);
}

/** Adds a photo or PDF to one of my reports. */
export function uploadMyReportFile(
  id: number,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<ReportFile> {
  return apiUpload<ReportFile>(`/my-reports/${id}/files`, file, {
    onProgress: (loaded, total) => onProgress?.(total > 0 ? Math.round((loaded / total) * 100) : 0),
  });
}

/** The URL of a file of one of my reports. */
export function myReportFileUrl(id: number, fileId: number): string {
  return `${API_BASE}/my-reports/${id}/files/${fileId}`;
}

// ---- Rewards ----

/** One page of reward cases. */
export function listRewards(
  query: RewardListQuery,
  signal?: AbortSignal,
): Promise<Page<RewardCase>> {
  return apiGet<Page<RewardCase>>('/rewards', query, signal);
}

/** One reward case with its history. */
export function getReward(id: number, signal?: AbortSignal): Promise<RewardCase> {
  return apiGet<RewardCase>(`/rewards/${id}`, undefined, signal);
}

/** Verified tips a reward may be proposed for, with the rules' amounts. */
export function listEligibleTips(
  signal?: AbortSignal,
): Promise<{ items: EligibleTip[]; rulesName: string }> {
  return apiGet<{ items: EligibleTip[]; rulesName: string }>(
    '/rewards/eligible-tips',
    undefined,
    signal,
  );
}

/** Reward figures of a period per district. */
export function getRewardTotals(
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<RewardTotals> {
  return apiGet<RewardTotals>('/rewards/totals', { from, to }, signal);
}

/** Proposes a reward for a verified tip. */
export function proposeReward(body: ProposeRewardInput): Promise<RewardCase> {
  return apiPost<RewardCase>('/rewards', body);
}

/** Amends, approves, pays or rejects a reward case (a repeat with the same key is a no-op). */
export function rewardStep(
  id: number,
  step: 'amend' | 'approve' | 'pay' | 'reject',
  body: AmendRewardInput | ApproveRewardInput | PayRewardInput | RejectRewardInput,
  idempotencyKey: string,
): Promise<RewardCase> {
  return apiRequest<RewardCase>(`/rewards/${id}/${step}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** What a receipt code tells about a reward (public; no sign-in). */
export function getRewardClaimInfo(code: string): Promise<RewardClaimInfo> {
  return apiPost<RewardClaimInfo>('/public/rewards/claim-info', { code });
}
