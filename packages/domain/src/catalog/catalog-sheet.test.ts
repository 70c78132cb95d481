import { describe, expect, it } from 'vitest';
import { NATIONAL_CATALOGS } from './catalog-data.js';
import { diffCatalogItems, isEmptyDiff } from './catalog-diff.js';
import { CATALOG_SHEET_COLUMNS, formatCatalogRow, parseCatalogSheet } from './catalog-sheet.js';
import { CATALOG_IDS } from './catalog.js';

const header = CATALOG_SHEET_COLUMNS.map((c) => c.header);

describe('catalog sheet', () => {
  it('starts with the bureau layout columns', () => {
    expect(header.slice(0, 10)).toEqual([
      '编码',
      '章节',
      '条款',
      '标题',
      '要求',
      '完整性',
      '适用行业',
      '适用类型',
      '适用标签',
      '地方补充',
    ]);
  });

  it.each(CATALOG_IDS)('formats and parses %s back to the same items', (id) => {
    const catalog = NATIONAL_CATALOGS[id];
    const rows = catalog.items.map((item, i) => ({
      rowNumber: i + 2,
      cells: formatCatalogRow(item),
    }));
    const { items, errors } = parseCatalogSheet(id, catalog.catalog, header, rows);
    expect(errors).toEqual([]);
    expect(isEmptyDiff(diffCatalogItems(catalog.items, items))).toBe(true);
    expect(items).toEqual(catalog.items);
  });

  it('keeps 待补充 with its note', () => {
    const fmks = NATIONAL_CATALOGS['FMKS-2022'];
    const incomplete = fmks.items.find((i) => i.completeness === 'incomplete')!;
    const cells = formatCatalogRow(incomplete);
    expect(cells[5]).toBe('待补充');
    expect(cells[10]).toBe(incomplete.gapNote);
  });

  it('reports errors by row and column, and missing columns', () => {
    const hg = NATIONAL_CATALOGS['HG-2017'];
    const good = formatCatalogRow(hg.items[0]!);
    const badSector = [...good];
    badSector[6] = '核电';
    const badCode = [...good];
    badCode[0] = 'HG-2017-XX';
    const dup = formatCatalogRow(hg.items[0]!);
    const r1 = parseCatalogSheet('HG-2017', hg.catalog, header, [
      { rowNumber: 2, cells: badSector },
      { rowNumber: 3, cells: badCode },
    ]);
    expect(r1.items).toEqual([]);
    expect(r1.errors).toEqual([
      { rowNumber: 2, column: 'sectors', header: '适用行业', message: '未知的行业领域“核电”' },
      { rowNumber: 3, column: 'code', header: '编码', message: '条目编码不符合编码规则' },
    ]);
    const r2 = parseCatalogSheet('HG-2017', hg.catalog, header, [
      { rowNumber: 2, cells: good },
      { rowNumber: 3, cells: dup },
    ]);
    expect(r2.errors).toEqual([
      { rowNumber: 3, column: 'code', header: '编码', message: '条目编码重复' },
    ]);
    const r3 = parseCatalogSheet('HG-2017', hg.catalog, ['编码', '标题'], []);
    expect(r3.errors[0]!.message).toBe('缺少必填列：章节、条款、完整性、适用行业');
  });
});
