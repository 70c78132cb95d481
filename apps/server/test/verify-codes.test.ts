import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicVerification } from '@hazard-ledger/domain';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from './harness.js';

// The verification code / QR printed on every enforcement document leads to one public check:
// inspection records, rectification orders and penalty decisions, run over the demo's documents.
describe('public verification of enforcement documents', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config);
  });
  afterAll(() => t.close());

  const check = (code: string) => t.anonymous.get(`/api/v1/verify/${code}`);

  it('checks a signed inspection record by its code, without a session', async () => {
    const row = await t.db.kysely
      .selectFrom('inspection_records')
      .select(['content_hash', 'record_no'])
      .where('status', '=', 'signed')
      .executeTakeFirstOrThrow();
    const res = await check(row.content_hash!);
    expect(res.statusCode).toBe(200);
    const v = res.json<PublicVerification>();
    expect(v).toMatchObject({ kind: 'inspection_record', recordNo: row.record_no, valid: true });
    expect(v.signers.length).toBeGreaterThanOrEqual(2);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('checks a rectification order by its code', async () => {
    const order = await t.db.kysely
      .selectFrom('enforcement_orders')
      .select(['verification_code', 'order_no'])
      .executeTakeFirstOrThrow();
    const v = (await check(order.verification_code)).json<PublicVerification>();
    expect(v).toMatchObject({ kind: 'order', recordNo: order.order_no, valid: true });
    expect(v.signers.every((s) => s.certificateNo.length > 0 && s.signedAt === null)).toBe(true);
  });

  it('checks a penalty decision by its code and names the party', async () => {
    const decision = await t.db.kysely
      .selectFrom('penalty_case_parties')
      .select(['decision_hash', 'decision_no', 'name'])
      .where('decision_hash', 'is not', null)
      .executeTakeFirstOrThrow();
    const v = (await check(decision.decision_hash!)).json<PublicVerification>();
    expect(v).toMatchObject({
      kind: 'penalty_decision',
      recordNo: decision.decision_no,
      partyName: decision.name,
      valid: true,
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await check('0'.repeat(64))).statusCode).toBe(404);
    expect((await check('not-a-code')).statusCode).toBe(400);
  });
});
