import type { EnterpriseListQuery } from './enterprises-api';
import type { HazardListQuery } from './hazards-api';
import type { CatalogItemQuery } from './catalogs-api';
import type { CampaignListQuery } from './campaigns-api';
import type { NoticeListQuery, ReceiptQuery } from './notices-api';
import type { AlertListQuery, AlertResponseQuery } from './alerts-api';
import type { AuditQuery, UserListQuery } from './types';

/** React Query keys, in one place so invalidation matches what was cached. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  orgUnits: ['org-units'] as const,
  /** Everything cached about enterprises (lists, pickers, detail pages). */
  enterpriseAll: ['enterprises'] as const,
  enterprises: (q: { q?: string; page: number; pageSize: number }) => ['enterprises', q] as const,
  enterpriseList: (q: EnterpriseListQuery) => ['enterprises', 'list', q] as const,
  enterprise: (id: number) => ['enterprises', 'one', id] as const,
  enterprisePeople: (id: number) => ['enterprises', 'one', id, 'people'] as const,
  enterpriseSources: (id: number) => ['enterprises', 'one', id, 'hazard-sources'] as const,
  enterpriseAccounts: (id: number) => ['enterprises', 'one', id, 'accounts'] as const,
  enterpriseImports: ['enterprise-imports'] as const,
  enterpriseImportLists: ['enterprise-imports', 'list'] as const,
  enterpriseImportList: (q: { page: number; pageSize: number }) =>
    ['enterprise-imports', 'list', q] as const,
  enterpriseImport: (id: number) => ['enterprise-imports', 'one', id] as const,
  users: ['users'] as const,
  userList: (q: UserListQuery) => ['users', 'list', q] as const,
  user: (id: number) => ['users', 'one', id] as const,
  audit: (q: AuditQuery) => ['audit', q] as const,
  /** Everything cached about hazards (ledger, hazard pages, to-do). */
  hazardAll: ['hazards'] as const,
  hazardList: (q: HazardListQuery) => ['hazards', 'list', q] as const,
  hazard: (id: number) => ['hazards', 'one', id] as const,
  hazardTodo: ['hazards', 'todo'] as const,
  // Criteria catalogs, campaigns, notices and alerts (issue 4).
  catalogs: ['catalogs'] as const,
  catalogVersions: (catalogId: string) => ['catalogs', catalogId, 'versions'] as const,
  catalogVersion: (catalogId: string, version: number) =>
    ['catalogs', catalogId, 'versions', version] as const,
  catalogItems: (catalogId: string, version: number, q: CatalogItemQuery) =>
    ['catalogs', catalogId, 'versions', version, 'items', q] as const,
  /** Under the enterprise, so a change to its sector or tags refreshes the checklist. */
  checklist: (enterpriseId: number) => ['enterprises', 'one', enterpriseId, 'checklist'] as const,
  campaigns: ['campaigns'] as const,
  campaignList: (q: CampaignListQuery) => ['campaigns', 'list', q] as const,
  currentCampaign: ['campaigns', 'current'] as const,
  campaign: (id: number) => ['campaigns', 'one', id] as const,
  notices: ['notices'] as const,
  noticeList: (q: NoticeListQuery) => ['notices', 'list', q] as const,
  notice: (id: number) => ['notices', 'one', id] as const,
  noticeReceipts: (id: number, q: ReceiptQuery) => ['notices', 'one', id, 'receipts', q] as const,
  alerts: ['alerts'] as const,
  alertList: (q: AlertListQuery) => ['alerts', 'list', q] as const,
  alert: (id: number) => ['alerts', 'one', id] as const,
  alertResponses: (id: number, q: AlertResponseQuery) =>
    ['alerts', 'one', id, 'responses', q] as const,
};
