import ExcelJS from 'exceljs';
import {
  CATALOG_SHEET_COLUMNS,
  type CatalogId,
  CATALOG_VERSION_STATUS_LABELS,
  type CatalogVersionStatus,
  diffCatalogItems,
  diffSummaryText,
  ErrorCode,
  formatCatalogRow,
  MAX_CATALOG_SHEET_ROWS,
  parseCatalogSheet,
} from '@hazard-ledger/domain';
import { AppError } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { readFirstSheet, safeCells } from '../../lib/xlsx.js';
import { descriptorOf } from './catalog-views.js';
import * as repo from './catalogs.repository.js';
import {
  actorName,
  assertCanManageCatalog,
  assertNoDraft,
  draftRace,
  itemsOf,
} from './catalog-drafts.service.js';
import { loadVersion, versionView } from './catalogs.service.js';

// A catalog version as a spreadsheet, and a spreadsheet as a new draft version.

/** The file name of an exported version, e.g. 判定标准-HG-2017-第2版.xlsx. */
export function exportFileName(catalogId: string, version: number): string {
  return `判定标准-${catalogId}-第${version}版.xlsx`;
}

/** Writes a version's live items to an .xlsx: one row per item, then a sheet about the version. */
export async function exportVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
): Promise<Buffer> {
  const row = await loadVersion(deps, ctx, catalogId, version);
  const items = await itemsOf(deps, row);
  const d = descriptorOf(row);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(catalogId);
  sheet.columns = CATALOG_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: '@', alignment: { wrapText: true, vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const item of items) sheet.addRow(safeCells(formatCatalogRow(item)));

  const about = workbook.addWorksheet('版本说明');
  about.columns = [
    { header: '项目', key: 'k', width: 16 },
    { header: '内容', key: 'v', width: 80 },
  ];
  about.getRow(1).font = { bold: true };
  const status = CATALOG_VERSION_STATUS_LABELS[row.status as CatalogVersionStatus].zh;
  const facts: [string, string][] = [
    ['标准名称', d.name],
    ['文号', d.documentNumber],
    ['版本', `第${row.version}版（${status}）`],
    ['发布时间', row.published_at ?? ''],
    ['条目数', String(items.length)],
    ['待补充条目', String(items.filter((i) => i.completeness === 'incomplete').length)],
    ['说明', d.notes.join('\n')],
    [
      '填写说明',
      '修改后可在“判定标准”页导入，系统生成新的草稿版本并列出与现行版本的差异；' +
        '编码不可更改，地方补充条目编码为“标准编号-L两位序号”；多个值用“；”分隔；' +
        '适用类型、适用标签为空表示不限。',
    ],
  ];
  for (const [k, v] of facts) about.addRow({ k, v });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Imports a spreadsheet as a new draft of a catalog, based on the current published version.
 * Any row error refuses the whole file (400, each error naming row and column); otherwise the
 * draft is stored with its diff against the current version, which the caller gets back.
 */
export async function importVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  file: { name: string; buffer: Buffer },
) {
  const actor = requireActor(ctx);
  const current = await assertCanManageCatalog(deps, ctx, catalogId);
  await assertNoDraft(deps, catalogId);
  const sheet = await readFirstSheet(file.buffer, MAX_CATALOG_SHEET_ROWS);
  const parsed = parseCatalogSheet(catalogId, descriptorOf(current), sheet.header, sheet.rows);
  if (parsed.errors.length > 0) {
    throw new AppError(
      400,
      ErrorCode.ValidationFailed,
      parsed.errors.slice(0, 200).map((e) => ({
        path: e.column === 'file' ? 'file' : `rows.${e.rowNumber}.${e.column}`,
        message:
          e.column === 'file'
            ? e.message
            : `第${e.rowNumber}行${e.header ? `「${e.header}」` : ''}：${e.message}`,
      })),
      { errorCount: parsed.errors.length },
    );
  }
  const diff = diffCatalogItems(await itemsOf(deps, current), parsed.items);
  const at = nowIso();
  const version = await inTransaction(deps, async (trx) => {
    const next = await repo.nextVersionNumber(trx, catalogId);
    const id = await repo.insertDraftVersion(trx, {
      catalogId,
      version: next,
      descriptor: current.descriptor,
      basedOnVersion: current.version,
      source: 'import',
      sourceFileName: file.name.slice(0, 200),
      note: null,
      diffSummary: diffSummaryText(diff),
      diff: JSON.stringify(diff),
      createdBy: actor.userId,
      createdByName: actorName(actor),
      at,
    });
    await repo.insertItems(trx, id, parsed.items, at);
    await deps.audit.append(trx, ctx, {
      action: 'catalog.imported',
      entityType: 'catalog_version',
      entityId: id,
      changes: {
        catalogId: [null, catalogId],
        version: [null, next],
        basedOn: [null, current.version],
        fileName: [null, file.name],
        summary: diff.summary,
      },
    });
    return next;
  }).catch(draftRace);
  const row = await repo.findVersion(deps.db.kysely, catalogId, version);
  return versionView(deps, actor, row!);
}
