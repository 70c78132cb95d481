import type { CreateUserInput, UpdateUserInput } from '@hazard-ledger/domain';
import { apiGet, apiPatch, apiPost } from './client';
import type { Page, UserListQuery, UserView } from './types';

/** One page of users in my territory. */
export function listUsers(query: UserListQuery, signal?: AbortSignal): Promise<Page<UserView>> {
  return apiGet<Page<UserView>>('/users', query, signal);
}

/** One user. */
export function getUser(id: number, signal?: AbortSignal): Promise<UserView> {
  return apiGet<UserView>(`/users/${id}`, undefined, signal);
}

/** Creates a user (201). */
export function createUser(body: CreateUserInput): Promise<UserView> {
  return apiPost<UserView>('/users', body);
}

/** Updates a user; `version` must be the one loaded, else 409 STALE_VERSION. */
export function updateUser(id: number, body: UpdateUserInput): Promise<UserView> {
  return apiPatch<UserView>(`/users/${id}`, body);
}

/** Disables a user. */
export function disableUser(id: number): Promise<UserView> {
  return apiPost<UserView>(`/users/${id}/disable`);
}

/** Re-enables a user. */
export function enableUser(id: number): Promise<UserView> {
  return apiPost<UserView>(`/users/${id}/enable`);
}

/** Lifts a login lockout. */
export function unlockUser(id: number): Promise<UserView> {
  return apiPost<UserView>(`/users/${id}/unlock`);
}

/** Sets a new password for a user. */
export function resetUserPassword(id: number, password: string): Promise<void> {
  return apiPost<void>(`/users/${id}/reset-password`, { password });
}
