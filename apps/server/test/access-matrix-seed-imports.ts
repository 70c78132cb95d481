import ExcelJS from 'exceljs';
import { ENTERPRISE_SHEET_COLUMNS, type Sector, SECTOR_LABELS } from '@hazard-ledger/domain';
import type { MatrixWorld, Variant } from './access-matrix-scope.js';
import { expectCreated, FOREIGN_MARK, SECTOR_MARK } from './access-matrix-scope.js';
import { multipartFile } from './multipart.js';

// Enterprise import records of the access matrix (issue 12 §1). An import is kept by the unit
// of the user who uploaded it, and an office may only import enterprises of its sectors, so
// each variant's import is uploaded by an office: the hazchem office of 东胜 (own, before the
// testers' views), its mining office (otherSector, a row for a mining enterprise) and district
// 乙's office (otherDistrict). The mark is in the file name (shown in the list) and in the row
// (shown in the detail). The row names a district that does not exist, so the preview keeps it
// as an error row and a commit, which only the uploader may make, writes no enterprise.

/** Who uploads each variant's import, and the sector of its row. */
export const IMPORT_UPLOADERS: Record<Variant, { username: string; sector: Sector }> = {
  own: { username: 'weihua', sector: 'hazchem' },
  otherSector: { username: 'jichu', sector: 'mining' },
  otherDistrict: { username: 'mx_office_b', sector: 'hazchem' },
};

/** A sheet of the import template with one row for an enterprise of `sector`. */
async function importSheet(mark: string, sector: Sector): Promise<Buffer> {
  const row: Record<string, string> = {
    企业名称: `${mark}导入企业`,
    统一社会信用代码: '91150602MA0MX0001X',
    行业领域: SECTOR_LABELS[sector].zh,
    所属区县: `${mark}不存在的区县`,
  };
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业信息');
  sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => c.header));
  sheet.addRow(ENTERPRISE_SHEET_COLUMNS.map((c) => row[c.header] ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function previewImport(world: MatrixWorld, variant: Variant, mark: string): Promise<void> {
  const { username, sector } = IMPORT_UPLOADERS[variant];
  const preview = await expectCreated<{ errorRows: number }>(
    `${mark} enterprise import`,
    (await world.t.login(username)).request({
      method: 'POST',
      url: '/api/v1/enterprises/import/preview',
      ...multipartFile(`${mark}企业导入.xlsx`, await importSheet(mark, sector)),
    }),
  );
  if (preview.errorRows !== 1) throw new Error(`fixture ${mark} import: the row should not pass`);
}

/** The own district's import, by its hazchem office (before the testers' views). */
export async function seedOwnImport(world: MatrixWorld): Promise<void> {
  await previewImport(world, 'own', '本区');
}

/** The mining office's and district 乙's imports. */
export async function seedForeignImports(world: MatrixWorld): Promise<void> {
  await previewImport(world, 'otherSector', SECTOR_MARK);
  await previewImport(world, 'otherDistrict', FOREIGN_MARK);
}
