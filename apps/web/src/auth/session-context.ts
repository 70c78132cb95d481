import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

export type SessionValue = {
  /** The signed-in user, or null. */
  me: Me | null;
  /** Permissions from /auth/me; they drive the menu and the buttons. */
  permissions: readonly string[];
  /** True until the first /auth/me answer. */
  loading: boolean;
  /** True after the user signed out here (the next login starts from home, not the last page). */
  signedOut: boolean;
  /** Set when /auth/me failed for another reason than "not signed in" (server down…). */
  error: Error | null;
  /** Re-reads /auth/me (after login, TOTP enrolment…). */
  refresh: () => Promise<void>;
  /** Signs out on the server, then forgets the session locally. */
  logout: () => Promise<void>;
  /** Forgets the session locally (the server already ended it). */
  clear: () => void;
};

export const SessionContext = createContext<SessionValue | null>(null);

/** The current session. */
export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession must be used inside <SessionProvider>');
  return ctx;
}
