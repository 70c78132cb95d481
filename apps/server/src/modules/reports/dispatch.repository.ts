import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  DispatchReportTable,
  DispatchReportVersionTable,
} from '../../db/schema-dispatch-reports.js';

// SQL of the dispatch reports: the stored report (confirmation, status), its frozen versions,
// and the campaigns and districts the report pages choose from.

type Q = Kysely<Database> | Transaction<Database>;

/** What identifies a stored report. */
export type ReportIdentity = {
  districtId: number;
  campaignId: number;
  sector: string;
  kind: string;
  periodTo: string;
};

export async function findReport(db: Q, id: ReportIdentity) {
  return db
    .selectFrom('dispatch_reports')
    .selectAll()
    .where('campaign_id', '=', id.campaignId)
    .where('kind', '=', id.kind)
    .where('period_to', '=', id.periodTo)
    .where('sector', '=', id.sector)
    .where('district_id', '=', id.districtId)
    .executeTakeFirst();
}

export async function insertReport(db: Q, row: Insertable<DispatchReportTable>): Promise<number> {
  const r = await db
    .insertInto('dispatch_reports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Updates a report if it still has `version`; false when someone changed it meanwhile. */
export async function updateReport(
  db: Q,
  id: number,
  version: number,
  changes: Partial<Omit<DispatchReportTable, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('dispatch_reports')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertVersion(
  db: Q,
  row: Insertable<DispatchReportVersionTable>,
): Promise<number> {
  const r = await db
    .insertInto('dispatch_report_versions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The versions of a report without their (large) snapshot columns, oldest first. */
export async function listVersions(db: Q, reportId: number) {
  return db
    .selectFrom('dispatch_report_versions')
    .select([
      'id',
      'version',
      'submitted_at',
      'submitted_by_name',
      'prepared_by',
      'contact_phone',
      'reason',
      'on_time',
    ])
    .where('report_id', '=', reportId)
    .orderBy('version')
    .execute();
}

export async function findVersion(db: Q, reportId: number, versionId: number) {
  return db
    .selectFrom('dispatch_report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

/** Only the record ids of a version (for drill-down). */
export async function findVersionIds(db: Q, versionId: number) {
  return db
    .selectFrom('dispatch_report_versions')
    .select(['id', 'report_id', 'figure_ids'])
    .where('id', '=', versionId)
    .executeTakeFirst();
}

/**
 * The current submitted versions of reports of one sector and period in some districts (the
 * roll-up): figure values only, never the id lists.
 */
export async function submittedFigures(
  db: Q,
  q: {
    districtIds: number[];
    sector: string;
    kind: string;
    periodTo: string;
    campaignId: number | null;
    milestoneKey: string | null;
  },
) {
  let query = db
    .selectFrom('dispatch_reports as r')
    .innerJoin('dispatch_report_versions as v', 'v.id', 'r.current_version_id')
    .select([
      'r.id as report_id',
      'r.district_id',
      'r.first_submitted_at',
      'r.on_time',
      'v.id as version_id',
      'v.version',
      'v.figures',
    ])
    .where('r.status', '=', 'submitted')
    .where('r.district_id', 'in', q.districtIds.length ? q.districtIds : [-1])
    .where('r.sector', '=', q.sector)
    .where('r.kind', '=', q.kind)
    .where('r.period_to', '=', q.periodTo);
  if (q.campaignId !== null) query = query.where('r.campaign_id', '=', q.campaignId);
  if (q.milestoneKey !== null) query = query.where('r.milestone_key', '=', q.milestoneKey);
  return query.execute();
}

/** Submitted weekly reports of some districts in a campaign: who reported which week, on time or not. */
export async function submittedWeeklyReports(db: Q, districtIds: number[], campaignId: number) {
  return db
    .selectFrom('dispatch_reports')
    .select(['district_id', 'sector', 'period_to', 'on_time'])
    .where('status', '=', 'submitted')
    .where('kind', '=', 'weekly')
    .where('campaign_id', '=', campaignId)
    .where('district_id', 'in', districtIds.length ? districtIds : [-1])
    .execute();
}

export async function findOrgUnit(db: Q, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'kind', 'name', 'path', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The districts in a subtree (a district itself included), by name. */
export async function districtsUnder(db: Q, path: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'district')
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
}

/** Units of a territory whose roll-up can be asked for: the territory and its cities/districts. */
export async function territoryUnits(db: Q, path: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path'])
    .where('kind', 'in', ['region', 'city', 'district'])
    .where('path', 'like', `${path}%`)
    .orderBy('path')
    .execute();
}

/**
 * Campaigns (not voided) placed at one of `atPaths` (a unit and its ancestors) or, when
 * `subtreeOf` is given, anywhere under it.
 */
export async function campaignsFor(db: Q, atPaths: string[], subtreeOf: string | null) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
    .select([
      'c.id',
      'c.name',
      'c.sectors',
      'c.weekly_weekday',
      'c.weekly_hour',
      'c.milestones',
      'c.start_date',
      'c.end_date',
      'o.name as org_unit_name',
      'o.path as org_path',
    ])
    .where('c.voided_at', 'is', null)
    .where((eb) => {
      const ors = [eb('o.path', 'in', atPaths.length ? atPaths : ['-'])];
      if (subtreeOf) ors.push(eb('o.path', 'like', `${subtreeOf}%`));
      return eb.or(ors);
    })
    .orderBy('c.start_date', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}
export type CampaignRow = Awaited<ReturnType<typeof campaignsFor>>[number];
