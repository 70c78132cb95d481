import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';
import {
  elementPieces,
  forEachSheetRow,
  parseDateStyles,
  parseSharedStrings,
  type SheetContext,
} from './xlsx-sheet-reader.js';

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

function badFile(message: string): AppError {
  return new AppError(400, ErrorCode.ValidationFailed, [{ path: 'file', message }]);
}

/** A workbook part's zip path from a relationship target (relative to xl/ or absolute). */
function partPath(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The target of the first relationship that matches `pattern` (Id or Type), in either attribute order. */
function relationshipTarget(rels: string, attribute: 'Id' | 'Type', pattern: string) {
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^<>]*)>/g)) {
    const attrs = m[1] ?? '';
    const value = new RegExp(`\\b${attribute}="([^"]*)"`).exec(attrs)?.[1];
    if (value !== undefined && new RegExp(pattern).test(value))
      return /\bTarget="([^"]*)"/.exec(attrs)?.[1];
  }
  return undefined;
}

/**
 * The most text one part of an uploaded workbook may inflate to. A 10,000-row import sheet is
 * about 10 MB of XML; a few kilobytes of zip can inflate to gigabytes (a "zip bomb"), which read
 * whole would take the server's memory.
 */
export const MAX_SHEET_PART_BYTES = 64 * 1024 * 1024;

/** A part of the zip as text, or undefined when it is missing; refused past MAX_SHEET_PART_BYTES. */
async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  return (await partBytes(zip, path))?.toString('utf8');
}

/** A part of the zip, or undefined when it is missing; refused past MAX_SHEET_PART_BYTES. */
async function partBytes(zip: JSZip, path: string): Promise<Buffer | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  // Streamed, so inflating stops at the limit (JSZip inflates only as the stream is read);
  // decoded by the caller, so no character is split between chunks.
  const stream = file.nodeStream('nodebuffer');
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_SHEET_PART_BYTES) {
        chunks.push(chunk);
        return;
      }
      stream.pause();
      stream.removeAllListeners('data');
      chunks.length = 0;
      reject(
        badFile(
          `文件内容过大（解压后超过${MAX_SHEET_PART_BYTES / 1024 / 1024}MB），请拆分后分批导入`,
        ),
      );
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The workbook's first worksheet and the parts its cells refer to. */
async function firstSheetParts(zip: JSZip): Promise<{ sheetPath: string; context: SheetContext }> {
  const workbook = await partText(zip, 'xl/workbook.xml');
  const rels = await partText(zip, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw badFile('文件已损坏或不是有效的Excel（.xlsx）文件');
  const rid = /<(?:\w+:)?sheet\b[^<>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const escapedId = rid?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const target = escapedId ? relationshipTarget(rels, 'Id', `^${escapedId}$`) : undefined;
  if (!target) throw badFile('文件中没有工作表');
  const stringsTarget = relationshipTarget(rels, 'Type', '/sharedStrings$');
  const stylesTarget = relationshipTarget(rels, 'Type', '/styles$');
  // As large as the sheet when the cells' text is shared (Excel's way): read a piece at a time.
  const sharedStrings = stringsTarget ? await partBytes(zip, partPath(stringsTarget)) : undefined;
  const styles = stylesTarget ? await partText(zip, partPath(stylesTarget)) : undefined;
  return {
    sheetPath: partPath(target),
    context: {
      sharedStrings: parseSharedStrings(sharedStrings && elementPieces(sharedStrings, 'si')),
      dateStyles: parseDateStyles(styles),
      date1904: /<(?:\w+:)?workbookPr\b[^<>]*\bdate1904="(?:1|true)"/.test(workbook),
    },
  };
}

/** A row's open tag, with or without a namespace prefix (`<row …>`, `<x:row …>`). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row(?=[\s/>])/g;

/**
 * Reads the first worksheet of an .xlsx buffer as rows of cell texts, straight from the sheet's
 * XML (xlsx-sheet-reader.ts), so a 10,000-row import holds strings rather than a workbook model.
 * The rows are first counted in the raw sheet XML, so a sheet over `maxRows` is refused before
 * any cell is read.
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
  let context: SheetContext;
  let sheetXml: Buffer | undefined;
  try {
    const parts = await firstSheetParts(zip);
    context = parts.context;
    sheetXml = await partBytes(zip, parts.sheetPath);
  } catch (err) {
    // A part that does not inflate (a damaged file) is the user's file, not a server fault.
    if (err instanceof AppError) throw err;
    throw badFile('文件已损坏或不是有效的Excel（.xlsx）文件');
  }
  if (sheetXml === undefined) throw badFile('文件中没有工作表');
  // The sheet stays bytes and is read in pieces, twice: first to count its rows, then its cells.
  const pieces = () => elementPieces(sheetXml, 'row');
  let rowTags = 0;
  for (const piece of pieces()) {
    for (const _ of piece.matchAll(ROW_TAG)) {
      if (++rowTags > maxRows + 1) throw badFile(`文件数据超过${maxRows}行，请拆分后分批导入`);
    }
  }
  let header: string[] | null = null;
  const rows: { rowNumber: number; cells: string[] }[] = [];
  forEachSheetRow(pieces(), context, (rowNumber, texts) => {
    const cells = texts.map((text) => unneutralisedCellText(text.trim()));
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

/**
 * Rows an export reads per query. Small on purpose: a batch lives across the awaits that let the
 * socket drain, so its rows outlive young-generation collections and are promoted. With 1,000
 * rows a 100,000-hazard export piled about 190 MB of garbage into the old generation before each
 * full collection (server RSS 478 MB); with 200 it peaked at 308 MB, at the same speed.
 */
export const EXPORT_BATCH_ROWS = 200;

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

/**
 * Waits, between two batches of rows, until the workbook's output has been taken: by the
 * compressor of the sheet and by the response. ExcelJS writes without waiting at either place.
 * At the response, a slow download would pile the whole file up in memory (the province
 * benchmark saw +400 MB and the first byte only at the end). At the compressor, rows came faster
 * than deflate takes them, and the uncompressed sheet queued in front of it: +70 MB of native
 * memory for 100,000 hazards. The compressor is what the sheet's stream pipes to
 * (ExcelJS's StreamBuf keeps its destinations in `pipes`).
 */
export async function outputTaken(sheet: ExcelJS.Worksheet, out: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const inner = (sheet as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes ?? [];
  for (const stage of [...inner, out]) {
    // Polled as well as awaited: a download that stops leaves no drain to wait for. Each round
    // removes its listener and timer, so a stalled download does not pile them up.
    while (needsDrain(stage) && !stage.destroyed && !out.destroyed) {
      const round = new AbortController();
      await Promise.race([
        once(stage, 'drain', { signal: round.signal }),
        sleep(100, undefined, { signal: round.signal }),
      ]);
      round.abort();
    }
  }
}

/**
 * Whether a writable holds as much as it should. The zip's streams come from the readable-stream
 * package (version 2), which predates `writableNeedDrain`: its state tells the same.
 */
function needsDrain(stage: Writable): boolean {
  if (typeof stage.writableNeedDrain === 'boolean') return stage.writableNeedDrain;
  const state = (stage as { _writableState?: { length: number; highWaterMark: number } })
    ._writableState;
  return state !== undefined && state.length >= state.highWaterMark;
}

/** A Content-Disposition header value for a (Chinese) file name. */
export function attachmentName(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
