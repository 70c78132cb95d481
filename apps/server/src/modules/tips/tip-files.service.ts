import type { Readable } from 'node:stream';
import { ErrorCode, type TipFile } from '@hazard-ledger/domain';
import { AppError, conflict, notFound } from '../../lib/app-error.js';
import { cleanFileName, detectAttachmentKind } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './tips.repository.js';
import { getAccessibleTip } from './tips.service.js';

// Files of a tip on the staff side: served only to staff who may see the tip; staff attach
// scans of letters or photos taken during verification.

const DOCUMENT_MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function refuse(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/** Stores a staff file of a tip (type read from the bytes; photos lose their EXIF location). */
export async function addTipFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  tipId: number,
  file: { name: string; buffer: Buffer },
): Promise<TipFile> {
  const actor = requireActor(ctx);
  const tip = await getAccessibleTip(deps, ctx, tipId);
  if (tip.status === 'closed') throw conflict('status', '举报已办结，不能再上传附件');
  let buffer = file.buffer;
  let mimeType: string;
  const image = detectImage(buffer);
  if (image) {
    try {
      buffer = stripImageMetadata(buffer, image);
    } catch (err) {
      if (err instanceof BadImageError) throw refuse('图片文件已损坏');
      throw err;
    }
    mimeType = IMAGE_MIME[image];
  } else {
    const doc = await detectAttachmentKind(buffer);
    if (!doc) throw refuse('只能上传 JPEG/PNG/WebP 图片或 PDF、Word（.docx）、Excel（.xlsx）文件');
    mimeType = DOCUMENT_MIME[doc]!;
  }
  const key = newStorageKey('tips');
  await storageFor(deps.config).put(key, buffer);
  const at = nowIso();
  const fileName = cleanFileName(file.name);
  const id = await inTransaction(deps, async (trx) => {
    const { id: fileId } = await trx
      .insertInto('tip_files')
      .values({
        tip_id: tipId,
        message_id: null,
        storage_key: key,
        file_name: fileName,
        mime_type: mimeType,
        size_bytes: buffer.length,
        from_reporter: 0,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.insertTipEvent(trx, {
      tip_id: tipId,
      action: 'file_added',
      from_status: tip.status,
      to_status: tip.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: fileName,
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'tip.file_added',
      entityType: 'tip',
      entityId: tipId,
      changes: { fileId: Number(fileId), fileName, mimeType, sizeBytes: buffer.length },
    });
    return Number(fileId);
  });
  return {
    id,
    fileName,
    mimeType,
    sizeBytes: buffer.length,
    fromReporter: false,
    messageId: null,
    createdAt: at,
  };
}

/** A file of a tip the caller may see, as a stream. */
export async function readTipFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  tipId: number,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await getAccessibleTip(deps, ctx, tipId);
  const file = (await repo.listTipFiles(deps.db.kysely, tipId)).find((f) => f.id === fileId);
  if (!file) throw notFound();
  const stream = await storageFor(deps.config).read(file.storage_key);
  return { stream, fileName: file.file_name, mimeType: file.mime_type };
}
