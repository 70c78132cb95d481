import { z } from 'zod';
import { addDays, dayNumber, isoWeekday } from '../campaign/campaign-progress.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { fenToYuan } from '../hazard/hazard.js';

// Administrative penalty cases (行政处罚, issue 7 §5). A case concerns one enterprise and one
// matter and has one or more parties: the enterprise and, for 一案双罚, its main leader and other
// directly responsible persons — each with a legal basis, an amount and a decision number.
//
// A penalty never closes a hazard: no action of this workflow touches the hazard ledger. A hazard
// is verified only through the hazard workflow (rectify → accept → verify); the case only reads
// whether its hazard persists (for 一案双罚). penalty-case.test.ts checks that the two sets of
// actions and statuses share nothing.

/** A bilingual message. */
type Message = { zh: string; en: string };

// ---- Legal bases ----

/** Who a fine range is for: the unit (单位) or a natural person (主要负责人、直接责任人员). */
export type FineSubject = 'unit' | 'person';

/** 责令限期改正时 (standard) or 逾期未改正/拒不执行 (overdue): the law sets different ranges. */
export const PenaltyCircumstance = { Standard: 'standard', Overdue: 'overdue' } as const;
export type PenaltyCircumstance = (typeof PenaltyCircumstance)[keyof typeof PenaltyCircumstance];
export const PENALTY_CIRCUMSTANCES = Object.values(
  PenaltyCircumstance,
) as readonly PenaltyCircumstance[];
export const PENALTY_CIRCUMSTANCE_LABELS: Record<PenaltyCircumstance, Message> = {
  standard: { zh: '责令限期改正', en: 'First order' },
  overdue: { zh: '逾期未改正或拒不执行', en: 'Not corrected in time / refused' },
};

/** A fine range in yuan; `minYuan` null for "X元以下" (up to). */
export type FineRange = {
  subject: FineSubject;
  circumstance: PenaltyCircumstance;
  minYuan: number | null;
  maxYuan: number;
};

/** One article of law a party's penalty can rest on. */
export type PenaltyArticle = {
  /** Short citation, e.g. 《安全生产法》第一百零二条. */
  citation: string;
  title: Message;
  /** The party kinds it is usually applied to (a mismatch is only a warning). */
  parties: readonly PenaltyPartyKind[];
  /** Fine ranges the article gives (regulations.zh.md §4); empty when it gives none in yuan. */
  fines: readonly FineRange[];
  note?: Message;
};

const range = (
  subject: FineSubject,
  circumstance: PenaltyCircumstance,
  minYuan: number | null,
  maxYuan: number,
): FineRange => ({ subject, circumstance, minYuan, maxYuan });

/** The common articles of the 安全生产法 (2021) for hazard cases, keyed for storage. */
export const PENALTY_ARTICLES = {
  aqsf_94: {
    citation: '《安全生产法》第九十四条',
    title: {
      zh: '主要负责人未履行安全生产管理职责',
      en: 'Main leader failed in safety duties',
    },
    parties: ['main_leader'],
    fines: [
      range('person', 'standard', 20_000, 50_000),
      range('person', 'overdue', 50_000, 100_000),
    ],
    note: {
      zh: '逾期未改正的并责令停产停业整顿；受刑事处罚或撤职的，五年内不得担任任何生产经营单位的主要负责人',
      en: 'If not corrected: also suspension; 5-year ban after criminal penalty or dismissal',
    },
  },
  aqsf_95: {
    citation: '《安全生产法》第九十五条',
    title: {
      zh: '主要负责人未履行职责导致发生生产安全事故',
      en: 'Main leader’s failure caused an accident',
    },
    parties: ['main_leader'],
    fines: [],
    note: {
      zh: '按上一年年收入的40%至100%处罚（依事故等级），仅适用于发生事故的情形',
      en: '40–100 % of last year’s income by accident grade; accidents only',
    },
  },
  aqsf_96: {
    citation: '《安全生产法》第九十六条',
    title: {
      zh: '其他负责人和安全生产管理人员未履行安全生产管理职责',
      en: 'Other leaders or safety managers failed in their duties',
    },
    parties: ['other_responsible'],
    fines: [range('person', 'standard', 10_000, 30_000)],
  },
  aqsf_97: {
    citation: '《安全生产法》第九十七条',
    title: {
      zh: '未按规定配备安全管理人员、考核培训，或未如实记录、通报事故隐患排查治理情况等',
      en: 'Staffing, training or hazard-record failures (7 cases)',
    },
    parties: ['enterprise', 'other_responsible'],
    fines: [
      range('unit', 'standard', null, 100_000),
      range('unit', 'overdue', 100_000, 200_000),
      range('person', 'overdue', 20_000, 50_000),
    ],
  },
  aqsf_99: {
    citation: '《安全生产法》第九十九条',
    title: {
      zh: '安全设备不符合标准、关闭破坏监控报警设施或篡改数据等',
      en: 'Non-compliant safety equipment, disabled alarms, falsified data…',
    },
    parties: ['enterprise', 'other_responsible'],
    fines: [
      range('unit', 'standard', null, 50_000),
      range('unit', 'overdue', 50_000, 200_000),
      range('person', 'overdue', 10_000, 20_000),
    ],
  },
  aqsf_101: {
    citation: '《安全生产法》第一百零一条',
    title: {
      zh: '未建立事故隐患排查治理制度，或重大事故隐患排查治理情况未按规定报告等',
      en: 'No hazard-management system, or major hazards not reported',
    },
    parties: ['enterprise', 'other_responsible'],
    fines: [
      range('unit', 'standard', null, 100_000),
      range('unit', 'overdue', 100_000, 200_000),
      range('person', 'overdue', 20_000, 50_000),
    ],
  },
  aqsf_102: {
    citation: '《安全生产法》第一百零二条',
    title: { zh: '未采取措施消除事故隐患', en: 'Failed to eliminate a hazard' },
    parties: ['enterprise', 'other_responsible'],
    fines: [range('unit', 'standard', null, 50_000), range('person', 'overdue', 50_000, 100_000)],
    note: {
      zh: '拒不执行的，责令停产停业整顿，对直接负责的主管人员和其他直接责任人员处五万元以上十万元以下罚款',
      en: 'If refused: suspension, and 50 000–100 000 yuan for the persons responsible',
    },
  },
  aqsf_103: {
    citation: '《安全生产法》第一百零三条',
    title: {
      zh: '未与承包、承租单位签订安全生产管理协议或未统一协调管理',
      en: 'No safety agreement with, or coordination of, contractors and lessees',
    },
    parties: ['enterprise', 'other_responsible'],
    fines: [range('unit', 'standard', null, 50_000), range('person', 'standard', null, 10_000)],
    note: {
      zh: '逾期未改正的，责令停产停业整顿。发包、出租给不具备安全生产条件的单位按本条第一款另行计罚，此处未列',
      en: 'If not corrected: suspension. Paragraph 1 (letting to unqualified units) has other amounts, not listed',
    },
  },
  aqsf_112: {
    citation: '《安全生产法》第一百一十二条',
    title: {
      zh: '拒不改正的，按原处罚数额按日连续处罚',
      en: 'Daily continuous penalty for refusing to correct',
    },
    parties: ['enterprise', 'main_leader', 'other_responsible'],
    fines: [],
    note: {
      zh: '自作出责令改正之日的次日起按日计算，见 dailyPenalty',
      en: 'Counted per day from the day after the order; see dailyPenalty',
    },
  },
} as const satisfies Record<string, PenaltyArticle>;
export type PenaltyArticleKey = keyof typeof PENALTY_ARTICLES;
export const PENALTY_ARTICLE_KEYS = Object.keys(PENALTY_ARTICLES) as PenaltyArticleKey[];

// ---- Parties ----

/** Kinds of party in a case. */
export const PenaltyPartyKind = {
  Enterprise: 'enterprise',
  MainLeader: 'main_leader',
  OtherResponsible: 'other_responsible',
} as const;
export type PenaltyPartyKind = (typeof PenaltyPartyKind)[keyof typeof PenaltyPartyKind];
export const PENALTY_PARTY_KINDS = Object.values(PenaltyPartyKind) as readonly PenaltyPartyKind[];
export const PENALTY_PARTY_KIND_LABELS: Record<PenaltyPartyKind, Message> = {
  enterprise: { zh: '生产经营单位', en: 'Enterprise' },
  main_leader: { zh: '主要负责人', en: 'Main leader' },
  other_responsible: { zh: '其他直接责任人员', en: 'Other responsible person' },
};

/** The fine subject of a party kind. */
export function fineSubjectOf(kind: PenaltyPartyKind): FineSubject {
  return kind === 'enterprise' ? 'unit' : 'person';
}

/** One party of a case with its basis, amount (integer fen) and decision number. */
export const penaltyPartySchema = z.strictObject({
  kind: z.enum(PENALTY_PARTY_KINDS as [PenaltyPartyKind, ...PenaltyPartyKind[]]),
  name: z.string().trim().min(1, { message: '请填写处罚对象名称' }).max(100),
  position: z.string().trim().max(50).nullable().default(null),
  basis: z.enum(PENALTY_ARTICLE_KEYS as [PenaltyArticleKey, ...PenaltyArticleKey[]], {
    message: '请选择处罚依据',
  }),
  circumstance: z.enum(PENALTY_CIRCUMSTANCES).default('standard'),
  amountFen: z.number().int().min(0, { message: '罚款金额不能为负数' }),
  /** 行政处罚决定书文号; required when the case is decided. */
  decisionNo: z.string().trim().max(60).nullable().default(null),
});
export type PenaltyPartyInput = z.input<typeof penaltyPartySchema>;
export type PenaltyParty = z.output<typeof penaltyPartySchema>;

/** A party list: at most one enterprise and one main leader. */
export const penaltyPartiesSchema = z.array(penaltyPartySchema).superRefine((parties, ctx) => {
  for (const kind of ['enterprise', 'main_leader'] as const) {
    const indexes = parties.flatMap((p, i) => (p.kind === kind ? [i] : []));
    if (indexes.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [indexes[1]!, 'kind'],
        message: `一个案件只能有一个${PENALTY_PARTY_KIND_LABELS[kind].zh}作为处罚对象`,
      });
    }
  }
});

/** Opening a case (立案). */
export const filePenaltyCaseSchema = z.strictObject({
  enterpriseId: z.number().int().positive(),
  /** 案由. */
  matter: z.string().trim().min(2, { message: '请填写案由' }).max(200),
  filedOn: dateSchema,
  hazardIds: z.array(z.number().int().positive()).default([]),
  inspectionRecordId: z.number().int().positive().nullable().default(null),
});
export type FilePenaltyCaseInput = z.input<typeof filePenaltyCaseSchema>;

/** The decision (作出处罚决定): parties with decision numbers, or why the leader is not penalised. */
export const decidePenaltyCaseSchema = z.strictObject({
  decisionDate: dateSchema,
  parties: penaltyPartiesSchema,
  /** Why the main leader is not penalised although the major hazard persists. */
  leaderWaiverReason: z.string().trim().max(1000).nullable().default(null),
});
export type DecidePenaltyCaseInput = z.input<typeof decidePenaltyCaseSchema>;

/**
 * Whether an amount fits the article's range for this party. Returns a warning (never an error:
 * the law has exceptions such as 从轻、减轻处罚) or null.
 */
export function amountWarning(
  party: Pick<PenaltyParty, 'kind' | 'name' | 'basis' | 'circumstance' | 'amountFen'>,
): Message | null {
  const article: PenaltyArticle = PENALTY_ARTICLES[party.basis];
  const subject = fineSubjectOf(party.kind);
  const fit = article.fines.find(
    (f) => f.subject === subject && f.circumstance === party.circumstance,
  );
  const who = `${PENALTY_PARTY_KIND_LABELS[party.kind].zh}“${party.name}”`;
  if (!fit) {
    if (article.fines.length === 0 || party.amountFen === 0) return null;
    return {
      zh: `${who}：${article.citation}未规定对${subject === 'unit' ? '单位' : '个人'}在“${PENALTY_CIRCUMSTANCE_LABELS[party.circumstance].zh}”情形下的罚款，请核对依据`,
      en: `${party.name}: the article sets no fine for this party and circumstance`,
    };
  }
  const min = fit.minYuan === null ? null : fit.minYuan * 100;
  const max = fit.maxYuan * 100;
  if ((min !== null && party.amountFen < min) || party.amountFen > max) {
    const span =
      fit.minYuan === null ? `${fit.maxYuan}元以下` : `${fit.minYuan}元至${fit.maxYuan}元`;
    return {
      zh: `${who}的罚款${fenToYuan(party.amountFen)}元超出${article.citation}规定的${span}`,
      en: `${party.name}: ${fenToYuan(party.amountFen)} yuan is outside the article's range`,
    };
  }
  return null;
}

/** What decides whether a case may be decided. */
export type PenaltyDecisionFacts = {
  parties: readonly PenaltyParty[];
  /** The case concerns a major hazard; `persists` when it is not verified at the decision. */
  majorHazard: { persists: boolean } | null;
  leaderWaiverReason: string | null;
};

/**
 * Checks a decision: errors block it, warnings are shown. 一案双罚: when the case concerns a major
 * hazard that persists, the decision must settle the main leader's penalty — a main_leader party
 * with an amount, or a recorded reason for not imposing one (not both).
 */
export function checkPenaltyDecision(facts: PenaltyDecisionFacts): {
  errors: Message[];
  warnings: Message[];
} {
  const errors: Message[] = [];
  const warnings: Message[] = [];
  if (facts.parties.length === 0) {
    errors.push({ zh: '至少须有一个处罚对象', en: 'A decision needs at least one party' });
  }
  for (const p of facts.parties) {
    if (!p.decisionNo) {
      errors.push({
        zh: `${PENALTY_PARTY_KIND_LABELS[p.kind].zh}“${p.name}”缺少行政处罚决定书文号`,
        en: `${p.name}: decision number missing`,
      });
    }
    const article: PenaltyArticle = PENALTY_ARTICLES[p.basis];
    if (!article.parties.includes(p.kind)) {
      warnings.push({
        zh: `${article.citation}通常不适用于${PENALTY_PARTY_KIND_LABELS[p.kind].zh}，请核对依据`,
        en: `${p.name}: the article is not usually applied to this kind of party`,
      });
    }
    const w = amountWarning(p);
    if (w) warnings.push(w);
  }
  const leader = facts.parties.find((p) => p.kind === 'main_leader');
  const waiver = (facts.leaderWaiverReason ?? '').trim();
  if (facts.majorHazard?.persists) {
    if (leader && leader.amountFen <= 0 && waiver === '') {
      errors.push({
        zh: '一案双罚：对主要负责人的处罚须填写罚款金额',
        en: 'The main leader’s penalty needs an amount',
      });
    }
    if (!leader && waiver.length < 2) {
      errors.push({
        zh: '案件涉及未消除的重大事故隐患，须同时对主要负责人作出处罚决定（一案双罚），或记录不予处罚的理由',
        en: 'The major hazard persists: decide on the main leader’s penalty or record why not',
      });
    }
  }
  if (leader && waiver !== '') {
    errors.push({
      zh: '已对主要负责人作出处罚，不应同时记录不予处罚的理由',
      en: 'The leader is penalised: remove the reason for not penalising',
    });
  }
  return { errors, warnings };
}

// ---- Case workflow ----

/** Where a case stands. */
export const PenaltyCaseStatus = {
  Filed: 'filed',
  Investigated: 'investigated',
  Notified: 'notified',
  Decided: 'decided',
  Executed: 'executed',
  Closed: 'closed',
  Withdrawn: 'withdrawn',
  Terminated: 'terminated',
} as const;
export type PenaltyCaseStatus = (typeof PenaltyCaseStatus)[keyof typeof PenaltyCaseStatus];
export const PENALTY_CASE_STATUSES = Object.values(
  PenaltyCaseStatus,
) as readonly PenaltyCaseStatus[];
export const PENALTY_CASE_STATUS_LABELS: Record<PenaltyCaseStatus, Message> = {
  filed: { zh: '已立案', en: 'Filed' },
  investigated: { zh: '调查终结', en: 'Investigated' },
  notified: { zh: '已告知', en: 'Notice of intended penalty served' },
  decided: { zh: '已作出决定', en: 'Decided' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
  withdrawn: { zh: '已撤销立案', en: 'Withdrawn' },
  terminated: { zh: '已终止调查', en: 'Terminated' },
};

/** Actions on a case. None of them changes a hazard. */
export const PenaltyCaseAction = {
  EditParties: 'edit_parties',
  RecordEvidence: 'record_evidence',
  EndInvestigation: 'end_investigation',
  /** 送达行政处罚告知书 (陈述、申辩、听证权利). */
  Notify: 'notify',
  /** 记录陈述申辩或听证意见. */
  RecordStatement: 'record_statement',
  Decide: 'decide',
  /** 作出不予行政处罚决定 and close. */
  DecideNoPenalty: 'decide_no_penalty',
  /** 在公示系统公开 (within 7 working days of the decision). */
  Publish: 'publish',
  /** 按日连续处罚 for refusing to correct (第一百一十二条). */
  RecordDailyPenalty: 'record_daily_penalty',
  /** 执行完毕 (罚款缴纳或强制执行). */
  Execute: 'execute',
  Close: 'close',
  /** 撤销立案 (e.g. filed in error). */
  Withdraw: 'withdraw',
  /** 终止调查 (e.g. the enterprise has ceased to exist). */
  Terminate: 'terminate',
} as const;
export type PenaltyCaseAction = (typeof PenaltyCaseAction)[keyof typeof PenaltyCaseAction];
export const PENALTY_CASE_ACTIONS = Object.values(
  PenaltyCaseAction,
) as readonly PenaltyCaseAction[];
export const PENALTY_CASE_ACTION_LABELS: Record<PenaltyCaseAction, Message> = {
  edit_parties: { zh: '编辑处罚对象', en: 'Edit parties' },
  record_evidence: { zh: '记录调查取证', en: 'Record evidence' },
  end_investigation: { zh: '调查终结', en: 'End investigation' },
  notify: { zh: '送达行政处罚告知书', en: 'Serve notice of intended penalty' },
  record_statement: { zh: '记录陈述申辩', en: 'Record statement' },
  decide: { zh: '作出行政处罚决定', en: 'Decide' },
  decide_no_penalty: { zh: '作出不予行政处罚决定', en: 'Decide not to penalise' },
  publish: { zh: '公示处罚决定', en: 'Publish the decision' },
  record_daily_penalty: { zh: '按日连续处罚', en: 'Record daily penalty' },
  execute: { zh: '执行完毕', en: 'Mark executed' },
  close: { zh: '结案', en: 'Close' },
  withdraw: { zh: '撤销立案', en: 'Withdraw' },
  terminate: { zh: '终止调查', en: 'Terminate' },
};

/** The workflow table: actions each status allows. */
export const PENALTY_CASE_WORKFLOW = {
  filed: ['edit_parties', 'record_evidence', 'end_investigation', 'withdraw', 'terminate'],
  investigated: ['edit_parties', 'notify', 'decide_no_penalty', 'terminate'],
  notified: ['edit_parties', 'record_statement', 'decide', 'decide_no_penalty', 'terminate'],
  decided: ['publish', 'record_daily_penalty', 'execute'],
  executed: ['publish', 'record_daily_penalty', 'close'],
  closed: ['publish'],
  withdrawn: [],
  terminated: [],
} as const satisfies Record<PenaltyCaseStatus, readonly PenaltyCaseAction[]>;

const CASE_TRANSITIONS: Partial<
  Record<PenaltyCaseAction, Partial<Record<PenaltyCaseStatus, PenaltyCaseStatus>>>
> = {
  end_investigation: { filed: 'investigated' },
  notify: { investigated: 'notified' },
  decide: { notified: 'decided' },
  decide_no_penalty: { investigated: 'closed', notified: 'closed' },
  execute: { decided: 'executed' },
  close: { executed: 'closed' },
  withdraw: { filed: 'withdrawn' },
  terminate: { filed: 'terminated', investigated: 'terminated', notified: 'terminated' },
};

/** The status after an action (the same status for recording actions). */
export function penaltyCaseNextStatus(
  status: PenaltyCaseStatus,
  action: PenaltyCaseAction,
): PenaltyCaseStatus {
  return CASE_TRANSITIONS[action]?.[status] ?? status;
}

/** The facts of a case that decide which actions are open. */
export type PenaltyCaseFacts = PenaltyDecisionFacts & {
  status: PenaltyCaseStatus;
  published: boolean;
};

/** Why an action is refused (for the 409 answer); null when allowed. */
export function penaltyCaseRefusal(
  facts: PenaltyCaseFacts,
  action: PenaltyCaseAction,
): string | null {
  if (!(PENALTY_CASE_WORKFLOW[facts.status] as readonly PenaltyCaseAction[]).includes(action)) {
    return `当前状态“${PENALTY_CASE_STATUS_LABELS[facts.status].zh}”不能执行“${PENALTY_CASE_ACTION_LABELS[action].zh}”`;
  }
  switch (action) {
    case 'notify':
      return facts.parties.length === 0 ? '请先确定处罚对象' : null;
    case 'decide':
      return checkPenaltyDecision(facts).errors[0]?.zh ?? null;
    case 'publish':
      return facts.published ? '处罚决定已公示' : null;
    case 'edit_parties':
    case 'record_evidence':
    case 'end_investigation':
    case 'record_statement':
    case 'decide_no_penalty':
    case 'record_daily_penalty':
    case 'execute':
    case 'close':
    case 'withdraw':
    case 'terminate':
      return null;
  }
}

/** The actions open now: what the UI shows as buttons. */
export function availablePenaltyCaseActions(facts: PenaltyCaseFacts): PenaltyCaseAction[] {
  return PENALTY_CASE_WORKFLOW[facts.status].filter((a) => penaltyCaseRefusal(facts, a) === null);
}

// ---- Deadlines and daily penalties ----

/** Working days within which a decision is published (安全生产法第七十八条). */
export const PUBLICATION_WORKING_DAYS = 7;

/**
 * Whether a date is a working day: Monday–Friday unless a holiday, or a weekend day listed as a
 * make-up working day (调休上班).
 */
export function isWorkingDay(
  date: string,
  holidays: readonly string[] = [],
  makeupWorkdays: readonly string[] = [],
): boolean {
  if (makeupWorkdays.includes(date)) return true;
  if (holidays.includes(date)) return false;
  return isoWeekday(date) <= 5;
}

/** The date `n` working days after `date` (the start day itself not counted). */
export function addWorkingDays(
  date: string,
  n: number,
  holidays: readonly string[] = [],
  makeupWorkdays: readonly string[] = [],
): string {
  let d = date.slice(0, 10);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays, makeupWorkdays)) left--;
  }
  return d;
}

/**
 * The last day to publish a decision: the 7th working day after the decision date (the decision
 * day is not counted — 期间开始的当日不计入), skipping weekends and the given holidays; weekend days
 * in `makeupWorkdays` count as working days.
 */
export function publicationDeadline(
  decisionDate: string,
  holidays: readonly string[] = [],
  makeupWorkdays: readonly string[] = [],
): string {
  return addWorkingDays(decisionDate, PUBLICATION_WORKING_DAYS, holidays, makeupWorkdays);
}

/** Whether publication is late: published after the deadline, or still unpublished after it. */
export function isPublicationOverdue(input: {
  decisionDate: string;
  publishedOn: string | null;
  today: string;
  holidays?: readonly string[];
  makeupWorkdays?: readonly string[];
}): boolean {
  const deadline = publicationDeadline(input.decisionDate, input.holidays, input.makeupWorkdays);
  return (input.publishedOn ?? input.today).slice(0, 10) > deadline;
}

/**
 * 按日连续处罚 (安全生产法第一百一十二条): the original amount for each day from the day after the
 * order to correct (责令改正之日的次日) up to and including the last day the violation went on —
 * the day before `correctedOn`, or `today` while it goes on (a correction dated after today counts
 * as not yet made). `from`/`to` are the first and last counted days, null when no day counts.
 */
export function dailyPenalty(input: {
  originalAmountFen: number;
  orderedOn: string;
  correctedOn: string | null;
  today: string;
}): { days: number; totalFen: number; from: string | null; to: string | null } {
  const today = input.today.slice(0, 10);
  const corrected = input.correctedOn?.slice(0, 10) ?? null;
  const last = corrected !== null && corrected <= today ? addDays(corrected, -1) : today;
  const days = Math.max(0, dayNumber(last) - dayNumber(input.orderedOn));
  return {
    days,
    totalFen: days * input.originalAmountFen,
    from: days > 0 ? addDays(input.orderedOn, 1) : null,
    to: days > 0 ? last : null,
  };
}
