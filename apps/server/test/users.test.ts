import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';

type UserView = {
  id: number;
  username: string;
  version: number;
  status: string;
  sectors: string[] | null;
  orgUnitId: number;
};

describe('user administration', () => {
  let t: TestContext;
  let admin: TestClient;
  let adminB: TestClient;
  let office: TestClient;
  let userInB: number;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin_a', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'office_a',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem'],
    });
    userInB = await t.createUser({
      username: 'pub_b',
      role: 'publicity',
      orgUnitId: t.org.officeWeihuaB,
    });
    admin = await t.login('admin_a');
    adminB = await t.login('admin_b');
    office = await t.login('office_a');
  });
  afterAll(async () => t.close());

  const newInspector = (username: string) => ({
    username,
    password: 'Strong-Pass-2023',
    displayName: '新执法员',
    role: 'inspector',
    orgUnitId: t.org.brigadeA,
    sectors: ['hazchem', 'mining'],
    enterpriseId: null,
    phone: '13800000000',
    certificateNo: '1506022300X',
  });

  it('401 without a session, 403 without the permission', async () => {
    expect((await t.anonymous.get('/api/v1/users')).statusCode).toBe(401);
    expect((await office.get('/api/v1/users')).statusCode).toBe(403);
    expect((await office.post('/api/v1/users', newInspector('x_office'))).statusCode).toBe(403);
  });

  it('creates a user with its audit row and lets them sign in', async () => {
    const res = await admin.post('/api/v1/users', newInspector('zf_new'));
    expect(res.statusCode).toBe(201);
    const user = res.json<UserView>();
    expect(user).toMatchObject({
      username: 'zf_new',
      status: 'active',
      sectors: ['hazchem', 'mining'],
      version: 1,
    });
    const audit = await lastAudit(t.db);
    expect(audit).toMatchObject({
      action: 'user.created',
      entity_type: 'user',
      entity_id: String(user.id),
    });
    expect(audit.changes).not.toContain('argon2');
    expect(audit.changes).toContain('[redacted]');
    await t.login('zf_new', 'Strong-Pass-2023');
  });

  it('400 with field errors for bad input: weak password, missing sectors, unknown fields, taken name', async () => {
    const weak = await admin.post('/api/v1/users', { ...newInspector('zf_weak'), password: 'abc' });
    expect(weak.statusCode).toBe(400);
    expect(
      weak.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path),
    ).toContain('password');
    const noSectors = await admin.post('/api/v1/users', {
      ...newInspector('zf_nosec'),
      sectors: null,
    });
    expect(
      noSectors.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields[0],
    ).toMatchObject({
      path: 'sectors',
      message: '科室和执法人员必须指定负责的行业领域',
    });
    const extra = await admin.post('/api/v1/users', { ...newInspector('zf_extra'), isRoot: true });
    expect(extra.statusCode).toBe(400);
    const taken = await admin.post('/api/v1/users', newInspector('office_a'));
    expect(taken.statusCode).toBe(400);
    expect(taken.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe(
      'username',
    );
    const entNoBinding = await admin.post('/api/v1/users', {
      ...newInspector('ent_x'),
      role: 'ent_leader',
      sectors: null,
    });
    expect(
      entNoBinding.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path,
    ).toBe('enterpriseId');
  });

  it('refuses to place a user outside the territory, or bind a foreign enterprise', async () => {
    const foreignUnit = await admin.post('/api/v1/users', {
      ...newInspector('zf_far'),
      orgUnitId: t.org.officeWeihuaB,
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(
      foreignUnit.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path,
    ).toBe('orgUnitId');
    const foreignEnt = await admin.post('/api/v1/users', {
      ...newInspector('ent_far'),
      role: 'ent_safety',
      sectors: null,
      enterpriseId: t.enterprises.hazchemB,
    });
    expect(foreignEnt.statusCode).toBe(400);
  });

  it('binds an enterprise user to the enterprise and its district', async () => {
    const res = await admin.post('/api/v1/users', {
      ...newInspector('ent_ok'),
      role: 'ent_safety',
      sectors: ['hazchem'],
      enterpriseId: t.enterprises.hazchemA,
      orgUnitId: t.org.officeJichuA,
    });
    expect(res.statusCode).toBe(201);
    const u = res.json<UserView & { enterpriseName: string }>();
    expect(u.orgUnitId).toBe(t.org.districtA);
    expect(u.sectors).toBeNull();
    expect(u.enterpriseName).toBe('甲区化工企业');
  });

  it('a user of another district reads as 404 and is absent from the list', async () => {
    expect((await admin.get(`/api/v1/users/${userInB}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/v1/users/${userInB}`, { displayName: 'x' })).statusCode).toBe(
      400,
    );
    expect((await admin.post(`/api/v1/users/${userInB}/disable`)).statusCode).toBe(404);
    const list = await admin.get('/api/v1/users?pageSize=200');
    const names = list.json<{ items: UserView[] }>().items.map((u) => u.username);
    expect(names).toContain('office_a');
    expect(names).not.toContain('pub_b');
    expect(names).not.toContain('admin_b');
    expect((await adminB.get(`/api/v1/users/${userInB}`)).statusCode).toBe(200);
  });

  it('paginates, searches and sorts', async () => {
    const page = await admin.get('/api/v1/users?page=1&pageSize=2&sort=username&order=desc');
    const body = page.json<{ items: UserView[]; total: number; page: number; pageSize: number }>();
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items[0]!.username > body.items[1]!.username).toBe(true);
    const search = await admin.get('/api/v1/users?q=OFFICE');
    expect(search.json<{ items: UserView[] }>().items.map((u) => u.username)).toEqual(['office_a']);
    expect((await admin.get('/api/v1/users?pageSize=500')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/users?sort=password_hash')).statusCode).toBe(400);
  });

  it('edits with optimistic locking: a stale version gets 409', async () => {
    const created = (await admin.post('/api/v1/users', newInspector('zf_edit'))).json<UserView>();
    const edit = {
      displayName: '改名',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem'],
      enterpriseId: null,
      phone: null,
      certificateNo: null,
      version: created.version,
    };
    const ok = await admin.patch(`/api/v1/users/${created.id}`, edit);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<UserView>().version).toBe(2);
    const audit = await lastAudit(t.db);
    expect(audit.action).toBe('user.updated');
    expect(JSON.parse(audit.changes!)).toMatchObject({ display_name: ['新执法员', '改名'] });
    const stale = await admin.patch(`/api/v1/users/${created.id}`, {
      ...edit,
      displayName: '再改',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('STALE_VERSION');
  });

  it('disables (ending sessions), re-enables, unlocks and resets passwords', async () => {
    const created = (await admin.post('/api/v1/users', newInspector('zf_dis'))).json<UserView>();
    const session = await t.login('zf_dis', 'Strong-Pass-2023');
    const disabled = await admin.post(`/api/v1/users/${created.id}/disable`);
    expect(disabled.json<UserView>().status).toBe('disabled');
    expect((await lastAudit(t.db)).action).toBe('user.disabled');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await t.anonymous.post('/api/v1/auth/login', {
      username: 'zf_dis',
      password: 'Strong-Pass-2023',
    });
    expect(refused.statusCode).toBe(403);
    expect((await admin.post(`/api/v1/users/${created.id}/enable`)).json<UserView>().status).toBe(
      'active',
    );

    for (let i = 0; i < 5; i++)
      await t.anonymous.post('/api/v1/auth/login', {
        username: 'zf_dis',
        password: 'bad-Password-1',
      });
    expect(
      (
        await t.anonymous.post('/api/v1/auth/login', {
          username: 'zf_dis',
          password: 'Strong-Pass-2023',
        })
      ).statusCode,
    ).toBe(423);
    expect((await admin.post(`/api/v1/users/${created.id}/unlock`)).statusCode).toBe(200);
    expect((await lastAudit(t.db)).action).toBe('user.unlocked');
    await t.login('zf_dis', 'Strong-Pass-2023');

    expect(
      (await admin.post(`/api/v1/users/${created.id}/reset-password`, { password: 'weak' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/v1/users/${created.id}/reset-password`, {
          password: 'Reset-Pass-2024',
        })
      ).statusCode,
    ).toBe(204);
    expect((await lastAudit(t.db)).action).toBe('user.password_reset');
    await t.login('zf_dis', 'Reset-Pass-2024');
    expect(
      (await admin.post(`/api/v1/users/${created.id}/reset-password`, { password: TEST_PASSWORD }))
        .statusCode,
    ).toBe(204);
  });

  it('an admin cannot disable themself', async () => {
    const res = await admin.post(`/api/v1/users/${admin.userId}/disable`);
    expect(res.statusCode).toBe(400);
  });
});
