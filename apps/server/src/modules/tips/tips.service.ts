import crypto from 'node:crypto';
import {
  acceptanceDueDate,
  availableTipActions,
  canAccessRecord,
  isEnterpriseRole,
  isTipOverdue,
  type PageQuery,
  Permission,
  roleHas,
  SECTOR_SCOPED_ROLES,
  type Sector,
  type StaffTipEntryInput,
  type TipAssignees,
  type TipChannel,
  type TipDetail,
  type TipDuplicates,
  type TipFacts,
  type TipIdentityView,
  type TipLinkCandidates,
  type TipListItem,
  type TipMessageKind,
  type TipRejectReason,
  type TipStatus,
  type TipVerificationResult,
  verificationDueDate,
  latestExtendedDueDate,
  TIP_CHANNEL_LABELS,
} from '@hazard-ledger/domain';
import type { HazardStatus } from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import { isUniqueViolation, likeOperator, lockNumberSeries } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { fieldError, forbidden, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { sealJson, unsealJson } from '../../lib/sealed.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { sha256Hex } from '../../lib/tokens.js';
import { findCurrentItem } from '../catalogs/catalogs.service.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { districtIdsUnder, findOrgUnit } from '../org/org.repository.js';
import * as repo from './tips.repository.js';

// The staff side of tips: scope, list, detail, entry from other channels, the audited identity
// view, duplicate suggestions and the choices the assign and link forms offer.

/** The China calendar date of a stored UTC instant. */
export function chinaDate(iso: string): string {
  return todayInChina(new Date(iso));
}

/** The tips a caller may see. Enterprise users and informants see none through this module. */
export async function tipScopeOf(deps: ServiceDeps, ctx: RequestContext): Promise<repo.TipScope> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role) || !roleHas(actor.role, Permission.TipRead)) throw forbidden();
  return {
    districtIds: await districtIdsUnder(deps.db.kysely, actor.territoryPath),
    sectors: SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null,
  };
}

/** Whether an actor may see a tip: its district in their territory; its sector (if any) theirs. */
function canSeeTip(actor: SessionActor, tip: { district_path: string; sector: string | null }) {
  if (isEnterpriseRole(actor.role) || !roleHas(actor.role, Permission.TipRead)) return false;
  return canAccessRecord(actor, {
    orgPath: tip.district_path,
    sector: tip.sector as Sector | null,
  });
}

/** Loads a tip the caller may see; anything else reads as 404. */
export async function getAccessibleTip(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findTip(deps.db.kysely, id);
  if (!row || !canSeeTip(actor, row)) throw notFound();
  return row;
}

/** The facts the workflow rules need. */
export function tipFactsOf(
  row: repo.TipWithContext,
  events: readonly { action: string }[],
): TipFacts {
  return {
    status: row.status as TipStatus,
    hasEnterprise: row.enterprise_id !== null,
    hasHazard: row.hazard_id !== null,
    reporterReachable: Number(row.has_receipt) === 1 || row.informant_id !== null,
    assignedUserId: row.assigned_user_id,
    assignedUnitId: row.assigned_unit_id,
    extended: events.some((e) => e.action === 'extend'),
    verificationResult: row.verification_result as TipVerificationResult | null,
  };
}

/** The date the tip was (last) accepted, from its history. */
export function acceptedOn(events: readonly { action: string; at: string }[]): string | null {
  const accept = [...events].reverse().find((e) => e.action === 'accept');
  return accept ? chinaDate(accept.at) : null;
}

/** The latest due date an assignment may set now: the legal limit, or the extended one. */
export function dueDateLimitOf(
  row: { status: string; due_date: string | null },
  events: readonly { action: string; at: string }[],
): string | null {
  if (row.status !== 'accepted' && row.status !== 'verifying') return null;
  const accepted = acceptedOn(events);
  if (!accepted) return row.due_date;
  if (events.some((e) => e.action === 'extend')) return row.due_date;
  return verificationDueDate(accepted);
}

/** The latest date an extension may set. */
export function extensionLimitOf(events: readonly { action: string; at: string }[]): string | null {
  const accepted = acceptedOn(events);
  return accepted ? latestExtendedDueDate(accepted) : null;
}

function toListItem(row: repo.TipListRow, today: string): TipListItem {
  const status = row.status as TipStatus;
  return {
    id: row.id,
    number: row.number,
    channel: row.channel as TipChannel,
    status,
    subject: row.subject,
    districtId: row.district_id,
    districtName: row.district_name,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name ?? row.enterprise_text,
    sector: row.sector as Sector | null,
    anonymous: row.anonymous === 1,
    insider: row.insider === 1,
    receivedAt: row.received_at,
    dueDate: row.due_date,
    overdue: isTipOverdue({ status, dueDate: row.due_date }, today),
    assignedUnitName: row.assigned_unit_name,
    assignedUserName: row.assigned_user_name,
    verificationResult: row.verification_result as TipVerificationResult | null,
    hazardId: row.hazard_id,
    version: row.version,
  };
}

/** One tip as the staff page shows it: everything but the identity. */
export async function getTip(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TipDetail> {
  const actor = requireActor(ctx);
  const row = await getAccessibleTip(deps, ctx, id);
  const db = deps.db.kysely;
  const [events, messages, files, hazard, record, penalty] = await Promise.all([
    repo.listTipEvents(db, id),
    repo.listTipMessages(db, id),
    repo.listTipFiles(db, id),
    row.hazard_id ? repo.findHazardBrief(db, row.hazard_id) : undefined,
    row.inspection_record_id
      ? repo.findInspectionRecordBrief(db, row.inspection_record_id)
      : undefined,
    row.penalty_case_id ? repo.findPenaltyCaseBrief(db, row.penalty_case_id) : undefined,
  ]);
  const today = todayInChina();
  const facts = tipFactsOf(row, events);
  return {
    ...toListItem(row, today),
    enterpriseText: row.enterprise_text,
    enterpriseRegistryName: row.enterprise_name,
    place: row.place,
    description: row.description,
    catalogItemCode: row.catalog_item_code,
    identityOnRecord: Number(row.identity_on_record) === 1,
    reporterReachable: facts.reporterReachable,
    hasReceiptCode: Number(row.has_receipt) === 1,
    informantId: row.informant_id,
    rejectReason: row.reject_reason as TipRejectReason | null,
    duplicateOf:
      row.duplicate_of_tip_id !== null && row.duplicate_number !== null
        ? { id: row.duplicate_of_tip_id, number: row.duplicate_number }
        : null,
    assignedUnitId: row.assigned_unit_id,
    assignedUserId: row.assigned_user_id,
    verificationSummary: row.verification_summary,
    hazard: hazard
      ? { id: hazard.id, number: hazard.number, status: hazard.status as HazardStatus }
      : null,
    inspectionRecord: record ? { id: record.id, label: record.record_no } : null,
    penaltyCase: penalty ? { id: penalty.id, label: penalty.case_no } : null,
    acceptedOn: acceptedOn(events),
    dueDateLimit: dueDateLimitOf(row, events),
    extensionLimit: facts.extended ? null : extensionLimitOf(events),
    createdAt: events[0]?.at ?? row.received_at,
    updatedAt: row.updated_at,
    files: files.map((f) => ({
      id: f.id,
      fileName: f.file_name,
      mimeType: f.mime_type,
      sizeBytes: f.size_bytes,
      fromReporter: f.from_reporter === 1,
      messageId: f.message_id,
      createdAt: f.created_at,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind as TipMessageKind,
      body: m.body,
      authorName: m.author_name,
      createdAt: m.created_at,
    })),
    history: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status as TipStatus | null,
      toStatus: e.to_status as TipStatus,
      actorName: e.actor_name,
      at: e.at,
      note: e.note,
    })),
    availableActions: availableTipActions(facts, {
      role: actor.role,
      userId: actor.userId,
      orgUnitId: actor.orgUnitId,
    }),
    canViewIdentity:
      roleHas(actor.role, Permission.TipIdentity) && Number(row.identity_on_record) === 1,
  };
}

export type TipListQuery = PageQuery & {
  q?: string;
  status?: string;
  channel?: string;
  sector?: string;
  districtId?: number;
  enterpriseId?: number;
  overdue?: boolean;
  mine?: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  sort?: repo.TipSortKey;
};

/** The filter of a list or export query. */
export function tipFilterOf(
  deps: ServiceDeps,
  actor: SessionActor,
  query: Omit<TipListQuery, keyof PageQuery>,
): repo.TipFilter {
  const { mine, receivedFrom, receivedTo, ...rest } = query;
  return {
    ...rest,
    // Dates are China calendar days; stored instants are UTC (UTC+8 has no daylight saving).
    receivedFrom: receivedFrom
      ? new Date(`${receivedFrom}T00:00:00+08:00`).toISOString()
      : undefined,
    receivedTo: receivedTo ? new Date(`${receivedTo}T24:00:00+08:00`).toISOString() : undefined,
    assignedTo: mine ? { userId: actor.userId, unitId: actor.orgUnitId } : undefined,
    today: todayInChina(),
    like: likeOperator(deps.db.dialect),
  };
}

/** The staff list with counts per status. */
export async function listTips(deps: ServiceDeps, ctx: RequestContext, query: TipListQuery) {
  const actor = requireActor(ctx);
  const scope = await tipScopeOf(deps, ctx);
  const filter = tipFilterOf(deps, actor, query);
  const sort = query.sort && query.sort in repo.TIP_SORT_COLUMNS ? query.sort : 'receivedAt';
  const [items, counts] = await Promise.all([
    repo.listTipPage(deps.db.kysely, scope, filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
      sort,
      order: query.sort ? query.order : 'desc',
    }),
    repo.countTipsByStatus(deps.db.kysely, scope, filter),
  ]);
  const total = filter.status
    ? (counts[filter.status] ?? 0)
    : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    items: items.map((r) => toListItem(r, filter.today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    countsByStatus: counts,
  };
}

/** A new 16-digit receipt code (uniformly random) and the SHA-256 the database keeps. */
export function newReceiptCode(): { code: string; hash: string } {
  const half = () => String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');
  const code = half() + half();
  return { code, hash: receiptHashOf(code) };
}

/** The stored form of a receipt code: SHA-256 hex of its 16 digits (as the public page looks it up). */
export function receiptHashOf(code: string): string {
  return sha256Hex(code);
}

/** The number prefix of a district and year, e.g. "东胜举〔2026〕". */
export function tipNumberPrefix(districtName: string, year: number): string {
  const short = districtName.replace(/应急管理局$/, '').replace(/[区县旗市]$/, '');
  return `${short}举〔${year}〕`;
}

/**
 * Runs an insert that allocates a tip number (and maybe a receipt code) in its own transaction,
 * retrying when a concurrent insert took the same number (unique violation).
 */
export async function withTipNumber<T>(
  deps: ServiceDeps,
  district: { id: number; name: string },
  year: number,
  fn: (trx: Transaction<Database>, number: string) => Promise<T>,
): Promise<T> {
  const prefix = tipNumberPrefix(district.name, year);
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(deps, async (trx) => {
        await lockNumberSeries(trx, deps.db.dialect, prefix);
        const seq = (await repo.lastTipSequence(trx, prefix)) + 1;
        return fn(trx, `${prefix}${String(seq).padStart(4, '0')}号`);
      });
    } catch (err) {
      if (attempt < 5 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

/** Resolves where a tip belongs: the enterprise's district and sector, or a chosen district. */
export async function placeTip(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: { enterpriseId: number | null; districtId: number | null; sector: Sector | null },
) {
  const actor = requireActor(ctx);
  if (input.enterpriseId) {
    const e = await getAccessibleEnterprise(deps, ctx, input.enterpriseId);
    return {
      enterprise: e,
      district: { id: e.org_unit_id, name: e.district_name },
      sector: e.sector as Sector,
    };
  }
  const districtId = input.districtId!;
  const allowed = await districtIdsUnder(deps.db.kysely, actor.territoryPath);
  const unit = allowed.includes(districtId)
    ? await findOrgUnit(deps.db.kysely, districtId)
    : undefined;
  if (!unit) throw fieldError('districtId', '所选区县不在您的管辖范围内');
  const sectors = SECTOR_SCOPED_ROLES.includes(actor.role) ? actor.sectors : null;
  if (input.sector && sectors && !sectors.includes(input.sector))
    throw fieldError('sector', '所选行业领域不在您的分管范围内');
  return { enterprise: null, district: { id: unit.id, name: unit.name }, sector: input.sector };
}

/** Checks a cited catalog item exists (the tip keeps the code as a hint for duplicates). */
export async function checkCatalogCode(
  deps: ServiceDeps,
  code: string | null,
  path = 'catalogItemCode',
): Promise<string | null> {
  if (!code) return null;
  const found = await findCurrentItem(deps, code);
  if (!found) throw fieldError(path, `判定依据“${code}”不存在或已作废`);
  return found.item.code;
}

/**
 * Staff enter a tip that came by hotline 12350, phone, letter or visit. The identity (if given)
 * is sealed; the receipt code, if asked for, is returned once and only its hash is kept.
 */
export async function createStaffTip(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: StaffTipEntryInput,
): Promise<{ tip: TipDetail; receiptCode: string | null }> {
  const actor = requireActor(ctx);
  const receivedAt = new Date(input.receivedAt).toISOString();
  if (receivedAt > nowIso()) throw fieldError('receivedAt', '收到举报的时间不能晚于现在');
  const placed = await placeTip(deps, ctx, input);
  const catalogCode = await checkCatalogCode(deps, input.catalogItemCode);
  const receipt = input.issueReceiptCode ? newReceiptCode() : null;
  const at = nowIso();
  const receivedOn = chinaDate(receivedAt);
  const id = await withTipNumber(
    deps,
    placed.district,
    Number(receivedOn.slice(0, 4)),
    async (trx, number) => {
      const row = {
        number,
        receipt_hash: receipt?.hash ?? null,
        channel: input.channel,
        district_id: placed.district.id,
        enterprise_id: placed.enterprise?.id ?? null,
        enterprise_text: placed.enterprise ? null : input.enterpriseText,
        sector: placed.sector,
        place: input.place,
        subject: input.subject,
        description: input.description,
        catalog_item_code: catalogCode,
        anonymous: input.anonymous ? 1 : 0,
        insider: input.insider ? 1 : 0,
        identity_sealed: input.anonymous ? null : sealJson(input.identity, deps.config.identityKey),
        informant_id: null,
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
        received_at: receivedAt,
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
        note: TIP_CHANNEL_LABELS[input.channel].zh,
        idempotency_key: null,
      });
      // The audit row keeps what was entered, never the identity nor the receipt code's hash.
      const { identity_sealed: _identity, receipt_hash: _hash, ...audited } = row;
      await deps.audit.append(trx, ctx, {
        action: 'tip.created',
        entityType: 'tip',
        entityId: tipId,
        changes: { ...audited, identityOnRecord: row.identity_sealed !== null },
      });
      return tipId;
    },
  );
  return { tip: await getTip(deps, ctx, id), receiptCode: receipt?.code ?? null };
}

type SealedIdentity = Record<string, unknown> & {
  name?: unknown;
  phone?: unknown;
  idNumber?: unknown;
  contact?: unknown;
};

const textOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : null;

/**
 * Opens the reporter's identity for a holder of the identity permission; every view writes an
 * audit row (`tip.identity_viewed`) and a history line, in one transaction with the read.
 */
export async function viewTipIdentity(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TipIdentityView> {
  const actor = requireActor(ctx);
  if (!roleHas(actor.role, Permission.TipIdentity)) throw forbidden();
  const row = await getAccessibleTip(deps, ctx, id);
  const at = nowIso();
  const sealed = await inTransaction(deps, async (trx) => {
    const value = await repo.findSealedIdentity(trx, id);
    await repo.insertTipEvent(trx, {
      tip_id: id,
      action: 'identity_viewed',
      from_status: row.status,
      to_status: row.status,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: null,
      idempotency_key: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'tip.identity_viewed',
      entityType: 'tip',
      entityId: id,
      changes: { number: row.number, identityOnRecord: value !== null },
    });
    return value;
  });
  const identity = unsealJson<SealedIdentity>(sealed, deps.config.identityKey) ?? {};
  const { name, phone, idNumber, contact, ...rest } = identity;
  const other: Record<string, string> = {};
  for (const [k, v] of Object.entries(rest)) {
    const t = textOf(v);
    if (t !== null) other[k] = t;
  }
  return {
    anonymous: row.anonymous === 1,
    insider: row.insider === 1,
    name: textOf(name),
    phone: textOf(phone),
    idNumber: textOf(idNumber),
    contact: textOf(contact),
    other,
    viewedAt: at,
  };
}

/** Possible duplicates: open hazards and other open tips about the same enterprise. */
export async function tipDuplicates(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TipDuplicates> {
  const tip = await getAccessibleTip(deps, ctx, id);
  const scope = await tipScopeOf(deps, ctx);
  const db = deps.db.kysely;
  const code = tip.catalog_item_code;
  const same = (c: string | null) => code !== null && c === code;
  const [hazards, tips] = await Promise.all([
    tip.enterprise_id ? repo.listOpenHazardsOf(db, tip.enterprise_id, scope) : [],
    repo.listOpenTipsAbout(db, tip, scope),
  ]);
  // Same catalog item first, then newest.
  const bySame = <T extends { catalog_item_code: string | null }>(a: T, b: T) =>
    Number(same(b.catalog_item_code)) - Number(same(a.catalog_item_code));
  return {
    hazards: [...hazards].sort(bySame).map((h) => ({
      id: h.id,
      number: h.number,
      title: h.title,
      level: h.level as TipDuplicates['hazards'][number]['level'],
      status: h.status as HazardStatus,
      catalogItemCode: h.catalog_item_code,
      foundAt: h.found_at,
      sameCatalogItem: same(h.catalog_item_code),
    })),
    tips: [...tips].sort(bySame).map((t) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status as TipStatus,
      receivedAt: t.received_at,
      catalogItemCode: t.catalog_item_code,
      sameCatalogItem: same(t.catalog_item_code),
    })),
  };
}

/** The units and inspectors a tip may be given to (inspectors of its sector). */
export async function assignableOf(
  deps: ServiceDeps,
  tip: { district_id: number; district_path: string; sector: string | null },
) {
  const db = deps.db.kysely;
  const [units, inspectors] = await Promise.all([
    repo.listAssignableUnits(db, tip.district_id),
    repo.listInspectorsUnder(db, tip.district_path),
  ]);
  const sectorOk = (sectors: string | null) => {
    if (!tip.sector || sectors === null) return true;
    const list = JSON.parse(sectors) as string[];
    return list.includes(tip.sector);
  };
  return { units, inspectors: inspectors.filter((u) => sectorOk(u.sectors)) };
}

/** The assign form's choices and default due date. */
export async function tipAssignees(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TipAssignees> {
  const actor = requireActor(ctx);
  if (!roleHas(actor.role, Permission.TipManage)) throw forbidden();
  const tip = await getAccessibleTip(deps, ctx, id);
  const events = await repo.listTipEvents(deps.db.kysely, id);
  const { units, inspectors } = await assignableOf(deps, tip);
  const limit = dueDateLimitOf(tip, events) ?? verificationDueDate(todayInChina());
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    inspectors: inspectors.map((u) => ({
      id: u.id,
      name: u.display_name,
      unitId: u.org_unit_id,
      unitName: u.unit_name,
    })),
    defaultDueDate: tip.status === 'verifying' && tip.due_date ? tip.due_date : limit,
    dueDateLimit: limit,
  };
}

/** Records of the tip's enterprise a verification may link to. */
export async function tipLinkCandidates(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<TipLinkCandidates> {
  const actor = requireActor(ctx);
  if (!roleHas(actor.role, Permission.TipManage)) throw forbidden();
  const tip = await getAccessibleTip(deps, ctx, id);
  if (!tip.enterprise_id) return { hazards: [], inspectionRecords: [], penaltyCases: [] };
  await getAccessibleEnterprise(deps, ctx, tip.enterprise_id);
  const { hazards, records, cases } = await repo.listLinkCandidates(
    deps.db.kysely,
    tip.enterprise_id,
  );
  return {
    hazards: hazards.map((h) => ({ id: h.id, label: `${h.number} ${h.title}` })),
    inspectionRecords: records.map((r) => ({
      id: r.id,
      label: `${r.record_no}（${chinaDate(r.started_at)}）`,
    })),
    penaltyCases: cases.map((c) => ({ id: c.id, label: `${c.case_no} ${c.matter}` })),
  };
}
