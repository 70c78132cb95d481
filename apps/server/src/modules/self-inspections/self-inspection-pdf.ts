import fs from 'node:fs';
import PdfPrinter from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import {
  ErrorCode,
  SECTOR_LABELS,
  SELF_INSPECTION_PROBLEM_COLUMN,
  type SelfInspectionDetail,
} from '@hazard-ledger/domain';
import { AppError } from '../../lib/app-error.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { chinaTime } from './self-inspection-coverage.js';
import { getRun } from './self-inspections.service.js';

// The printable self-inspection record (自查记录表) as PDF: 企业名称, 负责人, 检查人员, 检查日期,
// then the table 序号 | 判定情形 | 是否存在问题 | 主要问题描述, and the leader's signature.

type FontFile = { file: string; family: string };

/** CJK fonts from Debian packages, in order of preference (regular, bold). */
const CJK_FONTS: { normal: FontFile; bold: FontFile }[] = [
  {
    normal: {
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      family: 'NotoSansCJKsc-Regular',
    },
    bold: {
      file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
      family: 'NotoSansCJKsc-Bold',
    },
  },
  {
    normal: { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
    bold: { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  },
];

let printer: PdfPrinter | undefined;

/** The printer with the first installed CJK font; fails with the package to install. */
function cjkPrinter(): PdfPrinter {
  if (printer) return printer;
  const font = CJK_FONTS.find((f) => fs.existsSync(f.normal.file));
  if (!font) {
    // A missing font is the server's setup, not a crash: 503 with the package to install, as
    // the other printable documents answer (lib/pdf.ts).
    throw new AppError(503, ErrorCode.Internal, [
      {
        path: 'pdf',
        message:
          '未找到中文字体，无法生成PDF：请安装 fonts-noto-cjk 或 fonts-wqy-zenhei（apt-get install fonts-noto-cjk）',
      },
    ]);
  }
  const bold = fs.existsSync(font.bold.file) ? font.bold : font.normal;
  // pdfkit reads one face of a font collection (.ttc) when given [file, PostScript name].
  const source = (f: FontFile) =>
    [f.file, f.family] as unknown as NonNullable<TFontDictionary[string]['normal']>;
  printer = new PdfPrinter({
    CJK: {
      normal: source(font.normal),
      bold: source(bold),
      italics: source(font.normal),
      bolditalics: source(bold),
    },
  });
  return printer;
}

/** The 判定情形 cell: clause and title, then the requirement when the catalog has one. */
function situation(item: SelfInspectionDetail['items'][number]): TableCell {
  const head = { text: `${item.clause} ${item.title}`, bold: true };
  return item.requirement
    ? { stack: [head, { text: item.requirement, fontSize: 8.5, color: '#333333' }] }
    : head;
}

/** The 主要问题描述 cell: the problem (and the ledger number), the n/a reason, or the note. */
function problemText(item: SelfInspectionDetail['items'][number]): string {
  const parts: string[] = [];
  if (item.answer === 'problem') {
    if (item.description) parts.push(item.description);
    if (item.hazardNumber) parts.push(`（已列入隐患台账：${item.hazardNumber}）`);
  } else if (item.answer === 'not_applicable' && item.naReason) {
    parts.push(`不适用理由：${item.naReason}`);
  }
  if (item.note) parts.push(`备注：${item.note}`);
  return parts.join('\n');
}

/** The document definition of a run's record. */
export function selfInspectionDocument(run: SelfInspectionDetail): TDocumentDefinitions {
  const leader = run.signerName ?? run.leaderName ?? '';
  const label = (text: string): TableCell => ({ text, bold: true, fillColor: '#f2f2f2' });
  const rows: TableCell[][] = run.items.map((item, i) => [
    { text: String(i + 1), alignment: 'center' },
    situation(item),
    {
      text: item.answer ? SELF_INSPECTION_PROBLEM_COLUMN[item.answer].zh : '未作答',
      alignment: 'center',
    },
    { text: problemText(item) },
  ]);
  const basis = run.catalogs
    .map((c) => `《${c.name}》${c.documentNumber ? `（${c.documentNumber}）` : ''}第${c.version}版`)
    .join('；');
  const content: Content[] = [
    {
      text: `${run.campaignName ? `${run.campaignName} ` : ''}重大事故隐患对标自查记录`,
      style: 'title',
    },
    run.status === 'submitted'
      ? { text: '' }
      : {
          text: run.status === 'draft' ? '（填报中，尚未提交签字）' : '（已作废）',
          alignment: 'center',
          color: '#cf1322',
          margin: [0, 0, 0, 6],
        },
    {
      table: {
        widths: [60, '*', 60, '*'],
        body: [
          [label('企业名称'), { text: run.enterpriseName, colSpan: 3 }, {}, {}],
          [label('负责人'), leader, label('检查日期'), run.inspectionDate],
          [label('检查人员'), { text: run.inspectors ?? '', colSpan: 3 }, {}, {}],
          [label('行业领域'), SECTOR_LABELS[run.sector].zh, label('所属辖区'), run.districtName],
          [label('判定依据'), { text: basis, colSpan: 3 }, {}, {}],
        ],
      },
      margin: [0, 0, 0, 10],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [28, '*', 66, 170],
        body: [
          ['序号', '判定情形', '是否存在问题', '主要问题描述'].map((h) => ({
            text: h,
            bold: true,
            alignment: 'center' as const,
            fillColor: '#f2f2f2',
          })),
          ...rows,
        ],
      },
    },
    {
      margin: [0, 14, 0, 0],
      columns: [
        {
          text: `共${run.progress.total}项：符合${run.progress.compliant}项，存在问题${run.progress.problems}项，不适用${run.progress.notApplicable}项`,
        },
        {
          text:
            run.status === 'submitted' && run.submittedAt
              ? `主要负责人签字：${leader}    ${chinaTime(run.submittedAt)}`
              : '主要负责人签字：',
          alignment: 'right',
        },
      ],
    },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [36, 40, 36, 40],
    info: { title: `对标自查记录-${run.enterpriseName}-${run.inspectionDate}` },
    defaultStyle: { font: 'CJK', fontSize: 9.5, lineHeight: 1.2 },
    styles: { title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 8] } },
    content,
    footer: (page, pages) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
  };
}

/** Renders a document definition to PDF bytes. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = cjkPrinter().createPdfKitDocument(doc);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}

/** The record of a run the caller may see, as PDF, with its file name. */
export async function selfInspectionPdf(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<{ buffer: Buffer; fileName: string }> {
  const run = await getRun(deps, ctx, id);
  const buffer = await renderPdf(selfInspectionDocument(run));
  return { buffer, fileName: `对标自查记录-${run.enterpriseName}-${run.inspectionDate}.pdf` };
}
