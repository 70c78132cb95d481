import type { CampaignView, CreateCampaignInput, UpdateCampaignInput } from '@hazard-ledger/domain';
import { apiGet, apiPost, apiPut } from './client';
import type { Page } from './types';

// Campaigns (专项行动): list, current, detail, create, edit, void.

export type CampaignListQuery = { page: number; pageSize: number; year?: number; date?: string };

/** One page of campaigns, newest year first, with progress on `date` (default today). */
export function listCampaigns(
  query: CampaignListQuery,
  signal?: AbortSignal,
): Promise<Page<CampaignView>> {
  return apiGet<Page<CampaignView>>('/campaigns', query, signal);
}

/** The campaign running in my district today (or on `date`), or null. */
export function getCurrentCampaign(
  date?: string,
  signal?: AbortSignal,
): Promise<{ campaign: CampaignView | null }> {
  return apiGet<{ campaign: CampaignView | null }>('/campaigns/current', { date }, signal);
}

/** One campaign with its progress today. */
export function getCampaign(id: number, signal?: AbortSignal): Promise<CampaignView> {
  return apiGet<CampaignView>(`/campaigns/${id}`, undefined, signal);
}

/** Creates a campaign; phases, weekly schedule and milestones default to the seed's. */
export function createCampaign(body: CreateCampaignInput): Promise<CampaignView> {
  return apiPost<CampaignView>('/campaigns', body);
}

/** Replaces a campaign's fields; `version` must be the one loaded. */
export function updateCampaign(id: number, body: UpdateCampaignInput): Promise<CampaignView> {
  return apiPut<CampaignView>(`/campaigns/${id}`, body);
}

/** Voids a campaign with a reason. */
export function voidCampaign(id: number, body: { reason: string; version: number }): Promise<void> {
  return apiPost<void>(`/campaigns/${id}/void`, body);
}
