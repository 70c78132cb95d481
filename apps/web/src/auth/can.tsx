import { useCallback, type ReactNode } from 'react';
import type { Permission } from '@hazard-ledger/domain';
import { useSession } from './session-context';

/** A check against the permissions of /auth/me, for code that tests several (menu, routes). */
export function useCanFn(): (permission: Permission) => boolean {
  const { permissions } = useSession();
  return useCallback((permission: Permission) => permissions.includes(permission), [permissions]);
}

/** Whether the signed-in user holds a permission (from /auth/me). */
export function useCan(permission: Permission): boolean {
  return useCanFn()(permission);
}

/** Renders its children only when the user holds `permission`, else `fallback`. */
export function Can({
  permission,
  children,
  fallback = null,
}: {
  permission: Permission;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return useCan(permission) ? children : fallback;
}
