import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HazardAction } from '@hazard-ledger/domain';
import { createTestContext, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';
import { pngWithLocation } from './test-files.js';

// hazard_counts (issue 11) is kept by database triggers: after hazards are recorded and moved
// through the closed loop over the API, and after writes that bypass the app, it must equal
// grouping the hazards themselves, and the ledger and dashboard counts read from it must equal
// the real ones. Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

type Detail = { id: number; version: number; status: string };
type Group = { district_id: number; sector: string; status: string; level: string; n: number };

describe('hazard counts kept by triggers', () => {
  let t: TestContext;
  let safety: TestClient;
  let leader: TestClient;
  let miner: TestClient;
  let minerLeader: TestClient;
  let cityUser: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    const spec = (username: string, role: 'ent_safety' | 'ent_leader', enterpriseId: number) =>
      t.createUser({ username, role, orgUnitId: t.org.districtA, enterpriseId });
    await spec('safety', 'ent_safety', t.enterprises.hazchemA);
    await spec('leader', 'ent_leader', t.enterprises.hazchemA);
    await spec('miner', 'ent_safety', t.enterprises.miningA);
    await spec('minerlead', 'ent_leader', t.enterprises.miningA);
    await t.createUser({ username: 'cityu', role: 'city', orgUnitId: t.org.city });
    safety = await t.login('safety');
    leader = await t.login('leader');
    miner = await t.login('miner');
    minerLeader = await t.login('minerlead');
    cityUser = await t.login('cityu');
  });
  afterAll(async () => t.close());

  const newHazard = (enterpriseId: number, level: string, title: string) => ({
    enterpriseId,
    level,
    title,
    description: '计数测试',
    place: '现场',
    origin: 'self_check',
    foundAt: '2023-06-10',
    foundBy: '安全员',
    noCatalogReason: '测试不引用条款',
    treatment: level === 'general' ? 'immediate' : 'deadline',
  });
  const create = async (c: TestClient, enterpriseId: number, level: string, title: string) => {
    const res = await c.post('/api/v1/hazards', newHazard(enterpriseId, level, title));
    expect(res.statusCode).toBe(201);
    return res.json<Detail>();
  };
  const act = async (
    c: TestClient,
    h: Detail,
    action: HazardAction,
    payload: Record<string, unknown> = {},
  ) => {
    const res = await c.request({
      method: 'POST',
      url: `/api/v1/hazards/${h.id}/actions/${action}`,
      payload: { version: h.version, payload },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Detail>();
  };
  /** Fixed on the spot, with an "after" photo, and submitted: rectified. */
  const fixAndSubmit = async (c: TestClient, h: Detail) => {
    const fixed = await act(c, h, 'fix_on_spot', { description: '已整改' });
    const { payload, headers } = multipartFile('a.png', pngWithLocation(), 'image/png');
    const photo = await c.request({
      method: 'POST',
      url: `/api/v1/hazards/${h.id}/files?kind=after`,
      payload,
      headers,
    });
    expect(photo.statusCode).toBe(201);
    const current = (await c.get(`/api/v1/hazards/${fixed.id}`)).json<Detail>();
    return act(c, current, 'submit_fix', {
      description: '已整改',
      attachmentIds: [photo.json<{ id: number }>().id],
    });
  };

  const sorted = (rows: Group[]) =>
    rows
      .map((r) => ({ ...r, district_id: Number(r.district_id), n: Number(r.n) }))
      .sort((a, b) =>
        `${a.district_id}|${a.sector}|${a.status}|${a.level}`.localeCompare(
          `${b.district_id}|${b.sector}|${b.status}|${b.level}`,
        ),
      );
  const kept = async () =>
    sorted(
      await t.db.kysely
        .selectFrom('hazard_counts')
        .select(['district_id', 'sector', 'status', 'level'])
        .select(sql<number>`sum(total)`.as('n'))
        .groupBy(['district_id', 'sector', 'status', 'level'])
        .having(sql`sum(total)`, '>', 0)
        .execute(),
    );
  const real = async () =>
    sorted(
      await t.db.kysely
        .selectFrom('hazards')
        .select(['district_id', 'sector', 'status', 'level'])
        .select(sql<number>`count(*)`.as('n'))
        .groupBy(['district_id', 'sector', 'status', 'level'])
        .execute(),
    );

  it('follows hazards recorded and moved through the closed loop over the API', async () => {
    expect(await kept()).toEqual(await real());
    const general = await create(safety, t.enterprises.hazchemA, 'general', '一般隐患一');
    const major = await create(safety, t.enterprises.hazchemA, 'major', '重大隐患一');
    const mining = await create(miner, t.enterprises.miningA, 'general', '矿山隐患一');
    await create(miner, t.enterprises.miningA, 'general', '矿山隐患二');
    expect(await kept()).toEqual(await real());
    const reportedHazchem = (await kept()).filter(
      (g) => g.status === 'reported' && g.sector === 'hazchem',
    );
    expect(reportedHazchem.map((g) => [g.level, g.n])).toEqual([
      ['general', 1],
      ['major', 1],
    ]);

    // reported → fixed_on_spot → rectified, rejected back to rectifying, then resubmitted,
    // accepted and verified by the enterprise leader.
    let h = await fixAndSubmit(safety, general);
    expect(h.status).toBe('rectified');
    expect(await kept()).toEqual(await real());
    h = await act(leader, h, 'reject_fix', { reason: '未彻底整改' });
    expect(h.status).toBe('rectifying');
    expect(await kept()).toEqual(await real());
    let m = await fixAndSubmit(miner, mining);
    m = await act(minerLeader, m, 'accept_fix');
    m = await act(minerLeader, m, 'verify', { comment: '验收合格' });
    expect(m.status).toBe('verified');
    expect(await kept()).toEqual(await real());
    // The major hazard stays reported: its group keeps counting it.
    expect((await kept()).some((g) => g.level === 'major' && g.status === 'reported')).toBe(true);
    expect(major.status).toBe('reported');
  });

  it('follows writes that bypass the app: a changed level, sector or district, a deletion', async () => {
    const h = await create(safety, t.enterprises.hazchemA, 'general', '改级测试');
    await t.db.kysely
      .updateTable('hazards')
      .set({ level: 'major' })
      .where('id', '=', h.id)
      .execute();
    expect(await kept()).toEqual(await real());
    await t.db.kysely
      .updateTable('hazards')
      .set({ sector: 'mining', district_id: t.org.districtB })
      .where('id', '=', h.id)
      .execute();
    expect(await kept()).toEqual(await real());
    // A write that changes none of the counted columns leaves the counts alone.
    await t.db.kysely
      .updateTable('hazards')
      .set({ title: '改名' })
      .where('id', '=', h.id)
      .execute();
    expect(await kept()).toEqual(await real());
    const row = await t.db.kysely
      .selectFrom('hazards')
      .selectAll()
      .where('id', '=', h.id)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = row;
    const inserted = await t.db.kysely
      .insertInto('hazards')
      .values({ ...copy, number: `${copy.number}-副本` })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await kept()).toEqual(await real());
    await t.db.kysely.deleteFrom('hazards').where('id', '=', inserted.id).execute();
    expect(await kept()).toEqual(await real());
  });

  it('gives the ledger and the dashboard the real counts', async () => {
    type List = { total: number; countsByStatus: Record<string, number> };
    const realByStatus = async (where: {
      sector?: string;
      level?: string;
      districtId?: number;
    }) => {
      let q = t.db.kysely
        .selectFrom('hazards')
        .select(['status', sql<number>`count(*)`.as('n')])
        .groupBy('status');
      if (where.sector) q = q.where('sector', '=', where.sector);
      if (where.level) q = q.where('level', '=', where.level);
      if (where.districtId) q = q.where('district_id', '=', where.districtId);
      return Object.fromEntries((await q.execute()).map((r) => [r.status, Number(r.n)]));
    };
    for (const [query, where] of [
      ['', {}],
      ['&sector=hazchem', { sector: 'hazchem' }],
      ['&level=general', { level: 'general' }],
      ['&sector=mining&level=major&status=reported', { sector: 'mining', level: 'major' }],
      [`&districtId=${t.org.districtA}`, { districtId: t.org.districtA }],
    ] as const) {
      const list = (await cityUser.get(`/api/v1/hazards?pageSize=5${query}`)).json<List>();
      expect(list.countsByStatus, query).toEqual(await realByStatus(where));
    }
    // Filters outside the kept columns still count the hazards themselves.
    const origin = (await cityUser.get('/api/v1/hazards?origin=self_check')).json<List>();
    expect(origin.countsByStatus).toEqual(await realByStatus({}));
    const none = (await cityUser.get('/api/v1/hazards?origin=enforcement')).json<List>();
    expect(none.countsByStatus).toEqual({});

    const dashboard = (await cityUser.get('/api/v1/dashboard')).json<{
      hazardsBySector: { sector: string; status: string; count: number }[];
    }>();
    const bySector = await t.db.kysely
      .selectFrom('hazards')
      .select(['sector', 'status', sql<number>`count(*)`.as('n')])
      .groupBy(['sector', 'status'])
      .execute();
    expect(
      dashboard.hazardsBySector.map((r) => `${r.sector}|${r.status}|${r.count}`).sort(),
    ).toEqual(bySector.map((r) => `${r.sector}|${r.status}|${Number(r.n)}`).sort());
  });

  it("shares a territory's counts until the next committed change", async () => {
    type List = { total: number; countsByStatus: Record<string, number> };
    const supervisedCounts = async (extra = '') =>
      (await cityUser.get(`/api/v1/hazards?supervised=false&pageSize=5${extra}`)).json<List>();
    const realSupervised = async () =>
      Object.fromEntries(
        (
          await t.db.kysely
            .selectFrom('hazards')
            .select(['status', sql<number>`count(*)`.as('n')])
            .where('supervision_level', 'is', null)
            .groupBy('status')
            .execute()
        ).map((r) => [r.status, Number(r.n)]),
      );
    const first = await supervisedCounts();
    expect(first.countsByStatus).toEqual(await realSupervised());

    // A write that bypasses the app (no audit row, so no committed change as far as the app
    // knows) is not seen by the shared counts, on another page, sort or status tab either...
    const h = await create(safety, t.enterprises.hazchemA, 'general', '缓存计数测试');
    const counted = await supervisedCounts();
    await t.db.kysely
      .updateTable('hazards')
      .set({ supervision_level: 'district' })
      .where('id', '=', h.id)
      .execute();
    expect(await realSupervised()).not.toEqual(counted.countsByStatus);
    for (const extra of ['', '&page=2', '&sort=deadline&order=asc', '&status=reported']) {
      expect((await supervisedCounts(extra)).countsByStatus, extra).toEqual(counted.countsByStatus);
    }
    // ...but the next change through the app is, and the counts are the real ones again.
    await create(safety, t.enterprises.hazchemA, 'general', '缓存计数测试二');
    expect((await supervisedCounts()).countsByStatus).toEqual(await realSupervised());
    // Filters the kept counts table answers are shared the same way.
    const listed = (await cityUser.get('/api/v1/hazards?sector=hazchem')).json<List>();
    await t.db.kysely
      .updateTable('hazards')
      .set({ status: 'rectifying' })
      .where('title', '=', '缓存计数测试二')
      .execute();
    const shared = (await cityUser.get('/api/v1/hazards?sector=hazchem')).json<List>();
    expect(shared.countsByStatus).toEqual(listed.countsByStatus);
    await create(safety, t.enterprises.hazchemA, 'general', '缓存计数测试三');
    const after = (await cityUser.get('/api/v1/hazards?sector=hazchem')).json<List>();
    expect(after.countsByStatus).not.toEqual(listed.countsByStatus);
    expect(after.countsByStatus.rectifying).toBe((listed.countsByStatus.rectifying ?? 0) + 1);
  });
});
