// Signed-in HTTP sessions against the server under test (set-up, checks and timed one-offs; the
// load itself goes through autocannon).

/** A signed-in user: the session cookie and the CSRF token the server wants on writes. */
export type Session = {
  username: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a read. */
  readHeaders: Record<string, string>;
  /** Headers for a JSON write (cookie, CSRF token, content type). */
  writeHeaders: Record<string, string>;
};

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 300)}`);
  }
}

/** Signs in over HTTP (POST /api/v1/auth/login) and keeps the hl_session cookie. */
export async function signIn(
  baseUrl: string,
  username: string,
  password: string,
): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new HttpError(res.status, body, `sign-in of ${username}`);
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('hl_session='));
  if (!session) throw new Error(`sign-in of ${username}: no hl_session cookie in the answer`);
  const { csrfToken } = JSON.parse(body) as { csrfToken: string };
  return {
    username,
    cookie: session,
    csrfToken,
    readHeaders: { cookie: session },
    writeHeaders: {
      cookie: session,
      'x-csrf-token': csrfToken,
      'content-type': 'application/json',
    },
  };
}

/** GET returning parsed JSON; anything but 200 throws with the answer. */
export async function getJson<T>(baseUrl: string, session: Session, url: string): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, { headers: session.readHeaders });
  const body = await res.text();
  if (res.status !== 200) throw new HttpError(res.status, body, `GET ${url}`);
  return JSON.parse(body) as T;
}

/** A write with the session's CSRF token; returns status and raw body (the caller judges). */
export async function send(
  baseUrl: string,
  session: Session,
  method: 'POST' | 'PUT' | 'PATCH',
  url: string,
  body: unknown,
): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: session.writeHeaders,
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

/** A query string from defined values. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  return search.toString();
}
