import type {
  DutyCheckInInput,
  DutyRosterInput,
  EnterpriseLeaderInspections,
  EnterpriseSafetyFunds,
  KeyPeriodEnterpriseRow,
  KeyPeriodInput,
  KeyPeriodUpdate,
  KeyPeriodView,
  LeaderInspectionInput,
  LeaderInspectionUpdate,
  LeaderInspectionView,
  LeaderOverview,
  SafetyFundInput,
  Sector,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiPut, toQueryString } from './client';
import type { Page } from './types';

// The main leader's monthly inspections, key periods (关键时间节点) and the safety fund.

export type LeaderOverviewFilters = {
  campaignId?: number;
  sector?: Sector;
  onlyMissing?: boolean;
  q?: string;
};
export type LeaderOverviewQuery = LeaderOverviewFilters & { page: number; pageSize: number };
export type KeyPeriodListQuery = { page: number; pageSize: number; year?: number };
export type KeyPeriodEnterpriseQuery = {
  page: number;
  pageSize: number;
  missedOnly?: boolean;
  q?: string;
};
export type EnterpriseKeyPeriods = { enterpriseId: number; year: number; items: KeyPeriodView[] };

/** React Query keys of this part; enterprise-scoped ones sit under the enterprise's key. */
export const leaderDutyKeys = {
  /** Everything cached here (invalidate after any change). */
  all: ['leader-duties'] as const,
  enterpriseInspections: (enterpriseId: number, year?: number) =>
    ['leader-duties', 'enterprise', enterpriseId, 'inspections', year ?? null] as const,
  inspection: (id: number) => ['leader-duties', 'inspection', id] as const,
  overview: (q: LeaderOverviewQuery) => ['leader-duties', 'overview', q] as const,
  keyPeriods: (q: KeyPeriodListQuery) => ['leader-duties', 'key-periods', q] as const,
  keyPeriodEnterprises: (id: number, q: KeyPeriodEnterpriseQuery) =>
    ['leader-duties', 'key-periods', id, 'enterprises', q] as const,
  enterpriseKeyPeriods: (enterpriseId: number, year?: number) =>
    ['leader-duties', 'enterprise', enterpriseId, 'key-periods', year ?? null] as const,
  funds: (enterpriseId: number) => ['leader-duties', 'enterprise', enterpriseId, 'funds'] as const,
};

/** An enterprise's campaign months (missing ones flagged) and its records of a year. */
export function getEnterpriseLeaderInspections(
  enterpriseId: number,
  year?: number,
  signal?: AbortSignal,
): Promise<EnterpriseLeaderInspections> {
  return apiGet(`/enterprises/${enterpriseId}/leader-inspections`, { year }, signal);
}

/** Records a leader inspection of my enterprise (a draft until the leader signs). */
export function recordLeaderInspection(
  enterpriseId: number,
  body: LeaderInspectionInput,
): Promise<LeaderInspectionView> {
  return apiPost(`/enterprises/${enterpriseId}/leader-inspections`, body);
}

/** Edits a draft (a signed record answers 409). */
export function updateLeaderInspection(
  id: number,
  body: LeaderInspectionUpdate,
): Promise<LeaderInspectionView> {
  return apiPut(`/leader-inspections/${id}`, body);
}

/** The main leader signs a draft; findings marked as hazards enter the ledger. */
export function signLeaderInspection(id: number, version: number): Promise<LeaderInspectionView> {
  return apiPost(`/leader-inspections/${id}/sign`, { version });
}

/** Voids a draft recorded by mistake. */
export function voidLeaderInspection(
  id: number,
  body: { reason: string; version: number },
): Promise<void> {
  return apiPost(`/leader-inspections/${id}/void`, body);
}

/** The office's enterprises × months of a campaign. */
export function getLeaderOverview(
  query: LeaderOverviewQuery,
  signal?: AbortSignal,
): Promise<LeaderOverview> {
  return apiGet('/leader-inspections', query, signal);
}

/** The URL of the .xlsx export of the overview with the same filters. */
export function leaderOverviewExportUrl(filters: LeaderOverviewFilters): string {
  return `${API_BASE}/leader-inspections/export${toQueryString(filters)}`;
}

/** Key periods (enterprise users: with their duty days; staff: with missed-day figures). */
export function listKeyPeriods(
  query: KeyPeriodListQuery,
  signal?: AbortSignal,
): Promise<Page<KeyPeriodView>> {
  return apiGet('/key-periods', query, signal);
}

/** Declares a key period for my territory. */
export function declareKeyPeriod(body: KeyPeriodInput): Promise<KeyPeriodView> {
  return apiPost('/key-periods', body);
}

/** Edits a key period that has not started. */
export function updateKeyPeriod(id: number, body: KeyPeriodUpdate): Promise<KeyPeriodView> {
  return apiPut(`/key-periods/${id}`, body);
}

/** Voids a key period. */
export function voidKeyPeriod(
  id: number,
  body: { reason: string; version: number },
): Promise<void> {
  return apiPost(`/key-periods/${id}/void`, body);
}

/** A period's enterprises with their missed days. */
export function listKeyPeriodEnterprises(
  id: number,
  query: KeyPeriodEnterpriseQuery,
  signal?: AbortSignal,
): Promise<Page<KeyPeriodEnterpriseRow>> {
  return apiGet(`/key-periods/${id}/enterprises`, query, signal);
}

/** The key periods of a year addressed to an enterprise, with its duty days. */
export function getEnterpriseKeyPeriods(
  enterpriseId: number,
  year?: number,
  signal?: AbortSignal,
): Promise<EnterpriseKeyPeriods> {
  return apiGet(`/enterprises/${enterpriseId}/key-periods`, { year }, signal);
}

/** Names the leaders on duty of a period's days. */
export function saveDutyRoster(
  enterpriseId: number,
  periodId: number,
  body: DutyRosterInput,
): Promise<KeyPeriodView> {
  return apiPut(`/enterprises/${enterpriseId}/key-periods/${periodId}/roster`, body);
}

/** Today's on-duty check-in. */
export function checkInOnDuty(
  enterpriseId: number,
  periodId: number,
  body: DutyCheckInInput,
): Promise<KeyPeriodView> {
  return apiPost(`/enterprises/${enterpriseId}/key-periods/${periodId}/check-ins`, body);
}

/** An enterprise's safety fund per year with the rectification funds of its hazards. */
export function getSafetyFunds(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<EnterpriseSafetyFunds> {
  return apiGet(`/enterprises/${enterpriseId}/safety-funds`, undefined, signal);
}

/** Records or corrects the fund of a year. */
export function saveSafetyFund(
  enterpriseId: number,
  year: number,
  body: SafetyFundInput,
): Promise<EnterpriseSafetyFunds> {
  return apiPut(`/enterprises/${enterpriseId}/safety-funds/${year}`, body);
}
