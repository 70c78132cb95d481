import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import {
  type CreateEnterpriseInput,
  createEnterpriseSchema,
  ENTERPRISE_SHEET_COLUMNS,
  ErrorCode,
  formatSheetRow,
  isInSubtree,
  type Licence,
  MAX_IMPORT_ROWS,
  parseSheetRow,
  type Role,
  SECTOR_SCOPED_ROLES,
  type Sector,
  type SheetKey,
  type SheetRow,
  type EnterpriseTag,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { outputTaken, readFirstSheet, safeCells, streamingWorkbook } from '../../lib/xlsx.js';
import { type AuditEntry, diffRecords } from '../audit/audit.writer.js';

/** Rows per bulk statement (well under SQLite's bound-parameter limit). */
const CHUNK = 200;
import { listOrgUnitsUnder } from '../org/org.repository.js';
import { staffSectors } from '../campaigns/audience.js';
import * as repo from './enterprises.repository.js';
import {
  canSeeEnterprise,
  enterpriseFilterOf,
  enterpriseScopeOf,
  type EnterpriseListQuery,
} from './enterprises.service.js';

type PersonCells = { name: string; phone: string | null; assessed: boolean | null } | null;

/** One validated row waiting to be committed. */
type PlannedRow = {
  rowNumber: number;
  action: 'create' | 'update' | 'unchanged';
  existingId: number | null;
  existingVersion: number | null;
  input: CreateEnterpriseInput;
  leader: PersonCells;
  safety: PersonCells;
};

type RowError = { rowNumber: number; column: SheetKey | 'row'; header: string; message: string };

type ImportPayload = { planned: PlannedRow[]; errors: RowError[]; summaries: RowSummary[] };

export type RowSummary = {
  rowNumber: number;
  name: string;
  creditCode: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  errors: { column: string; header: string; message: string }[];
};

const HEADER_OF = new Map(ENTERPRISE_SHEET_COLUMNS.map((c) => [c.key, c.header]));
const KEY_OF_HEADER = new Map(ENTERPRISE_SHEET_COLUMNS.map((c) => [c.header, c.key]));

/** Builds the import template: the data sheet with headers, and a sheet of notes. */
export async function buildTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业信息');
  sheet.columns = ENTERPRISE_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: { numFmt: '@' },
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  ENTERPRISE_SHEET_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: c.required ? 'FFFFE0E0' : 'FFEFEFEF' },
    };
    cell.note = `${c.required ? '必填。' : ''}${c.note}`;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'note', width: 70 },
    { header: '示例', key: 'example', width: 30 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of ENTERPRISE_SHEET_COLUMNS) {
    notes.addRow({
      header: c.header,
      required: c.required ? '是' : '否',
      note: c.note,
      example: c.example,
    });
  }
  notes.addRow({});
  notes.addRow({
    header: '说明',
    note: '按统一社会信用代码匹配：已登记的企业将被更新，未登记的将新增；重复导入同一文件不会产生重复企业。',
  });
  notes.addRow({
    header: '',
    note: '导入前系统会逐行校验并显示错误；只有全部有效行会在一次操作中导入，不会出现只导入一半的情况。',
  });
  notes.addRow({
    header: '',
    note: '负责人、安全管理人员和许可证列留空时保留原有信息；其他列留空表示清空该项。',
  });
  notes.addRow({ header: '', note: `单个文件最多${MAX_IMPORT_ROWS}行数据，文件不超过10MB。` });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** District units of the caller's territory, addressable by name, short name or code. */
async function districtIndex(deps: ServiceDeps, actor: SessionActor): Promise<Map<string, number>> {
  const units = await listOrgUnitsUnder(deps.db.kysely, actor.territoryPath);
  const index = new Map<string, number>();
  for (const u of units.filter((x) => x.kind === 'district')) {
    index.set(u.name, u.id);
    index.set(u.code, u.id);
    index.set(u.name.replace(/应急管理局$/, ''), u.id);
  }
  return index;
}

function samePerson(
  a: PersonCells,
  b: { name: string; phone: string | null; assessed: number | null } | undefined,
): boolean {
  if (!a) return true; // blank cells keep what is there
  if (!b) return false;
  const assessed = b.assessed === null ? null : b.assessed === 1;
  return a.name === b.name && a.phone === b.phone && a.assessed === assessed;
}

/** Merges the sheet's one licence into the enterprise's list: it replaces the first one. */
function mergeLicences(existing: Licence[], sheet: Licence[]): Licence[] {
  const incoming = sheet[0];
  if (!incoming) return existing;
  const first = existing[0];
  // The sheet has no issuer column: keep the recorded issuer of the same licence.
  const issuer =
    first && first.type === incoming.type && first.number === incoming.number
      ? first.issuer
      : incoming.issuer;
  return [{ ...incoming, issuer }, ...existing.slice(1)];
}

/** Validates an uploaded sheet and stores the plan; nothing is written to the registry yet. */
export async function previewImport(
  deps: ServiceDeps,
  ctx: RequestContext,
  file: { name: string; buffer: Buffer },
) {
  const actor = requireActor(ctx);
  const { header, rows } = await readFirstSheet(file.buffer, MAX_IMPORT_ROWS);
  const keys = header.map((h) => KEY_OF_HEADER.get(h.replace(/[*＊\s]/g, '')) ?? null);
  const missing = ENTERPRISE_SHEET_COLUMNS.filter((c) => c.required && !keys.includes(c.key)).map(
    (c) => c.header,
  );
  if (missing.length > 0) {
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: `缺少必填列：${missing.join('、')}（请使用导入模板）` },
    ]);
  }
  if (rows.length === 0) {
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: '文件中没有数据行' },
    ]);
  }
  const districts = await districtIndex(deps, actor);
  const errors: RowError[] = [];
  const candidates: {
    rowNumber: number;
    input: CreateEnterpriseInput;
    leader: PersonCells;
    safety: PersonCells;
  }[] = [];
  const summaries: RowSummary[] = [];
  const firstRowOfCode = new Map<string, number>();

  for (const { rowNumber, cells } of rows) {
    const sheetRow: SheetRow = {};
    keys.forEach((k, i) => {
      if (k) sheetRow[k] = cells[i] ?? '';
    });
    const parsed = parseSheetRow(sheetRow);
    const rowErrors: RowError[] = parsed.errors.map((e) => ({
      rowNumber,
      column: e.column,
      header: HEADER_OF.get(e.column)!,
      message: e.message,
    }));
    const add = (column: SheetKey | 'row', message: string) =>
      rowErrors.push({
        rowNumber,
        column,
        header: column === 'row' ? '' : HEADER_OF.get(column)!,
        message,
      });
    const v = parsed.values;
    const orgUnitId = v.district ? districts.get(v.district) : undefined;
    if (v.district && orgUnitId === undefined) add('district', `“${v.district}”不是本辖区的区县`);
    if (
      v.sector &&
      SECTOR_SCOPED_ROLES.includes(actor.role) &&
      actor.sectors &&
      !actor.sectors.includes(v.sector)
    ) {
      add('sector', '无权导入该行业领域的企业');
    }
    if (rowErrors.length === 0) {
      const result = createEnterpriseSchema.safeParse({
        name: v.name,
        creditCode: v.creditCode,
        sector: v.sector,
        subType: v.subType,
        tags: v.tags,
        orgUnitId,
        address: v.address,
        longitude: v.longitude,
        latitude: v.latitude,
        status: v.status,
        statusDate: v.statusDate,
        statusReason: v.statusReason,
        employees: v.employees,
        safetyAgency: v.safetyAgency,
        safetyStaffCount: v.safetyStaffCount,
        licences: v.licence ? [{ ...v.licence, issuer: null }] : [],
      });
      if (result.success) {
        const earlier = firstRowOfCode.get(result.data.creditCode);
        if (earlier !== undefined) add('creditCode', `与第${earlier}行的统一社会信用代码重复`);
        else {
          firstRowOfCode.set(result.data.creditCode, rowNumber);
          candidates.push({ rowNumber, input: result.data, leader: v.leader, safety: v.safety });
        }
      } else {
        for (const issue of result.error.issues) {
          const field = String(issue.path[0] ?? 'row');
          const column = (
            field === 'orgUnitId' ? 'district' : field === 'licences' ? 'licenceNumber' : field
          ) as SheetKey;
          add(HEADER_OF.has(column) ? column : 'row', issue.message);
        }
      }
    }
    errors.push(...rowErrors);
    summaries.push({
      rowNumber,
      name: v.name,
      creditCode: v.creditCode,
      action: 'error',
      errors: rowErrors.map((e) => ({ column: e.column, header: e.header, message: e.message })),
    });
  }

  // Decide create / update / unchanged against the registry, 500 codes at a time.
  const planned: PlannedRow[] = [];
  const byRow = new Map(summaries.map((s) => [s.rowNumber, s]));
  for (let i = 0; i < candidates.length; i += 500) {
    const chunk = candidates.slice(i, i + 500);
    const existing = await repo.findEnterprisesByCreditCodes(
      deps.db.kysely,
      chunk.map((c) => c.input.creditCode),
    );
    const byCode = new Map(existing.map((e) => [e.credit_code, e]));
    const people = existing.length
      ? await deps.db.kysely
          .selectFrom('enterprise_people')
          .select(['enterprise_id', 'kind', 'name', 'phone', 'assessed'])
          .where(
            'enterprise_id',
            'in',
            existing.map((e) => e.id),
          )
          .where('voided_at', 'is', null)
          .where('kind', 'in', ['main_leader', 'safety_manager'])
          .orderBy('id')
          .execute()
      : [];
    for (const c of chunk) {
      const summary = byRow.get(c.rowNumber)!;
      const found = byCode.get(c.input.creditCode);
      if (found && !canSeeEnterprise(actor, found)) {
        const message = '该企业已在其他辖区或行业登记，无权修改';
        summary.errors.push({
          column: 'creditCode',
          header: HEADER_OF.get('creditCode')!,
          message,
        });
        errors.push({
          rowNumber: c.rowNumber,
          column: 'creditCode',
          header: HEADER_OF.get('creditCode')!,
          message,
        });
        continue;
      }
      let action: PlannedRow['action'] = 'create';
      if (found) {
        const input = {
          ...c.input,
          licences: mergeLicences(JSON.parse(found.licences) as Licence[], c.input.licences),
        };
        c.input = input;
        const cols = repo.enterpriseColumns(input);
        const changed = Object.entries(cols).some(
          ([k, val]) => (found as Record<string, unknown>)[k] !== val,
        );
        const leader = people.find((p) => p.enterprise_id === found.id && p.kind === 'main_leader');
        const safety = people.find(
          (p) => p.enterprise_id === found.id && p.kind === 'safety_manager',
        );
        action =
          changed || !samePerson(c.leader, leader) || !samePerson(c.safety, safety)
            ? 'update'
            : 'unchanged';
      }
      summary.action = action;
      planned.push({
        rowNumber: c.rowNumber,
        action,
        existingId: found?.id ?? null,
        existingVersion: found?.version ?? null,
        input: c.input,
        leader: c.leader,
        safety: c.safety,
      });
    }
  }

  const errorRows = summaries.filter((s) => s.errors.length > 0).length;
  const count = (a: PlannedRow['action']) => planned.filter((p) => p.action === a).length;
  const payload: ImportPayload = { planned, errors, summaries };
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const { id: importId } = await trx
      .insertInto('enterprise_imports')
      .values({
        user_id: actor.userId,
        org_unit_id: actor.orgUnitId,
        file_name: file.name.slice(0, 200),
        file_sha256: crypto.createHash('sha256').update(file.buffer).digest('hex'),
        status: 'previewed',
        total_rows: rows.length,
        error_rows: errorRows,
        created_count: count('create'),
        updated_count: count('update'),
        unchanged_count: count('unchanged'),
        skipped_count: errorRows,
        payload: JSON.stringify(payload),
        created_at: at,
        committed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.audit.append(trx, ctx, {
      action: 'enterprise.import_previewed',
      entityType: 'enterprise_import',
      entityId: Number(importId),
      changes: { fileName: file.name, rows: rows.length, errorRows },
    });
    return Number(importId);
  });
  return getImport(deps, ctx, id);
}

/** The sectors an uploader may import (null: any), from their role and sector list. */
function uploaderSectors(role: string, sectors: string | null): Sector[] | null {
  if (!SECTOR_SCOPED_ROLES.includes(role as Role) || sectors === null) return null;
  return JSON.parse(sectors) as Sector[];
}

/**
 * Whether a staff member limited to `viewer` sectors (null: all) may see an import by an uploader
 * limited to `uploader` sectors. The rows name enterprises of any sector the uploader may
 * import, so a sector-scoped office sees only imports confined to its own sectors (not another
 * office's, nor the bureau's, which may hold any sector).
 */
function importConfinedTo(viewer: Sector[] | null, uploader: Sector[] | null): boolean {
  if (viewer === null) return true;
  return uploader !== null && uploader.every((s) => viewer.includes(s));
}

/**
 * An import with its plan parsed, without the plan's stored text: for 20,000 rows that text is
 * about 27 MB in memory, and a commit that kept it beside the parsed plan ran a server worker
 * (WORKER_HEAP_MB=128) out of heap.
 */
async function loadImportPlan(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const { payload, ...record } = await loadImport(deps, ctx, id);
  return { record, payload: JSON.parse(payload) as ImportPayload };
}

async function loadImport(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await deps.db.kysely
    .selectFrom('enterprise_imports as i')
    .innerJoin('org_units as o', 'o.id', 'i.org_unit_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .selectAll('i')
    .select([
      'o.path as org_path',
      'u.display_name as user_name',
      'u.role as user_role',
      'u.sectors as user_sectors',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
  // Imports are visible in the territory of the unit that made them, to the sectors they hold.
  if (
    !row ||
    !isInSubtree(row.org_path, actor.territoryPath) ||
    !importConfinedTo(staffSectors(actor), uploaderSectors(row.user_role, row.user_sectors))
  ) {
    throw notFound();
  }
  return row;
}

function importView(
  row: Omit<Awaited<ReturnType<typeof loadImport>>, 'user_role' | 'user_sectors'>,
  withRows: boolean,
) {
  const payload = withRows ? (JSON.parse(row.payload) as ImportPayload) : null;
  return {
    id: row.id,
    fileName: row.file_name,
    status: row.status as 'previewed' | 'committed' | 'discarded',
    userName: row.user_name,
    totalRows: row.total_rows,
    errorRows: row.error_rows,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    skipped: row.skipped_count,
    createdAt: row.created_at,
    committedAt: row.committed_at,
    rows: payload ? payload.summaries : [],
  };
}

/** One import record with its row results. */
export async function getImport(deps: ServiceDeps, ctx: RequestContext, id: number) {
  return importView(await loadImport(deps, ctx, id), true);
}

/** The import records of the caller's territory, newest first. */
export async function listImports(
  deps: ServiceDeps,
  ctx: RequestContext,
  page: { page: number; pageSize: number },
) {
  const actor = requireActor(ctx);
  const viewer = staffSectors(actor);
  let base = deps.db.kysely
    .selectFrom('enterprise_imports as i')
    .innerJoin('org_units as o', 'o.id', 'i.org_unit_id')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .where('o.path', 'like', `${actor.territoryPath}%`);
  if (viewer !== null) {
    // The uploaders of the territory whose imports the viewer may see (a few dozen staff).
    const uploaders = await deps.db.kysely
      .selectFrom('users as u')
      .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
      .select(['u.id', 'u.role', 'u.sectors'])
      .where('o.path', 'like', `${actor.territoryPath}%`)
      .where('u.role', 'in', SECTOR_SCOPED_ROLES)
      .where('u.sectors', 'is not', null)
      .execute();
    const visible = uploaders
      .filter((u) => importConfinedTo(viewer, uploaderSectors(u.role, u.sectors)))
      .map((u) => u.id);
    base = base.where('i.user_id', 'in', visible.length ? visible : [-1]);
  }
  const [items, count] = await Promise.all([
    base
      .selectAll('i')
      .select(['o.path as org_path', 'u.display_name as user_name'])
      .orderBy('i.id', 'desc')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((r) => importView(r, false)),
    total: Number(count.n),
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function upsertPerson(
  trx: Transaction<Database>,
  enterpriseId: number,
  kind: 'main_leader' | 'safety_manager',
  cells: PersonCells,
  at: string,
): Promise<void> {
  if (!cells) return;
  const current = (await repo.listPeople(trx, enterpriseId, kind))[0];
  const input = {
    kind,
    name: cells.name,
    position: current?.position ?? null,
    phone: cells.phone,
    idNumber: current?.id_number ?? null,
    assessed: cells.assessed,
    specialty: current?.specialty ?? null,
  };
  if (!current) {
    await repo.insertPerson(trx, enterpriseId, input, at);
  } else if (!samePerson(cells, current)) {
    await repo.updatePersonIfVersion(trx, current.id, current.version, {
      ...repo.personColumns(input),
      updated_at: at,
    });
  }
}

/**
 * Writes every valid row of a previewed import in one transaction: all of them or none. If a
 * matched enterprise changed since the preview, nothing is written and the user previews again.
 */
export async function commitImport(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const { record, payload } = await loadImportPlan(deps, ctx, id);
  if (record.status !== 'previewed') {
    throw new AppError(409, ErrorCode.Conflict, [
      { path: 'id', message: '该导入已处理，不能重复导入' },
    ]);
  }
  if (record.user_id !== actor.userId) {
    throw new AppError(403, ErrorCode.Forbidden, [{ path: 'id', message: '只能由上传人确认导入' }]);
  }
  const at = nowIso();
  const creates = payload.planned.filter((p) => p.action === 'create');
  const updates = payload.planned.filter((p) => p.action === 'update');
  await inTransaction(deps, async (trx) => {
    const audit: AuditEntry[] = [];
    // New enterprises: refuse the whole batch if any was registered meanwhile, then insert in bulk.
    for (let i = 0; i < creates.length; i += CHUNK) {
      const chunk = creates.slice(i, i + CHUNK);
      const taken = await repo.findEnterprisesByCreditCodes(
        trx,
        chunk.map((c) => c.input.creditCode),
      );
      if (taken.length > 0) {
        const row = chunk.find((c) => c.input.creditCode === taken[0]!.credit_code)!;
        throw new AppError(409, ErrorCode.Conflict, [
          { path: 'id', message: `第${row.rowNumber}行的企业已被他人登记，请重新上传预览` },
        ]);
      }
      const values = chunk.map((c) => ({
        ...repo.enterpriseColumns(c.input),
        created_at: at,
        updated_at: at,
        version: 1,
      }));
      await trx.insertInto('enterprises').values(values).execute();
      const ids = new Map(
        (
          await trx
            .selectFrom('enterprises')
            .select(['id', 'credit_code'])
            .where(
              'credit_code',
              'in',
              chunk.map((c) => c.input.creditCode),
            )
            .execute()
        ).map((r) => [r.credit_code, r.id]),
      );
      const people = chunk.flatMap((c) => {
        const enterpriseId = ids.get(c.input.creditCode)!;
        return (
          [
            ['main_leader', c.leader],
            ['safety_manager', c.safety],
          ] as const
        )
          .filter(([, cells]) => cells !== null)
          .map(([kind, cells]) => ({
            enterprise_id: enterpriseId,
            kind,
            name: cells!.name,
            position: null,
            phone: cells!.phone,
            id_number: null,
            assessed: cells!.assessed === null ? null : cells!.assessed ? 1 : 0,
            specialty: null,
            created_at: at,
            updated_at: at,
            voided_at: null,
            void_reason: null,
            version: 1,
          }));
      });
      if (people.length > 0) await trx.insertInto('enterprise_people').values(people).execute();
      values.forEach((v, k) =>
        audit.push({
          action: 'enterprise.created',
          entityType: 'enterprise',
          entityId: ids.get(chunk[k]!.input.creditCode)!,
          changes: { importId: id, ...diffRecords(null, v) },
        }),
      );
      // Written chunk by chunk (the chain continues across calls in the transaction): held to
      // the end, 20,000 entries with their field lists outgrew a server worker's heap.
      await deps.audit.appendMany(trx, ctx, audit.splice(0));
    }
    // Matched enterprises: each must still be at the version the preview saw.
    for (const row of updates) {
      const before = await repo.findEnterprise(trx, row.existingId!);
      if (!before || before.version !== row.existingVersion) {
        throw new AppError(409, ErrorCode.Conflict, [
          { path: 'id', message: `第${row.rowNumber}行的企业在预览后被修改过，请重新上传预览` },
        ]);
      }
      const set = { ...repo.enterpriseColumns(row.input), updated_at: at };
      await repo.updateEnterpriseIfVersion(trx, before.id, before.version, set);
      await upsertPerson(trx, before.id, 'main_leader', row.leader, at);
      await upsertPerson(trx, before.id, 'safety_manager', row.safety, at);
      audit.push({
        action: 'enterprise.updated',
        entityType: 'enterprise',
        entityId: before.id,
        changes: { importId: id, ...diffRecords(before, { ...before, ...set }) },
      });
    }
    await trx
      .updateTable('enterprise_imports')
      .set({
        status: 'committed',
        committed_at: at,
        created_count: creates.length,
        updated_count: updates.length,
      })
      .where('id', '=', id)
      .execute();
    audit.push({
      action: 'enterprise.import_committed',
      entityType: 'enterprise_import',
      entityId: id,
      changes: {
        created: creates.length,
        updated: updates.length,
        unchanged: record.unchanged_count,
        skipped: record.skipped_count,
      },
    });
    await deps.audit.appendMany(trx, ctx, audit);
  });
  return getImport(deps, ctx, id);
}

/** Streams the filtered enterprise list as .xlsx with the template's columns. */
export async function exportEnterprises(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: Omit<EnterpriseListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const scope = await enterpriseScopeOf(deps, ctx);
  const filter = enterpriseFilterOf(deps, query);
  const { workbook, stream } = streamingWorkbook();
  const sheet = workbook.addWorksheet('企业信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ENTERPRISE_SHEET_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    for await (const batch of repo.iterateEnterprises(deps.db.kysely, scope, filter)) {
      const people = await deps.db.kysely
        .selectFrom('enterprise_people')
        .select(['enterprise_id', 'kind', 'name', 'phone', 'assessed'])
        .where(
          'enterprise_id',
          'in',
          batch.map((b) => b.id),
        )
        .where('voided_at', 'is', null)
        .where('kind', 'in', ['main_leader', 'safety_manager'])
        .orderBy('id')
        .execute();
      for (const e of batch) {
        const person = (kind: string) => {
          const p = people.find((x) => x.enterprise_id === e.id && x.kind === kind);
          return p
            ? {
                name: p.name,
                phone: p.phone,
                assessed: p.assessed === null ? null : p.assessed === 1,
              }
            : null;
        };
        const licence = (JSON.parse(e.licences) as Licence[])[0];
        const cells = formatSheetRow({
          name: e.name,
          creditCode: e.credit_code,
          sector: e.sector as CreateEnterpriseInput['sector'],
          subType: e.sub_type,
          tags: JSON.parse(e.tags) as EnterpriseTag[],
          district: e.district_name,
          districtName: e.district_name,
          address: e.address,
          longitude: e.longitude,
          latitude: e.latitude,
          status: e.status as CreateEnterpriseInput['status'],
          statusDate: e.status_date,
          statusReason: e.status_reason,
          employees: e.employees,
          leader: person('main_leader'),
          safety: person('safety_manager'),
          safetyAgency: e.safety_agency as CreateEnterpriseInput['safetyAgency'],
          safetyStaffCount: e.safety_staff_count,
          licence: licence
            ? { type: licence.type, number: licence.number, expiry: licence.expiry }
            : null,
        });
        sheet.addRow(safeCells(cells)).commit();
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
