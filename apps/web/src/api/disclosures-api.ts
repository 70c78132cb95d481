import type {
  CreateDisclosureInput,
  DisclosureAction,
  DisclosureDetail,
  DisclosureListItem,
  DisclosureStatus,
  PublicCase,
  PublicCaseListItem,
  RedactionBox,
  Sector,
  UpdateDisclosureInput,
} from '@hazard-ledger/domain';
import {
  API_BASE,
  ApiError,
  apiGet,
  apiPatch,
  apiPost,
  apiPut,
  apiRequest,
  errorFromBody,
  NETWORK_ERROR,
  toQueryString,
} from './client';

export type { DisclosureDetail, DisclosureListItem, PublicCase, PublicCaseListItem };

export type DisclosureListQuery = { page: number; pageSize: number; status?: DisclosureStatus };

export type DisclosureListPage = {
  items: DisclosureListItem[];
  total: number;
  page: number;
  pageSize: number;
  countsByStatus: Partial<Record<DisclosureStatus, number>>;
};

export type PublicCaseQuery = { q?: string; sector?: Sector; page: number; pageSize: number };
export type PublicCasePage = {
  items: PublicCaseListItem[];
  total: number;
  page: number;
  pageSize: number;
};

/** React Query keys of disclosures (kept here, not in the shared file). */
export const disclosureKeys = {
  all: ['disclosures'] as const,
  list: (q: DisclosureListQuery) => ['disclosures', 'list', q] as const,
  one: (id: number) => ['disclosures', 'one', id] as const,
  publicList: (q: PublicCaseQuery) => ['public-cases', 'list', q] as const,
  publicOne: (id: number) => ['public-cases', 'one', id] as const,
};

export function listDisclosures(
  query: DisclosureListQuery,
  signal?: AbortSignal,
): Promise<DisclosureListPage> {
  return apiGet<DisclosureListPage>('/disclosures', query, signal);
}

export function getDisclosure(id: number, signal?: AbortSignal): Promise<DisclosureDetail> {
  return apiGet<DisclosureDetail>(`/disclosures/${id}`, undefined, signal);
}

export function createDisclosure(input: CreateDisclosureInput): Promise<DisclosureDetail> {
  return apiPost<DisclosureDetail>('/disclosures', input);
}

export function updateDisclosure(
  id: number,
  input: UpdateDisclosureInput,
): Promise<DisclosureDetail> {
  return apiPatch<DisclosureDetail>(`/disclosures/${id}`, input);
}

export function actOnDisclosure(
  id: number,
  body: { action: DisclosureAction; version: number; reason?: string },
): Promise<DisclosureDetail> {
  return apiPost<DisclosureDetail>(`/disclosures/${id}/actions`, body);
}

export function addDisclosurePhoto(id: number, sourceFileId: number): Promise<DisclosureDetail> {
  return apiPost<DisclosureDetail>(`/disclosures/${id}/photos`, { sourceFileId });
}

export function setDisclosurePhotoBoxes(
  id: number,
  photoId: number,
  boxes: RedactionBox[],
): Promise<DisclosureDetail> {
  return apiPut<DisclosureDetail>(`/disclosures/${id}/photos/${photoId}/boxes`, { boxes });
}

export function removeDisclosurePhoto(id: number, photoId: number): Promise<DisclosureDetail> {
  return apiRequest<DisclosureDetail>(`/disclosures/${id}/photos/${photoId}`, {
    method: 'DELETE',
  });
}

/** The staff URL of a photo: the original (to place boxes on) or the pixelated copy. */
export function disclosurePhotoUrl(
  id: number,
  photoId: number,
  variant: 'original' | 'redacted',
  cacheKey?: string,
): string {
  return `${API_BASE}/disclosures/${id}/photos/${photoId}/${variant}${toQueryString({ v: cacheKey })}`;
}

// ---- Public pages: no cookies, nothing that identifies the reader ----

function locale(): 'zh' | 'en' {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}

/** A GET of the public API without the staff session (`credentials: 'omit'`). */
async function publicGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      headers: {
        Accept: 'application/json',
        'Accept-Language': locale() === 'en' ? 'en' : 'zh-CN',
      },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      NETWORK_ERROR,
      locale() === 'en' ? 'Network error; check your connection' : '网络错误，请检查网络连接',
    );
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw errorFromBody(res.status, body, locale());
  return body as T;
}

export function listPublicCases(query: PublicCaseQuery, signal?: AbortSignal) {
  return publicGet<PublicCasePage>(
    `/public/cases${toQueryString({ ...query, q: query.q?.trim() || undefined })}`,
    signal,
  );
}

export function getPublicCase(id: number, signal?: AbortSignal): Promise<PublicCase> {
  return publicGet<PublicCase>(`/public/cases/${id}`, signal);
}

export function publicCasePhotoUrl(id: number, photoId: number): string {
  return `${API_BASE}/public/cases/${id}/photos/${photoId}`;
}
