import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  HAZARD_LEVEL_LABELS,
  type OfficerView,
  type OrderDetail,
  REINSPECTION_OUTCOME_LABELS,
  type ReinspectionView,
} from '@hazard-ledger/domain';
import { notFound } from '../../lib/app-error.js';
import { renderPdf } from '../../lib/pdf.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { todayInChina } from '../../lib/time.js';
import { getOrder } from './enforcement-orders.service.js';

// The printed documents (issue 7 §8): 责令限期整改指令书 and 整改复查意见书, in Chinese, each with
// its number, the inspectors and their certificate numbers, the enterprise's receipt line, and
// a verification code whose QR leads to <origin>/verify/<code>.

/** 2026-03-01 → 2026年3月1日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The date in China of an instant, in Chinese. */
function chineseDateOf(iso: string): string {
  return chineseDate(todayInChina(new Date(iso)));
}

/** An ideographic space (U+3000), the blank of Chinese forms. */
const SP = '\u3000';

const headerCell = (text: string): TableCell => ({
  text,
  bold: true,
  alignment: 'center',
  fillColor: '#f2f2f2',
});

/** The heading: issuing bureau, document name and number. */
function heading(bureau: string, title: string, number: string): Content[] {
  return [
    { text: bureau, alignment: 'center', fontSize: 14, margin: [0, 0, 0, 4] },
    { text: title, alignment: 'center', fontSize: 20, bold: true, margin: [0, 0, 0, 6] },
    { text: number, alignment: 'center', margin: [0, 0, 0, 14] },
  ];
}

/** The verification block: QR code of the verify URL, the code and the URL. */
function verification(origin: string, code: string): Content {
  const url = `${origin}/verify/${code}`;
  return {
    margin: [0, 18, 0, 0],
    columns: [
      { qr: url, fit: 84, width: 92 },
      {
        width: '*',
        fontSize: 8.5,
        color: '#333333',
        stack: [
          { text: '文书核验', bold: true, margin: [0, 4, 0, 2] },
          { text: `验证码（SHA-256）：${code}` },
          { text: `扫描二维码或访问 ${url} 核验本文书真伪。` },
        ],
      },
    ],
  };
}

/** Signature lines: the inspectors, the enterprise's receipt, the bureau and the date. */
function signatures(
  officers: readonly OfficerView[],
  receipt: { label: string; name: string | null; at: string | null },
  bureau: string,
  date: string,
): Content[] {
  return [
    { margin: [0, 16, 0, 0], text: '安全生产监管执法人员（签名）：' },
    {
      margin: [24, 2, 0, 0],
      stack: officers.map((o) => `${o.name}（执法证号：${o.certificateNo}）`),
    },
    {
      margin: [0, 8, 0, 0],
      text:
        receipt.name && receipt.at
          ? `${receipt.label}：${receipt.name}${SP.repeat(2)}${chineseDateOf(receipt.at)}`
          : `${receipt.label}：${'＿'.repeat(6)}${SP.repeat(4)}年${SP.repeat(2)}月${SP.repeat(2)}日`,
    },
    {
      margin: [0, 20, 0, 0],
      alignment: 'right',
      stack: [`${bureau}（印章）`, chineseDate(date)],
    },
  ];
}

function documentShell(title: string, content: Content[]): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 48],
    info: { title },
    defaultStyle: { fontSize: 10.5, lineHeight: 1.35 },
    content,
    footer: (page, pages) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 16, 0, 0],
    }),
  };
}

/** The document definition of a 责令限期整改指令书. */
export function orderDocument(order: OrderDetail, origin: string): TDocumentDefinitions {
  const n = order.items.length;
  const rows: TableCell[][] = order.items.map((i) => [
    { text: String(i.seq), alignment: 'center' },
    { text: i.hazardNumber },
    {
      stack: [
        { text: `${i.title}（${HAZARD_LEVEL_LABELS[i.level].zh}）`, bold: true },
        { text: i.description },
        i.findingSeq === null
          ? { text: '' }
          : { text: `见现场检查记录第${i.findingSeq}项`, fontSize: 8.5, color: '#555555' },
      ],
    },
    { text: i.requirement },
  ]);
  const scope = n === 1 ? '上述问题' : `上述第1项至第${n}项问题`;
  const content: Content[] = [
    ...heading(order.districtName, '责令限期整改指令书', order.orderNo),
    { text: `${order.enterpriseName}：`, bold: true, margin: [0, 0, 0, 6] },
    {
      text: `经查，你单位存在下列问题（现场检查记录：${order.recordNo}）：`,
      margin: [0, 0, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [28, 92, '*', 150],
        body: [['序号', '隐患编号', '存在的问题', '整改要求'].map(headerCell), ...rows],
      },
      margin: [0, 0, 0, 10],
    },
    {
      text: `依据${order.basis}的规定，现责令你单位对${scope}于${chineseDate(order.deadline)}前整改完毕，达到有关法律、法规、规章和国家标准或者行业标准规定的要求。`,
      margin: [0, 0, 0, 4],
    },
    {
      text: '整改期间，你单位应当采取措施，确保安全生产。重大事故隐患排除前或者排除过程中无法保证安全的，应当从危险区域内撤出作业人员，暂时停产停业或者停止使用相关设施、设备。对依法应当给予行政处罚的行为，本机关将依法处理。',
      margin: [0, 0, 0, 4],
    },
    {
      text: '如果不服本指令，可以依法在60日内申请行政复议，或者在6个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。',
    },
    order.note ? { text: `备注：${order.note}`, margin: [0, 6, 0, 0] } : { text: '' },
    ...signatures(
      order.inspectors,
      {
        label: '被检查单位负责人（签收）',
        name: order.acknowledgedByName,
        at: order.acknowledgedAt,
      },
      order.districtName,
      order.issuedOn,
    ),
    verification(origin, order.verificationCode),
  ];
  return documentShell(`责令限期整改指令书-${order.orderNo}`, content);
}

/** The document definition of a 整改复查意见书. */
export function reinspectionDocument(
  order: OrderDetail,
  r: ReinspectionView,
  origin: string,
): TDocumentDefinitions {
  const items = new Map(order.items.map((i) => [i.hazardId, i]));
  const rows: TableCell[][] = r.items.map((x, k) => [
    { text: String(items.get(x.hazardId)?.seq ?? k + 1), alignment: 'center' },
    { text: x.hazardNumber },
    { text: x.title },
    { text: REINSPECTION_OUTCOME_LABELS[x.outcome].zh, alignment: 'center' },
    { text: [x.note, x.explanation].filter(Boolean).join('\n') },
  ]);
  const persisting = r.items.filter((x) => x.result === 'persisting').length;
  const content: Content[] = [
    ...heading(order.districtName, '整改复查意见书', r.opinionNo),
    { text: `${order.enterpriseName}：`, bold: true, margin: [0, 0, 0, 6] },
    {
      text: `本机关于${chineseDate(order.issuedOn)}作出了《责令限期整改指令书》（${order.orderNo}），整改期限至${chineseDate(order.deadline)}。经于${chineseDate(r.reinspectedOn)}对你单位整改情况进行复查，提出如下意见：`,
      margin: [0, 0, 0, 6],
    },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [24, 86, '*', 100, 120],
        body: [['序号', '隐患编号', '问题', '复查结果', '情况说明'].map(headerCell), ...rows],
      },
      margin: [0, 0, 0, 10],
    },
    { text: `复查意见：${r.opinion}` },
    r.earlyReason ? { text: `提前复查理由：${r.earlyReason}`, margin: [0, 4, 0, 0] } : { text: '' },
    persisting > 0
      ? {
          text: `经复查，共有${persisting}项问题整改不到位，相关隐患继续列入隐患台账督办，本机关将依法处理。`,
          margin: [0, 4, 0, 0],
        }
      : { text: '经复查，指令书所列问题均已整改。', margin: [0, 4, 0, 0] },
    ...signatures(
      r.inspectors,
      { label: '被复查单位负责人（签收）', name: null, at: null },
      order.districtName,
      r.reinspectedOn,
    ),
    verification(origin, r.verificationCode),
  ];
  return documentShell(`整改复查意见书-${r.opinionNo}`, content);
}

/** An order the caller may see, as PDF, with its file name. */
export async function orderPdf(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  origin: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const order = await getOrder(deps, ctx, id);
  const buffer = await renderPdf(orderDocument(order, origin));
  return { buffer, fileName: `责令限期整改指令书-${order.orderNo}-${order.enterpriseName}.pdf` };
}

/** The re-inspection opinion of an order the caller may see, as PDF; 404 before re-inspection. */
export async function reinspectionPdf(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  origin: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const order = await getOrder(deps, ctx, id);
  if (!order.reinspection) throw notFound();
  const buffer = await renderPdf(reinspectionDocument(order, order.reinspection, origin));
  return {
    buffer,
    fileName: `整改复查意见书-${order.reinspection.opinionNo}-${order.enterpriseName}.pdf`,
  };
}
