import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as platform from './migrations/2026-11-29T0900_platform.js';
import * as enterpriseRegistry from './migrations/2026-11-29T1100_enterprise_registry.js';
import * as catalogsCampaigns from './migrations/2026-11-29T1300_catalogs_campaigns.js';
import * as hazardLedger from './migrations/2026-11-29T1500_hazard_ledger.js';
import * as hazardListIndex from './migrations/2026-11-29T1600_hazard_list_index.js';
import * as selfInspections from './migrations/2026-11-29T1700_self_inspections.js';
import * as leaderDuties from './migrations/2026-11-29T1710_leader_duties.js';
import * as hazardousWork from './migrations/2026-11-29T1720_hazardous_work.js';
import * as dutyRecords from './migrations/2026-11-29T1730_duty_records.js';
import * as hazardSectorCover from './migrations/2026-11-29T1800_hazard_sector_cover.js';
import * as inspectionPlans from './migrations/2026-11-29T1900_inspection_plans.js';
import * as inspectionRecords from './migrations/2026-11-29T1910_inspection_records.js';
import * as enforcementOrders from './migrations/2026-11-29T1920_enforcement_orders.js';
import * as penaltyCases from './migrations/2026-11-29T1930_penalty_cases.js';
import * as tips from './migrations/2026-11-29T2000_tips.js';
import * as informantsRewards from './migrations/2026-11-29T2010_informants_rewards.js';
import * as dispatchReports from './migrations/2026-11-29T2100_dispatch_reports.js';
import * as reportIndexes from './migrations/2026-11-29T2110_report_indexes.js';
import * as disclosures from './migrations/2026-11-29T2200_disclosures.js';
import * as staffTraining from './migrations/2026-11-29T2210_staff_training.js';
import * as notificationsMigration from './migrations/2026-11-29T2220_notifications.js';
import * as accidentsMigration from './migrations/2026-11-29T2230_accidents.js';
import * as hazardCounts from './migrations/2026-11-30T0900_hazard_counts.js';
import * as dashboardIndexes from './migrations/2026-11-30T0910_dashboard_indexes.js';
import * as hazardFoundOrder from './migrations/2026-11-30T0920_hazard_found_order.js';
import * as openHazards from './migrations/2026-11-30T0930_open_hazards.js';
import * as securityHardening from './migrations/2026-11-30T1000_security_hardening.js';
import * as hazardCountsOrigin from './migrations/2026-11-30T1010_hazard_counts_origin.js';
import * as enterpriseSearchCover from './migrations/2026-11-30T1100_enterprise_search_cover.js';
import * as hazardFoundCover from './migrations/2026-11-30T1110_hazard_found_cover.js';
import * as pgCoverIds from './migrations/2026-11-30T1200_pg_cover_ids.js';

// Migrations are listed here explicitly so they bundle and run the same from source or a build.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-29T0900_platform': platform,
  '2026-11-29T1100_enterprise_registry': enterpriseRegistry,
  '2026-11-29T1300_catalogs_campaigns': catalogsCampaigns,
  '2026-11-29T1500_hazard_ledger': hazardLedger,
  '2026-11-29T1600_hazard_list_index': hazardListIndex,
  '2026-11-29T1700_self_inspections': selfInspections,
  '2026-11-29T1710_leader_duties': leaderDuties,
  '2026-11-29T1720_hazardous_work': hazardousWork,
  '2026-11-29T1730_duty_records': dutyRecords,
  '2026-11-29T1800_hazard_sector_cover': hazardSectorCover,
  '2026-11-29T1900_inspection_plans': inspectionPlans,
  '2026-11-29T1910_inspection_records': inspectionRecords,
  '2026-11-29T1920_enforcement_orders': enforcementOrders,
  '2026-11-29T1930_penalty_cases': penaltyCases,
  '2026-11-29T2000_tips': tips,
  '2026-11-29T2010_informants_rewards': informantsRewards,
  '2026-11-29T2100_dispatch_reports': dispatchReports,
  '2026-11-29T2110_report_indexes': reportIndexes,
  '2026-11-29T2200_disclosures': disclosures,
  '2026-11-29T2210_staff_training': staffTraining,
  '2026-11-29T2220_notifications': notificationsMigration,
  '2026-11-29T2230_accidents': accidentsMigration,
  '2026-11-30T0900_hazard_counts': hazardCounts,
  '2026-11-30T0910_dashboard_indexes': dashboardIndexes,
  '2026-11-30T0920_hazard_found_order': hazardFoundOrder,
  '2026-11-30T0930_open_hazards': openHazards,
  '2026-11-30T1000_security_hardening': securityHardening,
  '2026-11-30T1010_hazard_counts_origin': hazardCountsOrigin,
  '2026-11-30T1100_enterprise_search_cover': enterpriseSearchCover,
  '2026-11-30T1110_hazard_found_cover': hazardFoundCover,
  '2026-11-30T1200_pg_cover_ids': pgCoverIds,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Thrown when a migration fails; names the migration. */
export class MigrationError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(
      `Migration "${migrationName}" failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'MigrationError';
  }
}

/** Applies every pending migration; idempotent. Returns the names applied now. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new MigrationError(failed?.migrationName ?? 'unknown', error ?? new Error('failed'));
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
