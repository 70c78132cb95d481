import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

// A ledger or enterprise list consults two shared answers (the districts of the caller's
// territory and the list's counts), each valid until the next committed change. The newest
// change is read once per request for both (a round trip on PostgreSQL), and a change committed
// between two requests is still seen by the second.

type HazardList = {
  items: { title: string }[];
  total: number;
  countsByStatus: Record<string, number>;
};

describe('one read of the newest change per list request', () => {
  let t: TestContext;
  let city: TestClient;
  let safety: TestClient;
  let reads = 0;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'cityv', role: 'city', orgUnitId: t.org.city });
    await t.createUser({
      username: 'safetyv',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    city = await t.login('cityv');
    safety = await t.login('safetyv');
    const audit = t.app.audit;
    const latestChange = audit.latestChange.bind(audit);
    audit.latestChange = (db) => {
      reads++;
      return latestChange(db);
    };
  });
  afterAll(async () => t.close());

  const ledger = async () => {
    const res = await city.get('/api/v1/hazards?pageSize=20');
    expect(res.statusCode).toBe(200);
    return res.json<HazardList>();
  };

  it('reads it once for the ledger and once for the enterprise list, and sees a change made between requests', async () => {
    reads = 0;
    const before = await ledger();
    expect(reads).toBe(1);

    reads = 0;
    const enterprises = await city.get('/api/v1/enterprises?pageSize=20&q=化工');
    expect(enterprises.statusCode).toBe(200);
    expect(reads).toBe(1);

    const created = await safety.post('/api/v1/hazards', {
      enterpriseId: t.enterprises.hazchemA,
      level: 'general',
      title: '版本测试隐患',
      description: '同一请求只读一次最新变更',
      place: '现场',
      origin: 'self_check',
      foundAt: '2023-06-10',
      foundBy: '安全员',
      noCatalogReason: '测试不引用条款',
      treatment: 'immediate',
    });
    expect(created.statusCode).toBe(201);

    reads = 0;
    const after = await ledger();
    expect(reads).toBe(1);
    expect(after.total).toBe(before.total + 1);
    const countsBefore = Object.values(before.countsByStatus).reduce((a, b) => a + b, 0);
    const countsAfter = Object.values(after.countsByStatus).reduce((a, b) => a + b, 0);
    expect(countsAfter).toBe(countsBefore + 1);
    expect(after.items.map((h) => h.title)).toContain('版本测试隐患');
  });
});
