import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULT_TABLE_LAYOUTS,
  ErrorCode,
  type HazardListLayout,
  type ProgressTableLayout,
  REPORT_TABLE_KEYS,
  type ReportLayoutView,
  type ReportTableKey,
  SECTOR_TABLE,
  type Sector,
  type TableLayout,
  hazardListLayoutSchema,
  progressTableLayoutSchema,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';

// The layouts of the dispatch tables in force (issue 9 item 2). The defaults live in the
// domain; the bureau may replace a table's layout (to match a template from the city) and go
// back to the default. Every replacement is a new row, so what was in force when is kept; a
// submitted report stores the layouts it was drawn with and is unaffected by later changes.

type Q = Kysely<Database> | Transaction<Database>;

/** The newest stored layout of each table (absent: the default is in force). */
async function latestRows(db: Q) {
  const rows = await db
    .selectFrom('report_layouts as l')
    .selectAll()
    .where('l.id', 'in', (eb) =>
      eb
        .selectFrom('report_layouts')
        .select((s) => s.fn.max('id').as('id'))
        .groupBy('table_key'),
    )
    .execute();
  return new Map(rows.map((r) => [r.table_key as ReportTableKey, r]));
}

function sameLayout(a: TableLayout, b: TableLayout): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function listLayouts(deps: ServiceDeps): Promise<ReportLayoutView[]> {
  const latest = await latestRows(deps.db.kysely);
  return REPORT_TABLE_KEYS.map((table) => {
    const row = latest.get(table);
    const layout = row ? (JSON.parse(row.layout) as TableLayout) : DEFAULT_TABLE_LAYOUTS[table];
    return {
      table,
      layout,
      isDefault: sameLayout(layout, DEFAULT_TABLE_LAYOUTS[table]),
      updatedAt: row?.created_at ?? null,
      updatedByName: row?.created_by_name ?? null,
      note: row?.note ?? null,
    };
  });
}

/** The layouts a report of a sector is drawn with now. */
export async function layoutsInForce(
  db: Q,
  sector: Sector,
): Promise<{ progress: ProgressTableLayout; hazardList: HazardListLayout }> {
  const latest = await latestRows(db);
  const read = (table: ReportTableKey): TableLayout => {
    const row = latest.get(table);
    return row ? (JSON.parse(row.layout) as TableLayout) : DEFAULT_TABLE_LAYOUTS[table];
  };
  const progress = read(SECTOR_TABLE[sector]);
  const hazardList = read('annex5');
  // The schema ties each table key to its kind (checked on save); a mismatch means a bad row.
  if (progress.kind !== 'progress' || hazardList.kind !== 'hazard_list')
    throw new Error('stored report layout has the wrong kind');
  return { progress, hazardList };
}

/** Which kind (and sector) each table must have. */
function expectedShape(table: ReportTableKey): { kind: TableLayout['kind']; sector?: Sector } {
  if (table === 'annex5') return { kind: 'hazard_list' };
  const sector = (Object.keys(SECTOR_TABLE) as Sector[]).find((s) => SECTOR_TABLE[s] === table);
  return { kind: 'progress', sector };
}

async function store(
  deps: ServiceDeps,
  ctx: RequestContext,
  table: ReportTableKey,
  layout: TableLayout,
  note: string | null,
  action: string,
): Promise<ReportLayoutView[]> {
  const actor = requireActor(ctx);
  await inTransaction(deps, async (trx) => {
    const before = (await latestRows(trx)).get(table);
    const at = nowIso();
    const inserted = await trx
      .insertInto('report_layouts')
      .values({
        table_key: table,
        layout: JSON.stringify(layout),
        note,
        created_at: at,
        created_by: actor.userId,
        created_by_name: actor.displayName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.audit.append(trx, ctx, {
      action,
      entityType: 'report_layout',
      entityId: Number(inserted.id),
      changes: {
        table: [null, table],
        layout: [before ? JSON.parse(before.layout) : DEFAULT_TABLE_LAYOUTS[table], layout],
        note: [null, note],
      },
    });
  });
  return listLayouts(deps);
}

/** Replaces a table's layout after validating it; errors name the field path under `layout`. */
export async function replaceLayout(
  deps: ServiceDeps,
  ctx: RequestContext,
  table: ReportTableKey,
  input: { layout: unknown; note?: string },
): Promise<ReportLayoutView[]> {
  const shape = expectedShape(table);
  // Validate against the table's own kind, so errors point into the layout, not at the union.
  const schema = shape.kind === 'progress' ? progressTableLayoutSchema : hazardListLayoutSchema;
  const parsed = schema.safeParse(input.layout);
  if (!parsed.success) {
    throw new AppError(
      400,
      ErrorCode.ValidationFailed,
      parsed.error.issues.map((i) => ({
        path: ['layout', ...i.path].join('.'),
        message: i.message,
      })),
    );
  }
  const layout: TableLayout = parsed.data;
  if (layout.kind !== shape.kind)
    throw new AppError(400, ErrorCode.ValidationFailed, [
      {
        path: 'layout.kind',
        message:
          shape.kind === 'progress'
            ? '附件1–4应为进展情况调度表（progress）'
            : '附件5应为问题清单（hazard_list）',
      },
    ]);
  if (layout.kind === 'progress' && layout.sector !== shape.sector)
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'layout.sector', message: '表样的行业与该附件不一致' },
    ]);
  return store(deps, ctx, table, layout, input.note?.trim() || null, 'report_layout.replaced');
}

/** Puts a table back on its default layout (as a new row, so the history stays). */
export async function resetLayout(
  deps: ServiceDeps,
  ctx: RequestContext,
  table: ReportTableKey,
): Promise<ReportLayoutView[]> {
  return store(
    deps,
    ctx,
    table,
    DEFAULT_TABLE_LAYOUTS[table],
    '恢复默认表样',
    'report_layout.reset',
  );
}
