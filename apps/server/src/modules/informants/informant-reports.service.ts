import type { Readable } from 'node:stream';
import {
  acceptanceDueDate,
  ErrorCode,
  MAX_REPORT_FILES,
  type InformantReportInput,
  type MyInformantProfile,
  type MyReportDetail,
  type MyReportListItem,
  OPEN_TIP_STATUSES,
  type PageQuery,
  type ReportEnterprise,
  type ReportFile,
  type Sector,
  type TipStatus,
  type TipVerificationResult,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { AppError, conflict, fieldError, notFound } from '../../lib/app-error.js';
import { detectAttachmentKind, cleanFileName } from '../../lib/file-types.js';
import { BadImageError, detectImage, IMAGE_MIME, stripImageMetadata } from '../../lib/images.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { sealJson } from '../../lib/sealed.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { canSeeEnterprise } from '../enterprises/enterprises.service.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { withTipNumber } from '../tips/tips.service.js';
import { getManagedInformant, identityOf, sectorsOf } from './informants.service.js';
import * as repo from './informants.repository.js';

// Informant reports (信息员报告, issue 8 item 5): tips with channel `informant` and the
// informant's id, entered by the informant through their own login or by staff on their behalf.
// An informant sees only their own reports, with the replies and questions addressed to them —
// never internal notes. The tip carries the informant's identity sealed, like a named tip, so the
// triage pages treat it as any other (identity readable only by the identity permission).

/** The informant whose login the caller is; a login not tied to the registry is refused. */
async function myInformant(deps: ServiceDeps, ctx: RequestContext) {
  const actor = requireActor(ctx);
  const row = await repo.findInformantByUser(deps.db.kysely, actor.userId);
  if (!row) {
    throw new AppError(403, ErrorCode.Forbidden, [
      { path: 'informant', message: '您的账号未关联信息员登记，请联系区应急管理局' },
    ]);
  }
  return row;
}

/** My own registry facts (for the header of the report page). */
export async function myProfile(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<MyInformantProfile> {
  const me = await myInformant(deps, ctx);
  return {
    code: me.code,
    sectors: sectorsOf(me),
    districtName: me.district_name,
    enterpriseName: me.enterprise_name ?? null,
    area: me.area,
    active: me.active === 1,
  };
}

/** Enterprises I may report on: those of my district and sectors (not closed). */
export async function reportEnterprises(
  deps: ServiceDeps,
  ctx: RequestContext,
  q: string | undefined,
): Promise<{ items: ReportEnterprise[] }> {
  const me = await myInformant(deps, ctx);
  const rows = await repo.listReportEnterprises(deps.db.kysely, {
    districtIds: [me.district_id],
    sectors: sectorsOf(me),
    q,
    like: likeOperator(deps.db.dialect),
  });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, sector: r.sector as Sector })) };
}

type InformantRow = NonNullable<Awaited<ReturnType<typeof repo.findInformant>>>;

/**
 * Records a report of an informant as a tip: the enterprise must be of the informant's district
 * and sectors. Status received, due for acceptance like any tip; the reporter is an insider when
 * the informant is registered at that very enterprise.
 */
async function recordReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  informant: InformantRow,
  input: InformantReportInput,
  onBehalf: boolean,
): Promise<number> {
  const actor = requireActor(ctx);
  if (informant.active !== 1) throw conflict('informant', '信息员已停用，不能提交报告');
  const enterprise = await findEnterprise(deps.db.kysely, input.enterpriseId);
  const sectors = sectorsOf(informant);
  if (
    !enterprise ||
    enterprise.org_unit_id !== informant.district_id ||
    !sectors.includes(enterprise.sector as Sector) ||
    (onBehalf && !canSeeEnterprise(actor, enterprise))
  ) {
    throw fieldError('enterpriseId', '所选企业不在该信息员负责的区县和行业领域内');
  }
  const identity = identityOf(deps, informant.identity_sealed);
  const at = nowIso();
  const receivedOn = todayInChina(new Date(at));
  return withTipNumber(
    deps,
    { id: enterprise.org_unit_id, name: enterprise.district_name },
    Number(receivedOn.slice(0, 4)),
    async (trx, number) => {
      const row = {
        number,
        receipt_hash: null,
        channel: 'informant',
        district_id: enterprise.org_unit_id,
        enterprise_id: enterprise.id,
        enterprise_text: null,
        sector: enterprise.sector,
        place: input.place,
        subject: input.subject,
        description: input.description,
        catalog_item_code: null,
        anonymous: 0,
        insider: informant.enterprise_id === enterprise.id ? 1 : 0,
        identity_sealed: sealJson(
          { name: identity.name, phone: identity.phone },
          deps.config.identityKey,
        ),
        informant_id: informant.id,
        status: 'received',
        reject_reason: null,
        duplicate_of_tip_id: null,
        assigned_unit_id: null,
        assigned_user_id: null,
        due_date: acceptanceDueDate(receivedOn),
        verification_result: null,
        verification_summary: null,
        hazard_id: null,
        inspection_record_id: null,
        penalty_case_id: null,
        received_at: at,
        created_by: actor.userId,
        updated_at: at,
        version: 1,
      };
      const tipId = await repo.insertTip(trx, row);
      await repo.insertTipEvent(trx, {
        tip_id: tipId,
        action: 'created',
        from_status: null,
        to_status: 'received',
        actor_id: actor.userId,
        actor_name: actor.displayName,
        at,
        note: onBehalf ? `信息员报告（工作人员代${informant.code}录入）` : '信息员报告',
      });
      // The audit row keeps what was reported, never the identity.
      const { identity_sealed: _identity, ...audited } = row;
      await deps.audit.append(trx, ctx, {
        action: 'tip.created',
        entityType: 'tip',
        entityId: tipId,
        changes: { ...audited, informantCode: informant.code, onBehalf },
      });
      return tipId;
    },
  );
}

/** An informant submits a report through their own login. */
export async function submitMyReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: InformantReportInput,
): Promise<MyReportDetail> {
  const me = await myInformant(deps, ctx);
  const id = await recordReport(deps, ctx, me, input, false);
  return getMyReport(deps, ctx, id);
}

/** Staff enter a report an informant gave by phone or in person, on the informant's behalf. */
export async function submitReportOnBehalf(
  deps: ServiceDeps,
  ctx: RequestContext,
  informantId: number,
  input: InformantReportInput,
): Promise<{ tipId: number; number: string }> {
  const informant = await getManagedInformant(deps, ctx, informantId);
  const id = await recordReport(deps, ctx, informant, input, true);
  const row = await repo.findReport(deps.db.kysely, id);
  return { tipId: id, number: row!.number };
}

function listItem(
  row: repo.ReportRow,
  informantUserId: number | null,
  replyCount: number,
): MyReportListItem {
  return {
    id: row.id,
    number: row.number,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? null,
    subject: row.subject,
    status: row.status as TipStatus,
    verificationResult: row.verification_result as TipVerificationResult | null,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    replyCount,
    enteredByStaff: row.created_by !== informantUserId,
  };
}

/** My reports, newest first, with the number of replies each has. */
export async function listMyReports(deps: ServiceDeps, ctx: RequestContext, query: PageQuery) {
  const me = await myInformant(deps, ctx);
  const db = deps.db.kysely;
  const { items, total } = await repo.listReports(db, me.id, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const messages = await repo.listReporterMessages(
    db,
    items.map((r) => r.id),
  );
  const counts = new Map<number, number>();
  for (const m of messages) counts.set(m.tip_id, (counts.get(m.tip_id) ?? 0) + 1);
  return {
    items: items.map((r) => listItem(r, me.user_id, counts.get(r.id) ?? 0)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One of my reports; someone else's reads as 404. */
async function loadMyReport(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const me = await myInformant(deps, ctx);
  const row = await repo.findReport(deps.db.kysely, id);
  if (!row || row.informant_id !== me.id) throw notFound();
  return { me, row };
}

const toFile = (f: Awaited<ReturnType<typeof repo.listReporterFiles>>[number]): ReportFile => ({
  id: f.id,
  fileName: f.file_name,
  mimeType: f.mime_type,
  sizeBytes: Number(f.size_bytes),
  createdAt: f.created_at,
});

/** One of my reports with the replies and questions addressed to me and my files. */
export async function getMyReport(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<MyReportDetail> {
  const { me, row } = await loadMyReport(deps, ctx, id);
  const db = deps.db.kysely;
  const [messages, files] = await Promise.all([
    repo.listReporterMessages(db, [id]),
    repo.listReporterFiles(db, id),
  ]);
  return {
    ...listItem(row, me.user_id, messages.length),
    description: row.description,
    place: row.place,
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind as 'reply' | 'question',
      body: m.body,
      createdAt: m.created_at,
    })),
    files: files.map(toFile),
    canAddFiles:
      me.active === 1 &&
      OPEN_TIP_STATUSES.includes(row.status as TipStatus) &&
      files.length < MAX_REPORT_FILES,
  };
}

function refuseFile(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/**
 * Adds a photo (JPEG/PNG/WebP) or a PDF to one of my open reports. The type is read from the
 * bytes; photos always lose their EXIF/XMP metadata, whose location could point at the informant.
 */
export async function addMyReportFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  file: { name: string; buffer: Buffer },
): Promise<ReportFile> {
  const { me, row } = await loadMyReport(deps, ctx, id);
  if (me.active !== 1) throw conflict('informant', '信息员已停用，不能上传');
  if (!OPEN_TIP_STATUSES.includes(row.status as TipStatus))
    throw conflict('status', '报告已办理完毕，不能再上传照片');
  const existing = await repo.listReporterFiles(deps.db.kysely, id);
  if (existing.length >= MAX_REPORT_FILES)
    throw conflict('file', `每份报告最多上传${MAX_REPORT_FILES}个文件`);
  let buffer = file.buffer;
  let mimeType: string;
  const image = detectImage(buffer);
  if (image) {
    try {
      buffer = stripImageMetadata(buffer, image);
    } catch (err) {
      if (err instanceof BadImageError) throw refuseFile('图片文件已损坏');
      throw err;
    }
    mimeType = IMAGE_MIME[image];
  } else if ((await detectAttachmentKind(buffer)) === 'pdf') {
    mimeType = 'application/pdf';
  } else {
    throw refuseFile('只能上传 JPEG/PNG/WebP 照片或 PDF 文件');
  }
  const key = newStorageKey('tips');
  await storageFor(deps.config).put(key, buffer);
  const actor = requireActor(ctx);
  const at = nowIso();
  const fileName = cleanFileName(file.name);
  const fileId = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertTipFile(trx, {
      tip_id: id,
      storage_key: key,
      file_name: fileName,
      mime_type: mimeType,
      size_bytes: buffer.length,
      created_at: at,
    });
    await repo.insertTipEvent(trx, {
      tip_id: id,
      action: 'reporter_file_added',
      from_status: row.status,
      to_status: row.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: fileName,
    });
    await deps.audit.append(trx, ctx, {
      action: 'tip.file_added',
      entityType: 'tip',
      entityId: id,
      changes: { fileId: newId, mimeType, sizeBytes: buffer.length, fromReporter: true },
    });
    return newId;
  });
  return { id: fileId, fileName, mimeType, sizeBytes: buffer.length, createdAt: at };
}

/** A file of one of my reports, as a stream. */
export async function readMyReportFile(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await loadMyReport(deps, ctx, id);
  const file = (await repo.listReporterFiles(deps.db.kysely, id)).find((f) => f.id === fileId);
  if (!file) throw notFound();
  const stream = await storageFor(deps.config).read(file.storage_key);
  return { stream, fileName: file.file_name, mimeType: file.mime_type };
}
