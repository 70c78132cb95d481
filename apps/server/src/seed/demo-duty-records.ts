import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';

/** Demo records of this part of issue 6 (runs after the registry and users are seeded). */
export async function seedDutyRecordDemo(_db: Db, _audit: AuditWriter): Promise<void> {
  // Placeholder.
}
