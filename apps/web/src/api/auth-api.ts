import { apiDelete, apiGet, apiPost, apiRequest, ApiError } from './client';
import type {
  Items,
  LoginRequest,
  LoginResponse,
  MeResponse,
  SessionInfo,
  TotpSetup,
} from './types';

/** Signs in; a 401 here is an answer about the credentials, not an expired session. */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/auth/login', {
    method: 'POST',
    body,
    skipUnauthorizedHandler: true,
  });
}

/** The current session, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await apiRequest<MeResponse>('/auth/me', { signal, skipUnauthorizedHandler: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Ends the current session. */
export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', skipUnauthorizedHandler: true });
}

/** Changes my password. */
export function changePassword(body: {
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  return apiPost<void>('/auth/password', body);
}

/** My active sessions. */
export function listSessions(): Promise<Items<SessionInfo>> {
  return apiGet<Items<SessionInfo>>('/auth/sessions');
}

/** Revokes another of my sessions. */
export function revokeSession(id: string): Promise<void> {
  return apiDelete<void>(`/auth/sessions/${encodeURIComponent(id)}`);
}

/** Starts TOTP enrolment: a new secret and its otpauth:// URL. */
export function setupTotp(): Promise<TotpSetup> {
  return apiPost<TotpSetup>('/auth/totp/setup');
}

/** Confirms TOTP enrolment with a code from the authenticator app. */
export function enableTotp(code: string): Promise<void> {
  return apiPost<void>('/auth/totp/enable', { code });
}

/** Turns TOTP off; needs the account password. */
export function disableTotp(password: string): Promise<void> {
  return apiPost<void>('/auth/totp/disable', { password });
}
