import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ERROR_MESSAGES,
  ErrorCode,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
} from '@hazard-ledger/domain';
import { buildApp } from '../src/app.js';
import { type AppConfig, loadConfig } from '../src/config.js';
import { sha256Hex } from '../src/lib/tokens.js';
import { totpCode, totpStep } from '../src/lib/totp.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  TestClient,
  type TestContext,
} from './harness.js';

// Issue 12 §3 in one place: lockout, idle timeout, session fixation, CSRF on every mutating
// route, security headers, cookie flags, session ends on password change / reset, and mandatory
// TOTP for bureau_admin. auth.test.ts covers the happy paths of sign-in; this file is the
// attacker's view. Everything goes through app.inject against the real database.

type ErrorBody = { error: { code: string; message: string } };
type RouteGuardRow = FastifyInstance['routeGuards'][number];

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_COOKIE = 'hl_session';

/**
 * The mutating routes anyone may call without signing in, and why no CSRF token is needed:
 * a cross-site forgery can only make the victim's browser do what the attacker could do
 * directly, because these routes never act as the signed-in user (the auth plugin does not
 * even resolve the session cookie for public routes; tested below).
 */
const PUBLIC_MUTATING_ROUTES: Record<string, string> = {
  // Creates a new session for whoever holds the password; the cookie is SameSite=Strict, so a
  // forged cross-site login cannot plant it, and the old cookie is never reused.
  'POST /api/v1/auth/login': 'sign-in',
  // The whistleblower side (issue 7/8): anonymous by design, rate limited, written without
  // actor or address. A forged request can only file a tip the attacker could file themselves.
  'POST /api/v1/public/tips/challenge': 'anti-bot challenge for a tip',
  'POST /api/v1/public/tips': 'anonymous tip submission',
  'POST /api/v1/public/tips/status': 'tip status by receipt code',
  'POST /api/v1/public/tips/info': 'reporter adds information by receipt code',
  'POST /api/v1/public/tips/answer': "reporter answers the bureau's question by receipt code",
  'POST /api/v1/public/tips/files/:fileId': 'reporter uploads a file to their tip',
  'POST /api/v1/public/rewards/claim-info': 'reward status by receipt code',
};

/** A concrete URL for a route pattern; the guard runs before params are validated. */
function concreteUrl(pattern: string): string {
  return pattern.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    name === 'id' && pattern.startsWith('/api/v1/auth/sessions') ? 'a'.repeat(64) : '1',
  );
}

/**
 * Every table's row count and, where it has one, its newest updated_at: an insert, delete or
 * edit that a refused request made would change this.
 */
async function databaseFingerprint(t: TestContext): Promise<Record<string, string>> {
  const tables = await t.db.kysely.introspection.getTables();
  const fingerprint: Record<string, string> = {};
  for (const table of tables) {
    if (table.isView) continue;
    const hasUpdatedAt = table.columns.some((c) => c.name === 'updated_at');
    const row = await t.db.kysely
      .selectFrom(sql.table(table.name).as('t'))
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        hasUpdatedAt
          ? sql<string | null>`max(updated_at)`.as('latest')
          : sql<null>`null`.as('latest'),
      ])
      .executeTakeFirstOrThrow();
    fingerprint[table.name] = `${Number(row.n)} ${row.latest ?? '-'}`;
  }
  return fingerprint;
}

function errorCode(res: LightMyRequestResponse): string {
  return res.json<ErrorBody>().error.code;
}

/** Signs in against any app (the harness's `login` only knows the main one). */
async function signIn(
  app: FastifyInstance,
  username: string,
  options: { password?: string; totp?: string; cookie?: string } = {},
): Promise<{ res: LightMyRequestResponse; client: TestClient; token: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: {
      username,
      password: options.password ?? TEST_PASSWORD,
      ...(options.totp ? { totp: options.totp } : {}),
    },
    headers: options.cookie ? { cookie: options.cookie } : {},
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const body = res.json<{ csrfToken: string; user: { id: number } }>();
  const client = new TestClient(app, `${SESSION_COOKIE}=${token}`, body.csrfToken, body.user.id);
  return { res, client, token };
}

function attemptLogin(app: FastifyInstance, username: string, password: string, totp?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
}

async function userRow(t: TestContext, username: string) {
  return t.db.kysely
    .selectFrom('users')
    .select(['id', 'failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

async function sessionRow(t: TestContext, token: string) {
  return t.db.kysely
    .selectFrom('sessions')
    .select(['revoked_at', 'revoked_reason', 'last_seen_at'])
    .where('id', '=', sha256Hex(token))
    .executeTakeFirst();
}

function cookieToken(client: TestClient): string {
  return client.cookie!.slice(`${SESSION_COOKIE}=`.length);
}

describe('session and account security (issue 12 §3)', () => {
  let t: TestContext;
  /** Extra apps on the same database with other settings, one per setting; closed at the end. */
  const extraApps = new Map<string, Promise<FastifyInstance>>();
  const appWith = (overrides: Partial<AppConfig>): Promise<FastifyInstance> => {
    const key = JSON.stringify(overrides);
    let app = extraApps.get(key);
    if (!app) {
      app = buildApp({ ...t.config, ...overrides }, { db: t.db, logger: false });
      extraApps.set(key, app);
    }
    return app;
  };

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    const plainUsers = [
      'lock_burst',
      'lock_expiry',
      'lock_unlock',
      'lock_reset_on_success',
      'idle',
      'fixation_victim',
      'fixation_attacker',
      'csrf_user',
      'pw_change',
      'pw_reset',
      'cookie_user',
      'lock_owner_tabs',
    ];
    for (const username of plainUsers) {
      await t.createUser({ username, role: 'publicity', orgUnitId: t.org.districtA });
    }
  });
  afterAll(async () => {
    for (const app of extraApps.values()) await (await app).close();
    await t.close();
  });

  describe('lockout', () => {
    it(`locks after ${MAX_FAILED_LOGINS} failures even against a burst of parallel guesses`, async () => {
      // Guesses sent at once must not each see the same "0 failures so far": at most
      // MAX_FAILED_LOGINS passwords are ever checked; the rest are refused, as locked (423) or,
      // while the checked ones are still in flight, as too many at once (429).
      const burst = await Promise.all(
        Array.from({ length: MAX_FAILED_LOGINS * 3 }, (_, i) =>
          attemptLogin(t.app, 'lock_burst', `Wrong-guess-${i}x`),
        ),
      );
      const checked = burst.filter((r) => r.statusCode === 401);
      const locked = burst.filter((r) => r.statusCode === 423);
      const tooMany = burst.filter((r) => r.statusCode === 429);
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
      expect(checked.length + locked.length + tooMany.length).toBe(burst.length);
      locked.forEach((r) => expect(errorCode(r)).toBe(ErrorCode.AccountLocked));
      tooMany.forEach((r) => expect(errorCode(r)).toBe(ErrorCode.RateLimited));

      const right = await attemptLogin(t.app, 'lock_burst', TEST_PASSWORD);
      expect(right.statusCode).toBe(423);
      expect(right.json<ErrorBody>().error.message).toBe(ERROR_MESSAGES.ACCOUNT_LOCKED.zh);
      const row = await userRow(t, 'lock_burst');
      const minutesLeft = (Date.parse(row.locked_until!) - Date.now()) / 60_000;
      expect(minutesLeft).toBeGreaterThan(LOCKOUT_MINUTES - 1);
      expect(minutesLeft).toBeLessThanOrEqual(LOCKOUT_MINUTES);

      // Further wrong guesses while locked are refused without extending the lock.
      expect((await attemptLogin(t.app, 'lock_burst', 'Wrong-again-1x')).statusCode).toBe(423);
      expect((await userRow(t, 'lock_burst')).locked_until).toBe(row.locked_until);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(row.id))
        .execute();
      expect(audit.map((a) => a.action)).toContain('auth.account_locked');
      expect(audit.map((a) => a.action)).toContain('auth.login_refused_locked');
    });

    it('a burst of right passwords (the owner in several tabs) never locks the account', async () => {
      const burst = await Promise.all(
        Array.from({ length: MAX_FAILED_LOGINS * 3 }, () =>
          attemptLogin(t.app, 'lock_owner_tabs', TEST_PASSWORD),
        ),
      );
      const codes = burst.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200).length).toBeGreaterThanOrEqual(1);
      expect(codes.filter((c) => c !== 200 && c !== 429)).toEqual([]);
      const row = await userRow(t, 'lock_owner_tabs');
      expect(row.locked_until).toBeNull();
      expect(row.failed_logins).toBe(0);
      // The ones asked to retry get in when they do.
      await signIn(t.app, 'lock_owner_tabs');
    });

    it('lets the user in again once the lock has expired, with the failure count reset', async () => {
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
        expect((await attemptLogin(t.app, 'lock_expiry', 'Wrong-pass-123')).statusCode).toBe(401);
      }
      expect((await attemptLogin(t.app, 'lock_expiry', TEST_PASSWORD)).statusCode).toBe(423);
      // Let the lock run out (moved into the past rather than waiting 15 minutes).
      await t.db.kysely
        .updateTable('users')
        .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
        .where('username', '=', 'lock_expiry')
        .execute();
      await signIn(t.app, 'lock_expiry');
      const row = await userRow(t, 'lock_expiry');
      expect(row.failed_logins).toBe(0);
      expect(row.locked_until).toBeNull();
    });

    it('a successful sign-in resets the count: failures must be consecutive to lock', async () => {
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
          const res = await attemptLogin(t.app, 'lock_reset_on_success', 'Wrong-pass-123');
          expect(res.statusCode).toBe(401);
        }
        await signIn(t.app, 'lock_reset_on_success');
      }
      expect((await userRow(t, 'lock_reset_on_success')).locked_until).toBeNull();
    });

    it('an administrator can unlock an account before the lock runs out', async () => {
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
        await attemptLogin(t.app, 'lock_unlock', 'Wrong-pass-123');
      }
      expect((await attemptLogin(t.app, 'lock_unlock', TEST_PASSWORD)).statusCode).toBe(423);
      const { id } = await userRow(t, 'lock_unlock');
      const admin = await t.login('admin');
      const unlocked = await admin.post(`/api/v1/users/${id}/unlock`);
      expect(unlocked.statusCode).toBe(200);
      expect(unlocked.json<{ lockedUntil: string | null }>().lockedUntil).toBeNull();
      expect((await lastAudit(t.db)).action).toBe('user.unlocked');
      await signIn(t.app, 'lock_unlock');
    });
  });

  describe('idle timeout', () => {
    const backdate = (token: string, minutesAgo: number) =>
      t.db.kysely
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - minutesAgo * 60_000).toISOString() })
        .where('id', '=', sha256Hex(token))
        .execute();

    it('refuses a session unused for longer than SESSION_IDLE_MINUTES, for good', async () => {
      expect(t.config.sessionIdleMinutes).toBe(30);
      const c = await t.login('idle');
      await backdate(cookieToken(c), t.config.sessionIdleMinutes + 1);
      const res = await c.get('/api/v1/auth/me');
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe(ErrorCode.Unauthenticated);
      expect((await sessionRow(t, cookieToken(c)))?.revoked_reason).toBe('idle_timeout');
      // Once expired it stays dead even if its last-seen time were fresh again.
      await backdate(cookieToken(c), 0);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('keeps a session that is used within the window alive, and records the use', async () => {
      const c = await t.login('idle');
      await backdate(cookieToken(c), t.config.sessionIdleMinutes - 1);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      const seen = (await sessionRow(t, cookieToken(c)))!.last_seen_at;
      expect(Date.now() - Date.parse(seen)).toBeLessThan(60_000);
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    });

    it('honours a configured idle limit', async () => {
      const shortIdle = await appWith({ sessionIdleMinutes: 5 });
      const { client, token } = await signIn(shortIdle, 'idle');
      await backdate(token, 6);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    });
  });

  describe('session fixation and logout', () => {
    it('never adopts a cookie value chosen before sign-in', async () => {
      const planted = 'attacker-chosen-value-0123456789abcdef';
      const { token, client } = await signIn(t.app, 'fixation_victim', {
        cookie: `${SESSION_COOKIE}=${planted}`,
      });
      expect(token).not.toBe(planted);
      expect(await sessionRow(t, planted)).toBeUndefined();
      const asAttacker = new TestClient(t.app, `${SESSION_COOKIE}=${planted}`, null, null);
      expect((await asAttacker.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(200);
    });

    it("never upgrades an attacker's own planted session to the victim", async () => {
      const attacker = await signIn(t.app, 'fixation_attacker');
      const victim = await signIn(t.app, 'fixation_victim', { cookie: attacker.client.cookie! });
      expect(victim.token).not.toBe(attacker.token);
      const whoIsAttacker = await attacker.client.get('/api/v1/auth/me');
      expect(whoIsAttacker.json<{ user: { username: string } }>().user.username).toBe(
        'fixation_attacker',
      );
      // The session id stored is a hash: the database never holds a usable cookie value.
      const stored = await t.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', victim.client.userId!)
        .execute();
      expect(stored.map((s) => s.id)).toContain(sha256Hex(victim.token));
      expect(stored.map((s) => s.id)).not.toContain(victim.token);
    });

    it('issues a fresh token and CSRF token on every sign-in', async () => {
      const first = await signIn(t.app, 'fixation_victim');
      const second = await signIn(t.app, 'fixation_victim');
      expect(second.token).not.toBe(first.token);
      expect(second.client.csrfToken).not.toBe(first.client.csrfToken);
    });

    it('logout kills the token server-side: replaying it gets 401, for reads and writes', async () => {
      const { client, token, res } = await signIn(t.app, 'fixation_victim');
      expect(res.statusCode).toBe(200);
      const out = await client.post('/api/v1/auth/logout');
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cleared.value).toBe('');
      expect((await sessionRow(t, token))?.revoked_reason).toBe('logout');
      // A copy of the cookie (stolen or kept by the browser) is worthless now.
      expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(401);
    });
  });

  describe('CSRF on every mutating route', () => {
    const mutating = (): RouteGuardRow[] =>
      t.app.routeGuards.filter((r) => MUTATING.has(r.method) && r.access !== 'public');

    it('refuses every signed-in write without the session’s own token, writing nothing', async () => {
      const routes = mutating();
      // A sanity floor so that a broken route collector cannot make this test pass vacuously.
      expect(routes.length).toBeGreaterThan(100);
      const c = await t.login('csrf_user');
      // Another session of the same user: its valid token must not work for this one.
      const other = await t.login('csrf_user');
      const before = await databaseFingerprint(t);
      const badHeaders: (Record<string, string> | undefined)[] = [
        undefined,
        { 'x-csrf-token': '' },
        { 'x-csrf-token': 'x'.repeat(c.csrfToken!.length) },
        { 'x-csrf-token': other.csrfToken! },
      ];
      const leaks: string[] = [];
      for (const route of routes) {
        for (const headers of badHeaders) {
          const res = await c.request({
            method: route.method,
            url: concreteUrl(route.url),
            payload: {},
            headers,
            csrf: false,
          });
          const body = res.json<ErrorBody>();
          if (res.statusCode !== 403 || body.error.code !== ErrorCode.CsrfInvalid) {
            leaks.push(
              `${route.method} ${route.url} ${JSON.stringify(headers)} → ${res.statusCode}`,
            );
          } else {
            expect(body.error.message).toBe(ERROR_MESSAGES.CSRF_INVALID.zh);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(await databaseFingerprint(t)).toEqual(before);
      // Logout, password change and the like did not run: the session is still live.
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await sessionRow(t, cookieToken(c)))?.revoked_at).toBeNull();
    });

    it('exempts exactly the reviewed public write routes', () => {
      const publicWrites = t.app.routeGuards
        .filter((r) => MUTATING.has(r.method) && r.access === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort();
      expect(publicWrites).toEqual(Object.keys(PUBLIC_MUTATING_ROUTES).sort());
    });

    it('public routes ignore a session cookie: nothing they do is attributed to the user', async () => {
      const staff = await t.login('csrf_user');
      const unknownCode = '9'.repeat(16);
      const claim = await staff.request({
        method: 'POST',
        url: '/api/v1/public/rewards/claim-info',
        payload: { code: unknownCode },
        csrf: false,
      });
      expect(claim.statusCode).toBe(404);
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'reward.claim_info_unknown_code',
        actor_id: null,
        actor_name: null,
        ip: null,
      });
      // Signing in as someone else from a browser that is still signed in: the audit entry
      // belongs to the new sign-in, not to the old cookie's owner.
      await signIn(t.app, 'fixation_victim', { cookie: staff.cookie! });
      expect(await lastAudit(t.db)).toMatchObject({ action: 'auth.login', actor_id: null });
    });
  });

  describe('security headers', () => {
    let webDir: string;
    let web: FastifyInstance;
    beforeAll(async () => {
      webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-web-'));
      fs.mkdirSync(path.join(webDir, 'assets'));
      fs.writeFileSync(
        path.join(webDir, 'index.html'),
        '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
      );
      fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1);');
      // The test env never serves the web app, so this app runs as development with a build.
      web = await appWith({ env: 'development', webDist: webDir });
    });
    afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

    function expectBaseline(res: LightMyRequestResponse, label: string) {
      const csp = String(res.headers['content-security-policy'] ?? '');
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name!, values] as const;
        }),
      );
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      expect(scriptSrc, `${label}: script-src`).toBeDefined();
      expect(scriptSrc, label).not.toContain("'unsafe-inline'");
      expect(scriptSrc, label).not.toContain("'unsafe-eval'");
      expect(directives.get('frame-ancestors'), label).toEqual(["'none'"]);
      expect(directives.get('object-src'), label).toEqual(["'none'"]);
      expect(res.headers['x-content-type-options'], label).toBe('nosniff');
      expect(res.headers['referrer-policy'], label).toBe('no-referrer');
    }

    it('API responses carry CSP, nosniff and Referrer-Policy (errors too)', async () => {
      expectBaseline(await t.app.inject({ url: '/healthz' }), 'GET /healthz');
      expectBaseline(await t.anonymous.get('/api/v1/auth/me'), '401 /auth/me');
      expectBaseline(await (await t.login('cookie_user')).get('/api/v1/auth/me'), '200 /auth/me');
      expectBaseline(await t.anonymous.get('/api/v1/no-such-route'), '404');
    });

    it('HTML pages carry the same headers (index, client routes, static assets)', async () => {
      const html = { accept: 'text/html,application/xhtml+xml' };
      const index = await web.inject({ url: '/', headers: html });
      expect(index.statusCode).toBe(200);
      expect(index.headers['content-type']).toMatch(/text\/html/);
      expectBaseline(index, 'GET /');
      const clientRoute = await web.inject({ url: '/hazards/12', headers: html });
      expect(clientRoute.statusCode).toBe(200);
      expect(clientRoute.body).toContain('<div id="root">');
      expectBaseline(clientRoute, 'client route');
      expectBaseline(await web.inject({ url: '/assets/app.js' }), 'asset');
      const docs = await web.inject({ url: '/api/docs/', headers: html });
      expect(docs.statusCode).toBe(200);
      expectBaseline(docs, 'API docs page');
    });

    it('sends HSTS only behind a TLS-terminating proxy (TRUST_PROXY)', async () => {
      expect((await t.app.inject({ url: '/healthz' })).headers['strict-transport-security']).toBe(
        undefined,
      );
      const proxied = await appWith({ trustProxy: true });
      const res = await proxied.inject({ url: '/healthz' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    });
  });

  describe('session cookie', () => {
    it('is HttpOnly, SameSite=Strict, path /, a browser-session cookie, not Secure on plain HTTP', async () => {
      const { res } = await signIn(t.app, 'cookie_user');
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie.secure).toBeFalsy();
      expect(cookie.maxAge).toBeUndefined();
      expect(cookie.expires).toBeUndefined();
      // 32 random bytes: not guessable.
      expect(cookie.value.length).toBeGreaterThanOrEqual(43);
    });

    it('is Secure when TRUST_PROXY says HTTPS is terminated in front', async () => {
      const proxied = await appWith({ trustProxy: true });
      const { res } = await signIn(proxied, 'cookie_user');
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
    });
  });

  describe('password change and reset end sessions', () => {
    it("changing one's password ends every other session and keeps the current one", async () => {
      // Documented behaviour: the session that changed the password stays (same cookie and
      // CSRF token); every other session of the user is revoked.
      const here = await signIn(t.app, 'pw_change');
      const laptop = await signIn(t.app, 'pw_change');
      const phone = await signIn(t.app, 'pw_change');
      const bystander = await signIn(t.app, 'pw_reset');
      const newPassword = 'Changed-Pass-2024';
      const res = await here.client.post('/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(res.statusCode).toBe(204);
      for (const ended of [laptop, phone]) {
        expect((await ended.client.get('/api/v1/auth/me')).statusCode).toBe(401);
        expect((await sessionRow(t, ended.token))?.revoked_reason).toBe('password_changed');
      }
      const me = await here.client.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json<{ csrfToken: string }>().csrfToken).toBe(here.client.csrfToken);
      expect((await bystander.client.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await attemptLogin(t.app, 'pw_change', TEST_PASSWORD)).statusCode).toBe(401);
      await signIn(t.app, 'pw_change', { password: newPassword });
    });

    it("an administrator's reset ends all of the user's sessions and lifts a lock", async () => {
      const first = await signIn(t.app, 'pw_reset');
      const second = await signIn(t.app, 'pw_reset');
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
        await attemptLogin(t.app, 'pw_reset', 'Wrong-pass-123');
      }
      const { id } = await userRow(t, 'pw_reset');
      const admin = await t.login('admin');
      const newPassword = 'Reset-Pass-2024x';
      const res = await admin.post(`/api/v1/users/${id}/reset-password`, { password: newPassword });
      expect(res.statusCode).toBe(204);
      for (const ended of [first, second]) {
        expect((await ended.client.get('/api/v1/auth/me')).statusCode).toBe(401);
        expect((await sessionRow(t, ended.token))?.revoked_reason).toBe('password_reset');
      }
      const live = await t.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
      await signIn(t.app, 'pw_reset', { password: newPassword });
    });
  });

  describe('mandatory TOTP for bureau_admin', () => {
    let strict: FastifyInstance;
    beforeAll(async () => {
      strict = await appWith({ requireAdminTotp: true });
      await t.createUser({ username: 'boss', role: 'bureau_admin', orgUnitId: t.org.city });
      await t.createUser({ username: 'clerk', role: 'publicity', orgUnitId: t.org.city });
    });

    it('is on by default in production and off in development and tests', () => {
      const secrets = {
        SIGNING_KEY_SECRET: 'a-production-signing-secret',
        IDENTITY_KEY: Buffer.alloc(32, 7).toString('base64'),
      };
      expect(loadConfig({ NODE_ENV: 'production', ...secrets }).requireAdminTotp).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development' }).requireAdminTotp).toBe(false);
      expect(loadConfig({ NODE_ENV: 'test' }).requireAdminTotp).toBe(false);
    });

    const ENROLMENT_ROUTES = [
      'GET /api/v1/auth/me',
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/totp/setup',
      'POST /api/v1/auth/totp/enable',
      'POST /api/v1/auth/password',
    ];

    it('gives an admin without TOTP the enrolment routes only', async () => {
      const { client } = await signIn(strict, 'boss');
      const me = await client.get('/api/v1/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { mustEnrollTotp: boolean } }>().user.mustEnrollTotp).toBe(true);
      const before = await databaseFingerprint(t);
      const open: string[] = [];
      for (const route of strict.routeGuards) {
        const key = `${route.method} ${route.url}`;
        if (route.access === 'public' || ENROLMENT_ROUTES.includes(key)) continue;
        // With a valid CSRF token, so the refusal is the enrolment rule and nothing else.
        const res = await client.request({
          method: route.method,
          url: concreteUrl(route.url),
          ...(MUTATING.has(route.method) ? { payload: {} } : {}),
        });
        if (res.statusCode !== 403 || errorCode(res) !== ErrorCode.TotpEnrollmentRequired) {
          open.push(`${key} → ${res.statusCode}`);
        }
      }
      expect(open).toEqual([]);
      expect(await databaseFingerprint(t)).toEqual(before);
      // Signing out stays possible while enrolment is pending.
      const { client: second } = await signIn(strict, 'boss');
      expect((await second.post('/api/v1/auth/logout')).statusCode).toBe(204);
      // Other roles are not held back.
      const { client: clerk } = await signIn(strict, 'clerk');
      expect((await clerk.get('/api/v1/notifications')).statusCode).toBe(200);
    });

    it('once enrolled, sign-in needs the code, and wrong codes count toward the lockout', async () => {
      const { client } = await signIn(strict, 'boss');
      const setup = await client.post('/api/v1/auth/totp/setup');
      expect(setup.statusCode).toBe(200);
      const { secret } = setup.json<{ secret: string }>();
      const enable = await client.post('/api/v1/auth/totp/enable', {
        code: totpCode(secret, Date.now()),
      });
      expect(enable.statusCode).toBe(204);
      expect((await client.get('/api/v1/users')).statusCode).toBe(200);
      // Administrators cannot switch the second factor off again.
      const disable = await client.post('/api/v1/auth/totp/disable', { password: TEST_PASSWORD });
      expect(disable.statusCode).toBe(403);

      const noCode = await attemptLogin(strict, 'boss', TEST_PASSWORD);
      expect(noCode.statusCode).toBe(401);
      expect(errorCode(noCode)).toBe(ErrorCode.TotpRequired);
      // A code no step of the accepted window (±30 s, plus a margin for slow runs) produces.
      const nearby = [-3, -2, -1, 0, 1, 2, 3].map((d) => totpCode(secret, Date.now() + d * 30_000));
      const wrong = ['000000', '111111', '222222', '333333'].find((c) => !nearby.includes(c))!;
      // Asking for the code is not a failure; wrong codes are.
      for (let i = 0; i < 3; i++) {
        expect(errorCode(await attemptLogin(strict, 'boss', TEST_PASSWORD))).toBe(
          ErrorCode.TotpRequired,
        );
      }
      expect((await userRow(t, 'boss')).failed_logins).toBe(0);
      for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
        const res = await attemptLogin(strict, 'boss', TEST_PASSWORD, wrong);
        expect(res.statusCode).toBe(401);
        expect(errorCode(res)).toBe(ErrorCode.TotpInvalid);
      }
      const locked = await attemptLogin(
        strict,
        'boss',
        TEST_PASSWORD,
        totpCode(secret, Date.now()),
      );
      expect(locked.statusCode).toBe(423);
      expect((await lastAudit(t.db)).action).toBe('auth.login_refused_locked');
      const { id } = await userRow(t, 'boss');
      const lockEntry = await t.db.kysely
        .selectFrom('audit_log')
        .select('changes')
        .where('action', '=', 'auth.account_locked')
        .where('entity_id', '=', String(id))
        .executeTakeFirstOrThrow();
      expect(JSON.parse(String(lockEntry.changes))).toMatchObject({
        reason: 'wrong_totp',
        failures: MAX_FAILED_LOGINS,
      });
    });
  });

  describe('TOTP codes are single-use (ASVS 2.8.4)', () => {
    beforeAll(async () => {
      for (const username of ['totp_replay', 'totp_race']) {
        await t.createUser({ username, role: 'publicity', orgUnitId: t.org.districtA });
      }
    });

    /** Starts enrolment for a signed-in user and returns the secret. */
    async function setupSecret(client: TestClient): Promise<string> {
      const setup = await client.post('/api/v1/auth/totp/setup');
      expect(setup.statusCode).toBe(200);
      return setup.json<{ secret: string }>().secret;
    }

    async function lastStep(username: string): Promise<number | null> {
      const row = await t.db.kysely
        .selectFrom('users')
        .select('totp_last_step')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return row.totp_last_step === null ? null : Number(row.totp_last_step);
    }

    it('refuses a code already accepted, at sign-in as a wrong code', async () => {
      const { client } = await signIn(t.app, 'totp_replay');
      const secret = await setupSecret(client);
      const enrolAt = Date.now();
      const enrolCode = totpCode(secret, enrolAt);
      expect((await client.post('/api/v1/auth/totp/enable', { code: enrolCode })).statusCode).toBe(
        204,
      );
      expect(await lastStep('totp_replay')).toBe(totpStep(enrolAt));

      // The code that enabled TOTP cannot sign in (it is still inside the ±30 s window).
      const replayedEnrolCode = await attemptLogin(t.app, 'totp_replay', TEST_PASSWORD, enrolCode);
      expect(replayedEnrolCode.statusCode).toBe(401);
      expect(errorCode(replayedEnrolCode)).toBe(ErrorCode.TotpInvalid);
      expect((await userRow(t, 'totp_replay')).failed_logins).toBe(1);
      const failure = await lastAudit(t.db);
      expect(failure.action).toBe('auth.login_failed');
      expect(JSON.parse(String(failure.changes))).toMatchObject({ reason: 'wrong_totp' });

      // The next step's code signs in once; the same code a second time is refused.
      const nextCode = totpCode(secret, Date.now() + 30_000);
      const first = await attemptLogin(t.app, 'totp_replay', TEST_PASSWORD, nextCode);
      expect(first.statusCode).toBe(200);
      expect((await userRow(t, 'totp_replay')).failed_logins).toBe(0);
      const second = await attemptLogin(t.app, 'totp_replay', TEST_PASSWORD, nextCode);
      expect(second.statusCode).toBe(401);
      expect(errorCode(second)).toBe(ErrorCode.TotpInvalid);
      // An earlier step than the last accepted one is refused too, even if never used.
      const earlier = totpCode(secret, Date.now() - 30_000);
      if (earlier !== nextCode && earlier !== enrolCode) {
        const res = await attemptLogin(t.app, 'totp_replay', TEST_PASSWORD, earlier);
        expect(errorCode(res)).toBe(ErrorCode.TotpInvalid);
      }
      // A wrong password does not spend the owner's code.
      const following = totpCode(secret, Date.now() + 60_000);
      const stepBefore = await lastStep('totp_replay');
      const wrongPassword = await attemptLogin(t.app, 'totp_replay', 'Wrong@Pass2023', following);
      expect(errorCode(wrongPassword)).toBe(ErrorCode.InvalidCredentials);
      expect(await lastStep('totp_replay')).toBe(stepBefore);
    });

    it('lets only one of two simultaneous uses of a code through, at enable and at sign-in', async () => {
      const { client } = await signIn(t.app, 'totp_race');
      const secret = await setupSecret(client);
      const code = totpCode(secret, Date.now());
      const enables = await Promise.all([
        client.post('/api/v1/auth/totp/enable', { code }),
        client.post('/api/v1/auth/totp/enable', { code }),
      ]);
      const enableStatuses = enables.map((r) => r.statusCode).sort();
      // The loser either lost the step (400, wrong code) or saw TOTP already on (409).
      expect(enableStatuses[0]).toBe(204);
      expect([400, 409]).toContain(enableStatuses[1]);
      const enabledEntries = await t.db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'auth.totp_enabled')
        .where('entity_id', '=', String((await userRow(t, 'totp_race')).id))
        .execute();
      expect(enabledEntries).toHaveLength(1);

      const nextCode = totpCode(secret, Date.now() + 30_000);
      const logins = await Promise.all([
        attemptLogin(t.app, 'totp_race', TEST_PASSWORD, nextCode),
        attemptLogin(t.app, 'totp_race', TEST_PASSWORD, nextCode),
      ]);
      expect(logins.map((r) => r.statusCode).sort()).toEqual([200, 401]);
      expect(errorCode(logins.find((r) => r.statusCode === 401)!)).toBe(ErrorCode.TotpInvalid);
    });
  });
});
