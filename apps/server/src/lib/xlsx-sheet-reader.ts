// Reads the cells of one worksheet straight from its XML (SpreadsheetML, ECMA-376 part 1 §18.3),
// one row at a time. Imports used to load the whole workbook with ExcelJS: a 10,000-row sheet
// then held hundreds of megabytes of cell objects, and the heap stayed large after. ExcelJS's own
// streaming reader is no answer: it decodes UTF-8 per chunk and garbles Chinese text that
// straddles a chunk boundary. Here JSZip inflates each part to one string, so no text is split.
//
// What a cell becomes (the text a person reads in Excel, as ExcelJS gave it before):
// - shared strings (t="s"), inline strings (t="inlineStr") and formula strings (t="str"): their
//   text, rich-text runs joined, phonetic guides (rPh) left out;
// - numbers: the number's shortest text (1, 2.5, 0.001);
// - numbers in a date format (built-in or custom), and t="d" cells: YYYY-MM-DD;
// - booleans: true / false; errors (#N/A …) and empty cells: ''.
// A formula cell gives its cached result.

/** The parts of a workbook a sheet's cells refer to. */
export type SheetContext = {
  sharedStrings: readonly string[];
  /** For each cell style index (the `s` attribute), whether its number format is a date. */
  dateStyles: readonly boolean[];
  /** The 1904 date system (older Mac workbooks): serial 0 is 1904-01-01. */
  date1904: boolean;
};

const TAG_PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references, then OOXML's _xHHHH_ escapes for control characters. */
export function decodeXmlText(raw: string): string {
  const unescaped =
    raw.indexOf('&') === -1
      ? raw
      : raw.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
          if (ref[0] !== '#') return ENTITY[ref] ?? whole;
          const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
          return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        });
  return unescaped.indexOf('_x') === -1
    ? unescaped
    : unescaped.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
}

/**
 * Calls `visit` for each `name` element of `xml` (any namespace prefix), in order, with its
 * attribute text, its inner text (undefined when it closes itself) and where it starts and ends
 * in `xml`. Nested elements of the same name are not expected (SpreadsheetML has none among
 * those read here).
 *
 * Linear in the length of `xml` whatever the input: an open tag is matched up to the next `<`,
 * and an element whose closing tag never comes ends the scan. (Lazy regular expressions such as
 * `<row>([\s\S]*?)</row>` retried from every later `<row` of a file without closing tags:
 * quadratic time on a crafted upload.)
 */
function forEachElement(
  xml: string,
  name: string,
  visit: (attrs: string, inner: string | undefined, start: number, end: number) => void,
  from = 0,
): void {
  const open = new RegExp(`<(${TAG_PREFIX})${name}(?=[\\s/>])([^<>]*?)(/?)>`, 'g');
  open.lastIndex = from;
  for (let m = open.exec(xml); m; m = open.exec(xml)) {
    const [, prefix = '', attrs = '', selfClosing] = m;
    if (selfClosing) {
      visit(attrs, undefined, m.index, open.lastIndex);
      continue;
    }
    const closingTag = `</${prefix}${name}>`;
    const close = xml.indexOf(closingTag, open.lastIndex);
    if (close === -1) return;
    const inner = xml.slice(open.lastIndex, close);
    open.lastIndex = close + closingTag.length;
    visit(attrs, inner, m.index, open.lastIndex);
  }
}

/** The text of a string item (<si> or <is>): its <t> runs, without phonetic guides (<rPh>). */
function stringItemText(inner: string): string {
  let body = inner;
  if (inner.includes('rPh')) {
    body = '';
    let kept = 0;
    forEachElement(inner, 'rPh', (_attrs, _text, start, end) => {
      body += inner.slice(kept, start);
      kept = end;
    });
    body += inner.slice(kept);
  }
  let text = '';
  forEachElement(body, 't', (_, run) => {
    if (run) text += decodeXmlText(run);
  });
  return text;
}

/** xl/sharedStrings.xml as a list; empty when the workbook has none. */
export function parseSharedStrings(xml: XmlText | undefined): string[] {
  if (xml === undefined) return [];
  const items: string[] = [];
  for (const piece of piecesOf(xml)) {
    forEachElement(piece, 'si', (_, inner) =>
      items.push(inner ? detachedText(stringItemText(inner)) : ''),
    );
  }
  return items;
}

/**
 * The built-in number formats that show a date or time (ECMA-376 §18.8.30, with the ids the
 * Chinese, Japanese and Korean locales use for their date formats).
 */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a custom number format shows a date: y, m, d, h or s outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/[\\_*]./g, '')
    .replace(/\[[^\]]*\]/g, '');
  // Only the first section counts (positive numbers); "General" and "0.00E+00" have no date letter.
  const first = bare.split(';')[0] ?? '';
  return /[ymdhs]/i.test(first.replace(/General/gi, '').replace(/E[+-]/g, ''));
}

const attributePatterns = new Map<string, RegExp>();

function attribute(attrs: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** For each cell style of xl/styles.xml, whether it formats numbers as a date. */
export function parseDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const customDate = new Map<number, boolean>();
  const numFmt = new RegExp(`<${TAG_PREFIX}numFmt(?=[\\s/>])([^<>]*)>`, 'g');
  for (const m of xml.matchAll(numFmt)) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId'));
    const code = decodeXmlText(attribute(m[1] ?? '', 'formatCode') ?? '');
    if (Number.isInteger(id)) customDate.set(id, isDateFormatCode(code));
  }
  let cellXfs: string | undefined;
  forEachElement(xml, 'cellXfs', (_, inner) => {
    cellXfs ??= inner ?? '';
  });
  if (!cellXfs) return [];
  const styles: boolean[] = [];
  const xf = new RegExp(`<${TAG_PREFIX}xf(?=[\\s/>])([^<>]*)>`, 'g');
  for (const m of cellXfs.matchAll(xf)) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    styles.push(customDate.get(id) ?? BUILT_IN_DATE_FORMATS.has(id));
  }
  return styles;
}

/** A date serial as YYYY-MM-DD (the 1900 system counts from 1899-12-30, as Excel does after 1900-03-01). */
export function serialDateText(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? 1462 : 0);
  const ms = Math.round((days - 25569) * 86_400_000);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/** The 0-based column of a cell reference such as "AB12"; undefined when there is none. */
export function columnIndex(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    const upper = code >= 97 ? code - 32 : code;
    if (upper < 65 || upper > 90) break;
    column = column * 26 + (upper - 64);
  }
  return i === 0 ? undefined : column - 1;
}

/** Excel's last column is XFD: a reference beyond it is not a cell of any real sheet. */
const MAX_COLUMNS = 16_384;

/** The inner text of the first `name` element of `xml`, if there is one. */
function firstElementText(xml: string, name: string): string | undefined {
  let found: string | undefined;
  forEachElement(xml, name, (_, inner) => {
    found ??= inner ?? '';
  });
  return found;
}

function cellText(attrs: string, inner: string | undefined, context: SheetContext): string {
  if (!inner) return '';
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = firstElementText(inner, 'is');
    return is === undefined ? '' : stringItemText(is);
  }
  const raw = firstElementText(inner, 'v');
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return context.sharedStrings[Number(raw)] ?? '';
    case 'str':
      return decodeXmlText(raw);
    case 'b':
      return raw.trim() === '1' ? 'true' : 'false';
    case 'e':
      return '';
    case 'd': {
      const text = decodeXmlText(raw).trim();
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text;
    }
    default: {
      const text = raw.trim();
      const number = Number(text);
      if (text === '' || Number.isNaN(number)) return decodeXmlText(text);
      const style = Number(attribute(attrs, 's') ?? 0);
      return context.dateStyles[style] ? serialDateText(number, context.date1904) : String(number);
    }
  }
}

/**
 * Calls `onRow` for each row of a worksheet's XML (whole, or in pieces cut between rows by
 * `elementPieces`) that has a cell, in sheet order, with the
 * row's 1-based number and its cell texts by column (missing cells are ''). Cells beyond
 * Excel's last column are ignored.
 */
export function forEachSheetRow(
  xml: XmlText,
  context: SheetContext,
  onRow: (rowNumber: number, cells: string[]) => void,
): void {
  let previousRow = 0;
  let first = true;
  for (const piece of piecesOf(xml)) {
    // Rows start inside <sheetData>; what comes before it (in the first piece) is not searched.
    const data = first ? piece.indexOf('sheetData') : 0;
    first = false;
    forEachElement(
      piece,
      'row',
      (rowAttrs, inner) => {
        const rowNumber = Number(attribute(rowAttrs, 'r')) || previousRow + 1;
        previousRow = rowNumber;
        if (!inner) return;
        const cells: string[] = [];
        let previousColumn = -1;
        forEachElement(inner, 'c', (attrs, cellInner) => {
          const column = columnIndex(attribute(attrs, 'r')) ?? previousColumn + 1;
          previousColumn = column;
          if (column >= MAX_COLUMNS) return;
          const text = cellText(attrs, cellInner, context);
          if (text === '') return;
          while (cells.length < column) cells.push('');
          cells[column] = detachedText(text);
        });
        if (cells.length > 0) onRow(rowNumber, cells);
      },
      data === -1 ? 0 : data,
    );
  }
}

/**
 * `text` as a string of its own. V8 keeps a substring of 13 characters or more as a view into
 * the string it was cut from, so one cell's text kept the whole 1 MB piece of sheet it came from
 * alive, and a 20,000-row import held every piece: the whole sheet again, as text. Prefixing
 * makes a rope; slicing it flattens the rope into a fresh string, which the slice then views.
 */
export function detachedText(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** A part's XML: one string, or its pieces in order (see `elementPieces`). */
export type XmlText = string | Iterable<string>;

function piecesOf(xml: XmlText): Iterable<string> {
  return typeof xml === 'string' ? [xml] : xml;
}

/**
 * A part's UTF-8 bytes decoded a piece of about `pieceBytes` at a time, each piece ending just
 * after a closing tag of `element` (`</row>`, `</x:row>`), so that no such element is cut.
 * Decoding a 20,000-row sheet whole made one string of about 40 MB (Chinese text takes two
 * bytes a character in V8) next to its bytes; in pieces, only one piece is text at a time. A cut
 * after `>` never falls inside a multi-byte character, and in well-formed XML `</row>` is always
 * a tag: a `<` in text is escaped.
 */
export function* elementPieces(
  bytes: Buffer,
  element: string,
  pieceBytes = 1024 * 1024,
): Generator<string> {
  const needle = Buffer.from(`${element}>`, 'latin1');
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.length;
    if (start + pieceBytes < bytes.length) {
      const cut = closingTagEnd(bytes, needle, start, start + pieceBytes);
      if (cut !== -1) end = cut;
    }
    yield bytes.toString('utf8', start, end);
    start = end;
  }
}

const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;

/** Whether `needle` at `at` ends a closing tag: `</` + needle or `</prefix:` + needle. */
function isClosingTag(bytes: Buffer, at: number): boolean {
  let i = at - 1;
  if (bytes[i] === COLON) {
    i--;
    while (i > 0 && /[\w.-]/.test(String.fromCharCode(bytes[i]!))) i--;
  }
  return bytes[i] === SLASH && bytes[i - 1] === LT;
}

/**
 * The end of the last closing tag of the element that ends within (start, limit], else of the
 * first one after limit; -1 if there is none after start.
 */
function closingTagEnd(bytes: Buffer, needle: Buffer, start: number, limit: number): number {
  for (let at = bytes.lastIndexOf(needle, limit - needle.length); at > start;) {
    if (isClosingTag(bytes, at)) return at + needle.length;
    at = bytes.lastIndexOf(needle, at - 1);
  }
  for (let at = bytes.indexOf(needle, limit); at !== -1; at = bytes.indexOf(needle, at + 1)) {
    if (isClosingTag(bytes, at)) return at + needle.length;
  }
  return -1;
}
