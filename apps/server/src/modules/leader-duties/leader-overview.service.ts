import ExcelJS from 'exceljs';
import {
  calendarMonthsSpanned,
  campaignMonthCloses,
  type LeaderOverview,
  type LeaderOverviewRow,
  type PageQuery,
  SECTOR_LABELS,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { forbidden, notFound } from '../../lib/app-error.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { staffSees, standpointOf } from '../campaigns/audience.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { currentCampaign } from '../campaigns/campaigns.service.js';
import * as repo from './leader-inspections.repository.js';
import { monthChecks } from './leader-inspections.service.js';
import { safeCellText } from '../../lib/xlsx.js';

// The office's view of the leader inspections: the enterprises of a campaign (within the
// caller's territory and sectors) × its months, the missing ones flagged; and its export.

export type OverviewQuery = {
  campaignId?: number;
  sector?: Sector;
  onlyMissing?: boolean;
  q?: string;
};

/** The chosen campaign (or the caller's current one) and the enterprise filter it implies. */
async function overviewScope(deps: ServiceDeps, ctx: RequestContext, query: OverviewQuery) {
  const point = await standpointOf(deps, ctx);
  if (point.kind === 'enterprise') throw forbidden();
  let campaignId = query.campaignId;
  if (campaignId === undefined) {
    const current = await currentCampaign(deps, ctx);
    if (!current.campaign) return null;
    campaignId = current.campaign.id;
  }
  const row = await findCampaign(deps.db.kysely, campaignId);
  if (!row || row.voided_at !== null) throw notFound();
  const campaignSectors = JSON.parse(row.sectors) as Sector[];
  if (!staffSees(point, row.org_path, campaignSectors)) throw notFound();
  const campaign = {
    id: row.id,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
  };
  const today = todayInChina();
  const months = calendarMonthsSpanned(campaign.startDate, campaign.endDate);
  const dueMonths = months.filter((m) => today > campaignMonthCloses(campaign, m));
  const lastDue = dueMonths.at(-1);
  const sectors = campaignSectors.filter(
    (s) =>
      (point.sectors === null || point.sectors.includes(s)) &&
      (query.sector === undefined || query.sector === s),
  );
  const filter: repo.OverviewFilter = {
    paths: [row.org_path, point.path],
    sectors,
    q: query.q,
    like: likeOperator(deps.db.dialect),
  };
  if (query.onlyMissing) {
    // Nothing is missing before the first month is due: an impossible count keeps the list empty.
    filter.onlyMissing = lastDue
      ? {
          from: campaign.startDate,
          to: campaignMonthCloses(campaign, lastDue),
          dueCount: dueMonths.length,
        }
      : { from: campaign.startDate, to: campaign.startDate, dueCount: 0 };
  }
  return { campaign, months, dueMonths, filter, today };
}

/** Rows for some enterprises: their months of the campaign on `today`. */
async function rowsOf(
  deps: ServiceDeps,
  campaign: { startDate: string; endDate: string },
  today: string,
  enterprises: { id: number; name: string; sector: string; district_name: string }[],
): Promise<LeaderOverviewRow[]> {
  const days = await repo.inspectionDays(
    deps.db.kysely,
    enterprises.map((e) => e.id),
    campaign.startDate,
    campaign.endDate,
  );
  return enterprises.map((e) => {
    const mine = days.filter((d) => d.enterprise_id === e.id);
    const months = monthChecks(campaign, today, mine);
    return {
      enterpriseId: e.id,
      enterpriseName: e.name,
      sector: e.sector as Sector,
      districtName: e.district_name,
      months,
      missingMonths: months.filter((m) => m.missing).map((m) => m.month),
      signedCount: mine.filter((d) => d.status === 'signed').length,
    };
  });
}

/** One page of the overview. */
export async function leaderOverview(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: OverviewQuery & Pick<PageQuery, 'page' | 'pageSize'>,
): Promise<LeaderOverview> {
  const scope = await overviewScope(deps, ctx, query);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!scope) return { asOf: todayInChina(), campaign: null, ...empty };
  const { items, total } = await repo.listOverviewEnterprises(deps.db.kysely, scope.filter, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return {
    asOf: scope.today,
    campaign: { ...scope.campaign, months: scope.months, dueMonths: scope.dueMonths },
    items: await rowsOf(deps, scope.campaign, scope.today, items),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The overview with the same filters as an .xlsx workbook (every page). */
export async function exportLeaderOverview(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: OverviewQuery,
): Promise<{ buffer: Buffer; fileName: string }> {
  const scope = await overviewScope(deps, ctx, query);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('主要负责人带队检查', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
  });
  const title = scope
    ? `${scope.campaign.name}：主要负责人每月带队检查情况（截至${scope.today}）`
    : '主要负责人每月带队检查情况（当前无专项行动）';
  const months = scope?.months ?? [];
  const header = ['序号', '企业名称', '行业领域', '属地', ...months, '缺少检查的月份'];
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  header.forEach((h, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  sheet.columns = header.map((_, i) => ({
    width: i === 1 ? 32 : i === header.length - 1 ? 30 : i < 4 ? 12 : 10,
  }));
  if (scope) {
    const pageSize = 200;
    let n = 0;
    for (let page = 0; ; page++) {
      const { items } = await repo.listOverviewEnterprises(deps.db.kysely, scope.filter, {
        offset: page * pageSize,
        limit: pageSize,
      });
      const rows = await rowsOf(deps, scope.campaign, scope.today, items);
      for (const r of rows) {
        sheet.addRow([
          ++n,
          safeCellText(r.enterpriseName),
          SECTOR_LABELS[r.sector].zh,
          r.districtName,
          ...r.months.map((m) =>
            m.signed ? '已检查' : m.missing ? (m.unsigned ? '缺（未签字）' : '缺') : '—',
          ),
          r.missingMonths.join('、'),
        ]);
      }
      if (items.length < pageSize) break;
    }
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `主要负责人带队检查-${todayInChina()}.xlsx` };
}
