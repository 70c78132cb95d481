import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { seedEnforcementOrderDemo } from './demo-enforcement-orders.js';
import { seedInspectionPlanDemo } from './demo-inspection-plans.js';
import { seedInspectionDemo } from './demo-inspections.js';
import { seedPenaltyDemo } from './demo-penalties.js';

/** Demo records of enforcement (issue 7), each part in its own file, in dependency order. */
export async function seedEnforcementDemos(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  await seedInspectionPlanDemo(db, audit, config);
  await seedInspectionDemo(db, audit, config);
  await seedEnforcementOrderDemo(db, audit, config);
  await seedPenaltyDemo(db, audit, config);
}
