import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  HOT_WORK_ACTIONS,
  HOT_WORK_DEFAULT_MEASURES,
  HOT_WORK_STATUSES,
  HOT_WORK_WORKFLOW,
  type HotWorkAction,
  type HotWorkPermitDetail,
  type HotWorkStatus,
  type OperationCertificateView,
} from '@hazard-ledger/domain';
import { todayInChina } from '../src/lib/time.js';
import { hazardousWorkFacts } from '../src/modules/hazardous-work/hazardous-work.service.js';
import { createTestContext, lastAudit, type TestClient, type TestContext } from './harness.js';
import { pngWithLocation } from './test-files.js';
import { multipartFile } from './multipart.js';

type ErrorBody = {
  error: { code: string; fields: { path: string; message: string }[]; allowedActions?: string[] };
};
type CertificatePage = {
  items: OperationCertificateView[];
  total: number;
  countsByState: Record<string, number>;
};

const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();

describe('hot work and special operations', () => {
  let t: TestContext;
  let safety: TestClient;
  let leader: TestClient;
  let otherEnt: TestClient;
  let inspector: TestClient;
  let jichu: TestClient;
  let officeB: TestClient;
  const today = todayInChina();

  beforeAll(async () => {
    t = await createTestContext();
    const a = t.org.districtA;
    const e = t.enterprises;
    await t.createUser({
      username: 'safety',
      role: 'ent_safety',
      orgUnitId: a,
      enterpriseId: e.hazchemA,
      displayName: '刘安',
    });
    await t.createUser({
      username: 'leader',
      role: 'ent_leader',
      orgUnitId: a,
      enterpriseId: e.hazchemA,
      displayName: '张恒',
    });
    await t.createUser({
      username: 'other',
      role: 'ent_safety',
      orgUnitId: a,
      enterpriseId: e.miningA,
    });
    await t.createUser({
      username: 'zf',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks'],
    });
    await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    await t.createUser({
      username: 'officeb',
      role: 'office',
      orgUnitId: t.org.officeWeihuaB,
      sectors: ['hazchem', 'fireworks'],
    });
    safety = await t.login('safety');
    leader = await t.login('leader');
    otherEnt = await t.login('other');
    inspector = await t.login('zf');
    jichu = await t.login('jichu');
    officeB = await t.login('officeb');
  });
  afterAll(async () => t.close());

  const permitsUrl = () => `/api/v1/enterprises/${t.enterprises.hazchemA}/hot-work-permits`;
  const newPermit = (over: Record<string, unknown> = {}) => ({
    workDescription: '更换罐区DN100管线法兰',
    place: '液氨罐区2号罐',
    level: 'level1',
    startAt: at(-1),
    endAt: at(3),
    guardian: '王监护',
    operators: '李焊（T152701198001011234）',
    measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
    ...over,
  });
  const request = async (over: Record<string, unknown> = {}) => {
    const res = await safety.post(permitsUrl(), newPermit(over));
    expect(res.statusCode).toBe(201);
    return res.json<HotWorkPermitDetail>();
  };
  const act = (
    c: TestClient,
    p: { id: number; version: number },
    action: HotWorkAction,
    payload: Record<string, unknown> = {},
    key?: string,
  ) =>
    c.request({
      method: 'POST',
      url: `/api/v1/hot-work-permits/${p.id}/actions/${action}`,
      payload: { version: p.version, payload },
      headers: key ? { 'idempotency-key': key } : {},
    });
  const setWindow = (id: number, startAt: string, endAt: string) =>
    t.db.kysely
      .updateTable('hot_work_permits')
      .set({ start_at: startAt, end_at: endAt })
      .where('id', '=', id)
      .execute();
  const validPayload: Record<HotWorkAction, Record<string, unknown>> = {
    check_measures: { measures: [{ text: '气体检测合格', checked: true }] },
    approve: { comment: '同意' },
    reject: { reason: '措施不全' },
    start: {},
    close: { comment: '作业完毕，现场已清理' },
    cancel: { reason: '工艺调整' },
  };

  it('documents its routes in the OpenAPI document', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/enterprises/{id}/hot-work-permits',
        '/api/v1/hot-work-permits/{id}/actions/{action}',
        '/api/v1/operation-certificates',
        '/api/v1/enterprises/{id}/warning-educations',
      ]),
    );
  });

  describe('hot-work permits', () => {
    it('files a request with its history and audit row; the requester may not approve it', async () => {
      const p = await request();
      expect(p).toMatchObject({
        status: 'requested',
        requestedByName: '刘安',
        windowState: 'open',
      });
      expect(p.history.map((h) => h.action)).toEqual(['requested']);
      expect(p.availableActions).toEqual(['check_measures', 'cancel']);
      expect(p.blockedActions.map((b) => b.action)).toEqual(['approve', 'reject']);
      expect(await lastAudit(t.db)).toMatchObject({
        action: 'hot_work_permit.requested',
        entity_id: String(p.id),
      });

      const self = await act(safety, p, 'approve');
      expect(self.statusCode).toBe(409);
      const body = self.json<ErrorBody>();
      expect(body.error.fields[0]!.message).toBe('动火作业许可不能由申请人本人审批');
      expect(body.error.allowedActions).toEqual(['check_measures', 'cancel']);

      // Another user of the same enterprise sees the approve button and may approve.
      const seen = (
        await leader.get(`/api/v1/hot-work-permits/${p.id}`)
      ).json<HotWorkPermitDetail>();
      expect(seen.availableActions).toEqual(['check_measures', 'approve', 'reject', 'cancel']);
      const ok = await act(leader, p, 'approve', { comment: '同意动火' });
      expect(ok.statusCode).toBe(200);
      expect(ok.json<HotWorkPermitDetail>()).toMatchObject({
        status: 'approved',
        approvedByName: '张恒',
        version: 2,
      });
    });

    it('refuses bad requests, windows over the level limit and windows already past', async () => {
      const bad = await safety.post(permitsUrl(), newPermit({ guardian: '', level: 'level9' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(
        expect.arrayContaining(['guardian', 'level']),
      );
      const long = await safety.post(permitsUrl(), newPermit({ startAt: at(0), endAt: at(9) }));
      expect(long.json<ErrorBody>().error.fields).toEqual([
        { path: 'endAt', message: '一级动火作业许可有效期不应超过8小时' },
      ]);
      const past = await safety.post(permitsUrl(), newPermit({ startAt: at(-5), endAt: at(-1) }));
      expect(past.statusCode).toBe(400);
      expect(past.json<ErrorBody>().error.fields[0]!.message).toContain('作业结束时间已过');
      expect((await t.anonymous.get(permitsUrl())).statusCode).toBe(401);
    });

    it('refuses approval until every safety measure is checked', async () => {
      const p = await request({
        measures: [
          { text: '清除动火点周围可燃物', checked: true },
          { text: '气体检测合格', checked: false },
        ],
      });
      const refused = await act(leader, p, 'approve');
      expect(refused.statusCode).toBe(409);
      expect(refused.json<ErrorBody>().error.fields[0]!.message).toBe(
        '安全措施未全部落实确认，不能审批：气体检测合格',
      );
      const half = (
        await leader.get(`/api/v1/hot-work-permits/${p.id}`)
      ).json<HotWorkPermitDetail>();
      expect(half.availableActions).not.toContain('approve');
      expect(half.blockedActions[0]!.reason).toContain('气体检测合格');

      const checked = await act(safety, p, 'check_measures', {
        measures: [
          { text: '清除动火点周围可燃物', checked: true },
          { text: '气体检测合格', checked: true },
          { text: '设置围挡', checked: true },
        ],
        gasTestResult: '可燃气体0%LEL，氧含量20.9%',
      });
      expect(checked.statusCode).toBe(200);
      const after = checked.json<HotWorkPermitDetail>();
      expect(after).toMatchObject({ status: 'requested', measuresChecked: 3, measuresTotal: 3 });
      expect(after.gasTestResult).toBe('可燃气体0%LEL，氧含量20.9%');
      expect((await act(leader, after, 'approve')).statusCode).toBe(200);
    });

    it('lets the work start only inside its window, then closes it with the full history', async () => {
      let p = await request({ startAt: at(1), endAt: at(4) });
      p = (await act(leader, p, 'approve')).json<HotWorkPermitDetail>();
      expect(p.availableActions).toEqual(['cancel']);
      const early = await act(safety, p, 'start');
      expect(early.statusCode).toBe(409);
      expect(early.json<ErrorBody>().error.fields[0]!.message).toBe(
        '未到许可的作业时间，不能开始动火作业',
      );

      await setWindow(p.id, at(-6), at(-1));
      const late = await act(safety, p, 'start');
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().error.fields[0]!.message).toContain('已超过许可的作业时间');

      await setWindow(p.id, at(-1), at(2));
      const started = await act(safety, p, 'start', {}, 'start-key-0001');
      expect(started.statusCode).toBe(200);
      p = started.json<HotWorkPermitDetail>();
      expect(p.status).toBe('in_progress');
      // A retried request with the same key changes nothing.
      const again = await act(safety, { id: p.id, version: 2 }, 'start', {}, 'start-key-0001');
      expect(again.statusCode).toBe(200);
      expect(again.json<HotWorkPermitDetail>().version).toBe(p.version);

      const stale = await act(safety, { id: p.id, version: 1 }, 'close');
      expect(stale.statusCode).toBe(409);
      expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
      const closed = (
        await act(leader, p, 'close', { comment: '作业完毕' })
      ).json<HotWorkPermitDetail>();
      expect(closed.status).toBe('closed');
      expect(closed.availableActions).toEqual([]);
      expect(closed.history.map((h) => [h.action, h.toStatus, h.actorName])).toEqual([
        ['requested', 'requested', '刘安'],
        ['approve', 'approved', '张恒'],
        ['start', 'in_progress', '刘安'],
        ['close', 'closed', '张恒'],
      ]);
      expect(closed.history[3]!.note).toBe('作业完毕');
      expect(await lastAudit(t.db)).toMatchObject({ action: 'hot_work_permit.close' });
    });

    it('applies the workflow table to every status × action', async () => {
      for (const status of HOT_WORK_STATUSES) {
        for (const action of HOT_WORK_ACTIONS) {
          const p = await request();
          await t.db.kysely
            .updateTable('hot_work_permits')
            .set({ status })
            .where('id', '=', p.id)
            .execute();
          const res = await act(leader, p, action, validPayload[action]);
          const allowed = (HOT_WORK_WORKFLOW[status] as readonly HotWorkAction[]).includes(action);
          expect(`${status}×${action}:${res.statusCode}`).toBe(
            `${status}×${action}:${allowed ? 200 : 409}`,
          );
          if (allowed) {
            const expected: Partial<Record<HotWorkAction, HotWorkStatus>> = {
              approve: 'approved',
              reject: 'rejected',
              start: 'in_progress',
              close: 'closed',
              cancel: 'cancelled',
            };
            expect(res.json<HotWorkPermitDetail>().status).toBe(expected[action] ?? status);
          } else {
            expect(res.json<ErrorBody>().error.fields[0]!.message).toMatch(/^动火作业许可当前状态/);
          }
        }
      }
    });

    it('validates action payloads', async () => {
      const p = await request();
      const res = await act(leader, p, 'reject', {});
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.fields[0]!.path).toBe('payload.reason');
      const unknown = await act(leader, p, 'explode' as HotWorkAction);
      expect(unknown.statusCode).toBe(400);
    });

    it('scopes permits: staff read without actions, never write; other enterprises see 404', async () => {
      const p = await request();
      const staffView = await inspector.get(`/api/v1/hot-work-permits/${p.id}`);
      expect(staffView.statusCode).toBe(200);
      expect(staffView.json<HotWorkPermitDetail>()).toMatchObject({
        availableActions: [],
        blockedActions: [],
      });
      expect((await act(inspector, p, 'approve')).statusCode).toBe(403);
      expect((await inspector.post(permitsUrl(), newPermit())).statusCode).toBe(403);
      expect((await jichu.get(`/api/v1/hot-work-permits/${p.id}`)).statusCode).toBe(404);
      expect((await officeB.get(permitsUrl())).statusCode).toBe(404);
      expect((await otherEnt.get(`/api/v1/hot-work-permits/${p.id}`)).statusCode).toBe(404);
      expect((await act(otherEnt, p, 'approve')).statusCode).toBe(404);
      expect((await otherEnt.post(permitsUrl(), newPermit())).statusCode).toBe(404);

      const list = await inspector.get(`${permitsUrl()}?status=requested&pageSize=5`);
      expect(list.statusCode).toBe(200);
      const page = list.json<{ items: { status: string }[]; total: number }>();
      expect(page.items.length).toBeLessThanOrEqual(5);
      expect(page.items.every((i) => i.status === 'requested')).toBe(true);
      expect(page.total).toBeGreaterThan(0);
    });
  });

  describe('special-operation certificates', () => {
    const certUrl = (enterpriseId = t.enterprises.hazchemA) =>
      `/api/v1/enterprises/${enterpriseId}/operation-certificates`;
    const newCert = (over: Record<string, unknown> = {}) => ({
      holderName: '王焊',
      category: 'welding',
      certificateNo: `T1527${Math.floor(Math.random() * 1e9)}`,
      validUntil: addDays(today, 800),
      holderType: 'employee',
      engagedBy: '设备部',
      ...over,
    });
    const list = async (c: TestClient, query = '') => {
      const res = await c.get(`/api/v1/operation-certificates${query}`);
      expect(res.statusCode).toBe(200);
      return res.json<CertificatePage>();
    };
    const ids: Record<string, number> = {};

    it('records certificates and flags expiry at the edges', async () => {
      const edges = {
        today: addDays(today, 0),
        plus30: addDays(today, 30),
        plus31: addDays(today, 31),
        yesterday: addDays(today, -1),
      };
      for (const [key, validUntil] of Object.entries(edges)) {
        const res = await safety.post(certUrl(), newCert({ validUntil, holderName: `持证${key}` }));
        expect(res.statusCode).toBe(201);
        ids[key] = res.json<OperationCertificateView>().id;
      }
      const page = await list(safety, '?pageSize=50');
      const byId = new Map(page.items.map((i) => [i.id, i]));
      expect(byId.get(ids.today!)).toMatchObject({ state: 'expiring', daysLeft: 0 });
      expect(byId.get(ids.plus30!)).toMatchObject({ state: 'expiring', daysLeft: 30 });
      expect(byId.get(ids.plus31!)).toMatchObject({ state: 'valid', daysLeft: 31 });
      expect(byId.get(ids.yesterday!)).toMatchObject({ state: 'expired', daysLeft: -1 });
      expect(page.countsByState).toEqual({ expiring: 2, expired: 1, valid: 1, withdrawn: 0 });
      // Expired first: the list is ordered by expiry.
      expect(page.items[0]!.id).toBe(ids.yesterday);
      const expiring = await list(safety, '?state=expiring');
      expect(expiring.items.map((i) => i.id).sort()).toEqual([ids.today, ids.plus30].sort());
      expect((await list(safety, '?state=expired')).items.map((i) => i.id)).toEqual([
        ids.yesterday,
      ]);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'operation_certificate.created' });
    });

    it('refuses bad input, a duplicate number in use and stale edits', async () => {
      const bad = await safety.post(
        certUrl(),
        newCert({ holderType: 'contractor', certificateNo: '证号', engagedBy: '' }),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.fields.map((f) => f.path)).toEqual(
        expect.arrayContaining(['certificateNo', 'engagedBy', 'employer']),
      );
      const first = (
        await safety.post(certUrl(), newCert({ certificateNo: 'T150000000000000001' }))
      ).json<OperationCertificateView>();
      const dup = await leader.post(certUrl(), newCert({ certificateNo: 't150000000000000001' }));
      expect(dup.statusCode).toBe(409);
      expect(dup.json<ErrorBody>().error.fields[0]!.message).toContain('已登记');

      const edit = await leader.request({
        method: 'PUT',
        url: `/api/v1/operation-certificates/${first.id}`,
        payload: {
          ...newCert({ certificateNo: first.certificateNo }),
          holderName: '王焊改',
          version: 1,
        },
      });
      expect(edit.statusCode).toBe(200);
      expect(edit.json<OperationCertificateView>()).toMatchObject({
        holderName: '王焊改',
        version: 2,
      });
      const stale = await leader.request({
        method: 'PUT',
        url: `/api/v1/operation-certificates/${first.id}`,
        payload: { ...newCert({ certificateNo: first.certificateNo }), version: 1 },
      });
      expect(stale.json<ErrorBody>().error.code).toBe('STALE_VERSION');
    });

    it('withdraws a certificate so it stops counting', async () => {
      const before = await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, today);
      expect(before.expiredCertificates).toBe(1);
      const res = await safety.post(`/api/v1/operation-certificates/${ids.yesterday}/withdraw`, {
        reason: '人员已离职',
        version: 1,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<OperationCertificateView>()).toMatchObject({
        state: 'withdrawn',
        withdrawnReason: '人员已离职',
      });
      const after = await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, today);
      expect(after.expiredCertificates).toBe(0);
      expect((await list(safety, '?state=withdrawn')).items.map((i) => i.id)).toEqual([
        ids.yesterday,
      ]);
      const twice = await safety.post(`/api/v1/operation-certificates/${ids.yesterday}/withdraw`, {
        reason: '再次停用',
        version: 2,
      });
      expect(twice.statusCode).toBe(409);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'operation_certificate.withdrawn' });
    });

    it('lists across enterprises by scope and sector, and exports the list', async () => {
      const mine = await otherEnt.post(
        certUrl(t.enterprises.miningA),
        newCert({ holderName: '矿山电工', category: 'electrical' }),
      );
      expect(mine.statusCode).toBe(201);
      // The hazchem inspector sees hazchem certificates only; the mining office the mining one.
      const hazchem = await list(inspector, '?pageSize=100');
      expect(hazchem.items.every((i) => i.sector === 'hazchem')).toBe(true);
      expect(hazchem.total).toBeGreaterThan(0);
      const mining = await list(jichu);
      expect(mining.items.map((i) => i.holderName)).toEqual(['矿山电工']);
      expect((await list(officeB)).total).toBe(0);
      expect((await list(otherEnt)).items.map((i) => i.holderName)).toEqual(['矿山电工']);
      expect(
        (await list(inspector, `?q=${encodeURIComponent('持证to')}`)).items.map(
          (i) => i.holderName,
        ),
      ).toEqual(['持证today']);
      expect((await list(inspector, '?sector=mining')).total).toBe(0);
      // A named enterprise outside the scope is a 404, not an empty list.
      const foreign = await inspector.get(
        `/api/v1/operation-certificates?enterpriseId=${t.enterprises.miningA}`,
      );
      expect(foreign.statusCode).toBe(404);

      const exp = await inspector.get('/api/v1/operation-certificates/export?state=expiring');
      expect(exp.statusCode).toBe(200);
      expect(exp.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exp.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getRow(1).getCell(4).value).toBe('持证人');
      const holders: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) holders.push(row.getCell(4).text);
      });
      expect(holders.sort()).toEqual(['持证plus30', '持证today']);
      expect(sheet.getRow(2).getCell(12).value).toBe('即将到期');
    });

    it('keeps writes to the enterprise itself', async () => {
      expect((await inspector.post(certUrl(), newCert())).statusCode).toBe(403);
      expect((await otherEnt.post(certUrl(), newCert())).statusCode).toBe(404);
      const w = await otherEnt.post(`/api/v1/operation-certificates/${ids.today}/withdraw`, {
        reason: '越权停用',
        version: 1,
      });
      expect(w.statusCode).toBe(404);
    });
  });

  describe('checks, warning education and the facts', () => {
    const url = (kind: string, enterpriseId = t.enterprises.hazchemA) =>
      `/api/v1/enterprises/${enterpriseId}/${kind}`;

    it('records and voids welding-equipment checks', async () => {
      const bad = await safety.post(url('welding-checks'), {
        checkedOn: today,
        equipmentCount: 3,
        retiredCount: 1,
        checkedBy: '设备部',
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error.fields[0]!.path).toBe('actionsTaken');
      const future = await safety.post(url('welding-checks'), {
        checkedOn: addDays(today, 1),
        equipmentCount: 3,
        checkedBy: '设备部',
      });
      expect(future.json<ErrorBody>().error.fields[0]!.message).toBe('日期不能晚于今天');

      const res = await safety.post(url('welding-checks'), {
        checkedOn: today,
        equipmentCount: 8,
        equipmentList: '交流弧焊机6台、氩弧焊机2台',
        problems: '1台焊机外壳接地线断开',
        actionsTaken: '该焊机已淘汰报废',
        retiredCount: 1,
        checkedBy: '设备部 赵工',
      });
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: number }>();
      expect(
        (await inspector.get(url('welding-checks'))).json<{ items: unknown[] }>().items,
      ).toHaveLength(1);
      expect(
        (await inspector.post(`/api/v1/welding-checks/${id}/void`, { reason: '误录' })).statusCode,
      ).toBe(403);
      expect(
        (await otherEnt.post(`/api/v1/welding-checks/${id}/void`, { reason: '误录' })).statusCode,
      ).toBe(404);
      expect(
        (
          await otherEnt.post(url('welding-checks'), {
            checkedOn: today,
            equipmentCount: 1,
            checkedBy: '某某',
          })
        ).statusCode,
      ).toBe(404);

      const facts = await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, today);
      expect(facts.weldingEquipmentChecked).toBe(true);
      const voided = await leader.post(`/api/v1/welding-checks/${id}/void`, { reason: '重复录入' });
      expect(voided.statusCode).toBe(204);
      expect(await lastAudit(t.db)).toMatchObject({ action: 'welding_check.voided' });
      expect(
        (await leader.get(url('welding-checks'))).json<{ items: unknown[] }>().items,
      ).toHaveLength(0);
      expect(
        (await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, today))
          .weldingEquipmentChecked,
      ).toBe(false);
      expect(
        (await leader.post(`/api/v1/welding-checks/${id}/void`, { reason: '再次' })).statusCode,
      ).toBe(404);
    });

    it('records the warning education with photos: images only, metadata stripped', async () => {
      const res = await safety.post(url('warning-educations'), {
        heldOn: today,
        participants: 186,
        content: '观看违规动火事故警示片，学习动火作业安全规程',
        organizer: '安全部',
      });
      expect(res.statusCode).toBe(201);
      const { id } = res.json<{ id: number }>();
      const upload = (c: TestClient, name: string, content: Buffer) => {
        const { payload, headers } = multipartFile(name, content, 'application/octet-stream');
        return c.request({
          method: 'POST',
          url: `/api/v1/warning-educations/${id}/photos`,
          payload,
          headers,
        });
      };
      const pdf = await upload(safety, 'fake.png', Buffer.from('%PDF-1.4 not a photo'));
      expect(pdf.statusCode).toBe(400);
      expect(pdf.json<ErrorBody>().error.fields[0]!.message).toBe(
        '只能上传 JPEG、PNG 或 WebP 格式的照片',
      );
      expect((await upload(inspector, 'a.png', pngWithLocation())).statusCode).toBe(403);
      expect((await upload(otherEnt, 'a.png', pngWithLocation())).statusCode).toBe(404);

      const ok = await upload(safety, '现场.png', pngWithLocation());
      expect(ok.statusCode).toBe(201);
      const photo = ok.json<{ id: number; mimeType: string; fileName: string }>();
      expect(photo).toMatchObject({ mimeType: 'image/png', fileName: '现场.png' });
      const got = await inspector.get(`/api/v1/warning-educations/${id}/photos/${photo.id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['content-type']).toBe('image/png');
      expect(got.rawPayload.includes(Buffer.from('GPSLatitude'))).toBe(false);
      expect(
        (await jichu.get(`/api/v1/warning-educations/${id}/photos/${photo.id}`)).statusCode,
      ).toBe(404);

      const listed = (await inspector.get(url('warning-educations'))).json<{
        items: { id: number; photos: unknown[] }[];
      }>();
      expect(listed.items[0]).toMatchObject({
        id,
        photos: [expect.objectContaining({ id: photo.id })],
      });
      expect(await lastAudit(t.db)).toMatchObject({ action: 'warning_education.photo_added' });
    });

    it('records the staff check and computes the facts for the calendar year', async () => {
      const bad = await safety.post(url('hazardous-staff-checks'), {
        checkedOn: today,
        scope: '动火作业人员',
        peopleChecked: 12,
        unlicensedFound: 1,
      });
      expect(bad.json<ErrorBody>().error.fields[0]!.path).toBe('actionsTaken');
      const res = await leader.post(url('hazardous-staff-checks'), {
        checkedOn: today,
        scope: '动火、受限空间、高处作业人员及特种作业岗位',
        peopleChecked: 36,
        unlicensedFound: 1,
        problems: '外包单位1名焊工未持证',
        actionsTaken: '已清退出场，对招请部门负责人约谈',
      });
      expect(res.statusCode).toBe(201);
      expect((await inspector.post(url('hazardous-staff-checks'), {})).statusCode).toBe(403);

      await safety.post(url('welding-checks'), {
        checkedOn: today,
        equipmentCount: 2,
        checkedBy: '设备部',
      });
      const facts = await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, today);
      expect(facts).toEqual({
        warningEducationHeld: true,
        weldingEquipmentChecked: true,
        hazardousStaffChecked: true,
        expiredCertificates: 0,
        expiringCertificates: 2,
      });
      // Next year the records of this year no longer count; the certificates have expired.
      const nextYear = `${Number(today.slice(0, 4)) + 1}-12-31`;
      expect(await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, nextYear)).toMatchObject(
        {
          warningEducationHeld: false,
          weldingEquipmentChecked: false,
          hazardousStaffChecked: false,
          expiringCertificates: 0,
        },
      );
      // Before any record of the year was made, nothing counts either.
      const lastYear = `${Number(today.slice(0, 4)) - 1}-12-31`;
      expect(await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemA, lastYear)).toMatchObject(
        {
          warningEducationHeld: false,
          weldingEquipmentChecked: false,
          hazardousStaffChecked: false,
        },
      );
      // Another enterprise has its own facts.
      expect(await hazardousWorkFacts(t.db.kysely, t.enterprises.hazchemB, today)).toEqual({
        warningEducationHeld: false,
        weldingEquipmentChecked: false,
        hazardousStaffChecked: false,
        expiredCertificates: 0,
        expiringCertificates: 0,
      });

      const summary = await safety.get(
        `/api/v1/enterprises/${t.enterprises.hazchemA}/hazardous-work`,
      );
      expect(summary.statusCode).toBe(200);
      expect(summary.json()).toMatchObject({ canRecord: true, facts, asOf: today });
      const staffSummary = await inspector.get(
        `/api/v1/enterprises/${t.enterprises.hazchemA}/hazardous-work`,
      );
      expect(staffSummary.json()).toMatchObject({ canRecord: false });
      expect(
        (await jichu.get(`/api/v1/enterprises/${t.enterprises.hazchemA}/hazardous-work`))
          .statusCode,
      ).toBe(404);
    });
  });
});
