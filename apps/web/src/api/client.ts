import { ERROR_MESSAGES, ErrorCode, type FieldError, type Locale } from '@hazard-ledger/domain';

/** Every API route lives under this prefix. */
export const API_BASE = '/api/v1';

/** Code used when the request never reached the server (offline, DNS, CORS). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/** An error answered by the API (or a failure to reach it), carrying the server's message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** True when `err` is an ApiError with the given code. */
export function isApiError(err: unknown, code?: string): err is ApiError {
  return err instanceof ApiError && (code === undefined || err.code === code);
}

type ClientState = {
  csrfToken: string | null;
  locale: Locale;
  onUnauthorized: (() => void) | null;
  onTotpEnrollmentRequired: (() => void) | null;
};

// Module state: there is one API client per page. The session and locale providers feed it.
const state: ClientState = {
  csrfToken: null,
  locale: 'zh',
  onUnauthorized: null,
  onTotpEnrollmentRequired: null,
};

/** Stores the CSRF token returned by login and /auth/me; sent on every non-GET request. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** The CSRF token currently held (for tests and diagnostics). */
export function getCsrfToken(): string | null {
  return state.csrfToken;
}

/** Chooses the language of server messages (`Accept-Language: en` for English, else zh-CN). */
export function setApiLocale(locale: Locale): void {
  state.locale = locale;
}

/** Registers what happens when the session has ended (a 401 from any call but login). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  state.onUnauthorized = handler;
}

/** Registers what happens when the server says the user must enrol TOTP first. */
export function setTotpEnrollmentHandler(handler: (() => void) | null): void {
  state.onTotpEnrollmentRequired = handler;
}

/**
 * 401 answers that judge what the user typed (a password or code re-entered on an account page)
 * rather than the session; they must not sign the user out.
 */
const CREDENTIAL_CODES: readonly string[] = [
  ErrorCode.InvalidCredentials,
  ErrorCode.TotpRequired,
  ErrorCode.TotpInvalid,
  ErrorCode.PasswordMismatch,
];

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. Leave undefined for a request without a body. */
  body?: unknown;
  /** Appended as a query string; empty, null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * Do not run the unauthorized handler on 401. Login answers 401 for wrong credentials, and
   * /auth/me answers 401 when nobody is signed in: neither means "your session just ended".
   */
  skipUnauthorizedHandler?: boolean;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
};

/** Builds `?a=1&b=x` from the non-empty values of `query`. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

function fallbackMessage(code: string, locale: Locale): string {
  const known = (ERROR_MESSAGES as Record<string, { zh: string; en: string } | undefined>)[code];
  if (known) return known[locale];
  return locale === 'en' ? 'Request failed; try again later' : '请求失败，请稍后再试';
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.NotFound;
    case 409:
      return ErrorCode.Conflict;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 429:
      return ErrorCode.RateLimited;
    default:
      return ErrorCode.Internal;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseFields(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return [];
  const out: FieldError[] = [];
  for (const f of raw as unknown[]) {
    if (isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string') {
      out.push({ path: f.path, message: f.message });
    }
  }
  return out;
}

/** Turns an error response into an ApiError, tolerating bodies that are not the API's shape. */
export function errorFromBody(status: number, body: unknown, locale: Locale): ApiError {
  const err = isRecord(body) ? body.error : undefined;
  if (isRecord(err) && typeof err.code === 'string') {
    const message =
      typeof err.message === 'string' && err.message
        ? err.message
        : fallbackMessage(err.code, locale);
    return new ApiError(status, err.code, message, parseFields(err.fields));
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, fallbackMessage(code, locale));
}

function parseJsonText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readJson(res: Response): Promise<unknown> {
  return parseJsonText(await res.text());
}

/**
 * Calls the API at `API_BASE + path` and returns the parsed JSON body (undefined for 204).
 * Throws ApiError for any non-2xx answer and for network failures.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // Always say which language: otherwise the browser's own Accept-Language (often en-US) would
  // pick the server's messages, not the language chosen in the UI.
  headers['Accept-Language'] = state.locale === 'en' ? 'en' : 'zh-CN';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  if (options.headers) Object.assign(headers, options.headers);
  let body: string | undefined;
  // A JSON content type with an empty body is a 400 in Fastify: only declare it with a body.
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    const message =
      state.locale === 'en' ? 'Network error; check your connection' : '网络错误，请检查网络连接';
    throw new ApiError(0, NETWORK_ERROR, message);
  }

  const parsed = await readJson(res);
  if (res.ok) return parsed as T;

  const error = errorFromBody(res.status, parsed, state.locale);
  if (
    res.status === 401 &&
    !options.skipUnauthorizedHandler &&
    !CREDENTIAL_CODES.includes(error.code)
  ) {
    state.csrfToken = null;
    state.onUnauthorized?.();
  } else if (error.code === ErrorCode.TotpEnrollmentRequired) {
    state.onTotpEnrollmentRequired?.();
  }
  throw error;
}

/** GET shorthand. */
export function apiGet<T>(
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  return apiRequest<T>(path, { query, signal });
}

/** POST shorthand (body optional). */
export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', body });
}

/** PUT shorthand (full replacement of a record, with its version). */
export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'PUT', body });
}

/** PATCH shorthand. */
export function apiPatch<T>(path: string, body: unknown): Promise<T> {
  return apiRequest<T>(path, { method: 'PATCH', body });
}

/** DELETE shorthand. */
export function apiDelete<T>(path: string): Promise<T> {
  return apiRequest<T>(path, { method: 'DELETE' });
}

export type UploadOptions = {
  /** Name of the multipart field holding the file. */
  field?: string;
  /** Bytes sent so far, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  /** The whole file has been sent; the server is now working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
};

/**
 * POSTs one file as multipart/form-data with XMLHttpRequest (fetch cannot report upload
 * progress). Same headers, CSRF token and error handling as apiRequest.
 */
export function apiUpload<T>(
  path: string,
  file: Blob & { name?: string },
  options: UploadOptions = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', state.locale === 'en' ? 'en' : 'zh-CN');
    if (state.csrfToken) xhr.setRequestHeader('x-csrf-token', state.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total);
    };
    xhr.upload.onload = () => options.onUploaded?.();
    xhr.onload = () => {
      const parsed = parseJsonText(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(parsed as T);
        return;
      }
      const error = errorFromBody(xhr.status, parsed, state.locale);
      if (xhr.status === 401 && !CREDENTIAL_CODES.includes(error.code)) {
        state.csrfToken = null;
        state.onUnauthorized?.();
      } else if (error.code === ErrorCode.TotpEnrollmentRequired) {
        state.onTotpEnrollmentRequired?.();
      }
      reject(error);
    };
    xhr.onerror = () => {
      const message =
        state.locale === 'en' ? 'Network error; check your connection' : '网络错误，请检查网络连接';
      reject(new ApiError(0, NETWORK_ERROR, message));
    };
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append(options.field ?? 'file', file, file.name ?? 'upload');
    xhr.send(form);
  });
}
