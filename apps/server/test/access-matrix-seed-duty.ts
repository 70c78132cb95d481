import type { OutsourcingView } from '@hazard-ledger/domain';
import { tinyPdf } from '../src/modules/duty-records/tiny-pdf.js';
import {
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  today,
} from './access-matrix-scope.js';
import type { TestClient } from './harness.js';
import { multipartFile } from './multipart.js';

// The duty records (主体责任落实) and the enterprise's key people and major hazard sources, for
// the other district and the other sector of the access matrix (issue 12 §1): the demo has
// them for some enterprises only. Each enterprise's safety officer records them through the
// enterprise's own routes, as in the duty-records and enterprises module tests.

const api = '/api/v1';

/** Every kind of duty record of one enterprise, and a person and a hazard source. */
async function dutyRecordsOf(safety: TestClient, enterpriseId: number, mark: string) {
  const enterprise = `${api}/enterprises/${enterpriseId}`;
  const duty = `${enterprise}/duty-records`;
  const created = (label: string, url: string, body: unknown) =>
    expectCreated(`${mark} ${label}`, safety.post(url, body));

  await created('position', `${duty}/positions`, {
    name: `${mark}安全总监`,
    category: 'management',
    duties: `${mark}分管安全生产`,
  });
  await created('deputy list', `${duty}/deputy-lists`, {
    name: `${mark}副总`,
    title: '副总经理',
    area: '生产、设备',
    duties: `${mark}分管生产设备安全`,
  });
  await created('work list', `${duty}/work-lists`, {
    title: `${mark}专项行动工作清单`,
    content: `${mark}对标自查`,
  });
  await created('expert', `${duty}/experts`, {
    name: `${mark}专家`,
    specialty: '安全工程',
    organisation: `${mark}咨询公司`,
    engagedFrom: today,
    engagedTo: null,
    scope: `${mark}隐患排查技术指导`,
  });
  const outsourcing = await expectCreated<OutsourcingView>(
    `${mark} contract`,
    safety.post(`${duty}/contracts`, {
      kind: 'outsource',
      counterparty: `${mark}防腐工程有限公司`,
      scopeKind: 'project',
      scope: `${mark}储罐区防腐保温工程`,
      startDate: today,
      endDate: null,
      qualificationName: '防水防腐保温工程专业承包二级',
      qualificationNumber: 'D215000099',
      qualificationExpiry: `${Number(today.slice(0, 4)) + 2}-12-31`,
      agreementSignedOn: null,
      dutiesDefined: true,
      dutiesText: `${mark}乙方负责施工区域安全管理`,
    }),
  );
  const contract = outsourcing.contracts.find((c) => c.counterparty.startsWith(mark));
  if (!contract) throw new Error(`fixture ${mark} contract: not in the outsourcing view`);
  await created('contract check', `${duty}/contracts/${contract.id}/checks`, {
    checkDate: today,
    checkedBy: `${mark}安全员`,
    findings: `${mark}消防通道堆放杂物`,
    rectification: '已当场清理',
  });
  await created('outsourcing review', `${duty}/reviews`, {
    checkDate: today,
    scope: `${mark}全部外包外租项目`,
    contractIds: [contract.id],
    findings: `${mark}未发现问题`,
  });
  await expectCreated(
    `${mark} duty file`,
    safety.request({
      method: 'POST',
      url: `${duty}/files?owner=contract_agreement&ownerId=${contract.id}`,
      ...multipartFile(`${mark}安全管理协议.pdf`, tinyPdf(['Agreement']), 'application/pdf'),
    }),
  );

  await created('person', `${enterprise}/people`, {
    kind: 'safety_manager',
    name: `${mark}安全管理员`,
    phone: '13900000098',
  });
  const contact = (name: string) => ({ name: `${mark}${name}`, phone: '13800000097' });
  await created('hazard source', `${enterprise}/hazard-sources`, {
    name: `${mark}液氨罐区`,
    level: 3,
    substances: '液氨',
    leader: contact('主要负责人'),
    technical: contact('技术负责人'),
    operations: contact('操作负责人'),
  });
}

/** Duty records of 乙区化工企业 (by its safety officer) and of 金鼎矿业 (by its own). */
export async function seedForeignDutyRecords(world: MatrixWorld): Promise<void> {
  const { t, ents } = world;
  await dutyRecordsOf(await t.login('mx_safety_b'), ents.otherDistrict.id, FOREIGN_MARK);
  await dutyRecordsOf(await t.login('qiye2_aq'), ents.otherSector.id, SECTOR_MARK);
}
