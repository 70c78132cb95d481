import type {
  CertificateListState,
  CreateHotWorkPermitInput,
  DutyPhoto,
  HazardousStaffCheckInput,
  HazardousStaffCheckView,
  HazardousWorkSummary,
  HotWorkAction,
  HotWorkPermitDetail,
  HotWorkPermitListItem,
  HotWorkStatus,
  OperationCertificateInput,
  OperationCertificateView,
  Sector,
  UpdateOperationCertificateInput,
  WarningEducationInput,
  WarningEducationView,
  WeldingCheckInput,
  WeldingCheckView,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPost, apiPut, apiRequest, apiUpload, toQueryString } from './client';
import type { Items, Page } from './types';

// Hot work and special operations (动火等危险作业, seed §二(一)3): permits, welding-equipment
// checks, special-operation certificates, the warning education and the staff check.

/** Query keys of this part; everything starts with 'hazardous-work' so one invalidation refreshes it. */
export const hazardousWorkKeys = {
  all: ['hazardous-work'] as const,
  enterprise: (enterpriseId: number) => ['hazardous-work', 'enterprise', enterpriseId] as const,
  summary: (enterpriseId: number) =>
    ['hazardous-work', 'enterprise', enterpriseId, 'summary'] as const,
  permits: (enterpriseId: number, query: PermitListQuery) =>
    ['hazardous-work', 'enterprise', enterpriseId, 'permits', query] as const,
  permit: (id: number) => ['hazardous-work', 'permit', id] as const,
  weldingChecks: (enterpriseId: number) =>
    ['hazardous-work', 'enterprise', enterpriseId, 'welding'] as const,
  educations: (enterpriseId: number) =>
    ['hazardous-work', 'enterprise', enterpriseId, 'educations'] as const,
  staffChecks: (enterpriseId: number) =>
    ['hazardous-work', 'enterprise', enterpriseId, 'staff-checks'] as const,
  certificates: (query: CertificateListQuery) => ['hazardous-work', 'certificates', query] as const,
};

export type PermitListQuery = { page: number; pageSize: number; status?: HotWorkStatus };

/** The filters of the certificate list; the export takes the same ones. */
export type CertificateFilters = {
  enterpriseId?: number;
  sector?: Sector;
  q?: string;
  state?: CertificateListState;
};
export type CertificateListQuery = CertificateFilters & { page: number; pageSize: number };
export type CertificatePage = Page<OperationCertificateView> & {
  asOf: string;
  countsByState: Partial<Record<CertificateListState, number>>;
};

/** An enterprise's duty-3 facts today, open permits and whether I record for it. */
export function getHazardousWorkSummary(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<HazardousWorkSummary> {
  return apiGet<HazardousWorkSummary>(
    `/enterprises/${enterpriseId}/hazardous-work`,
    undefined,
    signal,
  );
}

/** One page of an enterprise's hot-work permits, the latest window first. */
export function listPermits(
  enterpriseId: number,
  query: PermitListQuery,
  signal?: AbortSignal,
): Promise<Page<HotWorkPermitListItem>> {
  return apiGet<Page<HotWorkPermitListItem>>(
    `/enterprises/${enterpriseId}/hot-work-permits`,
    query,
    signal,
  );
}

/** Files a hot-work permit request for my enterprise. */
export function requestPermit(
  enterpriseId: number,
  input: CreateHotWorkPermitInput,
): Promise<HotWorkPermitDetail> {
  return apiPost<HotWorkPermitDetail>(`/enterprises/${enterpriseId}/hot-work-permits`, input);
}

/** One permit with its history and the actions I may take now. */
export function getPermit(id: number, signal?: AbortSignal): Promise<HotWorkPermitDetail> {
  return apiGet<HotWorkPermitDetail>(`/hot-work-permits/${id}`, undefined, signal);
}

/** Takes a permit action; the idempotency key makes a retried request a no-op. */
export function actOnPermit(
  id: number,
  action: HotWorkAction,
  body: { version: number; payload: Record<string, unknown> },
  idempotencyKey: string,
): Promise<HotWorkPermitDetail> {
  return apiRequest<HotWorkPermitDetail>(`/hot-work-permits/${id}/actions/${action}`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The live welding-equipment checks of an enterprise. */
export function listWeldingChecks(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<Items<WeldingCheckView>> {
  return apiGet<Items<WeldingCheckView>>(
    `/enterprises/${enterpriseId}/welding-checks`,
    undefined,
    signal,
  );
}

/** Records a welding-equipment check of my enterprise. */
export function recordWeldingCheck(
  enterpriseId: number,
  input: WeldingCheckInput,
): Promise<WeldingCheckView> {
  return apiPost<WeldingCheckView>(`/enterprises/${enterpriseId}/welding-checks`, input);
}

/** The kinds of voidable records and their URL segment. */
export type VoidableKind = 'welding-checks' | 'warning-educations' | 'hazardous-staff-checks';

/** Voids a record entered by mistake. */
export function voidRecord(kind: VoidableKind, id: number, reason: string): Promise<void> {
  return apiPost<void>(`/${kind}/${id}/void`, { reason });
}

/** The live warning-education activities of an enterprise, with their photos. */
export function listEducations(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<Items<WarningEducationView>> {
  return apiGet<Items<WarningEducationView>>(
    `/enterprises/${enterpriseId}/warning-educations`,
    undefined,
    signal,
  );
}

/** Records a warning-education activity of my enterprise. */
export function recordEducation(
  enterpriseId: number,
  input: WarningEducationInput,
): Promise<WarningEducationView> {
  return apiPost<WarningEducationView>(`/enterprises/${enterpriseId}/warning-educations`, input);
}

/** Uploads a photo of an activity (JPEG/PNG/WebP; the server strips location metadata). */
export function uploadEducationPhoto(
  educationId: number,
  file: Blob & { name?: string },
): Promise<DutyPhoto> {
  return apiUpload<DutyPhoto>(`/warning-educations/${educationId}/photos`, file);
}

/** The URL of an activity's photo. */
export function educationPhotoUrl(educationId: number, photoId: number): string {
  return `${API_BASE}/warning-educations/${educationId}/photos/${photoId}`;
}

/** The live hazardous-operation staff checks of an enterprise. */
export function listStaffChecks(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<Items<HazardousStaffCheckView>> {
  return apiGet<Items<HazardousStaffCheckView>>(
    `/enterprises/${enterpriseId}/hazardous-staff-checks`,
    undefined,
    signal,
  );
}

/** Records the check of hazardous-operation staff of my enterprise. */
export function recordStaffCheck(
  enterpriseId: number,
  input: HazardousStaffCheckInput,
): Promise<HazardousStaffCheckView> {
  return apiPost<HazardousStaffCheckView>(
    `/enterprises/${enterpriseId}/hazardous-staff-checks`,
    input,
  );
}

/** Certificates across the enterprises I see, with counts per state. */
export function listCertificates(
  query: CertificateListQuery,
  signal?: AbortSignal,
): Promise<CertificatePage> {
  return apiGet<CertificatePage>('/operation-certificates', query, signal);
}

/** The URL of the .xlsx export of the filtered certificates. */
export function certificateExportUrl(filters: CertificateFilters): string {
  return `${API_BASE}/operation-certificates/export${toQueryString(filters)}`;
}

/** Records a certificate held by someone working at my enterprise. */
export function recordCertificate(
  enterpriseId: number,
  input: OperationCertificateInput,
): Promise<OperationCertificateView> {
  return apiPost<OperationCertificateView>(
    `/enterprises/${enterpriseId}/operation-certificates`,
    input,
  );
}

/** Corrects a certificate (e.g. renewed: new number and date). */
export function updateCertificate(
  id: number,
  input: UpdateOperationCertificateInput,
): Promise<OperationCertificateView> {
  return apiPut<OperationCertificateView>(`/operation-certificates/${id}`, input);
}

/** Marks a certificate as no longer in use. */
export function withdrawCertificate(
  id: number,
  body: { reason: string; version: number },
): Promise<OperationCertificateView> {
  return apiPost<OperationCertificateView>(`/operation-certificates/${id}/withdraw`, body);
}
