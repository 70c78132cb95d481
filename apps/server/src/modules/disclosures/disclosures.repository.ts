import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DisclosurePhotoTable, DisclosureTable } from '../../db/schema-disclosures.js';
import { personNamesInText } from '@hazard-ledger/domain';
import { likePattern } from '../enterprises/enterprises.repository.js';

// Queries of disclosures, their photos, the source records they are prepared from, and the
// public list (which reads only the frozen published_* columns).

type Q = Kysely<Database> | Transaction<Database>;

export async function insertDisclosure(
  trx: Transaction<Database>,
  row: Insertable<DisclosureTable>,
): Promise<number> {
  const { id } = await trx
    .insertInto('disclosures')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** One disclosure with the district facts access depends on. */
export function findDisclosure(db: Q, id: number) {
  return db
    .selectFrom('disclosures as d')
    .innerJoin('org_units as o', 'o.id', 'd.district_id')
    .selectAll('d')
    .select(['o.path as district_path', 'o.name as district_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
}
export type DisclosureWithContext = NonNullable<Awaited<ReturnType<typeof findDisclosure>>>;

export type DisclosureScope = { districtIds: number[]; sectors: readonly string[] | null };

/** One page of the disclosures in scope, newest change first, with counts per status. */
export async function listDisclosurePage(
  db: Q,
  scope: DisclosureScope,
  status: string | undefined,
  page: { offset: number; limit: number },
) {
  const scoped = () => {
    let q = db
      .selectFrom('disclosures as d')
      .innerJoin('org_units as o', 'o.id', 'd.district_id')
      .where('d.district_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors)
      q = q.where('d.sector', 'in', scope.sectors.length ? [...scope.sectors] : ['-']);
    return q;
  };
  const filtered = () => (status ? scoped().where('d.status', '=', status) : scoped());
  const [items, count, byStatus] = await Promise.all([
    filtered()
      .selectAll('d')
      .select(['o.name as district_name'])
      .orderBy('d.updated_at', 'desc')
      .orderBy('d.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    filtered()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    scoped()
      .select(['d.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('d.status')
      .execute(),
  ]);
  return {
    items,
    total: Number(count.n),
    countsByStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])),
  };
}

/** Updates a disclosure if it still has `version`; false when someone changed it first. */
export async function updateDisclosureIfVersion(
  trx: Transaction<Database>,
  id: number,
  version: number,
  changes: Updateable<DisclosureTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('disclosures')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---- Photos ----

export function listPhotos(db: Q, disclosureId: number) {
  return db
    .selectFrom('disclosure_photos')
    .selectAll()
    .where('disclosure_id', '=', disclosureId)
    .where('removed_at', 'is', null)
    .orderBy('seq')
    .execute();
}

export async function insertPhoto(
  trx: Transaction<Database>,
  row: Insertable<DisclosurePhotoTable>,
): Promise<number> {
  const { id } = await trx
    .insertInto('disclosure_photos')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updatePhoto(
  trx: Transaction<Database>,
  id: number,
  changes: Updateable<DisclosurePhotoTable>,
): Promise<void> {
  await trx.updateTable('disclosure_photos').set(changes).where('id', '=', id).execute();
}

// ---- Sources ----

export function findPenaltyCaseByNumber(db: Q, caseNo: string) {
  return db
    .selectFrom('penalty_cases as c')
    .innerJoin('org_units as o', 'o.id', 'c.district_id')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .select([
      'c.id',
      'c.case_no',
      'c.district_id',
      'c.enterprise_id',
      'c.sector',
      'c.matter',
      'c.facts',
      'c.status',
      'c.filed_on',
      'c.decision_date',
      'c.inspection_record_id',
      'c.created_by_name',
      'o.path as district_path',
      'e.name as enterprise_name',
    ])
    .where('c.case_no', '=', caseNo)
    .executeTakeFirst();
}

export function findHazardByNumber(db: Q, number: string) {
  return db
    .selectFrom('hazards as h')
    .innerJoin('org_units as o', 'o.id', 'h.district_id')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select([
      'h.id',
      'h.number',
      'h.district_id',
      'h.enterprise_id',
      'h.sector',
      'h.level',
      'h.title',
      'h.description',
      'h.place',
      'h.found_at',
      'h.found_by',
      'h.plan_responsible',
      'h.plan_measures',
      'h.deadline',
      'h.status',
      'o.path as district_path',
      'e.name as enterprise_name',
    ])
    .where('h.number', '=', number)
    .executeTakeFirst();
}

export function listCaseParties(db: Q, caseId: number) {
  return db
    .selectFrom('penalty_case_parties')
    .select(['kind', 'name', 'position', 'amount_fen'])
    .where('case_id', '=', caseId)
    .orderBy('seq')
    .execute();
}

export async function listCaseHazardIds(db: Q, caseId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('penalty_case_hazards')
    .select('hazard_id')
    .where('case_id', '=', caseId)
    .execute();
  return rows.map((r) => Number(r.hazard_id));
}

/**
 * Names of persons that may appear in a source's text: the enterprise's people (leaders, safety
 * staff) and its user accounts, the inspectors of the inspection record, and the people named on
 * the hazards (finder, responsible person) and in their histories.
 */
export async function personNamesAround(
  db: Q,
  facts: { enterpriseId: number; inspectionRecordId: number | null; hazardIds: number[] },
): Promise<string[]> {
  const names: string[] = [];
  const people = await db
    .selectFrom('enterprise_people')
    .select('name')
    .where('enterprise_id', '=', facts.enterpriseId)
    .execute();
  names.push(...people.map((p) => p.name));
  const users = await db
    .selectFrom('users')
    .select('display_name')
    .where('enterprise_id', '=', facts.enterpriseId)
    .execute();
  names.push(...users.flatMap((u) => personNamesInText(u.display_name)));
  if (facts.inspectionRecordId !== null) {
    const inspectors = await db
      .selectFrom('inspection_record_inspectors')
      .select('name')
      .where('record_id', '=', facts.inspectionRecordId)
      .execute();
    names.push(...inspectors.map((i) => i.name));
    const signers = await db
      .selectFrom('inspection_record_signatures')
      .select('signer_name')
      .where('record_id', '=', facts.inspectionRecordId)
      .execute();
    names.push(...signers.map((s) => s.signer_name));
  }
  if (facts.hazardIds.length) {
    const hazards = await db
      .selectFrom('hazards')
      .select(['found_by', 'plan_responsible'])
      .where('id', 'in', facts.hazardIds)
      .execute();
    for (const h of hazards) {
      names.push(...personNamesInText(h.found_by), ...personNamesInText(h.plan_responsible));
    }
    const actors = await db
      .selectFrom('hazard_events')
      .select('actor_name')
      .distinct()
      .where('hazard_id', 'in', facts.hazardIds)
      .execute();
    names.push(...actors.flatMap((a) => personNamesInText(a.actor_name)));
  }
  return names;
}

/** The photo files of some hazards (images only, not voided). */
export function listHazardPhotos(db: Q, hazardIds: number[]) {
  if (hazardIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hazard_files as f')
    .innerJoin('hazards as h', 'h.id', 'f.hazard_id')
    .select([
      'f.id',
      'f.hazard_id',
      'h.number as hazard_number',
      'f.file_name',
      'f.mime_type',
      'f.storage_key',
    ])
    .where('f.hazard_id', 'in', hazardIds)
    .where('f.voided_at', 'is', null)
    .where('f.mime_type', 'like', 'image/%')
    .orderBy('f.id')
    .execute();
}

// ---- Public ----

/** Approved disclosures inside their window on `today`, optionally searched and filtered. */
function publicScope(
  db: Q,
  today: string,
  f: { q?: string; sector?: string; like: 'like' | 'ilike' },
) {
  let q = db
    .selectFrom('disclosures as d')
    .innerJoin('org_units as o', 'o.id', 'd.district_id')
    .where('d.status', '=', 'approved')
    .where('d.publish_from', '<=', today)
    .where('d.publish_until', '>=', today);
  if (f.sector) q = q.where('d.sector', '=', f.sector);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('d.published_title', f.like, pattern), eb('d.published_text', f.like, pattern)]),
    );
  }
  return q;
}

const PUBLIC_COLUMNS = [
  'd.id',
  'd.kind',
  'd.sector',
  'd.published_title',
  'd.published_text',
  'd.publish_from',
  'o.name as district_name',
] as const;

export async function listPublicPage(
  db: Q,
  today: string,
  f: { q?: string; sector?: string; like: 'like' | 'ilike' },
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    publicScope(db, today, f)
      .select(PUBLIC_COLUMNS)
      .orderBy('d.publish_from', 'desc')
      .orderBy('d.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    publicScope(db, today, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function findPublic(db: Q, today: string, id: number) {
  return publicScope(db, today, { like: 'like' })
    .select(PUBLIC_COLUMNS)
    .where('d.id', '=', id)
    .executeTakeFirst();
}
