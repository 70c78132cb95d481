import {
  addDays,
  checkInRefusal,
  type DutyCheckInInput,
  type DutyDay,
  dutyDayState,
  type DutyRosterInput,
  isEnterpriseRole,
  isInSubtree,
  type KeyPeriodEnterpriseRow,
  type KeyPeriodInput,
  keyPeriodDays,
  keyPeriodState,
  missedKeyPeriodDays,
  type KeyPeriodUpdate,
  type KeyPeriodView,
  type PageQuery,
  Permission,
  roleHas,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { conflict, fieldError, forbidden, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import {
  ancestorPaths,
  staffSectors,
  staffSees,
  type Standpoint,
  standpointOf,
  unitIdOfPath,
} from '../campaigns/audience.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { checkPublishSectors, nameOf } from '../notices/notices.service.js';
import * as repo from './key-periods.repository.js';

// Key periods (安全生产关键时间节点要在岗在位): the bureau declares them for the enterprises of
// its territory and some sectors; each enterprise names the leader on duty for every day and
// checks in on the day itself. A day that has passed without a check-in is missed for good.

type EnterpriseRef = { id: number; org_path: string; sector: string };

/** Whether a period speaks to an enterprise: it lies in the period's subtree and sectors. */
function addresses(period: repo.KeyPeriodRow, enterprise: EnterpriseRef): boolean {
  const sectors = JSON.parse(period.sectors) as string[];
  return isInSubtree(enterprise.org_path, period.org_path) && sectors.includes(enterprise.sector);
}

/** Whether the actor may edit or void a period: declared at their own territory, their sectors. */
function canManage(actor: SessionActor, period: repo.KeyPeriodRow): boolean {
  if (!roleHas(actor.role, Permission.KeyPeriodManage)) return false;
  if (period.org_path !== actor.territoryPath) return false;
  const mine = staffSectors(actor);
  return mine === null || (JSON.parse(period.sectors) as Sector[]).every((s) => mine.includes(s));
}

/** The past days of a period on `today` (before today), as a range; null when none yet. */
function pastRange(period: { start_date: string; end_date: string }, today: string) {
  const yesterday = addDays(today, -1);
  const to = period.end_date < yesterday ? period.end_date : yesterday;
  if (to < period.start_date) return null;
  return { from: period.start_date, to, days: keyPeriodDays(period.start_date, to).length };
}

/** The staff audience of a period: its subtree and sectors within the caller's reach. */
function audienceOf(
  point: Extract<Standpoint, { kind: 'staff' }>,
  period: repo.KeyPeriodRow,
): repo.PeriodAudience {
  const sectors = (JSON.parse(period.sectors) as Sector[]).filter(
    (s) => point.sectors === null || point.sectors.includes(s),
  );
  return { paths: [period.org_path, point.path], sectors };
}

/** One enterprise's days in a period: roster, check-ins and their states on `today`. */
async function dutyOf(
  deps: ServiceDeps,
  actor: SessionActor,
  period: repo.KeyPeriodRow,
  enterpriseId: number,
  today: string,
): Promise<NonNullable<KeyPeriodView['duty']>> {
  const db = deps.db.kysely;
  const [roster, checkIns] = await Promise.all([
    repo.listRoster(db, enterpriseId, period.start_date, period.end_date),
    repo.listCheckIns(db, enterpriseId, period.start_date, period.end_date),
  ]);
  const named = new Map(roster.map((r) => [r.duty_date, r]));
  const checked = new Map(checkIns.map((c) => [c.duty_date, c]));
  const days: DutyDay[] = keyPeriodDays(period.start_date, period.end_date).map((date) => {
    const r = named.get(date);
    const c = checked.get(date);
    return {
      date,
      leaderName: r?.leader_name ?? null,
      leaderPhone: r?.leader_phone ?? null,
      state: dutyDayState(date, today, Boolean(c)),
      checkIn: c
        ? {
            personName: c.person_name,
            at: c.checked_in_at,
            note: c.note,
            byName: c.checked_in_by_name,
          }
        : null,
    };
  });
  return {
    enterpriseId,
    days,
    missedDays: days.filter((d) => d.state === 'missed').length,
    daysWithoutLeader: days.filter((d) => d.leaderName === null).length,
    canRecord: actor.enterpriseId === enterpriseId && roleHas(actor.role, Permission.DutyRecord),
  };
}

function baseView(actor: SessionActor, p: repo.KeyPeriodRow, today: string) {
  return {
    id: p.id,
    name: p.name,
    startDate: p.start_date,
    endDate: p.end_date,
    sectors: JSON.parse(p.sectors) as Sector[],
    note: p.note,
    orgUnitId: Number(p.org_unit_id),
    orgUnitName: p.org_unit_name,
    createdByName: p.created_by_name,
    createdAt: p.created_at,
    state: keyPeriodState({ startDate: p.start_date, endDate: p.end_date }, today),
    dayCount: keyPeriodDays(p.start_date, p.end_date).length,
    version: p.version,
    can: { edit: canManage(actor, p) && today < p.start_date, void: canManage(actor, p) },
  };
}

/** The staff view of a period: figures over the enterprises they answer for. */
async function staffView(
  deps: ServiceDeps,
  actor: SessionActor,
  point: Extract<Standpoint, { kind: 'staff' }>,
  p: repo.KeyPeriodRow,
  today: string,
): Promise<KeyPeriodView> {
  const stats = await repo.periodStats(deps.db.kysely, audienceOf(point, p), pastRange(p, today));
  return { ...baseView(actor, p, today), duty: null, stats };
}

/** Loads a live period the caller may see (staff: by place and sector; enterprises: theirs). */
async function loadPeriod(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const point = await standpointOf(deps, ctx);
  const period = await repo.findKeyPeriod(deps.db.kysely, id);
  if (!period) throw notFound();
  if (point.kind === 'enterprise') {
    const ref = { id: point.enterpriseId, org_path: point.path, sector: point.sector };
    if (!addresses(period, ref)) throw notFound();
  } else if (!staffSees(point, period.org_path, JSON.parse(period.sectors) as Sector[])) {
    throw notFound();
  }
  return { period, point };
}

export type KeyPeriodListQuery = Pick<PageQuery, 'page' | 'pageSize'> & { year?: number };

/** Key periods: staff see those of their territory (and above) with figures; enterprises theirs. */
export async function listKeyPeriods(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: KeyPeriodListQuery,
) {
  const actor = requireActor(ctx);
  const point = await standpointOf(deps, ctx);
  const today = todayInChina();
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const db = deps.db.kysely;
  if (point.kind === 'enterprise') {
    const places = {
      subtreeOf: null,
      atPaths: ancestorPaths(point.path),
      sectors: [point.sector],
      year: query.year,
    };
    const { items, total } = await repo.listKeyPeriods(db, places, page);
    const views = await Promise.all(
      items.map(async (p) => ({
        ...baseView(actor, p, today),
        duty: await dutyOf(deps, actor, p, point.enterpriseId, today),
        stats: null,
      })),
    );
    return { items: views, total, page: query.page, pageSize: query.pageSize };
  }
  const places = {
    subtreeOf: point.path,
    atPaths: ancestorPaths(point.path),
    sectors: point.sectors,
    year: query.year,
  };
  const { items, total } = await repo.listKeyPeriods(db, places, page);
  const views = await Promise.all(items.map((p) => staffView(deps, actor, point, p, today)));
  return { items: views, total, page: query.page, pageSize: query.pageSize };
}

/** One period: with the caller's enterprise duty, or staff figures. */
export async function getKeyPeriod(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<KeyPeriodView> {
  const actor = requireActor(ctx);
  const { period, point } = await loadPeriod(deps, ctx, id);
  const today = todayInChina();
  if (point.kind === 'enterprise') {
    return {
      ...baseView(actor, period, today),
      duty: await dutyOf(deps, actor, period, point.enterpriseId, today),
      stats: null,
    };
  }
  return staffView(deps, actor, point, period, today);
}

function periodColumns(input: KeyPeriodInput): repo.PeriodColumns {
  return {
    name: input.name,
    start_date: input.startDate,
    end_date: input.endDate,
    sectors: JSON.stringify(input.sectors),
    note: input.note,
  };
}

/** Declares a key period for the enterprises of the caller's territory and some sectors. */
export async function declareKeyPeriod(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: KeyPeriodInput,
): Promise<KeyPeriodView> {
  const actor = requireActor(ctx);
  checkPublishSectors(actor, input.sectors);
  // Announced in advance: a period starting in the past would flag days nobody could check in.
  if (input.startDate < todayInChina()) throw fieldError('startDate', '开始日期不能早于今天');
  const id = await inTransaction(deps, async (trx) => {
    const columns = periodColumns(input);
    const newId = await repo.insertKeyPeriod(trx, {
      ...columns,
      org_unit_id: unitIdOfPath(actor.territoryPath),
      created_by: actor.userId,
      created_by_name: nameOf(actor),
      created_at: nowIso(),
    });
    await deps.audit.append(trx, ctx, {
      action: 'key_period.declared',
      entityType: 'key_period',
      entityId: newId,
      changes: diffRecords(null, columns),
    });
    return newId;
  });
  return getKeyPeriod(deps, ctx, id);
}

async function loadManageable(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const actor = requireActor(ctx);
  const { period } = await loadPeriod(deps, ctx, id);
  if (!canManage(actor, period)) throw forbidden();
  return period;
}

/** Edits a period that has not started yet. */
export async function updateKeyPeriod(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: KeyPeriodUpdate,
): Promise<KeyPeriodView> {
  const actor = requireActor(ctx);
  const before = await loadManageable(deps, ctx, id);
  const today = todayInChina();
  if (before.start_date <= today) {
    throw conflict('startDate', '关键时间节点已开始，不能修改；如需调整请作废后重新发布');
  }
  checkPublishSectors(actor, input.sectors);
  if (input.startDate < today) throw fieldError('startDate', '开始日期不能早于今天');
  await inTransaction(deps, async (trx) => {
    const columns = periodColumns(input);
    const ok = await repo.updateKeyPeriodIfVersion(trx, id, input.version, {
      ...columns,
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'key_period.updated',
      entityType: 'key_period',
      entityId: id,
      changes: diffRecords(before, { ...before, ...columns }),
    });
  });
  return getKeyPeriod(deps, ctx, id);
}

/** Voids a period declared by mistake (it no longer counts for anyone). */
export async function voidKeyPeriod(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { reason: string; version: number },
): Promise<void> {
  await loadManageable(deps, ctx, id);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.updateKeyPeriodIfVersion(trx, id, input.version, {
      voided_at: at,
      void_reason: input.reason,
      updated_at: at,
    });
    if (!ok) throw staleVersion();
    await deps.audit.append(trx, ctx, {
      action: 'key_period.voided',
      entityType: 'key_period',
      entityId: id,
      changes: { voidedAt: [null, at], reason: [null, input.reason] },
    });
  });
}

export type PeriodEnterpriseQuery = Pick<PageQuery, 'page' | 'pageSize'> & {
  missedOnly?: boolean;
  q?: string;
};

/** A period's enterprises within the caller's reach, with their missed days (staff only). */
export async function listPeriodEnterprises(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  query: PeriodEnterpriseQuery,
) {
  const { period, point } = await loadPeriod(deps, ctx, id);
  if (point.kind === 'enterprise') throw forbidden();
  const today = todayInChina();
  const past = pastRange(period, today);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (query.missedOnly && !past) return empty;
  const db = deps.db.kysely;
  const a: repo.PeriodAudience = {
    ...audienceOf(point, period),
    q: query.q,
    like: likeOperator(deps.db.dialect),
    missedOnly: query.missedOnly && past ? past : undefined,
  };
  const { items, total } = await repo.listPeriodEnterprises(
    db,
    a,
    { start: period.start_date, end: period.end_date, pastTo: past?.to ?? null },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const days = past
    ? await repo.checkInDays(
        db,
        items.map((e) => e.id),
        past.from,
        past.to,
      )
    : [];
  const pastDays = past ? keyPeriodDays(past.from, past.to) : [];
  const rows: KeyPeriodEnterpriseRow[] = items.map((e) => {
    const checked = new Set(days.filter((d) => d.enterprise_id === e.id).map((d) => d.duty_date));
    const missedDates = pastDays.filter((d) => !checked.has(d));
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      sector: e.sector as Sector,
      districtName: e.district_name,
      rosterDays: e.roster_days,
      checkedInDays: e.check_ins,
      missedDays: missedDates.length,
      missedDates,
    };
  });
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** The periods of a year addressed to an enterprise, each with its duty days. */
export async function enterpriseKeyPeriods(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  year?: number,
): Promise<{ enterpriseId: number; year: number; items: KeyPeriodView[] }> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const today = todayInChina();
  const shownYear = year ?? Number(today.slice(0, 4));
  const periods = await repo.listAllKeyPeriods(deps.db.kysely, {
    subtreeOf: null,
    atPaths: ancestorPaths(enterprise.org_path),
    sectors: [enterprise.sector],
    year: shownYear,
  });
  const items = await Promise.all(
    periods.map(async (p) => ({
      ...baseView(actor, p, today),
      duty: await dutyOf(deps, actor, p, enterprise.id, today),
      stats: null,
    })),
  );
  return { enterpriseId: enterprise.id, year: shownYear, items };
}

/** Loads a period addressed to the caller's own enterprise (else 404). */
async function loadOwnPeriod(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  periodId: number,
) {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (!isEnterpriseRole(actor.role) || actor.enterpriseId !== enterprise.id) throw notFound();
  const period = await repo.findKeyPeriod(deps.db.kysely, periodId);
  if (!period || !addresses(period, enterprise)) throw notFound();
  return { enterprise, period };
}

/**
 * Names the leader on duty for the days of a period. Days already past keep what was recorded
 * (the roster is part of the record once the day is over); future days left out are cleared.
 */
export async function saveRoster(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  periodId: number,
  input: DutyRosterInput,
): Promise<KeyPeriodView> {
  const actor = requireActor(ctx);
  const { enterprise, period } = await loadOwnPeriod(deps, ctx, enterpriseId, periodId);
  const today = todayInChina();
  const db = deps.db.kysely;
  const stored = new Map(
    (await repo.listRoster(db, enterprise.id, period.start_date, period.end_date)).map((r) => [
      r.duty_date,
      r,
    ]),
  );
  input.entries.forEach((e, i) => {
    if (e.date < period.start_date || e.date > period.end_date) {
      throw fieldError(`entries.${i}.date`, '该日期不在关键时间节点内');
    }
    const before = stored.get(e.date);
    const changed =
      before?.leader_name !== e.leaderName || (before?.leader_phone ?? null) !== e.leaderPhone;
    if (e.date < today && changed) {
      throw fieldError(`entries.${i}.date`, '已过去的日期不能修改值班安排');
    }
  });
  const upcoming = input.entries.filter((e) => e.date >= today);
  const kept = new Set(upcoming.map((e) => e.date));
  const cleared = [...stored.keys()].filter((d) => d >= today && !kept.has(d));
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    for (const e of upcoming) {
      await repo.upsertRosterDay(trx, {
        enterprise_id: enterprise.id,
        duty_date: e.date,
        leader_name: e.leaderName,
        leader_phone: e.leaderPhone,
        updated_by: actor.userId,
        updated_at: at,
      });
    }
    await repo.deleteRosterDays(trx, enterprise.id, cleared);
    await deps.audit.append(trx, ctx, {
      action: 'key_period.roster_saved',
      entityType: 'key_period',
      entityId: period.id,
      changes: {
        enterpriseId: [null, enterprise.id],
        roster: [
          null,
          upcoming.map(
            (e) => `${e.date} ${e.leaderName}${e.leaderPhone ? ` ${e.leaderPhone}` : ''}`,
          ),
        ],
        cleared: [null, cleared],
      },
    });
  });
  return getEnterprisePeriod(deps, actor, period, enterprise.id, today);
}

async function getEnterprisePeriod(
  deps: ServiceDeps,
  actor: SessionActor,
  period: repo.KeyPeriodRow,
  enterpriseId: number,
  today: string,
): Promise<KeyPeriodView> {
  return {
    ...baseView(actor, period, today),
    duty: await dutyOf(deps, actor, period, enterpriseId, today),
    stats: null,
  };
}

/** The daily on-duty check-in: only on the day itself, once, for one's own enterprise. */
export async function checkIn(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  periodId: number,
  input: DutyCheckInInput,
): Promise<KeyPeriodView> {
  const actor = requireActor(ctx);
  const { enterprise, period } = await loadOwnPeriod(deps, ctx, enterpriseId, periodId);
  const today = todayInChina();
  const refusal = checkInRefusal(
    { startDate: period.start_date, endDate: period.end_date },
    input.date,
    today,
  );
  if (refusal) throw fieldError('date', refusal);
  const at = nowIso();
  await inTransaction(deps, async (trx) => {
    const ok = await repo.insertCheckIn(trx, {
      enterprise_id: enterprise.id,
      duty_date: input.date,
      key_period_id: period.id,
      person_name: input.personName,
      note: input.note,
      checked_in_at: at,
      checked_in_by: actor.userId,
      checked_in_by_name: nameOf(actor),
    });
    if (!ok) throw conflict('date', '今日已签到');
    await deps.audit.append(trx, ctx, {
      action: 'key_period.checked_in',
      entityType: 'key_period',
      entityId: period.id,
      changes: {
        enterpriseId: [null, enterprise.id],
        date: [null, input.date],
        personName: [null, input.personName],
        note: [null, input.note],
      },
    });
  });
  return getEnterprisePeriod(deps, actor, period, enterprise.id, today);
}

/**
 * Past key-period days of `date`'s year addressed to an enterprise without a check-in (each day
 * once when periods overlap).
 */
export async function missedKeyPeriodDayList(
  db: ServiceDeps['db']['kysely'],
  enterprise: EnterpriseRef,
  date: string,
): Promise<string[]> {
  const year = Number(date.slice(0, 4));
  const periods = await repo.listAllKeyPeriods(db, {
    subtreeOf: null,
    atPaths: ancestorPaths(enterprise.org_path),
    sectors: [enterprise.sector],
    year,
  });
  if (periods.length === 0) return [];
  const checked = await repo.checkInDays(db, [enterprise.id], `${year}-01-01`, `${year}-12-31`);
  return missedKeyPeriodDays(
    periods.map((p) => ({ startDate: p.start_date, endDate: p.end_date })),
    checked.map((c) => c.duty_date),
    date,
    year,
  );
}
