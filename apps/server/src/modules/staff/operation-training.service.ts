import {
  type AssessmentInput,
  type AssessmentResult,
  canAccessRecord,
  type EnrolmentInput,
  enrolmentRefusal,
  type EnrolmentView,
  isInSubtree,
  maskIdNumber,
  maskPhone,
  type OperationCategory,
  type OperationTrainingDetail,
  type OperationTrainingInput,
  type OperationTrainingView,
  type UpdateOperationTrainingInput,
} from '@hazard-ledger/domain';
import type { OperationTrainingRow } from '../../db/schema-staff-training.js';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { pathIds } from '../auth/session.service.js';
import * as certificates from '../hazardous-work/hazardous-work.repository.js';
import * as repo from './staff.repository.js';
import { updateVersioned, voidVersioned } from './versioned-write.js';

// The bureau's special-operation training and certification service for enterprises (seed
// §二(二)4, 及时提供特种作业人员培训和考核发证服务). The bureau announces a session; enterprises
// of the district enrol their own people until the deadline and within the capacity; the
// bureau records each person's assessment, and a pass enters the certificate in the
// enterprise's special-operation certificate list (operation_certificates), where the duty-3
// checks and the expiry reminders pick it up. ID numbers are personal data: stored for the
// certificate, masked in every view and never written to the audit log in clear.

function trainingView(
  r: OperationTrainingRow,
  enrolled: number,
  today: string,
): OperationTrainingView {
  const refusal = enrolmentRefusal(
    {
      enrolDeadline: r.enrol_deadline,
      capacity: r.capacity,
      enrolled,
      cancelled: r.voided_at !== null,
    },
    today,
  );
  return {
    id: r.id,
    districtId: r.district_id,
    title: r.title,
    category: r.category as OperationCategory,
    operationItem: r.operation_item,
    startsOn: r.starts_on,
    place: r.place,
    capacity: r.capacity,
    enrolDeadline: r.enrol_deadline,
    note: r.note,
    enrolled,
    open: refusal === null,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    version: r.version,
  };
}

function enrolmentView(r: repo.EnrolmentRow): EnrolmentView {
  return {
    id: r.id,
    trainingId: r.training_id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    personName: r.person_name,
    idNumber: maskIdNumber(r.id_number),
    phone: maskPhone(r.phone),
    post: r.post,
    enrolledByName: r.enrolled_by_name,
    enrolledAt: r.enrolled_at,
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
    result: r.result as AssessmentResult | null,
    score: r.score,
    assessedAt: r.assessed_at,
    certificateId: r.certificate_id,
    certificateNo: r.certificate_no,
    version: r.version,
  };
}

async function views(deps: ServiceDeps, rows: OperationTrainingRow[]) {
  const today = todayInChina();
  const counts = await repo.countActiveEnrolments(
    deps.db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => trainingView(r, counts.get(r.id) ?? 0, today));
}

// ---------------------------------------------------------------- the bureau's side

/** Sessions of the caller's territory, newest first. */
export async function listOperationTrainings(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const rows = await repo.listOperationTrainings(deps.db.kysely, [actor.territoryPath]);
  return { items: await views(deps, rows) };
}

async function getStaffSideTraining(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findOperationTraining(deps.db.kysely, id);
  if (!row || !canAccessRecord(actor, { orgPath: row.district_path })) throw notFound();
  return row;
}

/** A session with every enrolment (the bureau's view). */
export async function getOperationTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<OperationTrainingDetail> {
  const row = await getStaffSideTraining(deps, ctx, id);
  const [view] = await views(deps, [row]);
  const enrolments = await repo.listEnrolments(deps.db.kysely, id, null);
  return { ...view!, enrolments: enrolments.map(enrolmentView) };
}

function columnsOf(input: OperationTrainingInput) {
  return {
    title: input.title,
    category: input.category,
    operation_item: input.operationItem,
    starts_on: input.startsOn,
    place: input.place,
    capacity: input.capacity,
    enrol_deadline: input.enrolDeadline,
    note: input.note,
  };
}

/** Announces a session to the enterprises of the caller's district. */
export async function createOperationTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: OperationTrainingInput,
) {
  const actor = requireActor(ctx);
  const district = await repo.findOrgUnitByPath(deps.db.kysely, actor.territoryPath);
  if (!district) throw notFound();
  const at = nowIso();
  const row = {
    district_id: district.id,
    ...columnsOf(input),
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
    version: 1,
  };
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertOperationTraining(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'operation_training.created',
      entityType: 'operation_training',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return getOperationTraining(deps, ctx, id);
}

export async function updateOperationTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateOperationTrainingInput,
) {
  const { district_path: _path, ...before } = await getStaffSideTraining(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '培训班已取消，不能修改');
  if (before.version !== input.version) throw staleVersion();
  const counts = await repo.countActiveEnrolments(deps.db.kysely, [id]);
  const enrolled = counts.get(id) ?? 0;
  if (input.capacity < enrolled) {
    throw fieldError('capacity', `已有${enrolled}人报名，名额不能少于${enrolled}`);
  }
  const set = { ...columnsOf(input), updated_at: nowIso() };
  await updateVersioned(deps, ctx, {
    id,
    version: input.version,
    update: repo.updateOperationTrainingIfVersion,
    entityType: 'operation_training',
    action: 'operation_training.updated',
    before,
    set,
  });
  return getOperationTraining(deps, ctx, id);
}

/** Cancels a session with a reason (kept, never deleted); no more enrolments. */
export async function cancelOperationTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
) {
  const before = await getStaffSideTraining(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '培训班已取消');
  if (before.version !== input.version) throw staleVersion();
  await voidVersioned(deps, ctx, {
    id,
    version: input.version,
    update: repo.updateOperationTrainingIfVersion,
    entityType: 'operation_training',
    action: 'operation_training.cancelled',
    reason: input.reason,
  });
  return getOperationTraining(deps, ctx, id);
}

/**
 * Records a person's assessment. A pass enters the certificate in the enterprise's
 * special-operation certificate list through the hazardous-work repository, in the same
 * transaction as the result, each change with its audit entry.
 */
export async function assessEnrolment(
  deps: ServiceDeps,
  ctx: RequestContext,
  enrolmentId: number,
  input: AssessmentInput,
): Promise<EnrolmentView> {
  const actor = requireActor(ctx);
  const enrolment = await repo.findEnrolment(deps.db.kysely, enrolmentId);
  if (!enrolment) throw notFound();
  const training = await getStaffSideTraining(deps, ctx, enrolment.training_id);
  if (enrolment.withdrawn_at) throw conflict('status', '该报名已撤回，不能录入考核结果');
  if (enrolment.result !== null) throw conflict('result', '考核结果已录入');
  if (enrolment.version !== input.version) throw staleVersion();
  if (input.result === 'pass') {
    const other = await certificates.findCertificateInUseByNumber(
      deps.db.kysely,
      enrolment.enterprise_id,
      input.certificateNo!,
      null,
    );
    if (other) {
      throw conflict(
        'certificateNo',
        `证号${input.certificateNo}已登记（持证人：${other.holder_name}）`,
      );
    }
  }
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    let certificateId: number | null = null;
    if (input.result === 'pass') {
      const cert = {
        enterprise_id: enrolment.enterprise_id,
        holder_name: enrolment.person_name,
        category: training.category,
        operation_item: training.operation_item,
        certificate_no: input.certificateNo!,
        issued_on: input.issuedOn,
        valid_until: input.validUntil!,
        holder_type: 'employee',
        employer: null,
        // 谁招请谁负责: the enterprise enrolled the person, through this account holder.
        engaged_by: `${enrolment.enterprise_name}（报名人：${enrolment.enrolled_by_name}）`.slice(
          0,
          100,
        ),
        withdrawn_at: null,
        withdrawn_reason: null,
        withdrawn_by_user_id: null,
        created_by_user_id: actor.userId,
        created_at: at,
        updated_at: at,
        version: 1,
      };
      certificateId = await certificates.insertCertificate(trx, cert);
      await deps.audit.append(trx, ctx, {
        action: 'operation_certificate.created',
        entityType: 'operation_certificate',
        entityId: certificateId,
        changes: { ...diffRecords(null, cert), source_enrolment_id: [null, enrolmentId] },
      });
    }
    const set = {
      result: input.result,
      score: input.score,
      assessed_at: at,
      assessed_by: actor.userId,
      certificate_id: certificateId,
      updated_at: at,
    };
    if (!(await repo.updateEnrolmentIfVersion(trx, enrolmentId, input.version, set))) {
      throw staleVersion();
    }
    await deps.audit.append(trx, ctx, {
      action: 'operation_training.assessed',
      entityType: 'operation_training_enrolment',
      entityId: enrolmentId,
      changes: {
        result: [null, input.result],
        score: [null, input.score],
        certificate_id: [null, certificateId],
      },
    });
  });
  return enrolmentView((await repo.findEnrolment(deps.db.kysely, enrolmentId))!);
}

// ---------------------------------------------------------------- the enterprise's side

/** The caller's enterprise with its org path (enterprise roles only have one). */
async function ownEnterprise(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (actor.enterpriseId === null) throw notFound();
  return getAccessibleEnterprise(deps, ctx, actor.enterpriseId);
}

/** A session announced to the caller's enterprise (its district's), else 404. */
async function findAnnouncedTraining(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const enterprise = await ownEnterprise(deps, ctx);
  const row = await repo.findOperationTraining(deps.db.kysely, id);
  if (!row || !isInSubtree(enterprise.org_path, row.district_path)) throw notFound();
  return { row, enterprise };
}

/** Sessions announced to the caller's enterprise: those of the units above it (its district). */
export async function listAnnouncedTrainings(deps: ServiceDeps, ctx: RequestContext) {
  const enterprise = await ownEnterprise(deps, ctx);
  const rows = await repo.listOperationTrainingsOfUnits(
    deps.db.kysely,
    pathIds(enterprise.org_path),
  );
  return { items: await views(deps, rows) };
}

/** A session with the caller's enterprise's own enrolments only. */
export async function getAnnouncedTraining(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<OperationTrainingDetail> {
  const { row, enterprise } = await findAnnouncedTraining(deps, ctx, id);
  const [view] = await views(deps, [row]);
  const own = await repo.listEnrolments(deps.db.kysely, id, enterprise.id);
  return { ...view!, enrolments: own.map(enrolmentView) };
}

/**
 * Enrols one of the caller's enterprise's people. Refused with a field error after the
 * deadline (the deadline day itself is open) or when active enrolments fill the capacity;
 * the count is taken after locking the session row so two enterprises cannot both take the
 * last place.
 */
export async function enrol(
  deps: ServiceDeps,
  ctx: RequestContext,
  trainingId: number,
  input: EnrolmentInput,
): Promise<EnrolmentView> {
  const actor = requireActor(ctx);
  const { row, enterprise } = await findAnnouncedTraining(deps, ctx, trainingId);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    // Touching the row takes its write lock (PostgreSQL) before counting; SQLite serializes.
    await repo.touchOperationTraining(trx, trainingId, at);
    const counts = await repo.countActiveEnrolments(trx, [trainingId]);
    const refusal = enrolmentRefusal(
      {
        enrolDeadline: row.enrol_deadline,
        capacity: row.capacity,
        enrolled: counts.get(trainingId) ?? 0,
        cancelled: row.voided_at !== null,
      },
      todayInChina(),
    );
    if (refusal) throw fieldError(refusal.path, refusal.message);
    if (await repo.findActiveEnrolmentByIdNumber(trx, trainingId, input.idNumber)) {
      throw conflict('idNumber', '该学员已报名本期培训');
    }
    const newId = await repo.insertEnrolment(trx, {
      training_id: trainingId,
      enterprise_id: enterprise.id,
      person_name: input.personName,
      id_number: input.idNumber,
      phone: input.phone,
      post: input.post,
      enrolled_by: actor.userId,
      enrolled_by_name: actor.displayName,
      enrolled_at: at,
      withdrawn_at: null,
      withdraw_reason: null,
      result: null,
      score: null,
      assessed_at: null,
      assessed_by: null,
      certificate_id: null,
      updated_at: at,
      version: 1,
    });
    await deps.audit.append(trx, ctx, {
      action: 'operation_training.enrolled',
      entityType: 'operation_training_enrolment',
      entityId: newId,
      changes: {
        training_id: [null, trainingId],
        enterprise_id: [null, enterprise.id],
        person_name: [null, input.personName],
        id_number: [null, maskIdNumber(input.idNumber)],
        post: [null, input.post],
      },
    });
    return newId;
  });
  return enrolmentView((await repo.findEnrolment(deps.db.kysely, id))!);
}

/** Withdraws one of the caller's enterprise's enrolments before assessment. */
export async function withdrawEnrolment(
  deps: ServiceDeps,
  ctx: RequestContext,
  enrolmentId: number,
  input: { reason: string; version: number },
): Promise<EnrolmentView> {
  const enterprise = await ownEnterprise(deps, ctx);
  const enrolment = await repo.findEnrolment(deps.db.kysely, enrolmentId);
  if (!enrolment || enrolment.enterprise_id !== enterprise.id) throw notFound();
  if (enrolment.withdrawn_at) throw conflict('status', '该报名已撤回');
  if (enrolment.result !== null) throw conflict('status', '已录入考核结果，不能撤回');
  if (enrolment.version !== input.version) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateEnrolmentIfVersion(trx, enrolmentId, input.version, {
      withdrawn_at: at,
      withdraw_reason: input.reason,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'operation_training.enrolment_withdrawn',
      entityType: 'operation_training_enrolment',
      entityId: enrolmentId,
      changes: { withdrawn_at: [null, at], withdraw_reason: [null, input.reason] },
    });
  });
  return enrolmentView((await repo.findEnrolment(deps.db.kysely, enrolmentId))!);
}
