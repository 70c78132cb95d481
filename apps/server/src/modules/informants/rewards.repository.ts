import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RewardCaseTable } from '../../db/schema-informants-rewards.js';

// Queries of reward cases (举报奖励, issue 8 item 6) and of the tip facts rewards depend on.

type Q = Kysely<Database> | Transaction<Database>;

/** The scope of reward cases a caller sees: districts, and sectors when sector-scoped. */
export type RewardScope = { districtIds: number[]; sectors: string[] | null };

/** Penalty case statuses that mean a decision was made (its fine counts). */
const DECIDED_CASE_STATUSES = ['decided', 'executed', 'closed'];
/** Penalty case statuses that mean no violation stands. */
const VOID_CASE_STATUSES = ['withdrawn', 'terminated'];

const TIP_FACT_COLUMNS = [
  't.id',
  't.number',
  't.channel',
  't.subject',
  't.status',
  't.verification_result',
  't.district_id',
  'd.name as district_name',
  't.sector',
  't.enterprise_id',
  'e.name as enterprise_name',
  't.enterprise_text',
  't.hazard_id',
  'h.level as hazard_level',
  't.penalty_case_id',
  'pc.status as penalty_status',
] as const;

function tipFactsQuery(db: Q) {
  return db
    .selectFrom('tips as t')
    .innerJoin('org_units as d', 'd.id', 't.district_id')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .leftJoin('hazards as h', 'h.id', 't.hazard_id')
    .leftJoin('penalty_cases as pc', 'pc.id', 't.penalty_case_id');
}

export type TipFactsRow = Awaited<ReturnType<typeof findTipFacts>> & object;

/** The reward facts of one tip (no scope check: the service does that). */
export function findTipFacts(db: Q, tipId: number) {
  return tipFactsQuery(db).select(TIP_FACT_COLUMNS).where('t.id', '=', tipId).executeTakeFirst();
}

/**
 * Verified tips (true or partly true) of a scope that have no reward case yet and produced a
 * hazard or a penalty case, newest first. The rules then decide which of them qualify.
 */
export function listCandidateTips(db: Q, scope: RewardScope) {
  if (scope.districtIds.length === 0) return Promise.resolve([]);
  let q = tipFactsQuery(db)
    .leftJoin('reward_cases as rc', 'rc.tip_id', 't.id')
    .where('t.district_id', 'in', scope.districtIds);
  if (scope.sectors) {
    const sectors = scope.sectors;
    q = q.where((eb) => eb.or([eb('t.sector', 'is', null), eb('t.sector', 'in', sectors)]));
  }
  return q
    .select(TIP_FACT_COLUMNS)
    .where('rc.id', 'is', null)
    .where('t.status', 'in', ['verified', 'closed'])
    .where('t.verification_result', 'in', ['true', 'partly_true'])
    .where((eb) =>
      eb.or([eb('t.hazard_id', 'is not', null), eb('t.penalty_case_id', 'is not', null)]),
    )
    .orderBy('t.updated_at', 'desc')
    .limit(200)
    .execute();
}

/** Whether a penalty case stands (not withdrawn or terminated) and the fine it decided. */
export async function penaltyFacts(
  db: Q,
  row: { penalty_case_id: number | null; penalty_status: string | null },
): Promise<{ violation: boolean; decided: boolean; fineFen: number }> {
  if (row.penalty_case_id === null || row.penalty_status === null)
    return { violation: false, decided: false, fineFen: 0 };
  if (VOID_CASE_STATUSES.includes(row.penalty_status))
    return { violation: false, decided: false, fineFen: 0 };
  if (!DECIDED_CASE_STATUSES.includes(row.penalty_status))
    return { violation: true, decided: false, fineFen: 0 };
  const sum = await db
    .selectFrom('penalty_case_parties')
    .select((eb) => eb.fn.sum<number>('amount_fen').as('fine'))
    .where('case_id', '=', row.penalty_case_id)
    .executeTakeFirst();
  return { violation: true, decided: true, fineFen: Number(sum?.fine ?? 0) };
}

const CASE_COLUMNS = [
  'rc.id',
  'rc.tip_id',
  't.number as tip_number',
  't.channel as tip_channel',
  't.subject as tip_subject',
  'inf.code as informant_code',
  'rc.district_id',
  'd.name as district_name',
  'e.name as enterprise_name',
  't.enterprise_text',
  'rc.finding',
  'rc.fine_fen',
  'rc.computed_fen',
  'rc.amount_fen',
  'rc.amount_reason',
  'rc.rules_name',
  'rc.status',
  'rc.proposed_by',
  'rc.proposed_by_name',
  'rc.proposed_at',
  'rc.amended_by',
  'rc.approved_by_name',
  'rc.approved_at',
  'rc.paid_on',
  'rc.payment_method',
  'rc.voucher_no',
  'rc.reject_reason',
  'rc.updated_at',
  'rc.version',
] as const;

function caseQuery(db: Q) {
  return db
    .selectFrom('reward_cases as rc')
    .innerJoin('tips as t', 't.id', 'rc.tip_id')
    .innerJoin('org_units as d', 'd.id', 'rc.district_id')
    .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
    .leftJoin('informants as inf', 'inf.id', 't.informant_id');
}

export type RewardCaseViewRow = Awaited<ReturnType<typeof findCase>> & object;

/** One reward case with its tip's number and names. */
export function findCase(db: Q, id: number) {
  return caseQuery(db)
    .select(CASE_COLUMNS)
    .select('t.sector')
    .where('rc.id', '=', id)
    .executeTakeFirst();
}

/** One page of reward cases in a scope, newest first. */
export async function listCases(
  db: Q,
  scope: RewardScope,
  f: { status?: string; districtId?: number },
  page: { offset: number; limit: number },
) {
  if (scope.districtIds.length === 0) return { items: [], total: 0 };
  let q = caseQuery(db).where('rc.district_id', 'in', scope.districtIds);
  if (scope.sectors) {
    const sectors = scope.sectors;
    q = q.where((eb) => eb.or([eb('t.sector', 'is', null), eb('t.sector', 'in', sectors)]));
  }
  if (f.status) q = q.where('rc.status', '=', f.status);
  if (f.districtId) q = q.where('rc.district_id', '=', f.districtId);
  const [items, count] = await Promise.all([
    q
      .select(CASE_COLUMNS)
      .select('t.sector')
      .orderBy('rc.proposed_at', 'desc')
      .orderBy('rc.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The raw case row. */
export function findCaseRow(db: Q, id: number) {
  return db.selectFrom('reward_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The case of a tip, if any. */
export function findCaseByTip(db: Q, tipId: number) {
  return db
    .selectFrom('reward_cases')
    .select(['id', 'status'])
    .where('tip_id', '=', tipId)
    .executeTakeFirst();
}

/** Inserts a case; returns its id. */
export async function insertCase(db: Q, row: Omit<RewardCaseTable, 'id'>): Promise<number> {
  const { id } = await db
    .insertInto('reward_cases')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a case if its version still matches; returns whether a row changed. */
export async function updateCaseIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Partial<Omit<RewardCaseTable, 'id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('reward_cases')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Appends a history event. */
export async function insertEvent(
  db: Q,
  e: {
    case_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    at: string;
    note: string | null;
    details: string | null;
    idempotency_key?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('reward_events')
    .values({ ...e, idempotency_key: e.idempotency_key ?? null })
    .execute();
}

/** An earlier event of the case with the same idempotency key. */
export function findEventByKey(db: Q, caseId: number, key: string) {
  return db
    .selectFrom('reward_events')
    .select('id')
    .where('case_id', '=', caseId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** The history of a case, oldest first. */
export function listEvents(db: Q, caseId: number) {
  return db
    .selectFrom('reward_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/**
 * Counts and amounts per district of the cases whose step `column` happened in [from, to)
 * (timestamps) or [from, to] (dates), in a scope.
 */
export function totalsBy(
  db: Q,
  scope: RewardScope,
  step: {
    column: 'proposed_at' | 'approved_at' | 'paid_on' | 'rejected_at';
    from: string;
    to: string;
    inclusiveTo: boolean;
  },
) {
  if (scope.districtIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('reward_cases as rc')
    .innerJoin('tips as t', 't.id', 'rc.tip_id')
    .where('rc.district_id', 'in', scope.districtIds)
    .where(`rc.${step.column}`, '>=', step.from)
    .where(`rc.${step.column}`, step.inclusiveTo ? '<=' : '<', step.to);
  if (scope.sectors) {
    const sectors = scope.sectors;
    q = q.where((eb) => eb.or([eb('t.sector', 'is', null), eb('t.sector', 'in', sectors)]));
  }
  return q
    .select([
      'rc.district_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('rc.amount_fen').as('amount'),
    ])
    .groupBy('rc.district_id')
    .execute();
}

/** The reward case status of the tip with this receipt hash; undefined when no such tip. */
export function findClaimByReceiptHash(db: Q, receiptHash: string) {
  return db
    .selectFrom('tips as t')
    .leftJoin('reward_cases as rc', 'rc.tip_id', 't.id')
    .select(['t.id as tip_id', 'rc.status'])
    .where('t.receipt_hash', '=', receiptHash)
    .executeTakeFirst();
}
