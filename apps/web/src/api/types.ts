import type { OrgUnit, Page, Role, Sector, UserStatus, UserView } from '@hazard-ledger/domain';

/** The signed-in user as /auth/login and /auth/me return it. */
export type Me = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  orgUnitName: string;
  sectors: Sector[] | null;
  enterpriseId: number | null;
  enterpriseName: string | null;
  totpEnabled: boolean;
  mustEnrollTotp: boolean;
};

export type LoginRequest = { username: string; password: string; totp?: string };
export type LoginResponse = { user: Me; csrfToken: string };
export type MeResponse = { user: Me; csrfToken: string; permissions: string[] };

export type SessionInfo = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
};

export type TotpSetup = { secret: string; otpauthUrl: string };

export type Items<T> = { items: T[] };

export type { OrgUnit, Page, UserView, UserStatus };

export type EnterpriseSummary = { id: number; name: string; creditCode: string; sector: Sector };

export type UserSortField = 'username' | 'displayName' | 'role' | 'createdAt' | 'lastLoginAt';
export type SortOrder = 'asc' | 'desc';

export type UserListQuery = {
  page: number;
  pageSize: number;
  q?: string;
  role?: Role;
  orgUnitId?: number;
  status?: UserStatus;
  sort?: UserSortField;
  order?: SortOrder;
};

export type AuditEntry = {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  actorRole: Role | null;
  orgUnitId: number | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  changes: Record<string, unknown> | null;
  hash: string;
};

export type AuditQuery = {
  page: number;
  pageSize: number;
  actorId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

export type AuditVerifyResult = {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
};
