import type { Kysely } from 'kysely';
import {
  certificateStateBounds,
  type HazardousWorkFacts,
  type HazardousWorkSummary,
  isEnterpriseRole,
  Permission,
  roleHas,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './hazardous-work.repository.js';

// Who may do what with the records of duty 3: everyone with duty.read sees the records of the
// enterprises in their scope (enterprise users: their own); only the enterprise's own users with
// duty.record (main leader, safety managers) write them. A record of an enterprise outside the
// caller's scope reads as 404; staff who see it but may not write get 403.

/** Whether the actor records duties for this enterprise. */
export function canRecordFor(actor: SessionActor, enterpriseId: number): boolean {
  return (
    isEnterpriseRole(actor.role) &&
    roleHas(actor.role, Permission.DutyRecord) &&
    actor.enterpriseId === enterpriseId
  );
}

/** Loads an enterprise the caller may write duty records for: 404 outside scope, else 403. */
export async function getRecordableEnterprise(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!canRecordFor(actor, enterprise.id)) throw forbidden();
  return enterprise;
}

/**
 * Loads a live (not voided) record by id for a write: its enterprise must be visible (else 404)
 * and recordable by the caller (else 403).
 */
export async function getRecordableRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  table: repo.VoidableTable,
  id: number,
) {
  const row = await repo.findVoidable(deps.db.kysely, table, id);
  if (!row || row.voided_at !== null) throw notFound();
  const enterprise = await getRecordableEnterprise(deps, ctx, row.enterprise_id);
  return { row, enterprise };
}

/**
 * The facts of duty 3 (动火等危险作业) for the scorecard, as of `date` (YYYY-MM-DD): the warning
 * education, the welding-equipment check and the staff check count when a live record is dated
 * in the calendar year of `date`, on or before it; certificates count while in use (not
 * withdrawn), expired when their last valid day is before `date`, expiring when it falls within
 * CERTIFICATE_WARNING_DAYS from `date`.
 */
export async function hazardousWorkFacts(
  db: Kysely<Database>,
  enterpriseId: number,
  date: string,
): Promise<HazardousWorkFacts> {
  const yearStart = `${date.slice(0, 4)}-01-01`;
  const [education, welding, staff, certificates] = await Promise.all([
    repo.hasRecordBetween(db, 'warning_educations', enterpriseId, yearStart, date),
    repo.hasRecordBetween(db, 'welding_equipment_checks', enterpriseId, yearStart, date),
    repo.hasRecordBetween(db, 'hazardous_staff_checks', enterpriseId, yearStart, date),
    repo.countCertificateFacts(db, enterpriseId, certificateStateBounds(date)),
  ]);
  return {
    warningEducationHeld: education,
    weldingEquipmentChecked: welding,
    hazardousStaffChecked: staff,
    expiredCertificates: certificates.expired,
    expiringCertificates: certificates.expiring,
  };
}

/** The duty-3 summary of an enterprise's tab: today's facts, open permits, the caller's rights. */
export async function hazardousWorkSummary(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<HazardousWorkSummary> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const [facts, openPermits] = await Promise.all([
    hazardousWorkFacts(deps.db.kysely, enterprise.id, today),
    repo.countOpenPermits(deps.db.kysely, enterprise.id),
  ]);
  return {
    enterpriseId: enterprise.id,
    asOf: today,
    year: Number(today.slice(0, 4)),
    facts,
    openPermits,
    canRecord: canRecordFor(actor, enterprise.id),
  };
}
