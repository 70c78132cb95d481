import type {
  DrillsView,
  DutyFile,
  DutyFileOwner,
  OutsourcingCheckInput,
  OutsourcingView,
  ResponsibilityView,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPatch, apiPost, apiUpload } from './client';

export type { DrillsView, DutyFile, DutyFileOwner, OutsourcingView, ResponsibilityView };

/** The tabs of these records, each one API view. */
export type DutySection = 'responsibility' | 'outsourcing' | 'drills';
export type SectionViewOf<S extends DutySection> = {
  responsibility: ResponsibilityView;
  outsourcing: OutsourcingView;
  drills: DrillsView;
}[S];

/** The kinds of record, by the URL segment the server uses for them. */
export type DutyRecordKind =
  'positions' | 'deputy-lists' | 'work-lists' | 'experts' | 'contracts' | 'reviews' | 'drills';

/** The tab each kind of record shows on (a write answers with that tab's view). */
export const SECTION_OF_KIND: Record<DutyRecordKind, DutySection> = {
  positions: 'responsibility',
  'deputy-lists': 'responsibility',
  'work-lists': 'responsibility',
  experts: 'responsibility',
  contracts: 'outsourcing',
  reviews: 'outsourcing',
  drills: 'drills',
};

/** React Query keys of these records (kept here, next to the calls they cache). */
export const dutyRecordKeys = {
  /** Everything cached for one enterprise. */
  all: (enterpriseId: number) => ['duty-records', enterpriseId] as const,
  responsibility: (enterpriseId: number) =>
    ['duty-records', enterpriseId, 'responsibility'] as const,
  outsourcing: (enterpriseId: number) => ['duty-records', enterpriseId, 'outsourcing'] as const,
  /** All years of the drills tab. */
  drillsAll: (enterpriseId: number) => ['duty-records', enterpriseId, 'drills'] as const,
  /** One year (null: the current year, as the server decides). */
  drills: (enterpriseId: number, year: number | null) =>
    ['duty-records', enterpriseId, 'drills', year] as const,
};

const base = (enterpriseId: number) => `/enterprises/${enterpriseId}/duty-records`;

/** 岗位责任: positions, deputy duty lists, work lists, registry 包保 persons and staffing, experts. */
export function getResponsibility(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<ResponsibilityView> {
  return apiGet<ResponsibilityView>(`${base(enterpriseId)}/responsibility`, undefined, signal);
}

/** 外包外租: contracts with their problems and checks, and the comprehensive checks. */
export function getOutsourcing(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<OutsourcingView> {
  return apiGet<OutsourcingView>(`${base(enterpriseId)}/outsourcing`, undefined, signal);
}

/** 应急演练 of one year (default: this year) and the emergency plans. */
export function getDrills(
  enterpriseId: number,
  year: number | null,
  signal?: AbortSignal,
): Promise<DrillsView> {
  return apiGet<DrillsView>(`${base(enterpriseId)}/drills`, { year }, signal);
}

/** Records a new record; answers with the tab it shows on. */
export function createDutyRecord<S extends DutySection>(
  enterpriseId: number,
  kind: DutyRecordKind,
  body: unknown,
): Promise<SectionViewOf<S>> {
  return apiPost<SectionViewOf<S>>(`${base(enterpriseId)}/${kind}`, body);
}

/** Edits a record with the version it was read at (409 STALE_VERSION if it changed). */
export function updateDutyRecord<S extends DutySection>(
  enterpriseId: number,
  kind: DutyRecordKind,
  recordId: number,
  body: { version: number },
): Promise<SectionViewOf<S>> {
  return apiPatch<SectionViewOf<S>>(`${base(enterpriseId)}/${kind}/${recordId}`, body);
}

/** Voids a record with a reason. */
export function voidDutyRecord<S extends DutySection>(
  enterpriseId: number,
  kind: DutyRecordKind,
  recordId: number,
  body: { reason: string; version: number },
): Promise<SectionViewOf<S>> {
  return apiPost<SectionViewOf<S>>(`${base(enterpriseId)}/${kind}/${recordId}/void`, body);
}

/** Marks a contract ended (no longer active). */
export function endContract(
  enterpriseId: number,
  contractId: number,
  body: { endedOn: string; reason: string | null; version: number },
): Promise<OutsourcingView> {
  return apiPost<OutsourcingView>(`${base(enterpriseId)}/contracts/${contractId}/end`, body);
}

/** Records a periodic safety check of a contract. */
export function addContractCheck(
  enterpriseId: number,
  contractId: number,
  body: OutsourcingCheckInput,
): Promise<OutsourcingView> {
  return apiPost<OutsourcingView>(`${base(enterpriseId)}/contracts/${contractId}/checks`, body);
}

/** Voids a periodic check with a reason. */
export function voidContractCheck(
  enterpriseId: number,
  contractId: number,
  checkId: number,
  body: { reason: string; version: number },
): Promise<OutsourcingView> {
  return apiPost<OutsourcingView>(
    `${base(enterpriseId)}/contracts/${contractId}/checks/${checkId}/void`,
    body,
  );
}

/** Uploads a document (or a drill photo) for the enterprise or one of its records. */
export function uploadDutyFile(
  enterpriseId: number,
  owner: DutyFileOwner,
  ownerId: number | null,
  file: Blob & { name?: string },
  onProgress?: (percent: number) => void,
): Promise<DutyFile> {
  const query = ownerId === null ? `owner=${owner}` : `owner=${owner}&ownerId=${ownerId}`;
  return apiUpload<DutyFile>(`${base(enterpriseId)}/files?${query}`, file, {
    onProgress: (loaded, total) => onProgress?.(total > 0 ? Math.round((loaded / total) * 100) : 0),
  });
}

/** The URL of a file (PDFs and images open inline, Word/Excel download). */
export function dutyFileUrl(enterpriseId: number, fileId: number): string {
  return `${API_BASE}${base(enterpriseId)}/files/${fileId}`;
}

/** Voids a file with a reason. */
export function voidDutyFile(enterpriseId: number, fileId: number, reason: string): Promise<void> {
  return apiPost<void>(`${base(enterpriseId)}/files/${fileId}/void`, { reason });
}
