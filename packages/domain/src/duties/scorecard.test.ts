import { describe, expect, it } from 'vitest';
import { computeScorecard, type DutyFacts, evaluateDuty } from './scorecard.js';

/** Facts of an enterprise that has done everything. */
function allDone(): DutyFacts {
  return {
    organize: {
      selfInspectionSubmitted: true,
      leaderInspectionMissingMonths: [],
      keyPeriodMissedDays: 0,
      overdueMajorHazards: 0,
    },
    responsibility: {
      responsibilitySystem: true,
      deputyDutyLists: 2,
      campaignWorkList: true,
      majorSourcesWithoutGuarantor: 0,
      safetyAgencyOrStaff: true,
      experts: 0,
    },
    hazardous_work: {
      warningEducationHeld: true,
      weldingEquipmentChecked: true,
      hazardousStaffChecked: true,
      expiredCertificates: 0,
      expiringCertificates: 0,
    },
    outsourcing: { contracts: 1, contractsWithProblems: 0, comprehensiveCheckDone: true },
    drills: { drillsThisYear: 2, emergencyPlanAttached: true },
  };
}

describe('five-duty scorecard', () => {
  it('rates every duty done when every requirement is met', () => {
    const card = computeScorecard(allDone());
    expect(card.duties.map((d) => d.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect([card.done, card.partly, card.missing]).toEqual([5, 0, 0]);
  });

  it('rates a duty missing when none of its requirements is met', () => {
    const facts = allDone();
    facts.outsourcing = { contracts: 2, contractsWithProblems: 2, comprehensiveCheckDone: false };
    const score = evaluateDuty('outsourcing', facts);
    expect(score.status).toBe('missing');
    expect(score.requirements.find((r) => r.code === 'contracts_compliant')?.detail).toEqual({
      count: 2,
    });
  });

  it('rates a duty partly done and names the unmet requirement with its figures', () => {
    const facts = allDone();
    facts.organize.leaderInspectionMissingMonths = ['2026-06', '2026-08'];
    const score = evaluateDuty('organize', facts);
    expect(score.status).toBe('partly');
    const unmet = score.requirements.filter((r) => !r.met);
    expect(unmet).toEqual([
      { code: 'leader_inspection_monthly', met: false, detail: { months: '2026-06、2026-08' } },
    ]);
  });

  it('needs two drills in the year: one drill is not enough', () => {
    const facts = allDone();
    facts.drills.drillsThisYear = 1;
    expect(evaluateDuty('drills', facts).status).toBe('partly');
    facts.drills.drillsThisYear = 2;
    expect(evaluateDuty('drills', facts).status).toBe('done');
    facts.drills = { drillsThisYear: 0, emergencyPlanAttached: false };
    expect(evaluateDuty('drills', facts).status).toBe('missing');
  });

  it('warns of expiring certificates without lowering the status; expired ones do', () => {
    const facts = allDone();
    facts.hazardous_work.expiringCertificates = 3;
    const warned = evaluateDuty('hazardous_work', facts);
    expect(warned.status).toBe('done');
    expect(warned.warnings).toEqual([
      { code: 'certificates_expiring', detail: { count: 3, days: 30 } },
    ]);
    facts.hazardous_work.expiredCertificates = 1;
    expect(evaluateDuty('hazardous_work', facts).status).toBe('partly');
  });

  it('counts a major hazard source without a 包保 person and an overdue major hazard', () => {
    const facts = allDone();
    facts.responsibility.majorSourcesWithoutGuarantor = 1;
    facts.organize.overdueMajorHazards = 4;
    const card = computeScorecard(facts);
    expect(card.duties.find((d) => d.duty === 'responsibility')?.status).toBe('partly');
    expect(card.duties.find((d) => d.duty === 'organize')?.status).toBe('partly');
    expect([card.done, card.partly, card.missing]).toEqual([3, 2, 0]);
  });

  it('gives an enterprise with no records every duty missing or partly, never done', () => {
    const none: DutyFacts = {
      organize: {
        selfInspectionSubmitted: false,
        leaderInspectionMissingMonths: ['2026-05'],
        keyPeriodMissedDays: 0,
        overdueMajorHazards: 0,
      },
      responsibility: {
        responsibilitySystem: false,
        deputyDutyLists: 0,
        campaignWorkList: false,
        majorSourcesWithoutGuarantor: 0,
        safetyAgencyOrStaff: false,
        experts: 0,
      },
      hazardous_work: {
        warningEducationHeld: false,
        weldingEquipmentChecked: false,
        hazardousStaffChecked: false,
        expiredCertificates: 0,
        expiringCertificates: 0,
      },
      outsourcing: { contracts: 0, contractsWithProblems: 0, comprehensiveCheckDone: false },
      drills: { drillsThisYear: 0, emergencyPlanAttached: false },
    };
    const card = computeScorecard(none);
    expect(card.done).toBe(0);
    expect(card.duties.map((d) => d.status)).toEqual([
      'partly',
      'partly',
      'partly',
      'partly',
      'missing',
    ]);
  });
});
