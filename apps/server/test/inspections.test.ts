import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  type InspectionFormContext,
  type InspectionRecordDetail,
  type InspectionRecordListItem,
  NO_PENALTY_RULE,
  type PublicVerification,
  type RecordVerification,
} from '@hazard-ledger/domain';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { checkAllSignatures, verifyAllSignatures } from '../src/modules/inspections/verify-cli.js';
import { decryptPrivateKey, useSigningSecret } from '../src/modules/inspections/signing-keys.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';

type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};
type Page<T> = { items: T[]; total: number };

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('inspection records', () => {
  let t: TestContext;
  let zf1: TestClient;
  let zf2: TestClient;
  let zf3: TestClient;
  let zfB: TestClient;
  let leader: TestClient;
  let safety: TestClient;
  let leaderB: TestClient;
  let ids: Record<'zf1' | 'zf2' | 'zf3' | 'zfB' | 'leader' | 'safety' | 'leaderB', number>;
  let context: InspectionFormContext;
  let codes: string[];
  const today = todayInChina();
  const startedAt = `${today}T09:00:00+08:00`;
  const endedAt = `${today}T11:30:00+08:00`;
  const base = '/api/v1/inspections';

  /** A ledger hazard inserted directly (the fixture of the duplicate and no-penalty rules). */
  async function insertHazard(over: {
    code: string | null;
    level: 'major' | 'general';
    origin: string;
    status: string;
    reported?: string | null;
    planApproved?: string | null;
    deadline?: string | null;
  }): Promise<number> {
    const at = nowIso();
    const n = await t.db.kysely
      .selectFrom('hazards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const { id } = await t.db.kysely
      .insertInto('hazards')
      .values({
        number: `FX-${Number(n.n) + 1}`,
        district_id: t.org.districtA,
        enterprise_id: t.enterprises.hazchemA,
        sector: 'hazchem',
        catalog_id: over.code ? 'HG-2017' : null,
        catalog_version: over.code ? 1 : null,
        catalog_item_code: over.code,
        no_catalog_reason: over.code ? null : '无',
        level: over.level,
        title: `既有隐患${over.code ?? ''}`,
        description: '企业自查发现',
        place: null,
        cause_analysis: null,
        category: null,
        origin: over.origin,
        found_at: addDays(today, -20),
        found_by: '刘安',
        treatment: 'deadline',
        status: over.status,
        plan_responsible: null,
        plan_measures: null,
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: over.deadline ?? null,
        plan_emergency: null,
        plan_approved_at: over.planApproved ?? null,
        reported_to_bureau_at: over.reported ?? null,
        fix_description: null,
        fixed_by_user_id: null,
        fixed_at: null,
        leader_accepted_at: null,
        verified_at: null,
        verified_by_user_id: null,
        supervision_level: null,
        supervised_at: null,
        extension_deadline: null,
        extension_reason: null,
        created_by_user_id: ids.safety,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(id);
  }

  const draft = (over: Record<string, unknown> = {}) => ({
    enterpriseId: t.enterprises.hazchemA,
    inspectorUserIds: [ids.zf1, ids.zf2],
    startedAt,
    endedAt,
    place: '甲区化工企业罐区',
    enterprisePresent: '刘安',
    checklist: [
      { catalogItemCode: codes[0], result: 'problem', note: '未设置紧急切断' },
      { catalogItemCode: codes[1], result: 'compliant', note: null },
      { catalogItemCode: codes[2], result: 'problem', note: null },
    ],
    findings: [
      {
        title: '液化烃储罐未设置紧急切断装置',
        description: '2号罐区液化烃储罐未按规定设置紧急切断装置',
        level: 'major',
        catalogItemCode: codes[0],
      },
      {
        title: '自查发现的隐患仍在整改',
        description: '企业已报告的重大事故隐患正在整改',
        level: 'major',
        catalogItemCode: codes[2],
        penaltyDecision: 'exempt',
      },
      {
        title: '安全警示标志缺失',
        description: '罐区入口未设置安全警示标志',
        level: 'general',
        treatment: 'immediate',
      },
    ],
    ...over,
  });

  const create = async (c: TestClient, body: object) => {
    const res = await c.post(base, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<InspectionRecordDetail>();
  };
  const submit = (c: TestClient, r: { id: number; version: number }) =>
    c.post(`${base}/${r.id}/submit`, { version: r.version });
  const sign = (c: TestClient, r: { id: number; contentHash: string | null }) =>
    c.post(`${base}/${r.id}/sign`, { contentHash: r.contentHash });
  const verify = async (id: number) => {
    const res = await zf1.get(`${base}/${id}/verify`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<RecordVerification>();
  };

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    const staff = (username: string, orgUnitId: number, displayName: string) =>
      t.createUser({
        username,
        role: 'inspector',
        orgUnitId,
        sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
        displayName,
      });
    ids = {
      zf1: await staff('zf1', t.org.brigadeA, '耿建'),
      zf2: await staff('zf2', t.org.brigadeA, '阮飞'),
      zf3: await staff('zf3', t.org.brigadeA, '无证'),
      zfB: await staff('zfb', t.org.districtB, '乙区执法'),
      leader: await t.createUser({
        username: 'leader',
        role: 'ent_leader',
        orgUnitId: t.org.districtA,
        enterpriseId: t.enterprises.hazchemA,
        displayName: '张恒',
      }),
      safety: await t.createUser({
        username: 'safety',
        role: 'ent_safety',
        orgUnitId: t.org.districtA,
        enterpriseId: t.enterprises.hazchemA,
        displayName: '刘安',
      }),
      leaderB: await t.createUser({
        username: 'leader_b',
        role: 'ent_leader',
        orgUnitId: t.org.districtB,
        enterpriseId: t.enterprises.hazchemB,
      }),
    };
    for (const [id, no] of [
      [ids.zf1, '15060223001'],
      [ids.zf2, '15060223002'],
      [ids.zfB, '15060299001'],
    ] as const) {
      await t.db.kysely
        .updateTable('users')
        .set({ certificate_no: no })
        .where('id', '=', id)
        .execute();
    }
    zf1 = await t.login('zf1');
    zf2 = await t.login('zf2');
    zf3 = await t.login('zf3');
    zfB = await t.login('zfb');
    leader = await t.login('leader');
    safety = await t.login('safety');
    leaderB = await t.login('leader_b');
    const res = await zf1.get(`${base}/form-context?enterpriseId=${t.enterprises.hazchemA}`);
    expect(res.statusCode, res.body).toBe(200);
    context = res.json<InspectionFormContext>();
    codes = context.checklist.slice(0, 4).map((i) => i.code);
  });
  afterAll(async () => t.close());

  it('gives the form the checklist, the inspector and the certified colleagues', () => {
    expect(context.checklist.length).toBeGreaterThan(4);
    expect(context.checklist.every((i) => i.code.startsWith('HG-'))).toBe(true);
    expect(context.me).toMatchObject({ userId: ids.zf1, certificateNo: '15060223001' });
    const names = context.colleagues.map((c) => c.name);
    expect(names).toContain('阮飞');
    // No certificate, or another district: not offered.
    expect(names).not.toContain('无证');
    expect(names).not.toContain('乙区执法');
    expect(context.noPenaltyRule).toBe(NO_PENALTY_RULE.zh);
  });

  it('refuses bad drafts with field errors, anonymous callers and foreign enterprises', async () => {
    const one = await zf1.post(base, draft({ inspectorUserIds: [ids.zf1] }));
    expect(one.statusCode).toBe(400);
    expect(one.json<ErrorBody>().error.fields[0]).toEqual({
      path: 'inspectorUserIds',
      message: '现场检查须有两名以上执法人员',
    });
    const uncertified = await zf1.post(base, draft({ inspectorUserIds: [ids.zf1, ids.zf3] }));
    expect(uncertified.statusCode).toBe(400);
    expect(uncertified.json<ErrorBody>().error.fields).toEqual([
      { path: 'inspectorUserIds.1', message: '执法人员须有执法证号' },
    ]);
    const enterpriseUser = await zf1.post(base, draft({ inspectorUserIds: [ids.zf1, ids.leader] }));
    expect(enterpriseUser.json<ErrorBody>().error.fields[0]?.path).toBe('inspectorUserIds.1');
    const item = await zf1.post(
      base,
      draft({
        checklist: [{ catalogItemCode: 'FMKS-2022-01', result: 'compliant', note: null }],
        findings: [],
      }),
    );
    expect(item.statusCode).toBe(400);
    expect(item.json<ErrorBody>().error.fields[0]?.path).toBe('checklist.0.catalogItemCode');
    expect((await t.anonymous.post(base, draft())).statusCode).toBe(401);
    expect((await leader.post(base, draft())).statusCode).toBe(403);
    expect((await zf1.post(base, draft({ enterpriseId: t.enterprises.hazchemB }))).statusCode).toBe(
      404,
    );
  });

  describe('a record from draft to signed', () => {
    let record: InspectionRecordDetail;
    let selfHazard: number;
    let generalHazard: number;

    beforeAll(async () => {
      // The enterprise found and reported this one and is fixing it within its deadline.
      selfHazard = await insertHazard({
        code: codes[2]!,
        level: 'major',
        origin: 'self_check',
        status: 'rectifying',
        reported: `${addDays(today, -15)}T02:00:00.000Z`,
        planApproved: `${addDays(today, -14)}T02:00:00.000Z`,
        deadline: addDays(today, 30),
      });
      // A general hazard of the same item as the first finding: linked and raised to major.
      generalHazard = await insertHazard({
        code: codes[0]!,
        level: 'general',
        origin: 'enforcement',
        status: 'reported',
      });
    });

    it('creates a numbered draft with the inspectors from their accounts', async () => {
      record = await create(zf1, draft());
      expect(record.status).toBe('draft');
      expect(record.recordNo).toBe(`甲应急检〔${today.slice(0, 4)}〕0001号`);
      expect(record.inspectors).toEqual([
        { userId: ids.zf1, name: '耿建', certificateNo: '15060223001', signedAt: null },
        { userId: ids.zf2, name: '阮飞', certificateNo: '15060223002', signedAt: null },
      ]);
      expect(record.availableActions).toEqual(['edit', 'submit_for_signing']);
      // The duplicate rule links both catalog findings to the open hazards of their items.
      expect(record.findings.map((f) => f.linkedHazardId)).toEqual([
        generalHazard,
        selfHazard,
        null,
      ]);
      expect(record.findings[1]?.noPenalty?.applies).toBe(true);
      expect(record.findings[1]?.decisionRequired).toBe(true);
      expect(record.noPenaltyRule).toBe(NO_PENALTY_RULE.zh);
      const audit = await lastAudit(t.db);
      expect(audit.action).toBe('inspection_record.created');
      expect(audit.entity_id).toBe(String(record.id));
    });

    it('edits a draft at its version only, and hides it from the enterprise', async () => {
      const body = { ...draft({ place: '甲区化工企业罐区及装卸台' }), version: record.version };
      const res = await zf2.request({ method: 'PUT', url: `${base}/${record.id}`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      const stale = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: body,
      });
      expect(stale.statusCode).toBe(409);
      record = res.json<InspectionRecordDetail>();
      expect(record.place).toBe('甲区化工企业罐区及装卸台');
      expect((await leader.get(`${base}/${record.id}`)).statusCode).toBe(404);
      const list = (await leader.get(base)).json<Page<InspectionRecordListItem>>();
      expect(list.items.map((i) => i.id)).not.toContain(record.id);
    });

    it('records the penalty decision against the no-penalty rule', async () => {
      const withoutDecision = draft();
      (withoutDecision.findings as Record<string, unknown>[])[1]!.penaltyDecision = null;
      const put = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: { ...withoutDecision, version: record.version },
      });
      expect(put.statusCode).toBe(200);
      const undecided = put.json<InspectionRecordDetail>();
      const res = await submit(zf1, undecided);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.fields).toEqual([
        {
          path: 'findings.1.penaltyDecision',
          message: '该问题涉及企业自查发现的重大事故隐患，须记录是否予以行政处罚的决定',
        },
      ]);
      const proposing = draft();
      (proposing.findings as Record<string, unknown>[])[1]!.penaltyDecision = 'propose_case';
      const refused = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: { ...proposing, version: undecided.version },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<ErrorBody>().error.fields[0]?.path).toBe('findings.1.penaltyDecision');
      const back = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: { ...draft({ place: '甲区化工企业罐区及装卸台' }), version: undecided.version },
      });
      expect(back.statusCode, back.body).toBe(200);
      record = back.json<InspectionRecordDetail>();
    });

    it('freezes the content with the scorecard for signing', async () => {
      const res = await submit(zf1, record);
      expect(res.statusCode, res.body).toBe(200);
      record = res.json<InspectionRecordDetail>();
      expect(record.status).toBe('signing');
      expect(record.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(record.canonicalText?.startsWith('HL-INSPECTION-V1\n')).toBe(true);
      expect(record.scorecard?.map((s) => s.duty)).toEqual([
        'organize',
        'responsibility',
        'hazardous_work',
        'outsourcing',
        'drills',
      ]);
      const put = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: { ...draft(), version: record.version },
      });
      expect(put.statusCode).toBe(409);
      expect(put.json<ErrorBody>().error.allowedActions).toEqual(['sign', 'reopen']);
    });

    it('lets only the named inspectors sign, each once', async () => {
      const stranger = await sign(zf3, record);
      expect(stranger.statusCode).toBe(409);
      expect(stranger.json<ErrorBody>().error.fields[0]?.message).toBe(
        '只有记录上的执法人员可以签名',
      );
      const wrongText = await zf1.post(`${base}/${record.id}/sign`, {
        contentHash: 'a'.repeat(64),
      });
      expect(wrongText.statusCode).toBe(409);
      expect(
        (await leader.post(`${base}/${record.id}/sign`, { contentHash: record.contentHash }))
          .statusCode,
      ).toBe(403);

      const first = await sign(zf1, record);
      expect(first.statusCode, first.body).toBe(200);
      const half = first.json<InspectionRecordDetail>();
      expect(half.status).toBe('signing');
      expect(half.inspectors[0]?.signedAt).not.toBeNull();
      expect((await sign(zf1, record)).statusCode).toBe(409);
      const mine = (await zf2.get(`${base}?awaitingMySignature=true`)).json<
        Page<InspectionRecordListItem>
      >();
      expect(mine.items.map((i) => i.id)).toEqual([record.id]);

      const second = await sign(zf2, record);
      expect(second.statusCode, second.body).toBe(200);
      record = second.json<InspectionRecordDetail>();
      expect(record.status).toBe('signed');
      expect(record.signedAt).not.toBeNull();
      expect(record.availableActions).toEqual(['correct']);
      // The key is kept encrypted for its owner.
      const key = await t.db.kysely
        .selectFrom('signing_keys')
        .selectAll()
        .where('user_id', '=', ids.zf1)
        .executeTakeFirstOrThrow();
      expect(key.private_key_encrypted).not.toContain('BEGIN');
      expect(() => decryptPrivateKey(key.private_key_encrypted, ids.zf2)).toThrow();
      expect(decryptPrivateKey(key.private_key_encrypted, ids.zf1).asymmetricKeyType).toBe(
        'ed25519',
      );
    });

    it('puts the findings in the ledger: new hazards, links instead of duplicates', async () => {
      const [f1, f2, f3] = record.findings;
      expect(f1?.hazard?.id).toBe(generalHazard);
      expect(f1?.linked).toBe(true);
      expect(f2?.hazard?.id).toBe(selfHazard);
      expect(f2?.noPenalty?.applies).toBe(true);
      expect(f2?.penaltyDecision).toBe('exempt');
      expect(f3?.linked).toBe(false);
      expect(f3?.hazard?.origin).toBe('enforcement');
      const raised = await t.db.kysely
        .selectFrom('hazards')
        .select(['level', 'version'])
        .where('id', '=', generalHazard)
        .executeTakeFirstOrThrow();
      expect(raised.level).toBe('major');
      const created = await t.db.kysely
        .selectFrom('hazards')
        .selectAll()
        .where('id', '=', f3!.hazard!.id)
        .executeTakeFirstOrThrow();
      expect(created).toMatchObject({
        origin: 'enforcement',
        level: 'general',
        treatment: 'immediate',
        found_at: today,
        found_by: '耿建、阮飞',
        status: 'reported',
      });
      const rows = await t.db.kysely
        .selectFrom('inspection_record_findings')
        .selectAll()
        .where('record_id', '=', record.id)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => [r.linked, r.penalty_decision])).toEqual([
        [1, null],
        [1, 'exempt'],
        [0, null],
      ]);
      expect(JSON.parse(rows[1]!.no_penalty!)).toMatchObject({ applies: true });
      const hazardPage = await zf1.get(`/api/v1/hazards/${generalHazard}`);
      expect(hazardPage.statusCode, hazardPage.body).toBe(200);
      expect(hazardPage.json<{ history: { action: string }[] }>().history.at(-1)?.action).toBe(
        'change_level',
      );
    });

    it('is immutable once signed', async () => {
      const put = await zf1.request({
        method: 'PUT',
        url: `${base}/${record.id}`,
        payload: { ...draft(), version: record.version },
      });
      expect(put.statusCode).toBe(409);
      expect((await submit(zf1, record)).statusCode).toBe(409);
      expect(
        (await zf1.post(`${base}/${record.id}/reopen`, { version: record.version, reason: '改错' }))
          .statusCode,
      ).toBe(409);
    });

    it('verifies every signature from the stored content', async () => {
      const result = await verify(record.id);
      expect(result.valid).toBe(true);
      expect(result.hashValid).toBe(true);
      expect(result.computedHash).toBe(record.contentHash);
      expect(result.signatures.map((s) => [s.signerName, s.valid])).toEqual([
        ['耿建', true],
        ['阮飞', true],
      ]);
      expect(result.problems).toEqual([]);
      expect((await zfB.get(`${base}/${record.id}/verify`)).statusCode).toBe(404);
    });

    it('fails verification after any change to the stored signed record', async () => {
      const db = t.db.kysely;
      const row = await db
        .selectFrom('inspection_records')
        .selectAll()
        .where('id', '=', record.id)
        .executeTakeFirstOrThrow();
      const content = JSON.parse(row.content) as Record<string, unknown> & {
        findings: { level: string }[];
        checklist: { result: string }[];
      };
      const tampers: [string, Record<string, unknown>][] = [
        ['place in content', { content: JSON.stringify({ ...content, place: '别处' }) }],
        [
          'finding level in content',
          {
            content: JSON.stringify({
              ...content,
              findings: content.findings.map((f, i) => (i === 0 ? { ...f, level: 'general' } : f)),
            }),
          },
        ],
        [
          'checklist result',
          {
            content: JSON.stringify({
              ...content,
              checklist: content.checklist.map((c, i) =>
                i === 1 ? { ...c, result: 'not_applicable', note: '无此装置' } : c,
              ),
            }),
          },
        ],
        ['verification code', { content_hash: 'f'.repeat(64) }],
        ['canonical text', { canonical_text: `${row.canonical_text!} ` }],
        [
          'scorecard',
          {
            scorecard: JSON.stringify(
              (JSON.parse(row.scorecard!) as { duty: string; status: string }[]).map((s) => ({
                duty: s.duty,
                status: s.status === 'done' ? 'missing' : 'done',
              })),
            ),
          },
        ],
        ['record number', { record_no: '甲应急检〔1999〕0001号' }],
        ['enterprise name', { enterprise_name: '别的公司' }],
        ['start time column', { started_at: '2000-01-01T00:00:00.000Z' }],
        ['place column', { place: '别处' }],
      ];
      for (const [what, set] of tampers) {
        await db.updateTable('inspection_records').set(set).where('id', '=', record.id).execute();
        const result = await verify(record.id);
        expect(result.valid, what).toBe(false);
        expect(result.problems.length, what).toBeGreaterThan(0);
        await db
          .updateTable('inspection_records')
          .set({
            content: row.content,
            content_hash: row.content_hash,
            canonical_text: row.canonical_text,
            scorecard: row.scorecard,
            record_no: row.record_no,
            enterprise_name: row.enterprise_name,
            started_at: row.started_at,
            place: row.place,
          })
          .where('id', '=', record.id)
          .execute();
        expect((await verify(record.id)).valid, `${what} restored`).toBe(true);
      }

      const signatures = await db
        .selectFrom('inspection_record_signatures')
        .selectAll()
        .where('record_id', '=', record.id)
        .orderBy('id')
        .execute();
      const sig = signatures[0]!;
      const flipped = Buffer.from(sig.signature, 'base64');
      flipped[0] = flipped[0]! ^ 1;
      const sigTampers: [string, Record<string, unknown>][] = [
        ['signature bytes', { signature: flipped.toString('base64') }],
        ['signer certificate', { certificate_no: '15060223999' }],
        ['signer name', { signer_name: '冒名' }],
        ['key of the other signer', { key_id: signatures[1]!.key_id }],
      ];
      for (const [what, set] of sigTampers) {
        await db
          .updateTable('inspection_record_signatures')
          .set(set)
          .where('id', '=', sig.id)
          .execute();
        const result = await verify(record.id);
        expect(result.valid, what).toBe(false);
        expect(result.signatures[0]?.valid, what).toBe(false);
        await db
          .updateTable('inspection_record_signatures')
          .set({
            signature: sig.signature,
            certificate_no: sig.certificate_no,
            signer_name: sig.signer_name,
            key_id: sig.key_id,
          })
          .where('id', '=', sig.id)
          .execute();
      }

      const key = await db
        .selectFrom('signing_keys')
        .selectAll()
        .where('id', '=', sig.key_id)
        .executeTakeFirstOrThrow();
      const otherKey = await db
        .selectFrom('signing_keys')
        .select('public_key')
        .where('id', '=', signatures[1]!.key_id)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('signing_keys')
        .set({ public_key: otherKey.public_key })
        .where('id', '=', key.id)
        .execute();
      expect((await verify(record.id)).valid).toBe(false);
      await db
        .updateTable('signing_keys')
        .set({ public_key: key.public_key })
        .where('id', '=', key.id)
        .execute();

      const finding = await db
        .selectFrom('inspection_record_findings')
        .selectAll()
        .where('record_id', '=', record.id)
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('inspection_record_findings')
        .set({ level: 'general' })
        .where('id', '=', finding.id)
        .execute();
      expect((await verify(record.id)).valid).toBe(false);
      const report = await checkAllSignatures(t.db);
      expect(report.failures.map((f) => f.recordId)).toEqual([record.id]);
      const lines: string[] = [];
      const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) };
      expect(await verifyAllSignatures(t.db, out)).toBe(1);
      expect(lines[0]).toContain(record.recordNo);
      await db
        .updateTable('inspection_record_findings')
        .set({ level: finding.level })
        .where('id', '=', finding.id)
        .execute();
      expect((await verify(record.id)).valid).toBe(true);
      expect(await verifyAllSignatures(t.db, out)).toBe(0);
    });

    it('shows the public only the minimal facts of a code', async () => {
      const res = await t.anonymous.get(`/api/v1/verify/${record.contentHash!.toUpperCase()}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<PublicVerification>();
      expect(body).toMatchObject({
        recordNo: record.recordNo,
        enterpriseName: '甲区化工企业',
        inspectionDate: today,
        valid: true,
        superseded: false,
      });
      expect(body.signers.map((s) => [s.name, s.certificateNo])).toEqual([
        ['耿建', '15060223001'],
        ['阮飞', '15060223002'],
      ]);
      expect(res.body).not.toContain('紧急切断');
      expect(res.body).not.toContain('canonical');
      expect((await t.anonymous.get('/api/v1/verify/xyz')).statusCode).toBe(400);
      expect((await t.anonymous.get(`/api/v1/verify/${'0'.repeat(64)}`)).statusCode).toBe(404);
    });

    it('is acknowledged by its own enterprise only, once', async () => {
      expect((await leaderB.post(`${base}/${record.id}/acknowledge`, {})).statusCode).toBe(404);
      expect((await zf1.post(`${base}/${record.id}/acknowledge`, {})).statusCode).toBe(403);
      const list = (await safety.get(base)).json<Page<InspectionRecordListItem>>();
      expect(list.items.map((i) => i.id)).toEqual([record.id]);
      const res = await safety.post(`${base}/${record.id}/acknowledge`, {});
      expect(res.statusCode, res.body).toBe(200);
      const acknowledged = res.json<InspectionRecordDetail>();
      expect(acknowledged.acknowledgedByName).toBe('刘安');
      expect(acknowledged.acknowledgedAt).not.toBeNull();
      expect((await leader.post(`${base}/${record.id}/acknowledge`, {})).statusCode).toBe(409);
      expect((await lastAudit(t.db)).action).toBe('inspection_record.acknowledged');
      // Acknowledging is not content: the signatures still hold.
      expect((await verify(record.id)).valid).toBe(true);
      record = acknowledged;
    });

    it.skipIf(!hasPdftotext)('prints the record as PDF with the verification code', async () => {
      const res = await leader.get(`${base}/${record.id}/pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-insp-')), 'r.pdf');
      fs.writeFileSync(file, res.rawPayload);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      for (const expected of [
        '现场检查记录',
        record.recordNo,
        '被检查单位',
        '甲区化工企业',
        '检查场所',
        '执法人员及证号',
        '15060223001',
        '检查情况',
        '发现的问题',
        record.findings[2]!.hazard!.number,
        '五项重点任务落实情况',
        '依法不予行政处罚',
        '已电子签名',
        '被检查单位签收：刘安',
        '验证码',
        record.contentHash!,
      ]) {
        expect(text.replace(/\s+/g, ''), expected).toContain(expected.replace(/\s+/g, ''));
      }
    });

    it('is corrected by a new signed record that supersedes it', async () => {
      const hazardsBefore = await t.db.kysely
        .selectFrom('hazards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await zf2.post(`${base}/${record.id}/correct`);
      expect(res.statusCode, res.body).toBe(201);
      let correction = res.json<InspectionRecordDetail>();
      expect(correction.status).toBe('draft');
      expect(correction.supersedesRecordId).toBe(record.id);
      expect(correction.supersedesRecordNo).toBe(record.recordNo);
      // Every finding stays linked to the hazard the original put in the ledger.
      expect(correction.findings.map((f) => f.linkedHazardId)).toEqual(
        record.findings.map((f) => f.hazard!.id),
      );
      expect((await zf2.post(`${base}/${record.id}/correct`)).statusCode).toBe(409);
      const original = (await zf1.get(`${base}/${record.id}`)).json<InspectionRecordDetail>();
      expect(original.pendingCorrectionId).toBe(correction.id);
      expect(original.availableActions).toEqual([]);

      const findings = correction.findings.map((f) => ({
        title: f.title,
        description: f.description,
        level: f.level,
        treatment: f.treatment,
        catalogItemCode: f.catalogItemCode,
        linkedHazardId: f.linkedHazardId,
        penaltyDecision: f.penaltyDecision,
        penaltyNote: f.penaltyNote,
      }));
      const put = await zf2.request({
        method: 'PUT',
        url: `${base}/${correction.id}`,
        payload: {
          ...draft({ place: '甲区化工企业2号罐区', findings }),
          version: correction.version,
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      correction = (await submit(zf2, put.json<InspectionRecordDetail>())).json();
      expect((await sign(zf1, correction)).statusCode).toBe(200);
      const done = await sign(zf2, correction);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<InspectionRecordDetail>().status).toBe('signed');

      const old = (await zf1.get(`${base}/${record.id}`)).json<InspectionRecordDetail>();
      expect(old.status).toBe('superseded');
      expect(old.supersededByRecordId).toBe(correction.id);
      const hazardsAfter = await t.db.kysely
        .selectFrom('hazards')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(hazardsAfter.n)).toBe(Number(hazardsBefore.n));
      // The superseded record still verifies, and says it was superseded.
      expect((await verify(record.id)).valid).toBe(true);
      const pub = (
        await t.anonymous.get(`/api/v1/verify/${record.contentHash!}`)
      ).json<PublicVerification>();
      expect(pub.superseded).toBe(true);
      expect(pub.supersededByRecordNo).toBe(correction.recordNo);
      expect((await zf1.post(`${base}/${record.id}/correct`)).statusCode).toBe(409);
    });

    it('keeps records of another district out of sight', async () => {
      expect((await zfB.get(`${base}/${record.id}`)).statusCode).toBe(404);
      expect((await zfB.get(`${base}/${record.id}/pdf`)).statusCode).toBe(404);
      const list = (await zfB.get(base)).json<Page<InspectionRecordListItem>>();
      expect(list.total).toBe(0);
      expect((await leaderB.get(`${base}/${record.id}`)).statusCode).toBe(404);
    });
  });

  it('discards the signatures given when a record goes back to draft', async () => {
    let r = await create(
      zf1,
      draft({
        checklist: [{ catalogItemCode: codes[1], result: 'compliant', note: null }],
        findings: [],
      }),
    );
    r = (await submit(zf1, r)).json();
    r = (await sign(zf2, r)).json();
    expect(r.inspectors[1]?.signedAt).not.toBeNull();
    const missingReason = await zf1.post(`${base}/${r.id}/reopen`, { version: r.version });
    expect(missingReason.statusCode).toBe(400);
    const res = await zf1.post(`${base}/${r.id}/reopen`, {
      version: r.version,
      reason: '检查时间有误',
    });
    expect(res.statusCode, res.body).toBe(200);
    r = res.json();
    expect(r.status).toBe('draft');
    expect(r.contentHash).toBeNull();
    expect(r.inspectors.every((i) => i.signedAt === null)).toBe(true);
    expect(r.history.at(-1)).toMatchObject({ action: 'reopen', note: '检查时间有误' });
  });

  it('files a spot check of a self-check plan: spot_check hazards, the target inspected', async () => {
    const at = nowIso();
    const { id: planId } = await t.db.kysely
      .insertInto('inspection_plans')
      .values({
        org_unit_id: t.org.districtA,
        name: '自查自改抽查',
        kind: 'self_check_spot',
        start_date: addDays(today, -1),
        end_date: addDays(today, 10),
        sectors: '["hazchem"]',
        departments: '[]',
        unannounced: 0,
        cross_area: 0,
        enterprise_count: 1,
        inspectors_per_target: 2,
        note: null,
        status: 'assigned',
        cancel_reason: null,
        completion_note: null,
        campaign_id: null,
        draw_seed: null,
        draw_algorithm: null,
        draw_input: null,
        drawn_at: null,
        drawn_by: null,
        drawn_by_name: null,
        created_by: ids.zf1,
        created_by_name: '耿建',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: targetId } = await t.db.kysely
      .insertInto('inspection_plan_targets')
      .values({
        plan_id: Number(planId),
        seq: 1,
        enterprise_id: t.enterprises.hazchemA,
        status: 'pending',
        record_id: null,
        inspected_at: null,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [seq, userId] of [ids.zf1, ids.zf2].entries()) {
      await t.db.kysely
        .insertInto('inspection_plan_target_inspectors')
        .values({ target_id: Number(targetId), user_id: userId, seq: seq + 1 })
        .execute();
    }
    // The plan page links with the target only: the enterprise is the target's.
    const ctxRes = await zf2.get(`${base}/form-context?planId=${planId}&targetId=${targetId}`);
    expect(ctxRes.json<InspectionFormContext>()).toMatchObject({
      enterprise: { id: t.enterprises.hazchemA },
      origin: 'spot_check',
      proposedInspectorIds: [ids.zf1, ids.zf2],
    });
    const body = draft({
      planId: Number(planId),
      targetId: Number(targetId),
      checklist: [{ catalogItemCode: codes[3], result: 'problem', note: null }],
      findings: [
        {
          title: '抽查发现的问题',
          description: '企业自查未发现的问题',
          level: 'major',
          catalogItemCode: codes[3],
        },
      ],
    });
    expect((await zf1.post(base, { ...body, targetId: Number(targetId) + 99 })).statusCode).toBe(
      400,
    );
    let r = await create(zf1, body);
    expect(r.origin).toBe('spot_check');
    expect((await zf1.post(base, body)).statusCode).toBe(409);
    r = (await submit(zf1, r)).json();
    await sign(zf1, r);
    r = (await sign(zf2, r)).json();
    expect(r.status).toBe('signed');
    expect(r.findings[0]?.hazard?.origin).toBe('spot_check');
    const target = await t.db.kysely
      .selectFrom('inspection_plan_targets')
      .selectAll()
      .where('id', '=', Number(targetId))
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({ status: 'inspected', record_id: r.id });
    // The enterprise sees its signed record but never the plan behind it.
    const seen = (await leader.get(`${base}/${r.id}`)).json<InspectionRecordDetail>();
    expect(seen).toMatchObject({ planId: null, targetId: null, canonicalText: null });
    expect(seen.contentHash).toBe(r.contentHash);
  });

  it('keeps every signature valid when the server secret changes', async () => {
    const keysOf = () =>
      t.db.kysely
        .selectFrom('signing_keys')
        .selectAll()
        .where('user_id', '=', ids.zf1)
        .orderBy('id')
        .execute();
    expect((await keysOf()).filter((k) => k.revoked_at === null)).toHaveLength(1);
    useSigningSecret('a-new-server-secret-for-the-signing-keys-0123456789');
    try {
      let r = await create(
        zf1,
        draft({
          checklist: [{ catalogItemCode: codes[1], result: 'compliant', note: null }],
          findings: [],
        }),
      );
      r = (await submit(zf1, r)).json();
      expect((await sign(zf1, r)).statusCode).toBe(200);
      expect((await sign(zf2, r)).json<InspectionRecordDetail>().status).toBe('signed');
      const keys = await keysOf();
      expect(keys.map((k) => k.revoked_at === null)).toEqual([false, true]);
      const report = await checkAllSignatures(t.db);
      expect(report.failures).toEqual([]);
      expect(report.checked).toBeGreaterThanOrEqual(4);
    } finally {
      useSigningSecret(t.config.signingKeySecret);
    }
  });
});
