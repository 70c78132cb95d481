import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchMe, logout as apiLogout } from '../api/auth-api';
import { setCsrfToken, setTotpEnrollmentHandler, setUnauthorizedHandler } from '../api/client';
import { queryKeys } from '../api/query-keys';
import type { MeResponse } from '../api/types';
import { SessionContext, type SessionValue } from './session-context';

const EMPTY: readonly string[] = [];

/** Loads the session from GET /auth/me and wires the API client's 401 handling to it. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedOut, setSignedOut] = useState(false);
  const meQuery = useQuery<MeResponse | null>({
    queryKey: queryKeys.me,
    queryFn: async ({ signal }) => {
      const res = await fetchMe(signal);
      setCsrfToken(res?.csrfToken ?? null);
      return res;
    },
    staleTime: Infinity,
    retry: 1,
  });

  const clear = useCallback(() => {
    setCsrfToken(null);
    // Drop every cached answer of the old session, but keep "me = nobody" so the guards
    // redirect to /login instead of asking /auth/me again.
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
    queryClient.setQueryData<MeResponse | null>(queryKeys.me, null);
  }, [queryClient]);

  const refresh = useCallback(async () => {
    await queryClient.refetchQueries({ queryKey: queryKeys.me, exact: true });
    setSignedOut(false);
  }, [queryClient]);

  const logout = useCallback(async () => {
    try {
      await apiLogout();
    } catch {
      // The session is forgotten locally either way.
    }
    setSignedOut(true);
    clear();
  }, [clear]);

  useEffect(() => {
    setUnauthorizedHandler(clear);
    setTotpEnrollmentHandler(() => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.me, exact: true });
    });
    return () => {
      setUnauthorizedHandler(null);
      setTotpEnrollmentHandler(null);
    };
  }, [clear, queryClient]);

  const data = meQuery.data;
  const value = useMemo<SessionValue>(
    () => ({
      me: data?.user ?? null,
      permissions: data?.permissions ?? EMPTY,
      loading: meQuery.isPending,
      signedOut,
      error: meQuery.isError ? meQuery.error : null,
      refresh,
      logout,
      clear,
    }),
    [data, meQuery.isPending, signedOut, meQuery.isError, meQuery.error, refresh, logout, clear],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
