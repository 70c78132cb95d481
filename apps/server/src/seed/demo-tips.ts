import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';

/** Demo records of this part of issue 8 (runs after the enforcement demos). */
export async function seedTipDemo(_db: Db, _audit: AuditWriter, _config: AppConfig): Promise<void> {
  // Placeholder.
}
