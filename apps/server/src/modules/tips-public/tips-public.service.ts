import type { Readable } from 'node:stream';
import {
  acceptanceDueDate,
  ErrorCode,
  type PowSolution,
  type PublicDistrict,
  type PublicEnterprise,
  type PublicTipForm,
  type PublicTipFormInput,
  publicTipFormSchema,
  type PublicTipView,
  type TipMessageKind,
  type TipStatus,
  type TipVerificationResult,
  TIP_FILES_MAX,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { AppError, conflict, fieldError } from '../../lib/app-error.js';
import { cleanFileName, detectAttachmentKind } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import type { RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { sealJson } from '../../lib/sealed.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { sha256Hex } from '../../lib/tokens.js';
import { newReceiptCode, withTipNumber } from '../tips/tips.service.js';
import { parseForm, type ReceivedFile } from './tip-form.js';
import type { PublicTipGuard } from './tip-guard.js';
import * as repo from './tips-public.repository.js';

// Use cases of the public tip page. Nothing here knows who the caller is: the audit rows are
// written without an actor and without an address, and the receipt code is never stored (only
// its SHA-256), so the database cannot lead back to a reporter.

/** What a public request brings to a use case; the client key (address) stays in memory. */
export type PublicCall = {
  requestId: string | null;
  /** The rate-limit key of the client: used by the in-memory guard only, never stored or logged. */
  client: string;
  guard: PublicTipGuard;
  log: { warn: (obj: Record<string, unknown>, msg: string) => void };
};

/** Most files a reporter may add to one tip over its life. */
const REPORTER_FILES_PER_TIP = 30;

/** The audit context of a public action: no actor, no address. */
function publicContext(requestId: string | null): RequestContext {
  return { actor: null, ip: null, requestId, locale: 'zh' };
}

/** A file checked by its bytes and stripped of photo metadata, ready to store. */
type PreparedFile = { fileName: string; mimeType: string; buffer: Buffer };

/**
 * Checks each file by its content — JPEG, PNG or WebP photos (EXIF/XMP removed, so no location
 * leaks) and PDF documents only — and cleans its name.
 */
async function prepareFiles(files: readonly ReceivedFile[]): Promise<PreparedFile[]> {
  if (files.length > TIP_FILES_MAX) throw fieldError('files', `一次最多上传${TIP_FILES_MAX}个文件`);
  const out: PreparedFile[] = [];
  for (const [index, file] of files.entries()) {
    const image = detectImage(file.buffer);
    const path = `files.${index}`;
    if (image) {
      try {
        out.push({
          fileName: cleanFileName(file.name),
          mimeType: IMAGE_MIME[image],
          buffer: stripImageMetadata(file.buffer, image),
        });
      } catch (err) {
        if (err instanceof BadImageError)
          throw fieldError(path, `“${cleanFileName(file.name)}”图片文件已损坏`);
        throw err;
      }
      continue;
    }
    if ((await detectAttachmentKind(file.buffer)) === 'pdf') {
      out.push({
        fileName: cleanFileName(file.name),
        mimeType: 'application/pdf',
        buffer: file.buffer,
      });
      continue;
    }
    throw fieldError(
      path,
      `“${cleanFileName(file.name)}”不是允许的文件类型：只能上传 JPEG/PNG/WebP 照片或 PDF 文件`,
    );
  }
  return out;
}

/** Writes files to storage before the transaction that records them (as hazard files do). */
async function storeFiles(deps: ServiceDeps, files: readonly PreparedFile[]) {
  const storage = storageFor(deps.config);
  const stored = [];
  for (const f of files) {
    const storageKey = newStorageKey('tips');
    await storage.put(storageKey, f.buffer);
    stored.push({
      storageKey,
      fileName: f.fileName,
      mimeType: f.mimeType,
      sizeBytes: f.buffer.length,
    });
  }
  return stored;
}

/** Where a tip belongs: the enterprise picked from the registry, or the district chosen. */
async function resolveTarget(deps: ServiceDeps, input: PublicTipForm) {
  if (input.enterpriseId !== null) {
    const e = await repo.findOperatingEnterprise(deps.db.kysely, input.enterpriseId);
    if (!e) throw fieldError('enterpriseId', '所选企业不存在，请重新选择或直接填写单位名称');
    return {
      district: { id: Number(e.org_unit_id), name: e.district_name },
      enterpriseId: Number(e.id),
      sector: e.sector,
    };
  }
  const district = await repo.findDistrict(deps.db.kysely, input.districtId ?? 0);
  if (!district) throw fieldError('districtId', '请选择所在区县');
  return {
    district: { id: Number(district.id), name: district.name },
    enterpriseId: null,
    sector: null,
  };
}

/**
 * Creates a web tip: status `received`, numbered per district and year, the reporter's identity
 * sealed with the configured key as `{ name, phone }` (null when anonymous), files checked and
 * stored. Returns the receipt code — the only time it exists outside the reporter's hands. Also
 * used by the demo seed (`receivedAt` dates a seeded tip in the past).
 */
export async function submitTip(
  deps: ServiceDeps,
  input: PublicTipFormInput,
  files: readonly ReceivedFile[] = [],
  options: { receivedAt?: string; requestId?: string | null } = {},
): Promise<{ tipId: number; receiptCode: string; number: string }> {
  const form = parseForm(publicTipFormSchema, input);
  const target = await resolveTarget(deps, form);
  const prepared = await prepareFiles(files);
  const stored = await storeFiles(deps, prepared);
  const at = options.receivedAt ?? nowIso();
  const year = Number(todayInChina(new Date(at)).slice(0, 4));
  const identity = form.anonymous
    ? null
    : sealJson({ name: form.reporterName, phone: form.reporterPhone }, deps.config.identityKey);
  // The number comes from the one allocator of tip numbers (shared with staff-entered tips);
  // it retries when a racing writer took the same number (or, once in 10^16, the same code).
  let receiptCode = '';
  const result = await withTipNumber(deps, target.district, year, async (trx, number) => {
    const receipt = newReceiptCode();
    receiptCode = receipt.code;
    const { id } = await trx
      .insertInto('tips')
      .values({
        number,
        receipt_hash: receipt.hash,
        channel: 'web',
        district_id: target.district.id,
        enterprise_id: target.enterpriseId,
        enterprise_text: target.enterpriseId === null ? form.enterpriseText : null,
        sector: target.sector,
        place: form.place,
        subject: form.subject,
        description: form.description,
        catalog_item_code: null,
        anonymous: form.anonymous ? 1 : 0,
        insider: form.insider ? 1 : 0,
        identity_sealed: identity,
        informant_id: null,
        status: 'received',
        reject_reason: null,
        duplicate_of_tip_id: null,
        assigned_unit_id: null,
        assigned_user_id: null,
        // Acceptance is due within the configured working days of receipt, as for other channels.
        due_date: acceptanceDueDate(todayInChina(new Date(at))),
        verification_result: null,
        verification_summary: null,
        hazard_id: null,
        inspection_record_id: null,
        penalty_case_id: null,
        received_at: at,
        created_by: null,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tipId = Number(id);
    await trx
      .insertInto('tip_events')
      .values({
        tip_id: tipId,
        action: 'created',
        from_status: null,
        to_status: 'received',
        actor_id: null,
        actor_name: null,
        at,
        note: null,
        idempotency_key: null,
      })
      .execute();
    await repo.insertReporterFiles(trx, tipId, null, stored, at);
    await deps.audit.append(trx, publicContext(options.requestId ?? null), {
      action: 'tip.submitted',
      entityType: 'tip',
      entityId: tipId,
      changes: {
        number,
        channel: 'web',
        districtId: target.district.id,
        enterpriseId: target.enterpriseId,
        anonymous: form.anonymous,
        insider: form.insider,
        files: stored.length,
      },
    });
    return { tipId, number };
  });
  return { ...result, receiptCode };
}

/**
 * The public submission: the solved challenge is checked and spent first (released again if the
 * tip is refused for another reason, so a corrected form needs no new solution).
 */
export async function submitPublicTip(
  deps: ServiceDeps,
  call: PublicCall,
  input: PublicTipForm & { pow: PowSolution },
  files: readonly ReceivedFile[],
): Promise<{ receiptCode: string; number: string }> {
  const release = await call.guard.consume(deps.db.kysely, input.pow);
  try {
    const { pow: _pow, ...form } = input;
    const saved = await submitTip(deps, form, files, { requestId: call.requestId });
    return { receiptCode: saved.receiptCode, number: saved.number };
  } catch (err) {
    // The refusal is what the reporter needs to see; if giving the challenge back fails too,
    // it merely stays spent and the page solves a new one.
    await release().catch((releaseErr: unknown) =>
      call.log.warn({ err: releaseErr }, 'could not release a proof-of-work challenge'),
    );
    throw err;
  }
}

/** The tip of a receipt code; a wrong code is counted, logged by a hash prefix only, and a 404. */
async function tipOfCode(deps: ServiceDeps, call: PublicCall, code: string) {
  call.guard.checkWrongCodes(call.client);
  const hash = sha256Hex(code);
  const tip = await repo.findTipByReceiptHash(deps.db.kysely, hash);
  if (!tip) {
    call.guard.countWrongCode(call.client);
    call.log.warn(
      { receiptHashPrefix: hash.slice(0, 8) },
      'tip lookup with an unknown receipt code',
    );
    throw new AppError(404, ErrorCode.NotFound, [
      { path: 'code', message: '回执码不正确，或没有对应的举报。请核对后重新输入' },
    ]);
  }
  return tip;
}

function unitLabel(m: {
  unit_name: string | null;
  unit_kind: string | null;
  parent_unit_name: string | null;
}) {
  if (!m.unit_name) return null;
  // An office or brigade is named with its bureau: 东胜区应急管理局危化室.
  if ((m.unit_kind === 'office' || m.unit_kind === 'brigade') && m.parent_unit_name) {
    return `${m.parent_unit_name}${m.unit_name}`;
  }
  return m.unit_name;
}

const REPORTER_KINDS: readonly string[] = ['reporter_info', 'reporter_answer'];

/** What the reporter sees of their tip: status, public replies and questions, own additions. */
async function viewOf(deps: ServiceDeps, tip: repo.TipByCode): Promise<PublicTipView> {
  const db = deps.db.kysely;
  const tipId = Number(tip.id);
  const [events, messages, files] = await Promise.all([
    repo.listTipEvents(db, tipId),
    repo.listReporterVisibleMessages(db, tipId),
    repo.listTipFiles(db, tipId),
  ]);
  const timeline = events
    .filter((e) => e.from_status === null || e.from_status !== e.to_status)
    .map((e) => ({ status: e.to_status as TipStatus, at: e.at }));
  if (timeline.length === 0) timeline.push({ status: 'received', at: tip.received_at });
  const answers = messages.filter((m) => m.kind === 'reporter_answer').map((m) => Number(m.id));
  const visibleIds = new Set(messages.map((m) => Number(m.id)));
  return {
    number: tip.number,
    status: tip.status as TipStatus,
    verificationResult: tip.verification_result as TipVerificationResult | null,
    receivedAt: tip.received_at,
    subject: tip.subject,
    description: tip.description,
    place: tip.place,
    enterpriseName: tip.enterprise_name ?? tip.enterprise_text,
    districtName: tip.district_name,
    anonymous: tip.anonymous === 1,
    insider: tip.insider === 1,
    timeline,
    messages: messages.map((m) => ({
      id: Number(m.id),
      kind: m.kind as TipMessageKind,
      body: m.body,
      at: m.created_at,
      unitName: REPORTER_KINDS.includes(m.kind) ? null : unitLabel(m),
      answered: m.kind === 'question' && answers.some((a) => a > Number(m.id)),
    })),
    // The reporter's own files and those attached to replies or questions; never the files of
    // internal notes or staff evidence.
    files: files
      .filter(
        (f) =>
          f.from_reporter === 1 || (f.message_id !== null && visibleIds.has(Number(f.message_id))),
      )
      .map((f) => ({
        id: Number(f.id),
        messageId: f.message_id === null ? null : Number(f.message_id),
        fileName: f.file_name,
        mimeType: f.mime_type,
        sizeBytes: Number(f.size_bytes),
        fromReporter: f.from_reporter === 1,
        at: f.created_at,
      })),
    canAddInfo: tip.status !== 'closed',
  };
}

/** The status page of the tip a receipt code belongs to. */
export async function lookupTip(
  deps: ServiceDeps,
  call: PublicCall,
  code: string,
): Promise<PublicTipView> {
  return viewOf(deps, await tipOfCode(deps, call, code));
}

function refuseIfClosed(tip: repo.TipByCode): void {
  if (tip.status === 'closed') throw conflict('code', '该举报已办结，不能再补充信息或回答');
}

/** The reporter adds information (text and/or files) to their tip. */
export async function addTipInformation(
  deps: ServiceDeps,
  call: PublicCall,
  input: { code: string; text: string },
  files: readonly ReceivedFile[],
): Promise<PublicTipView> {
  const tip = await tipOfCode(deps, call, input.code);
  refuseIfClosed(tip);
  if (!input.text && files.length === 0) throw fieldError('text', '请填写补充内容或上传文件');
  const tipId = Number(tip.id);
  if (
    (await repo.countReporterFiles(deps.db.kysely, tipId)) + files.length >
    REPORTER_FILES_PER_TIP
  ) {
    throw fieldError('files', `每件举报最多上传${REPORTER_FILES_PER_TIP}个文件`);
  }
  const stored = await storeFiles(deps, await prepareFiles(files));
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const messageId = await repo.insertTipMessage(trx, {
      tip_id: tipId,
      kind: 'reporter_info',
      body: input.text,
      created_at: at,
    });
    await repo.insertReporterFiles(trx, tipId, messageId, stored, at);
    await deps.audit.append(trx, publicContext(call.requestId), {
      action: 'tip.reporter_info_added',
      entityType: 'tip',
      entityId: tipId,
      changes: { messageId, files: stored.length },
    });
  });
  return viewOf(deps, tip);
}

/** The reporter answers a question the handling unit asked. */
export async function answerTipQuestion(
  deps: ServiceDeps,
  call: PublicCall,
  input: { code: string; questionId: number; text: string },
): Promise<PublicTipView> {
  const tip = await tipOfCode(deps, call, input.code);
  const tipId = Number(tip.id);
  const question = await repo.findTipMessage(deps.db.kysely, tipId, input.questionId, 'question');
  if (!question) {
    throw new AppError(404, ErrorCode.NotFound, [{ path: 'questionId', message: '没有这个提问' }]);
  }
  refuseIfClosed(tip);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const messageId = await repo.insertTipMessage(trx, {
      tip_id: tipId,
      kind: 'reporter_answer',
      body: input.text,
      created_at: at,
    });
    await deps.audit.append(trx, publicContext(call.requestId), {
      action: 'tip.reporter_answered',
      entityType: 'tip',
      entityId: tipId,
      changes: { messageId, questionId: input.questionId },
    });
  });
  return viewOf(deps, tip);
}

/** A file of the tip the reporter may see (their own, or attached to a reply or question). */
export async function readTipFileByCode(
  deps: ServiceDeps,
  call: PublicCall,
  code: string,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  const tip = await tipOfCode(deps, call, code);
  const view = await viewOf(deps, tip);
  const visible = view.files.find((f) => f.id === fileId);
  if (!visible) throw new AppError(404, ErrorCode.NotFound);
  const row = (await repo.listTipFiles(deps.db.kysely, Number(tip.id))).find(
    (f) => Number(f.id) === fileId,
  )!;
  const stream = await storageFor(deps.config).read(row.storage_key);
  return { stream, fileName: row.file_name, mimeType: row.mime_type };
}

/** Operating enterprises whose name contains the text: name and district only. */
export async function searchPublicEnterprises(
  deps: ServiceDeps,
  q: string,
): Promise<PublicEnterprise[]> {
  // Wildcards typed by the public are dropped, not escaped: a name never needs them.
  const text = q.replace(/[%_\\]/g, '').trim();
  if (text.length < 2) return [];
  return repo.searchOperatingEnterprises(
    deps.db.kysely,
    `%${text}%`,
    likeOperator(deps.db.dialect),
    10,
  );
}

/** The districts a reporter may choose. */
export function listPublicDistricts(deps: ServiceDeps): Promise<PublicDistrict[]> {
  return repo.listDistricts(deps.db.kysely);
}
