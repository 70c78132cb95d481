import { HOT_WORK_DEFAULT_MEASURES } from '@hazard-ledger/domain';
import {
  addDays,
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  today,
} from './access-matrix-scope.js';
import {
  seedDistrictBEnforcement,
  seedMiningEnforcement,
} from './access-matrix-seed-enforcement.js';
import { seedDistrictBOrders, seedMiningOrders } from './access-matrix-seed-orders.js';
import { seedForeignDutyRecords } from './access-matrix-seed-duty.js';
import { seedForeignPhotos } from './access-matrix-seed-files.js';
import { seedForeignImports } from './access-matrix-seed-imports.js';
import { seedMiningInformantReport } from './access-matrix-seed-personal.js';
import { seedOtherSectorRecords } from './access-matrix-seed-sector.js';
import { seedForeignTipRecords } from './access-matrix-seed-tips.js';
import type { ParamResolver } from './access-matrix-params.js';

// Out-of-scope records of the access matrix (issue 12 §1), created through the API after the
// testers' views were taken: those of district 乙 by that district's own users (every text
// carries FOREIGN_MARK), those of 金鼎矿业 by its own users and the mining office (SECTOR_MARK).
// The enforcement and personal-data records are in access-matrix-seed-enforcement.ts, orders
// and on-site measures in -orders, tip files and rewards in -tips, photos in -files, duty
// records in -duty, the other sector's territory records in -sector, enterprise imports in
// -imports and another informant's report in -personal. Those that go on a
// particular record (a file on a tip) take it from the resolver, as the matrix will.

type TestResponse = { statusCode: number; body: string };

/** Creates the out-of-scope records (district 乙 and 金鼎矿业) through the API. */
export async function seedOutOfScope(world: MatrixWorld, resolver: ParamResolver): Promise<void> {
  const { t, ents, foreignIds } = world;
  const adminB = await t.login('mx_admin_b');
  const safetyB = await t.login('mx_safety_b');
  const officeB = await t.login('mx_office_b');
  const entB = `/api/v1/enterprises/${ents.otherDistrict.id}`;
  const remember = async (key: string, label: string, res: Promise<TestResponse>) => {
    foreignIds.set(key, (await expectCreated(label, res)).id);
  };

  await remember(
    'hazards',
    'hazard',
    adminB.post('/api/v1/hazards', {
      enterpriseId: ents.otherDistrict.id,
      level: 'major',
      title: `${FOREIGN_MARK}隐患`,
      description: `${FOREIGN_MARK}储罐区可燃气体报警器失效`,
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法人员',
      noCatalogReason: '测试',
      treatment: 'deadline',
    }),
  );
  // A staff entry answers the tip with its receipt code: `{ tip, receiptCode }`.
  const foreignTip = await expectCreated<{ tip: { id: number } }>(
    'tip',
    adminB.post('/api/v1/tips', {
      channel: 'hotline_12350',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      enterpriseId: ents.otherDistrict.id,
      subject: `${FOREIGN_MARK}举报`,
      description: `${FOREIGN_MARK}夜间在储罐区动火作业，未办理动火审批，也没有人监护。`,
      place: '储罐区东侧',
      catalogItemCode: 'HG-2017-07',
      anonymous: false,
      insider: true,
      identity: { name: '乙举报', phone: '13912345670', idNumber: null, contact: '乙区' },
    }),
  );
  foreignIds.set('tips', foreignTip.tip.id);
  await remember(
    'accidents',
    'accident',
    adminB.post('/api/v1/accidents', {
      enterpriseId: ents.otherDistrict.id,
      occurredAt: '2025-06-10T10:00:00+08:00',
      type: 'explosion',
      place: `${FOREIGN_MARK}仓库`,
      deaths: 1,
      seriousInjuries: 2,
      minorInjuries: 3,
      directLossFen: 350_000_00,
      level: 'general',
      report: `${FOREIGN_MARK}仓库可燃气体泄漏遇明火爆炸`,
    }),
  );
  await remember(
    'key-periods',
    'key period',
    officeB.post('/api/v1/key-periods', {
      name: `${FOREIGN_MARK}节点`,
      startDate: today,
      endDate: addDays(today, 3),
      sectors: ['hazchem'],
    }),
  );
  await remember(
    'leader-inspections',
    'leader inspection',
    safetyB.post(`${entB}/leader-inspections`, {
      inspectedOn: today,
      participants: `${FOREIGN_MARK}参加人`,
      places: '储罐区',
      content: `${FOREIGN_MARK}检查内容`,
    }),
  );
  await remember(
    'hot-work-permits',
    'hot-work permit',
    safetyB.post(`${entB}/hot-work-permits`, {
      workDescription: `${FOREIGN_MARK}动火`,
      place: '罐区',
      level: 'level1',
      startAt: new Date(Date.now() - 3600_000).toISOString(),
      endAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      guardian: '乙监护',
      operators: '乙焊工',
      measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
    }),
  );
  const drills = await expectCreated(
    'drill',
    await safetyB.post(`${entB}/duty-records/drills`, {
      scenario: `${FOREIGN_MARK}演练`,
      drillDate: today,
      participants: 20,
    }),
  );
  void drills;
  await expectCreated(
    'position',
    await safetyB.post(`${entB}/duty-records/positions`, {
      name: `${FOREIGN_MARK}岗位`,
      category: 'main_leader',
      duties: '全面负责安全生产',
    }),
  );
  await expectCreated(
    'operation certificate',
    await safetyB.post(`${entB}/operation-certificates`, {
      holderName: `${FOREIGN_MARK}焊工`,
      category: 'welding',
      certificateNo: 'T1527MXB0001',
      validUntil: addDays(today, 800),
      holderType: 'employee',
      engagedBy: '设备部',
    }),
  );
  await remember(
    'informants',
    'informant',
    adminB.post('/api/v1/informants', {
      name: `${FOREIGN_MARK}信息员`,
      phone: '13800000099',
      sectors: ['hazchem'],
      districtId: t.org.districtB,
      enterpriseId: ents.otherDistrict.id,
      area: null,
      note: null,
    }),
  );
  await remember(
    'inspection-plans',
    'inspection plan',
    adminB.post('/api/v1/inspection-plans', {
      name: `${FOREIGN_MARK}计划`,
      kind: 'random',
      startDate: today,
      endDate: addDays(today, 20),
      sectors: ['hazchem'],
      enterpriseCount: 1,
    }),
  );

  // Another sector of the own district: 金鼎矿业 (mining), through its own users and the
  // mining office, so the sector and enterprise dimensions get new records too.
  const jichu = await t.login('jichu');
  const miningSafety = await t.login('qiye2_aq');
  const entMining = `/api/v1/enterprises/${ents.otherSector.id}`;
  await expectCreated(
    'mining hazard',
    await jichu.post('/api/v1/hazards', {
      enterpriseId: ents.otherSector.id,
      level: 'major',
      title: `${SECTOR_MARK}隐患`,
      description: `${SECTOR_MARK}边坡变形监测系统停用`,
      origin: 'enforcement',
      foundAt: today,
      foundBy: '执法人员',
      noCatalogReason: '测试',
      treatment: 'deadline',
    }),
  );
  await expectCreated(
    'mining tip',
    await jichu.post('/api/v1/tips', {
      channel: 'hotline_12350',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      enterpriseId: ents.otherSector.id,
      subject: `${SECTOR_MARK}举报`,
      description: `${SECTOR_MARK}采场夜间违规爆破，未设警戒。`,
      place: '采场',
      anonymous: true,
      insider: false,
    }),
  );
  await expectCreated(
    'mining leader inspection',
    await miningSafety.post(`${entMining}/leader-inspections`, {
      inspectedOn: today,
      participants: `${SECTOR_MARK}参加人`,
      places: '采场',
      content: `${SECTOR_MARK}检查内容`,
    }),
  );
  await expectCreated(
    'mining certificate',
    await miningSafety.post(`${entMining}/operation-certificates`, {
      holderName: `${SECTOR_MARK}爆破工`,
      category: 'welding',
      certificateNo: 'T1527MXS0001',
      validUntil: addDays(today, 800),
      holderType: 'employee',
      engagedBy: '设备部',
    }),
  );

  await seedDistrictBEnforcement(world);
  await seedMiningEnforcement(world);
  await seedDistrictBOrders(world);
  await seedMiningOrders(world);
  await seedForeignTipRecords(world, resolver);
  await seedForeignPhotos(world, resolver);
  await seedForeignDutyRecords(world);
  await seedOtherSectorRecords(world, resolver);
  await seedForeignImports(world);
  await seedMiningInformantReport(world);
  // A session of district 乙's user, for DELETE /auth/sessions/:id on someone else's session.
  await t.login('mx_target_b');
}
