import type {
  PowChallenge,
  PowSolution,
  PublicDistrict,
  PublicEnterprise,
  PublicTipForm,
  PublicTipReceipt,
  PublicTipView,
} from '@hazard-ledger/domain';
import { API_BASE, ApiError, errorFromBody, NETWORK_ERROR } from './client';

// The public tip page's API client. Unlike the signed-in client it sends no cookies and no CSRF
// token (`credentials: 'omit'`): a staff member's session in the same browser must never travel
// with a tip, and nothing here may identify the reporter. Receipt codes go in POST bodies only.

export type { PublicDistrict, PublicEnterprise, PublicTipReceipt, PublicTipView };

/** Query keys of the public tip pages (kept here, not in the shared query-keys file). */
export const tipPublicKeys = {
  all: ['tips-public'] as const,
  districts: ['tips-public', 'districts'] as const,
  enterprises: (q: string) => ['tips-public', 'enterprises', q] as const,
};

function locale(): 'zh' | 'en' {
  return document.documentElement.lang === 'en' ? 'en' : 'zh';
}

async function parse(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', locale() === 'en' ? 'en' : 'zh-CN');
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      ...init,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      NETWORK_ERROR,
      locale() === 'en' ? 'Network error; check your connection' : '网络错误，请检查网络连接',
    );
  }
  if (!res.ok) throw errorFromBody(res.status, await parse(res), locale());
  return res;
}

async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  return (await parse(await send(path, { ...init, headers }))) as T;
}

function postJson<T>(path: string, body: unknown): Promise<T> {
  return json<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** multipart/form-data: the JSON form in `data`, the files in `files`. */
function postForm<T>(path: string, data: unknown, files: readonly File[]): Promise<T> {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const f of files) form.append('files', f, f.name);
  return json<T>(path, { method: 'POST', body: form });
}

/** A proof-of-work challenge to solve before submitting. */
export function fetchChallenge(): Promise<PowChallenge> {
  return json<PowChallenge>('/public/tips/challenge', { method: 'POST' });
}

/** The districts the form offers. */
export function fetchPublicDistricts(signal?: AbortSignal): Promise<PublicDistrict[]> {
  return json<PublicDistrict[]>('/public/districts', { signal });
}

/** Operating enterprises whose name contains `q` (at least two characters). */
export function searchPublicEnterprises(
  q: string,
  signal?: AbortSignal,
): Promise<PublicEnterprise[]> {
  return json<PublicEnterprise[]>(`/public/enterprises?q=${encodeURIComponent(q)}`, { signal });
}

/** Submits a tip with its solved challenge; returns the receipt code (shown once). */
export function submitPublicTip(
  form: PublicTipForm,
  pow: PowSolution,
  files: readonly File[],
): Promise<PublicTipReceipt> {
  return postForm<PublicTipReceipt>('/public/tips', { ...form, pow }, files);
}

/** The status page of the tip a receipt code belongs to. */
export function lookupPublicTip(code: string): Promise<PublicTipView> {
  return postJson<PublicTipView>('/public/tips/status', { code });
}

/** Adds information (text and/or files) to the tip of a receipt code. */
export function addPublicTipInfo(
  code: string,
  text: string,
  files: readonly File[],
): Promise<PublicTipView> {
  return postForm<PublicTipView>('/public/tips/info', { code, text }, files);
}

/** Answers a question of the handling unit. */
export function answerPublicTipQuestion(
  code: string,
  questionId: number,
  text: string,
): Promise<PublicTipView> {
  return postJson<PublicTipView>('/public/tips/answer', { code, questionId, text });
}

/** Downloads a file of the tip (the code goes in the body, so the download is a POST). */
export async function downloadPublicTipFile(
  code: string,
  file: { id: number; fileName: string },
): Promise<void> {
  const res = await send(`/public/tips/files/${file.id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
