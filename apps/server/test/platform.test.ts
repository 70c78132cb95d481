import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAuditTriggersForTest } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { verifyAuditChain } from '../src/modules/audit/audit.verify.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

describe('platform conventions', () => {
  let t: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    admin = await t.login('admin_a');
  });
  afterAll(async () => t.close());

  it('every registered route declares a permission or public', () => {
    const routes = t.app.routeGuards;
    expect(routes.length).toBeGreaterThan(15);
    const missing = routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const publicApi = routes
      .filter((r) => r.access === 'public' && r.url.startsWith('/api/v1/'))
      .map((r) => r.url);
    // Public on purpose: sign-in, the API document, the citizens' tip page and its follow-up by
    // receipt code, the reward claim steps, and the verification code printed on documents.
    expect(publicApi.sort()).toEqual(
      [
        '/api/v1/auth/login',
        '/api/v1/openapi.json',
        '/api/v1/public/cases',
        '/api/v1/public/cases/:id',
        '/api/v1/public/cases/:id/photos/:photoId',
        '/api/v1/public/districts',
        '/api/v1/public/enterprises',
        '/api/v1/public/rewards/claim-info',
        '/api/v1/public/tips',
        '/api/v1/public/tips/answer',
        '/api/v1/public/tips/challenge',
        '/api/v1/public/tips/files/:fileId',
        '/api/v1/public/tips/info',
        '/api/v1/public/tips/status',
        '/api/v1/verify/:code',
      ].sort(),
    );
  });

  it('answers health and readiness probes', async () => {
    expect((await t.anonymous.get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.anonymous.get('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document with every API route', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/users', '/api/v1/auth/login', '/api/v1/audit']),
    );
    expect((await t.anonymous.get('/api/docs/')).statusCode).toBe(200);
  });

  it('answers unknown routes with the error shape, 404', async () => {
    const res = await t.anonymous.get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('answers an oversized body with 413 and malformed JSON with 400, never 500', async () => {
    const big = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
    const bad = await t.anonymous.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });

  it('sets security headers', async () => {
    const res = await t.anonymous.get('/healthz');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('re-running migrations changes nothing', async () => {
    expect(await migrateToLatest(t.db.kysely)).toEqual([]);
  });

  it('lists the org units of the caller territory only', async () => {
    const res = await admin.get('/api/v1/org-units');
    const items = res.json<{ items: { id: number; name: string }[] }>().items;
    expect(items.map((u) => u.id)).toContain(t.org.officeWeihuaA);
    expect(items.map((u) => u.id)).not.toContain(t.org.officeWeihuaB);
    expect(items.map((u) => u.id)).not.toContain(t.org.city);
  });
});

describe('audit log', () => {
  let t: TestContext;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({ username: 'pub_a', role: 'publicity', orgUnitId: t.org.districtA });
    admin = await t.login('admin_a');
    await t.login('admin_b');
    await t.login('pub_a');
  });
  afterAll(async () => t.close());

  it('records actor, role, org, IP and request id, and filters by action', async () => {
    const res = await admin.get('/api/v1/audit?action=auth.login&pageSize=50');
    expect(res.statusCode).toBe(200);
    const rows = res.json<{
      items: { actorName: string | null; entityId: string; ip: string; requestId: string }[];
    }>().items;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.ip && r.requestId)).toBe(true);
  });

  it('hides rows of another district', async () => {
    await t.login('admin_b');
    const adminB = await t.login('admin_b');
    await adminB.post('/api/v1/auth/logout');
    const res = await admin.get('/api/v1/audit?action=auth.logout&pageSize=200');
    const rows = res.json<{ items: { actorName: string }[] }>().items;
    expect(rows.some((r) => r.actorName?.includes('admin_b'))).toBe(false);
  });

  it('refuses audit to roles without audit.read and validates filters', async () => {
    const pub = await t.login('pub_a');
    expect((await pub.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await admin.get('/api/v1/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('the database refuses UPDATE and DELETE on audit rows', async () => {
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db.kysely)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(t.db.kysely)).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, then names the first tampered row', async () => {
    const ok = await admin.get('/api/v1/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true, firstBrokenId: null });
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select(['id', 'seq'])
      .orderBy('seq')
      .execute();
    expect(rows.length).toBeGreaterThan(3);
    const victim = rows[2]!;
    await dropAuditTriggersForTest(t.db.kysely, t.db.dialect);
    await sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = ${victim.id}`.execute(
      t.db.kysely,
    );
    const broken = await verifyAuditChain(t.db.kysely, 'sha256');
    expect(broken).toMatchObject({ ok: false, firstBrokenId: victim.id, checked: 2 });
    const api = await admin.get('/api/v1/audit/verify');
    expect(api.json<{ ok: boolean; firstBrokenId: number }>()).toMatchObject({
      ok: false,
      firstBrokenId: victim.id,
    });
  });
});
