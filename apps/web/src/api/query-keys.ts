import type { AuditQuery, UserListQuery } from './types';

/** React Query keys, in one place so invalidation matches what was cached. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  orgUnits: ['org-units'] as const,
  enterprises: (q: { q?: string; page: number; pageSize: number }) => ['enterprises', q] as const,
  users: ['users'] as const,
  userList: (q: UserListQuery) => ['users', 'list', q] as const,
  user: (id: number) => ['users', 'one', id] as const,
  audit: (q: AuditQuery) => ['audit', q] as const,
};
