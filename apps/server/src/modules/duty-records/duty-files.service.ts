import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  ATTACHMENT_KINDS,
  type DutyFile,
  type DutyFileOwner,
  MAX_DUTY_FILES,
  PHOTO_FILE_OWNERS,
} from '@hazard-ledger/domain';
import { conflict, fieldError, notFound } from '../../lib/app-error.js';
import { cleanFileName, detectAttachmentKind, kindOfFileName } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso } from '../../lib/time.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './duty-records.repository.js';
import { requireRecorder, toDutyFile } from './duty-records.service.js';

// Documents and photos of the duty records: responsibility-system documents, duty lists,
// agreements, drill photos, emergency plans. The type is read from the bytes; photos lose their
// metadata (location); files are never deleted, only voided with a reason.

/** The record table a file owner hangs on (enterprise-level owners have none). */
const OWNER_TABLES: Record<DutyFileOwner, repo.RecordTable | null> = {
  responsibility_system: null,
  emergency_plan: null,
  deputy_duty_list: 'duty_deputy_lists',
  work_list: 'duty_work_lists',
  contract_agreement: 'outsourcing_contracts',
  contract_qualification: 'outsourcing_contracts',
  outsourcing_review: 'outsourcing_reviews',
  drill: 'emergency_drills',
};

/** Checks the bytes: a photo (where the owner takes photos) or a PDF / Word / Excel document. */
async function checkContent(
  owner: DutyFileOwner,
  file: { name: string; buffer: Buffer },
): Promise<{ buffer: Buffer; mimeType: string }> {
  const photos = PHOTO_FILE_OWNERS.includes(owner);
  const image = detectImage(file.buffer);
  if (image) {
    if (!photos) throw fieldError('file', '此处只能上传PDF、Word（.docx）或Excel（.xlsx）文件');
    try {
      return { buffer: stripImageMetadata(file.buffer, image), mimeType: IMAGE_MIME[image] };
    } catch (err) {
      if (err instanceof BadImageError) throw fieldError('file', '图片文件已损坏');
      throw err;
    }
  }
  const kind = await detectAttachmentKind(file.buffer);
  if (!kind) {
    throw fieldError(
      'file',
      photos
        ? '只能上传JPEG/PNG/WebP图片或PDF、Word（.docx）、Excel（.xlsx）文件'
        : '只能上传PDF、Word（.docx）或Excel（.xlsx）文件',
    );
  }
  if (kindOfFileName(file.name) !== kind) {
    throw fieldError('file', `文件内容与扩展名不符，应为${ATTACHMENT_KINDS[kind].extension}文件`);
  }
  return { buffer: file.buffer, mimeType: ATTACHMENT_KINDS[kind].mime };
}

/** Stores a file for the caller's own enterprise, on the enterprise or on one of its records. */
export async function addDutyFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  owner: DutyFileOwner,
  ownerId: number | null,
  file: { name: string; buffer: Buffer },
): Promise<DutyFile> {
  const actor = requireActor(ctx);
  await requireRecorder(deps, ctx, enterpriseId);
  const table = OWNER_TABLES[owner];
  if (table === null && ownerId !== null) throw fieldError('ownerId', '该类文件不属于具体记录');
  if (table !== null) {
    if (ownerId === null) throw fieldError('ownerId', '请指定文件所属的记录');
    const record = await repo.findRecord(deps.db.kysely, table, ownerId);
    if (!record || Number(record.enterprise_id) !== enterpriseId || record.voided_at)
      throw notFound();
  }
  if (
    (await repo.countOwnerFiles(deps.db.kysely, enterpriseId, owner, ownerId)) >= MAX_DUTY_FILES
  ) {
    throw conflict('file', `每项记录最多上传${MAX_DUTY_FILES}个文件`);
  }
  const { buffer, mimeType } = await checkContent(owner, file);
  const key = newStorageKey('duty-records');
  await storageFor(deps.config).put(key, buffer);
  const at = nowIso();
  const fileName = cleanFileName(file.name);
  const row = {
    enterprise_id: enterpriseId,
    owner,
    owner_id: ownerId,
    file_name: fileName,
    mime_type: mimeType,
    size_bytes: buffer.length,
    sha256: crypto.createHash('sha256').update(buffer).digest('hex'),
    storage_key: key,
    uploaded_by_user_id: actor.userId,
    uploaded_by_name: actor.displayName,
    uploaded_at: at,
    voided_at: null,
    void_reason: null,
  };
  const id = await inTransaction(deps, async (trx) => {
    const fileId = await repo.insertFile(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'duty_file.added',
      entityType: 'duty_file',
      entityId: fileId,
      changes: {
        enterpriseId,
        owner,
        ownerId,
        fileName,
        mimeType,
        sizeBytes: buffer.length,
        sha256: row.sha256,
      },
    });
    return fileId;
  });
  return toDutyFile({ ...row, id });
}

/** A file of an enterprise the caller may see, as a stream. */
export async function readDutyFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const file = await repo.findFile(deps.db.kysely, enterpriseId, fileId);
  if (!file) throw notFound();
  const stream = await storageFor(deps.config).read(file.storage_key);
  return { stream, fileName: file.file_name, mimeType: file.mime_type };
}

/** Voids a file uploaded by mistake (or replaced), with a reason. */
export async function voidDutyFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  fileId: number,
  reason: string,
): Promise<void> {
  await requireRecorder(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const file = await repo.findFile(trx, enterpriseId, fileId);
    if (!file) throw notFound();
    if (!(await repo.voidFile(trx, fileId, reason, nowIso()))) throw notFound();
    await deps.audit.append(trx, ctx, {
      action: 'duty_file.voided',
      entityType: 'duty_file',
      entityId: fileId,
      changes: { enterpriseId, owner: file.owner, fileName: file.file_name, reason },
    });
  });
}
