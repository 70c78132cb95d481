import { HOT_WORK_DEFAULT_MEASURES } from '@hazard-ledger/domain';
import type { ParamResolver } from './access-matrix-params.js';
import {
  addDays,
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  otherSectorKey,
  SECTOR_MARK,
  today,
  type Variant,
} from './access-matrix-scope.js';
import { noticeAndAlert } from './access-matrix-seed-enforcement.js';

// Records of the other sector (金鼎矿业, mining, and the mining staff of 东胜) the demo lacks,
// and training enrolments of both out-of-scope enterprises, for the access matrix (issue 12 §1):
// an accident recorded by the mining office, a hot-work permit of 金鼎矿业, a mining informant,
// the territory records addressed to the mining sector (a notice with its attachment, an
// accident alert, a key period by the mining office; an inspection plan and a campaign by the
// bureau), district 乙's campaign by its own bureau, and the enterprises' enrolments in their
// district's operation training. (The mining staff account is made with the testers: the
// district's staff figures count every inspector.)

const api = '/api/v1';

/** A valid resident ID number (checksum included) for the trainees; fictional. */
const TRAINEE_ID_NUMBER = '15060219800101123X';

/** An enrolment of the enterprise's welder in the operation training the matrix resolves. */
async function enrolWelder(
  world: MatrixWorld,
  resolver: ParamResolver,
  safetyUsername: string,
  variant: Variant,
  mark: string,
): Promise<void> {
  const training = await resolver.resolveParam(
    'operation-trainings/operation-trainings/:id',
    variant === 'otherSector' ? 'own' : variant,
    null,
  );
  if (!training) throw new Error(`fixture ${mark}: no operation training to enrol in`);
  await expectCreated(
    `${mark} training enrolment`,
    (await world.t.login(safetyUsername)).post(
      `${api}/my/operation-trainings/${training.value}/enrolments`,
      { personName: `${mark}焊工`, idNumber: TRAINEE_ID_NUMBER, post: '电焊工' },
    ),
  );
}

/** 金鼎矿业's and the mining sector's records; both enterprises' enrolments. */
export async function seedOtherSectorRecords(
  world: MatrixWorld,
  resolver: ParamResolver,
): Promise<void> {
  const { t, ents, ds, foreignIds } = world;
  const jichu = await t.login('jichu');
  const bureau = await t.login('admin');
  await expectCreated(
    'mining accident',
    jichu.post(`${api}/accidents`, {
      enterpriseId: ents.otherSector.id,
      occurredAt: '2025-07-01T10:00:00+08:00',
      type: 'other',
      place: `${SECTOR_MARK}采场`,
      deaths: 0,
      seriousInjuries: 1,
      minorInjuries: 0,
      directLossFen: 50_000_00,
      level: 'general',
      report: `${SECTOR_MARK}采场边坡局部垮塌`,
    }),
  );
  await expectCreated(
    'mining hot-work permit',
    (await t.login('qiye2_aq')).post(`${api}/enterprises/${ents.otherSector.id}/hot-work-permits`, {
      workDescription: `${SECTOR_MARK}动火`,
      place: '机修车间',
      level: 'level2',
      startAt: new Date(Date.now() - 3600_000).toISOString(),
      endAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      guardian: '矿监护',
      operators: '矿焊工',
      measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
    }),
  );
  const informant = await expectCreated(
    'mining informant',
    bureau.post(`${api}/informants`, {
      name: `${SECTOR_MARK}信息员`,
      phone: '13800000098',
      sectors: ['mining'],
      districtId: ds.id,
      enterpriseId: ents.otherSector.id,
      area: null,
      note: null,
    }),
  );
  foreignIds.set(otherSectorKey('informants'), informant.id);

  const addressed = await noticeAndAlert(jichu, SECTOR_MARK, 'mining');
  foreignIds.set(otherSectorKey('notices'), addressed.noticeId);
  foreignIds.set(otherSectorKey('alerts'), addressed.alertId);
  const keyPeriod = await expectCreated(
    'mining key period',
    jichu.post(`${api}/key-periods`, {
      name: `${SECTOR_MARK}节点`,
      startDate: today,
      endDate: addDays(today, 3),
      sectors: ['mining'],
    }),
  );
  foreignIds.set(otherSectorKey('key-periods'), keyPeriod.id);
  const plan = await expectCreated(
    'mining inspection plan',
    bureau.post(`${api}/inspection-plans`, {
      name: `${SECTOR_MARK}计划`,
      kind: 'random',
      startDate: today,
      endDate: addDays(today, 20),
      sectors: ['mining'],
      enterpriseCount: 1,
    }),
  );
  foreignIds.set(otherSectorKey('inspection-plans'), plan.id);
  const year = Number(today.slice(0, 4));
  const miningCampaign = await expectCreated(
    'mining campaign',
    bureau.post(`${api}/campaigns`, { name: `${SECTOR_MARK}专项行动`, year, sectors: ['mining'] }),
  );
  foreignIds.set(otherSectorKey('campaigns'), miningCampaign.id);
  const foreignCampaign = await expectCreated(
    'district 乙 campaign',
    (await t.login('mx_admin_b')).post(`${api}/campaigns`, {
      name: `${FOREIGN_MARK}专项行动`,
      year,
      sectors: ['hazchem'],
    }),
  );
  foreignIds.set('campaigns', foreignCampaign.id);

  await enrolWelder(world, resolver, 'mx_safety_b', 'otherDistrict', FOREIGN_MARK);
  await enrolWelder(world, resolver, 'qiye2_aq', 'otherSector', SECTOR_MARK);
}
