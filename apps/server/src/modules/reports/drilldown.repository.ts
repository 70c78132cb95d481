import type { Kysely } from 'kysely';
import {
  type DrillDownRow,
  type EducationLevel,
  ENFORCEMENT_MEASURE_LABELS,
  type EnforcementMeasureKind,
  ENTERPRISE_STATUS_LABELS,
  type EnterpriseStatus,
  type FigureRecordType,
  HAZARD_STATUS_LABELS,
  type HazardStatus,
  INSPECTION_RECORD_STATUS_LABELS,
  type InspectionRecordStatus,
  LEADER_INSPECTION_STATUS_LABELS,
  type LeaderInspectionStatus,
  PENALTY_CASE_STATUS_LABELS,
  type PenaltyCaseStatus,
  REWARD_STATUS_LABELS,
  type RewardStatus,
  SELF_INSPECTION_STATUS_LABELS,
  type SelfInspectionStatus,
  staffQualification,
  TIP_STATUS_LABELS,
  type TipStatus,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';

// The records behind a report figure (issue 9 item 5): the figure computation (or a frozen
// snapshot) gives the ids, this reads one page of them as list rows with a link to each
// record's page. Ids come from the report itself, never from the caller, so the list shows
// exactly what the number counted.

const label = <K extends string>(labels: Record<K, { zh: string }>, key: string): string =>
  labels[key as K]?.zh ?? key;

type Row = Omit<DrillDownRow, 'id'> & { id: number | string };

async function fetchRows(
  db: Kysely<Database>,
  type: FigureRecordType,
  ids: number[],
): Promise<Row[]> {
  switch (type) {
    case 'enterprise':
      return (
        await db
          .selectFrom('enterprises')
          .select(['id', 'name', 'status', 'status_date'])
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: r.name,
        enterpriseId: Number(r.id),
        enterpriseName: r.name,
        date: r.status_date,
        status: label(ENTERPRISE_STATUS_LABELS, r.status as EnterpriseStatus),
        href: `/enterprises/${r.id}`,
      }));
    case 'self_inspection':
      return (
        await db
          .selectFrom('self_inspections as s')
          .innerJoin('enterprises as e', 'e.id', 's.enterprise_id')
          .select([
            's.id',
            's.enterprise_id',
            'e.name',
            's.submitted_on',
            's.status',
            's.item_count',
          ])
          .where('s.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `对标自查（${r.item_count}项）`,
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.submitted_on,
        status: label(SELF_INSPECTION_STATUS_LABELS, r.status as SelfInspectionStatus),
        href: `/self-inspections/${r.id}`,
      }));
    case 'hazard':
      return (
        await db
          .selectFrom('hazards as h')
          .innerJoin('enterprises as e', 'e.id', 'h.enterprise_id')
          .select([
            'h.id',
            'h.number',
            'h.title',
            'h.enterprise_id',
            'e.name',
            'h.found_at',
            'h.status',
          ])
          .where('h.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `${r.number} ${r.title}`,
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.found_at.slice(0, 10),
        status: label(HAZARD_STATUS_LABELS, r.status as HazardStatus),
        href: `/hazards/${r.id}`,
      }));
    case 'inspection_record':
      return (
        await db
          .selectFrom('inspection_records as r')
          .innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
          .select(['r.id', 'r.record_no', 'r.enterprise_id', 'e.name', 'r.started_at', 'r.status'])
          .where('r.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: r.record_no,
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.started_at,
        status: label(INSPECTION_RECORD_STATUS_LABELS, r.status as InspectionRecordStatus),
        href: `/inspections/${r.id}`,
      }));
    case 'penalty_case':
      return (
        await db
          .selectFrom('penalty_cases as c')
          .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
          .select([
            'c.id',
            'c.case_no',
            'c.matter',
            'c.enterprise_id',
            'e.name',
            'c.decision_date',
            'c.status',
          ])
          .where('c.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `${r.case_no} ${r.matter}`,
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.decision_date,
        status: label(PENALTY_CASE_STATUS_LABELS, r.status as PenaltyCaseStatus),
        href: `/penalty-cases/${r.id}`,
      }));
    case 'enforcement_measure':
      return (
        await db
          .selectFrom('enforcement_measures as m')
          .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
          .select(['m.id', 'm.kind', 'm.enterprise_id', 'e.name', 'm.date', 'm.voided_at'])
          .where('m.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: label(ENFORCEMENT_MEASURE_LABELS, r.kind as EnforcementMeasureKind),
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.date,
        status: r.voided_at ? '已作废' : '有效',
        href: `/enterprises/${r.enterprise_id}?tab=enforcement`,
      }));
    case 'leader_inspection':
      return (
        await db
          .selectFrom('leader_inspections as l')
          .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
          .select(['l.id', 'l.enterprise_id', 'e.name', 'l.inspected_on', 'l.status'])
          .where('l.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: '主要负责人带队检查',
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.inspected_on,
        status: label(LEADER_INSPECTION_STATUS_LABELS, r.status as LeaderInspectionStatus),
        href: `/enterprises/${r.enterprise_id}?tab=duty-organize`,
      }));
    case 'emergency_drill':
      return (
        await db
          .selectFrom('emergency_drills as d')
          .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
          .select([
            'd.id',
            'd.scenario',
            'd.enterprise_id',
            'e.name',
            'd.drill_date',
            'd.voided_at',
          ])
          .where('d.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: r.scenario,
        enterpriseId: Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.drill_date,
        status: r.voided_at ? '已作废' : '有效',
        href: `/enterprises/${r.enterprise_id}?tab=duty-drills`,
      }));
    case 'tip':
      return (
        await db
          .selectFrom('tips as t')
          .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
          .select([
            't.id',
            't.number',
            't.subject',
            't.enterprise_id',
            'e.name',
            't.enterprise_text',
            't.received_at',
            't.status',
          ])
          .where('t.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `${r.number} ${r.subject}`,
        enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
        enterpriseName: r.name ?? r.enterprise_text,
        date: r.received_at,
        status: label(TIP_STATUS_LABELS, r.status as TipStatus),
        href: `/tips/${r.id}`,
      }));
    case 'reward_case':
      return (
        await db
          .selectFrom('reward_cases as rc')
          .innerJoin('tips as t', 't.id', 'rc.tip_id')
          .leftJoin('enterprises as e', 'e.id', 't.enterprise_id')
          .select([
            'rc.id',
            'rc.tip_id',
            't.number',
            'rc.amount_fen',
            't.enterprise_id',
            'e.name',
            'rc.paid_on',
            'rc.status',
          ])
          .where('rc.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `举报 ${r.number} 奖励 ${(Number(r.amount_fen) / 100).toFixed(2)} 元`,
        enterpriseId: r.enterprise_id === null ? null : Number(r.enterprise_id),
        enterpriseName: r.name,
        date: r.paid_on,
        status: label(REWARD_STATUS_LABELS, r.status as RewardStatus),
        href: `/tips/${r.tip_id}`,
      }));
    case 'user':
      return (
        await db
          .selectFrom('users as u')
          .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
          .select(['u.id', 'u.display_name', 'o.name as unit', 'u.certificate_no', 'u.status'])
          .where('u.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        title: `${r.display_name}（${r.unit}）`,
        enterpriseId: null,
        enterpriseName: null,
        date: null,
        status: r.certificate_no ? `执法证 ${r.certificate_no}` : '未登记执法证',
        href: null,
      }));
    case 'enforcement_staff_record':
      return (
        await db
          .selectFrom('enforcement_staff as s')
          .innerJoin('org_units as o', 'o.id', 's.org_unit_id')
          .select([
            's.id',
            's.name',
            'o.name as unit',
            's.education',
            's.major_safety_related',
            's.safety_years',
          ])
          .where('s.id', 'in', ids)
          .execute()
      ).map((r) => {
        const q = staffQualification({
          education: r.education as EducationLevel,
          majorSafetyRelated: r.major_safety_related === 1,
          safetyYears: r.safety_years,
        });
        return {
          id: r.id,
          title: `${r.name}（${r.unit}）`,
          enterpriseId: null,
          enterpriseName: null,
          date: null,
          status: q.qualified ? '符合§四(三)' : '不符合§四(三)',
          href: '/staff',
        };
      });
  }
}

/** One page of the records with the given ids, in the order of the ids. */
export async function drillDownRows(
  db: Kysely<Database>,
  type: FigureRecordType,
  ids: readonly number[],
  page: number,
  pageSize: number,
): Promise<DrillDownRow[]> {
  const slice = ids.slice((page - 1) * pageSize, page * pageSize);
  if (slice.length === 0) return [];
  const rows = await fetchRows(db, type, slice);
  const byId = new Map(rows.map((r) => [Number(r.id), { ...r, id: Number(r.id) }]));
  // A record the snapshot counted may since have been removed from view; keep its line.
  return slice.map(
    (id) =>
      byId.get(id) ?? {
        id,
        title: `记录 #${id}`,
        enterpriseId: null,
        enterpriseName: null,
        date: null,
        status: null,
        href: null,
      },
  );
}
