import ExcelJS from 'exceljs';
import {
  PLAN_KIND_LABELS,
  PLAN_TARGET_STATUS_LABELS,
  type PlanKind,
  SECTOR_LABELS,
} from '@hazard-ledger/domain';
import { forbidden } from '../../lib/app-error.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { getVisiblePlan, loadTargets } from './inspection-plans.service.js';
import * as repo from './inspection-plans.repository.js';
import { safeCellText } from '../../lib/xlsx.js';

// The plan's inspection list (检查名单) as .xlsx: what the inspectors take with them.

const HEADERS = [
  '序号',
  '企业名称',
  '统一社会信用代码',
  '行业领域',
  '所属辖区',
  '地址',
  '执法人员（执法证号）',
  '状态',
] as const;
const WIDTHS = [6, 34, 22, 14, 18, 34, 40, 10];

/** The targets of a plan as a workbook, with its file name (staff only). */
export async function exportPlanTargets(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  const { plan, viewer } = await getVisiblePlan(deps, ctx, id);
  if (viewer.kind === 'enterprise') throw forbidden();
  const [targets, rows] = await Promise.all([
    loadTargets(deps, id),
    repo.listTargets(deps.db.kysely, id),
  ]);
  const extra = new Map(rows.map((r) => [r.id, r]));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('检查名单', { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const last = String.fromCharCode('A'.charCodeAt(0) + HEADERS.length - 1);
  // Merged title rows: set the merge, then the top-left cell only (ExcelJS drops merges when a
  // whole row's values are assigned over them).
  sheet.mergeCells(`A1:${last}1`);
  sheet.getCell('A1').value = `${safeCellText(plan.name)} 检查名单`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells(`A2:${last}2`);
  const facts = [
    `检查方式：${PLAN_KIND_LABELS[plan.kind as PlanKind].zh}`,
    `检查期间：${plan.start_date} 至 ${plan.end_date}`,
    `制定单位：${plan.org_unit_name}`,
    plan.unannounced === 1 ? '四不两直（不得事先通知企业）' : null,
    plan.cross_area === 1 ? '异地执法/交叉互检' : null,
    plan.draw_seed ? `随机抽取（${plan.draw_algorithm}，种子 ${plan.draw_seed}）` : null,
  ].filter(Boolean);
  sheet.getCell('A2').value = facts.join('；');
  sheet.getRow(3).values = [...HEADERS];
  sheet.getRow(3).font = { bold: true };
  for (const t of targets) {
    const row = extra.get(t.id);
    sheet.addRow([
      t.seq,
      safeCellText(t.enterpriseName),
      row?.enterprise_credit_code ?? '',
      SECTOR_LABELS[t.sector].zh,
      t.districtName,
      safeCellText(row?.enterprise_address),
      t.inspectors
        .map((i) => `${safeCellText(i.name)}（${safeCellText(i.certificateNo) || '无执法证号'}）`)
        .join('、'),
      PLAN_TARGET_STATUS_LABELS[t.status].zh,
    ]);
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, fileName: `${plan.name}-检查名单.xlsx` };
}
