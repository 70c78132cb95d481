import { vi } from 'vitest';

/** One recorded call to the mocked fetch. */
export type Call = {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
};

type Reply = { status: number; body?: unknown };
type Handler = (call: Call, calls: Call[]) => Reply;

/** A JSON reply. */
export function json(status: number, body?: unknown): Reply {
  return { status, body };
}

/** An API error reply in the server's shape. */
export function apiError(
  status: number,
  code: string,
  message: string,
  fields?: { path: string; message: string }[],
): Reply {
  return { status, body: { error: { code, message, ...(fields ? { fields } : {}) } } };
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

/**
 * Replaces fetch with a router over "METHOD /path" keys (path without /api/v1 and query string).
 * Unknown routes answer 404. Returns the list of calls for assertions.
 */
export function mockApi(routes: Record<string, Handler | Reply>): Call[] {
  const calls: Call[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const u = new URL(url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = u.pathname.replace(/^\/api\/v1/, '');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: Call = {
      method,
      path,
      url,
      headers: headersOf(init),
      body,
      credentials: init?.credentials,
    };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    const reply: Reply =
      route === undefined
        ? { status: 404, body: { error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } } }
        : typeof route === 'function'
          ? route(call, calls)
          : route;
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    return Promise.resolve(
      new Response(reply.status === 204 ? null : text, {
        status: reply.status,
        headers: text ? { 'Content-Type': 'application/json' } : {},
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
