import ExcelJS from 'exceljs';
import {
  isEnterpriseRole,
  type PageQuery,
  SECTOR_LABELS,
  SECTORS,
  type Sector,
  type SelfInspectionCoverage,
  type SelfInspectionCoverageFilter,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, forbidden } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { staffSectors } from '../campaigns/audience.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { currentCampaign, getCampaign } from '../campaigns/campaigns.service.js';
import { districtIdsUnder } from '../org/org.repository.js';
import * as repo from './self-inspections.repository.js';
import { safeCellText } from '../../lib/xlsx.js';

// The office's coverage view (§三(二) 企业自查自改阶段): per sector, which enterprises of the
// campaign have submitted a self-inspection, which have not, and what they found.

export type CoverageQuery = {
  campaignId?: number;
  phase?: string;
  sector?: Sector;
  status?: SelfInspectionCoverageFilter;
  q?: string;
};

type Resolved = {
  campaign: NonNullable<SelfInspectionCoverage['campaign']>;
  phase: string | null;
  filter: repo.CoverageFilter;
};

/**
 * The campaign (default: the caller's current one), the enterprises it covers within the
 * caller's territory and sectors, and the days in which a submission counts (the phase's, or
 * the whole campaign's). Null when there is no campaign to report on.
 */
async function resolve(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CoverageQuery,
): Promise<Resolved | null> {
  const actor = requireActor(ctx);
  if (isEnterpriseRole(actor.role)) throw forbidden();
  const view = query.campaignId
    ? await getCampaign(deps, ctx, query.campaignId)
    : (await currentCampaign(deps, ctx)).campaign;
  if (!view) return null;
  const row = await findCampaign(deps.db.kysely, view.id);
  if (!row) return null;
  const phase = query.phase ? view.phases.find((p) => p.key === query.phase) : undefined;
  if (query.phase && !phase) throw fieldError('phase', '该专项行动没有这个阶段');
  const db = deps.db.kysely;
  const [underCampaign, underActor] = await Promise.all([
    districtIdsUnder(db, row.org_path),
    districtIdsUnder(db, actor.territoryPath),
  ]);
  const mine = new Set(underActor);
  const scopeSectors = staffSectors(actor);
  const sectors = SECTORS.filter(
    (s) =>
      view.sectors.includes(s) &&
      (scopeSectors === null || scopeSectors.includes(s)) &&
      (!query.sector || query.sector === s),
  );
  return {
    campaign: {
      id: view.id,
      name: view.name,
      phases: view.phases.map((p) => ({ key: p.key, name: p.name, start: p.start, end: p.end })),
    },
    phase: phase?.key ?? null,
    filter: {
      districtIds: underCampaign.filter((id) => mine.has(id)),
      sectors,
      campaignId: view.id,
      from: phase?.start ?? null,
      to: phase?.end ?? null,
      q: query.q,
      like: likeOperator(deps.db.dialect),
      submitted:
        query.status === 'submitted' ? true : query.status === 'not_submitted' ? false : undefined,
    },
  };
}

function rowView(r: repo.CoverageRow) {
  return {
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    sector: r.sector as Sector,
    districtName: r.district_name,
    submitted: r.runs !== null && Number(r.runs) > 0,
    inProgress: Boolean(Number(r.in_progress)),
    submittedRuns: Number(r.runs ?? 0),
    lastRunId: r.last_run_id === null ? null : Number(r.last_run_id),
    lastSubmittedAt: r.last_submitted_at === null ? null : String(r.last_submitted_at),
    problemCount: Number(r.problems ?? 0),
  };
}

/** One page of the coverage view with the totals per sector. */
export async function selfInspectionCoverage(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CoverageQuery & PageQuery,
): Promise<SelfInspectionCoverage> {
  const resolved = await resolve(deps, ctx, query);
  const empty = { sectors: [], items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!resolved) return { campaign: null, phase: null, ...empty };
  const db = deps.db.kysely;
  const [{ items, total }, bySector] = await Promise.all([
    repo.listCoverage(db, resolved.filter, {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    }),
    repo.coverageBySector(db, resolved.filter),
  ]);
  return {
    campaign: resolved.campaign,
    phase: resolved.phase,
    sectors: bySector.map((s) => ({
      sector: s.sector as Sector,
      enterprises: Number(s.enterprises),
      submitted: Number(s.submitted),
      problems: Number(s.problems ?? 0),
    })),
    items: items.map(rowView),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Formats a UTC instant as a China wall-clock time (YYYY-MM-DD HH:mm). */
export function chinaTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The coverage view (all rows of the filter) as an .xlsx workbook, with its file name. */
export async function exportSelfInspectionCoverage(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: CoverageQuery,
): Promise<{ buffer: Buffer; fileName: string }> {
  const resolved = await resolve(deps, ctx, query);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('对标自查情况', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = [
    '序号',
    '企业名称',
    '行业领域',
    '所属辖区',
    '是否已提交自查',
    '提交次数',
    '最近提交时间',
    '发现问题数',
    '备注',
  ];
  const widths = [6, 36, 14, 20, 14, 10, 20, 12, 16];
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  let name = '对标自查情况';
  if (resolved) {
    const phase = resolved.campaign.phases.find((p) => p.key === resolved.phase);
    name = `${resolved.campaign.name}${phase ? `-${phase.name}` : ''}-对标自查情况`;
    const { items } = await repo.listCoverage(deps.db.kysely, resolved.filter, null);
    items.map(rowView).forEach((r, i) => {
      sheet.addRow([
        i + 1,
        safeCellText(r.enterpriseName),
        SECTOR_LABELS[r.sector].zh,
        r.districtName,
        r.submitted ? '已提交' : '未提交',
        r.submittedRuns,
        r.lastSubmittedAt ? chinaTime(r.lastSubmittedAt) : '',
        r.problemCount,
        r.inProgress ? '正在填报' : '',
      ]);
    });
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${name}.xlsx` };
}
