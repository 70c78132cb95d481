import type {
  DrillsView,
  OutsourcingCheckInput,
  OutsourcingView,
  ResponsibilityView,
} from '@hazard-ledger/domain';
import { conflict, fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import {
  type DutySection,
  type KindEnv,
  RECORD_KINDS,
  type RecordKindKey,
} from './duty-record-kinds.js';
import * as repo from './duty-records.repository.js';
import {
  endOfChinaDay,
  getDrills,
  getOutsourcing,
  getResponsibility,
  requireRecorder,
} from './duty-records.service.js';

// Recording by the enterprise's own users: create, edit (with the version read), void with a
// reason; contracts can also be ended and get periodic checks. Each change and its audit row
// commit together; a write answers with the tab it shows on, as it now stands.

export type SectionView = ResponsibilityView | OutsourcingView | DrillsView;

/** The tab a write answers with (drills: the year of the drill just written). */
function sectionView(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  section: DutySection,
  drillYear?: number,
): Promise<SectionView> {
  switch (section) {
    case 'responsibility':
      return getResponsibility(deps, ctx, enterpriseId);
    case 'outsourcing':
      return getOutsourcing(deps, ctx, enterpriseId);
    case 'drills':
      return getDrills(deps, ctx, enterpriseId, drillYear);
  }
}

const drillYearOf = (input: unknown) => {
  const date = (input as { drillDate?: string }).drillDate;
  return date ? Number(date.slice(0, 4)) : undefined;
};

function envOf(deps: ServiceDeps, enterpriseId: number): KindEnv {
  const today = todayInChina();
  return { db: deps.db.kysely, enterpriseId, today, cutoff: endOfChinaDay(today) };
}

/** Loads a live record of the enterprise inside a transaction; anything else reads as 404. */
async function liveRecord(
  trx: KindEnv['db'],
  table: repo.RecordTable,
  enterpriseId: number,
  id: number,
) {
  const row = await repo.findRecord(trx, table, id);
  if (!row || Number(row.enterprise_id) !== enterpriseId || row.voided_at) throw notFound();
  return row as unknown as Record<string, unknown> & { id: number; version: number };
}

/** Records a new record of a kind for the caller's own enterprise. */
export async function createRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  key: RecordKindKey,
  input: unknown,
): Promise<SectionView> {
  const actor = requireActor(ctx);
  await requireRecorder(deps, ctx, enterpriseId);
  const kind = RECORD_KINDS[key];
  const columns = await (kind.columns as (i: unknown, e: KindEnv, n: boolean) => Promise<object>)(
    input,
    envOf(deps, enterpriseId),
    true,
  );
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const row = {
      enterprise_id: enterpriseId,
      ...columns,
      created_by_user_id: actor.userId,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    };
    const id = await repo.insertRecord(trx, kind.table, row);
    await deps.audit.append(trx, ctx, {
      action: `${kind.entity}.created`,
      entityType: kind.entity,
      entityId: id,
      changes: diffRecords(null, row),
    });
  });
  return sectionView(deps, ctx, enterpriseId, kind.section, drillYearOf(input));
}

/** Edits a record; the version must be the one read (409 otherwise). */
export async function updateRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  key: RecordKindKey,
  recordId: number,
  input: { version: number },
): Promise<SectionView> {
  await requireRecorder(deps, ctx, enterpriseId);
  const kind = RECORD_KINDS[key];
  const env = envOf(deps, enterpriseId);
  await liveRecord(env.db, kind.table, enterpriseId, recordId);
  const columns = await (kind.columns as (i: unknown, e: KindEnv, n: boolean) => Promise<object>)(
    input,
    env,
    false,
  );
  await inTransaction(deps, async (trx) => {
    const before = await liveRecord(trx, kind.table, enterpriseId, recordId);
    const set = { ...columns, updated_at: nowIso() };
    if (!(await repo.updateRecordIfVersion(trx, kind.table, recordId, input.version, set)))
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: `${kind.entity}.updated`,
      entityType: kind.entity,
      entityId: recordId,
      changes: { enterpriseId, ...diffRecords(before, { ...before, ...set }) },
    });
  });
  return sectionView(deps, ctx, enterpriseId, kind.section, drillYearOf(input));
}

/** Voids a record with a reason; it leaves the lists and the scorecard but stays on file. */
export async function voidRecord(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  key: RecordKindKey,
  recordId: number,
  input: { reason: string; version: number },
): Promise<SectionView> {
  await requireRecorder(deps, ctx, enterpriseId);
  const kind = RECORD_KINDS[key];
  let drillYear: number | undefined;
  await inTransaction(deps, async (trx) => {
    const before = await liveRecord(trx, kind.table, enterpriseId, recordId);
    drillYear = drillYearOf({ drillDate: before.drill_date });
    const at = nowIso();
    const set = { voided_at: at, void_reason: input.reason, updated_at: at };
    if (!(await repo.updateRecordIfVersion(trx, kind.table, recordId, input.version, set)))
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: `${kind.entity}.voided`,
      entityType: kind.entity,
      entityId: recordId,
      changes: { enterpriseId, reason: input.reason },
    });
  });
  return sectionView(deps, ctx, enterpriseId, kind.section, drillYear);
}

/** Ends a contract: it stays on record, is no longer active and takes no more checks. */
export async function endContract(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  contractId: number,
  input: { endedOn: string; reason: string | null; version: number },
): Promise<OutsourcingView> {
  await requireRecorder(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const before = await liveRecord(trx, 'outsourcing_contracts', enterpriseId, contractId);
    if (before.ended_on) throw conflict('endedOn', '合同已标记终止');
    const start = before.start_date as string | null;
    if (start && input.endedOn < start) throw fieldError('endedOn', '终止日期不能早于合同开始日期');
    const set = { ended_on: input.endedOn, end_reason: input.reason, updated_at: nowIso() };
    if (
      !(await repo.updateRecordIfVersion(
        trx,
        'outsourcing_contracts',
        contractId,
        input.version,
        set,
      ))
    )
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'outsourcing_contract.ended',
      entityType: 'outsourcing_contract',
      entityId: contractId,
      changes: { enterpriseId, ...diffRecords(before, { ...before, ...set }) },
    });
  });
  return getOutsourcing(deps, ctx, enterpriseId);
}

/** Records a periodic safety check of an active contract. */
export async function addContractCheck(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  contractId: number,
  input: OutsourcingCheckInput,
): Promise<OutsourcingView> {
  const actor = requireActor(ctx);
  await requireRecorder(deps, ctx, enterpriseId);
  const today = todayInChina();
  if (input.checkDate > today) throw fieldError('checkDate', '检查日期不能晚于今天');
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const contract = await liveRecord(trx, 'outsourcing_contracts', enterpriseId, contractId);
    const ended = contract.ended_on as string | null;
    if (ended && ended <= today) throw conflict('contract', '合同已终止，不能再登记检查');
    const row = {
      enterprise_id: enterpriseId,
      contract_id: contractId,
      check_date: input.checkDate,
      checked_by: input.checkedBy,
      findings: input.findings,
      rectification: input.rectification,
      created_by_user_id: actor.userId,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    };
    const id = await repo.insertRecord(trx, 'outsourcing_checks', row);
    await deps.audit.append(trx, ctx, {
      action: 'outsourcing_check.created',
      entityType: 'outsourcing_check',
      entityId: id,
      changes: diffRecords(null, row),
    });
  });
  return getOutsourcing(deps, ctx, enterpriseId);
}

/** Voids a periodic check entered by mistake. */
export async function voidContractCheck(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  contractId: number,
  checkId: number,
  input: { reason: string; version: number },
): Promise<OutsourcingView> {
  await requireRecorder(deps, ctx, enterpriseId);
  await inTransaction(deps, async (trx) => {
    const check = await liveRecord(trx, 'outsourcing_checks', enterpriseId, checkId);
    if (Number(check.contract_id) !== contractId) throw notFound();
    const at = nowIso();
    const set = { voided_at: at, void_reason: input.reason, updated_at: at };
    if (!(await repo.updateRecordIfVersion(trx, 'outsourcing_checks', checkId, input.version, set)))
      throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'outsourcing_check.voided',
      entityType: 'outsourcing_check',
      entityId: checkId,
      changes: { enterpriseId, contractId, reason: input.reason },
    });
  });
  return getOutsourcing(deps, ctx, enterpriseId);
}
