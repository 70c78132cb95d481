import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';

// Spreadsheet helpers shared by every import and export.

/** The MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A cell text that a spreadsheet will never run as a formula (CSV/formula injection): texts
 * from users starting with = + - @ or a tab/CR get a leading apostrophe. Empty for null.
 */
export function safeCellText(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Every text of a row through safeCellText (for rows built wholesale from user texts). */
export function safeCells<Row extends Record<string, string> | string[]>(row: Row): Row {
  if (Array.isArray(row)) return row.map(safeCellText) as Row;
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCellText(v)])) as Row;
}

/**
 * A cell text as it was before safeCellText: an exported sheet that comes back as an import
 * (enterprises, catalogs) gets its own texts back, not texts with an apostrophe in front.
 */
export function unneutralisedCellText(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** Whether a buffer starts like a ZIP file (every .xlsx is one). */
export function looksLikeXlsx(buffer: Buffer): boolean {
  return (
    buffer.length > 4 &&
    buffer[0] === 0x50 &&
    buffer[1] === 0x4b &&
    buffer[2] === 0x03 &&
    buffer[3] === 0x04
  );
}

/** The text of a cell as a person would read it; dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return '';
}

function badFile(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/** The zip path of the workbook's first worksheet, from workbook.xml and its relationships. */
async function firstSheetPath(zip: JSZip): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!workbook || !rels) throw badFile('文件已损坏或不是有效的Excel（.xlsx）文件');
  const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = rid
    ? (new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)?.[1])
    : undefined;
  if (!target) throw badFile('文件中没有工作表');
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/**
 * Reads the first worksheet of an .xlsx buffer as rows of cell texts. The rows are first counted
 * in the raw sheet XML, so a sheet over `maxRows` is refused before the costly parse.
 * (ExcelJS's streaming reader is not used: it decodes UTF-8 per chunk and garbles Chinese text
 * that straddles a chunk boundary.)
 */
export async function readFirstSheet(
  buffer: Buffer,
  maxRows: number,
): Promise<{ header: string[]; rows: { rowNumber: number; cells: string[] }[] }> {
  if (!looksLikeXlsx(buffer)) throw badFile('文件不是有效的Excel（.xlsx）文件');
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw badFile('文件已损坏或不是有效的Excel（.xlsx）文件');
  }
  const sheetXml = await zip.file(await firstSheetPath(zip))?.async('string');
  if (sheetXml === undefined) throw badFile('文件中没有工作表');
  let rowTags = 0;
  for (let i = sheetXml.indexOf('<row'); i !== -1; i = sheetXml.indexOf('<row', i + 4)) {
    if (++rowTags > maxRows + 1) throw badFile(`文件数据超过${maxRows}行，请拆分后分批导入`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw badFile('文件已损坏或不是有效的Excel（.xlsx）文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('文件中没有工作表');
  let header: string[] | null = null;
  const rows: { rowNumber: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = values.slice(1).map((v) => unneutralisedCellText(cellText(v).trim()));
    if (header === null) {
      header = cells;
      return;
    }
    if (cells.every((c) => c === '')) return;
    rows.push({ rowNumber, cells });
  });
  if (rows.length > maxRows) throw badFile(`文件数据超过${maxRows}行，请拆分后分批导入`);
  if (header === null) throw badFile('文件中没有表头行');
  return { header, rows };
}

/** Starts a streaming workbook whose bytes flow out of the returned stream. */
export function streamingWorkbook(): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  stream: PassThrough;
} {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  return { workbook, stream };
}

/** A Content-Disposition header value for a (Chinese) file name. */
export function attachmentName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
