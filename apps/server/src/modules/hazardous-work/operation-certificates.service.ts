import {
  canAccessRecord,
  type CertificateListState,
  certificateStateBounds,
  certificateStateOf,
  CERTIFICATE_STATE_LABELS,
  HOLDER_TYPE_LABELS,
  type HolderType,
  type OperationCategory,
  OPERATION_CATEGORY_LABELS,
  type OperationCertificateInput,
  type OperationCertificateView,
  type PageQuery,
  SECTOR_LABELS,
  type Sector,
  type UpdateOperationCertificateInput,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { conflict, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { outputTaken, streamingWorkbook, safeCellText } from '../../lib/xlsx.js';
import { diffRecords } from '../audit/audit.writer.js';
import { enterpriseScopeOf, getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import * as repo from './hazardous-work.repository.js';
import { getRecordableEnterprise } from './hazardous-work.service.js';

// Special-operation certificates (特种作业操作证): who holds which, until when, and who engaged
// them (谁招请无证人员，谁负责任). Expiry is derived from the valid-until date and today, never
// stored; a certificate no longer in use is withdrawn and stops counting.

function certificateView(r: repo.CertificateListRow, today: string): OperationCertificateView {
  const { state, daysLeft } = certificateStateOf(
    { validUntil: r.valid_until, withdrawn: r.withdrawn_at !== null },
    today,
  );
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    sector: r.sector as Sector,
    holderName: r.holder_name,
    category: r.category as OperationCategory,
    operationItem: r.operation_item,
    certificateNo: r.certificate_no,
    issuedOn: r.issued_on,
    validUntil: r.valid_until,
    holderType: r.holder_type as HolderType,
    employer: r.employer,
    engagedBy: r.engaged_by,
    state,
    daysLeft,
    withdrawnAt: r.withdrawn_at,
    withdrawnReason: r.withdrawn_reason,
    createdAt: r.created_at,
    version: r.version,
  };
}

export type CertificateListFilters = {
  enterpriseId?: number;
  sector?: Sector;
  q?: string;
  state?: CertificateListState;
};
export type CertificateListQuery = PageQuery & CertificateListFilters;

async function filterOf(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CertificateListFilters,
  today: string,
): Promise<repo.CertificateFilter> {
  // A named enterprise must be one the caller sees: a foreign one is a 404, not an empty list.
  if (query.enterpriseId) await getAccessibleEnterprise(deps, ctx, query.enterpriseId);
  return {
    enterpriseId: query.enterpriseId,
    sector: query.sector,
    q: query.q,
    state: query.state,
    ...certificateStateBounds(today),
    like: likeOperator(deps.db.dialect),
  };
}

/** Certificates across the enterprises the caller sees, with counts per state. */
export async function listCertificates(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CertificateListQuery,
) {
  const today = todayInChina();
  const scope = await enterpriseScopeOf(deps, ctx);
  const filter = await filterOf(deps, ctx, query, today);
  const [{ items, total }, counts] = await Promise.all([
    repo.listCertificates(deps.db.kysely, scope, filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    repo.countCertificatesByState(deps.db.kysely, scope, filter),
  ]);
  return {
    items: items.map((r) => certificateView(r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    asOf: today,
    countsByState: counts,
  };
}

/** Streams the filtered certificates as .xlsx (特种作业人员持证情况). */
export async function exportCertificates(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CertificateListFilters,
) {
  const today = todayInChina();
  const scope = await enterpriseScopeOf(deps, ctx);
  const filter = await filterOf(deps, ctx, query, today);
  const { workbook, stream } = streamingWorkbook();
  const sheet = workbook.addWorksheet('特种作业操作证', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns: [string, number][] = [
    ['序号', 6],
    ['企业名称', 30],
    ['行业领域', 12],
    ['持证人', 10],
    ['人员类型', 14],
    ['所属单位', 20],
    ['作业类别', 22],
    ['操作项目', 20],
    ['证号', 22],
    ['发证日期', 12],
    ['有效期至', 12],
    ['状态', 10],
    ['剩余天数', 10],
    ['招请人/部门（谁招请谁负责）', 26],
  ];
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    let n = 0;
    for await (const batch of repo.iterateCertificates(deps.db.kysely, scope, filter)) {
      for (const r of batch) {
        const v = certificateView(r, today);
        sheet
          .addRow([
            ++n,
            safeCellText(v.enterpriseName),
            SECTOR_LABELS[v.sector].zh,
            safeCellText(v.holderName),
            HOLDER_TYPE_LABELS[v.holderType].zh,
            safeCellText(v.employer),
            OPERATION_CATEGORY_LABELS[v.category].zh,
            safeCellText(v.operationItem),
            v.certificateNo,
            v.issuedOn ?? '',
            v.validUntil,
            CERTIFICATE_STATE_LABELS[v.state].zh,
            v.state === 'withdrawn' ? '' : v.daysLeft,
            safeCellText(v.engagedBy),
          ])
          .commit();
      }
      await outputTaken(sheet, stream);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) =>
    stream.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return stream;
}

/** Loads a certificate the caller may see (404 otherwise). */
async function getAccessibleCertificate(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findCertificate(deps.db.kysely, id);
  if (!row) throw notFound();
  const visible = canAccessRecord(actor, {
    orgPath: row.org_path,
    sector: row.sector as Sector,
    enterpriseId: row.enterprise_id,
  });
  if (!visible) throw notFound();
  return row;
}

async function refuseDuplicate(
  deps: ServiceDeps,
  enterpriseId: number,
  certificateNo: string,
  exceptId: number | null,
): Promise<void> {
  const other = await repo.findCertificateInUseByNumber(
    deps.db.kysely,
    enterpriseId,
    certificateNo,
    exceptId,
  );
  if (other) {
    throw conflict('certificateNo', `证号${certificateNo}已登记（持证人：${other.holder_name}）`);
  }
}

function columnsOf(input: OperationCertificateInput) {
  return {
    holder_name: input.holderName,
    category: input.category,
    operation_item: input.operationItem,
    certificate_no: input.certificateNo,
    issued_on: input.issuedOn,
    valid_until: input.validUntil,
    holder_type: input.holderType,
    employer: input.holderType === 'contractor' ? input.employer : null,
    engaged_by: input.engagedBy,
  };
}

async function viewById(deps: ServiceDeps, ctx: RequestContext, id: number) {
  return certificateView(await getAccessibleCertificate(deps, ctx, id), todayInChina());
}

/** Records a certificate held by someone working at the caller's enterprise. */
export async function recordCertificate(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  input: OperationCertificateInput,
): Promise<OperationCertificateView> {
  const actor = requireActor(ctx);
  const enterprise = await getRecordableEnterprise(deps, ctx, enterpriseId);
  await refuseDuplicate(deps, enterprise.id, input.certificateNo, null);
  const at = nowIso();
  const row = {
    enterprise_id: enterprise.id,
    ...columnsOf(input),
    withdrawn_at: null,
    withdrawn_reason: null,
    withdrawn_by_user_id: null,
    created_by_user_id: actor.userId,
    created_at: at,
    updated_at: at,
    version: 1,
  };
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertCertificate(trx, row);
    await deps.audit.append(trx, ctx, {
      action: 'operation_certificate.created',
      entityType: 'operation_certificate',
      entityId: newId,
      changes: diffRecords(null, row),
    });
    return newId;
  });
  return viewById(deps, ctx, id);
}

/** Corrects a certificate in use (a renewed certificate gets its new number and date here). */
export async function updateCertificate(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateOperationCertificateInput,
): Promise<OperationCertificateView> {
  const before = await getAccessibleCertificate(deps, ctx, id);
  await getRecordableEnterprise(deps, ctx, before.enterprise_id);
  if (before.withdrawn_at) throw conflict('status', '证书已停用，不能再修改');
  if (before.version !== input.version) throw staleVersion();
  await refuseDuplicate(deps, before.enterprise_id, input.certificateNo, id);
  const set = { ...columnsOf(input), updated_at: nowIso() };
  await inTransaction(deps, async (trx) => {
    if (!(await repo.updateCertificateIfVersion(trx, id, input.version, set))) {
      throw staleVersion();
    }
    await deps.audit.append(trx, ctx, {
      action: 'operation_certificate.updated',
      entityType: 'operation_certificate',
      entityId: id,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  return viewById(deps, ctx, id);
}

/** Marks a certificate as no longer in use: it leaves the expiry counts and the scorecard. */
export async function withdrawCertificate(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
): Promise<OperationCertificateView> {
  const actor = requireActor(ctx);
  const before = await getAccessibleCertificate(deps, ctx, id);
  await getRecordableEnterprise(deps, ctx, before.enterprise_id);
  if (before.withdrawn_at) throw conflict('status', '证书已停用');
  if (before.version !== input.version) throw staleVersion();
  const at = nowIso();
  const set = {
    withdrawn_at: at,
    withdrawn_reason: input.reason,
    withdrawn_by_user_id: actor.userId,
    updated_at: at,
  };
  await inTransaction(deps, async (trx) => {
    if (!(await repo.updateCertificateIfVersion(trx, id, input.version, set))) {
      throw staleVersion();
    }
    await deps.audit.append(trx, ctx, {
      action: 'operation_certificate.withdrawn',
      entityType: 'operation_certificate',
      entityId: id,
      changes: { withdrawn_at: [null, at], withdrawn_reason: [null, input.reason] },
    });
  });
  return viewById(deps, ctx, id);
}
