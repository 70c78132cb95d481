import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Content, ContentStack, ContentTable } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TABLE_LAYOUTS,
  type DispatchReportView,
  FIGURE_KEYS,
  FIGURES,
  HAZARD_LIST_FIELD_LABELS,
  type HazardListLayout,
  type HazardListRow,
  headerRows,
  leafColumns,
  MILESTONE_PERIOD_LABEL,
  type ProgressTableLayout,
  type ReportFigures,
  type RollupView,
  sumReportFigures,
  type TableLayout,
} from '@hazard-ledger/domain';
import { safeCellText } from '../src/lib/xlsx.js';
import { cellText } from './xlsx-cells.js';
import {
  dispatchReportDocument,
  dispatchReportPdf,
  dispatchReportXlsx,
  NO_VALUE,
  PIECE_COLUMNS,
  rollupXlsx,
  tablePieces,
} from '../src/modules/reports/dispatch-export.js';

// The dispatch report exports read back: every header cell merged over the right columns with
// the layout's label, every data cell equal to the figure it shows, 附件5, the roll-up total,
// user texts kept as text (never a formula), and the PDF's text.

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
/** The PDF needs a CJK font (lib/pdf.ts); CI installs fonts-noto-cjk. */
const hasCjkFont =
  Boolean(process.env.PDF_FONT_FILE) ||
  fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') ||
  fs.existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc');

function progressLayout(layout: TableLayout): ProgressTableLayout {
  if (layout.kind !== 'progress') throw new Error('not a progress table');
  return layout;
}
function listLayout(layout: TableLayout): HazardListLayout {
  if (layout.kind !== 'hazard_list') throw new Error('not a hazard list');
  return layout;
}

const ANNEX1 = progressLayout(DEFAULT_TABLE_LAYOUTS.annex1);
const ANNEX5 = listLayout(DEFAULT_TABLE_LAYOUTS.annex5);

/**
 * A value for every figure, each different so a cell in the wrong column shows: counts grow
 * with the figure's index, percentages and 万元 have decimals; unsupported figures are null.
 */
function figuresFixture(seed: number): ReportFigures {
  const figures = {} as ReportFigures;
  FIGURE_KEYS.forEach((key, i) => {
    const def = FIGURES[key];
    if (!def.supported) figures[key] = { week: null, cumulative: null };
    else if (def.unit === '%') figures[key] = { week: null, cumulative: 60 + i + seed / 10 };
    else if (def.unit === '万元')
      figures[key] = { week: 1.2345 + seed, cumulative: 12.345678 + i + seed };
    else if (def.kind === 'stock') figures[key] = { week: null, cumulative: 100 + i + seed };
    else figures[key] = { week: i + 1 + seed, cumulative: (i + 1) * 10 + 3 + seed };
  });
  return figures;
}

function hazardRow(id: number, over: Partial<HazardListRow> = {}): HazardListRow {
  return {
    hazardId: id,
    enterpriseId: 100 + id,
    enterprise: `东胜区恒泰化工有限公司${id}`,
    sector: '危险化学品',
    description: `重大事故隐患${id}：储罐区未设置紧急切断装置`,
    origin: '执法检查',
    found_at: '2026-11-10',
    responsible: '张厂长',
    measures: '加装紧急切断阀，完善联锁',
    deadline: '2026-12-10',
    status: '整改中',
    supervision: '否',
    overdue: '否',
    ...over,
  };
}

function reportView(over: Partial<DispatchReportView> = {}): DispatchReportView {
  return {
    districtId: 2,
    districtName: '东胜区应急管理局',
    cityName: '鄂尔多斯市应急管理局',
    campaignId: 1,
    campaignName: '重大事故隐患专项排查整治2026行动',
    sector: 'hazchem',
    kind: 'weekly',
    milestone: null,
    periodFrom: '2026-11-16',
    periodTo: '2026-11-22',
    currentFrom: '2026-11-16',
    campaignStart: '2026-09-01',
    dueAt: '2026-11-23T04:00:00.000Z',
    status: 'submitted',
    reportId: 7,
    versionId: 12,
    version: 2,
    frozen: true,
    onTime: true,
    confirmation: { byName: '赵队长', at: '2026-11-23T01:00:00.000Z', stale: false, changed: [] },
    versions: [
      {
        id: 11,
        version: 1,
        submittedAt: '2026-11-23T02:30:00.000Z',
        submittedByName: '李主任',
        preparedBy: '王芳',
        contactPhone: '0477-1234567',
        reason: null,
        onTime: true,
      },
      {
        id: 12,
        version: 2,
        submittedAt: '2026-11-24T03:00:00.000Z',
        submittedByName: '李主任',
        preparedBy: '王芳',
        contactPhone: '0477-1234567',
        reason: '罚款金额录入有误',
        onTime: false,
      },
    ],
    preparedBy: '王芳',
    contactPhone: '0477-1234567',
    reviewerName: '李主任',
    summary: null,
    figures: figuresFixture(0),
    hazardList: [
      hazardRow(1),
      hazardRow(2, { description: '=1+2', enterprise: '@SUM(A1)', measures: '-3' }),
    ],
    hazardListTotal: 2,
    progressLayout: ANNEX1,
    hazardListLayout: ANNEX5,
    computedAt: '2026-11-24T02:59:00.000Z',
    can: { confirm: false, submit: false, correct: true },
    ...over,
  };
}

async function load(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

function sheetAt(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[index];
  if (!sheet) throw new Error(`no sheet ${index}`);
  return sheet;
}

/** The texts of every row, for finding lines wherever they are. */
function rowTexts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => {
    out.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => cellText(v))
        .join('|'),
    );
  });
  return out;
}

/** The row whose first cell says `text`. */
function rowStartingWith(sheet: ExcelJS.Worksheet, text: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (!found && cellText(row.getCell(1).value) === text) found = n;
  });
  if (!found) throw new Error(`no row starting with ${text}`);
  return found;
}

const address = (row: number, col: number) => {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row}`;
};
const rangeOf = (top: number, left: number, bottom: number, right: number) =>
  `${address(top, left)}:${address(bottom, right)}`;

function merges(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges;
}

/** Asserts that a cell holds a figure exactly as the fixture has it ("—" for null). */
function expectFigure(cell: ExcelJS.Cell, value: number | null): void {
  if (value === null) expect(cell.value).toBe(NO_VALUE);
  else expect(cell.value).toBe(value);
}

/** Checks the three merged header rows after 填报单位 against headerRows(layout). */
function expectProgressHeader(
  sheet: ExcelJS.Worksheet,
  top: number,
  layout: ProgressTableLayout,
  periodLabel?: { zh: string; en: string },
): void {
  const all = merges(sheet);
  const h = headerRows(layout, periodLabel);
  expect(all).toContain(rangeOf(top, 1, top + 2, 1));
  let col = 2;
  for (const g of h.groups) {
    expect(cellText(sheet.getCell(top, col).value)).toBe(g.label.zh);
    if (g.span > 1) expect(all).toContain(rangeOf(top, col, top, col + g.span - 1));
    col += g.span;
  }
  col = 2;
  for (const f of h.figures) {
    expect(cellText(sheet.getCell(top + 1, col).value)).toBe(f.label.zh);
    const single = h.periods[col - 2] === null;
    if (single) expect(all).toContain(rangeOf(top + 1, col, top + 2, col + f.span - 1));
    else if (f.span > 1) expect(all).toContain(rangeOf(top + 1, col, top + 1, col + f.span - 1));
    col += f.span;
  }
  h.periods.forEach((p, i) => {
    if (p) expect(cellText(sheet.getCell(top + 2, 2 + i).value)).toBe(p.label.zh);
  });
  expect(col - 1).toBe(1 + leafColumns(layout).length);
}

/** Every cell of a workbook: none may be a formula. */
function expectNoFormula(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeFalsy();
      }),
    );
}

describe('dispatch report .xlsx', () => {
  it('lays out the progress table with merged headers and every figure in its column', async () => {
    const view = reportView();
    const file = await dispatchReportXlsx(view, 'zh');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(file.fileName).toBe('东胜区_危险化学品_调度表_2026-11-16至2026-11-22_第2版.xlsx');
    const workbook = await load(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '附件1 进展情况',
      '附件5 隐患清单',
      '指标说明',
    ]);
    const sheet = sheetAt(workbook, 0);
    expect(sheet.getCell('A1').value).toBe('附件1');
    expect(sheet.getCell('B2').value).toBe(ANNEX1.title.zh);
    const texts = rowTexts(sheet).join('\n');
    expect(texts).toContain(
      '填报单位：东胜区应急管理局\u3000\u3000统计时段：2026-11-16至2026-11-22（累计 2026-09-01至2026-11-22）',
    );

    const top = rowStartingWith(sheet, '填报单位');
    expectProgressHeader(sheet, top, ANNEX1);
    // The figure headers carry the definition as a comment.
    const firstFigure = sheet.getCell(top + 1, 2);
    expect(JSON.stringify(firstFigure.note)).toContain('企业名录中该行业的企业数');

    const data = top + 3;
    expect(sheet.getCell(data, 1).value).toBe('东胜区应急管理局');
    const leaves = leafColumns(ANNEX1);
    expect(leaves.length).toBeGreaterThan(50);
    leaves.forEach((leaf, i) =>
      expectFigure(sheet.getCell(data, 2 + i), view.figures[leaf.figure][leaf.period]),
    );
    // Unsupported figures show "—"; numbers stay numbers with the display format.
    const persons = leaves.findIndex((l) => l.figure === 'judicial_referral_persons');
    expect(sheet.getCell(data, 2 + persons).value).toBe('—');
    const rate = leaves.findIndex((l) => l.figure === 'major_hazard_rectification_rate');
    expect(sheet.getCell(data, 2 + rate).numFmt).toBe('0.0');
    const fines = leaves.findIndex(
      (l) => l.figure === 'penalty_fines' && l.period === 'cumulative',
    );
    expect(sheet.getCell(data, 2 + fines).value).toBe(view.figures.penalty_fines.cumulative);
    expect(sheet.getCell(data, 2 + fines).numFmt).toBe('0.####');

    expect(texts).toContain(
      '填报人：王芳\u3000\u3000联系电话：0477-1234567\u3000\u3000审核人：李主任\u3000\u3000填报日期：2026-11-24',
    );
    expect(texts).toContain(
      '第2版（更正原因：罚款金额录入有误）：报送时间 2026-11-24 11:00，首次报送按时',
    );
    expect(texts).toContain('移送司法机关人数：移送司法机关措施未登记被移送的人员');

    // Printable: A4 landscape, header rows and the unit column on every page, frozen panes.
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${top}:${top + 2}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: top + 2 });
    expect(sheet.getCell(data, 2).border?.top?.style).toBe('thin');
  });

  it('prints the table in pieces of whole groups, with a column break after each', async () => {
    const file = await dispatchReportXlsx(reportView(), 'zh');
    const zip = await JSZip.loadAsync(file.body);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const pieces = tablePieces(ANNEX1);
    const ids = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(pieces.slice(0, -1).map((p) => 1 + p.to));
    // The break element sits where the schema wants it: after the page setup, before drawings.
    expect(xml.indexOf('<colBreaks')).toBeGreaterThan(xml.indexOf('<pageSetup'));
    expect(xml.indexOf('<colBreaks')).toBeLessThan(xml.indexOf('<legacyDrawing'));
    // ExcelJS (and so the lead's end-to-end test) still reads the file.
    await expect(load(file.body)).resolves.toBeDefined();
  });

  it('lists the open major hazards (附件5) and keeps user texts as text', async () => {
    const view = reportView();
    const workbook = await load((await dispatchReportXlsx(view, 'zh')).body);
    const sheet = sheetAt(workbook, 1);
    expect(sheet.getCell('A1').value).toBe('附件5');
    expect(sheet.getCell('A2').value).toBe(ANNEX5.title.zh);
    const head = rowStartingWith(sheet, '序号');
    ANNEX5.columns.forEach((c, i) =>
      expect(sheet.getCell(head, i + 1).value).toBe(HAZARD_LIST_FIELD_LABELS[c.field].zh),
    );
    expect(sheet.pageSetup.printTitlesRow).toBe(`${head}:${head}`);
    const col = (field: string) => 1 + ANNEX5.columns.findIndex((c) => c.field === field);
    expect(sheet.getCell(head + 1, col('seq')).value).toBe('1');
    expect(sheet.getCell(head + 1, col('enterprise')).value).toBe('东胜区恒泰化工有限公司1');
    expect(sheet.getCell(head + 1, col('measures')).alignment?.wrapText).toBe(true);
    expect(sheet.getCell(head + 2, col('seq')).value).toBe('2');
    for (const field of ['deadline', 'status', 'found_at', 'origin'] as const)
      expect(sheet.getCell(head + 1, col(field)).value).toBe(view.hazardList[0]![field]);
    // "=1+2" from a user is shown as text, never run.
    const description = sheet.getCell(head + 2, col('description'));
    expect(description.type).toBe(ExcelJS.ValueType.String);
    expect(description.value).toBe("'=1+2");
    expect(sheet.getCell(head + 2, col('enterprise')).value).toBe("'@SUM(A1)");
    expect(sheet.getCell(head + 2, col('measures')).value).toBe("'-3");
    expectNoFormula(workbook);
    const zip = await JSZip.loadAsync((await dispatchReportXlsx(view, 'zh')).body);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/sheet')))
      expect(await zip.file(name)!.async('string')).not.toContain('<f>');
  });

  it('says when the list is cut and when nothing is open', async () => {
    const cut = await load(
      (await dispatchReportXlsx(reportView({ hazardListTotal: 2002 }), 'zh')).body,
    );
    expect(rowTexts(sheetAt(cut, 1)).join('\n')).toContain(
      '共2002条，清单列出前2条，另有2000条未列出',
    );
    const none = await load(
      (await dispatchReportXlsx(reportView({ hazardList: [], hazardListTotal: 0 }), 'zh')).body,
    );
    const sheet = sheetAt(none, 1);
    const head = rowStartingWith(sheet, '序号');
    expect(sheet.getCell(head + 1, 1).value).toBe('期末无未销号的重大事故隐患');
    expect(merges(sheet)).toContain(rangeOf(head + 1, 1, head + 1, ANNEX5.columns.length));
  });

  it('marks a draft and leaves the signature blank', async () => {
    const view = reportView({
      status: 'draft',
      reportId: null,
      versionId: null,
      version: null,
      frozen: false,
      onTime: null,
      versions: [],
      preparedBy: null,
      contactPhone: null,
      reviewerName: null,
      confirmation: {
        byName: '赵队长',
        at: '2026-11-23T01:00:00.000Z',
        stale: true,
        changed: ['penalty_cases'],
      },
      summary: '本周重点检查了储罐区',
    });
    const file = await dispatchReportXlsx(view, 'zh');
    expect(file.fileName).toBe('东胜区_危险化学品_调度表_2026-11-16至2026-11-22_草稿.xlsx');
    const texts = rowTexts(sheetAt(await load(file.body), 0)).join('\n');
    expect(texts).toContain('草稿（未报送，数据实时生成）：生成时间 2026-11-24 10:59');
    expect(texts).toContain('其后已变化（行政处罚案件数），须重新确认');
    expect(texts).toContain('填报人：\u3000\u3000\u3000\u3000');
    expect(texts).toContain('备注：本周重点检查了储罐区');
  });

  it('adds the written summary of a milestone report and labels its period 本期', async () => {
    const view = reportView({
      kind: 'milestone',
      milestone: { key: 'm1', name: '8月13日阶段总结', due: '2026-08-13' },
      periodFrom: '2026-06-01',
      periodTo: '2026-08-13',
      currentFrom: '2026-06-01',
      campaignStart: '2026-06-01',
      summary: '一、总体情况\n=开展排查整治。\n二、下一步工作',
    });
    const file = await dispatchReportXlsx(view, 'zh');
    expect(file.fileName).toBe(
      '东胜区_危险化学品_调度表_8月13日阶段总结_2026-06-01至2026-08-13_第2版.xlsx',
    );
    const workbook = await load(file.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '附件1 进展情况',
      '附件5 隐患清单',
      '工作总结',
      '指标说明',
    ]);
    const progress = sheetAt(workbook, 0);
    expect(progress.getCell('B2').value).toBe(`${ANNEX1.title.zh}（8月13日阶段总结）`);
    const top = rowStartingWith(progress, '填报单位');
    expectProgressHeader(progress, top, ANNEX1, MILESTONE_PERIOD_LABEL);
    expect(cellText(progress.getCell(top + 2, 3).value)).toBe('本期');
    const summary = rowTexts(sheetAt(workbook, 2));
    expect(summary).toContain('一、总体情况');
    expect(summary).toContain("'=开展排查整治。");
    expect(summary).toContain('二、下一步工作');
    expectNoFormula(workbook);
  });

  it('explains every figure of the table in 指标说明', async () => {
    const workbook = await load((await dispatchReportXlsx(reportView(), 'zh')).body);
    const sheet = sheetAt(workbook, 2);
    const keys = [...new Set(leafColumns(ANNEX1).map((l) => l.figure))];
    keys.forEach((key, i) => {
      expect(cellText(sheet.getCell(3 + i, 1).value).startsWith(FIGURES[key].zh)).toBe(true);
      expect(sheet.getCell(3 + i, 2).value).toBe(FIGURES[key].unit);
      expect(sheet.getCell(3 + i, 4).value).toBe(FIGURES[key].definition);
    });
    const rectified = 3 + keys.indexOf('major_hazards_self_found_rectified');
    expect(sheet.getCell(rectified, 1).value).toBe('其中：已整改（企业自查重大事故隐患数）');
  });

  it('speaks English when asked', async () => {
    const workbook = await load((await dispatchReportXlsx(reportView(), 'en')).body);
    const sheet = sheetAt(workbook, 0);
    expect(rowStartingWith(sheet, 'Reporting unit')).toBeGreaterThan(0);
    expect(sheet.getCell('B2').value).toBe(ANNEX1.title.en);
  });
});

describe('roll-up .xlsx', () => {
  it('shows one row per district, 未报送, the 合计 row and completeness', async () => {
    const a = figuresFixture(1);
    const c = figuresFixture(2);
    const view: RollupView = {
      orgUnitId: 1,
      orgUnitName: '鄂尔多斯市应急管理局',
      campaignId: 1,
      campaignName: '重大事故隐患专项排查整治2026行动',
      sector: 'hazchem',
      kind: 'weekly',
      milestone: null,
      periodFrom: '2026-11-16',
      periodTo: '2026-11-22',
      dueAt: '2026-11-23T04:00:00.000Z',
      rows: [
        {
          districtId: 2,
          districtName: '东胜区应急管理局',
          report: {
            reportId: 7,
            versionId: 12,
            version: 2,
            submittedAt: '2026-11-24T03:00:00.000Z',
            onTime: true,
          },
          figures: a,
        },
        { districtId: 3, districtName: '康巴什区应急管理局', report: null, figures: null },
        {
          districtId: 4,
          districtName: '=HYPERLINK("x")',
          report: {
            reportId: 8,
            versionId: 13,
            version: 1,
            submittedAt: '2026-11-23T05:00:00.000Z',
            onTime: false,
          },
          figures: c,
        },
      ],
      total: sumReportFigures([a, c]),
      completeness: {
        expected: 3,
        submitted: 2,
        onTime: 1,
        submittedRate: 66.7,
        onTimeRate: 33.3,
      },
      progressLayout: ANNEX1,
    };
    const file = await rollupXlsx(view, 'zh');
    expect(file.fileName).toBe('鄂尔多斯市_危险化学品_调度汇总表_2026-11-16至2026-11-22.xlsx');
    const workbook = await load(file.body);
    const sheet = sheetAt(workbook, 0);
    expect(sheet.getCell('B2').value).toBe(`${ANNEX1.title.zh}（鄂尔多斯市应急管理局汇总）`);
    const top = rowStartingWith(sheet, '填报单位');
    expectProgressHeader(sheet, top, ANNEX1);
    const leaves = leafColumns(ANNEX1);
    const last = 1 + leaves.length;

    expect(sheet.getCell(top + 3, 1).value).toBe('东胜区应急管理局');
    expect(JSON.stringify(sheet.getCell(top + 3, 1).note)).toContain('第2版');
    leaves.forEach((leaf, i) =>
      expectFigure(sheet.getCell(top + 3, 2 + i), a[leaf.figure][leaf.period]),
    );
    expect(sheet.getCell(top + 4, 1).value).toBe('康巴什区应急管理局');
    // Merged over each printed piece, so every page says it.
    for (const piece of tablePieces(ANNEX1)) {
      expect(sheet.getCell(top + 4, 2 + piece.from).value).toBe('未报送');
      expect(merges(sheet)).toContain(rangeOf(top + 4, 2 + piece.from, top + 4, 1 + piece.to));
    }
    expect(tablePieces(ANNEX1).at(-1)!.to + 1).toBe(last);
    expect(sheet.getCell(top + 5, 1).value).toBe(`'=HYPERLINK("x")`);
    expect(sheet.getCell(top + 6, 1).value).toBe('合计');
    leaves.forEach((leaf, i) =>
      expectFigure(sheet.getCell(top + 6, 2 + i), view.total[leaf.figure][leaf.period]),
    );
    expect(sheet.getCell(top + 6, 2).font?.bold).toBe(true);
    // The total adds up the districts (the domain's sum; ratios recomputed, not added).
    const found = leaves.findIndex(
      (l) => l.figure === 'major_hazards_found' && l.period === 'week',
    );
    expect(sheet.getCell(top + 6, 2 + found).value).toBe(
      (a.major_hazards_found.week ?? 0) + (c.major_hazards_found.week ?? 0),
    );
    expect(rowTexts(sheet).join('\n')).toContain(
      '报送情况：应报3个，已报2个（报送率66.7%），按时1个（及时率33.3%）',
    );
    expectNoFormula(workbook);
  });
});

describe('table pieces', () => {
  it('cuts the default table at group boundaries, covering every column once', () => {
    const pieces = tablePieces(ANNEX1);
    const leaves = leafColumns(ANNEX1);
    expect(pieces[0]!.from).toBe(0);
    expect(pieces.at(-1)!.to).toBe(leaves.length);
    pieces.forEach((p, i) => {
      expect(p.to - p.from).toBeLessThanOrEqual(PIECE_COLUMNS);
      if (i > 0) expect(p.from).toBe(pieces[i - 1]!.to);
    });
    const groupStarts = new Set<number>();
    let at = 0;
    for (const g of ANNEX1.groups) {
      groupStarts.add(at);
      at += g.columns.reduce((n, c) => n + c.periods.length, 0);
    }
    for (const p of pieces) expect(groupStarts.has(p.from)).toBe(true);
  });

  it('cuts a group wider than a page between figures, never inside one', () => {
    const flows = FIGURE_KEYS.filter((k) => FIGURES[k].kind === 'flow').slice(0, 15);
    const layout: ProgressTableLayout = {
      ...ANNEX1,
      groups: [
        {
          title: { zh: '宽组', en: 'Wide' },
          columns: flows.map((figure) => ({ figure, periods: ['week', 'cumulative'] })),
        },
      ],
    };
    const pieces = tablePieces(layout);
    expect(pieces).toEqual([
      { from: 0, to: 20 },
      { from: 20, to: 30 },
    ]);
  });

  it('neutralises formula-like texts only', () => {
    expect(safeCellText('=1+2')).toBe("'=1+2");
    expect(safeCellText('+86')).toBe("'+86");
    expect(safeCellText('\tx')).toBe("'\tx");
    expect(safeCellText('\rx')).toBe("'\rx");
    expect(safeCellText('东胜区')).toBe('东胜区');
    expect(safeCellText('—')).toBe('—');
  });
});

/** The tables of a document, in order, wherever they are nested. */
function tablesIn(content: Content): ContentTable[] {
  if (Array.isArray(content)) return content.flatMap((c: Content) => tablesIn(c));
  if (typeof content !== 'object' || content === null) return [];
  if ('table' in content) return [content as ContentTable];
  if ('stack' in content) return tablesIn((content as ContentStack).stack);
  return [];
}

describe('dispatch report PDF', () => {
  it('stacks the progress table in pieces with merged headers, each repeating 填报单位', () => {
    const doc = dispatchReportDocument(reportView(), 'zh');
    expect(doc.pageOrientation).toBe('landscape');
    const tables = tablesIn(doc.content);
    const pieces = tablePieces(ANNEX1);
    // The pieces, then 附件5.
    expect(tables).toHaveLength(pieces.length + 1);
    const leaves = leafColumns(ANNEX1);
    const figures = reportView().figures;
    pieces.forEach((piece, i) => {
      const body = tables[i]!.table.body;
      const n = piece.to - piece.from;
      expect(body).toHaveLength(4);
      for (const row of body) expect(row).toHaveLength(1 + n);
      expect(body[0]![0]).toMatchObject({ text: '填报单位', rowSpan: 3 });
      const spans = body[0]!.reduce(
        (sum, cell) => sum + ((cell as { colSpan?: number }).colSpan ?? 0),
        0,
      );
      expect(spans).toBe(n);
      const data = body[3]!;
      expect(data[0]).toMatchObject({ text: '东胜区应急管理局' });
      leaves.slice(piece.from, piece.to).forEach((leaf, j) => {
        const value = figures[leaf.figure][leaf.period];
        const text = (data[1 + j] as { text: string }).text;
        if (value === null) expect(text).toBe('—');
        else expect(Number(text)).toBeCloseTo(value, 4);
      });
    });
  });

  it.skipIf(!hasCjkFont)('renders a PDF whose text has the title and the district', async () => {
    const file = await dispatchReportPdf(reportView(), 'zh');
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toBe('东胜区_危险化学品_调度表_2026-11-16至2026-11-22_第2版.pdf');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPdftotext) return;
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-report-')), 'r.pdf');
    fs.writeFileSync(pdf, file.body);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(ANNEX1.title.zh);
    expect(text).toContain('东胜区应急管理局');
    expect(text).toContain('附件5');
    expect(text).toContain(ANNEX5.title.zh);
    expect(text).toContain('填报人：王芳');
    expect(text).toContain('审核人：李主任');
    expect(text).toContain('=1+2');
    expect(text).toContain('第1页共');
  });

  it.skipIf(!hasCjkFont)('renders a milestone report with its summary', async () => {
    const file = await dispatchReportPdf(
      reportView({
        kind: 'milestone',
        milestone: { key: 'm1', name: '8月13日阶段总结', due: '2026-08-13' },
        summary: '一、总体情况\n二、下一步工作',
        hazardList: [],
        hazardListTotal: 0,
      }),
      'zh',
    );
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');
    if (!hasPdftotext) return;
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-report-')), 'm.pdf');
    fs.writeFileSync(pdf, file.body);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('阶段性工作总结（8月13日阶段总结）');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('期末无未销号的重大事故隐患');
  });
});
