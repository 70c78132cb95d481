import type { Readable } from 'node:stream';
import {
  canAccessRecord,
  closureLeaderBan,
  dishonestyPeriodEnd,
  ENTERPRISE_VISIBLE_MEASURE_KINDS,
  type EnforcementMeasure,
  type EnforcementMeasureKind,
  type EnforcementMeasureView,
  isEnterpriseRole,
  isOnDishonestyList,
  isSuspensionActive,
  type PageQuery,
  type Sector,
} from '@hazard-ledger/domain';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { detectAttachmentKind } from '../../lib/file-types.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import {
  checkAttachmentsClaimable,
  claimAttachments,
  openAttachment,
  uploadAttachment,
} from '../notices/attachments.service.js';
import * as repo from './penalties.repository.js';
import { caseScopeOf } from './penalty-cases.service.js';

// Measures against an enterprise (通报, 约谈, 联合惩戒, 停产整顿, 提请关闭, 移送司法, 严重失信名单):
// each a record with date, basis and documents, kept as the shared schema's output. Documents
// are uploaded first (PDF or Word) and named by id; they stay with the measure. A measure is
// never deleted: it is voided with a reason.

/** The view of a measure, with what follows from it today. */
function toView(
  row: repo.MeasureListRow,
  documents: Awaited<ReturnType<typeof repo.listMeasureDocuments>>,
): EnforcementMeasureView {
  const data = JSON.parse(row.data) as EnforcementMeasure;
  const today = todayInChina();
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    kind: row.kind as EnforcementMeasureKind,
    date: row.date,
    data,
    penaltyCaseNo: row.penalty_case_no ?? null,
    leaderBan: data.kind === 'closure_proposal' ? closureLeaderBan(data) : null,
    dishonesty:
      data.kind === 'dishonesty_list'
        ? { periodEnd: dishonestyPeriodEnd(data), active: isOnDishonestyList(data, today) }
        : null,
    suspensionActive: data.kind === 'suspension' ? isSuspensionActive(data, today) : null,
    documents: documents
      .filter((d) => d.owner_id === row.id)
      .map((d) => ({
        id: d.id,
        fileName: d.file_name,
        mimeType: d.mime_type,
        size: Number(d.size),
      })),
    voidedAt: row.voided_at,
    voidReason: row.void_reason,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** Loads a measure the caller may see; enterprise users only the kinds served on them. */
async function getAccessibleMeasure(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findMeasure(deps.db.kysely, id);
  if (!row) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: row.district_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
  if (!visible) throw notFound();
  if (
    isEnterpriseRole(actor.role) &&
    (row.voided_at !== null ||
      !ENTERPRISE_VISIBLE_MEASURE_KINDS.includes(row.kind as EnforcementMeasureKind))
  ) {
    throw notFound();
  }
  return row;
}

/** One measure. */
export async function getMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<EnforcementMeasureView> {
  const row = await getAccessibleMeasure(deps, ctx, id);
  return toView(row, await repo.listMeasureDocuments(deps.db.kysely, [id]));
}

export type MeasureListQuery = PageQuery & {
  enterpriseId?: number;
  kind?: EnforcementMeasureKind;
  includeVoided?: boolean;
};

/** The measures a caller may see, latest first. */
export async function listMeasures(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: MeasureListQuery,
) {
  const actor = requireActor(ctx);
  const enterpriseSide = isEnterpriseRole(actor.role);
  const scope = await caseScopeOf(deps, ctx);
  const { items, total } = await repo.listMeasurePage(
    deps.db.kysely,
    scope,
    {
      enterpriseId: query.enterpriseId,
      kind: query.kind,
      kinds: enterpriseSide ? ENTERPRISE_VISIBLE_MEASURE_KINDS : undefined,
      includeVoided: !enterpriseSide && query.includeVoided === true,
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const documents = await repo.listMeasureDocuments(
    deps.db.kysely,
    items.map((m) => m.id),
  );
  return {
    items: items.map((m) => toView(m, documents)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Checks a measure against the records it names: the case must be the same enterprise's. */
async function checkMeasure(deps: ServiceDeps, measure: EnforcementMeasure): Promise<void> {
  if (measure.date > todayInChina()) throw fieldError('date', '日期不能晚于今天');
  if (
    measure.penaltyCaseId !== null &&
    !(await repo.caseBelongsTo(deps.db.kysely, measure.penaltyCaseId, measure.enterpriseId))
  ) {
    throw fieldError('penaltyCaseId', '所选处罚案件不属于该企业');
  }
}

/** Records a measure against an enterprise the caller may see. */
export async function createMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  measure: EnforcementMeasure,
): Promise<EnforcementMeasureView> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const enterprise = await getAccessibleEnterprise(deps, ctx, measure.enterpriseId);
  await checkMeasure(deps, measure);
  const documentIds = [...new Set(measure.documentIds)];
  await checkAttachmentsClaimable(deps, actor.userId, documentIds);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const row = {
      district_id: enterprise.org_unit_id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      kind: measure.kind,
      date: measure.date,
      data: JSON.stringify({ ...measure, documentIds }),
      penalty_case_id: measure.penaltyCaseId,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      voided_by: null,
      version: 1,
    };
    const measureId = await repo.insertMeasure(trx, row);
    await claimAttachments(trx, actor.userId, documentIds, {
      type: repo.MEASURE_OWNER,
      id: measureId,
    });
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_measure.created',
      entityType: 'enforcement_measure',
      entityId: measureId,
      changes: {
        enterpriseId: [null, enterprise.id],
        kind: [null, measure.kind],
        data: [null, measure],
      },
    });
    return measureId;
  });
  return getMeasure(deps, ctx, id);
}

/**
 * Updates a measure (the list removal, the lifting of a suspension, the closure decision, the
 * receiving organ's case number…): the same kind and enterprise; documents may be added, not
 * removed.
 */
export async function updateMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; measure: EnforcementMeasure },
): Promise<EnforcementMeasureView> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const before = await getAccessibleMeasure(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '措施已作废，不能修改');
  const measure = input.measure;
  if (measure.kind !== before.kind) throw fieldError('measure.kind', '不能更改措施类别');
  if (measure.enterpriseId !== before.enterprise_id)
    throw fieldError('measure.enterpriseId', '不能更改措施针对的企业');
  if (before.version !== input.version) throw staleVersion();
  await checkMeasure(deps, measure);
  const old = JSON.parse(before.data) as EnforcementMeasure;
  const added = measure.documentIds.filter((d) => !old.documentIds.includes(d));
  await checkAttachmentsClaimable(deps, actor.userId, [...new Set(added)]);
  const documentIds = [...new Set([...old.documentIds, ...added])];
  const next = { ...measure, documentIds };
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      date: measure.date,
      data: JSON.stringify(next),
      penalty_case_id: measure.penaltyCaseId,
      updated_at: at,
    };
    if (!(await repo.updateMeasureIfVersion(trx, id, input.version, set))) throw staleVersion();
    await claimAttachments(trx, actor.userId, [...new Set(added)], {
      type: repo.MEASURE_OWNER,
      id,
    });
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_measure.updated',
      entityType: 'enforcement_measure',
      entityId: id,
      changes: diffRecords(old, next),
    });
  });
  return getMeasure(deps, ctx, id);
}

/** Voids a measure recorded by mistake, with the reason. */
export async function voidMeasure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason: string },
): Promise<EnforcementMeasureView> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const before = await getAccessibleMeasure(deps, ctx, id);
  if (before.voided_at) throw conflict('status', '措施已作废');
  if (before.version !== input.version) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      voided_at: at,
      void_reason: input.reason,
      voided_by: actor.userId,
      updated_at: at,
    };
    if (!(await repo.updateMeasureIfVersion(trx, id, input.version, set))) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'enforcement_measure.voided',
      entityType: 'enforcement_measure',
      entityId: id,
      changes: { kind: before.kind, voided_at: [null, at], void_reason: [null, input.reason] },
    });
  });
  return getMeasure(deps, ctx, id);
}

/** Stores a document (PDF or Word .docx) for a measure still to be recorded or updated. */
export async function uploadMeasureDocument(
  deps: ServiceDeps,
  ctx: RequestContext,
  file: { name: string; buffer: Buffer },
) {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const kind = await detectAttachmentKind(file.buffer);
  if (kind !== 'pdf' && kind !== 'docx') throw fieldError('file', '只能上传PDF或Word（.docx）文件');
  const saved = await uploadAttachment(deps, ctx, file);
  return { id: saved.id, fileName: saved.fileName, mimeType: saved.mimeType, size: saved.size };
}

/** A document of a measure the caller may see, as a stream. */
export async function readMeasureDocument(
  deps: ServiceDeps,
  ctx: RequestContext,
  measureId: number,
  fileId: number,
): Promise<{ stream: Readable; fileName: string; mimeType: string }> {
  await getAccessibleMeasure(deps, ctx, measureId);
  const { row, stream } = await openAttachment(
    deps,
    { type: repo.MEASURE_OWNER, id: measureId },
    fileId,
  );
  return { stream, fileName: row.file_name, mimeType: row.mime_type };
}
