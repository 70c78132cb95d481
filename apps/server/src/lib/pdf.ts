import fs from 'node:fs';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import { ErrorCode } from '@hazard-ledger/domain';
import { AppError } from './app-error.js';

// Printable documents (self-inspection records, inspection records, orders…) are rendered on
// the server with pdfmake and a CJK font from the operating system, so the text stays text
// (searchable, checked with pdftotext in tests) and nothing is fetched from the network.

/** Where CJK fonts are looked for, in order: [regular, bold, PostScript names]. */
const FONT_CANDIDATES: { regular: string; bold: string; names: [string, string] }[] = [
  {
    regular: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    bold: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    names: ['NotoSansCJKsc-Regular', 'NotoSansCJKsc-Bold'],
  },
  {
    regular: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    bold: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    names: ['WenQuanYiZenHei', 'WenQuanYiZenHei'],
  },
];

/** The font family name documents use (`defaultStyle.font` is set for them). */
export const PDF_FONT = 'Cjk';

let printer: PdfPrinter | null = null;

function fontDictionary(): TFontDictionary {
  const custom = process.env.PDF_FONT_FILE;
  if (custom) {
    if (!fs.existsSync(custom)) throw fontMissing();
    // A single TTF/OTF file serves every style.
    return { [PDF_FONT]: { normal: custom, bold: custom, italics: custom, bolditalics: custom } };
  }
  const found = FONT_CANDIDATES.find((c) => fs.existsSync(c.regular) && fs.existsSync(c.bold));
  if (!found) throw fontMissing();
  // pdfmake accepts [file, PostScript name] to pick one face out of a font collection (.ttc).
  const regular = [found.regular, found.names[0]] as unknown as string;
  const bold = [found.bold, found.names[1]] as unknown as string;
  return { [PDF_FONT]: { normal: regular, bold, italics: regular, bolditalics: bold } };
}

function fontMissing(): AppError {
  return new AppError(503, ErrorCode.Internal, [
    {
      path: 'pdf',
      message:
        '服务器未安装中文字体，无法生成 PDF（请安装 fonts-noto-cjk，或以 PDF_FONT_FILE 指定字体文件）',
    },
  ]);
}

/** Renders a document definition to a PDF buffer in the CJK font. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  printer ??= new PdfPrinter(fontDictionary());
  const doc = printer.createPdfKitDocument({
    pageSize: 'A4',
    ...definition,
    defaultStyle: { font: PDF_FONT, fontSize: 10.5, ...definition.defaultStyle },
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
