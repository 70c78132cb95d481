import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import { ATTACHMENT_KINDS, type AttachmentView } from '@hazard-ledger/domain';
import type { AttachmentRow, Database } from '../../db/schema.js';
import { conflict, fieldError, notFound } from '../../lib/app-error.js';
import { cleanFileName, detectAttachmentKind, kindOfFileName } from '../../lib/file-types.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso } from '../../lib/time.js';
import { unitIdOfPath } from '../campaigns/audience.js';

// Uploaded files: checked by content, stored through the storage interface, then attached to
// the record that publishes them.

/** The API view of an attachment. */
export function toAttachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/**
 * Stores an uploaded file for a notice still to be published: PDF, .docx or .xlsx, by content
 * and by name alike. It belongs to nobody until a notice names it.
 */
export async function uploadAttachment(
  deps: ServiceDeps,
  ctx: RequestContext,
  file: { name: string; buffer: Buffer },
): Promise<AttachmentView> {
  const actor = requireActor(ctx);
  const fileName = cleanFileName(file.name);
  const kind = await detectAttachmentKind(file.buffer);
  if (!kind) throw fieldError('file', '仅支持PDF、Word（.docx）、Excel（.xlsx）文件');
  if (kindOfFileName(fileName) !== kind) {
    throw fieldError('file', `文件内容与扩展名不符，应为${ATTACHMENT_KINDS[kind].extension}文件`);
  }
  const at = nowIso();
  const key = newStorageKey('attachments');
  await storageFor(deps.config).put(key, file.buffer);
  const row = await inTransaction(deps, async (trx) => {
    const inserted = await trx
      .insertInto('attachments')
      .values({
        owner_type: null,
        owner_id: null,
        file_name: fileName,
        mime_type: ATTACHMENT_KINDS[kind].mime,
        size: file.buffer.length,
        sha256: crypto.createHash('sha256').update(file.buffer).digest('hex'),
        storage_key: key,
        uploaded_by: actor.userId,
        org_unit_id: unitIdOfPath(actor.territoryPath),
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await deps.audit.append(trx, ctx, {
      action: 'attachment.uploaded',
      entityType: 'attachment',
      entityId: inserted.id,
      changes: {
        file_name: [null, fileName],
        size: [null, file.buffer.length],
        sha256: [null, inserted.sha256],
      },
    });
    return inserted;
  });
  return toAttachmentView(row);
}

/**
 * Attaches the caller's own unattached uploads to a record, inside its transaction; an id that
 * is unknown, someone else's or already used is refused.
 */
export async function claimAttachments(
  trx: Transaction<Database>,
  userId: number,
  ids: number[],
  owner: { type: string; id: number },
): Promise<void> {
  if (ids.length === 0) return;
  const r = await trx
    .updateTable('attachments')
    .set({ owner_type: owner.type, owner_id: owner.id })
    .where('id', 'in', ids)
    .where('uploaded_by', '=', userId)
    .where('owner_type', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== ids.length) {
    throw conflict('attachmentIds', '附件不存在或已被使用，请重新上传');
  }
}

/** Checks before publishing that the attachments exist, are the caller's and unused. */
export async function checkAttachmentsClaimable(
  deps: ServiceDeps,
  userId: number,
  ids: number[],
): Promise<void> {
  if (ids.length === 0) return;
  const rows = await deps.db.kysely
    .selectFrom('attachments')
    .select(['id', 'uploaded_by', 'owner_type'])
    .where('id', 'in', ids)
    .execute();
  const ok = rows.filter((r) => r.uploaded_by === userId && r.owner_type === null);
  if (ok.length !== ids.length)
    throw fieldError('attachmentIds', '附件不存在或已被使用，请重新上传');
}

/** An attachment of a record, opened for download (the caller has checked the record). */
export async function openAttachment(
  deps: ServiceDeps,
  owner: { type: string; id: number },
  attachmentId: number,
) {
  const row = await deps.db.kysely
    .selectFrom('attachments')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (!row) throw notFound();
  const stream = await storageFor(deps.config).read(row.storage_key);
  return { row, stream };
}
