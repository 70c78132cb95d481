import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { ErrorCode, type SelfInspectionDetail } from '@hazard-ledger/domain';
import { AppError, notFound } from '../../lib/app-error.js';
import { cleanFileName } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './self-inspections.repository.js';
import { assertAllows, getRun, loadRun, loadWritableRun } from './self-inspections.service.js';

// Photos of self-inspection items (存在问题 needs one when the run says so).

function refuseFile(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/** Stores a photo of an item (JPEG, PNG or WebP, stripped of EXIF/XMP location data). */
export async function addPhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  code: string,
  file: { name: string; buffer: Buffer },
) {
  const actor = requireActor(ctx);
  await loadWritableRun(deps, ctx, id, 'photo');
  if (!(await repo.findItem(deps.db.kysely, id, code))) throw notFound();
  const image = detectImage(file.buffer);
  if (!image) throw refuseFile('照片请上传 JPEG/PNG/WebP 图片');
  let buffer: Buffer;
  try {
    buffer = stripImageMetadata(file.buffer, image);
  } catch (err) {
    if (err instanceof BadImageError) throw refuseFile('图片文件已损坏');
    throw err;
  }
  const key = newStorageKey('self-inspections');
  await storageFor(deps.config).put(key, buffer);
  const at = nowIso();
  const fileName = cleanFileName(file.name);
  const mimeType = IMAGE_MIME[image];
  const photoId = await inTransaction(deps, async (trx) => {
    // Checked again inside the transaction: the run may have been submitted meanwhile.
    const current = await repo.findRun(trx, id);
    if (!current) throw notFound();
    assertAllows(current, 'photo');
    const newId = await repo.insertPhoto(trx, {
      run_id: id,
      item_code: code,
      file_name: fileName,
      mime_type: mimeType,
      size_bytes: buffer.length,
      sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
      storage_key: key,
      uploaded_by_user_id: actor.userId,
      uploaded_at: at,
    });
    const details = { itemCode: code, photoId: newId, fileName, sizeBytes: buffer.length };
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'photo_added',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details,
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.photo_added',
      entityType: 'self_inspection',
      entityId: id,
      changes: details,
    });
    return newId;
  });
  return { id: photoId, fileName, mimeType, sizeBytes: buffer.length, uploadedAt: at };
}

/** Removes a photo from a run in progress (the file is kept, marked removed). */
export async function removePhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  photoId: number,
): Promise<SelfInspectionDetail> {
  const actor = requireActor(ctx);
  await loadWritableRun(deps, ctx, id, 'photo');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const current = await repo.findRun(trx, id);
    if (!current) throw notFound();
    assertAllows(current, 'photo');
    if (!(await repo.voidPhoto(trx, id, photoId, at))) throw notFound();
    await repo.insertEvent(trx, {
      run_id: id,
      action: 'photo_removed',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      actor_role: actor.role,
      at,
      details: { photoId },
    });
    await deps.audit.append(trx, ctx, {
      action: 'self_inspection.photo_removed',
      entityType: 'self_inspection',
      entityId: id,
      changes: { photoId },
    });
  });
  return getRun(deps, ctx, id);
}

/** A photo of a run the caller may see, as a stream. */
export async function readPhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  photoId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await loadRun(deps, ctx, id);
  const photo = (await repo.listPhotos(deps.db.kysely, id)).find((p) => p.id === photoId);
  if (!photo) throw notFound();
  const stream = await storageFor(deps.config).read(photo.storage_key);
  return { stream, fileName: photo.file_name, mimeType: photo.mime_type };
}
