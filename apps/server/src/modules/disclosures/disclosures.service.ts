import type { Readable } from 'node:stream';
import {
  availableDisclosureActions,
  canAccessRecord,
  checkPublicationWindow,
  cleanPersonNames,
  type CreateDisclosureInput,
  DISCLOSURE_ACTION_LABELS,
  DISCLOSURE_TRANSITIONS,
  type DisclosureAction,
  type DisclosureActionRequest,
  type DisclosureDetail,
  type DisclosureFacts,
  type DisclosureKind,
  type DisclosureListItem,
  disclosureActionRefusal,
  type DisclosureSourcePhoto,
  type DisclosureSourceType,
  type DisclosureStatus,
  ErrorCode,
  excerptOf,
  fenToYuan,
  HAZARD_STATUS_LABELS,
  type HazardStatus,
  isDisclosureEditable,
  PENALTY_PARTY_KIND_LABELS,
  type PenaltyPartyKind,
  type PublicCase,
  type PublicCaseListItem,
  type PublicCaseQuery,
  publicationState,
  type RedactionBox,
  redactionBoxSchema,
  redactText,
  SECTOR_SCOPED_ROLES,
  type Sector,
  type UpdateDisclosureInput,
} from '@hazard-ledger/domain';
import { z } from 'zod';
import { likeOperator } from '../../db/dialect.js';
import { AppError, conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { ImageRedactionError, redactImage } from '../../lib/redact-image.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { newStorageKey, storageFor } from '../../lib/storage.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { districtIdsUnder } from '../org/org.repository.js';
import * as repo from './disclosures.repository.js';

// Public disclosure (公开曝光 / 典型执法案例): preparing a case from a penalty case or a major
// hazard, redaction, photos with pixelated boxes, the four-eyes approval, the publication window
// and the public pages. The public functions read only the text frozen at approval and the
// pixelated copies of photos.

const ENTITY = 'disclosure';

const boxesColumnSchema = z.array(redactionBoxSchema);
const stringsColumnSchema = z.array(z.string());

function parseBoxes(json: string): RedactionBox[] {
  return boxesColumnSchema.parse(JSON.parse(json));
}
function parseStrings(json: string): string[] {
  return stringsColumnSchema.parse(JSON.parse(json));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Loads a disclosure the caller may see; anything else reads as 404. */
export async function getAccessibleDisclosure(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findDisclosure(deps.db.kysely, id);
  if (!row) throw notFound();
  if (!canAccessRecord(actor, { orgPath: row.district_path, sector: row.sector as Sector })) {
    throw notFound();
  }
  return row;
}

function factsOf(row: repo.DisclosureWithContext): DisclosureFacts {
  return {
    status: row.status as DisclosureStatus,
    preparedBy: Number(row.prepared_by),
    submittedBy: row.submitted_by === null ? null : Number(row.submitted_by),
  };
}

function listItemOf(
  row: Omit<repo.DisclosureWithContext, 'district_path'>,
  today: string,
): DisclosureListItem {
  return {
    id: Number(row.id),
    kind: row.kind as DisclosureKind,
    title: row.title,
    sector: row.sector as Sector,
    districtName: row.district_name,
    sourceType: row.source_type as DisclosureSourceType,
    sourceLabel: row.source_label,
    status: row.status as DisclosureStatus,
    state: publicationState(
      row.status as DisclosureStatus,
      { from: row.publish_from, until: row.publish_until },
      today,
    ),
    publishFrom: row.publish_from,
    publishUntil: row.publish_until,
    preparedByName: row.prepared_by_name,
    updatedAt: row.updated_at,
  };
}

// ---- Sources ----

type SourceDraft = {
  sourceId: number;
  sourceLabel: string;
  districtId: number;
  districtPath: string;
  enterpriseId: number;
  sector: Sector;
  title: string;
  text: string;
  personNames: string[];
};

/** The hazards whose photos a disclosure may use. */
async function sourceHazardIds(
  deps: ServiceDeps,
  sourceType: DisclosureSourceType,
  sourceId: number,
): Promise<number[]> {
  return sourceType === 'hazard' ? [sourceId] : repo.listCaseHazardIds(deps.db.kysely, sourceId);
}

async function draftFromPenaltyCase(deps: ServiceDeps, number: string): Promise<SourceDraft> {
  const db = deps.db.kysely;
  const c = await repo.findPenaltyCaseByNumber(db, number);
  if (!c) throw fieldError('sourceNumber', '未找到该案号的行政处罚案件');
  const parties = await repo.listCaseParties(db, c.id);
  const hazardIds = await repo.listCaseHazardIds(db, c.id);
  const penalties = parties.map((p) => {
    const role = PENALTY_PARTY_KIND_LABELS[p.kind as PenaltyPartyKind]?.zh ?? '';
    const who = p.kind === 'enterprise' ? p.name : `${role}${p.name}`;
    return `对${who}处罚款${fenToYuan(Number(p.amount_fen))}元`;
  });
  const text = [
    `案号：${c.case_no}。`,
    `${c.filed_on}，区应急管理局执法人员对${c.enterprise_name}开展执法检查，发现该单位${c.matter}。`,
    c.facts ? `经查：${c.facts}` : '',
    penalties.length ? `依法${penalties.join('，')}。` : '',
    c.decision_date ? `处罚决定于${c.decision_date}作出。` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const names = await repo.personNamesAround(db, {
    enterpriseId: c.enterprise_id,
    inspectionRecordId: c.inspection_record_id,
    hazardIds,
  });
  return {
    sourceId: c.id,
    sourceLabel: c.case_no,
    districtId: c.district_id,
    districtPath: c.district_path,
    enterpriseId: c.enterprise_id,
    sector: c.sector as Sector,
    title: `${c.enterprise_name}${c.matter}案`,
    text,
    personNames: cleanPersonNames([
      ...names,
      c.created_by_name,
      ...parties.filter((p) => p.kind !== 'enterprise').map((p) => p.name),
    ]),
  };
}

async function draftFromHazard(deps: ServiceDeps, number: string): Promise<SourceDraft> {
  const db = deps.db.kysely;
  const h = await repo.findHazardByNumber(db, number);
  if (!h) throw fieldError('sourceNumber', '未找到该编号的隐患');
  if (h.level !== 'major') throw fieldError('sourceNumber', '只能曝光重大事故隐患');
  const text = [
    `${h.found_at.slice(0, 10)}，在${h.enterprise_name}${h.place ? `${h.place}` : ''}发现重大事故隐患：${h.title}。`,
    h.description,
    h.plan_measures ? `整改措施：${h.plan_measures}` : '',
    h.deadline ? `整改期限：${h.deadline}。` : '',
    `目前状态：${HAZARD_STATUS_LABELS[h.status as HazardStatus]?.zh ?? h.status}。`,
  ]
    .filter(Boolean)
    .join('\n');
  const names = await repo.personNamesAround(db, {
    enterpriseId: h.enterprise_id,
    inspectionRecordId: null,
    hazardIds: [h.id],
  });
  return {
    sourceId: h.id,
    sourceLabel: h.number,
    districtId: h.district_id,
    districtPath: h.district_path,
    enterpriseId: h.enterprise_id,
    sector: h.sector as Sector,
    title: `${h.enterprise_name}存在重大事故隐患：${h.title}`,
    text,
    personNames: cleanPersonNames(names),
  };
}

/** Prepares a draft from a penalty case or a major hazard, its text prefilled from the record. */
export async function createDisclosure(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateDisclosureInput,
): Promise<DisclosureDetail> {
  const actor = requireActor(ctx);
  const draft =
    input.sourceType === 'penalty_case'
      ? await draftFromPenaltyCase(deps, input.sourceNumber)
      : await draftFromHazard(deps, input.sourceNumber);
  // A record outside the caller's territory reads as not found, like on its own page.
  if (!canAccessRecord(actor, { orgPath: draft.districtPath, sector: draft.sector })) {
    throw fieldError(
      'sourceNumber',
      input.sourceType === 'penalty_case' ? '未找到该案号的行政处罚案件' : '未找到该编号的隐患',
    );
  }
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const newId = await repo.insertDisclosure(trx, {
      district_id: draft.districtId,
      sector: draft.sector,
      kind: input.kind,
      source_type: input.sourceType,
      source_id: draft.sourceId,
      source_label: draft.sourceLabel,
      enterprise_id: draft.enterpriseId,
      title: draft.title,
      text: draft.text,
      person_names: JSON.stringify(draft.personNames),
      manual_redactions: '[]',
      status: 'draft',
      publish_from: null,
      publish_until: null,
      published_title: null,
      published_text: null,
      prepared_by: actor.userId,
      prepared_by_name: actor.displayName,
      submitted_by: null,
      submitted_by_name: null,
      submitted_at: null,
      return_reason: null,
      approved_by: null,
      approved_by_name: null,
      approved_at: null,
      unpublished_by: null,
      unpublished_at: null,
      unpublish_reason: null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    await deps.audit.append(trx, ctx, {
      action: 'disclosure.created',
      entityType: ENTITY,
      entityId: newId,
      changes: { kind: input.kind, sourceType: input.sourceType, sourceId: draft.sourceId },
    });
    return newId;
  });
  return getDisclosure(deps, ctx, id);
}

// ---- Staff reads ----

export async function getDisclosure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<DisclosureDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleDisclosure(deps, ctx, id);
  const rules = {
    personNames: parseStrings(row.person_names),
    manual: parseStrings(row.manual_redactions),
  };
  const photos = await repo.listPhotos(deps.db.kysely, row.id);
  const sourceType = row.source_type as DisclosureSourceType;
  const hazardIds = await sourceHazardIds(deps, sourceType, Number(row.source_id));
  const sourcePhotos: DisclosureSourcePhoto[] = (
    await repo.listHazardPhotos(deps.db.kysely, hazardIds)
  ).map((f) => ({
    fileId: Number(f.id),
    hazardId: Number(f.hazard_id),
    hazardNumber: f.hazard_number,
    fileName: f.file_name,
    mimeType: f.mime_type,
  }));
  return {
    ...listItemOf(row, todayInChina()),
    sourceId: Number(row.source_id),
    text: row.text,
    manualRedactions: rules.manual,
    personNames: rules.personNames,
    preview: { title: redactText(row.title, rules), text: redactText(row.text, rules) },
    photos: photos.map((p) => ({
      id: Number(p.id),
      sourceFileId: Number(p.source_file_id),
      fileName: p.file_name,
      mimeType: p.mime_type,
      boxes: parseBoxes(p.boxes),
      redactedReady: p.redacted_storage_key !== null,
    })),
    sourcePhotos,
    preparedBy: Number(row.prepared_by),
    submittedByName: row.submitted_by_name,
    approvedByName: row.approved_by_name,
    approvedAt: row.approved_at,
    unpublishedAt: row.unpublished_at,
    unpublishReason: row.unpublish_reason,
    returnReason: row.return_reason,
    actions: availableDisclosureActions(factsOf(row), actor),
    version: row.version,
  };
}

export type DisclosureListQuery = { page: number; pageSize: number; status?: DisclosureStatus };

export async function listDisclosures(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: DisclosureListQuery,
) {
  const actor = requireActor(ctx);
  const scope: repo.DisclosureScope = {
    districtIds: await districtIdsUnder(deps.db.kysely, actor.territoryPath),
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
  };
  const page = await repo.listDisclosurePage(deps.db.kysely, scope, query.status, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const today = todayInChina();
  return {
    items: page.items.map((r) => listItemOf(r, today)),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    countsByStatus: page.countsByStatus,
  };
}

// ---- Edits ----

function requireDraft(row: repo.DisclosureWithContext): void {
  if (!isDisclosureEditable(row.status as DisclosureStatus)) {
    throw conflict('status', '只有草稿可以修改；已提交的案例请先退回修改');
  }
}

export async function updateDisclosure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: UpdateDisclosureInput,
): Promise<DisclosureDetail> {
  const row = await getAccessibleDisclosure(deps, ctx, id);
  requireDraft(row);
  if (row.version !== input.version) throw staleVersion();
  const from = input.publishFrom === undefined ? row.publish_from : input.publishFrom;
  const until = input.publishUntil === undefined ? row.publish_until : input.publishUntil;
  if (from && until && until < from) {
    throw fieldError('publishUntil', '公开结束日期不能早于开始日期');
  }
  const changes = {
    kind: input.kind ?? row.kind,
    title: input.title ?? row.title,
    text: input.text ?? row.text,
    manual_redactions:
      input.manualRedactions === undefined
        ? row.manual_redactions
        : JSON.stringify([...new Set(input.manualRedactions)]),
    publish_from: from,
    publish_until: until,
  };
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDisclosureIfVersion(trx, id, row.version, {
      ...changes,
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'disclosure.updated',
      entityType: ENTITY,
      entityId: id,
      changes: diffRecords(
        {
          kind: row.kind,
          title: row.title,
          text: row.text,
          manual_redactions: row.manual_redactions,
          publish_from: row.publish_from,
          publish_until: row.publish_until,
        },
        changes,
      ),
    });
  });
  return getDisclosure(deps, ctx, id);
}

// ---- Workflow ----

export async function actOnDisclosure(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  request: DisclosureActionRequest,
): Promise<DisclosureDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleDisclosure(deps, ctx, id);
  const action: DisclosureAction = request.action;
  const refusal = disclosureActionRefusal(factsOf(row), action, actor);
  if (refusal) throw conflict('action', refusal);
  if (row.version !== request.version) throw staleVersion();
  const reason = request.reason?.trim() || null;
  if ((action === 'return' || action === 'unpublish') && !reason) {
    throw fieldError('reason', `${DISCLOSURE_ACTION_LABELS[action].zh}须填写原因`);
  }
  const at = nowIso();
  const to = DISCLOSURE_TRANSITIONS[row.status as DisclosureStatus][action]!.to;
  const changes: Parameters<typeof repo.updateDisclosureIfVersion>[3] = {
    status: to,
    updated_at: at,
  };
  if (action === 'submit' || action === 'approve') {
    const problems = checkPublicationWindow({ from: row.publish_from, until: row.publish_until });
    if (problems.length) throw new AppError(400, ErrorCode.ValidationFailed, problems);
    const photos = await repo.listPhotos(deps.db.kysely, id);
    if (photos.some((p) => p.redacted_storage_key === null)) {
      throw conflict('photos', '有照片尚未生成打码副本，请重新保存遮挡框');
    }
  }
  if (action === 'submit') {
    Object.assign(changes, {
      submitted_by: actor.userId,
      submitted_by_name: actor.displayName,
      submitted_at: at,
      return_reason: null,
    });
  } else if (action === 'return') {
    Object.assign(changes, { return_reason: reason });
  } else if (action === 'approve') {
    // Freeze what the public sees: the redacted text as the approver previewed it.
    const rules = {
      personNames: parseStrings(row.person_names),
      manual: parseStrings(row.manual_redactions),
    };
    Object.assign(changes, {
      approved_by: actor.userId,
      approved_by_name: actor.displayName,
      approved_at: at,
      published_title: redactText(row.title, rules).text,
      published_text: redactText(row.text, rules).text,
    });
  } else {
    Object.assign(changes, {
      unpublished_by: actor.userId,
      unpublished_at: at,
      unpublish_reason: reason,
    });
  }
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateDisclosureIfVersion(trx, id, row.version, changes);
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: `disclosure.${action}`,
      entityType: ENTITY,
      entityId: id,
      changes: {
        status: [row.status, to],
        ...(reason ? { reason } : {}),
        ...(action === 'approve'
          ? { publishFrom: row.publish_from, publishUntil: row.publish_until }
          : {}),
      },
    });
  });
  return getDisclosure(deps, ctx, id);
}

// ---- Photos ----

function refuseImage(err: unknown): never {
  if (err instanceof ImageRedactionError) throw fieldError('file', err.message);
  throw err;
}

/** Makes and stores the pixelated copy of a source photo. */
async function storeRedactedCopy(
  deps: ServiceDeps,
  storageKey: string,
  boxes: readonly RedactionBox[],
): Promise<{ key: string; mimeType: string }> {
  const storage = storageFor(deps.config);
  const original = await readAll(await storage.read(storageKey));
  let out: { buffer: Buffer; mimeType: string };
  try {
    out = redactImage(original, boxes);
  } catch (err) {
    refuseImage(err);
  }
  const key = newStorageKey('disclosures');
  await storage.put(key, out.buffer);
  return { key, mimeType: out.mimeType };
}

export async function addDisclosurePhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  sourceFileId: number,
): Promise<DisclosureDetail> {
  const row = await getAccessibleDisclosure(deps, ctx, id);
  requireDraft(row);
  const hazardIds = await sourceHazardIds(
    deps,
    row.source_type as DisclosureSourceType,
    Number(row.source_id),
  );
  const file = (await repo.listHazardPhotos(deps.db.kysely, hazardIds)).find(
    (f) => Number(f.id) === sourceFileId,
  );
  if (!file) throw fieldError('sourceFileId', '只能选用来源隐患的照片');
  const photos = await repo.listPhotos(deps.db.kysely, id);
  if (photos.some((p) => Number(p.source_file_id) === sourceFileId)) {
    throw conflict('sourceFileId', '该照片已添加');
  }
  const copy = await storeRedactedCopy(deps, file.storage_key, []);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const photoId = await repo.insertPhoto(trx, {
      disclosure_id: id,
      seq: photos.length + 1,
      source_file_id: sourceFileId,
      file_name: file.file_name,
      mime_type: file.mime_type,
      boxes: '[]',
      redacted_storage_key: copy.key,
      redacted_mime_type: copy.mimeType,
      created_at: at,
      updated_at: at,
      removed_at: null,
    });
    await repo.updateDisclosureIfVersion(trx, id, row.version, { updated_at: at });
    await deps.audit.append(trx, ctx, {
      action: 'disclosure.photo_added',
      entityType: ENTITY,
      entityId: id,
      changes: { photoId, sourceFileId },
    });
  });
  return getDisclosure(deps, ctx, id);
}

async function findPhoto(deps: ServiceDeps, disclosureId: number, photoId: number) {
  const photo = (await repo.listPhotos(deps.db.kysely, disclosureId)).find(
    (p) => Number(p.id) === photoId,
  );
  if (!photo) throw notFound();
  return photo;
}

async function sourceFileKey(deps: ServiceDeps, fileId: number): Promise<string> {
  const file = await deps.db.kysely
    .selectFrom('hazard_files')
    .select('storage_key')
    .where('id', '=', fileId)
    .executeTakeFirst();
  if (!file) throw notFound();
  return file.storage_key;
}

/** Replaces the boxes of a photo and makes a new pixelated copy. */
export async function setPhotoBoxes(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  photoId: number,
  boxes: RedactionBox[],
): Promise<DisclosureDetail> {
  const row = await getAccessibleDisclosure(deps, ctx, id);
  requireDraft(row);
  const photo = await findPhoto(deps, id, photoId);
  const copy = await storeRedactedCopy(
    deps,
    await sourceFileKey(deps, Number(photo.source_file_id)),
    boxes,
  );
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    await repo.updatePhoto(trx, photoId, {
      boxes: JSON.stringify(boxes),
      redacted_storage_key: copy.key,
      redacted_mime_type: copy.mimeType,
      updated_at: at,
    });
    await repo.updateDisclosureIfVersion(trx, id, row.version, { updated_at: at });
    await deps.audit.append(trx, ctx, {
      action: 'disclosure.photo_boxes_set',
      entityType: ENTITY,
      entityId: id,
      changes: { photoId, boxes: [parseBoxes(photo.boxes), boxes] },
    });
  });
  return getDisclosure(deps, ctx, id);
}

/** Takes a photo off the disclosure (kept, marked removed). */
export async function removePhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  photoId: number,
): Promise<DisclosureDetail> {
  const row = await getAccessibleDisclosure(deps, ctx, id);
  requireDraft(row);
  await findPhoto(deps, id, photoId);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    await repo.updatePhoto(trx, photoId, { removed_at: at, updated_at: at });
    await repo.updateDisclosureIfVersion(trx, id, row.version, { updated_at: at });
    await deps.audit.append(trx, ctx, {
      action: 'disclosure.photo_removed',
      entityType: ENTITY,
      entityId: id,
      changes: { photoId },
    });
  });
  return getDisclosure(deps, ctx, id);
}

/** A photo for the staff editor: the original (to place boxes on) or the pixelated copy. */
export async function readPhoto(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  photoId: number,
  variant: 'original' | 'redacted',
): Promise<{ stream: Readable; mimeType: string }> {
  await getAccessibleDisclosure(deps, ctx, id);
  const photo = await findPhoto(deps, id, photoId);
  const storage = storageFor(deps.config);
  if (variant === 'original') {
    return {
      stream: await storage.read(await sourceFileKey(deps, Number(photo.source_file_id))),
      mimeType: photo.mime_type,
    };
  }
  if (!photo.redacted_storage_key || !photo.redacted_mime_type) throw notFound();
  return {
    stream: await storage.read(photo.redacted_storage_key),
    mimeType: photo.redacted_mime_type,
  };
}

// ---- Public ----

export async function listPublicCases(
  deps: ServiceDeps,
  query: PublicCaseQuery,
): Promise<{ items: PublicCaseListItem[]; total: number; page: number; pageSize: number }> {
  const page = await repo.listPublicPage(
    deps.db.kysely,
    todayInChina(),
    { q: query.q || undefined, sector: query.sector, like: likeOperator(deps.db.dialect) },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return {
    items: page.items.map((r) => ({
      id: Number(r.id),
      kind: r.kind as DisclosureKind,
      title: r.published_title ?? '',
      sector: r.sector as Sector,
      districtName: r.district_name,
      publishedOn: r.publish_from ?? '',
      excerpt: excerptOf(r.published_text ?? ''),
    })),
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getPublicCase(deps: ServiceDeps, id: number): Promise<PublicCase> {
  const row = await repo.findPublic(deps.db.kysely, todayInChina(), id);
  if (!row) throw notFound();
  const photos = await repo.listPhotos(deps.db.kysely, id);
  return {
    id: Number(row.id),
    kind: row.kind as DisclosureKind,
    title: row.published_title ?? '',
    sector: row.sector as Sector,
    districtName: row.district_name,
    publishedOn: row.publish_from ?? '',
    text: row.published_text ?? '',
    photoIds: photos.filter((p) => p.redacted_storage_key !== null).map((p) => Number(p.id)),
  };
}

/** The pixelated copy of a photo of a currently published case; never the original. */
export async function readPublicPhoto(
  deps: ServiceDeps,
  id: number,
  photoId: number,
): Promise<{ stream: Readable; mimeType: string }> {
  const row = await repo.findPublic(deps.db.kysely, todayInChina(), id);
  if (!row) throw notFound();
  const photo = (await repo.listPhotos(deps.db.kysely, id)).find((p) => Number(p.id) === photoId);
  if (!photo?.redacted_storage_key || !photo.redacted_mime_type) throw notFound();
  return {
    stream: await storageFor(deps.config).read(photo.redacted_storage_key),
    mimeType: photo.redacted_mime_type,
  };
}
