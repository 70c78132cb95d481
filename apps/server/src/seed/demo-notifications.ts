import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { runReminderJob } from '../modules/notifications/reminder-job.js';
import { NoSmsChannel } from '../modules/notifications/sms-channel.js';

/**
 * Demo notifications (issue 10): the daily reminder job runs once over the demo records, so the
 * demo users find deadlines, overdue hazards, expiring certificates and reports due in their
 * bell. Seeding sends no SMS, not even to the log.
 */
export async function seedNotificationDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  await runReminderJob({ db, audit, config }, new NoSmsChannel());
}
