import type { Kysely } from 'kysely';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import {
  amountInWords,
  ENTERPRISE_VISIBLE_CASE_STATUSES,
  fenToYuan,
  PENALTY_APPEAL_NOTICE,
  PENALTY_DECISION_FORMAT,
  PENALTY_PAYMENT_NOTICE,
  type PenaltyArticleKey,
  type PenaltyCaseStatus,
  type PenaltyDecisionVerification,
  type PenaltyPartyKind,
} from '@hazard-ledger/domain';
import type { Database } from '../../db/schema.js';
import { conflict, notFound } from '../../lib/app-error.js';
import { renderPdf } from '../../lib/pdf.js';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import * as repo from './penalties.repository.js';
import { getAccessibleCase } from './penalty-cases.service.js';

// The penalty decision (行政处罚决定书), one document per party as the law practises it: the
// enterprise and, in 一案双罚, its main leader each get their own decision with its own number.
// The document is printed from the canonical text frozen at the decision, so what it says is
// exactly what its verification code (SHA-256 of that text) covers; the QR code leads to
// <origin>/verify/<code>.

/** The decision as frozen in `penalty_case_parties.decision_text` (canonical JSON). */
type FrozenDecision = {
  caseNo: string;
  decisionNo: string;
  decisionDate: string;
  authority: string;
  enterprise: { name: string; creditCode: string; address: string | null };
  party: { kind: PenaltyPartyKind; name: string; position: string | null };
  matter: string;
  facts: string;
  basis: { key: PenaltyArticleKey; citation: string; title: string };
  amountFen: number;
};

function parseFrozen(text: string): FrozenDecision {
  const newline = text.indexOf('\n');
  if (text.slice(0, newline) !== PENALTY_DECISION_FORMAT)
    throw new Error('unknown decision format');
  return JSON.parse(text.slice(newline + 1)) as FrozenDecision;
}

/** 2026-03-10 → 2026年3月10日. */
function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** The document definition of one party's decision. */
export function decisionDocument(
  d: FrozenDecision,
  code: string,
  verifyUrl: string,
): TDocumentDefinitions {
  const person = d.party.kind !== 'enterprise';
  const partyLines: Content[] = person
    ? [
        { text: `当事人：${d.party.name}` },
        { text: `职务：${d.party.position ?? '—'}` },
        {
          text: `工作单位：${d.enterprise.name}（统一社会信用代码：${d.enterprise.creditCode}）`,
        },
      ]
    : [
        { text: `当事人：${d.enterprise.name}` },
        { text: `统一社会信用代码：${d.enterprise.creditCode}` },
        { text: `地址：${d.enterprise.address ?? '—'}` },
      ];
  const fine =
    d.amountFen > 0
      ? `罚款人民币${amountInWords(d.amountFen)}（¥${fenToYuan(d.amountFen)}元）。`
      : '不予罚款。';
  const paragraph = (text: string): Content => ({ text, margin: [0, 0, 0, 8], leadingIndent: 21 });
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: `行政处罚决定书-${d.decisionNo}` },
    defaultStyle: { fontSize: 11, lineHeight: 1.5 },
    content: [
      { text: d.authority, fontSize: 18, bold: true, alignment: 'center' },
      {
        text: '行政处罚决定书',
        fontSize: 20,
        bold: true,
        alignment: 'center',
        margin: [0, 4, 0, 4],
      },
      { text: d.decisionNo, alignment: 'center', margin: [0, 0, 0, 16] },
      { stack: partyLines, margin: [0, 0, 0, 10] },
      paragraph(`案由：${d.matter}`),
      paragraph(`违法事实：${d.facts}`),
      paragraph(`处罚依据：上述行为依照${d.basis.citation}（${d.basis.title}）的规定应予处罚。`),
      paragraph(`本机关决定对当事人作出如下行政处罚：${fine}`),
      ...(d.amountFen > 0 ? [paragraph(PENALTY_PAYMENT_NOTICE)] : []),
      paragraph(PENALTY_APPEAL_NOTICE),
      {
        stack: [
          { text: d.authority, alignment: 'right' },
          { text: chineseDate(d.decisionDate), alignment: 'right' },
        ],
        margin: [0, 24, 0, 24],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: `案件编号：${d.caseNo}`, fontSize: 9 },
              { text: '验证码（SHA-256）：', fontSize: 9 },
              { text: code, fontSize: 7.5 },
              { text: `扫描二维码或访问 ${verifyUrl} 核验本决定书`, fontSize: 8, color: '#555555' },
            ],
          },
          { width: 90, qr: verifyUrl, fit: 84 },
        ],
        columnGap: 12,
      },
    ],
  };
}

/** One party's decision of a case the caller may see, as PDF, with its file name. */
export async function decisionPdf(
  deps: ServiceDeps,
  ctx: RequestContext,
  caseId: number,
  partyId: number,
  origin: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  await getAccessibleCase(deps, ctx, caseId);
  const party = (await repo.listParties(deps.db.kysely, [caseId])).find((p) => p.id === partyId);
  if (!party) throw notFound();
  if (!party.decision_text || !party.decision_hash)
    throw conflict('status', '尚未对该处罚对象作出行政处罚决定');
  const frozen = parseFrozen(party.decision_text);
  const url = `${origin}/verify/${party.decision_hash}`;
  const buffer = await renderPdf(decisionDocument(frozen, party.decision_hash, url));
  return { buffer, fileName: `行政处罚决定书-${frozen.decisionNo}-${frozen.party.name}.pdf` };
}

/**
 * Public information about a penalty decision found by its verification code, for the public
 * /verify endpoint; undefined when no decided case has a decision with that code.
 */
export async function findDecisionByCode(
  db: Kysely<Database>,
  code: string,
): Promise<PenaltyDecisionVerification | undefined> {
  const hash = code.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return undefined;
  const row = await repo.findDecisionByHash(db, hash);
  if (
    !row ||
    !row.decision_no ||
    !row.decision_date ||
    !ENTERPRISE_VISIBLE_CASE_STATUSES.includes(row.status as PenaltyCaseStatus)
  ) {
    return undefined;
  }
  return {
    kind: 'penalty_decision',
    number: row.decision_no,
    enterpriseName: row.enterprise_name,
    date: row.decision_date,
    party: { kind: row.kind as PenaltyPartyKind, name: row.name },
  };
}
