import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { seedDutyRecordDemo } from './demo-duty-records.js';
import { seedHazardousWorkDemo } from './demo-hazardous-work.js';
import { seedLeaderDutyDemo } from './demo-leader-duties.js';
import { seedSelfInspectionDemo } from './demo-self-inspections.js';

/** Demo records of the enterprises' duties (issue 6), each part in its own file. */
export async function seedDutyDemos(db: Db, audit: AuditWriter): Promise<void> {
  await seedSelfInspectionDemo(db, audit);
  await seedLeaderDutyDemo(db, audit);
  await seedHazardousWorkDemo(db, audit);
  await seedDutyRecordDemo(db, audit);
}
