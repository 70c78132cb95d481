import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  type EnrolmentView,
  type OperationCertificateView,
  type OperationTrainingDetail,
  type OperationTrainingView,
  type StaffList,
  type StaffTrainingRecord,
  type StaffTrainingView,
  type StaffView,
} from '@hazard-ledger/domain';
import { todayInChina } from '../src/lib/time.js';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { seedDemo } from '../src/seed/demo.js';
import { qualifiedStaffIds } from '../src/modules/staff/staff.service.js';
import {
  createTestContext,
  lastAudit,
  TEST_PASSWORD,
  type TestClient,
  type TestContext,
} from './harness.js';

// Enforcement staff and training through the API: records with audit and district scope, the
// §四(三) qualified share per unit, staff training hours per person, and the special-operation
// training service (announce → enrol → assess → certificate in the enterprise's list).

type ErrorBody = { error: { code: string; fields?: { path: string; message: string }[] } };
type StaffDetail = StaffView & { training: StaffTrainingRecord };

describe('enforcement staff and training', () => {
  let t: TestContext;
  let admin: TestClient;
  let adminB: TestClient;
  let weihua: TestClient;
  let zhifa: TestClient;
  let entA: TestClient;
  let entMiningA: TestClient;
  let entB: TestClient;
  let inspectorId: number;
  const today = todayInChina();

  const person = (over: Record<string, unknown> = {}) => ({
    orgUnitId: t.org.brigadeA,
    name: '张执法',
    education: 'bachelor',
    major: '安全工程',
    majorSafetyRelated: true,
    safetyYears: 5,
    ...over,
  });

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({ username: 'adminB', role: 'bureau_admin', orgUnitId: t.org.districtB });
    await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    inspectorId = await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      displayName: '耿建',
    });
    await t.db.kysely
      .updateTable('users')
      .set({ certificate_no: '15060223001' })
      .where('id', '=', inspectorId)
      .execute();
    await t.createUser({
      username: 'entA',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
      displayName: '刘安',
    });
    await t.createUser({
      username: 'entMiningA',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.miningA,
    });
    await t.createUser({
      username: 'entB',
      role: 'ent_safety',
      orgUnitId: t.org.districtB,
      enterpriseId: t.enterprises.hazchemB,
    });
    admin = await t.login('admin');
    adminB = await t.login('adminB');
    weihua = await t.login('weihua');
    zhifa = await t.login('zhifa');
    entA = await t.login('entA');
    entMiningA = await t.login('entMiningA');
    entB = await t.login('entB');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('staff records', () => {
    let linkedId: number;

    it('links an inspector account, takes its certificate number, and audits', async () => {
      const options = await admin.get('/api/v1/enforcement-staff/linkable-users');
      expect(options.json<{ items: { id: number }[] }>().items.map((u) => u.id)).toContain(
        inspectorId,
      );
      const res = await admin.post(
        '/api/v1/enforcement-staff',
        person({ userId: inspectorId, name: '耿建', certificateValidUntil: addDays(today, 400) }),
      );
      expect(res.statusCode).toBe(201);
      const view = res.json<StaffDetail>();
      linkedId = view.id;
      expect(view).toMatchObject({
        name: '耿建',
        username: 'zhifa',
        certificateNo: '15060223001',
        districtId: t.org.districtA,
        qualified: true,
        certificateExpired: false,
      });
      const audit = await lastAudit(t.db);
      expect(audit.action).toBe('enforcement_staff.created');
      expect(Number(audit.entity_id)).toBe(linkedId);
      // One live record per account.
      const again = await admin.post('/api/v1/enforcement-staff', person({ userId: inspectorId }));
      expect(again.statusCode).toBe(409);
    });

    it('only the bureau edits; field errors are in Chinese', async () => {
      expect((await zhifa.post('/api/v1/enforcement-staff', person())).statusCode).toBe(403);
      const bad = await admin.post(
        '/api/v1/enforcement-staff',
        person({ safetyYears: -1, major: null }),
      );
      expect(bad.statusCode).toBe(400);
      const fields = bad.json<ErrorBody>().error.fields ?? [];
      expect(fields).toEqual(
        expect.arrayContaining([
          { path: 'safetyYears', message: '安全生产相关工作年限应为0-60的整数' },
        ]),
      );
    });

    it('a record of another district reads as 404 and cannot be edited', async () => {
      const foreignRead = await adminB.get(`/api/v1/enforcement-staff/${linkedId}`);
      expect(foreignRead.statusCode, foreignRead.body).toBe(404);
      const edit = await adminB.request({
        method: 'PUT',
        url: `/api/v1/enforcement-staff/${linkedId}`,
        payload: { ...person(), version: 1 },
      });
      expect(edit.statusCode).toBe(404);
      expect((await zhifa.get(`/api/v1/enforcement-staff/${linkedId}`)).statusCode).toBe(200);
      // A unit of another district cannot be chosen.
      const foreign = await admin.post(
        '/api/v1/enforcement-staff',
        person({ orgUnitId: t.org.officeWeihuaB }),
      );
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json<ErrorBody>().error.fields?.[0]?.path).toBe('orgUnitId');
    });

    it('edits with the version, and a stale version is refused', async () => {
      const res = await admin.request({
        method: 'PUT',
        url: `/api/v1/enforcement-staff/${linkedId}`,
        payload: { ...person({ userId: inspectorId, name: '耿建', safetyYears: 1 }), version: 1 },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<StaffView>()).toMatchObject({ qualified: false, version: 2 });
      expect((await lastAudit(t.db)).action).toBe('enforcement_staff.updated');
      const stale = await admin.request({
        method: 'PUT',
        url: `/api/v1/enforcement-staff/${linkedId}`,
        payload: { ...person({ userId: inspectorId, name: '耿建' }), version: 1 },
      });
      expect(stale.statusCode).toBe(409);
      const back = await admin.request({
        method: 'PUT',
        url: `/api/v1/enforcement-staff/${linkedId}`,
        payload: { ...person({ userId: inspectorId, name: '耿建' }), version: 2 },
      });
      expect(back.statusCode).toBe(200);
    });

    it('computes the qualified share per unit against the 75 % floor', async () => {
      // Brigade: 耿建 (qualified) + 3 more, of which 2 qualified → 3 of 4 = 75 %, meets the floor.
      const ids: number[] = [];
      for (const p of [
        person({ name: '甲一' }),
        person({ name: '甲二', safetyYears: 2 }),
        person({ name: '甲三', majorSafetyRelated: false, major: '法学', safetyYears: 10 }),
      ]) {
        const res = await admin.post('/api/v1/enforcement-staff', p);
        expect(res.statusCode).toBe(201);
        ids.push(res.json<StaffView>().id);
      }
      // The office: one person, not qualified.
      await admin.post(
        '/api/v1/enforcement-staff',
        person({ orgUnitId: t.org.officeWeihuaA, name: '乙一', safetyYears: 0 }),
      );
      const list = (await weihua.get('/api/v1/enforcement-staff')).json<StaffList>();
      const brigade = list.units.find((u) => u.orgUnitId === t.org.brigadeA)!;
      expect(brigade.share).toMatchObject({
        total: 4,
        qualified: 3,
        percent: 75,
        meetsFloor: true,
      });
      const office = list.units.find((u) => u.orgUnitId === t.org.officeWeihuaA)!;
      expect(office.share).toMatchObject({ total: 1, qualified: 0, meetsFloor: false });
      expect(list.share).toMatchObject({ total: 5, qualified: 3, percent: 60, meetsFloor: false });
      expect(list.rule.floorPercent).toBe(75);

      // Voiding a qualified person drops the brigade below the floor (2 of 3).
      const voided = await admin.post(`/api/v1/enforcement-staff/${ids[0]}/void`, {
        reason: '调离',
        version: 1,
      });
      expect(voided.statusCode).toBe(200);
      expect((await lastAudit(t.db)).action).toBe('enforcement_staff.voided');
      const after = (await admin.get('/api/v1/enforcement-staff')).json<StaffList>();
      expect(after.units.find((u) => u.orgUnitId === t.org.brigadeA)!.share).toMatchObject({
        total: 3,
        qualified: 2,
        percent: 66.7,
        meetsFloor: false,
      });

      // The report function sees the same records.
      const districtA = await t.db.kysely
        .selectFrom('org_units')
        .select('path')
        .where('id', '=', t.org.districtA)
        .executeTakeFirstOrThrow();
      const figure = await qualifiedStaffIds(t.db.kysely, [districtA.path]);
      expect(figure.staffIds).toHaveLength(4);
      expect(figure.qualifiedIds).toHaveLength(2);
      expect(figure.staffIds).not.toContain(ids[0]);
      // Other districts see none of it.
      const listB = (await adminB.get('/api/v1/enforcement-staff')).json<StaffList>();
      expect(listB.items).toHaveLength(0);
      expect(
        (await adminB.get(`/api/v1/enforcement-staff?districtId=${t.org.districtA}`)).statusCode,
      ).toBe(404);
    });
  });

  describe('staff training', () => {
    it("adds up each person's hours from the sessions attended", async () => {
      const list = (await admin.get('/api/v1/enforcement-staff')).json<StaffList>();
      const [a, b] = list.items;
      const year = today.slice(0, 4);
      const first = await admin.post('/api/v1/staff-trainings', {
        topic: '重大事故隐患判定标准专题培训',
        heldOn: `${year}-01-10`,
        hours: 3.5,
        trainer: '市局专家',
        attendeeIds: [a!.id, b!.id],
      });
      expect(first.statusCode).toBe(201);
      const session = first.json<StaffTrainingView>();
      expect(session.attendees.map((x) => x.staffId).sort()).toEqual([a!.id, b!.id].sort());
      expect((await lastAudit(t.db)).action).toBe('staff_training.created');
      const second = await admin.post('/api/v1/staff-trainings', {
        topic: '安全生产法律法规',
        heldOn: `${year}-01-20`,
        hours: 2,
        trainer: '法制科',
        attendeeIds: [a!.id],
      });
      expect(second.statusCode).toBe(201);

      let detail = (await admin.get(`/api/v1/enforcement-staff/${a!.id}`)).json<StaffDetail>();
      expect(detail.training.years).toEqual([{ year: Number(year), hours: 5.5, sessions: 2 }]);
      expect(detail.trainingHoursThisYear).toBe(5.5);

      // Taking A off the first session's list leaves 2 hours.
      const edit = await admin.request({
        method: 'PUT',
        url: `/api/v1/staff-trainings/${session.id}`,
        payload: {
          topic: session.topic,
          heldOn: session.heldOn,
          hours: 3.5,
          trainer: session.trainer,
          attendeeIds: [b!.id],
          version: 1,
        },
      });
      expect(edit.statusCode).toBe(200);
      detail = (await admin.get(`/api/v1/enforcement-staff/${a!.id}`)).json<StaffDetail>();
      expect(detail.training.years[0]?.hours).toBe(2);

      // A foreign attendee is refused; another district does not see the session.
      const foreign = await admin.post('/api/v1/staff-trainings', {
        topic: '测试',
        heldOn: today,
        hours: 1,
        trainer: '测试人',
        attendeeIds: [999_999],
      });
      expect(foreign.statusCode).toBe(400);
      expect((await adminB.get(`/api/v1/staff-trainings/${session.id}`)).statusCode).toBe(404);
      const bad = await admin.post('/api/v1/staff-trainings', {
        topic: '测试',
        heldOn: today,
        hours: 0.25,
        trainer: '测试人',
      });
      expect(bad.json<ErrorBody>().error.fields?.[0]).toEqual({
        path: 'hours',
        message: '学时应为0.5-200之间的数，最多1位小数',
      });

      // Voiding the session takes its hours off the record; a stale version is refused.
      const stale = await admin.post(`/api/v1/staff-trainings/${session.id}/void`, {
        reason: '录入错误',
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      const voided = await admin.post(`/api/v1/staff-trainings/${session.id}/void`, {
        reason: '录入错误',
        version: 2,
      });
      expect(voided.statusCode).toBe(200);
      expect((await lastAudit(t.db)).action).toBe('staff_training.voided');
      expect(voided.json<{ voidedAt: string | null }>().voidedAt).not.toBeNull();
      // B attended only the voided session: no hours left this year.
      const bDetail = (await admin.get(`/api/v1/enforcement-staff/${b!.id}`)).json<StaffDetail>();
      expect(bDetail.trainingHoursThisYear).toBe(0);
    });
  });

  describe('special-operation training for enterprises', () => {
    let trainingId: number;
    const session = (over: Record<string, unknown> = {}) => ({
      title: '焊接与热切割作业培训班',
      category: 'welding',
      operationItem: '熔化焊接与热切割作业',
      startsOn: addDays(today, 20),
      place: '区应急管理局培训室',
      capacity: 2,
      enrolDeadline: addDays(today, 10),
      ...over,
    });
    const student = (n: number) => ({
      personName: `学员${n}`,
      idNumber: `15060219900101${String(1000 + n).slice(-4)}`,
      post: '电焊工',
    });

    it('edits a session with its version and cancels it with a reason', async () => {
      const created = (
        await admin.post('/api/v1/operation-trainings', session({ title: '高处作业培训班' }))
      ).json<OperationTrainingDetail>();
      const edit = await admin.request({
        method: 'PUT',
        url: `/api/v1/operation-trainings/${created.id}`,
        payload: { ...session({ title: '高处作业培训班（第二期）', capacity: 5 }), version: 1 },
      });
      expect(edit.statusCode).toBe(200);
      expect(edit.json<OperationTrainingDetail>().capacity).toBe(5);
      expect((await lastAudit(t.db)).action).toBe('operation_training.updated');
      const stale = await admin.post(`/api/v1/operation-trainings/${created.id}/cancel`, {
        reason: '报名人数不足',
        version: 1,
      });
      expect(stale.statusCode).toBe(409);
      const cancelled = await admin.post(`/api/v1/operation-trainings/${created.id}/cancel`, {
        reason: '报名人数不足',
        version: 2,
      });
      expect(cancelled.statusCode).toBe(200);
      expect((await lastAudit(t.db)).action).toBe('operation_training.cancelled');
    });

    it('announces a session to the enterprises of the district only', async () => {
      const res = await admin.post('/api/v1/operation-trainings', session());
      expect(res.statusCode).toBe(201);
      trainingId = res.json<OperationTrainingDetail>().id;
      expect((await lastAudit(t.db)).action).toBe('operation_training.created');
      const mine = (await entA.get('/api/v1/my/operation-trainings')).json<{
        items: OperationTrainingView[];
      }>();
      expect(mine.items.map((i) => i.id)).toContain(trainingId);
      expect(mine.items.find((i) => i.id === trainingId)?.open).toBe(true);
      const other = (await entB.get('/api/v1/my/operation-trainings')).json<{
        items: OperationTrainingView[];
      }>();
      expect(other.items.map((i) => i.id)).not.toContain(trainingId);
      expect((await entB.get(`/api/v1/my/operation-trainings/${trainingId}`)).statusCode).toBe(404);
      expect(
        (await entB.post(`/api/v1/my/operation-trainings/${trainingId}/enrolments`, student(9)))
          .statusCode,
      ).toBe(404);
      // Enterprise users cannot use the bureau's side.
      expect((await entA.get(`/api/v1/operation-trainings/${trainingId}`)).statusCode).toBe(403);
    });

    it('an enterprise enrols its own people and sees only its own enrolments', async () => {
      const res = await entA.post(
        `/api/v1/my/operation-trainings/${trainingId}/enrolments`,
        student(1),
      );
      expect(res.statusCode).toBe(201);
      const enrolment = res.json<EnrolmentView>();
      expect(enrolment).toMatchObject({
        enterpriseId: t.enterprises.hazchemA,
        personName: '学员1',
        idNumber: '1506**********1001',
        enrolledByName: '刘安',
      });
      const audit = await lastAudit(t.db);
      expect(audit.action).toBe('operation_training.enrolled');
      expect(JSON.stringify(audit)).not.toContain('150602199001011001');
      const dup = await entA.post(
        `/api/v1/my/operation-trainings/${trainingId}/enrolments`,
        student(1),
      );
      expect(dup.statusCode).toBe(409);

      const other = await entMiningA.get(`/api/v1/my/operation-trainings/${trainingId}`);
      expect(other.statusCode).toBe(200);
      expect(other.json<OperationTrainingDetail>()).toMatchObject({ enrolled: 1, enrolments: [] });
      const withdraw = await entMiningA.post(
        `/api/v1/my/operation-training-enrolments/${enrolment.id}/withdraw`,
        { reason: '误报', version: 1 },
      );
      expect(withdraw.statusCode).toBe(404);
      const bureau = (
        await admin.get(`/api/v1/operation-trainings/${trainingId}`)
      ).json<OperationTrainingDetail>();
      expect(bureau.enrolments.map((e) => e.id)).toEqual([enrolment.id]);
    });

    it('refuses enrolment when full or after the deadline, with Chinese field errors', async () => {
      expect(
        (
          await entMiningA.post(
            `/api/v1/my/operation-trainings/${trainingId}/enrolments`,
            student(2),
          )
        ).statusCode,
      ).toBe(201);
      const full = await entA.post(
        `/api/v1/my/operation-trainings/${trainingId}/enrolments`,
        student(3),
      );
      expect(full.statusCode).toBe(400);
      expect(full.json<ErrorBody>().error.fields).toEqual([
        { path: 'capacity', message: '名额已满（共2人）' },
      ]);

      const closed = await admin.post(
        '/api/v1/operation-trainings',
        session({ startsOn: today, enrolDeadline: addDays(today, -1) }),
      );
      const closedId = closed.json<OperationTrainingDetail>().id;
      expect(closed.json<OperationTrainingDetail>().open).toBe(false);
      const late = await entA.post(
        `/api/v1/my/operation-trainings/${closedId}/enrolments`,
        student(4),
      );
      expect(late.statusCode).toBe(400);
      expect(late.json<ErrorBody>().error.fields).toEqual([
        { path: 'enrolDeadline', message: `报名已截止（截止日期${addDays(today, -1)}）` },
      ]);

      const badDates = await admin.post(
        '/api/v1/operation-trainings',
        session({ enrolDeadline: addDays(today, 30) }),
      );
      expect(badDates.statusCode).toBe(400);
      expect(badDates.json<ErrorBody>().error.fields?.[0]).toEqual({
        path: 'enrolDeadline',
        message: '报名截止日期不能晚于开班日期',
      });
    });

    it("a pass puts the certificate in the enterprise's certificate list", async () => {
      const detail = (
        await admin.get(`/api/v1/operation-trainings/${trainingId}`)
      ).json<OperationTrainingDetail>();
      const own = detail.enrolments.find((e) => e.enterpriseId === t.enterprises.hazchemA)!;
      const other = detail.enrolments.find((e) => e.enterpriseId === t.enterprises.miningA)!;

      const missing = await admin.post(
        `/api/v1/operation-training-enrolments/${own.id}/assessment`,
        { result: 'pass', score: 88, version: own.version },
      );
      expect(missing.statusCode).toBe(400);
      expect(missing.json<ErrorBody>().error.fields).toEqual(
        expect.arrayContaining([{ path: 'certificateNo', message: '考核合格须填写证号' }]),
      );
      expect(
        (
          await entA.post(`/api/v1/operation-training-enrolments/${own.id}/assessment`, {
            result: 'fail',
            version: own.version,
          })
        ).statusCode,
      ).toBe(403);

      const pass = await admin.post(`/api/v1/operation-training-enrolments/${own.id}/assessment`, {
        result: 'pass',
        score: 88,
        certificateNo: 't150602199001011001',
        issuedOn: today,
        validUntil: addDays(today, 6 * 365),
        version: own.version,
      });
      expect(pass.statusCode).toBe(200);
      expect(pass.json<EnrolmentView>()).toMatchObject({
        result: 'pass',
        score: 88,
        certificateNo: 'T150602199001011001',
      });
      expect((await lastAudit(t.db)).action).toBe('operation_training.assessed');
      const again = await admin.post(`/api/v1/operation-training-enrolments/${own.id}/assessment`, {
        result: 'fail',
        version: own.version + 1,
      });
      expect(again.statusCode).toBe(409);

      const fail = await admin.post(
        `/api/v1/operation-training-enrolments/${other.id}/assessment`,
        {
          result: 'fail',
          score: 40,
          version: other.version,
        },
      );
      expect(fail.json<EnrolmentView>()).toMatchObject({ result: 'fail', certificateId: null });

      const certificates = await entA.get(
        `/api/v1/operation-certificates?page=1&pageSize=50&enterpriseId=${t.enterprises.hazchemA}`,
      );
      expect(certificates.statusCode).toBe(200);
      const items = certificates.json<{ items: OperationCertificateView[] }>().items;
      expect(items).toEqual([
        expect.objectContaining({
          holderName: '学员1',
          category: 'welding',
          operationItem: '熔化焊接与热切割作业',
          certificateNo: 'T150602199001011001',
          issuedOn: today,
          state: 'valid',
        }),
      ]);
      const miningCerts = await entMiningA.get(
        `/api/v1/operation-certificates?page=1&pageSize=50&enterpriseId=${t.enterprises.miningA}`,
      );
      expect(miningCerts.json<{ items: unknown[] }>().items).toHaveLength(0);
    });
  });
});

describe('demo seed: staff and training', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await seedCatalogs(t.db, t.app.audit);
    expect(await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config)).toBe(true);
  });
  afterAll(async () => t.close());

  it('seeds 东胜区执法大队 below the floor, a training, and an enrolment from 恒泰化工', async () => {
    const admin = await t.login('admin', TEST_PASSWORD);
    const list = (await admin.get('/api/v1/enforcement-staff')).json<StaffList>();
    expect(list.items.map((i) => i.username).filter(Boolean)).toEqual(
      expect.arrayContaining(['zhifa1', 'zhifa2']),
    );
    expect(list.units).toHaveLength(1);
    expect(list.units[0]!.share).toMatchObject({ total: 5, qualified: 3, meetsFloor: false });
    const zhifa1 = list.items.find((i) => i.username === 'zhifa1')!;
    // The training was 20 days ago: this year's hours unless the year just turned.
    expect([0, 4]).toContain(zhifa1.trainingHoursThisYear);
    const trainings = (await admin.get('/api/v1/staff-trainings')).json<{
      items: StaffTrainingView[];
    }>();
    expect(trainings.items[0]?.attendees).toHaveLength(4);
    const qiye = await t.login('qiye1_aq', TEST_PASSWORD);
    const announced = (await qiye.get('/api/v1/my/operation-trainings')).json<{
      items: OperationTrainingView[];
    }>();
    expect(announced.items).toHaveLength(1);
    const detail = (
      await qiye.get(`/api/v1/my/operation-trainings/${announced.items[0]!.id}`)
    ).json<OperationTrainingDetail>();
    expect(detail.enrolments.map((e) => e.personName)).toEqual(['马林']);
  });
});
