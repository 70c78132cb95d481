import {
  computeScorecard,
  type DutyFacts,
  type PageQuery,
  type ScorecardView,
  type Sector,
} from '@hazard-ledger/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { dutyRecordFacts } from '../duty-records/duty-records.service.js';
import {
  enterpriseFilterOf,
  enterpriseScopeOf,
  getAccessibleEnterprise,
} from '../enterprises/enterprises.service.js';
import * as enterprises from '../enterprises/enterprises.repository.js';
import { hazardousWorkFacts } from '../hazardous-work/hazardous-work.service.js';
import { leaderDutyFacts } from '../leader-duties/leader-duties.service.js';
import { selfInspectionFacts } from '../self-inspections/self-inspections.service.js';
import { countOverdueMajorHazards } from './scorecard.repository.js';

// The five-duty scorecard: facts gathered from each duty module's records, rated by the
// domain rules (packages/domain/src/duties/scorecard.ts). Nothing is stored: the card is
// always computed from the records as they are on the day asked for.

/** Every fact the scorecard needs for one enterprise on one day. */
export async function collectDutyFacts(
  db: Kysely<Database>,
  enterpriseId: number,
  date: string,
): Promise<DutyFacts> {
  const [self, leader, work, records, overdue] = await Promise.all([
    selfInspectionFacts(db, enterpriseId, date),
    leaderDutyFacts(db, enterpriseId, date),
    hazardousWorkFacts(db, enterpriseId, date),
    dutyRecordFacts(db, enterpriseId, date),
    countOverdueMajorHazards(db, enterpriseId, date),
  ]);
  return {
    organize: {
      selfInspectionSubmitted: self.selfInspectionSubmitted,
      leaderInspectionMissingMonths: leader.leaderInspectionMissingMonths,
      keyPeriodMissedDays: leader.keyPeriodMissedDays,
      overdueMajorHazards: overdue,
    },
    responsibility: records.responsibility,
    hazardous_work: work,
    outsourcing: records.outsourcing,
    drills: records.drills,
  };
}

/** The scorecard of one enterprise as of a day (used by the enforcement inspection record). */
export async function scorecardOf(
  db: Kysely<Database>,
  enterprise: { id: number; name: string },
  date: string,
): Promise<ScorecardView> {
  const card = computeScorecard(await collectDutyFacts(db, enterprise.id, date));
  return { enterpriseId: enterprise.id, enterpriseName: enterprise.name, asOf: date, ...card };
}

/** The scorecard of an enterprise the caller may see (404 otherwise). */
export async function getScorecard(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  date?: string,
): Promise<ScorecardView> {
  const row = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  return scorecardOf(deps.db.kysely, row, date ?? todayInChina());
}

export type ScorecardListQuery = PageQuery & {
  q?: string;
  sector?: Sector;
  orgUnitId?: number;
};

/** One page of the enterprises the caller may see, each with its scorecard for today. */
export async function listScorecards(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: ScorecardListQuery,
) {
  const today = todayInChina();
  const { items, total } = await enterprises.listEnterprises(
    deps.db.kysely,
    await enterpriseScopeOf(deps, ctx),
    enterpriseFilterOf(deps, { q: query.q, sector: query.sector, orgUnitId: query.orgUnitId }),
    {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      sort: 'name',
      order: 'asc',
    },
  );
  const cards = [];
  // One enterprise at a time: each card runs a handful of small indexed queries.
  for (const e of items) {
    const card = await scorecardOf(deps.db.kysely, e, today);
    cards.push({ ...card, sector: e.sector as Sector, districtName: e.district_name });
  }
  return { items: cards, total, page: query.page, pageSize: query.pageSize };
}
