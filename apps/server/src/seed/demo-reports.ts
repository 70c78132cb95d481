import { addDays, reportWeekOf, type Sector } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { AppError } from '../lib/app-error.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { confirmReport, submitReport } from '../modules/reports/dispatch.service.js';
import { actAs } from './demo-actors.js';

// Demo dispatch reports (issue 9): 东胜区 has reported hazchem and mining for the four weeks
// before the last complete one, through the real workflow (the brigade confirms, the office
// submits). The submission times are then set to what a real week looks like — before the
// Monday deadline, one week late — so the completeness page has a history. The last complete
// week is left as a draft for the office to submit; 康巴什区 has not reported at all.

const SECTORS_REPORTED: { sector: Sector; office: string }[] = [
  { sector: 'hazchem', office: 'weihua' },
  { sector: 'mining', office: 'jichu' },
];

export async function seedReportDemo(db: Db, audit: AuditWriter, config: AppConfig): Promise<void> {
  const deps = { db, audit, config };
  const district = await db.kysely
    .selectFrom('org_units')
    .select('id')
    .where('code', '=', 'NM-EEDS-DS')
    .executeTakeFirst();
  const brigade = await actAs(db, 'zhifa1');
  if (!district || !brigade) return;
  const lastComplete = reportWeekOf(addDays(todayInChina(), -7));
  for (let back = 4; back >= 1; back--) {
    const week = reportWeekOf(addDays(lastComplete.from, -7 * back));
    for (const { sector, office } of SECTORS_REPORTED) {
      const officer = await actAs(db, office);
      if (!officer) continue;
      const ref = {
        districtId: Number(district.id),
        sector,
        kind: 'weekly' as const,
        week: week.from,
      };
      try {
        await confirmReport(deps, brigade, ref);
        const view = await submitReport(deps, officer, {
          ...ref,
          preparedBy: officer.actor!.displayName,
          contactPhone: '0477-8321234',
        });
        // Mining was a day late in the oldest week; everything else came in on Monday morning.
        const late = back === 4 && sector === 'mining';
        const dueMs = new Date(view.dueAt).getTime();
        const at = new Date(dueMs + (late ? 22 : -3) * 3_600_000).toISOString();
        await db.kysely
          .updateTable('dispatch_reports')
          .set({ first_submitted_at: at, on_time: late ? 0 : 1 })
          .where('id', '=', view.reportId!)
          .execute();
        await db.kysely
          .updateTable('dispatch_report_versions')
          .set({ submitted_at: at, computed_at: at, on_time: late ? 0 : 1 })
          .where('id', '=', view.versionId!)
          .execute();
      } catch (error) {
        // A week before the demo campaign started has no report: nothing to seed.
        if (error instanceof AppError && error.fields[0]?.path === 'week') continue;
        throw error;
      }
    }
  }
}
