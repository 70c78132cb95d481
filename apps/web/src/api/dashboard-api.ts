import type { DashboardView } from '@hazard-ledger/domain';
import { apiGet } from './client';

// The home dashboard per role (issue 10 item 1).

export type { DashboardView };

export const dashboardKeys = { current: ['dashboard'] as const };

/** My dashboard as of today: content by role, territory, sectors or enterprise. */
export function getDashboard(signal?: AbortSignal): Promise<DashboardView> {
  return apiGet<DashboardView>('/dashboard', undefined, signal);
}
