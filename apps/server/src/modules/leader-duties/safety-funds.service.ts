import {
  type EnterpriseSafetyFunds,
  fenToYuan,
  Permission,
  roleHas,
  type SafetyFundInput,
  type SafetyFundView,
  yuanToFen,
} from '@hazard-ledger/domain';
import { fieldError, notFound, staleVersion } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { diffRecords } from '../audit/audit.writer.js';
import { getAccessibleEnterprise } from '../enterprises/enterprises.service.js';
import { nameOf } from '../notices/notices.service.js';
import * as repo from './safety-funds.repository.js';

// The safety production fund (安全生产费用, §四(三) 按规定比例提取安全生产费用): per year the amount
// extracted and spent, shown against the rectification funds planned for the year's hazards.

/** An enterprise's fund per year: every recorded year, every year with hazard funds, this year. */
export async function listSafetyFunds(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
): Promise<EnterpriseSafetyFunds> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  const db = deps.db.kysely;
  const [funds, rectification] = await Promise.all([
    repo.listFunds(db, enterprise.id),
    repo.rectificationFundsByYear(db, enterprise.id),
  ]);
  const byYear = new Map(funds.map((f) => [Number(f.year), f]));
  const years = new Set<number>([
    Number(todayInChina().slice(0, 4)),
    ...byYear.keys(),
    ...rectification.keys(),
  ]);
  const items: SafetyFundView[] = [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const f = byYear.get(year);
      const r = rectification.get(year) ?? { fen: 0, hazards: 0 };
      const spent = f ? Number(f.spent_fen) : null;
      return {
        year,
        recorded: Boolean(f),
        extractedYuan: f ? fenToYuan(Number(f.extracted_fen)) : null,
        spentYuan: spent === null ? null : fenToYuan(spent),
        note: f?.note ?? null,
        rectificationFundsYuan: fenToYuan(r.fen),
        rectificationHazards: r.hazards,
        rectificationExceedsSpent: r.fen > (spent ?? 0),
        updatedAt: f?.updated_at ?? null,
        updatedByName: f?.updated_by_name ?? null,
        version: f ? f.version : null,
      };
    });
  return {
    enterpriseId: enterprise.id,
    items,
    can: {
      edit: actor.enterpriseId === enterprise.id && roleHas(actor.role, Permission.DutyRecord),
    },
  };
}

/** Records (or corrects) the fund of a year of the caller's own enterprise. */
export async function saveSafetyFund(
  deps: ServiceDeps,
  ctx: RequestContext,
  enterpriseId: number,
  year: number,
  input: SafetyFundInput,
): Promise<EnterpriseSafetyFunds> {
  const actor = requireActor(ctx);
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseId);
  if (actor.enterpriseId !== enterprise.id) throw notFound();
  if (year > Number(todayInChina().slice(0, 4))) throw fieldError('year', '不能登记未来年度的费用');
  const before = await repo.findFund(deps.db.kysely, enterprise.id, year);
  if (before ? input.version !== before.version : input.version !== null) throw staleVersion();
  const columns: repo.FundColumns = {
    extracted_fen: yuanToFen(input.extractedYuan),
    spent_fen: yuanToFen(input.spentYuan),
    note: input.note,
    updated_by: actor.userId,
    updated_by_name: nameOf(actor),
    updated_at: nowIso(),
  };
  await inTransaction(deps, async (trx) => {
    const ok = before
      ? await repo.updateFundIfVersion(trx, before.id, before.version, columns)
      : await repo.insertFund(trx, { ...columns, enterprise_id: enterprise.id, year });
    if (!ok) throw staleVersion();
    const changed = {
      extracted_fen: columns.extracted_fen,
      spent_fen: columns.spent_fen,
      note: columns.note,
    };
    await deps.audit.append(trx, ctx, {
      action: before ? 'safety_fund.updated' : 'safety_fund.recorded',
      entityType: 'safety_fund',
      entityId: `${enterprise.id}:${year}`,
      changes: diffRecords(
        before
          ? { extracted_fen: before.extracted_fen, spent_fen: before.spent_fen, note: before.note }
          : null,
        changed,
      ),
    });
  });
  return listSafetyFunds(deps, ctx, enterprise.id);
}
