import ExcelJS from 'exceljs';
import {
  ACCIDENT_LEVEL_LABELS,
  ACCIDENT_TYPE_LABELS,
  HAZARD_LEVEL_LABELS,
  HAZARD_STATUS_LABELS,
  INSPECTION_RECORD_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  PENALTY_CASE_STATUS_LABELS,
  SECTOR_LABELS,
  type TraceHazard,
} from '@hazard-ledger/domain';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { safeCellText } from '../../lib/xlsx.js';
import { getAccident, traceBack } from './accidents.service.js';

// The trace-back as a workbook (责任倒查材料): the accident, then one row per inspection finding
// with the signers and the hazard's state at the time, the same-item open hazards, and the cases
// and orders of the window — for the investigation file. Small (one enterprise, two years), so
// it is built in memory.

type Labels = Record<string, { zh: string } | undefined>;

const chinaTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO instant as China wall-clock time, "2026-03-01 14:30". */
function chinaDateTime(iso: string | null): string {
  if (!iso) return '';
  const parts = Object.fromEntries(
    chinaTime.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const zh = (labels: Labels, key: string) => labels[key]?.zh ?? key;

function sheetWith(workbook: ExcelJS.Workbook, name: string, columns: [string, number][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

function hazardCells(h: TraceHazard): string[] {
  return [
    h.number,
    safeCellText(h.title),
    HAZARD_LEVEL_LABELS[h.level].zh,
    h.catalogItemCode ?? '',
    HAZARD_STATUS_LABELS[h.statusAtAccident].zh,
    HAZARD_STATUS_LABELS[h.currentStatus].zh,
  ];
}

/** The trace-back workbook of an accident the caller may see (404 otherwise). */
export async function traceBackWorkbook(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  const accident = await getAccident(deps, ctx, id);
  const trace = await traceBack(deps, ctx, id);
  const workbook = new ExcelJS.Workbook();

  const facts = sheetWith(workbook, '事故信息', [
    ['项目', 18],
    ['内容', 80],
  ]);
  facts.addRows([
    ['事故企业', safeCellText(accident.enterpriseName)],
    ['所属区县', accident.districtName],
    ['行业领域', SECTOR_LABELS[accident.sector].zh],
    ['事发时间', chinaDateTime(accident.occurredAt)],
    ['事故类别', ACCIDENT_TYPE_LABELS[accident.type].zh],
    ['事发地点', safeCellText(accident.place)],
    ['死亡（人）', accident.deaths],
    ['重伤（人）', accident.seriousInjuries],
    ['轻伤（人）', accident.minorInjuries],
    ['直接经济损失（元）', accident.directLossFen / 100],
    ['事故等级', ACCIDENT_LEVEL_LABELS[accident.level].zh],
    ['按条例应定等级', ACCIDENT_LEVEL_LABELS[accident.suggestedLevel].zh],
    ['改定等级理由', safeCellText(accident.levelReason)],
    ['事故简要情况', safeCellText(accident.report)],
    ['状态', accident.status === 'voided' ? `已作废：${accident.voidReason ?? ''}` : '已登记'],
    [
      '倒查期间',
      `${chinaDateTime(trace.windowFrom)} 至 ${chinaDateTime(trace.windowTo)}（事故前两年）`,
    ],
  ]);

  const inspections = sheetWith(workbook, '现场检查记录', [
    ['记录编号', 26],
    ['检查时间', 18],
    ['记录状态', 10],
    ['执法人员', 30],
    ['签名人员', 30],
    ['隐患编号', 18],
    ['隐患', 40],
    ['隐患等级', 14],
    ['判定标准条目', 14],
    ['事发时状态', 14],
    ['当前状态', 14],
  ]);
  for (const r of trace.inspections) {
    const people = (list: { name: string; certificateNo: string }[]) =>
      safeCellText(list.map((p) => `${p.name}（${p.certificateNo}）`).join('、'));
    const head = [
      r.recordNo,
      chinaDateTime(r.startedAt),
      zh(INSPECTION_RECORD_STATUS_LABELS, r.status),
      people(r.inspectors),
      people(r.signers) || '未签名',
    ];
    const hazards = r.findings.flatMap((f) => (f.hazard ? [f.hazard] : []));
    if (hazards.length === 0) inspections.addRow([...head, '未发现隐患']);
    for (const h of hazards) inspections.addRow([...head, ...hazardCells(h)]);
  }

  const sameItem = sheetWith(workbook, '事发时未销号的同类隐患', [
    ['隐患编号', 18],
    ['隐患', 40],
    ['隐患等级', 14],
    ['判定标准条目', 14],
    ['事发时状态', 14],
    ['当前状态', 14],
    ['发现日期', 12],
    ['整改期限', 12],
    ['检查发现', 10],
  ]);
  for (const h of trace.sameItemOpenHazards) {
    sameItem.addRow([
      ...hazardCells(h),
      h.foundAt,
      h.deadline ?? '',
      h.foundByInspection ? '是' : '否',
    ]);
  }

  const enforcement = sheetWith(workbook, '处罚案件与整改指令', [
    ['类别', 16],
    ['编号', 30],
    ['日期', 12],
    ['事项/期限', 40],
    ['状态', 14],
  ]);
  for (const c of trace.penaltyCases) {
    enforcement.addRow([
      '行政处罚案件',
      c.caseNo,
      c.filedOn,
      safeCellText(c.matter),
      zh(PENALTY_CASE_STATUS_LABELS, c.status),
    ]);
  }
  for (const o of trace.orders) {
    enforcement.addRow([
      '责令限期整改指令书',
      o.orderNo,
      o.issuedOn,
      `整改期限 ${o.deadline}`,
      zh(ORDER_STATUS_LABELS, o.status),
    ]);
  }

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const day = chinaDateTime(accident.occurredAt).slice(0, 10);
  return { buffer, fileName: `责任倒查-${accident.enterpriseName}-${day}.xlsx` };
}
