import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseSchema, DEFAULT_REWARD_RULES, tierAmountFen } from '@hazard-ledger/domain';
import { unsealJson } from '../src/lib/sealed.js';
import { nowIso } from '../src/lib/time.js';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { CLAIM_INFO_RATE_LIMIT } from '../src/modules/informants/rewards.routes.js';
import { seedDemo } from '../src/seed/demo.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';
import { multipartFile } from './multipart.js';
import { pngWithLocation } from './test-files.js';

type Informant = {
  id: number;
  code: string;
  nameMasked: string;
  phoneMasked: string;
  sectors: string[];
  active: boolean;
  account: { userId: number; username: string; status: string } | null;
  reportCount: number;
  version: number;
};
type Report = {
  id: number;
  number: string;
  status: string;
  enteredByStaff: boolean;
  messages: { kind: string; body: string }[];
  files: { id: number; mimeType: string }[];
  canAddFiles: boolean;
};
type RewardCase = {
  id: number;
  tipId: number;
  status: string;
  finding: string;
  fineFen: number;
  computedFen: number;
  amountFen: number;
  amountReason: string | null;
  informantCode: string | null;
  actions: string[];
  version: number;
  events: { action: string; toStatus: string }[];
};
type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};

const NAME = '赵信息';
const PHONE = '13912345678';

describe('informants and rewards', () => {
  let t: TestContext;
  let admin: TestClient;
  let admin2: TestClient;
  let admin3: TestClient;
  let adminB: TestClient;
  let weihua: TestClient;
  let jichu: TestClient;
  let inspector: TestClient;
  let fireworksA: number;
  let informant: Informant;
  let second: Informant;
  let xxy: TestClient;
  let xxy2: TestClient;

  const newInformant = (over: Record<string, unknown> = {}) => ({
    name: NAME,
    phone: PHONE,
    sectors: ['hazchem', 'fireworks'],
    districtId: t.org.districtA,
    enterpriseId: t.enterprises.hazchemA,
    area: null,
    note: null,
    ...over,
  });
  const newReport = (over: Record<string, unknown> = {}) => ({
    enterpriseId: t.enterprises.hazchemA,
    subject: '罐区可燃气体报警器停用',
    description: '夜班期间罐区可燃气体报警器被关闭，现场无人值守',
    place: '液氨罐区',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestContext();
    const at = nowIso();
    fireworksA = await insertEnterprise(t.db.kysely, {
      ...enterpriseColumns(
        createEnterpriseSchema.parse({
          name: '甲区烟花批发企业',
          creditCode: '911100001000000033',
          sector: 'fireworks',
          subType: 'wholesale',
          orgUnitId: t.org.districtA,
        }),
      ),
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await t.createUser({ username: 'admin1', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin2', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'admin3', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'adminb', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({
      username: 'zf',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks'],
    });
    admin = await t.login('admin1');
    admin2 = await t.login('admin2');
    admin3 = await t.login('admin3');
    adminB = await t.login('adminb');
    weihua = await t.login('weihua');
    jichu = await t.login('jichu');
    inspector = await t.login('zf');
  });
  afterAll(async () => t.close());

  describe('registry', () => {
    it('registers an informant with the identity sealed at rest and out of the audit log', async () => {
      const res = await weihua.post('/api/v1/informants', newInformant());
      expect(res.statusCode).toBe(201);
      informant = res.json<Informant>();
      expect(informant.code).toBe('XXY0001');
      expect(informant.nameMasked).toBe('赵**');
      expect(informant.phoneMasked).toBe('139****5678');
      expect(res.body).not.toContain(NAME);
      expect(res.body).not.toContain(PHONE);

      const raw = await t.db.kysely
        .selectFrom('informants')
        .selectAll()
        .where('id', '=', informant.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(raw)).not.toContain(NAME);
      expect(JSON.stringify(raw)).not.toContain(PHONE);
      expect(raw.identity_sealed.startsWith('v1:')).toBe(true);
      expect(unsealJson(raw.identity_sealed, t.config.identityKey)).toEqual({
        name: NAME,
        phone: PHONE,
      });

      const audit = await lastAudit(t.db);
      expect(audit).toMatchObject({ action: 'informant.created', entity_id: String(informant.id) });
      expect(audit.changes).not.toContain(NAME);
      expect(audit.changes).not.toContain(PHONE);
      expect(audit.changes).toContain('[sealed]');
    });

    it('answers bad input with Chinese field errors', async () => {
      const res = await weihua.post(
        '/api/v1/informants',
        newInformant({ enterpriseId: null, area: '', phone: 'x' }),
      );
      expect(res.statusCode).toBe(400);
      const fields = res.json<ErrorBody>().error.fields.map((f) => f.path);
      expect(fields).toEqual(expect.arrayContaining(['phone', 'area']));
      expect(res.body).toMatch(/负责区域/);

      const wrongDistrict = await weihua.post(
        '/api/v1/informants',
        newInformant({ enterpriseId: t.enterprises.hazchemB }),
      );
      expect(wrongDistrict.statusCode).toBe(400);
      expect(wrongDistrict.json<ErrorBody>().error.fields[0]?.path).toBe('enterpriseId');

      const wrongSector = await weihua.post(
        '/api/v1/informants',
        newInformant({ enterpriseId: t.enterprises.miningA }),
      );
      expect(wrongSector.statusCode).toBe(400);
    });

    it('keeps an office to its sectors and staff to their territory', async () => {
      expect((await t.anonymous.get('/api/v1/informants')).statusCode).toBe(401);
      expect((await inspector.get('/api/v1/informants')).statusCode).toBe(403);
      expect((await jichu.get(`/api/v1/informants/${informant.id}`)).statusCode).toBe(404);
      expect((await adminB.get(`/api/v1/informants/${informant.id}`)).statusCode).toBe(404);
      const jichuList = (await jichu.get('/api/v1/informants')).json<{ total: number }>();
      expect(jichuList.total).toBe(0);
      const byJichu = await jichu.post(
        '/api/v1/informants',
        newInformant({ enterpriseId: null, area: '化工园区' }),
      );
      expect(byJichu.statusCode).toBe(400);
      expect(byJichu.json<ErrorBody>().error.fields[0]?.path).toBe('sectors');
      const list = (await admin.get('/api/v1/informants?q=赵')).json<{ items: Informant[] }>();
      expect(list.items.map((i) => i.id)).toEqual([informant.id]);
      const none = (await admin.get('/api/v1/informants?q=钱')).json<{ items: Informant[] }>();
      expect(none.items).toHaveLength(0);
    });

    it('shows the full identity only through an audited read', async () => {
      const res = await weihua.post(`/api/v1/informants/${informant.id}/identity`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ name: NAME, phone: PHONE });
      expect(res.headers['cache-control']).toBe('no-store');
      const audit = await lastAudit(t.db);
      expect(audit).toMatchObject({
        action: 'informant.identity_viewed',
        entity_id: String(informant.id),
      });
      expect(audit.changes).not.toContain(NAME);
      expect((await jichu.post(`/api/v1/informants/${informant.id}/identity`)).statusCode).toBe(
        404,
      );
    });

    it('refuses a stale edit with 409 and keeps the identity sealed on edits', async () => {
      const stale = await weihua.patch(`/api/v1/informants/${informant.id}`, {
        ...newInformant(),
        version: informant.version + 5,
      });
      expect(stale.statusCode).toBe(409);
      const res = await weihua.patch(`/api/v1/informants/${informant.id}`, {
        ...newInformant({ area: '化工园区东区', phone: '13900000000' }),
        version: informant.version,
      });
      expect(res.statusCode).toBe(200);
      informant = res.json<Informant>();
      expect(informant.phoneMasked).toBe('139****0000');
      const audit = await lastAudit(t.db);
      expect(audit.action).toBe('informant.updated');
      expect(audit.changes).not.toContain('13900000000');
      expect(audit.changes).toContain('[sealed]');
    });

    it('creates the informant login, named by the code, like enterprise accounts', async () => {
      const res = await weihua.post(`/api/v1/informants/${informant.id}/account`, {
        username: 'xxy1',
        password: 'Inform@2023pass',
        version: informant.version,
      });
      expect(res.statusCode).toBe(201);
      informant = res.json<Informant>();
      expect(informant.account).toMatchObject({ username: 'xxy1', status: 'active' });
      const user = await t.db.kysely
        .selectFrom('users')
        .selectAll()
        .where('username', '=', 'xxy1')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        role: 'informant',
        display_name: '信息员XXY0001',
        org_unit_id: t.org.districtA,
        phone: null,
      });
      expect(JSON.parse(user.sectors!)).toEqual(['fireworks', 'hazchem']);
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      const again = await weihua.post(`/api/v1/informants/${informant.id}/account`, {
        username: 'xxy1b',
        password: 'Inform@2023pass',
        version: informant.version,
      });
      expect(again.statusCode).toBe(409);
      xxy = await t.login('xxy1', 'Inform@2023pass');

      const other = await admin.post(
        '/api/v1/informants',
        newInformant({ name: '孙二', phone: '13700000001', enterpriseId: fireworksA }),
      );
      second = other.json<Informant>();
      const acc = await admin.post(`/api/v1/informants/${second.id}/account`, {
        username: 'xxy2',
        password: 'Inform@2023pass',
        version: second.version,
      });
      expect(acc.statusCode).toBe(201);
      second = acc.json<Informant>();
      xxy2 = await t.login('xxy2', 'Inform@2023pass');
    });
  });

  describe('reports', () => {
    let report: Report;

    it('stores an informant report as a tip with channel informant', async () => {
      expect((await xxy.get('/api/v1/my-reports/profile')).json()).toMatchObject({
        code: 'XXY0001',
        districtName: '甲区应急管理局',
      });
      const options = (await xxy.get('/api/v1/my-reports/enterprises')).json<{
        items: { id: number }[];
      }>();
      expect(options.items.map((e) => e.id).sort()).toEqual(
        [t.enterprises.hazchemA, fireworksA].sort(),
      );
      const res = await xxy.post('/api/v1/my-reports', newReport());
      expect(res.statusCode).toBe(201);
      report = res.json<Report>();
      expect(report.status).toBe('received');
      expect(report.enteredByStaff).toBe(false);
      expect(report.number).toMatch(/^甲举〔\d{4}〕0001号$/);
      const tip = await t.db.kysely
        .selectFrom('tips')
        .selectAll()
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(tip).toMatchObject({
        channel: 'informant',
        informant_id: informant.id,
        status: 'received',
        enterprise_id: t.enterprises.hazchemA,
        sector: 'hazchem',
        anonymous: 0,
        insider: 1,
        receipt_hash: null,
      });
      expect(tip.identity_sealed).not.toContain(NAME);
      expect(unsealJson(tip.identity_sealed, t.config.identityKey)).toMatchObject({ name: NAME });
      const event = await t.db.kysely
        .selectFrom('tip_events')
        .selectAll()
        .where('tip_id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ to_status: 'received', actor_name: '信息员XXY0001' });
      const audit = await lastAudit(t.db);
      expect(audit).toMatchObject({ action: 'tip.created', entity_id: String(report.id) });
      expect(audit.changes).not.toContain(NAME);
    });

    it('refuses enterprises outside the informant’s district and sectors', async () => {
      for (const enterpriseId of [t.enterprises.miningA, t.enterprises.hazchemB]) {
        const res = await xxy.post('/api/v1/my-reports', newReport({ enterpriseId }));
        expect(res.statusCode).toBe(400);
        expect(res.json<ErrorBody>().error.fields[0]?.path).toBe('enterpriseId');
      }
      const bad = await xxy.post('/api/v1/my-reports', newReport({ subject: '' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toMatch(/报告事项/);
      expect((await weihua.get('/api/v1/my-reports')).statusCode).toBe(403);
      expect((await t.anonymous.get('/api/v1/my-reports')).statusCode).toBe(401);
    });

    it('shows an informant only their own reports, with replies but never internal notes', async () => {
      const theirs = (
        await xxy2.post('/api/v1/my-reports', newReport({ enterpriseId: fireworksA }))
      ).json<Report>();
      const at = nowIso();
      await t.db.kysely
        .insertInto('tip_messages')
        .values([
          {
            tip_id: report.id,
            kind: 'reply',
            body: '已交执法大队核查',
            author_user_id: null,
            author_name: '危化室',
            created_at: at,
          },
          {
            tip_id: report.id,
            kind: 'note',
            body: '内部：疑似重复',
            author_user_id: null,
            author_name: '危化室',
            created_at: at,
          },
        ])
        .execute();
      const mine = (await xxy.get('/api/v1/my-reports')).json<{
        items: { id: number; replyCount: number }[];
        total: number;
      }>();
      expect(mine.items.map((r) => r.id)).toEqual([report.id]);
      expect(mine.items[0]?.replyCount).toBe(1);
      const detail = await xxy.get(`/api/v1/my-reports/${report.id}`);
      expect(detail.json<Report>().messages).toEqual([
        expect.objectContaining({ kind: 'reply', body: '已交执法大队核查' }),
      ]);
      expect(detail.body).not.toContain('内部');
      expect((await xxy.get(`/api/v1/my-reports/${theirs.id}`)).statusCode).toBe(404);
      expect((await xxy2.get(`/api/v1/my-reports/${report.id}`)).statusCode).toBe(404);
    });

    it('takes photos without their location, on the informant’s own reports only', async () => {
      const { payload, headers } = multipartFile('现场.png', pngWithLocation(), 'image/png');
      const res = await xxy.request({
        method: 'POST',
        url: `/api/v1/my-reports/${report.id}/files`,
        payload,
        headers,
      });
      expect(res.statusCode).toBe(201);
      const file = res.json<{ id: number; mimeType: string }>();
      expect(file.mimeType).toBe('image/png');
      const download = await xxy.get(`/api/v1/my-reports/${report.id}/files/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
      const foreign = await xxy2.request({
        method: 'POST',
        url: `/api/v1/my-reports/${report.id}/files`,
        ...multipartFile('x.png', pngWithLocation(), 'image/png'),
      });
      expect(foreign.statusCode).toBe(404);
      const text = multipartFile('a.txt', Buffer.from('hello'), 'text/plain');
      const refused = await xxy.request({
        method: 'POST',
        url: `/api/v1/my-reports/${report.id}/files`,
        ...text,
      });
      expect(refused.statusCode).toBe(400);
    });

    it('lets staff enter a report on an informant’s behalf', async () => {
      const res = await weihua.post(
        `/api/v1/informants/${informant.id}/reports`,
        newReport({ subject: '电话反映：仓库超量储存' }),
      );
      expect(res.statusCode).toBe(201);
      const { tipId } = res.json<{ tipId: number }>();
      const tip = await t.db.kysely
        .selectFrom('tips')
        .select(['channel', 'informant_id', 'created_by'])
        .where('id', '=', tipId)
        .executeTakeFirstOrThrow();
      expect(tip).toMatchObject({ channel: 'informant', informant_id: informant.id });
      expect(tip.created_by).toBe(weihua.userId);
      const mine = (await xxy.get('/api/v1/my-reports')).json<{
        items: { id: number; enteredByStaff: boolean }[];
      }>();
      expect(mine.items.find((r) => r.id === tipId)?.enteredByStaff).toBe(true);
      expect(
        (await jichu.post(`/api/v1/informants/${informant.id}/reports`, newReport())).statusCode,
      ).toBe(404);
      expect(
        (await inspector.post(`/api/v1/informants/${informant.id}/reports`, newReport()))
          .statusCode,
      ).toBe(403);
    });

    it('takes an informant off duty with their login', async () => {
      const current = (await weihua.get(`/api/v1/informants/${second.id}`)).json<Informant>();
      expect(current.reportCount).toBe(1);
      const res = await weihua.post(`/api/v1/informants/${second.id}/status`, {
        active: false,
        version: current.version,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<Informant>().account?.status).toBe('disabled');
      expect((await xxy2.get('/api/v1/my-reports')).statusCode).toBe(401);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'informant.deactivated' });
    });
  });

  describe('rewards', () => {
    let majorTip: number;
    let violationTip: number;
    let generalTip: number;
    let unverifiedTip: number;
    let reward: RewardCase;

    const report = async (subject: string) =>
      (await xxy.post('/api/v1/my-reports', newReport({ subject }))).json<Report>().id;
    const hazard = async (level: 'major' | 'general') => {
      const res = await inspector.post('/api/v1/hazards', {
        enterpriseId: t.enterprises.hazchemA,
        level,
        title: level === 'major' ? '罐区报警器停用' : '通道堆放杂物',
        description: '核查举报发现',
        place: '罐区',
        origin: 'tip',
        foundAt: '2023-06-10',
        foundBy: '执法人员',
        noCatalogReason: '测试不引用条款',
        treatment: 'deadline',
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const verify = (id: number, set: Record<string, unknown>) =>
      t.db.kysely
        .updateTable('tips')
        .set({ status: 'verified', verification_result: 'true', ...set })
        .where('id', '=', id)
        .execute();
    const penaltyCase = async (status: string, fines: number[]) => {
      const at = nowIso();
      const { id } = await t.db.kysely
        .insertInto('penalty_cases')
        .values({
          case_no: `甲应急罚立〔2023〕${crypto.randomInt(1000, 9999)}号`,
          district_id: t.org.districtA,
          enterprise_id: t.enterprises.hazchemA,
          sector: 'hazchem',
          matter: '未按规定设置报警装置',
          facts: null,
          filed_on: '2023-06-11',
          inspection_record_id: null,
          status,
          leader_waiver_reason: null,
          no_penalty_override_reason: null,
          notified_on: null,
          notice_document_no: null,
          decision_date: status === 'decided' ? '2023-06-20' : null,
          decision_major_hazard: null,
          decision_hazard_persisted: null,
          no_penalty_decided_on: null,
          no_penalty_reason: null,
          no_penalty_decision_no: null,
          published_on: null,
          publication_note: null,
          daily_ordered_on: null,
          daily_corrected_on: null,
          executed_on: null,
          closed_on: null,
          created_by: admin.userId!,
          created_by_name: '管理员',
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let seq = 0;
      for (const amount of fines) {
        await t.db.kysely
          .insertInto('penalty_case_parties')
          .values({
            case_id: Number(id),
            seq: ++seq,
            kind: seq === 1 ? 'unit' : 'leader',
            name: '当事人',
            position: null,
            basis: 'art_99',
            circumstance: 'standard',
            amount_fen: amount,
            decision_no: null,
            decision_text: null,
            decision_hash: null,
          })
          .execute();
      }
      return Number(id);
    };

    beforeAll(async () => {
      majorTip = await report('重大隐患举报');
      violationTip = await report('违法行为举报');
      generalTip = await report('一般隐患举报');
      unverifiedTip = await report('尚未核查');
      await verify(majorTip, { hazard_id: await hazard('major') });
      await verify(generalTip, { hazard_id: await hazard('general') });
      // A decided case: ¥300,000 for the unit and ¥40,000 for its leader.
      await verify(violationTip, {
        verification_result: 'partly_true',
        penalty_case_id: await penaltyCase('decided', [30_000_000, 4_000_000]),
      });
    });

    it('lists only the verified tips the rules reward, with the computed amounts', async () => {
      const res = await admin.get('/api/v1/rewards/eligible-tips');
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        items: { id: number; finding: string; computedFen: number; penaltyDecided: boolean }[];
        rulesName: string;
      }>();
      expect(body.rulesName).toBe(DEFAULT_REWARD_RULES.name);
      expect(body.items.map((i) => i.id).sort()).toEqual([majorTip, violationTip].sort());
      const v = body.items.find((i) => i.id === violationTip)!;
      expect(v).toMatchObject({ finding: 'violation', penaltyDecided: true });
      expect(v.computedFen).toBe(tierAmountFen(DEFAULT_REWARD_RULES.tiers.violation, 34_000_000));
    });

    it('opens a case only after the tip was verified with a major hazard or violation', async () => {
      const unverified = await admin.post('/api/v1/rewards', { tipId: unverifiedTip });
      expect(unverified.statusCode).toBe(409);
      expect(unverified.body).toMatch(/尚未核查/);
      const general = await admin.post('/api/v1/rewards', { tipId: generalTip });
      expect(general.statusCode).toBe(409);
      await t.db.kysely
        .updateTable('tips')
        .set({ status: 'verified', verification_result: 'not_true' })
        .where('id', '=', unverifiedTip)
        .execute();
      const notTrue = await admin.post('/api/v1/rewards', { tipId: unverifiedTip });
      expect(notTrue.statusCode).toBe(409);
      expect(notTrue.body).toMatch(/属实/);
      expect((await weihua.post('/api/v1/rewards', { tipId: majorTip })).statusCode).toBe(403);
      expect((await adminB.post('/api/v1/rewards', { tipId: majorTip })).statusCode).toBe(400);
    });

    it('proposes the rules’ amount, and another amount only with a reason', async () => {
      const noReason = await admin.post('/api/v1/rewards', { tipId: majorTip, amountYuan: '5000' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json<ErrorBody>().error.fields[0]?.path).toBe('reason');
      const res = await admin.post('/api/v1/rewards', { tipId: majorTip });
      expect(res.statusCode).toBe(201);
      reward = res.json<RewardCase>();
      expect(reward).toMatchObject({
        status: 'proposed',
        finding: 'major_hazard',
        fineFen: 0,
        // No fine: the floor of the major-hazard tier.
        computedFen: DEFAULT_REWARD_RULES.tiers.major_hazard.floorFen,
        amountFen: DEFAULT_REWARD_RULES.tiers.major_hazard.floorFen,
        informantCode: 'XXY0001',
      });
      // The proposer may not approve: the buttons say so.
      expect(reward.actions).toEqual(['amend', 'reject']);
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'reward.proposed',
        entity_id: String(reward.id),
      });
      const twice = await admin2.post('/api/v1/rewards', { tipId: majorTip });
      expect(twice.statusCode).toBe(409);

      const violation = await admin.post('/api/v1/rewards', {
        tipId: violationTip,
        amountYuan: '3000',
        reason: '举报人提供了关键证据，按规则上浮',
      });
      expect(violation.statusCode).toBe(201);
      expect(violation.json<RewardCase>()).toMatchObject({
        finding: 'violation',
        fineFen: 34_000_000,
        computedFen: 2_720_000,
        amountFen: 300_000,
        amountReason: '举报人提供了关键证据，按规则上浮',
      });
    });

    it('needs an approver other than the proposer or the last amender', async () => {
      const self = await admin.post(`/api/v1/rewards/${reward.id}/approve`, {
        version: reward.version,
      });
      expect(self.statusCode).toBe(409);
      expect(self.json<ErrorBody>().error.allowedActions).toEqual(['amend', 'reject']);

      const amended = await admin2.post(`/api/v1/rewards/${reward.id}/amend`, {
        amountYuan: '2500',
        reason: '按集体研究意见调整',
        version: reward.version,
      });
      expect(amended.statusCode).toBe(200);
      reward = amended.json<RewardCase>();
      expect(reward.amountFen).toBe(250_000);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'reward.amended' });
      const byAmender = await admin2.post(`/api/v1/rewards/${reward.id}/approve`, {
        version: reward.version,
      });
      expect(byAmender.statusCode).toBe(409);
      expect(byAmender.body).toMatch(/调整金额的人员/);

      const stale = await admin.post(`/api/v1/rewards/${reward.id}/amend`, {
        amountYuan: '2600',
        reason: '再次调整',
        version: reward.version - 1,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');

      const byProposer = await admin.post(`/api/v1/rewards/${reward.id}/approve`, {
        version: reward.version,
      });
      expect(byProposer.statusCode).toBe(409);
      // A third user, neither proposer nor amender, approves.
      const approve = () =>
        admin3.request({
          method: 'POST',
          url: `/api/v1/rewards/${reward.id}/approve`,
          payload: { version: reward.version, note: '同意' },
          headers: { 'idempotency-key': 'approve-key-0001' },
        });
      const approved = await approve();
      expect(approved.statusCode).toBe(200);
      reward = approved.json<RewardCase>();
      expect(reward.status).toBe('approved');
      expect(reward.actions).toEqual(['pay', 'reject']);
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'reward.approved',
        entity_id: String(reward.id),
      });
      // The same request again (a double click, a retry) changes nothing.
      const repeated = await approve();
      expect(repeated.statusCode).toBe(200);
      expect(repeated.json<RewardCase>()).toMatchObject({
        status: 'approved',
        version: reward.version,
      });
      expect(repeated.json<RewardCase>().events).toHaveLength(reward.events.length);
    });

    it('records the payment with date, method and voucher', async () => {
      const future = await admin.post(`/api/v1/rewards/${reward.id}/pay`, {
        paidOn: '2999-01-01',
        method: 'bank_transfer',
        voucherNo: 'PZ-001',
        version: reward.version,
      });
      expect(future.statusCode).toBe(400);
      const missing = await admin.post(`/api/v1/rewards/${reward.id}/pay`, {
        paidOn: new Date().toISOString().slice(0, 10),
        method: 'bank_transfer',
        voucherNo: '',
        version: reward.version,
      });
      expect(missing.statusCode).toBe(400);
      const paid = await admin.post(`/api/v1/rewards/${reward.id}/pay`, {
        paidOn: await t.db.kysely
          .selectFrom('reward_cases')
          .select('approved_at')
          .where('id', '=', reward.id)
          .executeTakeFirstOrThrow()
          .then((r) =>
            new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
              new Date(r.approved_at!),
            ),
          ),
        method: 'bank_transfer',
        voucherNo: 'PZ-001',
        version: reward.version,
      });
      expect(paid.statusCode).toBe(200);
      reward = paid.json<RewardCase>();
      expect(reward.status).toBe('paid');
      expect(reward.actions).toEqual([]);
      expect(reward.events.map((e) => e.action)).toEqual(['propose', 'amend', 'approve', 'pay']);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'reward.paid' });
      const again = await admin.post(`/api/v1/rewards/${reward.id}/reject`, {
        reason: '重复发放',
        version: reward.version,
      });
      expect(again.statusCode).toBe(409);
    });

    it('keeps reward cases to the caller’s territory', async () => {
      expect((await adminB.get(`/api/v1/rewards/${reward.id}`)).statusCode).toBe(404);
      expect((await adminB.get('/api/v1/rewards')).json<{ total: number }>().total).toBe(0);
      expect((await weihua.get('/api/v1/rewards')).statusCode).toBe(403);
      expect((await t.anonymous.get('/api/v1/rewards')).statusCode).toBe(401);
      const list = (await admin.get('/api/v1/rewards?status=paid')).json<{
        items: RewardCase[];
      }>();
      expect(list.items.map((c) => c.id)).toEqual([reward.id]);
    });

    it('sums the period per district', async () => {
      const res = await admin.get('/api/v1/rewards/totals');
      expect(res.statusCode).toBe(200);
      const totals = res.json<{
        rows: { districtId: number; proposed: { count: number; amountFen: number } }[];
        total: Record<string, { count: number; amountFen: number }>;
      }>();
      expect(totals.total.proposed).toEqual({ count: 2, amountFen: 250_000 + 300_000 });
      expect(totals.total.approved).toEqual({ count: 1, amountFen: 250_000 });
      expect(totals.total.paid).toEqual({ count: 1, amountFen: 250_000 });
      expect(totals.rows.find((r) => r.districtId === t.org.districtA)?.proposed.count).toBe(2);
      const past = (await admin.get('/api/v1/rewards/totals?from=2020-01-01&to=2020-12-31')).json<{
        total: { proposed: { count: number } };
      }>();
      expect(past.total.proposed.count).toBe(0);
      expect(
        (await admin.get('/api/v1/rewards/totals?from=2023-02-01&to=2023-01-01')).statusCode,
      ).toBe(400);
    });

    it('tells a receipt code holder only their own tip’s reward status, never the amount', async () => {
      const codeOf = () =>
        String(crypto.randomInt(0, 1e8)).padStart(8, '0') +
        String(crypto.randomInt(0, 1e8)).padStart(8, '0');
      const paidCode = codeOf();
      const otherCode = codeOf();
      const sha = (c: string) => crypto.createHash('sha256').update(c).digest('hex');
      await t.db.kysely
        .updateTable('tips')
        .set({ receipt_hash: sha(paidCode) })
        .where('id', '=', majorTip)
        .execute();
      await t.db.kysely
        .updateTable('tips')
        .set({ receipt_hash: sha(otherCode) })
        .where('id', '=', generalTip)
        .execute();

      const paid = await t.anonymous.post('/api/v1/public/rewards/claim-info', {
        code: paidCode.replace(/(\d{4})(?=\d)/g, '$1 '),
      });
      expect(paid.statusCode).toBe(200);
      expect(paid.json<{ status: string; steps: unknown[] }>().status).toBe('paid');
      expect(paid.json<{ steps: unknown[] }>().steps.length).toBeGreaterThan(0);
      expect(paid.body).not.toMatch(/amountFen|2500|250000|2\.5/);
      const audit = await lastAudit(t.db);
      expect(audit).toMatchObject({
        action: 'reward.claim_info_viewed',
        entity_id: String(majorTip),
        ip: null,
      });

      const other = await t.anonymous.post('/api/v1/public/rewards/claim-info', {
        code: otherCode,
      });
      expect(other.json<{ status: string }>().status).toBe('none');

      const unknown = await t.anonymous.post('/api/v1/public/rewards/claim-info', {
        code: codeOf(),
      });
      expect(unknown.statusCode).toBe(404);
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'reward.claim_info_unknown_code',
        entity_id: null,
        ip: null,
      });
      const malformed = await t.anonymous.post('/api/v1/public/rewards/claim-info', {
        code: '123',
      });
      expect(malformed.statusCode).toBe(400);

      // The limit counts every lookup from the address; past it, 429.
      let last = 0;
      for (let i = 0; i < CLAIM_INFO_RATE_LIMIT.max; i++) {
        last = (await t.anonymous.post('/api/v1/public/rewards/claim-info', { code: otherCode }))
          .statusCode;
      }
      expect(last).toBe(429);
      const limited = await t.anonymous.post('/api/v1/public/rewards/claim-info', {
        code: paidCode,
      });
      expect(limited.statusCode).toBe(429);
      expect(limited.json<ErrorBody>().error.code).toBe('RATE_LIMITED');
    });
  });
});

describe('informants demo', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  });
  afterAll(() => t.close());

  it('seeds informant xinxiyuan1 of 东胜区 with one report, signing in with the demo password', async () => {
    const user = await t.db.kysely
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'xinxiyuan1')
      .executeTakeFirstOrThrow();
    expect(user.role).toBe('informant');
    expect(JSON.parse(user.sectors!)).toEqual(['fireworks', 'hazchem']);
    const client = await t.login('xinxiyuan1', t.config.demoPassword);
    const reports = (await client.get('/api/v1/my-reports')).json<{ total: number }>();
    expect(reports.total).toBe(1);
    const profile = (await client.get('/api/v1/my-reports/profile')).json<{
      districtName: string;
    }>();
    expect(profile.districtName).toBe('东胜区应急管理局');
    // A verified tip with a hazard from the tips demo, if any, has its reward proposed.
    const verified = await t.db.kysely
      .selectFrom('tips')
      .select('id')
      .where('status', 'in', ['verified', 'closed'])
      .where('verification_result', 'in', ['true', 'partly_true'])
      .where('hazard_id', 'is not', null)
      .execute();
    const cases = await t.db.kysely.selectFrom('reward_cases').selectAll().execute();
    expect(cases.length).toBe(verified.length > 0 ? 1 : 0);
    for (const c of cases) expect(c.status).toBe('proposed');
  });
});
