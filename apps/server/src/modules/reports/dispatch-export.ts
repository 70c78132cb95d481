import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  type DispatchReportView,
  FIGURE_PERIOD_LABELS,
  type FigureKey,
  FIGURES,
  FigureUnit,
  HAZARD_LIST_FIELD_LABELS,
  type HazardListField,
  headerRows,
  type LeafColumn,
  leafColumns,
  type Locale,
  MILESTONE_PERIOD_LABEL,
  type ProgressTableLayout,
  type ReportFigures,
  type RollupView,
  SECTOR_LABELS,
} from '@hazard-ledger/domain';
import { renderPdf } from '../../lib/pdf.js';
import { safeCellText, XLSX_MIME } from '../../lib/xlsx.js';
import { chinaTime } from '../self-inspections/self-inspection-coverage.js';

// The .xlsx and PDF of a dispatch report (附件1–4 progress table, 附件5 open major hazards list,
// the milestone summary) and of a city roll-up (issue 9 item 6). Both formats render one
// description of the printed form (ProgressForm, HazardListForm) built from the same layouts as
// the web page, so a layout the bureau replaces changes every output alike.
//
// Printing: a progress table has about 60 leaf columns, which no A4 page shows legibly in one
// piece. Both formats cut it at group boundaries into pieces of at most PIECE_COLUMNS columns:
// the PDF stacks the pieces as separate tables, each repeating the 填报单位 column; the .xlsx
// keeps one row per unit (for data use) and prints the pieces as pages side by side, with
// manual column breaks and the header rows and the 填报单位 column repeated on every page.

export type Download = { mimeType: string; fileName: string; body: Buffer };

type Label = { zh: string; en: string };

/** The words of one locale: fixed phrases as (zh, en) pairs, and the layouts' own labels. */
type Words = { say: (zh: string, en: string) => string; label: (label: Label) => string };

function wordsFor(locale: Locale): Words {
  return {
    say: (zh, en) => (locale === 'en' ? en : zh),
    label: (label) => (locale === 'en' && label.en ? label.en : label.zh),
  };
}

// ---- Values ----

/** How a missing figure is shown. */
export const NO_VALUE = '—';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** A figure as printed: "—" when null, percentages with 1 decimal, 万元 with up to 4. */
export function figureText(value: number | null, key: FigureKey): string {
  if (value === null) return NO_VALUE;
  const unit = FIGURES[key].unit;
  if (unit === FigureUnit.Percent) return value.toFixed(1);
  if (unit === FigureUnit.TenThousandYuan) return String(round4(value));
  return String(value);
}

/** The spreadsheet number format that shows a figure as figureText does. */
function figureNumFmt(value: number, key: FigureKey): string {
  const unit = FIGURES[key].unit;
  if (unit === FigureUnit.Percent) return '0.0';
  // "0.####" would print a whole amount as "12." (with the point): whole amounts get "0".
  if (unit === FigureUnit.TenThousandYuan) return Number.isInteger(round4(value)) ? '0' : '0.####';
  return 'General';
}

/** Why a figure has no value, for the "—" cells and the note under the table. */
function missingReason(key: FigureKey, w: Words): string {
  const def = FIGURES[key];
  if (!def.supported)
    return def.unsupportedReason ?? w.say('暂无数据来源', 'The data cannot support it yet');
  if (def.kind === 'ratio') return w.say('分母为0，不计算', 'Not computed: the denominator is 0');
  return w.say('无数据', 'No data');
}

/** Space between the items of a printed line, as Chinese forms set it (two full-width spaces). */
const IDEOGRAPHIC_SPACE = '\u3000';
const GAP = IDEOGRAPHIC_SPACE.repeat(2);

/** A China date range as printed. */
const range = (from: string, to: string, w: Words) => w.say(`${from}至${to}`, `${from} to ${to}`);

/** "东胜区" and "东胜区应急管理局" both name the bureau "东胜区应急管理局" on the form. */
function bureauName(unitName: string, w: Words): string {
  return unitName.endsWith('应急管理局') ? unitName : w.say(`${unitName}应急管理局`, unitName);
}

/** "东胜区应急管理局" → "东胜区", for file names. */
function shortUnitName(unitName: string): string {
  return unitName.replace(/应急管理局$/, '') || unitName;
}

/** A file name without characters that file systems or headers refuse. */
function fileNameOf(parts: string[], extension: string): string {
  const name = parts
    .filter(Boolean)
    .map((p) => p.replace(/[\\/:*?"<>|\s]+/g, '_'))
    .join('_');
  return `${name}.${extension}`;
}

// ---- The printed forms ----

/** One line of a progress table: a reporting unit and its figures (null: not submitted). */
type ProgressRow = {
  unit: string;
  /** Shown as a cell comment in the .xlsx (e.g. which version, on time). */
  unitNote: string | null;
  figures: ReportFigures | null;
  total: boolean;
};

/** A header cell of a progress table, spanning `span` leaf columns. */
type FormHeaderCell = { text: string; span: number; note: string | null };

/** A piece of a progress table printed on one page width: leaf columns [from, to). */
export type TablePiece = { from: number; to: number };

type ProgressForm = {
  annex: string;
  title: string;
  /** Lines under the title (填报单位, 统计时段…). */
  info: string[];
  /** A warning printed above the table (drafts). */
  banner: string | null;
  corner: string;
  groups: FormHeaderCell[];
  figures: FormHeaderCell[];
  /** One per leaf column; null where the figure's cell spans rows 2–3. */
  periods: (string | null)[];
  leaves: LeafColumn[];
  rows: ProgressRow[];
  notSubmitted: string;
  /** Lines right under the table, kept on its page (填报人…, status; completeness). */
  signature: string[];
  /** Remarks and notes after them. */
  notes: string[];
  pieces: TablePiece[];
};

type HazardListForm = {
  annex: string;
  title: string;
  info: string[];
  columns: { field: HazardListField; text: string }[];
  /** Texts in column order (seq numbered from 1). */
  rows: string[][];
  empty: string;
  footer: string[];
};

/** The most leaf columns one printed piece of a progress table carries. */
export const PIECE_COLUMNS = 20;

/**
 * Cuts a progress table into pieces of at most `max` leaf columns: whole groups where they fit,
 * a group wider than a page figure by figure. Figures are never cut, so each piece's headers
 * are whole.
 */
export function tablePieces(layout: ProgressTableLayout, max = PIECE_COLUMNS): TablePiece[] {
  const pieces: TablePiece[] = [];
  let from = 0;
  let to = 0;
  const close = () => {
    if (to > from) pieces.push({ from, to });
    from = to;
  };
  for (const group of layout.groups) {
    const width = group.columns.reduce((n, c) => n + c.periods.length, 0);
    if (to - from + width <= max) {
      to += width;
      continue;
    }
    if (width <= max) {
      close();
      to += width;
      continue;
    }
    for (const column of group.columns) {
      if (to - from + column.periods.length > max) close();
      to += column.periods.length;
    }
  }
  close();
  return pieces;
}

/** The header cells of a row that fall in a piece; a cell cut at the piece's start says "（续）". */
function cellsInPiece(
  cells: FormHeaderCell[],
  piece: TablePiece,
  w: Words,
): (FormHeaderCell & { at: number })[] {
  const out: (FormHeaderCell & { at: number })[] = [];
  let at = 0;
  for (const cell of cells) {
    const start = Math.max(at, piece.from);
    const end = Math.min(at + cell.span, piece.to);
    if (end > start)
      out.push({
        ...cell,
        text: at < piece.from ? `${cell.text}${w.say('（续）', ' (cont.)')}` : cell.text,
        span: end - start,
        at: start - piece.from,
      });
    at += cell.span;
  }
  return out;
}

function figureNote(key: FigureKey, w: Words): string {
  const def = FIGURES[key];
  const reason = def.supported
    ? ''
    : `\n${w.say('暂无数据：', 'No data: ')}${def.unsupportedReason ?? ''}`;
  return `${w.say(def.zh, def.en)}（${def.unit}）\n${def.definition}${reason}`;
}

function progressHeader(
  layout: ProgressTableLayout,
  milestone: boolean,
  w: Words,
): Pick<ProgressForm, 'corner' | 'groups' | 'figures' | 'periods' | 'leaves' | 'pieces'> {
  const rows = headerRows(layout, milestone ? MILESTONE_PERIOD_LABEL : FIGURE_PERIOD_LABELS.week);
  return {
    corner: w.say('填报单位', 'Reporting unit'),
    groups: rows.groups.map((g) => ({ text: w.label(g.label), span: g.span, note: null })),
    figures: rows.figures.map((f) => ({
      text: w.label(f.label),
      span: f.span,
      note: f.figure ? figureNote(f.figure, w) : null,
    })),
    periods: rows.periods.map((p) => (p ? w.label(p.label) : null)),
    leaves: leafColumns(layout),
    pieces: tablePieces(layout),
  };
}

/**
 * The "—" cells explained once under the table: the figures the data cannot support (always
 * empty), and figures empty in a unit's row (a ratio over 0). The 合计 row of a roll-up nobody
 * has submitted to yet is empty throughout; that needs no note per figure.
 */
function missingNotes(leaves: LeafColumn[], rows: ProgressRow[], w: Words): string[] {
  const seen = new Set<FigureKey>();
  const lines: string[] = [];
  for (const leaf of leaves) {
    if (seen.has(leaf.figure)) continue;
    const empty =
      !FIGURES[leaf.figure].supported ||
      rows.some((r) => !r.total && r.figures && r.figures[leaf.figure][leaf.period] === null);
    if (!empty) continue;
    seen.add(leaf.figure);
    const def = FIGURES[leaf.figure];
    lines.push(`${w.say(def.zh, def.en)}：${missingReason(leaf.figure, w)}`);
  }
  if (!lines.length) return [];
  return [
    w.say('注：“—”表示无数据。', 'Note: "—" means no value.'),
    ...lines.map((l, i) => `${i + 1}. ${l}`),
  ];
}

function milestoneTitle(title: string, milestone: { name: string } | null, w: Words): string {
  return milestone ? w.say(`${title}（${milestone.name}）`, `${title} (${milestone.name})`) : title;
}

/** The status of the shown report, as the line under the table says it. */
function statusLine(view: DispatchReportView, w: Words): string {
  const lines: string[] = [];
  const shown = view.versions.find((v) => v.id === view.versionId);
  if (!view.frozen || !shown) {
    lines.push(
      w.say(
        `草稿（未报送，数据实时生成）：生成时间 ${chinaTime(view.computedAt)}，不作为正式报送数据`,
        `Draft (not submitted, computed live) at ${chinaTime(view.computedAt)}; not an official report`,
      ),
    );
    if (view.confirmation)
      lines.push(
        view.confirmation.stale
          ? w.say(
              `执法数据曾由${view.confirmation.byName}于${chinaTime(view.confirmation.at)}确认，其后已变化（${view.confirmation.changed.map((k) => FIGURES[k].zh).join('、')}），须重新确认`,
              `Enforcement figures confirmed by ${view.confirmation.byName} at ${chinaTime(view.confirmation.at)} have changed since (${view.confirmation.changed.map((k) => FIGURES[k].en).join(', ')}); confirm again`,
            )
          : w.say(
              `执法数据已由${view.confirmation.byName}于${chinaTime(view.confirmation.at)}确认`,
              `Enforcement figures confirmed by ${view.confirmation.byName} at ${chinaTime(view.confirmation.at)}`,
            ),
      );
    return lines.join('；');
  }
  const version = shown.reason
    ? w.say(
        `第${shown.version}版（更正原因：${shown.reason}）`,
        `Version ${shown.version} (correction: ${shown.reason})`,
      )
    : w.say(`第${shown.version}版`, `Version ${shown.version}`);
  const latest = Math.max(...view.versions.map((v) => v.version));
  const timing =
    view.onTime === null
      ? ''
      : view.onTime
        ? w.say('，首次报送按时', '; first submission on time')
        : w.say('，首次报送逾期', '; first submission late');
  const superseded =
    shown.version < latest
      ? w.say(`；已有更正后的第${latest}版，以最新版本为准`, `; superseded by version ${latest}`)
      : '';
  return `${version}${w.say('：报送时间 ', ': submitted ')}${chinaTime(shown.submittedAt)}${timing}${superseded}`;
}

function signatureLine(view: DispatchReportView, w: Words): string {
  const shown = view.versions.find((v) => v.id === view.versionId);
  const blank = IDEOGRAPHIC_SPACE.repeat(4);
  const date = view.frozen && shown ? chinaTime(shown.submittedAt).slice(0, 10) : blank;
  return w.say(
    `填报人：${view.preparedBy ?? blank}${GAP}联系电话：${view.contactPhone ?? blank}${GAP}审核人：${view.reviewerName ?? blank}${GAP}填报日期：${date}`,
    `Prepared by: ${view.preparedBy ?? blank}    Phone: ${view.contactPhone ?? blank}    Reviewed by: ${view.reviewerName ?? blank}    Date: ${date}`,
  );
}

/**
 * 填报单位 and 统计时段. The period printed first is the report's; the bracket names the other
 * column's: a weekly report (its period is the week) adds the cumulative span, a milestone
 * report (its period runs from the campaign's start) adds "本期".
 */
function reportInfo(view: DispatchReportView, w: Words): string[] {
  const period = range(view.periodFrom, view.periodTo, w);
  const other =
    view.currentFrom === view.periodFrom
      ? w.say(
          `累计 ${range(view.campaignStart, view.periodTo, w)}`,
          `cumulative ${range(view.campaignStart, view.periodTo, w)}`,
        )
      : w.say(
          `${MILESTONE_PERIOD_LABEL.zh} ${range(view.currentFrom, view.periodTo, w)}`,
          `${MILESTONE_PERIOD_LABEL.en.toLowerCase()} ${range(view.currentFrom, view.periodTo, w)}`,
        );
  return [
    w.say(
      `填报单位：${bureauName(view.districtName, w)}${GAP}统计时段：${period}（${other}）`,
      `Reporting unit: ${view.districtName}    Period: ${period} (${other})`,
    ),
    w.say(`专项行动：${view.campaignName}`, `Campaign: ${view.campaignName}`),
  ];
}

function dispatchProgressForm(view: DispatchReportView, w: Words): ProgressForm {
  const header = progressHeader(view.progressLayout, view.kind === 'milestone', w);
  const rows: ProgressRow[] = [
    { unit: view.districtName, unitNote: null, figures: view.figures, total: false },
  ];
  const remarks =
    view.kind === 'weekly' && view.summary
      ? [w.say(`备注：${view.summary}`, `Remarks: ${view.summary}`)]
      : [];
  return {
    annex: view.progressLayout.annex,
    title: milestoneTitle(w.label(view.progressLayout.title), view.milestone, w),
    info: reportInfo(view, w),
    banner: view.frozen
      ? null
      : w.say('草稿（未报送，数据实时生成）', 'Draft (not submitted, computed live)'),
    ...header,
    rows,
    notSubmitted: w.say('未报送', 'Not submitted'),
    signature: [signatureLine(view, w), statusLine(view, w)],
    notes: [...remarks, ...missingNotes(header.leaves, rows, w)],
  };
}

function hazardListForm(view: DispatchReportView, w: Words): HazardListForm {
  const layout = view.hazardListLayout;
  const columns = layout.columns.map((c) => ({
    field: c.field,
    text: w.label(c.label ?? HAZARD_LIST_FIELD_LABELS[c.field]),
  }));
  const rows = view.hazardList.map((row, i) =>
    columns.map((c) => (c.field === 'seq' ? String(i + 1) : row[c.field])),
  );
  const left = view.hazardListTotal - view.hazardList.length;
  return {
    annex: layout.annex,
    title: milestoneTitle(w.label(layout.title), view.milestone, w),
    info: [
      w.say(
        `填报单位：${bureauName(view.districtName, w)}${GAP}行业领域：${SECTOR_LABELS[view.sector].zh}${GAP}截至：${view.periodTo}（期末未销号的重大事故隐患）`,
        `Reporting unit: ${view.districtName}    Sector: ${SECTOR_LABELS[view.sector].en}    As of: ${view.periodTo} (major hazards open at the end of the period)`,
      ),
    ],
    columns,
    rows,
    empty: w.say('期末无未销号的重大事故隐患', 'No major hazard was open at the end of the period'),
    footer: [
      ...(left > 0
        ? [
            w.say(
              `共${view.hazardListTotal}条，清单列出前${view.hazardList.length}条，另有${left}条未列出`,
              `${view.hazardListTotal} in all; the first ${view.hazardList.length} are listed, ${left} are left out`,
            ),
          ]
        : []),
      signatureLine(view, w),
      statusLine(view, w),
    ],
  };
}

function rollupForm(view: RollupView, w: Words): ProgressForm {
  const header = progressHeader(view.progressLayout, view.kind === 'milestone', w);
  const rows: ProgressRow[] = view.rows.map((r) => ({
    unit: r.districtName,
    unitNote: r.report
      ? w.say(
          `第${r.report.version}版，报送时间 ${chinaTime(r.report.submittedAt)}，${r.report.onTime ? '按时' : '逾期'}`,
          `Version ${r.report.version}, submitted ${chinaTime(r.report.submittedAt)}, ${r.report.onTime ? 'on time' : 'late'}`,
        )
      : null,
    figures: r.report ? r.figures : null,
    total: false,
  }));
  rows.push({ unit: w.say('合计', 'Total'), unitNote: null, figures: view.total, total: true });
  const c = view.completeness;
  const rate = (x: number | null) => (x === null ? NO_VALUE : `${x.toFixed(1)}%`);
  return {
    annex: view.progressLayout.annex,
    title: milestoneTitle(
      w.say(
        `${w.label(view.progressLayout.title)}（${view.orgUnitName}汇总）`,
        `${w.label(view.progressLayout.title)} (roll-up: ${view.orgUnitName})`,
      ),
      view.milestone,
      w,
    ),
    info: [
      w.say(
        `汇总单位：${view.orgUnitName}${GAP}行业领域：${SECTOR_LABELS[view.sector].zh}${GAP}统计时段：${range(view.periodFrom, view.periodTo, w)}${GAP}专项行动：${view.campaignName}`,
        `Rolled up by: ${view.orgUnitName}    Sector: ${SECTOR_LABELS[view.sector].en}    Period: ${range(view.periodFrom, view.periodTo, w)}    Campaign: ${view.campaignName}`,
      ),
    ],
    banner: null,
    ...header,
    rows,
    notSubmitted: w.say('未报送', 'Not submitted'),
    signature: [
      w.say(
        `报送情况：应报${c.expected}个，已报${c.submitted}个（报送率${rate(c.submittedRate)}），按时${c.onTime}个（及时率${rate(c.onTimeRate)}）`,
        `Completeness: expected ${c.expected}, submitted ${c.submitted} (${rate(c.submittedRate)}), on time ${c.onTime} (${rate(c.onTimeRate)})`,
      ),
    ],
    notes: [
      w.say(
        '注：合计为已报送区县最新版本数据之和，比率按合计数重新计算；未报送的区县不计入合计。',
        'Note: the total adds up the latest submitted versions; ratios are recomputed from the sums; districts that have not submitted are left out.',
      ),
      ...missingNotes(header.leaves, rows, w),
    ],
  };
}

// ---- .xlsx ----

const FONT = '宋体';
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};
const CENTER: Partial<ExcelJS.Alignment> = {
  horizontal: 'center',
  vertical: 'middle',
  wrapText: true,
};
const A4 = 9;
/** Column widths (characters) of the progress tables. */
const UNIT_WIDTH = 14;
const LEAF_WIDTH = 8;
const PERIOD_ROW_HEIGHT = 18;
/** Printable width of A4 landscape with the margins below, in points. */
const A4_LANDSCAPE_PRINT_WIDTH = (11.69 - 0.3 - 0.3) * 72;

/** Width of a text in spreadsheet width units: a CJK character takes two. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return n;
}

/** The row height (points) a wrapped text needs in a cell `width` units wide. */
function wrappedHeight(text: string, width: number, lineHeight = 13.5): number {
  const lines = text
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / Math.max(1, width - 1))), 0);
  return Math.min(409, lines * lineHeight + 4);
}

/**
 * Share of the computed scale actually used: LibreOffice (checked) and Excel without the
 * workbook's font measure columns wider than Excel's 7-pixel digit, and the piece must not
 * spill onto a second page.
 */
const PRINT_WIDTH_SAFETY = 0.78;

/** A spreadsheet column width in points (Excel: width·7 + 5 pixels at 96 dpi). */
const widthPoints = (width: number) => ((width * 7 + 5) * 72) / 96;

function setText(cell: ExcelJS.Cell, text: string): void {
  cell.value = safeCellText(text);
}

/** Writes a text merged over a row range, wrapped, with the height the text needs. */
function mergedLine(
  sheet: ExcelJS.Worksheet,
  row: number,
  [firstColumn, lastColumn]: [number, number],
  text: string,
  style: { bold?: boolean; size?: number; center?: boolean; color?: string } = {},
): void {
  if (lastColumn > firstColumn) sheet.mergeCells(row, firstColumn, row, lastColumn);
  const cell = sheet.getCell(row, firstColumn);
  setText(cell, text);
  cell.font = {
    name: FONT,
    size: style.size ?? 10,
    bold: style.bold ?? false,
    ...(style.color ? { color: { argb: style.color } } : {}),
  };
  cell.alignment = {
    horizontal: style.center ? 'center' : 'left',
    vertical: 'middle',
    wrapText: true,
  };
  let width = 0;
  for (let c = firstColumn; c <= lastColumn; c++) width += sheet.getColumn(c).width ?? 9;
  const lineHeight = ((style.size ?? 10) / 10) * 13.5;
  sheet.getRow(row).height = Math.max(wrappedHeight(text, width, lineHeight), lineHeight + 6);
}

/** Styles a block of table cells: borders on every cell (merged ones too) and the font. */
function frame(
  sheet: ExcelJS.Worksheet,
  top: number,
  left: number,
  bottom: number,
  right: number,
  header: boolean,
): void {
  for (let r = top; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = BORDER;
      cell.font = { name: FONT, size: header ? 9 : 10, bold: header };
      if (header) cell.fill = HEADER_FILL;
      cell.alignment ??= CENTER;
    }
}

function addNote(cell: ExcelJS.Cell, text: string): void {
  cell.note = { texts: [{ text }], editAs: 'absolute' };
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; workbook.worksheets.some((s) => s.name === name); i++) name = `${base}(${i})`;
  return name;
}

/**
 * Writes a progress table (one district, or a roll-up) on a sheet; returns the columns after
 * which a printed page ends (one piece per page), for withColumnBreaks.
 */
function writeProgressSheet(sheet: ExcelJS.Worksheet, form: ProgressForm): number[] {
  const columns = 1 + form.leaves.length;
  sheet.getColumn(1).width = UNIT_WIDTH;
  for (let c = 2; c <= columns; c++) sheet.getColumn(c).width = LEAF_WIDTH;
  // The title and the lines above and below the table span the first printed piece, so they
  // sit centred on the first page; they leave column A free since it is printed on every page.
  const lines: [number, number] = [2, 1 + (form.pieces[0]?.to ?? form.leaves.length)];

  let r = 1;
  setText(sheet.getCell(r, 1), form.annex);
  sheet.getCell(r, 1).font = { name: FONT, size: 12, bold: true };
  r++;
  mergedLine(sheet, r++, lines, form.title, { bold: true, size: 16, center: true });
  for (const line of form.info) mergedLine(sheet, r++, lines, line);
  if (form.banner) mergedLine(sheet, r++, lines, form.banner, { bold: true, color: 'FFCF1322' });

  // Header: 填报单位 over three rows, then group titles / figure labels / periods.
  const top = r;
  sheet.mergeCells(top, 1, top + 2, 1);
  setText(sheet.getCell(top, 1), form.corner);
  let column = 2;
  for (const g of form.groups) {
    if (g.span > 1) sheet.mergeCells(top, column, top, column + g.span - 1);
    setText(sheet.getCell(top, column), g.text);
    column += g.span;
  }
  column = 2;
  let figuresRowHeight = 0;
  for (const f of form.figures) {
    const singlePeriod = form.periods[column - 2] === null;
    const bottom = singlePeriod ? top + 2 : top + 1;
    if (f.span > 1 || bottom > top + 1)
      sheet.mergeCells(top + 1, column, bottom, column + f.span - 1);
    const cell = sheet.getCell(top + 1, column);
    setText(cell, f.text);
    if (f.note) addNote(cell, f.note);
    // A cell merged down over the period row has that row's height too.
    const needed =
      wrappedHeight(f.text, LEAF_WIDTH * f.span, 12) - (singlePeriod ? PERIOD_ROW_HEIGHT : 0);
    figuresRowHeight = Math.max(figuresRowHeight, needed);
    column += f.span;
  }
  form.periods.forEach((p, i) => {
    if (p !== null) setText(sheet.getCell(top + 2, 2 + i), p);
  });
  frame(sheet, top, 1, top + 2, columns, true);
  sheet.getRow(top).height = Math.max(
    20,
    ...form.groups.map((g) => wrappedHeight(g.text, LEAF_WIDTH * g.span, 12)),
  );
  sheet.getRow(top + 1).height = Math.max(30, figuresRowHeight);
  sheet.getRow(top + 2).height = PERIOD_ROW_HEIGHT;

  r = top + 3;
  for (const row of form.rows) {
    const unitCell = sheet.getCell(r, 1);
    setText(unitCell, row.unit);
    if (row.unitNote) addNote(unitCell, row.unitNote);
    if (row.figures === null) {
      // Merged piece by piece, so every printed page shows it.
      for (const piece of form.pieces) {
        if (piece.to - piece.from > 1) sheet.mergeCells(r, 2 + piece.from, r, 1 + piece.to);
        setText(sheet.getCell(r, 2 + piece.from), form.notSubmitted);
      }
    } else {
      const figures = row.figures;
      form.leaves.forEach((leaf, i) => {
        const cell = sheet.getCell(r, 2 + i);
        const value = figures[leaf.figure][leaf.period];
        if (value === null) setText(cell, NO_VALUE);
        else {
          cell.value = value;
          cell.numFmt = figureNumFmt(value, leaf.figure);
        }
      });
    }
    frame(sheet, r, 1, r, columns, false);
    if (row.total)
      for (let c = 1; c <= columns; c++)
        sheet.getCell(r, c).font = { name: FONT, size: 10, bold: true };
    if (row.figures === null)
      for (const piece of form.pieces)
        sheet.getCell(r, 2 + piece.from).font = {
          name: FONT,
          size: 10,
          color: { argb: 'FF8C8C8C' },
        };
    sheet.getRow(r).height = 20;
    r++;
  }
  r++;
  for (const line of [...form.signature, ...form.notes]) mergedLine(sheet, r++, lines, line);

  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: top + 2 }];
  // One piece per page: the widest piece sets the scale, with room to spare since office
  // programs measure column widths by their own fonts; pages go left to right.
  const widest = Math.max(
    ...form.pieces.map((p) => widthPoints(UNIT_WIDTH) + (p.to - p.from) * widthPoints(LEAF_WIDTH)),
  );
  sheet.pageSetup = {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: false,
    scale: Math.max(
      10,
      Math.min(100, Math.floor((A4_LANDSCAPE_PRINT_WIDTH / widest) * 100 * PRINT_WIDTH_SAFETY)),
    ),
    pageOrder: 'overThenDown',
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    printTitlesRow: `${top}:${top + 2}`,
    printTitlesColumn: 'A:A',
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
  return form.pieces.slice(0, -1).map((p) => 1 + p.to);
}

/** Column widths of the hazard list by field. */
const LIST_WIDTHS: Record<HazardListField, number> = {
  seq: 5,
  enterprise: 22,
  sector: 13,
  description: 36,
  origin: 12,
  found_at: 14,
  responsible: 12,
  measures: 26,
  deadline: 14,
  status: 14,
  supervision: 9,
  overdue: 8,
};

function writeHazardListSheet(sheet: ExcelJS.Worksheet, form: HazardListForm): void {
  const columns = form.columns.length;
  form.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = LIST_WIDTHS[c.field]));
  let r = 1;
  setText(sheet.getCell(r, 1), form.annex);
  sheet.getCell(r, 1).font = { name: FONT, size: 12, bold: true };
  r++;
  mergedLine(sheet, r++, [1, columns], form.title, { bold: true, size: 16, center: true });
  for (const line of form.info) mergedLine(sheet, r++, [1, columns], line);
  const head = r;
  form.columns.forEach((c, i) => setText(sheet.getCell(head, i + 1), c.text));
  frame(sheet, head, 1, head, columns, true);
  sheet.getRow(head).height = Math.max(
    24,
    ...form.columns.map((c) => wrappedHeight(c.text, LIST_WIDTHS[c.field], 12)),
  );
  r++;
  if (!form.rows.length) {
    if (columns > 1) sheet.mergeCells(r, 1, r, columns);
    setText(sheet.getCell(r, 1), form.empty);
    frame(sheet, r, 1, r, columns, false);
    r++;
  }
  for (const texts of form.rows) {
    let height = 18;
    texts.forEach((text, i) => {
      const cell = sheet.getCell(r, i + 1);
      setText(cell, text);
      height = Math.max(height, wrappedHeight(text, sheet.getColumn(i + 1).width ?? 9));
    });
    frame(sheet, r, 1, r, columns, false);
    form.columns.forEach((c, i) => {
      if (c.field === 'description' || c.field === 'measures' || c.field === 'enterprise')
        sheet.getCell(r, i + 1).alignment = { vertical: 'middle', wrapText: true };
    });
    sheet.getRow(r).height = height;
    r++;
  }
  r++;
  for (const line of form.footer) mergedLine(sheet, r++, [1, columns], line);
  sheet.views = [{ state: 'frozen', ySplit: head }];
  sheet.pageSetup = {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    printTitlesRow: `${head}:${head}`,
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
}

/** Splits a long text into printable paragraphs (a spreadsheet row is at most 409 pt high). */
function paragraphs(text: string, maxChars = 1200): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let rest = para;
    while (rest.length > maxChars) {
      const cut = rest.lastIndexOf('。', maxChars);
      const at = cut > maxChars / 2 ? cut + 1 : maxChars;
      out.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    out.push(rest);
  }
  return out;
}

const SUMMARY_WIDTH = 110;

function writeSummarySheet(sheet: ExcelJS.Worksheet, view: DispatchReportView, w: Words): void {
  sheet.getColumn(1).width = SUMMARY_WIDTH;
  let r = 1;
  mergedLine(sheet, r++, [1, 1], summaryTitle(view, w), { bold: true, size: 16, center: true });
  for (const line of reportInfo(view, w)) mergedLine(sheet, r++, [1, 1], line);
  r++;
  const text = view.summary?.trim();
  for (const para of text ? paragraphs(text) : [w.say('（尚未填写）', '(not written yet)')]) {
    const cell = sheet.getCell(r, 1);
    setText(cell, para);
    cell.font = { name: FONT, size: 11 };
    cell.alignment = { vertical: 'top', wrapText: true };
    sheet.getRow(r).height = wrappedHeight(para, SUMMARY_WIDTH, 15);
    r++;
  }
  r++;
  mergedLine(sheet, r++, [1, 1], signatureLine(view, w));
  mergedLine(sheet, r++, [1, 1], statusLine(view, w));
  sheet.pageSetup = {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&C第 &P 页 共 &N 页' };
}

function summaryTitle(view: DispatchReportView, w: Words): string {
  const sector = w.label(SECTOR_LABELS[view.sector]);
  return view.milestone
    ? w.say(
        `${bureauName(view.districtName, w)}${sector}行业领域重大事故隐患专项排查整治行动阶段性工作总结（${view.milestone.name}）`,
        `${view.districtName}: ${sector} campaign summary (${view.milestone.name})`,
      )
    : w.say('工作总结', 'Summary');
}

const KIND_LABELS = {
  flow: { zh: '时段数（本周、累计）', en: 'Flow (week and cumulative)' },
  stock: { zh: '时点数（期末，只有累计）', en: 'Stock (end of period)' },
  ratio: { zh: '比率（只有累计）', en: 'Ratio (cumulative)' },
} as const;

/** 指标说明: every figure of the table with its unit and definition. */
function writeDefinitionsSheet(
  sheet: ExcelJS.Worksheet,
  layout: ProgressTableLayout,
  w: Words,
): void {
  const headers = [
    w.say('指标', 'Figure'),
    w.say('单位', 'Unit'),
    w.say('类型', 'Kind'),
    w.say('统计口径', 'Definition'),
    w.say('说明', 'Remarks'),
  ];
  const widths = [28, 7, 18, 80, 40];
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  mergedLine(sheet, 1, [1, headers.length], w.say('指标说明', 'Definitions of the figures'), {
    bold: true,
    size: 14,
    center: true,
  });
  headers.forEach((h, i) => setText(sheet.getCell(2, i + 1), h));
  frame(sheet, 2, 1, 2, headers.length, true);
  const keys = [...new Set(leafColumns(layout).map((l) => l.figure))];
  keys.forEach((key, i) => {
    const def = FIGURES[key];
    const r = 3 + i;
    // "其中：已整改" appears under several figures: say which.
    const whole = def.partOf ? FIGURES[def.partOf] : null;
    const texts = [
      whole ? w.say(`${def.zh}（${whole.zh}）`, `${def.en} (${whole.en})`) : w.say(def.zh, def.en),
      def.unit,
      w.label(KIND_LABELS[def.kind]),
      def.definition,
      def.supported ? '' : `${w.say('暂无数据：', 'No data: ')}${def.unsupportedReason ?? ''}`,
    ];
    texts.forEach((t, c) => setText(sheet.getCell(r, c + 1), t));
    frame(sheet, r, 1, r, headers.length, false);
    for (const c of [1, 4, 5])
      sheet.getCell(r, c).alignment = { vertical: 'middle', wrapText: true };
    sheet.getRow(r).height = Math.max(
      18,
      ...texts.map((t, c) => wrappedHeight(t, widths[c] ?? 10)),
    );
  });
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  sheet.pageSetup = {
    paperSize: A4,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    printTitlesRow: '2:2',
  };
}

/**
 * Adds manual column page breaks to the sheets (ExcelJS writes row breaks only): after the given
 * 1-based columns, in the place the OOXML schema wants them (after rowBreaks, before drawings).
 */
export async function withColumnBreaks(
  xlsx: Buffer,
  breaks: { sheetIndex: number; afterColumns: number[] }[],
): Promise<Buffer> {
  const wanted = breaks.filter((b) => b.afterColumns.length);
  if (!wanted.length) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  for (const { sheetIndex, afterColumns } of wanted) {
    const path = `xl/worksheets/sheet${sheetIndex}.xml`;
    const xml = await zip.file(path)?.async('string');
    if (xml === undefined) throw new Error(`worksheet missing: ${path}`);
    const brk = afterColumns.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join('');
    const element = `<colBreaks count="${afterColumns.length}" manualBreakCount="${afterColumns.length}">${brk}</colBreaks>`;
    const next =
      /<(customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
        xml,
      );
    if (!next) throw new Error(`not a worksheet: ${path}`);
    zip.file(path, `${xml.slice(0, next.index)}${element}${xml.slice(next.index)}`);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function newWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '隐患台账系统';
  workbook.title = title;
  workbook.created = new Date();
  return workbook;
}

async function xlsxBuffer(
  workbook: ExcelJS.Workbook,
  breaks: { sheetIndex: number; afterColumns: number[] }[],
) {
  return withColumnBreaks(Buffer.from(await workbook.xlsx.writeBuffer()), breaks);
}

function reportFileName(view: DispatchReportView, w: Words, extension: string): string {
  const shown = view.versions.find((v) => v.id === view.versionId);
  return fileNameOf(
    [
      shortUnitName(view.districtName),
      w.label(SECTOR_LABELS[view.sector]),
      w.say('调度表', 'dispatch'),
      view.milestone ? view.milestone.name : '',
      range(view.periodFrom, view.periodTo, w),
      !view.frozen
        ? w.say('草稿', 'draft')
        : shown && shown.version > 1
          ? w.say(`第${shown.version}版`, `v${shown.version}`)
          : '',
    ],
    extension,
  );
}

/** The dispatch report as .xlsx: the progress table, 附件5, the milestone summary, definitions. */
export async function dispatchReportXlsx(
  view: DispatchReportView,
  locale: Locale,
): Promise<Download> {
  const w = wordsFor(locale);
  const progress = dispatchProgressForm(view, w);
  const list = hazardListForm(view, w);
  const workbook = newWorkbook(progress.title);
  const progressSheet = workbook.addWorksheet(
    sheetName(workbook, `${progress.annex} ${w.say('进展情况', 'Progress')}`),
  );
  const breaks = writeProgressSheet(progressSheet, progress);
  writeHazardListSheet(
    workbook.addWorksheet(sheetName(workbook, `${list.annex} ${w.say('隐患清单', 'Hazards')}`)),
    list,
  );
  if (view.kind === 'milestone')
    writeSummarySheet(
      workbook.addWorksheet(sheetName(workbook, w.say('工作总结', 'Summary'))),
      view,
      w,
    );
  writeDefinitionsSheet(
    workbook.addWorksheet(sheetName(workbook, w.say('指标说明', 'Definitions'))),
    view.progressLayout,
    w,
  );
  return {
    mimeType: XLSX_MIME,
    fileName: reportFileName(view, w, 'xlsx'),
    body: await xlsxBuffer(workbook, [{ sheetIndex: 1, afterColumns: breaks }]),
  };
}

/** A city roll-up as .xlsx: one row per district, 合计, completeness; and the definitions. */
export async function rollupXlsx(view: RollupView, locale: Locale): Promise<Download> {
  const w = wordsFor(locale);
  const form = rollupForm(view, w);
  const workbook = newWorkbook(form.title);
  const sheet = workbook.addWorksheet(
    sheetName(workbook, `${form.annex} ${w.say('汇总', 'Roll-up')}`),
  );
  const breaks = writeProgressSheet(sheet, form);
  writeDefinitionsSheet(
    workbook.addWorksheet(sheetName(workbook, w.say('指标说明', 'Definitions'))),
    view.progressLayout,
    w,
  );
  return {
    mimeType: XLSX_MIME,
    fileName: fileNameOf(
      [
        shortUnitName(view.orgUnitName),
        w.label(SECTOR_LABELS[view.sector]),
        w.say('调度汇总表', 'dispatch_rollup'),
        view.milestone ? view.milestone.name : '',
        range(view.periodFrom, view.periodTo, w),
      ],
      'xlsx',
    ),
    body: await xlsxBuffer(workbook, [{ sheetIndex: 1, afterColumns: breaks }]),
  };
}

// ---- PDF ----

/** A4 landscape (842 pt) less the page margins below. */
const PDF_CONTENT_WIDTH = 842 - 28 - 28;
/** The 填报单位 column of the progress table (a bureau's name on two lines at most). */
const PDF_UNIT_WIDTH = 64;
/** What pdfmake adds to a fixed column width: 4 pt padding each side and the rule. */
const PDF_CELL_PADDING = 9;

const headCell = (
  text: string,
  extra: {
    rowSpan?: number;
    colSpan?: number;
    fontSize?: number;
    border?: [boolean, boolean, boolean, boolean];
  } = {},
): TableCell => ({
  text,
  bold: true,
  alignment: 'center',
  fillColor: '#f2f2f2',
  fontSize: 7,
  ...extra,
});

/** One printed piece of a progress table: 填报单位, then the piece's columns. */
/** Cell padding of the progress tables (left + right + rule), in points. */
const PDF_PIECE_PADDING = 5;

/**
 * The widths of a piece's leaf columns: the page width shared out, a figure with a long label
 * over one column getting up to twice the share so its label does not run to many lines.
 */
function pieceWidths(form: ProgressForm, piece: TablePiece): number[] {
  const weights: number[] = [];
  let at = 0;
  for (const f of form.figures) {
    for (let i = 0; i < f.span; i++)
      if (at + i >= piece.from && at + i < piece.to)
        weights.push(Math.min(2, Math.max(1, textUnits(f.text) / (f.span * 16))));
    at += f.span;
  }
  const free = PDF_CONTENT_WIDTH - PDF_UNIT_WIDTH - (1 + weights.length) * PDF_PIECE_PADDING;
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((x) => Math.floor((free * x) / total));
}

function pdfProgressPiece(form: ProgressForm, piece: TablePiece, w: Words): Content {
  const n = piece.to - piece.from;
  const filler = (): TableCell => ({});
  const groupRow: TableCell[] = [headCell(form.corner, { rowSpan: 3 })];
  const figureRow: TableCell[] = [filler()];
  const periodRow: TableCell[] = [filler()];
  for (const g of cellsInPiece(form.groups, piece, w)) {
    groupRow.push(headCell(g.text, { colSpan: g.span }));
    for (let i = 1; i < g.span; i++) groupRow.push(filler());
  }
  // A figure with one period looks merged over rows 2–3 by leaving out the rule between them:
  // pdfmake does not grow rows for a rowSpan cell's text, so a long label would overflow.
  for (const f of cellsInPiece(form.figures, piece, w)) {
    const single = form.periods[piece.from + f.at] === null;
    figureRow.push(
      headCell(f.text, {
        colSpan: f.span,
        ...(single ? { border: [true, true, true, false] } : {}),
      }),
    );
    for (let i = 1; i < f.span; i++) figureRow.push(filler());
  }
  for (let i = piece.from; i < piece.to; i++) {
    const p = form.periods[i];
    periodRow.push(p ? headCell(p) : headCell('', { border: [true, false, true, true] }));
  }
  const body: TableCell[][] = [groupRow, figureRow, periodRow];
  for (const row of form.rows) {
    const cells: TableCell[] = [{ text: row.unit, bold: row.total, alignment: 'center' }];
    if (row.figures === null) {
      cells.push({ text: form.notSubmitted, colSpan: n, alignment: 'center', color: '#8c8c8c' });
      for (let i = 1; i < n; i++) cells.push(filler());
    } else {
      const figures = row.figures;
      for (const leaf of form.leaves.slice(piece.from, piece.to))
        cells.push({
          text: figureText(figures[leaf.figure][leaf.period], leaf.figure),
          alignment: 'center',
          bold: row.total,
        });
    }
    body.push(cells);
  }
  return {
    table: {
      headerRows: 3,
      dontBreakRows: true,
      widths: [PDF_UNIT_WIDTH, ...pieceWidths(form, piece)],
      body,
    },
    layout: {
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    fontSize: 8,
    margin: [0, 0, 0, 6],
  };
}

function pdfHazardList(form: HazardListForm): Content {
  // pdfmake 0.2 has no weighted star widths: share the page width by the .xlsx widths.
  const weights = form.columns.map((c) => LIST_WIDTHS[c.field]);
  const total = weights.reduce((a, b) => a + b, 0);
  const free = PDF_CONTENT_WIDTH - form.columns.length * PDF_CELL_PADDING;
  const widths = weights.map((x) => Math.floor((free * x) / total));
  const rows: TableCell[][] = form.rows.map((texts) =>
    texts.map((text, i): TableCell => ({
      text,
      alignment: ['description', 'measures', 'enterprise'].includes(form.columns[i]!.field)
        ? 'left'
        : 'center',
    })),
  );
  if (!rows.length)
    rows.push([
      { text: form.empty, colSpan: form.columns.length, alignment: 'center' },
      ...form.columns.slice(1).map((): TableCell => ({})),
    ]);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [form.columns.map((c) => headCell(c.text, { fontSize: 8 })), ...rows],
    },
    fontSize: 8,
    margin: [0, 0, 0, 8],
  };
}

function pdfHeading(annex: string, title: string, info: string[], pageBreak: boolean): Content[] {
  return [
    {
      text: annex,
      bold: true,
      fontSize: 11,
      ...(pageBreak ? { pageBreak: 'before' as const } : {}),
    },
    { text: title, style: 'title' },
    ...info.map((line): Content => ({ text: line, fontSize: 9, margin: [0, 0, 0, 2] })),
    { text: '', margin: [0, 0, 0, 4] },
  ];
}

/** Lines under a table: the first (填报人…) in the body size, the rest smaller. */
const pdfFooterLines = (lines: string[], skip = 0): Content[] =>
  lines.map((line, i): Content => ({
    text: line,
    fontSize: i + skip === 0 ? 9.5 : 8,
    margin: [0, 2, 0, 0],
  }));

function withLastPiece(
  piece: TablePiece | undefined,
  render: (piece: TablePiece) => Content,
  after: Content[],
): Content[] {
  return piece ? [{ stack: [render(piece), ...after], unbreakable: true }] : after;
}

/** The dispatch report as PDF: the progress table in pieces, 附件5, the milestone summary. */
export function dispatchReportDocument(
  view: DispatchReportView,
  locale: Locale,
): TDocumentDefinitions {
  const w = wordsFor(locale);
  const progress = dispatchProgressForm(view, w);
  const list = hazardListForm(view, w);
  const content: Content[] = [
    ...pdfHeading(progress.annex, progress.title, progress.info, false),
    ...(progress.banner
      ? [
          {
            text: progress.banner,
            bold: true,
            color: '#cf1322',
            fontSize: 9,
            margin: [0, 0, 0, 4],
          } as Content,
        ]
      : []),
    ...progress.pieces.slice(0, -1).map((piece) => pdfProgressPiece(progress, piece, w)),
    // The signature and status lines stay on the page of the table's last piece.
    ...withLastPiece(
      progress.pieces.at(-1),
      (piece) => pdfProgressPiece(progress, piece, w),
      pdfFooterLines(progress.signature),
    ),
    ...pdfFooterLines(progress.notes, progress.signature.length),
    ...pdfHeading(list.annex, list.title, list.info, true),
    pdfHazardList(list),
    ...pdfFooterLines(list.footer),
  ];
  if (view.kind === 'milestone') {
    const text = view.summary?.trim();
    content.push(
      { text: summaryTitle(view, w), style: 'title', pageBreak: 'before' },
      ...reportInfo(view, w).map((line): Content => ({
        text: line,
        fontSize: 9,
        margin: [0, 0, 0, 2],
      })),
      ...(text ? text.split(/\r?\n/) : [w.say('（尚未填写）', '(not written yet)')]).map(
        (para): Content => ({
          text: para,
          fontSize: 11,
          lineHeight: 1.5,
          leadingIndent: 22,
          margin: [0, 4, 0, 0],
        }),
      ),
      ...pdfFooterLines([signatureLine(view, w), statusLine(view, w)]),
    );
  }
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 30, 28, 34],
    info: { title: progress.title, subject: progress.info[0] },
    defaultStyle: { fontSize: 9, lineHeight: 1.15 },
    styles: { title: { fontSize: 15, bold: true, alignment: 'center', margin: [0, 0, 0, 6] } },
    content,
    footer: (page, pages) => ({
      text: w.say(`第 ${page} 页 共 ${pages} 页`, `Page ${page} of ${pages}`),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 10, 0, 0],
    }),
  };
}

export async function dispatchReportPdf(
  view: DispatchReportView,
  locale: Locale,
): Promise<Download> {
  const w = wordsFor(locale);
  return {
    mimeType: 'application/pdf',
    fileName: reportFileName(view, w, 'pdf'),
    body: await renderPdf(dispatchReportDocument(view, locale)),
  };
}
