import type {
  AssignTargetsInput,
  CancelPlanInput,
  CompletePlanInput,
  CreatePlanInput,
  DrawPlanInput,
  DrawVerification,
  PlanCandidates,
  PlanDetail,
  PlanKind,
  PlanListItem,
  PlanStatus,
  Sector,
  UpcomingInspection,
  UpdatePlanInput,
} from '@hazard-ledger/domain';
import { API_BASE, apiGet, apiPatch, apiPost, apiPut } from './client';
import type { Page } from './types';

// Inspection plans (检查计划) and the reproducible 双随机 draw.

export type { PlanDetail, PlanListItem, UpcomingInspection };

export type PlanListQuery = {
  page: number;
  pageSize: number;
  q?: string;
  status?: PlanStatus;
  kind?: PlanKind;
  sector?: Sector;
};

/** React Query keys of this module (kept here, not in the shared query-keys file). */
export const planKeys = {
  all: ['inspection-plans'] as const,
  list: (q: PlanListQuery) => ['inspection-plans', 'list', q] as const,
  one: (id: number) => ['inspection-plans', 'one', id] as const,
  candidates: (id: number, q: string) => ['inspection-plans', 'one', id, 'candidates', q] as const,
  upcoming: (enterpriseId: number) => ['inspection-plans', 'upcoming', enterpriseId] as const,
};

/** One page of the plans I may see. */
export function listPlans(query: PlanListQuery, signal?: AbortSignal): Promise<Page<PlanListItem>> {
  return apiGet<Page<PlanListItem>>('/inspection-plans', query, signal);
}

/** One plan with its targets, inspectors, draw and history. */
export function getPlan(id: number, signal?: AbortSignal): Promise<PlanDetail> {
  return apiGet<PlanDetail>(`/inspection-plans/${id}`, undefined, signal);
}

/** Makes a draft plan in my territory. */
export function createPlan(body: CreatePlanInput): Promise<PlanDetail> {
  return apiPost<PlanDetail>('/inspection-plans', body);
}

/** Edits a draft plan (with the version read). */
export function updatePlan(id: number, body: UpdatePlanInput): Promise<PlanDetail> {
  return apiPatch<PlanDetail>(`/inspection-plans/${id}`, body);
}

/** Runs the 双随机 draw (seed optional: the server makes one). */
export function drawPlan(id: number, body: DrawPlanInput): Promise<PlanDetail> {
  return apiPost<PlanDetail>(`/inspection-plans/${id}/draw`, body);
}

/** Re-runs the stored draw and compares it with the stored targets. */
export function verifyDraw(id: number): Promise<DrawVerification> {
  return apiPost<DrawVerification>(`/inspection-plans/${id}/draw/verify`);
}

/** Enterprises (matching `q`) and certified staff that may be picked by hand. */
export function getCandidates(
  id: number,
  q: string,
  signal?: AbortSignal,
): Promise<PlanCandidates> {
  return apiGet<PlanCandidates>(`/inspection-plans/${id}/candidates`, { q }, signal);
}

/** Fixes the targets and inspectors of a hand-picked plan. */
export function assignTargets(id: number, body: AssignTargetsInput): Promise<PlanDetail> {
  return apiPut<PlanDetail>(`/inspection-plans/${id}/targets`, body);
}

/** Starts carrying out an assigned plan. */
export function startPlan(id: number, version: number): Promise<PlanDetail> {
  return apiPost<PlanDetail>(`/inspection-plans/${id}/start`, { version });
}

/** Completes a plan (a note is required while targets are pending). */
export function completePlan(id: number, body: CompletePlanInput): Promise<PlanDetail> {
  return apiPost<PlanDetail>(`/inspection-plans/${id}/complete`, body);
}

/** Cancels a plan with the reason. */
export function cancelPlan(id: number, body: CancelPlanInput): Promise<PlanDetail> {
  return apiPost<PlanDetail>(`/inspection-plans/${id}/cancel`, body);
}

/** The URL of the plan's inspection list (检查名单, .xlsx). */
export function planTargetsExportUrl(id: number): string {
  return `${API_BASE}/inspection-plans/${id}/targets.xlsx`;
}

/** The plans that will visit an enterprise (its own users: announced ones only). */
export function listUpcomingInspections(
  enterpriseId: number,
  signal?: AbortSignal,
): Promise<{ items: UpcomingInspection[] }> {
  return apiGet<{ items: UpcomingInspection[] }>(
    `/enterprises/${enterpriseId}/upcoming-inspections`,
    undefined,
    signal,
  );
}
