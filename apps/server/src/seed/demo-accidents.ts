import { addDays } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { createAccident } from '../modules/accidents/accidents.service.js';
import { actAs } from './demo-actors.js';

// Demo: yesterday afternoon a worker at 恒泰化工 was injured when a flash fire broke out in the
// 甲类仓库 — the place where, three days ago, zhifa1 and zhifa2 found the faulty gas detector
// (demo-inspections.ts). Recorded by the bureau admin through the service, so the accident's
// page shows the signed inspection, its signers and the hazards' state at the time.

export async function seedAccidentDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const [admin, leader] = await Promise.all([actAs(db, 'admin'), actAs(db, 'qiye1_fzr')]);
  const enterpriseId = leader?.actor?.enterpriseId;
  if (!admin?.actor || !enterpriseId) return;
  const existing = await db.kysely
    .selectFrom('accidents')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (existing) return;
  const deps: ServiceDeps = { db, audit, config };
  const day = addDays(todayInChina(), -1);
  await createAccident(deps, admin, {
    enterpriseId,
    occurredAt: `${day}T14:30:00+08:00`,
    type: 'fire',
    place: '甲类仓库',
    deaths: 0,
    seriousInjuries: 1,
    minorInjuries: 2,
    directLossFen: 86_000_00,
    level: 'general',
    levelReason: null,
    report:
      '甲类仓库内溶剂桶倒运时发生泄漏，遇静电火花引发闪燃，1名搬运工重度烧伤、2人轻伤，现场可燃气体检测报警仪未报警。企业已启动应急预案，火情于15时05分扑灭。',
  });
}
