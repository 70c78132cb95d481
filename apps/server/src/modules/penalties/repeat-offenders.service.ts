import ExcelJS from 'exceljs';
import {
  addYears,
  closureThreshold,
  type HazardStatus,
  isEnterpriseRole,
  type PageQuery,
  recurringItems,
  type RepeatOffenderReason,
  type RepeatOffenderRow,
  SECTOR_LABELS,
  type Sector,
} from '@hazard-ledger/domain';
import { forbidden } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import * as repo from './penalties.repository.js';
import { caseScopeOf } from './penalty-cases.service.js';

// Repeat offenders (屡查屡犯, 精准监管): enterprises whose major-hazard penalty decisions meet the
// closure threshold of 安全生产法第一百一十三条 (3 in 180 days / 4 in a year), and enterprises where
// the same catalog item recurs after verification. Both rules are the domain's
// (repeat-offenders.ts); this only gathers the facts of the caller's territory and sectors.

export type RepeatOffenderFilter = {
  sector?: Sector;
  reason?: RepeatOffenderReason;
  /** The day looked at (default today): decisions within one year before it count. */
  asOf?: string;
};

/** Every listed enterprise of the caller's scope, closure proposals first. */
export async function repeatOffenderRows(
  deps: ServiceDeps,
  ctx: RequestContext,
  filter: RepeatOffenderFilter,
): Promise<RepeatOffenderRow[]> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const scope = await caseScopeOf(deps, ctx);
  if (scope.kind !== 'territory') throw forbidden();
  const db = deps.db.kysely;
  const asOf = filter.asOf ?? todayInChina();
  // A window of 180 days or one year that ends by `asOf` starts no earlier than a year before.
  const from = addYears(asOf, -1);
  const [decisions, candidates] = await Promise.all([
    repo.listMajorDecisions(db, scope, { from, to: asOf, sector: filter.sector }),
    repo.listRecurrenceCandidates(db, scope, { to: asOf, sector: filter.sector }),
  ]);

  const byEnterprise = new Map<number, typeof decisions>();
  for (const d of decisions) {
    const list = byEnterprise.get(d.enterprise_id) ?? [];
    list.push(d);
    byEnterprise.set(d.enterprise_id, list);
  }
  const caseNos = new Map(decisions.map((d) => [d.id, d.case_no]));
  const ref = (d: { caseId: number; decidedOn: string }) => ({
    ...d,
    caseNo: caseNos.get(d.caseId) ?? '',
  });

  const recurring = recurringItems(
    candidates.map((h) => ({
      id: h.id,
      enterpriseId: h.enterprise_id,
      catalogItemCode: h.catalog_item_code,
      foundAt: h.found_at,
      verifiedAt: h.verified_at,
    })),
  );
  const hazardById = new Map(candidates.map((h) => [h.id, h]));

  const ids = new Set<number>(recurring.map((r) => r.enterpriseId));
  const closures = new Map<number, ReturnType<typeof closureThreshold>>();
  for (const [enterpriseId, list] of byEnterprise) {
    const result = closureThreshold(
      list.map((d) => ({ caseId: d.id, decidedOn: d.decision_date! })),
    );
    closures.set(enterpriseId, result);
    if (result.met) ids.add(enterpriseId);
  }
  const enterpriseIds = [...ids];
  const [enterprises, leaders, proposals] = await Promise.all([
    repo.findEnterprises(db, enterpriseIds),
    repo.findMainLeaderNames(db, enterpriseIds),
    repo.findClosureProposals(db, enterpriseIds),
  ]);

  const rows: RepeatOffenderRow[] = enterprises.map((e) => {
    const closure = closures.get(e.id);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      sector: e.sector as Sector,
      districtName: e.district_name,
      mainLeaderName: leaders.get(e.id) ?? null,
      decisions: (byEnterprise.get(e.id) ?? []).map((d) => ({
        caseId: d.id,
        caseNo: d.case_no,
        decidedOn: d.decision_date!,
      })),
      closure: {
        met: closure?.met ?? false,
        within180Days: closure?.within180Days
          ? {
              metOn: closure.within180Days.metOn,
              decisions: closure.within180Days.decisions.map(ref),
            }
          : null,
        withinOneYear: closure?.withinOneYear
          ? {
              metOn: closure.withinOneYear.metOn,
              decisions: closure.withinOneYear.decisions.map(ref),
            }
          : null,
      },
      recurring: recurring
        .filter((r) => r.enterpriseId === e.id)
        .map((r) => ({
          catalogItemCode: r.catalogItemCode,
          hazards: r.hazardIds.map((id) => {
            const h = hazardById.get(id)!;
            return {
              id,
              number: h.number,
              foundAt: h.found_at,
              verifiedAt: h.verified_at,
              status: h.status as HazardStatus,
            };
          }),
          recurrences: r.recurrences,
        })),
      closureProposal: proposals.get(e.id) ?? null,
    };
  });
  return rows
    .filter((r) =>
      filter.reason === 'closure'
        ? r.closure.met
        : filter.reason === 'recurring'
          ? r.recurring.length > 0
          : true,
    )
    .sort(
      (a, b) =>
        Number(b.closure.met) - Number(a.closure.met) ||
        b.decisions.length - a.decisions.length ||
        a.enterpriseName.localeCompare(b.enterpriseName, 'zh-CN') ||
        a.enterpriseId - b.enterpriseId,
    );
}

/** One page of the repeat-offender view. */
export async function listRepeatOffenders(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: PageQuery & RepeatOffenderFilter,
) {
  const rows = await repeatOffenderRows(deps, ctx, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: rows.slice(start, start + query.pageSize),
    total: rows.length,
    page: query.page,
    pageSize: query.pageSize,
    asOf: query.asOf ?? todayInChina(),
  };
}

/** The whole view as a workbook (屡查屡犯企业清单). */
export async function exportRepeatOffenders(
  deps: ServiceDeps,
  ctx: RequestContext,
  filter: RepeatOffenderFilter,
): Promise<Buffer> {
  const rows = await repeatOffenderRows(deps, ctx, filter);
  const asOf = filter.asOf ?? todayInChina();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('屡查屡犯企业');
  sheet.columns = [
    { header: '序号', width: 6 },
    { header: '企业名称', width: 32 },
    { header: '行业领域', width: 12 },
    { header: '所属辖区', width: 18 },
    { header: '主要负责人', width: 12 },
    { header: `一年内重大事故隐患处罚（截至${asOf}）`, width: 40 },
    { header: '180日内3次', width: 30 },
    { header: '1年内4次', width: 30 },
    { header: '销号后复发的判定条目', width: 40 },
    { header: '提请关闭', width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  const window = (e: RepeatOffenderRow['closure']['within180Days']) =>
    e
      ? `${e.metOn}达到：${e.decisions.map((d) => `${d.caseNo}（${d.decidedOn}）`).join('、')}`
      : '';
  rows.forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.enterpriseName,
      SECTOR_LABELS[r.sector].zh,
      r.districtName,
      r.mainLeaderName ?? '',
      r.decisions.map((d) => `${d.caseNo}（${d.decidedOn}）`).join('\n'),
      window(r.closure.within180Days),
      window(r.closure.withinOneYear),
      r.recurring
        .map(
          (item) =>
            `${item.catalogItemCode}：${item.recurrences
              .map((x) => {
                const prev = item.hazards.find((h) => h.id === x.previousHazardId)?.number;
                const next = item.hazards.find((h) => h.id === x.hazardId)?.number;
                return `${prev}于${x.previousVerifiedAt}销号后，${x.foundAt}又发现${next}`;
              })
              .join('；')}`,
        )
        .join('\n'),
      r.closureProposal
        ? `已提请（${r.closureProposal.date}）`
        : r.closure.met
          ? '建议提请关闭'
          : '',
    ]);
  });
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
