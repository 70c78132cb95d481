import type { ImportRow, ImportView } from '../../../api/enterprises-api';

/** Largest upload the server takes (UPLOAD_LIMIT_BYTES default); checked before sending. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Why a chosen file cannot be sent, or null when it may. */
export function uploadProblem(file: { name: string; size: number }): 'notXlsx' | 'tooLarge' | null {
  if (!/\.xlsx$/i.test(file.name)) return 'notXlsx';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

/** Rows that will be written or left as they are: every row without an error. */
export function validRowCount(view: Pick<ImportView, 'totalRows' | 'errorRows'>): number {
  return Math.max(0, view.totalRows - view.errorRows);
}

/** The rows to show: all, or only those with errors. */
export function visibleRows(rows: readonly ImportRow[], onlyErrors: boolean): ImportRow[] {
  return onlyErrors ? rows.filter((r) => r.errors.length > 0) : [...rows];
}

/** "列名：说明" for a cell error; a whole-row error has no column. */
export function cellErrorText(e: { header: string; message: string }): string {
  return e.header ? `${e.header}：${e.message}` : e.message;
}
