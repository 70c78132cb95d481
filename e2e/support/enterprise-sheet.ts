import ExcelJS from 'exceljs';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  ENTERPRISE_SHEET_COLUMNS,
  type SheetKey,
} from '@hazard-ledger/domain';

/** A valid unified social credit code: `body` (17 characters) plus its check character. */
export function validCreditCode(body: string): string {
  const check = creditCodeCheckChar(body);
  if (!check) throw new Error(`not a credit code body: ${body}`);
  return body + check;
}

/** The same body with a wrong check character (fails GB 32100). */
export function badCreditCode(body: string): string {
  const right = creditCodeCheckChar(body)!;
  const wrong = [...CREDIT_CODE_ALPHABET].find((c) => c !== right)!;
  return body + wrong;
}

/** A random 17-character body in 东胜区 (150602), so reruns never collide. */
export function randomCodeBody(): string {
  let tail = '';
  for (let i = 0; i < 7; i++) {
    tail += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  }
  return `91150602MA${tail}`;
}

/** An .xlsx with the import template's headers and these rows (cells by column key). */
export async function enterpriseSheet(rows: Partial<Record<SheetKey, string>>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
