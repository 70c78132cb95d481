import type { InspectionFormContext, InspectionRecordDetail } from '@hazard-ledger/domain';
import {
  addDays,
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  today,
} from './access-matrix-scope.js';
import type { TestClient } from './harness.js';

// Rectification orders (整改指令书) and on-site measures (现场处理措施) of the access matrix
// (issue 12 §1) for the other district and the other sector. An order can only be issued from
// an inspection record every inspector has signed, by one of them, for a hazard its findings put
// in the ledger; so the record is filled in, submitted and signed by both inspectors first,
// through the same routes the inspectors use.

const api = '/api/v1';

/** The two inspectors of one record: their sessions and user ids, in signing order. */
type InspectorPair = { clients: [TestClient, TestClient]; userIds: [number, number] };

async function inspectorPair(world: MatrixWorld, usernames: [string, string]) {
  const ids = await Promise.all(
    usernames.map(async (username) => {
      const row = await world.k
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      return Number(row.id);
    }),
  );
  const clients = await Promise.all(usernames.map((username) => world.t.login(username)));
  return {
    clients: [clients[0]!, clients[1]!],
    userIds: [ids[0]!, ids[1]!],
  } satisfies InspectorPair;
}

/**
 * A signed inspection record of the enterprise with one finding, then an order for the hazard
 * the finding created and a measure stopping the equipment concerned. Every text carries `mark`.
 */
async function orderAndMeasure(
  pair: InspectorPair,
  enterpriseId: number,
  mark: string,
): Promise<void> {
  const [first, second] = pair.clients;
  // Signing needs a checklist line: the first item the inspector's form offers this enterprise.
  const form = await expectCreated<InspectionFormContext>(
    `${mark} inspection form`,
    first.get(`${api}/inspections/form-context?enterpriseId=${enterpriseId}`),
  );
  const checklistItem = form.checklist[0];
  if (!checklistItem) throw new Error(`fixture ${mark} inspection: no applicable catalog item`);
  let record = await expectCreated<InspectionRecordDetail>(
    `${mark} inspection to sign`,
    first.post(`${api}/inspections`, {
      enterpriseId,
      inspectorUserIds: pair.userIds,
      startedAt: `${today}T13:00:00+08:00`,
      endedAt: `${today}T15:00:00+08:00`,
      place: `${mark}装置区`,
      enterprisePresent: `${mark}安全员`,
      checklist: [{ catalogItemCode: checklistItem.code, result: 'compliant', note: null }],
      findings: [
        {
          title: `${mark}安全阀未定期校验`,
          description: `${mark}装置区2台安全阀超期未校验`,
          // Major: an on-site measure answers a major hazard that cannot be kept safe.
          level: 'major',
          treatment: 'deadline',
        },
      ],
    }),
  );
  record = await expectCreated<InspectionRecordDetail>(
    `${mark} inspection submit`,
    first.post(`${api}/inspections/${record.id}/submit`, { version: record.version }),
  );
  for (const signer of [first, second])
    record = await expectCreated<InspectionRecordDetail>(
      `${mark} inspection signature`,
      signer.post(`${api}/inspections/${record.id}/sign`, { contentHash: record.contentHash }),
    );
  const hazardId = record.findings[0]?.hazard?.id;
  if (hazardId === undefined)
    throw new Error(`fixture ${mark} inspection: the signed finding has no hazard`);

  await expectCreated(
    `${mark} rectification order`,
    first.post(`${api}/enforcement-orders`, {
      inspectionRecordId: record.id,
      deadline: addDays(today, 15),
      items: [{ hazardId, requirement: `${mark}限期校验安全阀` }],
      note: `${mark}指令书备注`,
    }),
  );
  await expectCreated(
    `${mark} on-site measure`,
    first.post(`${api}/on-site-measures`, {
      kind: 'stop_use',
      enterpriseId,
      inspectionRecordId: record.id,
      hazardId,
      subject: `${mark}装置区安全阀所在管线`,
      imposedOn: today,
    }),
  );
}

/** District 乙's order and measure for 乙区化工企业, by its own two inspectors. */
export async function seedDistrictBOrders(world: MatrixWorld): Promise<void> {
  const pair = await inspectorPair(world, ['mx_zf_b1', 'mx_zf_b2']);
  await orderAndMeasure(pair, world.ents.otherDistrict.id, FOREIGN_MARK);
}

/** 金鼎矿业's order and measure, by the 东胜 inspectors who cover mining. */
export async function seedMiningOrders(world: MatrixWorld): Promise<void> {
  const pair = await inspectorPair(world, ['zhifa1', 'zhifa2']);
  await orderAndMeasure(pair, world.ents.otherSector.id, SECTOR_MARK);
}
