import { defaultPhases, SECTORS, withCampaignDefaults } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { storageFor } from '../lib/storage.js';
import type { RequestContext } from '../lib/request-context.js';
import { nowIso, todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { campaignColumns, insertCampaign } from '../modules/campaigns/campaigns.repository.js';
import { seedDutyRecordDemo } from './demo-duty-records.js';
import { seedHazardousWorkDemo } from './demo-hazardous-work.js';
import { seedLeaderDutyDemo } from './demo-leader-duties.js';
import { seedSelfInspectionDemo } from './demo-self-inspections.js';

const SEED_CTX: RequestContext = { actor: null, ip: null, requestId: 'seed:demo', locale: 'zh' };

/**
 * This year's campaign of the demo city (鄂尔多斯市), with the seed plan's four phases moved to
 * the current year, so the demo always has a running campaign to report against.
 */
async function seedDemoCampaign(db: Db, audit: AuditWriter): Promise<void> {
  const city = await db.kysely
    .selectFrom('org_units')
    .select(['id'])
    .where('code', '=', 'NM-EEDS')
    .executeTakeFirst();
  const admin = await db.kysely
    .selectFrom('users')
    .select(['id', 'display_name', 'username'])
    .where('username', '=', 'admin')
    .executeTakeFirst();
  if (!city || !admin) return;
  const year = Number(todayInChina().slice(0, 4));
  // The seed plan's phases, except that mobilisation starts on 1 January: the demo then has a
  // running campaign whatever day it is started on.
  const phases = defaultPhases(year).map((p, i) =>
    i === 0 ? { ...p, start: `${year}-01-01` } : p,
  );
  const full = withCampaignDefaults({
    name: `${year}年重大事故隐患专项排查整治行动`,
    year,
    sectors: [...SECTORS],
    orgUnitId: city.id,
    phases,
  });
  await db.kysely.transaction().execute(async (trx) => {
    const row = {
      ...campaignColumns(full),
      org_unit_id: city.id,
      created_at: nowIso(),
      created_by: admin.id,
      created_by_name: `${admin.display_name}(${admin.username})`,
    };
    const id = await insertCampaign(trx, row);
    await audit.append(trx, SEED_CTX, {
      action: 'campaign.created',
      entityType: 'campaign',
      entityId: id,
      changes: { name: [null, row.name] },
    });
  });
}

/** Demo records of the campaign and of the enterprises' duties (issue 6), each part in its own file. */
export async function seedDutyDemos(db: Db, audit: AuditWriter, config: AppConfig): Promise<void> {
  await seedDemoCampaign(db, audit);
  await seedSelfInspectionDemo(db, audit, config);
  await seedLeaderDutyDemo(db, audit);
  await seedHazardousWorkDemo(db, audit);
  await seedDutyRecordDemo(db, audit, storageFor(config));
}
