import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError, conflict, forbidden, notFound } from '../../lib/app-error.js';
import { detectAttachmentKind } from '../../lib/file-types.js';
import { cleanFileName } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './hazards.repository.js';
import { getAccessibleHazard } from './hazards.service.js';

export type HazardFileKind = 'before' | 'after' | 'document';

const DOCUMENT_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function refuse(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/**
 * Stores a photo or document of a hazard. The type is read from the bytes (JPEG, PNG, WebP,
 * PDF, DOCX, XLSX); photos lose their EXIF/XMP metadata (location) unless `keepMetadata`.
 */
export async function addHazardFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  hazardId: number,
  kind: HazardFileKind,
  file: { name: string; buffer: Buffer },
  keepMetadata = false,
) {
  const actor = requireActor(ctx);
  const hazard = await getAccessibleHazard(deps, ctx, hazardId);
  if (actor.role === 'city' || actor.role === 'publicity') throw forbidden();
  if (hazard.status === 'verified') throw conflict('status', '隐患已销号，不能再上传附件');
  let buffer = file.buffer;
  let mimeType: string;
  const image = detectImage(buffer);
  if (image) {
    if (!keepMetadata) {
      try {
        buffer = stripImageMetadata(buffer, image);
      } catch (err) {
        if (err instanceof BadImageError) throw refuse('图片文件已损坏');
        throw err;
      }
    }
    mimeType = IMAGE_MIME[image];
  } else {
    const doc = await detectAttachmentKind(buffer);
    if (!doc) throw refuse('只能上传 JPEG/PNG/WebP 图片或 PDF、Word（.docx）、Excel（.xlsx）文件');
    if (kind !== 'document') throw refuse('照片请上传 JPEG/PNG/WebP 图片');
    mimeType = DOCUMENT_MIME[doc]!;
  }
  const storage = storageFor(deps.config);
  const key = newStorageKey('hazards');
  await storage.put(key, buffer);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const { id: fileId } = await trx
      .insertInto('hazard_files')
      .values({
        hazard_id: hazardId,
        kind,
        file_name: cleanFileName(file.name),
        mime_type: mimeType,
        size_bytes: buffer.length,
        sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
        storage_key: key,
        uploaded_by_user_id: actor.userId,
        uploaded_at: at,
        voided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('hazard_events')
      .values({
        hazard_id: hazardId,
        action: 'file_added',
        from_status: hazard.status,
        to_status: hazard.status,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_role: actor.role,
        at,
        reason: null,
        details: JSON.stringify({
          fileId: Number(fileId),
          kind,
          fileName: cleanFileName(file.name),
        }),
        idempotency_key: null,
      })
      .execute();
    await deps.audit.append(trx, ctx, {
      action: 'hazard.file_added',
      entityType: 'hazard',
      entityId: hazardId,
      changes: { fileId: Number(fileId), kind, mimeType, sizeBytes: buffer.length },
    });
    return Number(fileId);
  });
  return {
    id,
    kind,
    fileName: cleanFileName(file.name),
    mimeType,
    sizeBytes: buffer.length,
    uploadedAt: at,
  };
}

/** A file of a hazard the caller may see, as a stream. */
export async function readHazardFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  hazardId: number,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await getAccessibleHazard(deps, ctx, hazardId);
  const file = (await repo.listFiles(deps.db.kysely, hazardId)).find((f) => f.id === fileId);
  if (!file) throw notFound();
  const stream = await storageFor(deps.config).read(file.storage_key);
  return { stream, fileName: file.file_name, mimeType: file.mime_type };
}
