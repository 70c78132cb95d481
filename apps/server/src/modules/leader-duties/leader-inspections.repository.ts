import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { likePattern } from '../enterprises/enterprises.repository.js';

type Q = Kysely<Database> | Transaction<Database>;

// Queries of the leader's monthly inspections (主要负责人带队检查).

const INSPECTION_COLUMNS = [
  'i.id',
  'i.enterprise_id',
  'e.name as enterprise_name',
  'e.sector as enterprise_sector',
  'eo.path as enterprise_org_path',
  'i.inspected_on',
  'i.participants',
  'i.places',
  'i.content',
  'i.items',
  'i.status',
  'i.recorded_by',
  'i.recorded_by_name',
  'i.recorded_at',
  'i.signed_at',
  'i.signed_by',
  'i.signed_by_name',
  'i.voided_at',
  'i.updated_at',
  'i.version',
] as const;

function inspections(db: Q) {
  return db
    .selectFrom('leader_inspections as i')
    .innerJoin('enterprises as e', 'e.id', 'i.enterprise_id')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id');
}

/** One inspection (voided ones too) with its enterprise. */
export function findInspection(db: Q, id: number) {
  return inspections(db).select(INSPECTION_COLUMNS).where('i.id', '=', id).executeTakeFirst();
}
export type InspectionRow = Awaited<ReturnType<typeof findInspection>> & object;

/** The live inspections of an enterprise dated between two days, newest first. */
export function listInspections(db: Q, enterpriseId: number, from: string, to: string) {
  return inspections(db)
    .select(INSPECTION_COLUMNS)
    .where('i.enterprise_id', '=', enterpriseId)
    .where('i.voided_at', 'is', null)
    .where('i.inspected_on', '>=', from)
    .where('i.inspected_on', '<=', to)
    .orderBy('i.inspected_on', 'desc')
    .orderBy('i.id', 'desc')
    .execute();
}

/** The findings of some inspections with the hazard numbers they became. */
export async function listFindings(db: Q, inspectionIds: number[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .selectFrom('leader_inspection_findings as f')
    .leftJoin('hazards as h', 'h.id', 'f.hazard_id')
    .select([
      'f.id',
      'f.inspection_id',
      'f.ordinal',
      'f.title',
      'f.description',
      'f.place',
      'f.hazard_level',
      'f.catalog_item_code',
      'f.no_catalog_reason',
      'f.treatment',
      'f.hazard_id',
      'h.number as hazard_number',
    ])
    .where('f.inspection_id', 'in', inspectionIds)
    .orderBy('f.inspection_id')
    .orderBy('f.ordinal')
    .execute();
}
export type FindingRow = Awaited<ReturnType<typeof listFindings>>[number];

export type InspectionColumns = {
  inspected_on: string;
  participants: string;
  places: string;
  content: string;
  items: string;
};

export type FindingColumns = {
  title: string;
  description: string;
  place: string | null;
  hazard_level: string | null;
  catalog_item_code: string | null;
  no_catalog_reason: string | null;
  treatment: string;
};

/** Inserts a draft inspection; returns its id. */
export async function insertInspection(
  db: Q,
  row: InspectionColumns & {
    enterprise_id: number;
    recorded_by: number;
    recorded_by_name: string;
    recorded_at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('leader_inspections')
    .values({ ...row, status: 'draft', updated_at: row.recorded_at, version: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Replaces the findings of a draft (they are part of its content until it is signed). */
export async function replaceFindings(
  db: Q,
  inspectionId: number,
  findings: FindingColumns[],
): Promise<void> {
  await db
    .deleteFrom('leader_inspection_findings')
    .where('inspection_id', '=', inspectionId)
    .execute();
  if (findings.length === 0) return;
  await db
    .insertInto('leader_inspection_findings')
    .values(
      findings.map((f, i) => ({
        ...f,
        inspection_id: inspectionId,
        ordinal: i + 1,
        hazard_id: null,
      })),
    )
    .execute();
}

/** Updates a live draft if it still has the version read; returns whether it did. */
export async function updateDraftIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<InspectionColumns> & {
    updated_at: string;
    status?: string;
    signed_at?: string;
    signed_by?: number;
    signed_by_name?: string;
    voided_at?: string;
    void_reason?: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('leader_inspections')
    .set({ ...set, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Links a finding to the ledger hazard it became. */
export async function setFindingHazard(db: Q, findingId: number, hazardId: number): Promise<void> {
  await db
    .updateTable('leader_inspection_findings')
    .set({ hazard_id: hazardId })
    .where('id', '=', findingId)
    .execute();
}

/**
 * The dates and states of the live inspections of some enterprises between two days, to place
 * them on the campaign months.
 */
export async function inspectionDays(
  db: Q,
  enterpriseIds: number[],
  from: string,
  to: string,
): Promise<{ enterprise_id: number; inspected_on: string; status: string }[]> {
  if (enterpriseIds.length === 0) return [];
  const rows = await db
    .selectFrom('leader_inspections')
    .select(['enterprise_id', 'inspected_on', 'status'])
    .where('enterprise_id', 'in', enterpriseIds)
    .where('voided_at', 'is', null)
    .where('inspected_on', '>=', from)
    .where('inspected_on', '<=', to)
    .execute();
  return rows.map((r) => ({ ...r, enterprise_id: Number(r.enterprise_id) }));
}

/** The enterprises of the overview: a campaign's audience within the caller's reach. */
export type OverviewFilter = {
  /** The campaign's org subtree and the caller's territory: an enterprise lies under both. */
  paths: string[];
  /** Sectors of the campaign, narrowed by the caller's and the chosen one. */
  sectors: string[];
  q?: string;
  like: 'like' | 'ilike';
  /**
   * Only enterprises with a due month lacking a signed inspection: fewer distinct signed months
   * between `from` and `to` (the campaign's start and the close of its last due month) than
   * `dueCount`.
   */
  onlyMissing?: { from: string; to: string; dueCount: number };
};

function overviewQuery(db: Q, f: OverviewFilter) {
  let q = db
    .selectFrom('enterprises as e')
    .innerJoin('org_units as eo', 'eo.id', 'e.org_unit_id')
    .where('e.status', '!=', 'closed')
    .where('e.sector', 'in', f.sectors.length ? f.sectors : ['-']);
  for (const p of f.paths) q = q.where('eo.path', 'like', `${p}%`);
  if (f.q) q = q.where('e.name', f.like, likePattern(f.q));
  const missing = f.onlyMissing;
  if (missing) {
    q = q.where((eb) =>
      eb(
        eb
          .selectFrom('leader_inspections as li')
          .select(sql<number>`count(distinct substr(li.inspected_on, 1, 7))`.as('n'))
          .whereRef('li.enterprise_id', '=', 'e.id')
          .where('li.status', '=', 'signed')
          .where('li.voided_at', 'is', null)
          .where('li.inspected_on', '>=', missing.from)
          .where('li.inspected_on', '<=', missing.to),
        '<',
        missing.dueCount,
      ),
    );
  }
  return q;
}

/** One page of the overview's enterprises, by district then name. */
export async function listOverviewEnterprises(
  db: Q,
  f: OverviewFilter,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    overviewQuery(db, f)
      .select(['e.id', 'e.name', 'e.sector', 'eo.name as district_name'])
      .orderBy('eo.path')
      .orderBy('e.name')
      .orderBy('e.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    overviewQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: items.map((r) => ({ ...r, id: Number(r.id) })), total: Number(count.n) };
}
