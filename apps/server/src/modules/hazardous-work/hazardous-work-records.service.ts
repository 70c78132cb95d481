import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  type DutyPhoto,
  ErrorCode,
  type HazardousStaffCheckInput,
  type HazardousStaffCheckView,
  WARNING_EDUCATION_MAX_PHOTOS,
  type WarningEducationInput,
  type WarningEducationView,
  type WeldingCheckInput,
  type WeldingCheckView,
} from '@hazard-ledger/domain';
import type {
  HazardousStaffCheckRow,
  WarningEducationPhotoRow,
  WarningEducationRow,
  WeldingEquipmentCheckRow,
} from '../../db/schema-hazardous-work.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, fieldError, notFound } from '../../lib/app-error.js';
import { cleanFileName } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './hazardous-work.repository.js';
import { getRecordableEnterprise, getRecordableRecord } from './hazardous-work.service.js';

// The welding-equipment check, the warning education (with photos) and the staff check:
// recorded by the enterprise, read by everyone in scope, voided (never deleted) when wrong.

function notInFuture(path: string, date: string): void {
  if (date > todayInChina()) throw fieldError(path, '日期不能晚于今天');
}

const ENTITY: Record<repo.VoidableTable, string> = {
  welding_equipment_checks: 'welding_check',
  warning_educations: 'warning_education',
  hazardous_staff_checks: 'hazardous_staff_check',
};

/** Voids a record entered by mistake; the audit log keeps it and the reason. */
export async function voidHazardousWorkRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  table: repo.VoidableTable,
  id: number,
  reason: string,
): Promise<void> {
  const actor = requireActor(ctx);
  await getRecordableRecord(deps, ctx, table, id);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { voided_at: at, voided_by_user_id: actor.userId, void_reason: reason };
    if (!(await repo.voidRecord(trx, table, id, set))) throw notFound();
    await deps.audit.append(trx, ctx, {
      action: `${ENTITY[table]}.voided`,
      entityType: ENTITY[table],
      entityId: id,
      changes: { voided_at: [null, at], void_reason: [null, reason] },
    });
  });
}

/** Who recorded a record and when; records start live (not voided). */
function newRecordStamp(actor: { userId: number; displayName: string }) {
  return {
    created_by_user_id: actor.userId,
    created_by_name: actor.displayName,
    created_at: nowIso(),
    voided_at: null,
    voided_by_user_id: null,
    void_reason: null,
  };
}

/** Inserts a new record and its `<entity>.created` audit row in one transaction; returns its id. */
function insertAudited<R extends object>(
  deps: ServiceDeps,
  ctx: RequestContext,
  entityType: string,
  row: R,
  insert: (trx: Transaction<Database>, row: R) => Promise<number>,
): Promise<number> {
  return inTransaction(deps, async (trx) => {
    const id = await insert(trx, row);
    await deps.audit.append(trx, ctx, {
      action: `${entityType}.created`,
      entityType,
      entityId: id,
      changes: diffRecords(null, row as Record<string, unknown>),
    });
    return id;
  });
}

// ---------------------------------------------------------------- welding-equipment checks

function weldingView(r: WeldingEquipmentCheckRow): WeldingCheckView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    checkedOn: r.checked_on,
    equipmentCount: r.equipment_count,
    equipmentList: r.equipment_list,
    problems: r.problems,
    actionsTaken: r.actions_taken,
    retiredCount: r.retired_count,
    checkedBy: r.checked_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** The live welding-equipment checks of an enterprise in the caller's scope. */
export async function listWeldingChecks(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<{ items: WeldingCheckView[] }> {
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const rows = await repo.listWeldingChecks(deps.db.kysely, enterprise.id);
  return { items: rows.map(weldingView) };
}

/** Records a welding-equipment check of the caller's enterprise. */
export async function recordWeldingCheck(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: WeldingCheckInput,
): Promise<WeldingCheckView> {
  const actor = requireActor(ctx);
  const enterprise = await getRecordableEnterprise(deps, ctx, enterpriseId);
  notInFuture('checkedOn', input.checkedOn);
  const row = {
    enterprise_id: enterprise.id,
    checked_on: input.checkedOn,
    equipment_count: input.equipmentCount,
    equipment_list: input.equipmentList,
    problems: input.problems,
    actions_taken: input.actionsTaken,
    retired_count: input.retiredCount,
    checked_by: input.checkedBy,
    ...newRecordStamp(actor),
  };
  const id = await insertAudited(deps, ctx, 'welding_check', row, repo.insertWeldingCheck);
  return weldingView({ ...row, id });
}

// ---------------------------------------------------------------- hazardous-operation staff check

function staffCheckView(r: HazardousStaffCheckRow): HazardousStaffCheckView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    checkedOn: r.checked_on,
    scope: r.scope,
    peopleChecked: r.people_checked,
    unlicensedFound: r.unlicensed_found,
    problems: r.problems,
    actionsTaken: r.actions_taken,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** The live staff checks of an enterprise in the caller's scope. */
export async function listStaffChecks(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<{ items: HazardousStaffCheckView[] }> {
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const rows = await repo.listStaffChecks(deps.db.kysely, enterprise.id);
  return { items: rows.map(staffCheckView) };
}

/** Records the check of hazardous-operation staff of the caller's enterprise. */
export async function recordStaffCheck(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: HazardousStaffCheckInput,
): Promise<HazardousStaffCheckView> {
  const actor = requireActor(ctx);
  const enterprise = await getRecordableEnterprise(deps, ctx, enterpriseId);
  notInFuture('checkedOn', input.checkedOn);
  const row = {
    enterprise_id: enterprise.id,
    checked_on: input.checkedOn,
    scope: input.scope,
    people_checked: input.peopleChecked,
    unlicensed_found: input.unlicensedFound,
    problems: input.problems,
    actions_taken: input.actionsTaken,
    ...newRecordStamp(actor),
  };
  const id = await insertAudited(deps, ctx, 'hazardous_staff_check', row, repo.insertStaffCheck);
  return staffCheckView({ ...row, id });
}

// ---------------------------------------------------------------- warning education

function photoView(p: WarningEducationPhotoRow): DutyPhoto {
  return {
    id: p.id,
    fileName: p.file_name,
    mimeType: p.mime_type,
    sizeBytes: p.size_bytes,
    uploadedAt: p.uploaded_at,
  };
}

function educationView(
  r: WarningEducationRow,
  photos: readonly WarningEducationPhotoRow[],
): WarningEducationView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    heldOn: r.held_on,
    participants: r.participants,
    content: r.content,
    organizer: r.organizer,
    photos: photos.filter((p) => p.education_id === r.id).map(photoView),
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

/** The live warning-education activities of an enterprise in the caller's scope, with photos. */
export async function listEducations(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<{ items: WarningEducationView[] }> {
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const rows = await repo.listEducations(deps.db.kysely, enterprise.id);
  const photos = await repo.listEducationPhotos(
    deps.db.kysely,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => educationView(r, photos)) };
}

/** Records a warning-education activity of the caller's enterprise (photos are added after). */
export async function recordEducation(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: WarningEducationInput,
): Promise<WarningEducationView> {
  const actor = requireActor(ctx);
  const enterprise = await getRecordableEnterprise(deps, ctx, enterpriseId);
  notInFuture('heldOn', input.heldOn);
  const row = {
    enterprise_id: enterprise.id,
    held_on: input.heldOn,
    participants: input.participants,
    content: input.content,
    organizer: input.organizer,
    ...newRecordStamp(actor),
  };
  const id = await insertAudited(deps, ctx, 'warning_education', row, repo.insertEducation);
  return educationView({ ...row, id }, []);
}

function refuseFile(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/**
 * Adds a photo to an activity of the caller's enterprise. Only JPEG, PNG and WebP are taken,
 * recognised by their bytes; EXIF/XMP metadata (location, device) is stripped before storing.
 */
export async function addEducationPhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  educationId: number,
  file: { name: string; buffer: Buffer },
): Promise<DutyPhoto> {
  const actor = requireActor(ctx);
  await getRecordableRecord(deps, ctx, 'warning_educations', educationId);
  const image = detectImage(file.buffer);
  if (!image) throw refuseFile('只能上传 JPEG、PNG 或 WebP 格式的照片');
  let buffer: Buffer;
  try {
    buffer = stripImageMetadata(file.buffer, image);
  } catch (err) {
    if (err instanceof BadImageError) throw refuseFile('图片文件已损坏');
    throw err;
  }
  const existing = await repo.listEducationPhotos(deps.db.kysely, [educationId]);
  if (existing.length >= WARNING_EDUCATION_MAX_PHOTOS) {
    throw conflict('file', `每次活动最多上传${WARNING_EDUCATION_MAX_PHOTOS}张照片`);
  }
  const key = newStorageKey('warning-educations');
  await storageFor(deps.config).put(key, buffer);
  const row = {
    education_id: educationId,
    file_name: cleanFileName(file.name),
    mime_type: IMAGE_MIME[image],
    size_bytes: buffer.length,
    sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
    storage_key: key,
    uploaded_by_user_id: actor.userId,
    uploaded_at: nowIso(),
  };
  const id = await inTransaction(deps, async (trx) => {
    const photoId = await repo.insertEducationPhoto(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'warning_education.photo_added',
      entityType: 'warning_education',
      entityId: educationId,
      changes: {
        photoId,
        fileName: row.file_name,
        mimeType: row.mime_type,
        sizeBytes: row.size_bytes,
      },
    });
    return photoId;
  });
  return photoView({ ...row, id });
}

/** A photo of an activity the caller may see, as a stream. */
export async function readEducationPhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  educationId: number,
  photoId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  const row = await repo.findVoidable(deps.db.kysely, 'warning_educations', educationId);
  if (!row) throw notFound();
  await getAccessibleEnterprise(deps, ctx, row.enterprise_id);
  const photo = (await repo.listEducationPhotos(deps.db.kysely, [educationId])).find(
    (p) => p.id === photoId,
  );
  if (!photo) throw notFound();
  const stream = await storageFor(deps.config).read(photo.storage_key);
  return { stream, fileName: photo.file_name, mimeType: photo.mime_type };
}
