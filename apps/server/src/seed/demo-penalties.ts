import {
  addDays,
  createHazardSchema,
  ENFORCEMENT_MEASURE_DEFAULT_BASIS,
  enforcementMeasureSchema,
  PENALTY_CASE_ACTION_PAYLOADS,
  type PenaltyCaseAction,
  type PenaltyCaseDetail,
  type PenaltyPartyInput,
} from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { RequestContext } from '../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { tinyPdf } from '../modules/duty-records/tiny-pdf.js';
import { getAccessibleEnterprise } from '../modules/enterprises/enterprises.service.js';
import { type CitedItem, resolveCatalogItem } from '../modules/hazards/hazard-catalog.js';
import { recordHazard } from '../modules/hazards/hazards.service.js';
import { createMeasure, uploadMeasureDocument } from '../modules/penalties/measures.service.js';
import { actOnCase } from '../modules/penalties/penalty-actions.service.js';
import { fileCase } from '../modules/penalties/penalty-cases.service.js';
import { actAs } from './demo-actors.js';

// Demo penalty cases: 金鼎矿业 (mining) has three decided major-hazard penalty cases within 180
// days, so the repeat-offender view proposes its closure (安全生产法第一百一十三条). The first and
// second are 一案双罚 (the enterprise under 第一百零二条, the main leader under 第九十四条); the
// third records why the leader is not penalised. An interview (约谈) of the leader follows.
// Everything goes through the services, as the demo inspector 耿建 (zhifa1).

const ENTERPRISE_NAME = '东胜区金鼎矿业有限责任公司';

type CaseSpec = {
  /** Days before today of the decision. */
  decidedDaysAgo: number;
  hazard: { title: string; description: string; code: string };
  facts: string;
  enterpriseFineYuan: number;
  leaderFineYuan: number | null;
  waiver?: string;
  published: boolean;
  executed: boolean;
  daily?: { correctedAfterDays: number };
};

const CASES: CaseSpec[] = [
  {
    decidedDaysAgo: 150,
    hazard: {
      title: '一号采场台阶高度超过设计',
      description: '一号采场+1320m至+1296m台阶高度达24m，超过设计的12m，未采取分台阶开采措施。',
      code: 'FMKS-2022-OP-04',
    },
    facts:
      '经现场检查，一号采场台阶高度超过设计，属于重大事故隐患；企业未采取措施消除，主要负责人未组织开展隐患排查治理。',
    enterpriseFineYuan: 40_000,
    leaderFineYuan: 30_000,
    published: true,
    executed: true,
  },
  {
    decidedDaysAgo: 80,
    hazard: {
      title: '高陡边坡未进行在线监测',
      description: '东帮高陡边坡未按设计建设在线监测系统，边坡位移无实时监测数据。',
      code: 'FMKS-2022-OP-07',
    },
    facts: '东帮高陡边坡未建立在线监测系统，企业经责令改正后逾期未改正，主要负责人未督促落实。',
    enterpriseFineYuan: 50_000,
    leaderFineYuan: 40_000,
    published: true,
    executed: false,
    daily: { correctedAfterDays: 12 },
  },
  {
    decidedDaysAgo: 20,
    hazard: {
      title: '未进行边坡稳定性分析',
      description: '采场最终边坡未开展稳定性分析评价，边坡参数无设计依据。',
      code: 'FMKS-2022-OP-06',
    },
    facts: '采场最终边坡未开展稳定性分析，企业未采取措施消除该重大事故隐患。',
    enterpriseFineYuan: 50_000,
    leaderFineYuan: null,
    waiver: '主要负责人于本案立案前一周新任职，该隐患形成于前任任期内，已另案移交处理',
    published: false,
    executed: false,
  },
];

/** Demo records of this part of issue 7 (runs after the duty demos). */
export async function seedPenaltyDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const ctx = await actAs(db, 'zhifa1');
  const enterpriseRow = await db.kysely
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', ENTERPRISE_NAME)
    .executeTakeFirst();
  if (!ctx || !enterpriseRow) return;
  const already = await db.kysely
    .selectFrom('penalty_cases')
    .select('id')
    .where('enterprise_id', '=', enterpriseRow.id)
    .executeTakeFirst();
  if (already) return;
  const deps: ServiceDeps = { db, audit, config };
  const enterprise = await getAccessibleEnterprise(deps, ctx, enterpriseRow.id);
  const leader = await db.kysely
    .selectFrom('enterprise_people')
    .select(['name', 'position'])
    .where('enterprise_id', '=', enterprise.id)
    .where('kind', '=', 'main_leader')
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  const today = todayInChina();
  let seq = 0;
  const decisionNo = (year: string) =>
    `东应急罚〔${year}〕${String(++seq + 20).padStart(3, '0')}号`;

  const caseNos: { id: number; caseNo: string }[] = [];
  for (const spec of CASES) {
    const decisionDate = addDays(today, -spec.decidedDaysAgo);
    const foundAt = addDays(decisionDate, -25);
    let catalog: CitedItem | null = null;
    try {
      catalog = await resolveCatalogItem(deps, spec.hazard.code, enterprise);
    } catch {
      catalog = null;
    }
    const input = createHazardSchema.parse({
      enterpriseId: enterprise.id,
      level: 'major',
      title: spec.hazard.title,
      description: spec.hazard.description,
      origin: 'enforcement',
      foundAt,
      foundBy: ctx.actor!.displayName,
      catalogItemCode: catalog?.code ?? null,
      noCatalogReason: catalog ? null : '判定标准未导入',
      treatment: 'deadline',
    });
    const hazardId = await inTransaction(deps, (trx) =>
      recordHazard(trx, deps, ctx, enterprise, input, catalog),
    );
    let c = await fileCase(deps, ctx, {
      enterpriseId: enterprise.id,
      matter: `未采取措施消除重大事故隐患（${spec.hazard.title}）`,
      facts: spec.facts,
      filedOn: addDays(decisionDate, -20),
      hazardIds: [hazardId],
      inspectionRecordId: null,
    });
    const act = (action: PenaltyCaseAction, payload: Record<string, unknown>) =>
      step(deps, ctx, c, action, payload);
    c = await act('record_evidence', {
      note: '现场勘验并拍照取证，询问企业安全部长并制作询问笔录，调取采场设计文件。',
    });
    c = await act('end_investigation', { note: '违法事实清楚，证据确凿。' });
    const year = decisionDate.slice(0, 4);
    const parties: PenaltyPartyInput[] = [
      {
        kind: 'enterprise',
        name: enterprise.name,
        basis: 'aqsf_102',
        amountFen: spec.enterpriseFineYuan * 100,
        decisionNo: decisionNo(year),
      },
    ];
    if (spec.leaderFineYuan !== null && leader) {
      parties.push({
        kind: 'main_leader',
        name: leader.name,
        position: leader.position,
        basis: 'aqsf_94',
        amountFen: spec.leaderFineYuan * 100,
        decisionNo: decisionNo(year),
      });
    }
    const waiver =
      spec.leaderFineYuan === null || !leader ? (spec.waiver ?? '主要负责人信息未登记') : null;
    c = await act('edit_parties', { parties, leaderWaiverReason: waiver });
    c = await act('notify', {
      notifiedOn: addDays(decisionDate, -7),
      documentNo: `东应急告〔${year}〕${String(seq).padStart(3, '0')}号`,
    });
    c = await act('record_statement', { note: '当事人未提出陈述、申辩，放弃听证。' });
    c = await act('decide', {
      decisionDate,
      parties: c.parties.map(
        ({ kind, name, position, basis, circumstance, amountFen, decisionNo: no }) => ({
          kind,
          name,
          position,
          basis,
          circumstance,
          amountFen,
          decisionNo: no,
        }),
      ),
      leaderWaiverReason: waiver,
    });
    if (spec.published) {
      c = await act('publish', {
        publishedOn: addDays(decisionDate, 3),
        note: '国家企业信用信息公示系统',
      });
    }
    if (spec.daily) {
      c = await act('record_daily_penalty', {
        orderedOn: decisionDate,
        correctedOn: addDays(decisionDate, spec.daily.correctedAfterDays),
        note: '逾期未安装边坡在线监测系统，按日连续处罚',
      });
    }
    if (spec.executed) {
      c = await act('execute', { executedOn: addDays(decisionDate, 14), note: '罚款已缴纳' });
      c = await act('close', { closedOn: addDays(decisionDate, 15) });
    }
    caseNos.push({ id: c.id, caseNo: c.caseNo });
  }

  const document = await uploadMeasureDocument(deps, ctx, {
    name: '约谈记录.pdf',
    buffer: tinyPdf(['Interview record', 'Jinding Mining', `Date: ${addDays(today, -15)}`]),
  });
  await createMeasure(
    deps,
    ctx,
    enforcementMeasureSchema.parse({
      kind: 'interview',
      enterpriseId: enterprise.id,
      date: addDays(today, -15),
      basis: ENFORCEMENT_MEASURE_DEFAULT_BASIS.interview || '《安全生产约谈实施办法（试行）》',
      documentNo: `东应急约〔${today.slice(0, 4)}〕3号`,
      documentIds: [document.id],
      penaltyCaseId: caseNos[caseNos.length - 1]?.id ?? null,
      note: '半年内三次因重大事故隐患受到行政处罚，约谈企业主要负责人，要求制定整改方案并落实。',
      intervieweeName: leader?.name ?? '主要负责人',
      intervieweePosition: leader?.position ?? null,
      conductedBy: '东胜区应急管理局 王局长',
    }),
  );
}

/** Takes one action as the demo inspector, with the case's current version. */
async function step(
  deps: ServiceDeps,
  ctx: RequestContext,
  c: PenaltyCaseDetail,
  action: PenaltyCaseAction,
  payload: Record<string, unknown>,
): Promise<PenaltyCaseDetail> {
  PENALTY_CASE_ACTION_PAYLOADS[action].parse(payload);
  return actOnCase(deps, ctx, c.id, action, { version: c.version, payload }, null);
}
