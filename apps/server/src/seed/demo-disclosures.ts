import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';

/** Demo records (issue 10). Placeholder: being built. */
export async function seedDisclosureDemo(
  _db: Db,
  _audit: AuditWriter,
  _config: AppConfig,
): Promise<void> {}
