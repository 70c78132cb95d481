import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';

// Spreadsheet helpers shared by every import and export.

/** The MIME type of .xlsx files. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

/**
 * Reads the first worksheet of an .xlsx buffer as rows of cell texts, streaming, and stops with
 * a clear error once more than `maxRows` data rows are seen (so a huge sheet costs little).
 */
export async function readFirstSheet(
  buffer: Buffer,
  maxRows: number,
): Promise<{ header: string[]; rows: { rowNumber: number; cells: string[] }[] }> {
  if (!looksLikeXlsx(buffer)) {
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: '文件不是有效的Excel（.xlsx）文件' },
    ]);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  let header: string[] | null = null;
  const rows: { rowNumber: number; cells: string[] }[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells = values.slice(1).map((v) => cellText(v).trim());
        if (header === null) {
          header = cells;
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        if (rows.length >= maxRows) {
          throw new AppError(400, ErrorCode.ValidationFailed, [
            { path: 'file', message: `文件数据超过${maxRows}行，请拆分后分批导入` },
          ]);
        }
        rows.push({ rowNumber: row.number, cells });
      }
      break; // only the first worksheet
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: '文件已损坏或不是有效的Excel（.xlsx）文件' },
    ]);
  }
  if (header === null) {
    throw new AppError(400, ErrorCode.ValidationFailed, [
      { path: 'file', message: '文件中没有表头行' },
    ]);
  }
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
