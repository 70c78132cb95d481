import type { TipDetail } from '@hazard-ledger/domain';
import { runReminderJob } from '../src/modules/notifications/reminder-job.js';
import { NoSmsChannel } from '../src/modules/notifications/sms-channel.js';
import {
  addDays,
  expectCreated,
  type MatrixWorld,
  otherSectorKey,
  SECTOR_MARK,
  today,
} from './access-matrix-scope.js';
import { TEST_PASSWORD } from './harness.js';
import { multipartFile } from './multipart.js';
import { pngWithLocation } from './test-files.js';

// One user's records of the access matrix (issue 12 §1) that the demo lacks: notifications of
// the bureau and of the inspector under test, and a report (with a photo) of a second informant.
//
// Notifications are written by the daily reminder job, never by a route: the job runs here as
// the scheduler runs it, on a day a month ahead, once the records it reminds of exist: a tip of
// 恒泰化工 that the hazchem office assigned to the inspector under test (overdue by then: the
// inspector is its assignee) and the major hazards of 东胜 (overdue for a week: escalated to the
// bureau). It runs before the testers' views, so their bells do not change afterwards.

const api = '/api/v1';

/** The username of the mining informant's account, opened by the bureau. */
export const MINING_INFORMANT_USERNAME = 'mx_informant_mining';

/** Own notifications of the bureau and the inspector under test; before the testers' views. */
export async function seedOwnNotifications(world: MatrixWorld): Promise<void> {
  const { t, ents, k } = world;
  const office = await t.login('weihua');
  const created = await expectCreated<{ tip: { id: number } }>(
    'own overdue tip',
    office.post(`${api}/tips`, {
      channel: 'hotline_12350',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      enterpriseId: ents.own.id,
      subject: '本企业逾期举报',
      description: '反映装置区夜间动火作业未办理审批，请核查。',
      place: '装置区',
      anonymous: true,
      insider: false,
    }),
  );
  const tipId = created.tip.id;
  const act = async (action: string, payload: unknown) => {
    const tip = await expectCreated<TipDetail>('own tip', office.get(`${api}/tips/${tipId}`));
    await expectCreated(
      `own tip ${action}`,
      office.post(`${api}/tips/${tipId}/actions/${action}`, { version: tip.version, payload }),
    );
  };
  const inspector = await k
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'mx_inspector')
    .executeTakeFirstOrThrow();
  await act('accept', { comment: null });
  await act('assign', {
    unitId: null,
    userId: Number(inspector.id),
    dueDate: addDays(today, 10),
    comment: null,
  });
  const job = await runReminderJob(
    { db: t.db, audit: t.app.audit, config: t.config },
    new NoSmsChannel(),
    { today: addDays(today, 30) },
  );
  if (!job.ran) throw new Error(`fixture: the reminder job did not run (${job.reason})`);
}

/**
 * A second informant of 东胜 (the mining one the bureau registered in access-matrix-seed-sector)
 * gets an account from the bureau and reports on 金鼎矿业 with a photo: another informant's
 * report for /my-reports.
 */
export async function seedMiningInformantReport(world: MatrixWorld): Promise<void> {
  const { t, ents, foreignIds } = world;
  const informantId = foreignIds.get(otherSectorKey('informants'));
  if (informantId === undefined) throw new Error('fixture: the mining informant is not seeded');
  const bureau = await t.login('admin');
  const informant = await expectCreated<{ version: number }>(
    'mining informant',
    bureau.get(`${api}/informants/${informantId}`),
  );
  await expectCreated(
    'mining informant account',
    bureau.post(`${api}/informants/${informantId}/account`, {
      username: MINING_INFORMANT_USERNAME,
      password: TEST_PASSWORD,
      version: informant.version,
    }),
  );
  const reporter = await t.login(MINING_INFORMANT_USERNAME);
  const report = await expectCreated(
    'mining informant report',
    reporter.post(`${api}/my-reports`, {
      enterpriseId: ents.otherSector.id,
      subject: `${SECTOR_MARK}信息员报告`,
      description: `${SECTOR_MARK}排土场边坡出现裂缝，未设警示。`,
      place: '排土场',
    }),
  );
  await expectCreated(
    'mining informant photo',
    reporter.request({
      method: 'POST',
      url: `${api}/my-reports/${report.id}/files`,
      ...multipartFile(`${SECTOR_MARK}报告现场.png`, pngWithLocation(), 'image/png'),
    }),
  );
}
