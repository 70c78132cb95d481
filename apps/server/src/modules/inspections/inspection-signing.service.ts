import {
  chinaDayOf,
  createHazardSchema,
  DUTIES,
  findDuplicateHazard,
  type HazardOrigin,
  type InspectionRecord,
  type RecordScorecard,
  refusal,
} from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import type { EnterpriseRow } from '../enterprises/enterprises.repository.js';
import { type CitedItem, resolveCatalogItem } from '../hazards/hazard-catalog.js';
import { applyHazardAction } from '../hazards/hazard-actions.service.js';
import * as hazards from '../hazards/hazards.repository.js';
import { factsOf as hazardFacts, recordHazard } from '../hazards/hazards.service.js';
import { markTargetInspected } from '../inspection-plans/inspection-plans.repository.js';
import { scorecardOf } from '../scorecard/scorecard.service.js';
import { ledgerRef, noPenaltyFor } from './finding-rules.js';
import { assertAction, enterpriseForRecord, factsOf, loadRecord } from './inspection-access.js';
import { prepareContent } from './inspection-drafts.service.js';
import * as repo from './inspections.repository.js';
import { getRecord } from './inspections.service.js';
import {
  canonicalTextOf,
  parseStoredContent,
  parseStoredScorecard,
} from './record-verification.js';
import { getOrCreateSigningKey, sha256Hex, signText } from './signing-keys.js';

// Signing a record (谁检查、谁签名、谁负责): submit_for_signing freezes the content with the
// enterprise's five-duty scorecard and computes the canonical text; each named inspector signs
// it with their own Ed25519 key; the last signature makes the record immutable and, in the same
// transaction, puts its findings in the ledger (new hazards, or links to the open ones), marks
// the plan target inspected and supersedes the record it corrects.

type Loaded = Awaited<ReturnType<typeof loadRecord>>;

function contentOf(row: Loaded['row']): InspectionRecord {
  const parsed = parseStoredContent(row.content);
  if (!parsed.ok) throw conflict('content', parsed.problem);
  return parsed.record;
}

/** The enterprise of a loaded record (the caller already passed the record's access check). */
function enterpriseOf(deps: ServiceDeps, ctx: RequestContext, loaded: Loaded) {
  return enterpriseForRecord(deps, ctx, loaded.row.enterprise_id, true);
}

/**
 * Freezes a draft for signing: the rules run once more (with the penalty decisions signing
 * needs), the enterprise's scorecard of today is taken, the canonical text and its SHA-256
 * (the verification code) are stored.
 */
export async function submitForSigning(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  version: number,
) {
  const actor = requireActor(ctx);
  const loaded = await loadRecord(deps, ctx, id);
  const { row, inspectorIds } = loaded;
  assertAction(actor, row, await factsOf(deps, row, inspectorIds), 'submit_for_signing');
  if (row.version !== version) throw staleVersion();
  const stored = contentOf(row);
  const enterprise = await enterpriseOf(deps, ctx, loaded);
  const { record, inspectors } = await prepareContent(
    deps,
    ctx,
    enterprise,
    {
      ...stored,
      inspectorUserIds: stored.inspectors.map((i) => i.userId),
    },
    row.supersedes_record_id,
    true,
  );
  const card = await scorecardOf(deps.db.kysely, enterprise, todayInChina());
  const scorecard: RecordScorecard = DUTIES.map((duty) => ({
    duty,
    status: card.duties.find((d) => d.duty === duty)!.status,
  }));
  const text = canonicalTextOf(row, record, enterprise.name, scorecard);
  const hash = sha256Hex(text);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const set = {
      content: JSON.stringify(record),
      scorecard: JSON.stringify(scorecard),
      enterprise_name: enterprise.name,
      canonical_text: text,
      content_hash: hash,
      status: 'signing',
      updated_at: at,
    };
    if (!(await repo.updateRecordIfVersion(trx, id, version, set, 'draft'))) throw staleVersion();
    await repo.replaceInspectors(trx, id, inspectors);
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'submit_for_signing',
      from_status: 'draft',
      to_status: 'signing',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: null,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.submit_for_signing',
      entityType: 'inspection_record',
      entityId: id,
      changes: {
        status: ['draft', 'signing'],
        contentHash: [null, hash],
        scorecard: [null, scorecard],
      },
    });
  });
  return getRecord(deps, ctx, id);
}

/** Takes a record back to draft; the signatures given so far are discarded (the text changes). */
export async function reopenRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason: string },
) {
  const actor = requireActor(ctx);
  const { row, inspectorIds } = await loadRecord(deps, ctx, id);
  assertAction(actor, row, await factsOf(deps, row, inspectorIds), 'reopen');
  if (row.version !== input.version) throw staleVersion();
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const discarded = await repo.listSignatures(trx, id);
    const set = {
      status: 'draft',
      canonical_text: null,
      content_hash: null,
      scorecard: null,
      enterprise_name: null,
      updated_at: at,
    };
    if (!(await repo.updateRecordIfVersion(trx, id, input.version, set, 'signing'))) {
      throw staleVersion();
    }
    await repo.deleteSignatures(trx, id);
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'reopen',
      from_status: 'signing',
      to_status: 'draft',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: input.reason,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.reopen',
      entityType: 'inspection_record',
      entityId: id,
      changes: {
        status: ['signing', 'draft'],
        reason: input.reason,
        discardedSignatures: discarded.map((s) => `${s.signer_name}@${s.signed_at}`),
        contentHash: [row.content_hash, null],
      },
    });
  });
  return getRecord(deps, ctx, id);
}

/** What the last signature needs, read before its transaction opens. */
type Completion = {
  enterprise: EnterpriseRow;
  catalog: Map<string, CitedItem | null>;
};

/**
 * One inspector signs the record's canonical text with their own key. The caller names the hash
 * of the text they reviewed; the stored content must still produce it. The last signature
 * completes the record (see completeRecord).
 */
export async function signRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  contentHash: string,
) {
  const actor = requireActor(ctx);
  const loaded = await loadRecord(deps, ctx, id);
  const { row, inspectorIds } = loaded;
  assertAction(actor, row, await factsOf(deps, row, inspectorIds), 'sign');
  if (row.content_hash !== contentHash) {
    throw conflict('contentHash', '记录内容已变化，请刷新后核对内容再签名');
  }
  const record = contentOf(row);
  const scorecard = parseStoredScorecard(row.scorecard);
  if (!scorecard.ok) throw conflict('content', scorecard.problem);
  const text = canonicalTextOf(
    row,
    record,
    row.enterprise_name ?? row.current_enterprise_name,
    scorecard.scorecard,
  );
  // Never sign a text that is not the one the stored content produces.
  if (text !== row.canonical_text || sha256Hex(text) !== row.content_hash) {
    throw conflict('content', '记录内容校验失败，不能签名，请联系管理员核查');
  }
  const me = record.inspectors.find((i) => i.userId === actor.userId)!;
  const enterprise = await enterpriseOf(deps, ctx, loaded);
  const catalog = new Map<string, CitedItem | null>();
  for (const f of record.findings) {
    if (f.catalogItemCode === null || catalog.has(f.catalogItemCode)) continue;
    try {
      catalog.set(f.catalogItemCode, await resolveCatalogItem(deps, f.catalogItemCode, enterprise));
    } catch {
      catalog.set(f.catalogItemCode, null);
    }
  }
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    // The row lock queues concurrent signers: the last one sees every other signature.
    if (!(await repo.lockForSigning(trx, id, at))) throw staleVersion();
    const before = await repo.listSignatures(trx, id);
    if (before.some((s) => s.user_id === actor.userId)) throw conflict('action', '您已签名');
    const key = await getOrCreateSigningKey(trx, actor.userId);
    await repo.insertSignature(trx, {
      record_id: id,
      user_id: actor.userId,
      signer_name: me.name.normalize('NFC').trim(),
      certificate_no: me.certificateNo.normalize('NFC').trim(),
      key_id: key.id,
      signature: signText(key.privateKey, text),
      signed_at: at,
    });
    const signed = new Set([...before.map((s) => s.user_id), actor.userId]);
    const complete = record.inspectors.every((i) => signed.has(i.userId));
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'sign',
      from_status: 'signing',
      to_status: complete ? 'signed' : 'signing',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note: `${me.name}（执法证号${me.certificateNo}）`,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.sign',
      entityType: 'inspection_record',
      entityId: id,
      changes: {
        signer: [null, `${me.name}(${me.certificateNo})`],
        keyId: [null, key.id],
        contentHash: row.content_hash,
      },
    });
    if (complete) {
      await completeRecord(trx, deps, ctx, row, record, { enterprise, catalog }, at);
    }
  });
  return getRecord(deps, ctx, id);
}

/**
 * The last signature: the record becomes signed and immutable; each finding becomes a ledger
 * hazard or confirms the open one (raised to major for a major finding), with the no-penalty
 * evaluation and the decision kept per finding; the plan target is marked inspected and the
 * corrected record superseded. All in the signing transaction.
 */
async function completeRecord(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  row: Loaded['row'],
  record: InspectionRecord,
  pre: Completion,
  at: string,
): Promise<void> {
  const actor = requireActor(ctx);
  const day = chinaDayOf(record.startedAt);
  const origin: HazardOrigin = row.origin === 'spot_check' ? 'spot_check' : 'enforcement';
  const foundBy = record.inspectors
    .map((i) => i.name)
    .join('、')
    .slice(0, 50);
  const findingRows = [];
  const hazardIds: number[] = [];
  for (const [index, f] of record.findings.entries()) {
    const open = (await repo.listOpenHazards(trx, row.enterprise_id)).map(ledgerRef);
    let hazard = open.find((h) => h.id === f.linkedHazardId)?.row;
    // A linked hazard closed since submission: the finding shows it persists or recurred, so
    // the duplicate rule looks again, and a new hazard is recorded when nothing is open.
    hazard ??= findDuplicateHazard(
      { enterpriseId: row.enterprise_id, catalogItemCode: f.catalogItemCode },
      open,
    )?.row;
    let hazardId: number;
    if (hazard) {
      hazardId = hazard.id;
      if (f.level === 'major' && hazard.level !== 'major') {
        await raiseToMajor(
          trx,
          deps,
          ctx,
          hazard.id,
          `执法检查（${row.record_no}）认定为重大事故隐患`,
        );
      }
    } else {
      const catalog =
        f.catalogItemCode === null ? null : (pre.catalog.get(f.catalogItemCode) ?? null);
      const input = createHazardSchema.parse({
        enterpriseId: row.enterprise_id,
        level: f.level,
        title: f.title,
        description: f.description,
        place: record.place.slice(0, 200),
        origin,
        foundAt: day,
        foundBy: foundBy || actor.displayName,
        catalogItemCode: catalog?.code ?? null,
        noCatalogReason: catalog
          ? null
          : f.catalogItemCode
            ? `判定标准条款${f.catalogItemCode}不在现行版本中（执法检查记录${row.record_no}）`
            : `执法检查发现的问题（${row.record_no}），未对应判定标准条款`,
        treatment: f.treatment,
      });
      hazardId = await recordHazard(trx, deps, ctx, pre.enterprise, input, catalog);
    }
    hazardIds.push(hazardId);
    const evaluation = noPenaltyFor(f, hazard, day);
    findingRows.push({
      record_id: row.id,
      seq: index + 1,
      hazard_id: hazardId,
      linked: hazard ? 1 : 0,
      catalog_item_code:
        f.catalogItemCode === null ? null : f.catalogItemCode.normalize('NFC').trim(),
      level: f.level,
      no_penalty: evaluation ? JSON.stringify(evaluation) : null,
      penalty_decision: f.penaltyDecision,
      penalty_note: f.penaltyNote,
      created_at: at,
    });
  }
  await repo.insertFindingRows(trx, findingRows);
  await trx
    .updateTable('inspection_records')
    .set({ status: 'signed', signed_at: at, updated_at: at })
    .where('id', '=', row.id)
    .where('status', '=', 'signing')
    .execute();
  await deps.audit.append(trx, ctx, {
    action: 'inspection_record.signed',
    entityType: 'inspection_record',
    entityId: row.id,
    changes: {
      status: ['signing', 'signed'],
      hazards: [null, hazardIds],
      linked: [null, findingRows.filter((r) => r.linked === 1).map((r) => r.hazard_id)],
    },
  });
  if (row.supersedes_record_id !== null) {
    await supersede(trx, deps, ctx, row.supersedes_record_id, row, at);
  }
  if (row.plan_target_id !== null) {
    await markTargetInspected(trx, row.plan_target_id, row.id);
  }
}

/** Marks the corrected record superseded by its fully signed correction. */
async function supersede(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  oldId: number,
  correction: { id: number; record_no: string },
  at: string,
) {
  const actor = requireActor(ctx);
  const r = await trx
    .updateTable('inspection_records')
    .set((eb) => ({
      status: 'superseded',
      superseded_by_record_id: correction.id,
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', oldId)
    .where('status', '=', 'signed')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw conflict('supersedesRecordId', '被更正的记录已不是“已签名”状态，不能再被更正');
  }
  await repo.insertEvent(trx, {
    record_id: oldId,
    action: 'supersede',
    from_status: 'signed',
    to_status: 'superseded',
    actor_id: actor.userId,
    actor_name: actor.displayName,
    at,
    note: `已由${correction.record_no}更正`,
  });
  await deps.audit.append(trx, ctx, {
    action: 'inspection_record.superseded',
    entityType: 'inspection_record',
    entityId: oldId,
    changes: { status: ['signed', 'superseded'], supersededBy: [null, correction.id] },
  });
}

/**
 * Raises a linked general hazard to major through the hazard workflow's `change_level`, in the
 * signing transaction; when the workflow would not allow it (e.g. already verified) nothing
 * changes.
 */
async function raiseToMajor(
  trx: Transaction<Database>,
  deps: ServiceDeps,
  ctx: RequestContext,
  hazardId: number,
  reason: string,
) {
  const actor = requireActor(ctx);
  const h = await hazards.findHazard(trx, hazardId);
  if (!h) return;
  if (refusal(hazardFacts(h), 'change_level', { role: actor.role, userId: actor.userId })) return;
  await applyHazardAction(
    trx,
    deps,
    ctx,
    hazardId,
    'change_level',
    { version: h.version, payload: { level: 'major', reason } },
    null,
  );
}

/** The enterprise's representative acknowledges receipt of a signed record (签收), once. */
export async function acknowledgeRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  note: string | null,
) {
  const actor = requireActor(ctx);
  const { row, inspectorIds } = await loadRecord(deps, ctx, id);
  assertAction(actor, row, await factsOf(deps, row, inspectorIds), 'acknowledge');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const r = await trx
      .updateTable('inspection_records')
      .set((eb) => ({
        acknowledged_at: at,
        acknowledged_by_user_id: actor.userId,
        acknowledged_by_name: actor.displayName,
        updated_at: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'signed')
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('action', '企业已签收');
    await repo.insertEvent(trx, {
      record_id: id,
      action: 'acknowledge',
      from_status: 'signed',
      to_status: 'signed',
      actor_id: actor.userId,
      actor_name: actor.displayName,
      at,
      note,
    });
    await deps.audit.append(trx, ctx, {
      action: 'inspection_record.acknowledged',
      entityType: 'inspection_record',
      entityId: id,
      changes: { acknowledgedBy: [null, actor.displayName], note },
    });
  });
  return getRecord(deps, ctx, id);
}
