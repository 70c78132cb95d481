import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../src/lib/totp.js';
import { createTestContext, lastAudit, TEST_PASSWORD, type TestContext } from './harness.js';

describe('sign-in, sessions, CSRF, lockout and TOTP', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'locky', role: 'publicity', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'office_a',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem'],
    });
    await t.createUser({
      username: 'totpuser',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
    });
    await t.createUser({ username: 'pwuser', role: 'publicity', orgUnitId: t.org.districtA });
  });
  afterAll(async () => t.close());

  it('logs in with the fixed response shape and an httpOnly SameSite=Strict cookie', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      username: 'admin_a',
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      user: { id: number; username: string; role: string };
      csrfToken: string;
    }>();
    expect(body.user).toMatchObject({ username: 'admin_a', role: 'bureau_admin' });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === 'hl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('auth.login');
    expect(audit.entity_id).toBe(String(body.user.id));
  });

  it('rejects a wrong password with 401 and a Chinese message (English on request)', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      username: 'admin_a',
      password: 'wrong-Password1',
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', fields: [] },
    });
    const en = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.statusCode).toBe(401);
    expect(en.json<{ error: { message: string } }>().error.message).toBe(
      'Wrong username or password',
    );
    expect((await lastAudit(t.db)).action).toBe('auth.login_failed');
  });

  it('rejects bad input with 400 and field errors, and unknown fields', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', {
      username: '',
      password: 'x',
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: { code: string; fields: { path: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.map((f) => f.path)).toContain('username');
  });

  it('locks the account after 5 failures: the 6th attempt gets 423 even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.anonymous.post('/api/v1/auth/login', {
        username: 'locky',
        password: 'Wrong-pass-123',
      });
      expect(res.statusCode).toBe(401);
    }
    expect((await lastAudit(t.db)).action).toBe('auth.account_locked');
    const sixth = await t.anonymous.post('/api/v1/auth/login', {
      username: 'locky',
      password: TEST_PASSWORD,
    });
    expect(sixth.statusCode).toBe(423);
    expect(sixth.json<{ error: { code: string } }>().error.code).toBe('ACCOUNT_LOCKED');
    const row = await t.db.kysely
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'locky')
      .executeTakeFirstOrThrow();
    const minutes = (Date.parse(row.locked_until!) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('needs a session for /me (401) and returns the user with permissions', async () => {
    expect((await t.anonymous.get('/api/v1/auth/me')).statusCode).toBe(401);
    const c = await t.login('office_a');
    const res = await c.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(200);
    const me = res.json<{
      user: { sectors: string[]; orgUnitName: string };
      permissions: string[];
      csrfToken: string;
    }>();
    expect(me.user.sectors).toEqual(['hazchem']);
    expect(me.user.orgUnitName).toBe('危化室');
    expect(me.permissions).not.toContain('user.manage');
    expect(me.csrfToken).toBe(c.csrfToken);
  });

  it('refuses a write without the CSRF token', async () => {
    const c = await t.login('office_a');
    const res = await c.request({ method: 'POST', url: '/api/v1/auth/logout', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CSRF_INVALID');
  });

  it('rotates the session on login and ends it on logout', async () => {
    const a = await t.login('office_a');
    const b = await t.login('office_a');
    expect(a.cookie).not.toBe(b.cookie);
    const out = await a.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await lastAudit(t.db)).action).toBe('auth.logout');
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('expires an idle session', async () => {
    const c = await t.login('office_a');
    await t.db.kysely
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where('user_id', '=', c.userId!)
      .execute();
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('lists my sessions and revokes another one', async () => {
    const a = await t.login('office_a');
    const b = await t.login('office_a');
    const list = await a.get('/api/v1/auth/sessions');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; current: boolean }[] }>().items;
    expect(items.filter((s) => s.current)).toHaveLength(1);
    const other = items.find((s) => !s.current)!;
    expect((await a.delete(`/api/v1/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await a.delete('/api/v1/auth/sessions/nothex')).statusCode).toBe(400);
    expect((await a.delete(`/api/v1/auth/sessions/${'0'.repeat(64)}`)).statusCode).toBe(404);
    void b;
  });

  it('changes the password: policy enforced, other sessions ended', async () => {
    const a = await t.login('pwuser');
    const b = await t.login('pwuser');
    const weak = await a.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe(
      'newPassword',
    );
    const wrong = await a.post('/api/v1/auth/password', {
      currentPassword: 'Nope-nope-1',
      newPassword: 'New-Pass-2024x',
    });
    expect(wrong.statusCode).toBe(400);
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'New-Pass-2024x',
    });
    expect(ok.statusCode).toBe(204);
    expect((await lastAudit(t.db)).action).toBe('auth.password_changed');
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    await t.login('pwuser', 'New-Pass-2024x');
  });

  it('enrols TOTP and then requires the code at sign-in', async () => {
    const c = await t.login('totpuser');
    const setup = await c.post('/api/v1/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect((await c.post('/api/v1/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    expect(
      (await c.post('/api/v1/auth/totp/enable', { code: totpCode(secret, Date.now()) })).statusCode,
    ).toBe(204);
    expect((await lastAudit(t.db)).action).toBe('auth.totp_enabled');

    const noCode = await t.anonymous.post('/api/v1/auth/login', {
      username: 'totpuser',
      password: TEST_PASSWORD,
    });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json<{ error: { code: string } }>().error.code).toBe('TOTP_REQUIRED');
    const badCode = await t.anonymous.post('/api/v1/auth/login', {
      username: 'totpuser',
      password: TEST_PASSWORD,
      totp: '123456',
    });
    expect(badCode.json<{ error: { code: string } }>().error.code).toBe('TOTP_INVALID');
    // The code that enabled TOTP is spent; the next step's code (within the ±1 step window)
    // is not.
    const good = await t.anonymous.post('/api/v1/auth/login', {
      username: 'totpuser',
      password: TEST_PASSWORD,
      totp: totpCode(secret, Date.now() + 30_000),
    });
    expect(good.statusCode).toBe(200);
  });
});

describe('mandatory TOTP for bureau_admin', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ requireAdminTotp: true });
    await t.createUser({ username: 'boss', role: 'bureau_admin', orgUnitId: t.org.districtA });
  });
  afterAll(async () => t.close());

  it('lets the admin sign in but blocks everything except enrolment until TOTP is on', async () => {
    const c = await t.login('boss');
    const me = await c.get('/api/v1/auth/me');
    expect(me.json<{ user: { mustEnrollTotp: boolean } }>().user.mustEnrollTotp).toBe(true);
    const users = await c.get('/api/v1/users');
    expect(users.statusCode).toBe(403);
    expect(users.json<{ error: { code: string } }>().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const { secret } = (await c.post('/api/v1/auth/totp/setup')).json<{ secret: string }>();
    expect(
      (await c.post('/api/v1/auth/totp/enable', { code: totpCode(secret, Date.now()) })).statusCode,
    ).toBe(204);
    expect((await c.get('/api/v1/users')).statusCode).toBe(200);
    const disable = await c.post('/api/v1/auth/totp/disable', { password: TEST_PASSWORD });
    expect(disable.statusCode).toBe(403);
  });
});
