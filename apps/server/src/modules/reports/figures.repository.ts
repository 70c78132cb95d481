import type { Kysely } from 'kysely';
import {
  addDays,
  BUREAU_FOUND_HAZARD_ORIGINS,
  type ChinaDateRange,
  chinaDateOfInstant,
  chinaPeriodBounds,
  dayNumber,
  DECIDED_PENALTY_CASE_STATUSES,
  FIGURE_KEYS,
  FIGURES,
  type FigureKey,
  fenToWanYuan,
  type HazardOrigin,
  percentShare,
  rectificationRate,
  reportWeekOf,
  type Sector,
  SELF_FOUND_HAZARD_ORIGINS,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import { qualifiedStaffIds } from '../staff/staff.service.js';

// The dispatch-table figures (issue 9 item 1) computed from the data, following the
// definitions in packages/domain/src/report/figures.ts word for word. Each source table is
// read once over the cumulative period (campaign start → the week's end) with its indexed
// district/date columns; the week and cumulative values and the record ids behind them are
// then split from those rows, so both values come from the same rows and never disagree.
// All comparisons are on strings: China dates (YYYY-MM-DD) against date columns, and the UTC
// bounds from chinaPeriodBounds against instant columns (stored as toISOString()), which
// behaves the same on SQLite and PostgreSQL.

/** What a report covers: territory, sector, and the week within the campaign. */
export type FigureQuery = {
  /** District org units (the `district_id` of records, the `org_unit_id` of enterprises). */
  districtIds: number[];
  /** One sector, or null for all sectors together. */
  sector: Sector | null;
  /** First day of the campaign (China date): the cumulative period starts here. */
  campaignStart: string;
  /** The report week, China dates, both inclusive (normally Monday–Sunday). */
  weekFrom: string;
  weekTo: string;
};

/** One figure's values and the records behind them (ids of the figure's `recordType`). */
export type FigureValue = {
  /** Null for stock and ratio figures (no week value) and unsupported figures. */
  week: number | null;
  /** Null for unsupported figures and ratios with a zero denominator. */
  cumulative: number | null;
  ids: { week: number[]; cumulative: number[] };
};

export type FigureValues = Record<FigureKey, FigureValue>;

/**
 * A scope with several sectors (a sector-scoped office's or inspector's dashboard, issue 10):
 * the same figures with the records of any of the sectors. `sectors: null` is every sector
 * (tips without a sector included), exactly like `FigureQuery.sector: null`.
 */
export type FigureScopeQuery = Omit<FigureQuery, 'sector'> & { sectors: readonly Sector[] | null };

type Windows = {
  q: FigureScopeQuery;
  /** Territory ids, never empty (an empty IN list is invalid SQL). */
  districts: number[];
  /** Sector filter, null for all; never empty (a list matching no sector stands for none). */
  sectors: string[] | null;
  /** Date columns: campaignStart ≤ d < cumEndDate; the week is weekFrom ≤ d < cumEndDate. */
  cumEndDate: string;
  /** Instant columns: cumStart ≤ t < end; the week is weekStart ≤ t < end. */
  cumStart: string;
  weekStart: string;
  end: string;
};

function windows(q: FigureScopeQuery): Windows {
  if (q.weekFrom < q.campaignStart)
    throw new RangeError(`the week starts before the campaign: ${q.weekFrom} < ${q.campaignStart}`);
  const cum = chinaPeriodBounds({ from: q.campaignStart, to: q.weekTo });
  const week = chinaPeriodBounds({ from: q.weekFrom, to: q.weekTo });
  return {
    q,
    districts: q.districtIds.length ? q.districtIds : [-1],
    sectors: q.sectors === null ? null : q.sectors.length ? [...q.sectors] : ['-'],
    // Half-open on date columns too, so a value with a time suffix on the last day still counts.
    cumEndDate: addDays(q.weekTo, 1),
    cumStart: cum.start,
    weekStart: week.start,
    end: cum.end,
  };
}

/** Accumulates one flow figure: ids in the cumulative period, and those also in the week. */
class Tally {
  private readonly weekIds: number[] = [];
  private readonly cumIds: number[] = [];
  private readonly weekKeys = new Set<number>();
  private readonly cumKeys = new Set<number>();
  private weekSum = 0;
  private cumSum = 0;

  /**
   * Adds a record. `distinctKey` counts distinct values (e.g. enterprises) instead of records;
   * `amount` sums instead of counting.
   */
  add(id: number, inWeek: boolean, opts: { distinctKey?: number; amount?: number } = {}): void {
    this.cumIds.push(id);
    if (opts.distinctKey !== undefined) this.cumKeys.add(opts.distinctKey);
    this.cumSum += opts.amount ?? 1;
    if (!inWeek) return;
    this.weekIds.push(id);
    if (opts.distinctKey !== undefined) this.weekKeys.add(opts.distinctKey);
    this.weekSum += opts.amount ?? 1;
  }

  /** Records counted (or amounts summed). */
  counted(): FigureValue {
    return this.value(this.weekSum, this.cumSum);
  }

  /** Distinct keys counted. */
  distinct(): FigureValue {
    return this.value(this.weekKeys.size, this.cumKeys.size);
  }

  /** Summed amounts in fen, as 万元. */
  wanYuan(): FigureValue {
    return this.value(fenToWanYuan(this.weekSum), fenToWanYuan(this.cumSum));
  }

  private value(week: number, cumulative: number): FigureValue {
    return withLazyIds(week, cumulative, this.weekIds, this.cumIds);
  }
}

function sortedUnique(ids: number[]): number[] {
  return [...new Set(ids.map(Number))].sort((a, b) => a - b);
}

/**
 * A figure value whose ids are sorted only when first read: a dashboard shows the numbers only,
 * and sorting a province's ids (100,000 enterprises, 60,000 inspections) cost it ~50 ms.
 */
function withLazyIds(
  week: number | null,
  cumulative: number | null,
  weekIds: number[],
  cumIds: number[],
): FigureValue {
  let ids: FigureValue['ids'] | undefined;
  return {
    week,
    cumulative,
    get ids() {
      ids ??= { week: sortedUnique(weekIds), cumulative: sortedUnique(cumIds) };
      return ids;
    },
  };
}

function stock(ids: number[]): FigureValue {
  return withLazyIds(null, new Set(ids.map(Number)).size, [], ids);
}

function unsupported(): FigureValue {
  return { week: null, cumulative: null, ids: { week: [], cumulative: [] } };
}

// ---- Per-table reads and their figures ----
// Each table is read once (with the records' sector) and its figures are then tallied from the
// rows: for the whole scope, or for one of its sectors by keeping that sector's rows, so that a
// dashboard's per-sector figures come from the very rows of its all-sector figures.

/** A row of a record with a sector (null for a tip that names none). */
type SectorRow = { sector: string | null };

/** Rows split by sector, once per read (a dashboard asks for every sector of each read). */
const sectorSplits = new WeakMap<readonly SectorRow[], Map<string | null, SectorRow[]>>();

/** The rows of one sector, or every row when `sector` is null. */
function ofSector<R extends SectorRow>(rows: R[], sector: Sector | null): R[] {
  if (sector === null) return rows;
  let split = sectorSplits.get(rows);
  if (!split) {
    split = new Map();
    for (const r of rows) {
      const list = split.get(r.sector);
      if (list) list.push(r);
      else split.set(r.sector, [r]);
    }
    sectorSplits.set(rows, split);
  }
  // The split holds the rows of `rows` only, so they are Rs.
  return (split.get(sector) ?? []) as R[];
}

function readRegistered(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('enterprises')
    .select(['id', 'sector'])
    .where('org_unit_id', 'in', w.districts)
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('status_date', '>', w.q.weekTo)]));
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

function readSelfInspections(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('self_inspections')
    .select(['id', 'enterprise_id', 'submitted_on', 'sector'])
    .where('district_id', 'in', w.districts)
    .where('status', '=', 'submitted')
    .where('submitted_on', '>=', w.q.campaignStart)
    .where('submitted_on', '<', w.cumEndDate);
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

function selfInspectionFigures(rows: Awaited<ReturnType<typeof readSelfInspections>>, w: Windows) {
  const tally = new Tally();
  for (const r of rows)
    tally.add(r.id, r.submitted_on! >= w.q.weekFrom, { distinctKey: r.enterprise_id });
  return { enterprises_self_inspected: tally.distinct() };
}

/** The major hazards found in the cumulative period: the rows every major-hazard figure reads. */
async function majorHazardRows(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('hazards')
    .select(['id', 'origin', 'found_at', 'status', 'verified_at', 'sector'])
    .where('district_id', 'in', w.districts)
    .where('level', '=', 'major')
    .where('found_at', '>=', w.q.campaignStart)
    .where('found_at', '<', w.cumEndDate);
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

type MajorHazardRow = Awaited<ReturnType<typeof majorHazardRows>>[number];

/** 已整改: verified (销号), with the verification before `end` (a UTC instant bound). */
function rectifiedBefore(h: MajorHazardRow, end: string): boolean {
  return h.status === 'verified' && h.verified_at !== null && h.verified_at < end;
}

function majorHazardFigures(rows: MajorHazardRow[], w: Windows) {
  const found = { all: new Tally(), self: new Tally(), bureau: new Tally() };
  const rectified = { all: new Tally(), self: new Tally(), bureau: new Tally() };
  for (const h of rows) {
    const origin = h.origin as HazardOrigin;
    const groups: (keyof typeof found)[] = ['all'];
    if (SELF_FOUND_HAZARD_ORIGINS.includes(origin)) groups.push('self');
    if (BUREAU_FOUND_HAZARD_ORIGINS.includes(origin)) groups.push('bureau');
    const foundInWeek = h.found_at >= w.q.weekFrom;
    const verified = rectifiedBefore(h, w.end);
    for (const g of groups) {
      found[g].add(h.id, foundInWeek);
      if (verified) rectified[g].add(h.id, h.verified_at! >= w.weekStart);
    }
  }
  return {
    major_hazards_found: found.all.counted(),
    major_hazards_rectified: rectified.all.counted(),
    major_hazards_self_found: found.self.counted(),
    major_hazards_self_found_rectified: rectified.self.counted(),
    major_hazards_bureau_found: found.bureau.counted(),
    major_hazards_bureau_found_rectified: rectified.bureau.counted(),
  };
}

/** One report week of the major-hazard series: its figures as the week's report gives them. */
export type MajorHazardWeek = {
  /** The week within the campaign (the first week starts on the campaign's first day). */
  weekFrom: string;
  weekTo: string;
  /** major_hazards_found and major_hazards_rectified of that week's report. */
  found: { week: number; cumulative: number };
  rectified: { week: number; cumulative: number };
  /** major_hazard_rectification_rate of that week's report (null when nothing was found). */
  rate: number | null;
};

/**
 * The major-hazard figures of every report week from the campaign's first week to the week of
 * `query.weekTo`, each equal to what computeFigures gives for that week (same rows, same
 * rules), from one read of the rows: a hazard counts as found from the week of its found date
 * and as rectified from the week of its verification, so a running sum gives the cumulative
 * values.
 */
export async function majorHazardSeries(
  db: Kysely<Database>,
  query: FigureScopeQuery,
): Promise<MajorHazardWeek[]> {
  const w = windows(query);
  return seriesOfRows(await majorHazardRows(db, w), w);
}

/** majorHazardSeries from the major hazards' rows of its scope. */
function seriesOfRows(rows: MajorHazardRow[], w: Windows): MajorHazardWeek[] {
  const query = w.q;
  const weeks: ChinaDateRange[] = [];
  for (let from = reportWeekOf(query.campaignStart).from; from <= query.weekTo;) {
    const to = addDays(from, 6);
    weeks.push({ from: from < query.campaignStart ? query.campaignStart : from, to });
    from = addDays(from, 7);
  }
  const firstMonday = reportWeekOf(query.campaignStart).from;
  const weekIndex = (date: string) =>
    Math.max(0, Math.floor((dayNumber(date) - dayNumber(firstMonday)) / 7));
  const foundIn = weeks.map(() => 0);
  const rectifiedIn = weeks.map(() => 0);
  // Verified before the week it was found in (or before the campaign): a week's report counts
  // it in the cumulative value from its found week on, and in no week's value.
  const rectifiedCarried = weeks.map(() => 0);
  for (const h of rows) {
    const foundWeek = weekIndex(h.found_at.slice(0, 10));
    foundIn[foundWeek]! += 1;
    if (!rectifiedBefore(h, w.end)) continue;
    const day = chinaDateOfInstant(h.verified_at!);
    const verifiedWeek = weekIndex(day);
    if (day < query.campaignStart || verifiedWeek < foundWeek) rectifiedCarried[foundWeek]! += 1;
    else rectifiedIn[verifiedWeek]! += 1;
  }
  let foundCum = 0;
  let rectifiedCum = 0;
  return weeks.map((week, i) => {
    foundCum += foundIn[i]!;
    rectifiedCum += rectifiedIn[i]! + rectifiedCarried[i]!;
    return {
      weekFrom: week.from,
      weekTo: week.to,
      found: { week: foundIn[i]!, cumulative: foundCum },
      rectified: { week: rectifiedIn[i]!, cumulative: rectifiedCum },
      rate: rectificationRate(rectifiedCum, foundCum),
    };
  });
}

function readOverdueMajorHazards(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('hazards')
    .select(['id', 'sector'])
    .where('district_id', 'in', w.districts)
    .where('level', '=', 'major')
    .where('found_at', '<', w.cumEndDate)
    .where('deadline', 'is not', null)
    // The same rule as isOverdue() on the morning after the week: a deadline on Sunday has
    // passed once Sunday is over.
    .where('deadline', '<', w.cumEndDate)
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'verified'),
        eb('verified_at', 'is', null),
        eb('verified_at', '>=', w.end),
      ]),
    );
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

/** Hazards with a supervision event of `action` in the cumulative period, with its last time. */
function readSupervisionEvents(
  db: Kysely<Database>,
  w: Windows,
  action: 'supervise' | 'lift_supervision',
) {
  let q = db
    .selectFrom('hazards as h')
    .innerJoin('hazard_events as e', 'e.hazard_id', 'h.id')
    .select(['h.id', 'h.sector'])
    .select((eb) => eb.fn.max('e.at').as('last_at'))
    .where('h.district_id', 'in', w.districts)
    // supervised_at is set on the first supervision and never cleared: it narrows the join to
    // the few hazards ever supervised before hazard_events is probed.
    .where('h.supervised_at', 'is not', null)
    .where('e.action', '=', action)
    .where('e.at', '>=', w.cumStart)
    .where('e.at', '<', w.end)
    .groupBy(['h.id', 'h.sector']);
  if (action === 'lift_supervision') q = q.where('h.supervision_level', 'is', null);
  if (w.sectors) q = q.where('h.sector', 'in', w.sectors);
  return q.execute();
}

function supervisionFigure(
  rows: Awaited<ReturnType<typeof readSupervisionEvents>>,
  w: Windows,
): FigureValue {
  const tally = new Tally();
  for (const r of rows) tally.add(r.id, String(r.last_at) >= w.weekStart);
  return tally.counted();
}

function readInspections(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('inspection_records as r')
    .leftJoin('inspection_plans as p', 'p.id', 'r.plan_id')
    .select(['r.id', 'r.enterprise_id', 'r.started_at', 'r.sector', 'p.kind as plan_kind'])
    .where('r.district_id', 'in', w.districts)
    .where('r.status', '=', 'signed')
    .where('r.started_at', '>=', w.cumStart)
    .where('r.started_at', '<', w.end);
  if (w.sectors) q = q.where('r.sector', 'in', w.sectors);
  return q.execute();
}

function inspectionFigures(rows: Awaited<ReturnType<typeof readInspections>>, w: Windows) {
  const visits = new Tally();
  const assistance = new Tally();
  for (const r of rows) {
    const inWeek = r.started_at >= w.weekStart;
    visits.add(r.id, inWeek, { distinctKey: r.enterprise_id });
    if (r.plan_kind === 'assistance') assistance.add(r.id, inWeek);
  }
  return {
    enterprise_inspections: visits.counted(),
    enterprises_inspected: visits.distinct(),
    assistance_visits: assistance.counted(),
  };
}

/** Decided penalty cases of the period, one row per party (a case without parties: one row). */
function readPenaltyCases(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('penalty_cases as c')
    .leftJoin('penalty_case_parties as p', 'p.case_id', 'c.id')
    .select(['c.id', 'c.decision_date', 'c.sector', 'p.kind', 'p.amount_fen'])
    .where('c.district_id', 'in', w.districts)
    .where('c.status', 'in', DECIDED_PENALTY_CASE_STATUSES)
    .where('c.decision_date', '>=', w.q.campaignStart)
    .where('c.decision_date', '<', w.cumEndDate);
  if (w.sectors) q = q.where('c.sector', 'in', w.sectors);
  return q.execute();
}

function penaltyFigures(rows: Awaited<ReturnType<typeof readPenaltyCases>>, w: Windows) {
  const byCase = new Map<number, { inWeek: boolean; fen: number; kindsFined: Set<string> }>();
  for (const r of rows) {
    let c = byCase.get(r.id);
    if (!c) {
      c = { inWeek: r.decision_date! >= w.q.weekFrom, fen: 0, kindsFined: new Set() };
      byCase.set(r.id, c);
    }
    const fen = Number(r.amount_fen ?? 0);
    c.fen += fen;
    if (r.kind && fen > 0) c.kindsFined.add(r.kind);
  }
  const cases = new Tally();
  const fines = new Tally();
  const dual = new Tally();
  for (const [id, c] of byCase) {
    cases.add(id, c.inWeek);
    fines.add(id, c.inWeek, { amount: c.fen });
    if (c.kindsFined.has('enterprise') && c.kindsFined.has('main_leader')) dual.add(id, c.inWeek);
  }
  return {
    penalty_cases: cases.counted(),
    penalty_fines: fines.wanYuan(),
    penalty_cases_dual: dual.counted(),
  };
}

function readMeasures(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('enforcement_measures')
    .select(['id', 'enterprise_id', 'kind', 'date', 'sector'])
    .where('district_id', 'in', w.districts)
    .where('kind', 'in', [
      'suspension',
      'closure_proposal',
      'judicial_referral',
      'joint_punishment',
      'dishonesty_list',
    ])
    .where('date', '>=', w.q.campaignStart)
    .where('date', '<', w.cumEndDate)
    .where('voided_at', 'is', null);
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

function measureFigures(rows: Awaited<ReturnType<typeof readMeasures>>, w: Windows) {
  const t = {
    suspension: new Tally(),
    closure_proposal: new Tally(),
    judicial_referral: new Tally(),
    joint_punishment: new Tally(),
    dishonesty_list: new Tally(),
  };
  for (const m of rows)
    t[m.kind as keyof typeof t].add(m.id, m.date >= w.q.weekFrom, { distinctKey: m.enterprise_id });
  return {
    enterprises_suspended: t.suspension.distinct(),
    closures_proposed: t.closure_proposal.distinct(),
    judicial_referrals: t.judicial_referral.counted(),
    joint_punishments: t.joint_punishment.counted(),
    dishonesty_list_entries: t.dishonesty_list.distinct(),
  };
}

function readLeaderInspections(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('leader_inspections as li')
    .innerJoin('enterprises as e', 'e.id', 'li.enterprise_id')
    .select(['li.id', 'li.inspected_on as date', 'e.sector'])
    .where('e.org_unit_id', 'in', w.districts)
    .where('li.status', '=', 'signed')
    .where('li.voided_at', 'is', null)
    .where('li.inspected_on', '>=', w.q.campaignStart)
    .where('li.inspected_on', '<', w.cumEndDate);
  if (w.sectors) q = q.where('e.sector', 'in', w.sectors);
  return q.execute();
}

function readDrills(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('emergency_drills as d')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .select(['d.id', 'd.drill_date as date', 'e.sector'])
    .where('e.org_unit_id', 'in', w.districts)
    .where('d.voided_at', 'is', null)
    .where('d.drill_date', '>=', w.q.campaignStart)
    .where('d.drill_date', '<', w.cumEndDate);
  if (w.sectors) q = q.where('e.sector', 'in', w.sectors);
  return q.execute();
}

/** Records counted by a China date column (leader inspections, drills). */
function datedFigure(rows: { id: number; date: string }[], w: Windows): FigureValue {
  const tally = new Tally();
  for (const r of rows) tally.add(r.id, r.date >= w.q.weekFrom);
  return tally.counted();
}

function readTipsReceived(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('tips')
    .select(['id', 'received_at', 'sector'])
    .where('district_id', 'in', w.districts)
    .where('received_at', '>=', w.cumStart)
    .where('received_at', '<', w.end);
  if (w.sectors) q = q.where('sector', 'in', w.sectors);
  return q.execute();
}

function tipsReceivedFigure(rows: Awaited<ReturnType<typeof readTipsReceived>>, w: Windows) {
  const tally = new Tally();
  for (const r of rows) tally.add(r.id, r.received_at >= w.weekStart);
  return tally.counted();
}

function readTipsVerified(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('tips as t')
    .innerJoin('tip_events as e', 'e.tip_id', 't.id')
    .select(['t.id', 't.verification_result', 't.sector'])
    .select((eb) => eb.fn.max('e.at').as('verified_at'))
    .where('t.district_id', 'in', w.districts)
    .where('t.verification_result', 'is not', null)
    .where('e.action', '=', 'verify')
    .where('e.at', '>=', w.cumStart)
    .where('e.at', '<', w.end)
    .groupBy(['t.id', 't.verification_result', 't.sector']);
  if (w.sectors) q = q.where('t.sector', 'in', w.sectors);
  return q.execute();
}

function tipsVerifiedFigures(rows: Awaited<ReturnType<typeof readTipsVerified>>, w: Windows) {
  const verified = new Tally();
  const substantiated = new Tally();
  for (const r of rows) {
    const inWeek = String(r.verified_at) >= w.weekStart;
    verified.add(r.id, inWeek);
    if (r.verification_result === 'true' || r.verification_result === 'partly_true')
      substantiated.add(r.id, inWeek);
  }
  return { tips_verified: verified.counted(), tips_substantiated: substantiated.counted() };
}

function readRewardsPaid(db: Kysely<Database>, w: Windows) {
  let q = db
    .selectFrom('reward_cases as rc')
    .innerJoin('tips as t', 't.id', 'rc.tip_id')
    .select(['rc.id', 'rc.paid_on', 'rc.amount_fen', 't.sector'])
    .where('rc.district_id', 'in', w.districts)
    .where('rc.status', '=', 'paid')
    .where('rc.paid_on', '>=', w.q.campaignStart)
    .where('rc.paid_on', '<', w.cumEndDate);
  if (w.sectors) q = q.where('t.sector', 'in', w.sectors);
  return q.execute();
}

function rewardsPaidFigure(rows: Awaited<ReturnType<typeof readRewardsPaid>>, w: Windows) {
  const tally = new Tally();
  for (const r of rows)
    tally.add(r.id, r.paid_on! >= w.q.weekFrom, { amount: Number(r.amount_fen) });
  return tally.wanYuan();
}

async function enforcementStaff(db: Kysely<Database>, w: Windows) {
  // Inspectors sit in the district's brigade, not the district itself: match the subtree by
  // materialized path (one small lookup of the districts' paths first).
  const roots = await db
    .selectFrom('org_units')
    .select('path')
    .where('id', 'in', w.districts)
    .execute();
  if (roots.length === 0) {
    return { staff: stock([]), certified: stock([]), onRecord: stock([]), qualified: stock([]) };
  }
  // The staff records (执法人员台账, issue 10) with the §四(三) rule applied by the staff module.
  const records = await qualifiedStaffIds(
    db,
    roots.map((r) => r.path),
  );
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('org_units as ou', 'ou.id', 'u.org_unit_id')
    .select(['u.id', 'u.certificate_no'])
    .where('u.role', '=', 'inspector')
    .where('u.status', '=', 'active')
    .where((eb) => eb.or(roots.map((r) => eb('ou.path', 'like', `${r.path}%`))))
    .execute();
  return {
    staff: stock(rows.map((r) => r.id)),
    certified: stock(rows.filter((r) => (r.certificate_no ?? '').trim() !== '').map((r) => r.id)),
    onRecord: stock(records.staffIds),
    qualified: stock(records.qualifiedIds),
  };
}

function ratio(numerator: FigureValue, denominator: FigureValue): FigureValue {
  const value =
    numerator.cumulative === null || denominator.cumulative === null
      ? null
      : percentShare(numerator.cumulative, denominator.cumulative);
  return { week: null, cumulative: value, ids: { week: [], cumulative: [] } };
}

/** Every table's rows for a scope, each table read once; the figures are tallied from them. */
async function readFigureRows(db: Kysely<Database>, w: Windows) {
  const [
    registered,
    selfInspected,
    majors,
    overdue,
    supervised,
    lifted,
    visits,
    penalties,
    measures,
    leader,
    drills,
    received,
    verified,
    rewards,
    staff,
  ] = await Promise.all([
    readRegistered(db, w),
    readSelfInspections(db, w),
    majorHazardRows(db, w),
    readOverdueMajorHazards(db, w),
    readSupervisionEvents(db, w, 'supervise'),
    readSupervisionEvents(db, w, 'lift_supervision'),
    readInspections(db, w),
    readPenaltyCases(db, w),
    readMeasures(db, w),
    readLeaderInspections(db, w),
    readDrills(db, w),
    readTipsReceived(db, w),
    readTipsVerified(db, w),
    readRewardsPaid(db, w),
    // Staff belong to the territory, not to a sector: the same figures for every sector.
    enforcementStaff(db, w),
  ]);
  return {
    registered,
    selfInspected,
    majors,
    overdue,
    supervised,
    lifted,
    visits,
    penalties,
    measures,
    leader,
    drills,
    received,
    verified,
    rewards,
    staff,
  };
}

type FigureRows = Awaited<ReturnType<typeof readFigureRows>>;

/**
 * The catalogue's figures from a scope's rows: of the whole scope (`sector` null) or of one of
 * its sectors. Tips without a sector count only in the whole scope.
 */
function figuresOfRows(rows: FigureRows, w: Windows, sector: Sector | null): FigureValues {
  const values: Omit<
    FigureValues,
    | 'major_hazard_rectification_rate'
    | 'enforcement_staff_certified_share'
    | 'enforcement_staff_qualified_share'
  > = {
    enterprises_registered: stock(ofSector(rows.registered, sector).map((r) => r.id)),
    ...selfInspectionFigures(ofSector(rows.selfInspected, sector), w),
    ...majorHazardFigures(ofSector(rows.majors, sector), w),
    hazards_supervised: supervisionFigure(ofSector(rows.supervised, sector), w),
    hazards_supervision_lifted: supervisionFigure(ofSector(rows.lifted, sector), w),
    major_hazards_overdue: stock(ofSector(rows.overdue, sector).map((r) => r.id)),
    ...inspectionFigures(ofSector(rows.visits, sector), w),
    ...penaltyFigures(ofSector(rows.penalties, sector), w),
    ...measureFigures(ofSector(rows.measures, sector), w),
    judicial_referral_persons: unsupported(),
    leader_inspections: datedFigure(ofSector(rows.leader, sector), w),
    emergency_drills: datedFigure(ofSector(rows.drills, sector), w),
    tips_received: tipsReceivedFigure(ofSector(rows.received, sector), w),
    ...tipsVerifiedFigures(ofSector(rows.verified, sector), w),
    rewards_paid: rewardsPaidFigure(ofSector(rows.rewards, sector), w),
    enforcement_staff: rows.staff.staff,
    enforcement_staff_certified: rows.staff.certified,
    enforcement_staff_on_record: rows.staff.onRecord,
    enforcement_staff_qualified: rows.staff.qualified,
  };
  const all: FigureValues = {
    ...values,
    major_hazard_rectification_rate: ratio(
      values.major_hazards_rectified,
      values.major_hazards_found,
    ),
    enforcement_staff_certified_share: ratio(
      values.enforcement_staff_certified,
      values.enforcement_staff,
    ),
    enforcement_staff_qualified_share: ratio(
      values.enforcement_staff_qualified,
      values.enforcement_staff_on_record,
    ),
  };
  // The catalogue decides what is supported: a figure it marks unsupported is never reported,
  // even if a query above were to produce something for it.
  for (const key of FIGURE_KEYS) if (!FIGURES[key].supported) all[key] = unsupported();
  return all;
}

/**
 * Computes every figure of the catalogue for one territory, sector and week. Unsupported
 * figures come back with null values; ratios carry no ids (drill into their two figures).
 */
export async function computeFigures(
  db: Kysely<Database>,
  query: FigureQuery,
): Promise<FigureValues> {
  const { sector, ...rest } = query;
  return computeScopeFigures(db, { ...rest, sectors: sector === null ? null : [sector] });
}

/** computeFigures over several sectors at once (a sector-scoped staff member's dashboard). */
export async function computeScopeFigures(
  db: Kysely<Database>,
  query: FigureScopeQuery,
): Promise<FigureValues> {
  const w = windows(query);
  return figuresOfRows(await readFigureRows(db, w), w, null);
}

/** A scope's figures, each of its sectors' figures and its major-hazard series. */
export type ScopeFiguresBySector = {
  /** computeScopeFigures of the scope. */
  all: FigureValues;
  /** computeScopeFigures of each sector asked for (`sectors: [sector]`), in the order asked. */
  bySector: { sector: Sector; values: FigureValues }[];
  /** majorHazardSeries of the scope. */
  majorHazardSeries: MajorHazardWeek[];
};

/**
 * What a dashboard shows (issue 11): the scope's figures, those of each of `sectors` and the
 * major-hazard series, each equal to what computeScopeFigures / majorHazardSeries give, from one
 * read of each table instead of one per sector: the per-sector figures keep that sector's rows
 * of the scope's. The sectors must lie within the scope (a sector outside it has no rows here).
 */
export async function computeFiguresBySector(
  db: Kysely<Database>,
  query: FigureScopeQuery,
  sectors: readonly Sector[],
): Promise<ScopeFiguresBySector> {
  const scope = query.sectors;
  const outside = scope === null ? [] : sectors.filter((s) => !scope.includes(s));
  if (outside.length) throw new RangeError(`sectors outside the scope: ${outside.join(', ')}`);
  const w = windows(query);
  const rows = await readFigureRows(db, w);
  return {
    all: figuresOfRows(rows, w, null),
    bySector: sectors.map((sector) => ({ sector, values: figuresOfRows(rows, w, sector) })),
    majorHazardSeries: seriesOfRows(rows.majors, w),
  };
}
