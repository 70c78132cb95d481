import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIGURE_KEYS, FIGURES, SECTORS, type Sector } from '@hazard-ledger/domain';
import type { Db } from '../src/db/database.js';
import { nowIso } from '../src/lib/time.js';
import {
  computeFigures,
  computeFiguresBySector,
  computeScopeFigures,
  type FigureQuery,
  type FigureValues,
  majorHazardSeries,
} from '../src/modules/reports/figures.repository.js';
import { createTestContext, type TestContext } from './harness.js';

// Each figure on hand-built rows whose answer is known. The campaign starts Monday 2023-05-22;
// the report week is Monday 2023-06-05 to Sunday 2023-06-11 (China time). Rows sit on both
// sides of every boundary: 23:59 on Sunday is in the week, 00:00 the next Monday is not.

const CAMPAIGN_START = '2023-05-22';
const WEEK = { weekFrom: '2023-06-05', weekTo: '2023-06-11' };

/** Ids in ascending order, as the figures return them; a missing fixture fails loudly. */
function sorted(...list: (number | undefined)[]): number[] {
  return list
    .map((id) => {
      if (id === undefined) throw new Error('unknown fixture');
      return id;
    })
    .sort((a, b) => a - b);
}

/** A China wall-clock time ("2023-06-11 23:59:59") as the UTC ISO string the app stores. */
function china(local: string): string {
  return new Date(`${local.replace(' ', 'T')}+08:00`).toISOString();
}

describe('report figures', () => {
  let t: TestContext;
  let db: Db['kysely'];
  let userId: number;
  let hazchemA: number;
  let miningA: number;
  let hazchemB: number;
  let closedLaterA: number;
  const at = nowIso();
  let seq = 0;
  const next = () => ++seq;

  const query = (over: Partial<FigureQuery> = {}): FigureQuery => ({
    districtIds: [t.org.districtA],
    sector: 'hazchem',
    campaignStart: CAMPAIGN_START,
    ...WEEK,
    ...over,
  });

  async function enterprise(spec: {
    sector: Sector;
    orgUnitId: number;
    status?: string;
    statusDate?: string;
  }) {
    const n = next();
    const row = await db
      .insertInto('enterprises')
      .values({
        name: `报表测试企业${n}`,
        credit_code: `TESTREPORT${String(n).padStart(8, '0')}`,
        sector: spec.sector,
        sub_type: spec.sector === 'hazchem' ? 'production' : 'underground',
        tags: '[]',
        org_unit_id: spec.orgUnitId,
        status: spec.status ?? 'operating',
        status_date: spec.statusDate ?? null,
        status_reason: spec.status ? '测试' : null,
        licences: '[]',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function hazard(spec: {
    enterpriseId: number;
    level?: string;
    origin: string;
    foundAt: string;
    status?: string;
    verifiedAt?: string;
    deadline?: string;
    supervision?: { level: string | null; at: string };
  }) {
    const ent = await db
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', spec.enterpriseId)
      .executeTakeFirstOrThrow();
    const row = await db
      .insertInto('hazards')
      .values({
        number: `RPT-${next()}`,
        district_id: ent.org_unit_id,
        enterprise_id: spec.enterpriseId,
        sector: ent.sector,
        catalog_id: null,
        catalog_version: null,
        catalog_item_code: null,
        no_catalog_reason: '测试',
        level: spec.level ?? 'major',
        title: '测试隐患',
        description: '测试隐患描述',
        place: null,
        cause_analysis: null,
        category: null,
        origin: spec.origin,
        found_at: spec.foundAt,
        found_by: '测试',
        treatment: 'deadline',
        status: spec.status ?? (spec.verifiedAt ? 'verified' : 'rectifying'),
        plan_responsible: null,
        plan_measures: null,
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: spec.deadline ?? null,
        plan_emergency: null,
        plan_approved_at: null,
        reported_to_bureau_at: null,
        fix_description: null,
        fixed_by_user_id: null,
        fixed_at: null,
        leader_accepted_at: null,
        verified_at: spec.verifiedAt ?? null,
        verified_by_user_id: spec.verifiedAt ? userId : null,
        supervision_level: spec.supervision?.level ?? null,
        supervised_at: spec.supervision?.at ?? null,
        extension_deadline: null,
        extension_reason: null,
        created_by_user_id: userId,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function hazardEvent(hazardId: number, action: string, eventAt: string) {
    await db
      .insertInto('hazard_events')
      .values({
        hazard_id: hazardId,
        action,
        from_status: 'rectifying',
        to_status: 'rectifying',
        actor_id: userId,
        actor_name: '测试',
        actor_role: 'bureau_admin',
        at: eventAt,
        reason: '测试',
        details: null,
        idempotency_key: null,
      })
      .execute();
  }

  async function selfInspection(enterpriseId: number, status: string, submittedOn: string | null) {
    const row = await db
      .insertInto('self_inspections')
      .values({
        enterprise_id: enterpriseId,
        district_id: t.org.districtA,
        sector: 'hazchem',
        campaign_id: null,
        campaign_name: null,
        status,
        inspection_date: submittedOn ?? '2023-06-01',
        inspectors: null,
        photo_required: 0,
        catalogs: '[]',
        item_count: 0,
        started_by_user_id: userId,
        started_by_name: '测试',
        started_at: at,
        submitted_by_user_id: submittedOn ? userId : null,
        signer_name: null,
        submitted_at: submittedOn ? china(`${submittedOn} 10:00:00`) : null,
        submitted_on: submittedOn,
        submit_key: null,
        discarded_at: null,
        discard_reason: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function inspectionRecord(spec: {
    enterpriseId: number;
    startedAt: string;
    status?: string;
    planId?: number;
  }) {
    const row = await db
      .insertInto('inspection_records')
      .values({
        record_no: `RPT-R-${next()}`,
        district_id: t.org.districtA,
        enterprise_id: spec.enterpriseId,
        sector: 'hazchem',
        plan_id: spec.planId ?? null,
        plan_target_id: null,
        origin: 'enforcement',
        started_at: spec.startedAt,
        ended_at: spec.startedAt,
        place: '现场',
        enterprise_name: null,
        content: '{}',
        scorecard: null,
        status: spec.status ?? 'signed',
        canonical_text: null,
        content_hash: null,
        supersedes_record_id: null,
        superseded_by_record_id: null,
        signed_at: spec.startedAt,
        acknowledged_at: null,
        acknowledged_by_user_id: null,
        acknowledged_by_name: null,
        created_at: at,
        created_by: userId,
        created_by_name: '测试',
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function penaltyCase(spec: {
    status: string;
    decisionDate: string | null;
    parties: { kind: string; fen: number }[];
  }) {
    const row = await db
      .insertInto('penalty_cases')
      .values({
        case_no: `RPT-C-${next()}`,
        district_id: t.org.districtA,
        enterprise_id: hazchemA,
        sector: 'hazchem',
        matter: '测试案件',
        facts: null,
        filed_on: '2023-05-25',
        inspection_record_id: null,
        status: spec.status,
        leader_waiver_reason: null,
        no_penalty_override_reason: null,
        notified_on: null,
        notice_document_no: null,
        decision_date: spec.decisionDate,
        decision_major_hazard: null,
        decision_hazard_persisted: null,
        no_penalty_decided_on: null,
        no_penalty_reason: null,
        no_penalty_decision_no: null,
        published_on: null,
        publication_note: null,
        daily_ordered_on: null,
        daily_corrected_on: null,
        executed_on: null,
        closed_on: null,
        created_by: userId,
        created_by_name: '测试',
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const caseId = Number(row.id);
    for (const [i, p] of spec.parties.entries()) {
      await db
        .insertInto('penalty_case_parties')
        .values({
          case_id: caseId,
          seq: i + 1,
          kind: p.kind,
          name: p.kind,
          position: null,
          basis: '第一百零二条',
          circumstance: 'standard',
          amount_fen: p.fen,
          decision_no: null,
          decision_text: null,
          decision_hash: null,
        })
        .execute();
    }
    return caseId;
  }

  async function measure(kind: string, enterpriseId: number, date: string, voided = false) {
    const row = await db
      .insertInto('enforcement_measures')
      .values({
        district_id: t.org.districtA,
        enterprise_id: enterpriseId,
        sector: 'hazchem',
        kind,
        date,
        data: '{}',
        penalty_case_id: null,
        created_by: userId,
        created_by_name: '测试',
        created_at: at,
        updated_at: at,
        voided_at: voided ? at : null,
        void_reason: voided ? '录入错误' : null,
        voided_by: voided ? userId : null,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function leaderInspection(inspectedOn: string, status: string, voided = false) {
    const row = await db
      .insertInto('leader_inspections')
      .values({
        enterprise_id: hazchemA,
        inspected_on: inspectedOn,
        participants: '张三',
        places: '罐区',
        content: '检查',
        items: '[]',
        status,
        recorded_by: userId,
        recorded_by_name: '测试',
        recorded_at: at,
        signed_at: status === 'signed' ? at : null,
        signed_by: status === 'signed' ? userId : null,
        signed_by_name: status === 'signed' ? '测试' : null,
        voided_at: voided ? at : null,
        void_reason: voided ? '测试' : null,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function drill(enterpriseId: number, drillDate: string) {
    const row = await db
      .insertInto('emergency_drills')
      .values({
        enterprise_id: enterpriseId,
        created_by_user_id: userId,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
        version: 1,
        scenario: '泄漏',
        drill_type: null,
        drill_date: drillDate,
        participants: 10,
        equipment_used: null,
        equipment_added: null,
        evaluation: null,
        improvements: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function tip(spec: {
    sector: string | null;
    receivedAt: string;
    verified?: { result: string; at: string };
  }) {
    const row = await db
      .insertInto('tips')
      .values({
        number: `RPT-T-${next()}`,
        receipt_hash: null,
        channel: 'phone',
        district_id: t.org.districtA,
        enterprise_id: spec.sector ? hazchemA : null,
        enterprise_text: null,
        sector: spec.sector,
        place: null,
        subject: '举报',
        description: '举报内容',
        catalog_item_code: null,
        anonymous: 1,
        identity_sealed: null,
        informant_id: null,
        status: spec.verified ? 'verified' : 'accepted',
        reject_reason: null,
        duplicate_of_tip_id: null,
        assigned_unit_id: null,
        assigned_user_id: null,
        due_date: null,
        verification_result: spec.verified?.result ?? null,
        verification_summary: null,
        hazard_id: null,
        inspection_record_id: null,
        penalty_case_id: null,
        received_at: spec.receivedAt,
        created_by: userId,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tipId = Number(row.id);
    if (spec.verified) {
      await db
        .insertInto('tip_events')
        .values({
          tip_id: tipId,
          action: 'verify',
          from_status: 'verifying',
          to_status: 'verified',
          actor_id: userId,
          actor_name: '测试',
          at: spec.verified.at,
          note: null,
          idempotency_key: null,
        })
        .execute();
    }
    return tipId;
  }

  async function reward(tipId: number, status: string, paidOn: string | null, fen: number) {
    const row = await db
      .insertInto('reward_cases')
      .values({
        tip_id: tipId,
        district_id: t.org.districtA,
        finding: 'major_hazard',
        fine_fen: 0,
        computed_fen: fen,
        amount_fen: fen,
        amount_reason: null,
        rules_name: '测试办法',
        status,
        proposed_by: userId,
        proposed_by_name: '测试',
        proposed_at: at,
        amended_by: null,
        approved_by: null,
        approved_by_name: null,
        approved_at: null,
        paid_on: paidOn,
        payment_method: paidOn ? 'bank_transfer' : null,
        voucher_no: null,
        paid_recorded_at: paidOn ? at : null,
        reject_reason: null,
        rejected_at: null,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async function inspector(orgUnitId: number, certificateNo: string | null, status = 'active') {
    const id = await t.createUser({ username: `rpt_insp_${next()}`, role: 'inspector', orgUnitId });
    await db
      .updateTable('users')
      .set({ certificate_no: certificateNo, status })
      .where('id', '=', id)
      .execute();
    return id;
  }

  // Ids of the rows, named after what they test.
  const ids: Record<string, number> = {};
  let values: FigureValues;

  beforeAll(async () => {
    t = await createTestContext();
    db = t.db.kysely;
    ({ hazchemA, miningA, hazchemB } = t.enterprises);
    userId = await t.createUser({
      username: 'rpt_admin',
      role: 'bureau_admin',
      orgUnitId: t.org.districtA,
    });

    // Registry: closed before the week's end → out; closed after it → still in.
    ids.closedEarly = await enterprise({
      sector: 'hazchem',
      orgUnitId: t.org.districtA,
      status: 'closed',
      statusDate: '2023-06-11',
    });
    closedLaterA = await enterprise({
      sector: 'hazchem',
      orgUnitId: t.org.districtA,
      status: 'closed',
      statusDate: '2023-06-12',
    });

    // Major hazards.
    ids.selfFoundVerifiedSundayNight = await hazard({
      enterpriseId: hazchemA,
      origin: 'self_check',
      foundAt: '2023-06-05',
      verifiedAt: china('2023-06-11 23:59:00'),
      supervision: { level: null, at: china('2023-05-26 09:00:00') },
    });
    ids.bureauFoundVerifiedMondayMidnight = await hazard({
      enterpriseId: hazchemA,
      origin: 'enforcement',
      foundAt: '2023-06-01',
      deadline: '2023-06-10',
      verifiedAt: china('2023-06-12 00:00:00'),
      supervision: { level: 'district', at: china('2023-06-06 10:00:00') },
    });
    ids.spotCheckDueSunday = await hazard({
      enterpriseId: hazchemA,
      origin: 'spot_check',
      foundAt: '2023-06-11',
      deadline: '2023-06-11',
    });
    ids.tipVerifiedEarlier = await hazard({
      enterpriseId: hazchemA,
      origin: 'tip',
      foundAt: '2023-05-30',
      verifiedAt: china('2023-06-02 15:00:00'),
      supervision: { level: null, at: china('2023-05-25 09:00:00') },
    });
    ids.foundBeforeCampaignOverdue = await hazard({
      enterpriseId: hazchemA,
      origin: 'self_check',
      foundAt: '2023-05-21',
      deadline: '2023-06-01',
    });
    ids.general = await hazard({
      enterpriseId: hazchemA,
      level: 'general',
      origin: 'self_check',
      foundAt: '2023-06-06',
      deadline: '2023-06-07',
    });
    ids.mining = await hazard({
      enterpriseId: miningA,
      origin: 'self_check',
      foundAt: '2023-06-06',
    });
    ids.districtB = await hazard({
      enterpriseId: hazchemB,
      origin: 'self_check',
      foundAt: '2023-06-06',
    });
    ids.foundAfterWeek = await hazard({
      enterpriseId: hazchemA,
      origin: 'enforcement',
      foundAt: '2023-06-12',
    });
    ids.leaderFoundDueMonday = await hazard({
      enterpriseId: hazchemA,
      origin: 'leader_check',
      foundAt: '2023-06-06',
      deadline: '2023-06-12',
    });
    await hazardEvent(
      ids.bureauFoundVerifiedMondayMidnight,
      'supervise',
      china('2023-06-06 10:00:00'),
    );
    await hazardEvent(ids.tipVerifiedEarlier, 'supervise', china('2023-05-25 09:00:00'));
    await hazardEvent(ids.tipVerifiedEarlier, 'lift_supervision', china('2023-06-11 23:59:59'));
    await hazardEvent(ids.selfFoundVerifiedSundayNight, 'supervise', china('2023-05-26 09:00:00'));
    await hazardEvent(
      ids.selfFoundVerifiedSundayNight,
      'lift_supervision',
      china('2023-06-12 00:00:00'),
    );

    // Self-inspections.
    ids.siWeek = await selfInspection(hazchemA, 'submitted', '2023-06-07');
    ids.siEarlier = await selfInspection(hazchemA, 'submitted', '2023-05-25');
    ids.siOther = await selfInspection(closedLaterA, 'submitted', '2023-06-11');
    ids.siDraft = await selfInspection(hazchemA, 'draft', null);

    // Inspections; one under an assistance plan.
    const plan = await db
      .insertInto('inspection_plans')
      .values({
        org_unit_id: t.org.districtA,
        name: '帮扶指导',
        kind: 'assistance',
        start_date: '2023-06-01',
        end_date: '2023-06-30',
        sectors: '["hazchem"]',
        departments: '[]',
        unannounced: 0,
        cross_area: 0,
        enterprise_count: null,
        inspectors_per_target: 2,
        note: null,
        status: 'in_progress',
        cancel_reason: null,
        completion_note: null,
        campaign_id: null,
        draw_seed: null,
        draw_algorithm: null,
        draw_input: null,
        drawn_at: null,
        drawn_by: null,
        drawn_by_name: null,
        created_by: userId,
        created_by_name: '测试',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.recSundayNight = await inspectionRecord({
      enterpriseId: hazchemA,
      startedAt: china('2023-06-11 23:59:00'),
    });
    ids.recMondayMidnight = await inspectionRecord({
      enterpriseId: hazchemA,
      startedAt: china('2023-06-12 00:00:00'),
    });
    ids.recEarlier = await inspectionRecord({
      enterpriseId: closedLaterA,
      startedAt: china('2023-06-01 09:00:00'),
    });
    ids.recSuperseded = await inspectionRecord({
      enterpriseId: hazchemA,
      startedAt: china('2023-06-06 09:00:00'),
      status: 'superseded',
    });
    ids.recAssistance = await inspectionRecord({
      enterpriseId: hazchemA,
      startedAt: china('2023-06-08 09:00:00'),
      planId: Number(plan.id),
    });

    // Penalty cases: fines in fen (50,000 元 = 5 万元).
    ids.caseDual = await penaltyCase({
      status: 'decided',
      decisionDate: '2023-06-09',
      parties: [
        { kind: 'enterprise', fen: 5_000_000 },
        { kind: 'main_leader', fen: 1_200_000 },
      ],
    });
    ids.caseEarlier = await penaltyCase({
      status: 'executed',
      decisionDate: '2023-05-30',
      parties: [
        { kind: 'enterprise', fen: 300_000 },
        { kind: 'main_leader', fen: 0 },
      ],
    });
    ids.caseWithdrawn = await penaltyCase({
      status: 'withdrawn',
      decisionDate: null,
      parties: [{ kind: 'enterprise', fen: 100_000 }],
    });
    ids.caseAfterWeek = await penaltyCase({
      status: 'decided',
      decisionDate: '2023-06-12',
      parties: [{ kind: 'enterprise', fen: 100_000 }],
    });

    // Measures.
    ids.suspensionWeek = await measure('suspension', hazchemA, '2023-06-05');
    ids.suspensionEarlier = await measure('suspension', hazchemA, '2023-05-28');
    ids.referralWeek = await measure('judicial_referral', hazchemA, '2023-06-10');
    ids.referralVoided = await measure('judicial_referral', hazchemA, '2023-06-10', true);
    ids.closureEarlier = await measure('closure_proposal', closedLaterA, '2023-06-01');
    ids.jointWeek = await measure('joint_punishment', hazchemA, '2023-06-11');
    ids.dishonestyAfter = await measure('dishonesty_list', hazchemA, '2023-06-12');
    ids.notification = await measure('notification', hazchemA, '2023-06-06');

    // Leader inspections and drills.
    ids.leaderWeek = await leaderInspection('2023-06-10', 'signed');
    ids.leaderDraft = await leaderInspection('2023-06-10', 'draft');
    ids.leaderEarlier = await leaderInspection('2023-05-31', 'signed');
    ids.leaderVoided = await leaderInspection('2023-06-09', 'signed', true);
    ids.drillWeek = await drill(hazchemA, '2023-06-11');
    ids.drillMining = await drill(miningA, '2023-06-11');
    ids.drillEarlier = await drill(hazchemA, '2023-05-23');

    // Tips and rewards.
    ids.tipSundayNight = await tip({
      sector: 'hazchem',
      receivedAt: china('2023-06-11 23:59:59.999'),
      verified: { result: 'true', at: china('2023-06-11 12:00:00') },
    });
    ids.tipMondayMidnight = await tip({
      sector: 'hazchem',
      receivedAt: china('2023-06-12 00:00:00'),
    });
    ids.tipEarlier = await tip({
      sector: 'hazchem',
      receivedAt: china('2023-05-29 09:00:00'),
      verified: { result: 'not_true', at: china('2023-06-02 09:00:00') },
    });
    ids.tipNoSector = await tip({ sector: null, receivedAt: china('2023-06-06 09:00:00') });
    ids.rewardPaid = await reward(ids.tipSundayNight, 'paid', '2023-06-10', 200_000);
    ids.rewardApproved = await reward(ids.tipEarlier, 'approved', null, 100_000);

    // Enforcement staff: the brigade's inspectors, one disabled; an office user; district B.
    ids.inspCert1 = await inspector(t.org.brigadeA, '15010001');
    ids.inspCert2 = await inspector(t.org.brigadeA, '15010002');
    ids.inspNoCert = await inspector(t.org.brigadeA, null);
    ids.inspDisabled = await inspector(t.org.brigadeA, '15010003', 'disabled');
    ids.inspB = await inspector(t.org.districtB, '15020001');
    await t.createUser({ username: 'rpt_office', role: 'office', orgUnitId: t.org.officeWeihuaA });

    values = await computeFigures(db, query());
  });

  afterAll(async () => {
    await t.close();
  });

  /** A flow figure's counts and ids. */
  function expectFlow(
    key: keyof FigureValues,
    week: number,
    cumulative: number,
    weekIds: string[],
    cumIds: string[],
  ) {
    const v = values[key];
    expect({ key, week: v.week, cumulative: v.cumulative }).toEqual({ key, week, cumulative });
    expect(v.ids.week).toEqual(sorted(...weekIds.map((n) => ids[n])));
    expect(v.ids.cumulative).toEqual(sorted(...cumIds.map((n) => ids[n])));
  }

  it('returns every figure of the catalogue', () => {
    expect(Object.keys(values).sort()).toEqual([...FIGURE_KEYS].sort());
  });

  it('counts the enterprises in the registry, without those closed by the week’s end', () => {
    expect(values.enterprises_registered.week).toBeNull();
    expect(values.enterprises_registered.cumulative).toBe(2);
    expect(values.enterprises_registered.ids.cumulative).toEqual(sorted(hazchemA, closedLaterA));
  });

  it('counts enterprises that submitted a self-inspection, once each', () => {
    expectFlow(
      'enterprises_self_inspected',
      2,
      2,
      ['siWeek', 'siOther'],
      ['siWeek', 'siEarlier', 'siOther'],
    );
  });

  it('counts major hazards found in the campaign by origin, and those verified by Sunday 24:00', () => {
    expectFlow(
      'major_hazards_found',
      3,
      5,
      ['selfFoundVerifiedSundayNight', 'spotCheckDueSunday', 'leaderFoundDueMonday'],
      [
        'selfFoundVerifiedSundayNight',
        'bureauFoundVerifiedMondayMidnight',
        'spotCheckDueSunday',
        'tipVerifiedEarlier',
        'leaderFoundDueMonday',
      ],
    );
    // Verified at 23:59 on Sunday counts in the week; at 00:00 on Monday it does not.
    expectFlow(
      'major_hazards_rectified',
      1,
      2,
      ['selfFoundVerifiedSundayNight'],
      ['selfFoundVerifiedSundayNight', 'tipVerifiedEarlier'],
    );
    expectFlow(
      'major_hazards_self_found',
      2,
      2,
      ['selfFoundVerifiedSundayNight', 'leaderFoundDueMonday'],
      ['selfFoundVerifiedSundayNight', 'leaderFoundDueMonday'],
    );
    expectFlow(
      'major_hazards_self_found_rectified',
      1,
      1,
      ['selfFoundVerifiedSundayNight'],
      ['selfFoundVerifiedSundayNight'],
    );
    expectFlow(
      'major_hazards_bureau_found',
      1,
      2,
      ['spotCheckDueSunday'],
      ['bureauFoundVerifiedMondayMidnight', 'spotCheckDueSunday'],
    );
    expectFlow('major_hazards_bureau_found_rectified', 0, 0, [], []);
  });

  it('computes the rectification rate from the cumulative figures', () => {
    expect(values.major_hazard_rectification_rate).toEqual({
      week: null,
      cumulative: 40,
      ids: { week: [], cumulative: [] },
    });
  });

  it('counts overdue major hazards at the week’s end, whenever they were found', () => {
    const v = values.major_hazards_overdue;
    expect(v.week).toBeNull();
    expect(v.cumulative).toBe(3);
    // Due Saturday and verified only at 00:00 Monday: still overdue at the end of Sunday.
    expect(v.ids.cumulative).toEqual(
      sorted(
        ids.bureauFoundVerifiedMondayMidnight,
        ids.spotCheckDueSunday,
        ids.foundBeforeCampaignOverdue,
      ),
    );
  });

  it('counts supervision placed and lifted by the time of the action', () => {
    expectFlow(
      'hazards_supervised',
      1,
      3,
      ['bureauFoundVerifiedMondayMidnight'],
      ['bureauFoundVerifiedMondayMidnight', 'tipVerifiedEarlier', 'selfFoundVerifiedSundayNight'],
    );
    expectFlow('hazards_supervision_lifted', 1, 1, ['tipVerifiedEarlier'], ['tipVerifiedEarlier']);
  });

  it('counts signed inspections (家次), distinct enterprises and assistance visits', () => {
    expectFlow(
      'enterprise_inspections',
      2,
      3,
      ['recSundayNight', 'recAssistance'],
      ['recSundayNight', 'recEarlier', 'recAssistance'],
    );
    expect(values.enterprises_inspected.week).toBe(1);
    expect(values.enterprises_inspected.cumulative).toBe(2);
    expectFlow('assistance_visits', 1, 1, ['recAssistance'], ['recAssistance']);
  });

  it('counts decided penalty cases, their fines in 万元 and 一案双罚', () => {
    expectFlow('penalty_cases', 1, 2, ['caseDual'], ['caseDual', 'caseEarlier']);
    expect(values.penalty_fines.week).toBe(6.2);
    expect(values.penalty_fines.cumulative).toBe(6.5);
    expectFlow('penalty_cases_dual', 1, 1, ['caseDual'], ['caseDual']);
  });

  it('counts measures by kind, leaving out voided ones and those after the week', () => {
    expectFlow(
      'enterprises_suspended',
      1,
      1,
      ['suspensionWeek'],
      ['suspensionWeek', 'suspensionEarlier'],
    );
    expectFlow('closures_proposed', 0, 1, [], ['closureEarlier']);
    expectFlow('judicial_referrals', 1, 1, ['referralWeek'], ['referralWeek']);
    expectFlow('joint_punishments', 1, 1, ['jointWeek'], ['jointWeek']);
    expectFlow('dishonesty_list_entries', 0, 0, [], []);
  });

  it('counts signed leader inspections and drills of the sector’s enterprises', () => {
    expectFlow('leader_inspections', 1, 2, ['leaderWeek'], ['leaderWeek', 'leaderEarlier']);
    expectFlow('emergency_drills', 1, 2, ['drillWeek'], ['drillWeek', 'drillEarlier']);
  });

  it('counts tips received and verified, and rewards paid in 万元', () => {
    expectFlow('tips_received', 1, 2, ['tipSundayNight'], ['tipSundayNight', 'tipEarlier']);
    expectFlow('tips_verified', 1, 2, ['tipSundayNight'], ['tipSundayNight', 'tipEarlier']);
    expectFlow('tips_substantiated', 1, 1, ['tipSundayNight'], ['tipSundayNight']);
    expectFlow('rewards_paid', 0.2, 0.2, ['rewardPaid'], ['rewardPaid']);
  });

  it('counts the district’s active inspectors, those with a certificate, and the share', () => {
    expect(values.enforcement_staff.cumulative).toBe(3);
    expect(values.enforcement_staff.ids.cumulative).toEqual(
      sorted(ids.inspCert1, ids.inspCert2, ids.inspNoCert),
    );
    expect(values.enforcement_staff_certified.cumulative).toBe(2);
    expect(values.enforcement_staff_certified_share.cumulative).toBe(66.7);
  });

  it('reports unsupported figures as null, never as a number', () => {
    for (const key of FIGURE_KEYS.filter((k) => !FIGURES[k].supported)) {
      expect(values[key]).toEqual({
        week: null,
        cumulative: null,
        ids: { week: [], cumulative: [] },
      });
    }
  });

  it('widens to all sectors when no sector is given', async () => {
    const all = await computeFigures(db, query({ sector: null }));
    expect(all.major_hazards_found.week).toBe(4);
    expect(all.major_hazards_found.ids.week).toContain(ids.mining);
    expect(all.enterprises_registered.cumulative).toBe(3);
    expect(all.emergency_drills.week).toBe(2);
    // A tip without a sector counts only in the all-sector total.
    expect(all.tips_received.ids.week).toEqual(sorted(ids.tipNoSector, ids.tipSundayNight));
    // Staff are district-wide: the sector does not change them.
    expect(all.enforcement_staff.cumulative).toBe(3);
  });

  it('filters by district', async () => {
    const b = await computeFigures(db, query({ districtIds: [t.org.districtB] }));
    expect(b.major_hazards_found.ids.cumulative).toEqual([ids.districtB]);
    expect(b.enterprises_registered.ids.cumulative).toEqual([hazchemB]);
    expect(b.enforcement_staff.ids.cumulative).toEqual([ids.inspB]);
    expect(b.penalty_cases.cumulative).toBe(0);
    expect(b.major_hazard_rectification_rate.cumulative).toBe(0);

    const both = await computeFigures(
      db,
      query({ districtIds: [t.org.districtA, t.org.districtB] }),
    );
    expect(both.major_hazards_found.cumulative).toBe(6);
    expect(both.enforcement_staff.cumulative).toBe(4);

    const none = await computeFigures(db, query({ districtIds: [] }));
    expect(none.major_hazards_found.cumulative).toBe(0);
    expect(none.major_hazard_rectification_rate.cumulative).toBeNull();
    expect(none.enforcement_staff_certified_share.cumulative).toBeNull();
  });

  it('moves a record between weeks at midnight China time', async () => {
    const nextWeek = await computeFigures(
      db,
      query({ weekFrom: '2023-06-12', weekTo: '2023-06-18' }),
    );
    expect(nextWeek.major_hazards_rectified.ids.week).toEqual([
      ids.bureauFoundVerifiedMondayMidnight,
    ]);
    expect(nextWeek.enterprise_inspections.ids.week).toEqual([ids.recMondayMidnight]);
    expect(nextWeek.tips_received.ids.week).toEqual([ids.tipMondayMidnight]);
    expect(nextWeek.hazards_supervision_lifted.ids.week).toEqual([
      ids.selfFoundVerifiedSundayNight,
    ]);
    // Cumulative figures only grow from one week to the next.
    for (const key of FIGURE_KEYS) {
      const before = values[key].cumulative;
      const after = nextWeek[key].cumulative;
      if (FIGURES[key].kind === 'flow' && before !== null)
        expect(after).toBeGreaterThanOrEqual(before);
    }
  });

  it('gives a dashboard each sector from the rows of the whole scope, equal to one query each', async () => {
    const scope = {
      districtIds: [t.org.districtA, t.org.districtB],
      campaignStart: CAMPAIGN_START,
      ...WEEK,
    };
    for (const sectors of [null, ['hazchem', 'mining']] as const) {
      const shown = sectors ?? SECTORS;
      const computed = await computeFiguresBySector(db, { ...scope, sectors }, shown);
      expect(computed.all).toEqual(await computeScopeFigures(db, { ...scope, sectors }));
      expect(computed.bySector.map((s) => s.sector)).toEqual(shown);
      for (const { sector, values: one } of computed.bySector)
        expect(one, sector).toEqual(await computeScopeFigures(db, { ...scope, sectors: [sector] }));
      expect(computed.majorHazardSeries).toEqual(
        await majorHazardSeries(db, { ...scope, sectors }),
      );
    }
    // A tip without a sector is in the whole scope only.
    const computed = await computeFiguresBySector(db, { ...scope, sectors: null }, SECTORS);
    expect(computed.all.tips_received.ids.week).toContain(ids.tipNoSector);
    for (const s of computed.bySector)
      expect(s.values.tips_received.ids.week).not.toContain(ids.tipNoSector);
    await expect(
      computeFiguresBySector(db, { ...scope, sectors: ['mining'] }, ['hazchem']),
    ).rejects.toThrow(RangeError);
  });

  it('refuses a week that starts before the campaign', async () => {
    await expect(computeFigures(db, query({ campaignStart: '2023-06-06' }))).rejects.toThrow(
      RangeError,
    );
  });
});
