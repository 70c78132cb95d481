import {
  createInformantAccountSchema,
  createInformantSchema,
  informantReportSchema,
} from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { submitMyReport } from '../modules/informants/informant-reports.service.js';
import {
  createInformant,
  createInformantAccount,
} from '../modules/informants/informants.service.js';
import { listEligibleTips, proposeReward } from '../modules/informants/rewards.service.js';
import { findOrgUnitByCode } from '../modules/org/org.repository.js';
import { actAs } from './demo-actors.js';

// Demo records of informants and rewards (issue 8 items 5–6), written through the services as
// the demo users would: the bureau registers one safety informant of 东胜区 (hazchem and
// fireworks) with a login `xinxiyuan1` (the demo password), the informant reports once, and —
// when the tips demo left a verified tip with a hazard — the bureau proposes its reward.
// The informant's name and phone are fictional.

const DEMO_ENTERPRISE = '东胜区恒泰化工有限公司';

/** Demo records of this part of issue 8 (runs after the tips demo). */
export async function seedInformantDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const deps: ServiceDeps = { db, audit, config };
  const admin = await actAs(db, 'admin');
  const district = await findOrgUnitByCode(db.kysely, 'NM-EEDS-DS');
  const enterprise = await db.kysely
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', DEMO_ENTERPRISE)
    .executeTakeFirst();
  if (!admin || !district || !enterprise) return;

  const registered = await createInformant(
    deps,
    admin,
    createInformantSchema.parse({
      name: '高志远',
      phone: '13947700001',
      sectors: ['hazchem', 'fireworks'],
      districtId: district.id,
      area: '东胜区化工园区及烟花爆竹经营网点',
      note: '2023年专项行动聘任，每月至少报告一次',
    }),
  );
  await createInformantAccount(
    deps,
    admin,
    registered.id,
    createInformantAccountSchema.parse({
      username: 'xinxiyuan1',
      password: config.demoPassword,
      version: registered.version,
    }),
  );

  const informant = await actAs(db, 'xinxiyuan1');
  if (informant) {
    await submitMyReport(
      deps,
      informant,
      informantReportSchema.parse({
        enterpriseId: enterprise.id,
        subject: '夜间装卸作业无人监护',
        description:
          '本周二晚十点左右，恒泰化工东门装卸区进行液氨槽车卸车作业，现场未见安全监护人员，静电接地夹未连接。',
        place: '东门装卸区',
      }),
    );
  }

  // A reward proposal for the first verified tip the rules reward (the tips demo seeds one).
  const eligible = await listEligibleTips(deps, admin);
  const tip = eligible.items[0];
  if (tip) await proposeReward(deps, admin, { tipId: tip.id, amountYuan: null, reason: null });
}
