import type { Sector } from '@hazard-ledger/domain';
import { tinyPdf } from '../src/modules/duty-records/tiny-pdf.js';
import {
  addDays,
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  today,
} from './access-matrix-scope.js';
import { TEST_PASSWORD, type TestClient } from './harness.js';
import { multipartFile } from './multipart.js';

// The enforcement and personal-data records of the access matrix (issue 12 §1) that the demo
// does not have for every scope variant: penalty cases with their parties, enforcement measures
// with their documents, inspection records, self-inspection runs, enforcement staff and their
// trainings, notices, alerts and disclosures. Each is created through the app's routes by the
// users who would create it: the 东胜 inspectors and offices for 恒泰化工 (own, before the
// testers' views are taken), district 乙's own users for 乙区化工企业 (FOREIGN_MARK in every
// text), 金鼎矿业's own users and the 东胜 inspectors for the other sector (SECTOR_MARK).

const api = '/api/v1';
type Created = { id: number; version: number };

/** A major hazard of the enterprise, recorded by an inspector; its id and ledger number. */
async function majorHazard(
  inspector: TestClient,
  enterpriseId: number,
  mark: string,
): Promise<{ id: number; number: string }> {
  return expectCreated<{ id: number; number: string }>(
    `${mark} hazard`,
    inspector.post(`${api}/hazards`, {
      enterpriseId,
      level: 'major',
      title: `${mark}重大隐患`,
      description: `${mark}装置区可燃气体检测报警系统停用`,
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法人员',
      noCatalogReason: '测试',
      treatment: 'deadline',
    }),
  );
}

/** A penalty case on the hazard, taken to 调查终结 with the enterprise as its party. */
async function penaltyCase(
  inspector: TestClient,
  enterpriseId: number,
  enterpriseName: string,
  hazardId: number,
  mark: string,
): Promise<number> {
  let c = await expectCreated<Created>(
    `${mark} penalty case`,
    inspector.post(`${api}/penalty-cases`, {
      enterpriseId,
      matter: `${mark}未采取措施消除重大事故隐患`,
      filedOn: today,
      hazardIds: [hazardId],
    }),
  );
  const act = (action: string, payload: unknown) =>
    expectCreated<Created>(
      `${mark} penalty ${action}`,
      inspector.post(`${api}/penalty-cases/${c.id}/actions/${action}`, {
        version: c.version,
        payload,
      }),
    );
  c = await act('end_investigation', {});
  c = await act('edit_parties', {
    parties: [
      {
        kind: 'enterprise',
        name: enterpriseName,
        basis: 'aqsf_102',
        amountFen: 3_000_000,
        decisionNo: `${mark}罚〔2026〕1号`,
      },
    ],
  });
  return c.id;
}

/** An enforcement measure served on the enterprise (a 通报), with an uploaded document. */
async function measureWithDocument(
  inspector: TestClient,
  enterpriseId: number,
  mark: string,
): Promise<number> {
  const { payload, headers } = multipartFile(
    `${mark}通报.pdf`,
    tinyPdf(['Notification']),
    'application/pdf',
  );
  const document = await expectCreated(
    `${mark} measure document`,
    inspector.request({
      method: 'POST',
      url: `${api}/enforcement-measures/documents`,
      payload,
      headers,
    }),
  );
  const measure = await expectCreated(
    `${mark} measure`,
    inspector.post(`${api}/enforcement-measures`, {
      enterpriseId,
      kind: 'notification',
      date: today,
      basis: '《安全生产法》第九十五条',
      scope: `${mark}全区安全生产系统`,
      documentIds: [document.id],
    }),
  );
  return measure.id;
}

/**
 * A notice with an attached document and an accident alert of the office's district, both
 * addressed to the enterprises of one of the office's sectors; their ids.
 */
export async function noticeAndAlert(
  office: TestClient,
  mark: string,
  sector: Sector = 'hazchem',
): Promise<{ noticeId: number; alertId: number }> {
  const attachment = await expectCreated(
    `${mark} notice attachment`,
    office.request({
      method: 'POST',
      url: `${api}/notices/attachments`,
      ...multipartFile(`${mark}判定标准.pdf`, tinyPdf(['Standard']), 'application/pdf'),
    }),
  );
  const notice = await expectCreated(
    `${mark} notice`,
    office.post(`${api}/notices`, {
      title: `${mark}通知`,
      body: `${mark}请组织学习重大事故隐患判定标准。`,
      sectors: [sector],
      attachmentIds: [attachment.id],
    }),
  );
  const alert = await expectCreated(
    `${mark} alert`,
    office.post(`${api}/alerts`, {
      title: `${mark}事故警示`,
      accidentDate: today,
      place: `${mark}园区`,
      summary: `${mark}作业现场闪爆`,
      lesson: '动火作业前未检测可燃气体',
      sectors: [sector],
      dueDate: addDays(today, 7),
    }),
  );
  return { noticeId: notice.id, alertId: alert.id };
}

/** Records of 恒泰化工 (the own enterprise) the demo lacks; before the testers' views. */
export async function seedOwnEnforcement(world: MatrixWorld): Promise<void> {
  const { t, ents } = world;
  const inspector = await t.login('zhifa1');
  const hazard = await majorHazard(inspector, ents.own.id, '本企业');
  await penaltyCase(inspector, ents.own.id, ents.own.name, hazard.id, '本企业');
  await measureWithDocument(inspector, ents.own.id, '本企业');
  await noticeAndAlert(await t.login('weihua'), '本区');
  await expectCreated(
    'own disclosure',
    (await t.login('xuanjiao')).post(`${api}/disclosures`, {
      kind: 'exposure',
      sourceType: 'hazard',
      sourceNumber: hazard.number,
    }),
  );
}

/** District 乙's enforcement and staff records, by its own bureau, inspectors and enterprise. */
export async function seedDistrictBEnforcement(world: MatrixWorld): Promise<void> {
  const { t, ents, districtB, foreignIds } = world;
  const adminB = await t.login('mx_admin_b');
  // Two certified inspectors of district 乙, opened by its bureau (an inspection needs two).
  const inspectorIds: number[] = [];
  for (const n of [1, 2]) {
    const user = await expectCreated(
      `district 乙 inspector ${n}`,
      adminB.post(`${api}/users`, {
        username: `mx_zf_b${n}`,
        password: TEST_PASSWORD,
        displayName: `${FOREIGN_MARK}执法${n}`,
        role: 'inspector',
        orgUnitId: districtB.id,
        sectors: ['hazchem'],
        certificateNo: `MXB-ZF-00${n}`,
      }),
    );
    inspectorIds.push(user.id);
  }
  const inspectorB = await t.login('mx_zf_b1');
  const hazard = await majorHazard(inspectorB, ents.otherDistrict.id, FOREIGN_MARK);
  foreignIds.set(
    'penalty-cases',
    await penaltyCase(
      inspectorB,
      ents.otherDistrict.id,
      ents.otherDistrict.name,
      hazard.id,
      FOREIGN_MARK,
    ),
  );
  foreignIds.set(
    'enforcement-measures',
    await measureWithDocument(inspectorB, ents.otherDistrict.id, FOREIGN_MARK),
  );
  const inspection = await expectCreated(
    'district 乙 inspection',
    inspectorB.post(`${api}/inspections`, {
      enterpriseId: ents.otherDistrict.id,
      inspectorUserIds: inspectorIds,
      startedAt: `${today}T09:00:00+08:00`,
      endedAt: `${today}T11:00:00+08:00`,
      place: `${FOREIGN_MARK}罐区`,
      enterprisePresent: `${FOREIGN_MARK}安全员`,
      checklist: [{ catalogItemCode: 'HG-2017-07', result: 'compliant', note: null }],
      findings: [],
    }),
  );
  foreignIds.set('inspections', inspection.id);

  const safetyB = await t.login('mx_safety_b');
  const run = await expectCreated(
    'district 乙 self-inspection',
    safetyB.post(`${api}/self-inspections`, { inspectors: `${FOREIGN_MARK}检查组` }),
  );
  foreignIds.set('self-inspections', run.id);

  const staff = await expectCreated(
    'district 乙 enforcement staff',
    adminB.post(`${api}/enforcement-staff`, {
      orgUnitId: districtB.id,
      name: `${FOREIGN_MARK}执法人员`,
      education: 'bachelor',
      major: '安全工程',
      majorSafetyRelated: true,
      safetyYears: 5,
    }),
  );
  await expectCreated(
    'district 乙 staff training',
    adminB.post(`${api}/staff-trainings`, {
      topic: `${FOREIGN_MARK}执法培训`,
      heldOn: today,
      hours: 2,
      trainer: '乙区法制科',
      attendeeIds: [staff.id],
    }),
  );
  await expectCreated(
    'district 乙 operation training',
    adminB.post(`${api}/operation-trainings`, {
      title: `${FOREIGN_MARK}焊接培训班`,
      category: 'welding',
      operationItem: '熔化焊接与热切割作业',
      startsOn: addDays(today, 20),
      place: `${FOREIGN_MARK}培训室`,
      capacity: 5,
      enrolDeadline: addDays(today, 10),
    }),
  );

  await noticeAndAlert(await t.login('mx_office_b'), FOREIGN_MARK);
  await t.createUser({ username: 'mx_publicity_b', role: 'publicity', orgUnitId: districtB.id });
  const disclosure = await expectCreated(
    'district 乙 disclosure',
    (await t.login('mx_publicity_b')).post(`${api}/disclosures`, {
      kind: 'exposure',
      sourceType: 'hazard',
      sourceNumber: hazard.number,
    }),
  );
  foreignIds.set('disclosures', disclosure.id);
}

/** 金鼎矿业's self-inspection run and an inspection record, by its users and the inspectors. */
export async function seedMiningEnforcement(world: MatrixWorld): Promise<void> {
  const { t, ents, k } = world;
  await expectCreated(
    'mining self-inspection',
    (await t.login('qiye2_aq')).post(`${api}/self-inspections`, {
      inspectors: `${SECTOR_MARK}检查组`,
    }),
  );
  const inspectors = await k
    .selectFrom('users')
    .select('id')
    .where('username', 'in', ['zhifa1', 'zhifa2'])
    .orderBy('username')
    .execute();
  await expectCreated(
    'mining inspection',
    (await t.login('zhifa1')).post(`${api}/inspections`, {
      enterpriseId: ents.otherSector.id,
      inspectorUserIds: inspectors.map((u) => Number(u.id)),
      startedAt: `${today}T09:00:00+08:00`,
      endedAt: `${today}T11:00:00+08:00`,
      place: `${SECTOR_MARK}采场`,
      enterprisePresent: `${SECTOR_MARK}安全员`,
      checklist: [],
      findings: [],
    }),
  );
}
