import {
  evaluateNoPenalty,
  type HazardLevel,
  type HazardOrigin,
  type HazardStatus,
  type InspectionRecordStatus,
  type LedgerHazardRef,
  type NoPenaltyEvaluation,
  type RecordHazardRef,
  SELF_FOUND_ORIGINS,
} from '@hazard-ledger/domain';
import type { HazardRefRow } from './inspections.repository.js';

// How a record's findings meet the ledger: the hazard a finding confirms, and the no-penalty
// rule's evaluation for a hazard the enterprise found itself. The rules are the domain's
// (findDuplicateHazard, evaluateNoPenalty); this file only adapts the stored rows to them.

/** A stored hazard as the duplicate-finding rule sees it. */
export function ledgerRef(h: HazardRefRow): LedgerHazardRef & { row: HazardRefRow } {
  return {
    id: h.id,
    enterpriseId: h.enterprise_id,
    catalogItemCode: h.catalog_item_code,
    status: h.status as HazardStatus,
    foundAt: h.found_at,
    row: h,
  };
}

/** A stored hazard as the record page shows it. */
export function hazardRefView(h: HazardRefRow): RecordHazardRef {
  return {
    id: h.id,
    number: h.number,
    title: h.title,
    level: h.level as HazardLevel,
    status: h.status as HazardStatus,
    origin: h.origin as HazardOrigin,
    catalogItemCode: h.catalog_item_code,
    reportedToBureauAt: h.reported_to_bureau_at,
    deadline: h.deadline,
    foundAt: h.found_at,
  };
}

/** Whether the enterprise found the hazard itself (企业自查发现): the rule concerns only those. */
export function isSelfFound(h: HazardRefRow): boolean {
  return SELF_FOUND_ORIGINS.includes(h.origin as HazardOrigin);
}

/** The level a finding on a hazard amounts to: major when either says so. */
export function effectiveLevel(finding: { level: HazardLevel }, h: HazardRefRow): HazardLevel {
  return finding.level === 'major' || h.level === 'major' ? 'major' : 'general';
}

/**
 * The no-penalty rule for a finding that confirms a self-found hazard, on the inspection day;
 * null for a finding on no hazard or on one the enterprise did not find itself.
 */
export function noPenaltyFor(
  finding: { level: HazardLevel },
  h: HazardRefRow | undefined,
  day: string,
): NoPenaltyEvaluation | null {
  if (!h || !isSelfFound(h)) return null;
  return evaluateNoPenalty({
    origin: h.origin as HazardOrigin,
    level: effectiveLevel(finding, h),
    reportedToBureauAt: h.reported_to_bureau_at,
    status: h.status as HazardStatus,
    planApproved: h.plan_approved_at !== null,
    deadline: h.deadline,
    fixedAt: h.fixed_at,
    today: day,
  });
}

/**
 * Whether the inspectors must record a penalty decision: the finding confirms a major hazard the
 * enterprise found itself, so the rule is shown and the decision recorded either way.
 */
export function decisionRequired(finding: { level: HazardLevel }, h: HazardRefRow | undefined) {
  return h !== undefined && isSelfFound(h) && effectiveLevel(finding, h) === 'major';
}

/** Statuses in which the enterprise may see a record (drafts are the inspectors' working copy). */
export const ENTERPRISE_VISIBLE: readonly InspectionRecordStatus[] = ['signed', 'superseded'];
