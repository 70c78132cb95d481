import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  DUTY_LABELS,
  DUTY_STATUS_LABELS,
  FINDING_PENALTY_DECISION_LABELS,
  HAZARD_LEVEL_LABELS,
  INSPECTION_CHECK_RESULT_LABELS,
  type InspectionRecordDetail,
  NO_PENALTY_BASIS,
  NO_PENALTY_RULE,
  verificationUrl,
} from '@hazard-ledger/domain';
import { renderPdf } from '../../lib/pdf.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { chinaTime } from '../self-inspections/self-inspection-coverage.js';
import { getRecord } from './inspections.service.js';

// The printable 现场检查记录: 被检查单位, 地址, 检查时间, 检查场所, 执法人员及证号, 检查情况
// (the checklist), 发现的问题 (with the ledger numbers), 五项重点任务落实情况, the no-penalty
// statement where it applies, the signature lines, the verification code and its QR code.

const label = (text: string): TableCell => ({ text, bold: true, fillColor: '#f2f2f2' });
const head = (texts: string[]): TableCell[] =>
  texts.map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#f2f2f2' }));
const section = (text: string): Content => ({ text, style: 'section' });

const STATUS_BANNER: Partial<Record<InspectionRecordDetail['status'], string>> = {
  draft: '（填写中，尚未签名，不作为执法文书使用）',
  signing: '（签名中，尚未全部签名，不作为执法文书使用）',
  superseded: '（本记录已被更正，以更正后的记录为准）',
};

/** The document definition of a record; `origin` is the site the QR code leads to. */
export function inspectionRecordDocument(
  record: InspectionRecordDetail,
  origin: string,
): TDocumentDefinitions {
  const signed = record.status === 'signed' || record.status === 'superseded';
  const inspectors = record.inspectors
    .map((i) => `${i.name}（执法证号：${i.certificateNo}）`)
    .join('\n');
  const banner = STATUS_BANNER[record.status];
  const content: Content[] = [
    { text: '现场检查记录', style: 'title' },
    { text: record.recordNo, alignment: 'right', margin: [0, 0, 0, 4] },
    banner
      ? { text: banner, alignment: 'center', color: '#cf1322', margin: [0, 0, 0, 6] }
      : { text: '' },
    {
      table: {
        widths: [80, '*'],
        body: [
          [label('被检查单位'), record.enterpriseName],
          [label('地址'), record.enterpriseAddress ?? ''],
          [
            label('检查时间'),
            `${chinaTime(record.startedAt)} 至 ${chinaTime(record.endedAt).slice(11)}`,
          ],
          [label('检查场所'), record.place],
          [label('现场负责人'), record.enterprisePresent ?? ''],
          [label('执法人员及证号'), inspectors],
        ],
      },
      margin: [0, 0, 0, 10],
    },
    section('检查情况'),
    record.checklist.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [24, '*', 50, 130],
            body: [
              head(['序号', '检查项（判定标准条款）', '结果', '说明']),
              ...record.checklist.map((c, i): TableCell[] => [
                { text: String(i + 1), alignment: 'center' },
                `${c.catalogItemCode}${c.clause ? ` ${c.clause}` : ''}${c.title ? ` ${c.title}` : ''}`,
                { text: INSPECTION_CHECK_RESULT_LABELS[c.result].zh, alignment: 'center' },
                c.note ?? '',
              ]),
            ],
          },
        }
      : { text: '未填写检查项' },
    section('发现的问题'),
    record.findings.length
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: [24, '*', 56, 90, 80],
            body: [
              head(['序号', '问题及描述', '等级', '隐患台账编号', '处罚决定']),
              ...record.findings.map((f): TableCell[] => [
                { text: String(f.no), alignment: 'center' },
                {
                  stack: [
                    { text: f.title, bold: true },
                    { text: f.description, fontSize: 8.5 },
                    f.catalogItemCode
                      ? { text: `判定依据：${f.catalogItemCode}`, fontSize: 8, color: '#555555' }
                      : { text: '' },
                  ],
                },
                { text: HAZARD_LEVEL_LABELS[f.level].zh, alignment: 'center' },
                f.hazard
                  ? `${f.hazard.number}${f.linked ? '\n（已有隐患）' : ''}`
                  : signed
                    ? ''
                    : '签名后列入台账',
                f.penaltyDecision
                  ? `${FINDING_PENALTY_DECISION_LABELS[f.penaltyDecision].zh}${f.penaltyNote ? `：${f.penaltyNote}` : ''}`
                  : '',
              ]),
            ],
          },
        }
      : { text: '未发现问题' },
    section('五项重点任务落实情况'),
    record.scorecard
      ? {
          table: {
            widths: ['*', 80],
            body: record.scorecard.map((s): TableCell[] => [
              DUTY_LABELS[s.duty].zh,
              { text: DUTY_STATUS_LABELS[s.status].zh, alignment: 'center' },
            ]),
          },
        }
      : { text: '提交签名时记录' },
  ];
  if (record.noPenaltyRule) {
    const exempt = record.findings
      .filter((f) => f.noPenalty !== null)
      .map(
        (f) =>
          `第${f.no}项：${f.noPenalty!.applies ? '符合' : '不符合'}本规则（${f.noPenalty!.reasons.join('；')}）${
            f.penaltyDecision
              ? `，决定：${FINDING_PENALTY_DECISION_LABELS[f.penaltyDecision].zh}`
              : ''
          }`,
      );
    content.push(section('自查自报不予处罚规则'), {
      stack: [
        { text: NO_PENALTY_RULE.zh, bold: true },
        { text: `依据：${NO_PENALTY_BASIS.zh}`, fontSize: 8.5 },
        ...exempt.map((t) => ({ text: t })),
      ],
    });
  }
  // The signature lines and the verification code stay together on one page.
  const signatures: Content[] = [
    section('签名'),
    {
      table: {
        widths: ['*', '*'],
        body: [
          ...record.inspectors.map((i): TableCell[] => [
            `执法人员：${i.name}（执法证号：${i.certificateNo}）`,
            i.signedAt ? `已电子签名 ${chinaTime(i.signedAt)}` : '未签名',
          ]),
          [
            `被检查单位签收：${record.acknowledgedByName ?? ''}`,
            record.acknowledgedAt ? chinaTime(record.acknowledgedAt) : '',
          ],
        ],
      },
    },
  ];
  if (record.contentHash && signed) {
    const url = verificationUrl(origin, record.contentHash);
    signatures.push({
      margin: [0, 14, 0, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: '验证码', bold: true },
            { text: record.contentHash, fontSize: 8 },
            { text: `扫描二维码或访问 ${url} 核验签名`, fontSize: 8, color: '#555555' },
          ],
        },
        { width: 90, qr: url, fit: 90 },
      ],
    });
  }
  content.push({ stack: signatures, unbreakable: true });
  return {
    pageMargins: [36, 40, 36, 40],
    info: { title: `现场检查记录-${record.recordNo}` },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      section: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
    },
    content,
    footer: (page, pages) => ({
      text: `第 ${page} 页 共 ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
  };
}

/** The record as PDF, with its file name. */
export async function inspectionRecordPdf(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  origin: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const record = await getRecord(deps, ctx, id);
  const buffer = await renderPdf(inspectionRecordDocument(record, origin));
  return { buffer, fileName: `现场检查记录-${record.recordNo}.pdf` };
}
