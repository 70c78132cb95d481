import type { Kysely } from 'kysely';
import {
  addDays,
  chinaPeriodBounds,
  HAZARD_ORIGIN_LABELS,
  HAZARD_STATUS_LABELS,
  type HazardListRow,
  type HazardOrigin,
  type HazardStatus,
  SECTOR_LABELS,
  type Sector,
  SUPERVISION_LABELS,
  type SupervisionLevel,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';

// 附件5 重大事故隐患问题清单: the major hazards still open at the end of a report's period, in
// one district and sector. "Open" uses the same rule as the overdue figure: found by the end of
// the period and not verified (销号) before it ended. The list shows each hazard's current
// plan and status; the ledger keeps no dated history of plan edits, so a report generated
// later shows today's text (a submitted report keeps the rows as they were at submission).

/** The most rows one list carries; beyond it the report says how many were left out. */
export const HAZARD_LIST_LIMIT = 2000;

export type HazardListQuery = {
  districtIds: number[];
  sector: Sector;
  /** Last day of the period (China date, inclusive). */
  periodTo: string;
};

export async function openMajorHazards(
  db: Kysely<Database>,
  q: HazardListQuery,
): Promise<{ rows: HazardListRow[]; total: number }> {
  const endDate = addDays(q.periodTo, 1);
  const { end } = chinaPeriodBounds({ from: q.periodTo, to: q.periodTo });
  const rows = await db
    .selectFrom('hazards as h')
    .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
    .select([
      'h.id',
      'h.enterprise_id',
      'e.name as enterprise_name',
      'h.sector',
      'h.title',
      'h.description',
      'h.origin',
      'h.found_at',
      'h.plan_responsible',
      'h.plan_measures',
      'h.deadline',
      'h.status',
      'h.supervision_level',
    ])
    .where('h.district_id', 'in', q.districtIds.length ? q.districtIds : [-1])
    .where('h.sector', '=', q.sector)
    .where('h.level', '=', 'major')
    .where('h.found_at', '<', endDate)
    .where((eb) =>
      eb.or([
        eb('h.status', '!=', 'verified'),
        eb('h.verified_at', 'is', null),
        eb('h.verified_at', '>=', end),
      ]),
    )
    .orderBy('h.found_at')
    .orderBy('h.id')
    .execute();
  const dash = '—';
  return {
    total: rows.length,
    rows: rows.slice(0, HAZARD_LIST_LIMIT).map((h) => {
      const foundOn = h.found_at.slice(0, 10);
      const overdue = h.deadline !== null && h.deadline < endDate;
      return {
        hazardId: Number(h.id),
        enterpriseId: Number(h.enterprise_id),
        enterprise: h.enterprise_name,
        sector: SECTOR_LABELS[h.sector as Sector]?.zh ?? h.sector,
        description: h.description ? `${h.title}：${h.description}` : h.title,
        origin: HAZARD_ORIGIN_LABELS[h.origin as HazardOrigin]?.zh ?? h.origin,
        found_at: foundOn,
        responsible: h.plan_responsible ?? dash,
        measures: h.plan_measures ?? dash,
        deadline: h.deadline ?? dash,
        // A hazard verified after the period ended was still open at its end.
        status:
          h.status === 'verified'
            ? '期末未销号（其后已销号）'
            : (HAZARD_STATUS_LABELS[h.status as HazardStatus]?.zh ?? h.status),
        supervision: h.supervision_level
          ? (SUPERVISION_LABELS[h.supervision_level as SupervisionLevel]?.zh ?? '是')
          : '否',
        overdue: overdue ? '是' : '否',
      };
    }),
  };
}
