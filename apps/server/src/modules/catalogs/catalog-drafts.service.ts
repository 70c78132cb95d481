import {
  type CatalogDescriptor,
  type CatalogId,
  type CatalogItem,
  type CatalogItemInput,
  catalogItemSchema,
  catalogSchema,
  diffCatalogItems,
  diffSummaryText,
  ErrorCode,
  isEmptyDiff,
  type UpdateCatalogItemInput,
} from '@hazard-ledger/domain';
import { isUniqueViolation } from '../../db/dialect.js';
import type { CatalogVersionRow } from '../../db/schema.js';
import {
  AppError,
  conflict,
  fieldError,
  forbidden,
  notFound,
  staleVersion,
} from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { descriptorOf, toCatalogItem, toItemView } from './catalog-views.js';
import * as repo from './catalogs.repository.js';
import {
  assertCanManage,
  assertDraft,
  canManageCatalog,
  loadVersion,
  versionView,
} from './catalogs.service.js';

// Changing catalogs: drafts from the current version, local items, edits, voids, publishing.

/** Who created or published something, as stored beside the user id. */
export function actorName(actor: SessionActor): string {
  return `${actor.displayName}(${actor.username})`;
}

/** The current published version of a catalog; 409 if there is none yet. */
export async function getCurrentOrConflict(
  deps: ServiceDeps,
  catalogId: CatalogId,
): Promise<CatalogVersionRow> {
  const current = await repo.findCurrentVersion(deps.db.kysely, catalogId);
  if (!current) throw conflict('catalogId', '该判定标准尚无已发布版本');
  return current;
}

/** Refuses a second draft: one catalog has at most one open draft. */
export async function assertNoDraft(deps: ServiceDeps, catalogId: CatalogId): Promise<void> {
  const draft = await repo.findDraft(deps.db.kysely, catalogId);
  if (draft) {
    throw new AppError(
      409,
      ErrorCode.Conflict,
      [{ path: 'catalogId', message: `已有草稿（第${draft.version}版），请先发布或废弃` }],
      { draftVersion: draft.version },
    );
  }
}

/** Maps a lost race for the one-draft-per-catalog index to the same 409. */
export function draftRace(err: unknown): never {
  if (isUniqueViolation(err)) throw conflict('catalogId', '已有草稿，请先发布或废弃');
  throw err;
}

/** The live items of a stored version as domain items. */
export async function itemsOf(deps: ServiceDeps, row: CatalogVersionRow): Promise<CatalogItem[]> {
  const rows = await repo.listAllItems(deps.db.kysely, [row.id]);
  return rows.map((r) => toCatalogItem(r, row.catalog_id));
}

/** Starts a draft as a copy of the current published version. */
export async function createDraft(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  input: { note: string | null },
) {
  const actor = requireActor(ctx);
  const current = await getCurrentOrConflict(deps, catalogId);
  assertCanManage(actor, current);
  await assertNoDraft(deps, catalogId);
  const items = await itemsOf(deps, current);
  const at = nowIso();
  const created = await inTransaction(deps, async (trx) => {
    const version = await repo.nextVersionNumber(trx, catalogId);
    const id = await repo.insertDraftVersion(trx, {
      catalogId,
      version,
      descriptor: current.descriptor,
      basedOnVersion: current.version,
      source: 'draft',
      sourceFileName: null,
      note: input.note,
      diffSummary: null,
      diff: null,
      createdBy: actor.userId,
      createdByName: actorName(actor),
      at,
    });
    await repo.insertItems(trx, id, items, at);
    await deps.audit.append(trx, ctx, {
      action: 'catalog.draft_created',
      entityType: 'catalog_version',
      entityId: id,
      changes: {
        catalogId: [null, catalogId],
        version: [null, version],
        basedOn: [null, current.version],
      },
    });
    return version;
  }).catch(draftRace);
  const row = await repo.findVersion(deps.db.kysely, catalogId, created);
  return versionView(deps, actor, row!);
}

/** Loads a draft the caller may change. */
async function loadEditableDraft(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
): Promise<CatalogVersionRow> {
  const row = await loadVersion(deps, ctx, catalogId, version);
  assertCanManage(requireActor(ctx), row);
  assertDraft(row);
  return row;
}

/** Checks an edited or new item against the item rules and the catalog's sections and sectors. */
function checkItem(descriptor: CatalogDescriptor, item: CatalogItem): CatalogItem {
  if (!descriptor.sections.some((s) => s.name === item.section)) {
    throw fieldError('section', `章节应为：${descriptor.sections.map((s) => s.name).join('、')}`);
  }
  if (!item.appliesTo.sectors.every((s) => descriptor.sectors.includes(s))) {
    throw fieldError('appliesTo.sectors', '适用行业超出本标准');
  }
  const parsed = catalogItemSchema.safeParse(item);
  if (!parsed.success) {
    throw new AppError(
      400,
      ErrorCode.ValidationFailed,
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/** The next local code of a catalog: `<catalog>-L<nn>`, never reusing a number. */
async function nextLocalCode(deps: ServiceDeps, catalogId: CatalogId): Promise<string> {
  const used = await repo.localCodesEverUsed(deps.db.kysely, catalogId);
  const max = used.reduce((m, code) => {
    const n = Number(/-L(\d+)$/.exec(code)?.[1] ?? 0);
    return Math.max(m, n);
  }, 0);
  return `${catalogId}-L${String(max + 1).padStart(2, '0')}`;
}

/** Adds a local supplementary item (地方补充) to a draft; the code is assigned here. */
export async function addLocalItem(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  input: CatalogItemInput,
) {
  const row = await loadEditableDraft(deps, ctx, catalogId, version);
  const descriptor = descriptorOf(row);
  if (input.parentCode !== null) {
    const parent = await repo.findItem(deps.db.kysely, row.id, input.parentCode);
    if (!parent || parent.voided_at !== null) throw fieldError('parentCode', '上级条目不存在');
  }
  const code = await nextLocalCode(deps, catalogId);
  const item = checkItem(descriptor, {
    ...input,
    code,
    standard: catalogId,
    sourceStatus: null,
    local: true,
  });
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ordinal = (await repo.maxOrdinal(trx, row.id)) + 1;
    if (!(await repo.touchDraft(trx, row.id, at))) throw conflict('version', '草稿已发布或废弃');
    await repo.insertItems(trx, row.id, [item], at, ordinal);
    await deps.audit.append(trx, ctx, {
      action: 'catalog.item_added',
      entityType: 'catalog_item',
      entityId: `${catalogId}@${version}/${code}`,
      changes: diffRecords(null, repo.itemColumns(item)),
    });
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw conflict('code', '条目编码已被占用，请重试');
    throw err;
  });
  const saved = await repo.findItem(deps.db.kysely, row.id, code);
  return toItemView(saved!, row);
}

/** Edits an item of a draft (national or local); the code and source status stay. */
export async function updateItem(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  code: string,
  input: UpdateCatalogItemInput,
) {
  const row = await loadEditableDraft(deps, ctx, catalogId, version);
  const before = await repo.findItem(deps.db.kysely, row.id, code);
  if (!before) throw notFound();
  if (before.voided_at !== null) throw conflict('code', '该条目已作废');
  if (before.version !== input.version) throw staleVersion();
  if (input.parentCode !== null) {
    const parent = await repo.findItem(deps.db.kysely, row.id, input.parentCode);
    if (!parent || parent.voided_at !== null || input.parentCode === code) {
      throw fieldError('parentCode', '上级条目不存在');
    }
  }
  const old = toCatalogItem(before, catalogId);
  const { version: _v, ...fields } = input;
  const item = checkItem(descriptorOf(row), { ...old, ...fields });
  const set = { ...repo.itemColumns(item), updated_at: nowIso() };
  await inTransaction(deps, async (trx) => {
    if (!(await repo.updateItemIfVersion(trx, before.id, input.version, set))) throw staleVersion();
    if (!(await repo.touchDraft(trx, row.id, set.updated_at))) {
      throw conflict('version', '草稿已发布或废弃');
    }
    await deps.audit.append(trx, ctx, {
      action: 'catalog.item_updated',
      entityType: 'catalog_item',
      entityId: `${catalogId}@${version}/${code}`,
      changes: diffRecords(before, { ...before, ...set }),
    });
  });
  const saved = await repo.findItem(deps.db.kysely, row.id, code);
  return toItemView(saved!, row);
}

/** Voids an item of a draft: it is left out of the version when published. */
export async function voidItem(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  code: string,
  input: { reason: string; version: number },
): Promise<void> {
  const row = await loadEditableDraft(deps, ctx, catalogId, version);
  const before = await repo.findItem(deps.db.kysely, row.id, code);
  if (!before) throw notFound();
  if (before.voided_at !== null) throw conflict('code', '该条目已作废');
  const children = (await repo.listAllItems(deps.db.kysely, [row.id])).filter(
    (i) => i.parent_code === code,
  );
  if (children.length > 0) {
    throw conflict('code', `请先作废下级条目：${children.map((c) => c.code).join('、')}`);
  }
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = { voided_at: at, void_reason: input.reason, updated_at: at };
    if (!(await repo.updateItemIfVersion(trx, before.id, input.version, set))) throw staleVersion();
    if (!(await repo.touchDraft(trx, row.id, at))) throw conflict('version', '草稿已发布或废弃');
    await deps.audit.append(trx, ctx, {
      action: 'catalog.item_voided',
      entityType: 'catalog_item',
      entityId: `${catalogId}@${version}/${code}`,
      changes: { voided_at: [null, at], void_reason: [null, input.reason] },
    });
  });
}

/**
 * Publishes a draft: checked as a whole catalog, compared with the current version (the diff is
 * stored), then frozen. It becomes the current version; the previous one stays readable.
 */
export async function publishVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  input: { revision: number; note: string | null },
) {
  const actor = requireActor(ctx);
  const row = await loadEditableDraft(deps, ctx, catalogId, version);
  if (row.revision !== input.revision) throw staleVersion();
  const items = await itemsOf(deps, row);
  const whole = catalogSchema.safeParse({
    catalog: descriptorOf(row),
    items,
    unattributedFragments: [],
    unnumberedTexts: [],
  });
  if (!whole.success) {
    throw new AppError(
      400,
      ErrorCode.ValidationFailed,
      whole.error.issues.map((i) => {
        const [, index, ...rest] = i.path;
        const code = typeof index === 'number' ? items[index]?.code : undefined;
        return {
          path: code ? `items.${code}.${rest.join('.')}` : i.path.join('.'),
          message: code ? `${code}：${i.message}` : i.message,
        };
      }),
    );
  }
  const current = await repo.findCurrentVersion(deps.db.kysely, catalogId);
  const diff = diffCatalogItems(current ? await itemsOf(deps, current) : [], items);
  if (current && isEmptyDiff(diff)) {
    throw conflict('revision', '草稿与现行版本内容相同，无需发布');
  }
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.closeDraftIfRevision(trx, row.id, input.revision, {
      status: 'published',
      published_at: at,
      published_by: actor.userId,
      published_by_name: actorName(actor),
      diff: JSON.stringify(diff),
      diff_summary: diffSummaryText(diff),
      note: input.note ?? row.note,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'catalog.version_published',
      entityType: 'catalog_version',
      entityId: row.id,
      changes: {
        catalogId: [null, catalogId],
        version: [current?.version ?? null, version],
        summary: diff.summary,
      },
    });
  });
  const saved = await repo.findVersion(deps.db.kysely, catalogId, version);
  return versionView(deps, actor, saved!);
}

/** Discards a draft (kept, with its reason; its number is not reused). */
export async function discardVersion(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
  version: number,
  input: { revision: number; reason: string },
) {
  const actor = requireActor(ctx);
  const row = await loadEditableDraft(deps, ctx, catalogId, version);
  if (row.revision !== input.revision) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.closeDraftIfRevision(trx, row.id, input.revision, {
      status: 'discarded',
      discarded_at: at,
      discard_reason: input.reason,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'catalog.draft_discarded',
      entityType: 'catalog_version',
      entityId: row.id,
      changes: { status: ['draft', 'discarded'], reason: [null, input.reason] },
    });
  });
  const saved = await repo.findVersion(deps.db.kysely, catalogId, version);
  return versionView(deps, actor, saved!);
}

/** Refuses a caller who may not manage any version of this catalog (before a file is read). */
export async function assertCanManageCatalog(
  deps: ServiceDeps,
  ctx: RequestContext,
  catalogId: CatalogId,
): Promise<CatalogVersionRow> {
  const current = await getCurrentOrConflict(deps, catalogId);
  if (!canManageCatalog(requireActor(ctx), descriptorOf(current).sectors)) throw forbidden();
  return current;
}
