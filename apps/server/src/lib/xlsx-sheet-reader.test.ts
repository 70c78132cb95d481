import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../test/xlsx-cells.js';
import { MAX_SHEET_PART_BYTES, readFirstSheet } from './xlsx.js';
import {
  columnIndex,
  decodeXmlText,
  elementPieces,
  forEachSheetRow,
  isDateFormatCode,
  parseDateStyles,
  parseSharedStrings,
  serialDateText,
  type SheetContext,
} from './xlsx-sheet-reader.js';

/** What ExcelJS's full load made of a sheet: the reader must give the same texts. */
async function viaExcelJs(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(Array.from(values.slice(1), (v) => cellText(v).trim()));
  });
  return rows;
}

async function viaReader(buffer: Buffer): Promise<string[][]> {
  const { header, rows } = await readFirstSheet(buffer, 100_000);
  return [header, ...rows.map((r) => r.cells)].map((cells) => Array.from(cells, (c) => c ?? ''));
}

function trimTrailing(rows: string[][]): string[][] {
  return rows.map((cells) => {
    const out = [...cells];
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });
}

const LONG_CHINESE = '重大事故隐患排查整治'.repeat(4_000); // 40,000 characters, 120,000 UTF-8 bytes

function fillSheet(sheet: ExcelJS.Worksheet) {
  sheet.addRow(['企业名称', '统一社会信用代码', '从业人数', '许可证有效期至', '备注']);
  sheet.addRow([
    '东胜化工有限公司',
    '91150602MA0N1XYZ0K',
    120,
    new Date(Date.UTC(2028, 11, 31)),
    '',
  ]);
  sheet.addRow(['A&B <公司> "引号" \'单\'', '', 2.5, '2027-01-15', LONG_CHINESE]);
  sheet.addRow([]);
  sheet.addRow(['  前后空格  ', null, 0.001, null, { formula: '1+1', result: 2 }]);
  sheet.addRow([
    { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] },
    true,
    -7,
    null,
    "'=SUM(A1)",
  ]);
  const row = sheet.addRow(['跳列']);
  row.getCell(5).value = '第五列';
  sheet.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
}

describe('readFirstSheet reads what ExcelJS read', () => {
  it('a workbook with shared strings and styles (ExcelJS, as Excel writes it)', async () => {
    const workbook = new ExcelJS.Workbook();
    fillSheet(workbook.addWorksheet('企业信息'));
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const expected = trimTrailing(await viaExcelJs(buffer));
    const rows = trimTrailing(await viaReader(buffer));
    // The apostrophe that export adds against formula injection is taken off on the way back in.
    expected[4]![4] = '=SUM(A1)';
    expect(rows).toEqual(expected);
    expect(rows[1]).toEqual(['东胜化工有限公司', '91150602MA0N1XYZ0K', '120', '2028-12-31']);
    expect(rows[2]![4]).toBe(LONG_CHINESE);
    expect(rows[3]).toEqual(['前后空格', '', '0.001', '', '2']);
  });

  it('a streamed workbook with inline strings, across zip chunk boundaries', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useSharedStrings: false,
      useStyles: true,
    });
    const sheet = writer.addWorksheet('企业信息');
    sheet.addRow(['名称', '说明']).commit();
    for (let i = 0; i < 2_000; i++)
      sheet.addRow([`企业${i}号`, `第${i}行：${'安全生产'.repeat(i % 7)}`]).commit();
    sheet.commit();
    await writer.commit();
    const buffer = Buffer.concat(chunks);
    const rows = await viaReader(buffer);
    expect(trimTrailing(rows)).toEqual(trimTrailing(await viaExcelJs(buffer)));
    expect(rows).toHaveLength(2_001);
    expect(rows[2_000]).toEqual(['企业1999号', `第1999行：${'安全生产'.repeat(1999 % 7)}`]);
  });
});

/** A workbook made by hand, for the SpreadsheetML that other writers produce. */
async function handMadeWorkbook(parts: {
  sheet: string;
  sharedStrings?: string;
  styles?: string;
  workbookPr?: string;
}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${parts.workbookPr ?? ''}<x:sheets><x:sheet name="表1" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Target="/xl/worksheets/data.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Id="rId7"/>` +
      `<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>` +
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    'xl/worksheets/data.xml',
    `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${parts.sheet}</x:sheetData></x:worksheet>`,
  );
  if (parts.sharedStrings) zip.file('xl/strings.xml', parts.sharedStrings);
  if (parts.styles) zip.file('xl/styles.xml', parts.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('readFirstSheet on SpreadsheetML from other writers', () => {
  it('reads prefixed tags, shared and inline strings, dates by style, booleans, errors and gaps', async () => {
    const buffer = await handMadeWorkbook({
      sharedStrings:
        '<sst xmlns="x"><si><t>企业名称</t></si><si><r><t>安全</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 生产</t></r><rPh sb="0" eb="2"><t>アンゼン</t></rPh></si><si><t/></si><si><t>行&#x2028;一_x000D_二</t></si></sst>',
      styles:
        '<styleSheet><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
        '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="176"/><xf numFmtId="4"/></cellXfs></styleSheet>',
      sheet:
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>' +
        '<x:row r="3" spans="1:6"><x:c r="A3" t="inlineStr"><x:is><x:t>甲 &amp; 乙</x:t></x:is></x:c>' +
        '<x:c r="B3" s="1"><x:v>46022</x:v></x:c><x:c r="C3" s="2"><x:v>45292.75</x:v></x:c>' +
        '<x:c r="D3" s="3"><x:v>1234.5</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#N/A</x:v></x:c></x:row>' +
        '<x:row r="4"><x:c r="A4" s="1"/><x:c r="B4" t="s"><x:v>2</x:v></x:c></x:row>' +
        '<x:row><x:c t="s"><x:v>3</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>公式结果</x:v></x:c><x:c t="d"><x:v>2026-11-30T00:00:00Z</x:v></x:c></x:row>',
    });
    const { header, rows } = await readFirstSheet(buffer, 10);
    expect(header).toEqual(['企业名称', '', '安全 生产']);
    expect(rows).toEqual([
      { rowNumber: 3, cells: ['甲 & 乙', '2025-12-31', '2024-01-01', '1234.5', 'true'] },
      { rowNumber: 5, cells: ['行\u2028一\r二', '公式结果', '2026-11-30'] },
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const buffer = await handMadeWorkbook({
      workbookPr: '<x:workbookPr date1904="1"/>',
      styles:
        '<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>',
      sheet:
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2" s="1"><x:v>0</x:v></x:c></x:row>',
    });
    expect((await readFirstSheet(buffer, 10)).rows).toEqual([
      { rowNumber: 2, cells: ['1904-01-01'] },
    ]);
  });

  it('refuses a sheet over the row limit before reading its cells, and a file with no header', async () => {
    const many = Array.from(
      { length: 12 },
      (_, i) =>
        `<x:row r="${i + 1}"><x:c r="A${i + 1}" t="inlineStr"><x:is><x:t>${i}</x:t></x:is></x:c></x:row>`,
    ).join('');
    await expect(readFirstSheet(await handMadeWorkbook({ sheet: many }), 10)).rejects.toMatchObject(
      {
        fields: [{ path: 'file', message: '文件数据超过10行，请拆分后分批导入' }],
      },
    );
    await expect(readFirstSheet(await handMadeWorkbook({ sheet: '' }), 10)).rejects.toMatchObject({
      fields: [{ path: 'file', message: '文件中没有表头行' }],
    });
    await expect(readFirstSheet(Buffer.from('PK\u0003\u0004 not a zip'), 10)).rejects.toMatchObject(
      {
        fields: [{ path: 'file', message: '文件已损坏或不是有效的Excel（.xlsx）文件' }],
      },
    );
  });
});

describe('readFirstSheet on hostile files', () => {
  // Each of these took minutes with lazy regular expressions (every later open tag retried the
  // scan to the end of the file): the test would time out long before an assertion fails.
  const unclosed = (tag: string, count: number) =>
    Array.from({ length: count }, () => `${tag}${'安'.repeat(40)}`).join('');

  it('reads past open tags that never close, in linear time', () => {
    const context: SheetContext = { sharedStrings: [], dateStyles: [], date1904: false };
    const rows: number[] = [];
    forEachSheetRow(
      '<sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>表头</x:t></x:is></x:c></x:row>' +
        unclosed('<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>', 20_000),
      context,
      (n) => rows.push(n),
    );
    expect(rows).toEqual([1]);
    expect(parseSharedStrings(`<sst><si><t>甲</t></si>${unclosed('<si><t>', 20_000)}`)).toEqual([
      '甲',
    ]);
    expect(
      parseDateStyles(`<styleSheet>${unclosed('<numFmt numFmtId="1', 20_000)}<cellXfs>`),
    ).toEqual([]);
  });

  it('ignores cells beyond the last column Excel has', async () => {
    const buffer = await handMadeWorkbook({
      sheet:
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>名称</x:t></x:is></x:c>' +
        `<x:c r="${'Z'.repeat(12)}1" t="inlineStr"><x:is><x:t>远处</x:t></x:is></x:c></x:row>`,
    });
    expect((await readFirstSheet(buffer, 10)).header).toEqual(['名称']);
  });

  it('refuses a part that inflates past the limit (a zip bomb) before reading all of it', async () => {
    const bomb = await handMadeWorkbook({
      sheet: ' '.repeat(MAX_SHEET_PART_BYTES + 1024) + '<x:row r="1"/>',
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readFirstSheet(bomb, 10)).rejects.toMatchObject({
      statusCode: 400,
      fields: [{ path: 'file', message: '文件内容过大（解压后超过64MB），请拆分后分批导入' }],
    });
  });

  it('answers a damaged part with a message, not a server error', async () => {
    const good = await handMadeWorkbook({
      sharedStrings: `<sst>${Array.from({ length: 400 }, (_, i) => `<si><t>第${i}条${'隐患'.repeat(i % 9)}</t></si>`).join('')}</sst>`,
      sheet: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>',
    });
    const damaged = Buffer.from(good);
    const header = damaged.indexOf('xl/strings.xml');
    expect(header).toBeGreaterThan(0);
    damaged.fill(0xff, header + 20, header + 60);
    await expect(readFirstSheet(damaged, 10)).rejects.toMatchObject({
      statusCode: 400,
      fields: [{ path: 'file', message: '文件已损坏或不是有效的Excel（.xlsx）文件' }],
    });
  });
});

describe('sheet reader parts', () => {
  it('decodes XML references and OOXML control escapes', () => {
    expect(decodeXmlText('&lt;a&gt; &amp;amp; &quot;&apos; &#20013;&#x6587; _x0009_ _x005F_')).toBe(
      '<a> &amp; "\' 中文 \t _',
    );
    expect(decodeXmlText('&unknown; &#x110000;')).toBe('&unknown; &#x110000;');
  });

  it('tells date formats from number formats', () => {
    for (const code of [
      'yyyy-mm-dd',
      'yyyy"年"m"月"d"日"',
      'm/d/yy h:mm',
      '[$-804]yyyy/m/d',
      'hh:mm:ss',
    ])
      expect(isDateFormatCode(code), code).toBe(true);
    for (const code of [
      'General',
      '0.00',
      '#,##0_);[Red](#,##0)',
      '0.00E+00',
      '"天数"0',
      '@',
      '_(* #,##0_)',
    ])
      expect(isDateFormatCode(code), code).toBe(false);
    expect(parseDateStyles(undefined)).toEqual([]);
    expect(parseSharedStrings(undefined)).toEqual([]);
  });

  it('turns serials into dates and references into columns', () => {
    expect(serialDateText(45292, false)).toBe('2024-01-01');
    expect(serialDateText(45292.999, false)).toBe('2024-01-01');
    expect(serialDateText(0, true)).toBe('1904-01-01');
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('z9')).toBe(25);
    expect(columnIndex('AB12')).toBe(27);
    expect(columnIndex('12')).toBeUndefined();
    expect(columnIndex(undefined)).toBeUndefined();
  });

  it('gives each non-empty row with its number, gaps filled, empty rows left out', () => {
    const context: SheetContext = { sharedStrings: ['x'], dateStyles: [], date1904: false };
    const seen: [number, string[]][] = [];
    forEachSheetRow(
      '<sheetData><row r="2"><c r="C2" t="s"><v>0</v></c></row><row r="5"><c r="A5"/></row><row r="6"/><row><c><v>7</v></c></row></sheetData>',
      context,
      (n, cells) => seen.push([n, cells]),
    );
    expect(seen).toEqual([
      [2, ['', '', 'x']],
      [7, ['7']],
    ]);
  });
});

describe('reading a part in pieces', () => {
  const context: SheetContext = { sharedStrings: [], dateStyles: [], date1904: false };
  const row = (n: number, text: string, prefix = '') =>
    `<${prefix}row r="${n}"><${prefix}c r="A${n}" t="inlineStr"><${prefix}is><${prefix}t>${text}</${prefix}t></${prefix}is></${prefix}c></${prefix}row>`;
  const sheet = (rows: string[]) =>
    `<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;

  it('cuts only just after a closing tag of the element, never inside a character', () => {
    const rows = Array.from({ length: 40 }, (_, i) =>
      // Text that holds "row>" must not be taken for a tag: "arrow>" ends a row of text here.
      row(i + 1, i % 3 === 0 ? '安全arrow>隐患' : `隐患排查${i}`, i % 2 ? 'x:' : ''),
    );
    const bytes = Buffer.from(sheet(rows), 'utf8');
    const pieces = [...elementPieces(bytes, 'row', 64)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(bytes.toString('utf8'));
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/<\/(x:)?row>$/);
    expect(pieces.join('')).not.toContain('\uFFFD');
  });

  it('gives the same rows and shared strings in pieces as whole', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      row(i + 1, `重大事故隐患${i}`, i % 5 ? '' : 'x:'),
    );
    const xml = sheet(rows);
    const whole: [number, string[]][] = [];
    forEachSheetRow(xml, context, (n, cells) => whole.push([n, cells]));
    const inPieces: [number, string[]][] = [];
    forEachSheetRow(elementPieces(Buffer.from(xml), 'row', 200), context, (n, cells) =>
      inPieces.push([n, cells]),
    );
    expect(whole).toHaveLength(300);
    expect(inPieces).toEqual(whole);

    const sst = `<sst>${Array.from({ length: 500 }, (_, i) => `<si><t>危化品${i}</t></si>`).join('')}</sst>`;
    const strings = parseSharedStrings(elementPieces(Buffer.from(sst), 'si', 100));
    expect(strings).toEqual(parseSharedStrings(sst));
    expect(strings).toHaveLength(500);
  });

  it('keeps a row numbering across pieces when rows leave out their number', () => {
    const xml = sheet(
      Array.from({ length: 50 }, () => '<row><c t="inlineStr"><is><t>甲</t></is></c></row>'),
    );
    const numbers: number[] = [];
    forEachSheetRow(elementPieces(Buffer.from(xml), 'row', 60), context, (n) => numbers.push(n));
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
