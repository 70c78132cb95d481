import type { TipDetail } from '@hazard-ledger/domain';
import type { ParamResolver } from './access-matrix-params.js';
import {
  addDays,
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  today,
  type Variant,
} from './access-matrix-scope.js';
import type { TestClient } from './harness.js';
import { multipartFile } from './multipart.js';
import { pngWithLocation } from './test-files.js';

// Tip files, an informant's report photos and reward cases of the access matrix (issue 12 §1).
// Files go on the very tips the matrix resolves for each variant (so `/tips/:id/files/:fileId`
// pairs a tip with its own file), uploaded by the staff who handle them; a reward needs a tip
// verified as true with a major hazard, so the tip is taken through accept → assign → verify by
// the district's own office and inspector before the bureau proposes the reward.

const api = '/api/v1';

/** A photo uploaded to a tip by staff (or, for /my-reports, by the reporting informant). */
async function uploadTipPhoto(client: TestClient, url: string, mark: string): Promise<void> {
  await expectCreated(
    `${mark} tip photo`,
    client.request({
      method: 'POST',
      url,
      ...multipartFile(`${mark}现场.png`, pngWithLocation(), 'image/png'),
    }),
  );
}

/** The id of the tip the matrix uses for a variant (the parent of `/tips/:id/files/:fileId`). */
async function resolvedTipId(resolver: ParamResolver, variant: Variant): Promise<number> {
  const tip = await resolver.resolveParam('tips/tips/:id', variant, null);
  if (!tip) throw new Error(`fixture: no ${variant} tip to attach a file to`);
  return Number(tip.value);
}

/** Staff files on the own enterprise's tip and the informant's photo on its own report. */
export async function seedOwnTipFiles(world: MatrixWorld, resolver: ParamResolver): Promise<void> {
  const ownTip = await resolvedTipId(resolver, 'own');
  await uploadTipPhoto(await world.t.login('weihua'), `${api}/tips/${ownTip}/files`, '本企业');
  const report = await resolver.resolveParam('my-reports/my-reports/:id', 'own', null);
  if (!report) throw new Error('fixture: the demo informant has no report');
  await uploadTipPhoto(
    await world.t.login('xinxiyuan1'),
    `${api}/my-reports/${report.value}/files`,
    '信息员',
  );
}

/**
 * Takes a tip through accept → assign → verify (true, a major hazard recorded in the ledger):
 * what the rules require before a reward can be proposed.
 */
async function verifyAsMajorHazard(
  office: TestClient,
  inspector: TestClient,
  inspectorUserId: number,
  tipId: number,
  mark: string,
): Promise<void> {
  const act = async (client: TestClient, action: string, payload: unknown) => {
    const tip = await expectCreated<TipDetail>(`${mark} tip`, client.get(`${api}/tips/${tipId}`));
    await expectCreated(
      `${mark} tip ${action}`,
      client.post(`${api}/tips/${tipId}/actions/${action}`, { version: tip.version, payload }),
    );
  };
  await act(office, 'accept', { comment: null });
  await act(office, 'assign', {
    unitId: null,
    userId: inspectorUserId,
    dueDate: addDays(today, 10),
    comment: null,
  });
  await act(inspector, 'verify', {
    result: 'true',
    summary: `${mark}经现场核查，举报属实。`,
    createHazard: {
      level: 'major',
      title: `${mark}举报核实隐患`,
      description: `${mark}经核查举报反映的问题属实`,
      noCatalogReason: '测试',
    },
    linkHazardId: null,
  });
}

/** Files and reward cases of district 乙's tip and of 金鼎矿业's tip. */
export async function seedForeignTipRecords(
  world: MatrixWorld,
  resolver: ParamResolver,
): Promise<void> {
  const { t, k } = world;
  const userIdOf = async (username: string) =>
    Number(
      (
        await k
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id,
    );

  const adminB = await t.login('mx_admin_b');
  const foreignTip = await resolvedTipId(resolver, 'otherDistrict');
  await uploadTipPhoto(adminB, `${api}/tips/${foreignTip}/files`, FOREIGN_MARK);
  await verifyAsMajorHazard(
    adminB,
    await t.login('mx_zf_b1'),
    await userIdOf('mx_zf_b1'),
    foreignTip,
    FOREIGN_MARK,
  );
  await expectCreated('district 乙 reward', adminB.post(`${api}/rewards`, { tipId: foreignTip }));

  const jichu = await t.login('jichu');
  const miningTip = await resolvedTipId(resolver, 'otherSector');
  await uploadTipPhoto(jichu, `${api}/tips/${miningTip}/files`, SECTOR_MARK);
  await verifyAsMajorHazard(
    jichu,
    await t.login('zhifa1'),
    await userIdOf('zhifa1'),
    miningTip,
    SECTOR_MARK,
  );
  await expectCreated(
    'mining reward',
    (await t.login('admin')).post(`${api}/rewards`, { tipId: miningTip }),
  );
}
