import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  type DisclosureDetail,
  type PublicCase,
  type PublicCaseListItem,
} from '@hazard-ledger/domain';
import { decodeImage, ImageRedactionError, redactImage } from '../src/lib/redact-image.js';
import { storageFor } from '../src/lib/storage.js';
import { nowIso, todayInChina } from '../src/lib/time.js';
import { insertPerson } from '../src/modules/enterprises/enterprises.repository.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';

// Public disclosure end to end through the API: a case prepared from a penalty case with the
// names, ID and phone numbers removed, photos pixelated inside the boxes only, the four-eyes
// approval, the publication window, unpublishing, and a public API that never returns the
// removed data or anything not currently published.

type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };
type Page<T> = { items: T[]; total: number };

const LEADER = '孙矿长';
const SAFETY = '欧阳安全';
const INSPECTOR = '耿建辉';
const FINDER = '李发现';
const ID_NUMBER = '15060219800101123X';
const MOBILE = '13904771234';
const LANDLINE = '0477-8581234';
const REMOVED = [LEADER, SAFETY, INSPECTOR, FINDER, ID_NUMBER, MOBILE, LANDLINE];

/** A 40×30 PNG with a colour gradient (every pixel differs from its neighbours). */
function gradientPng(): Buffer {
  const png = new pngjs.PNG({ width: 40, height: 30 });
  for (let y = 0; y < 30; y++) {
    for (let x = 0; x < 40; x++) {
      const i = (y * 40 + x) * 4;
      png.data[i] = x * 6;
      png.data[i + 1] = y * 8;
      png.data[i + 2] = (x * y) % 256;
      png.data[i + 3] = 255;
    }
  }
  return pngjs.PNG.sync.write(png);
}

describe('image redaction', () => {
  it('changes the pixels inside the box and none outside (PNG)', () => {
    const original = gradientPng();
    const out = redactImage(original, [{ x: 0.25, y: 0.2, w: 0.5, h: 0.5 }]);
    expect(out.mimeType).toBe('image/png');
    const before = decodeImage(original);
    const after = decodeImage(out.buffer);
    let changedInside = 0;
    for (let y = 0; y < 30; y++) {
      for (let x = 0; x < 40; x++) {
        const i = (y * 40 + x) * 4;
        const same = [0, 1, 2, 3].every((c) => before.data[i + c] === after.data[i + c]);
        const inside = x >= 10 && x < 30 && y >= 6 && y < 21;
        if (!inside) expect(same).toBe(true);
        else if (!same) changedInside++;
      }
    }
    expect(changedInside).toBeGreaterThan(200);
  });

  it('redacts JPEG and refuses other formats in Chinese', () => {
    const raw = decodeImage(gradientPng());
    const source = jpeg.encode({ width: 40, height: 30, data: raw.data }, 95).data;
    const out = redactImage(source, [{ x: 0, y: 0, w: 1, h: 1 }]);
    expect(out.mimeType).toBe('image/jpeg');
    const before = decodeImage(source);
    const after = decodeImage(out.buffer);
    expect(after.width).toBe(40);
    expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(false);
    const webp = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WEBPVP8 '),
      Buffer.alloc(8),
    ]);
    expect(() => redactImage(webp, [])).toThrow(ImageRedactionError);
    expect(() => redactImage(webp, [])).toThrow(/只能对 JPEG 或 PNG 图片打码/);
    expect(() => redactImage(Buffer.from('not an image'), [])).toThrow(ImageRedactionError);
  });
});

describe('disclosures', () => {
  let t: TestContext;
  let xuanjiao: TestClient;
  let xuanjiao2: TestClient;
  let admin: TestClient;
  let inspector: TestClient;
  let hazardId: number;
  let photoFileId: number;
  const today = todayInChina();
  const api = '/api/v1';

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'xuanjiao', role: 'publicity', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'xuanjiao2', role: 'publicity', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'adminb', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['mining'],
      displayName: INSPECTOR,
    });
    xuanjiao = await t.login('xuanjiao');
    xuanjiao2 = await t.login('xuanjiao2');
    admin = await t.login('admin');
    inspector = await t.login('zhifa');

    const at = nowIso();
    const db = t.db.kysely;
    const ent = t.enterprises.miningA;
    for (const [kind, name] of [
      ['main_leader', LEADER],
      ['safety_manager', SAFETY],
    ] as const) {
      await insertPerson(
        db,
        ent,
        {
          kind,
          name,
          position: null,
          phone: null,
          idNumber: null,
          assessed: true,
          specialty: null,
        },
        at,
      );
    }
    const hazard = await db
      .insertInto('hazards')
      .values({
        number: 'YH-TEST-0001',
        district_id: t.org.districtA,
        enterprise_id: ent,
        sector: 'mining',
        catalog_id: null,
        catalog_version: null,
        catalog_item_code: null,
        no_catalog_reason: '测试',
        level: 'major',
        title: '一号采场台阶高度超过设计',
        description: `台阶高度达24m，由${FINDER}发现。`,
        place: '一号采场',
        cause_analysis: null,
        category: null,
        origin: 'bureau_inspection',
        found_at: at,
        found_by: FINDER,
        treatment: 'deadline',
        status: 'rectifying',
        plan_responsible: SAFETY,
        plan_measures: '分台阶开采',
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: addDays(today, 30),
        plan_emergency: null,
        plan_approved_at: null,
        reported_to_bureau_at: null,
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
        created_by_user_id: admin.userId!,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    hazardId = Number(hazard.id);
    const png = gradientPng();
    await storageFor(t.config).put('hazards/test/photo-1', png);
    const file = await db
      .insertInto('hazard_files')
      .values({
        hazard_id: hazardId,
        kind: 'before',
        file_name: '现场.png',
        mime_type: 'image/png',
        size_bytes: png.length,
        sha256: 'x',
        storage_key: 'hazards/test/photo-1',
        uploaded_by_user_id: admin.userId!,
        uploaded_at: at,
        voided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    photoFileId = Number(file.id);

    const penalty = await db
      .insertInto('penalty_cases')
      .values({
        case_no: '东应急罚〔2026〕9号',
        district_id: t.org.districtA,
        enterprise_id: ent,
        sector: 'mining',
        matter: '未采取措施消除重大事故隐患',
        facts: `主要负责人${LEADER}（身份证号${ID_NUMBER}，电话${MOBILE}）未组织排查；安全员${SAFETY}（${LANDLINE}）。执法人员${INSPECTOR}。`,
        filed_on: today,
        inspection_record_id: null,
        status: 'decided',
        leader_waiver_reason: null,
        no_penalty_override_reason: null,
        notified_on: null,
        notice_document_no: null,
        decision_date: today,
        decision_major_hazard: 1,
        decision_hazard_persisted: 1,
        no_penalty_decided_on: null,
        no_penalty_reason: null,
        no_penalty_decision_no: null,
        published_on: null,
        publication_note: null,
        daily_ordered_on: null,
        daily_corrected_on: null,
        executed_on: null,
        closed_on: null,
        created_by: inspector.userId!,
        created_by_name: INSPECTOR,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const caseId = Number(penalty.id);
    await db
      .insertInto('penalty_case_hazards')
      .values({ case_id: caseId, hazard_id: hazardId })
      .execute();
    await db
      .insertInto('penalty_case_parties')
      .values([
        {
          case_id: caseId,
          seq: 1,
          kind: 'enterprise',
          name: '甲区矿山企业',
          position: null,
          basis: 'art102',
          circumstance: 'general',
          amount_fen: 4_000_000,
          decision_no: null,
          decision_text: null,
          decision_hash: null,
        },
        {
          case_id: caseId,
          seq: 2,
          kind: 'main_leader',
          name: LEADER,
          position: '矿长',
          basis: 'art94',
          circumstance: 'general',
          amount_fen: 3_000_000,
          decision_no: null,
          decision_text: null,
          decision_hash: null,
        },
      ])
      .execute();
  });
  afterAll(async () => t.close());

  const create = async (client: TestClient, over: Record<string, unknown> = {}) => {
    const res = await client.post(`${api}/disclosures`, {
      kind: 'typical_case',
      sourceType: 'penalty_case',
      sourceNumber: '东应急罚〔2026〕9号',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<DisclosureDetail>();
  };
  const setWindow = async (d: DisclosureDetail, from: string, until: string) => {
    const res = await xuanjiao.patch(`${api}/disclosures/${d.id}`, {
      version: d.version,
      publishFrom: from,
      publishUntil: until,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<DisclosureDetail>();
  };
  const act = async (client: TestClient, d: DisclosureDetail, action: string, reason?: string) =>
    client.post(`${api}/disclosures/${d.id}/actions`, { action, version: d.version, reason });
  const publish = async (from: string, until: string) => {
    let d = await setWindow(await create(xuanjiao), from, until);
    const s = await act(xuanjiao, d, 'submit');
    expect(s.statusCode, s.body).toBe(200);
    d = s.json<DisclosureDetail>();
    const a = await act(admin, d, 'approve');
    expect(a.statusCode, a.body).toBe(200);
    return a.json<DisclosureDetail>();
  };
  const publicIds = async (query = '') =>
    (await t.anonymous.get(`${api}/public/cases${query}`))
      .json<Page<PublicCaseListItem>>()
      .items.map((i) => i.id);

  it('prefills the text from the penalty case and previews every removed item', async () => {
    const d = await create(xuanjiao);
    expect(d.status).toBe('draft');
    expect(d.sector).toBe('mining');
    expect(d.text).toContain(LEADER);
    expect(d.text).toContain('罚款40000.00元');
    expect(d.personNames).toEqual(expect.arrayContaining([LEADER, SAFETY, INSPECTOR, FINDER]));
    const removed = d.preview.text.removed.map((r) => r.original);
    for (const item of [LEADER, SAFETY, INSPECTOR, ID_NUMBER, MOBILE, LANDLINE]) {
      expect(removed).toContain(item);
    }
    for (const item of REMOVED) expect(d.preview.text.text).not.toContain(item);
    expect(d.preview.text.text).toContain('孙某');
    expect(d.preview.text.text).toContain('欧阳某');
    expect(d.actions).toEqual(['submit']);
    expect((await lastAudit(t.db)).action).toBe('disclosure.created');

    // Manual redactions join the automatic ones.
    const res = await xuanjiao.patch(`${api}/disclosures/${d.id}`, {
      version: d.version,
      manualRedactions: ['未组织排查'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json<DisclosureDetail>();
    expect(edited.preview.text.removed.some((r) => r.kind === 'manual')).toBe(true);
    expect((await lastAudit(t.db)).action).toBe('disclosure.updated');
  });

  it('refuses unknown sources, minor hazards and callers without the permission', async () => {
    const res = await xuanjiao.post(`${api}/disclosures`, {
      kind: 'exposure',
      sourceType: 'hazard',
      sourceNumber: 'NOPE',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.[0]?.message).toBe('未找到该编号的隐患');
    const forbidden = await inspector.get(`${api}/disclosures`);
    expect(forbidden.statusCode).toBe(403);
    const other = await (
      await t.login('adminb')
    ).post(`${api}/disclosures`, {
      kind: 'exposure',
      sourceType: 'hazard',
      sourceNumber: 'YH-TEST-0001',
    });
    expect(other.statusCode).toBe(400);
  });

  it('needs a second person to approve', async () => {
    let d = await setWindow(await create(xuanjiao), today, addDays(today, 10));
    const s = await act(xuanjiao, d, 'submit');
    expect(s.statusCode, s.body).toBe(200);
    d = s.json<DisclosureDetail>();
    expect(d.actions).toEqual(['return']);
    const self = await act(xuanjiao, d, 'approve');
    expect(self.statusCode).toBe(409);
    expect(self.json<ErrorBody>().error.fields?.[0]?.message).toMatch(/另一人审批/);
    const other = await act(xuanjiao2, d, 'approve');
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json<DisclosureDetail>().state).toBe('published');
    expect((await lastAudit(t.db)).action).toBe('disclosure.approve');
  });

  it('refuses to submit without a publication window', async () => {
    const d = await create(xuanjiao);
    const res = await act(xuanjiao, d, 'submit');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields?.map((f) => f.path)).toEqual([
      'publishFrom',
      'publishUntil',
    ]);
  });

  it('lists only cases inside their window: not before the start, not after the end', async () => {
    const current = await publish(addDays(today, -1), addDays(today, 5));
    const future = await publish(addDays(today, 3), addDays(today, 30));
    const expired = await publish('2020-01-01', '2020-12-31');
    const lastDay = await publish(addDays(today, -10), today);
    expect(future.state).toBe('scheduled');
    expect(expired.state).toBe('expired');
    const ids = await publicIds('?pageSize=50');
    expect(ids).toContain(current.id);
    expect(ids).toContain(lastDay.id);
    expect(ids).not.toContain(future.id);
    expect(ids).not.toContain(expired.id);
    expect((await t.anonymous.get(`${api}/public/cases/${future.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`${api}/public/cases/${expired.id}`)).statusCode).toBe(404);
  });

  it('public API returns no removed data, only pixelated photos, nothing once unpublished', async () => {
    let d = await create(xuanjiao);
    expect(d.sourcePhotos.map((p) => p.fileId)).toEqual([photoFileId]);
    let res = await xuanjiao.post(`${api}/disclosures/${d.id}/photos`, {
      sourceFileId: photoFileId,
    });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json<DisclosureDetail>();
    const photoId = d.photos[0]!.id;
    res = await xuanjiao.request({
      method: 'PUT',
      url: `${api}/disclosures/${d.id}/photos/${photoId}/boxes`,
      payload: { boxes: [{ x: 0, y: 0, w: 0.5, h: 0.5 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    d = await setWindow(res.json<DisclosureDetail>(), today, addDays(today, 7));
    d = (await act(xuanjiao, d, 'submit')).json<DisclosureDetail>();
    d = (await act(admin, d, 'approve')).json<DisclosureDetail>();
    expect(d.state).toBe('published');

    const list = await t.anonymous.get(
      `${api}/public/cases?q=${encodeURIComponent('孙某')}&sector=mining`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json<Page<PublicCaseListItem>>().items.map((i) => i.id)).toContain(d.id);
    const one = await t.anonymous.get(`${api}/public/cases/${d.id}`);
    expect(one.statusCode).toBe(200);
    const body = one.json<PublicCase>();
    expect(body.text).toContain('孙某');
    expect(body.photoIds).toEqual([photoId]);
    for (const item of REMOVED) {
      expect(list.body).not.toContain(item);
      expect(one.body).not.toContain(item);
    }
    // Searching for a removed name finds nothing.
    const byName = await t.anonymous.get(`${api}/public/cases?q=${encodeURIComponent(LEADER)}`);
    expect(byName.json<Page<PublicCaseListItem>>().total).toBe(0);

    const photo = await t.anonymous.get(`${api}/public/cases/${d.id}/photos/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const served = decodeImage(photo.rawPayload);
    const original = decodeImage(gradientPng());
    expect(Buffer.from(served.data).equals(Buffer.from(original.data))).toBe(false);
    // Top-left quarter pixelated, bottom-right untouched.
    const at = (img: { data: Uint8Array }, x: number, y: number) => img.data[(y * 40 + x) * 4];
    expect(at(served, 35, 25)).toBe(at(original, 35, 25));
    expect(at(served, 1, 1)).not.toBe(at(original, 1, 1));
    // The staff original route needs a login.
    const anonOriginal = await t.anonymous.get(
      `${api}/disclosures/${d.id}/photos/${photoId}/original`,
    );
    expect(anonOriginal.statusCode).toBe(401);

    // Drafts are never public.
    const draft = await create(xuanjiao);
    expect((await t.anonymous.get(`${api}/public/cases/${draft.id}`)).statusCode).toBe(404);

    // Unpublishing needs a reason, then the case is gone from the public API.
    expect((await act(admin, d, 'unpublish')).statusCode).toBe(400);
    const un = await act(admin, d, 'unpublish', '当事人申请行政复议，处罚决定被撤销');
    expect(un.statusCode, un.body).toBe(200);
    expect(un.json<DisclosureDetail>().state).toBe('unpublished');
    expect((await lastAudit(t.db)).action).toBe('disclosure.unpublish');
    expect((await t.anonymous.get(`${api}/public/cases/${d.id}`)).statusCode).toBe(404);
    expect(
      (await t.anonymous.get(`${api}/public/cases/${d.id}/photos/${photoId}`)).statusCode,
    ).toBe(404);
    expect(await publicIds('?pageSize=50')).not.toContain(d.id);
  });

  it('edits are refused once submitted', async () => {
    let d = await setWindow(await create(xuanjiao), today, addDays(today, 1));
    d = (await act(xuanjiao, d, 'submit')).json<DisclosureDetail>();
    const res = await xuanjiao.patch(`${api}/disclosures/${d.id}`, {
      version: d.version,
      title: '新标题',
    });
    expect(res.statusCode).toBe(409);
    const back = await act(admin, d, 'return', '请补充处罚依据');
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json<DisclosureDetail>().returnReason).toBe('请补充处罚依据');
    expect(back.json<DisclosureDetail>().status).toBe('draft');
  });

  it('staff list filters by status', async () => {
    const res = await xuanjiao.get(`${api}/disclosures?status=unpublished`);
    expect(res.statusCode).toBe(200);
    const page = res.json<Page<{ status: string }>>();
    expect(page.total).toBe(1);
    expect(page.items.every((i) => i.status === 'unpublished')).toBe(true);
  });
});

describe('disclosure demo seed', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  }, 120_000);
  afterAll(async () => t.close());

  it('publishes one typical case prepared by xuanjiao and approved by admin, names removed', async () => {
    const list = await t.anonymous.get('/api/v1/public/cases');
    const page = list.json<Page<PublicCaseListItem>>();
    expect(page.total).toBe(1);
    expect(page.items[0]!.kind).toBe('typical_case');
    const leader = await t.db.kysely
      .selectFrom('penalty_case_parties')
      .select('name')
      .where('kind', '=', 'main_leader')
      .executeTakeFirstOrThrow();
    const one = await t.anonymous.get(`/api/v1/public/cases/${page.items[0]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).not.toContain(leader.name);
    const row = await t.db.kysely
      .selectFrom('disclosures')
      .select(['prepared_by_name', 'approved_by_name'])
      .executeTakeFirstOrThrow();
    expect(row.prepared_by_name).not.toBe(row.approved_by_name);
  });
});
