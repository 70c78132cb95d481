import type { Kysely, Transaction } from 'kysely';
import type {
  CampaignMilestone,
  CampaignPhase,
  Sector,
  WeeklyReporting,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database> | Transaction<Database>;

const COLUMNS = [
  'c.id',
  'c.org_unit_id',
  'o.name as org_unit_name',
  'o.path as org_path',
  'c.name',
  'c.year',
  'c.sectors',
  'c.phases',
  'c.weekly_weekday',
  'c.weekly_hour',
  'c.milestones',
  'c.start_date',
  'c.end_date',
  'c.created_at',
  'c.created_by_name',
  'c.updated_at',
  'c.voided_at',
  'c.void_reason',
  'c.version',
] as const;

/** Where campaigns may be: under a territory (subtree) and/or at some exact org paths. */
export type CampaignPlaces = {
  subtreeOf: string | null;
  atPaths: string[];
  /** At least one of these sectors (null: any). */
  sectors: Sector[] | null;
  year?: number;
};

function placed(db: Q, p: CampaignPlaces) {
  let q = db
    .selectFrom('campaigns as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
    .where('c.voided_at', 'is', null);
  q = q.where((eb) => {
    const ors = [];
    if (p.subtreeOf) ors.push(eb('o.path', 'like', `${p.subtreeOf}%`));
    if (p.atPaths.length > 0) ors.push(eb('o.path', 'in', p.atPaths));
    return ors.length > 0 ? eb.or(ors) : eb.val(false);
  });
  if (p.sectors) {
    const sectors = p.sectors.length > 0 ? p.sectors : ['-'];
    q = q.where((eb) => eb.or(sectors.map((s) => eb('c.sectors', 'like', `%"${s}"%`))));
  }
  if (p.year !== undefined) q = q.where('c.year', '=', p.year);
  return q;
}

/** One page of campaigns, newest year first. */
export async function listCampaigns(
  db: Q,
  p: CampaignPlaces,
  page: { offset: number; limit: number },
) {
  const [items, count] = await Promise.all([
    placed(db, p)
      .select(COLUMNS)
      .orderBy('c.year', 'desc')
      .orderBy('c.start_date', 'desc')
      .orderBy('c.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    placed(db, p)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Campaigns at the given org paths whose period has not ended by `date`. */
export function listOpenCampaignsAt(db: Q, p: CampaignPlaces, date: string) {
  return placed(db, p)
    .select(COLUMNS)
    .where('c.end_date', '>=', date)
    .orderBy('c.start_date', 'asc')
    .execute();
}

export type CampaignRow = Awaited<ReturnType<typeof findCampaign>> & object;

/** One campaign with its org unit (voided ones too). */
export function findCampaign(db: Q, id: number) {
  return db
    .selectFrom('campaigns as c')
    .innerJoin('org_units as o', 'o.id', 'c.org_unit_id')
    .select(COLUMNS)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** The stored columns of a campaign's editable fields. */
export function campaignColumns(v: {
  name: string;
  year: number;
  sectors: Sector[];
  phases: CampaignPhase[];
  weekly: WeeklyReporting;
  milestones: CampaignMilestone[];
}) {
  return {
    name: v.name,
    year: v.year,
    sectors: JSON.stringify(v.sectors),
    phases: JSON.stringify(v.phases),
    weekly_weekday: v.weekly.weekday,
    weekly_hour: v.weekly.hour,
    milestones: JSON.stringify(v.milestones),
    start_date: v.phases[0]!.start,
    end_date: v.phases[v.phases.length - 1]!.end,
  };
}

/** Inserts a campaign; returns its id. */
export async function insertCampaign(
  db: Q,
  row: ReturnType<typeof campaignColumns> & {
    org_unit_id: number;
    created_at: string;
    created_by: number;
    created_by_name: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('campaigns')
    .values({
      ...row,
      updated_at: row.created_at,
      voided_at: null,
      void_reason: null,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a campaign if its version matches; returns whether it did. */
export async function updateCampaignIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const r = await db
    .updateTable('campaigns')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
