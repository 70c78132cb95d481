import type { HazardOrigin } from '../hazard/hazard.js';
import { SELF_FOUND_ORIGINS } from '../hazard/hazard.js';
import { addDays, isoWeekday } from '../campaign/campaign-progress.js';
import {
  describeQualificationRule,
  STAFF_QUALIFICATION_RULE,
} from '../staff/qualification-rule.js';

// The figures of the weekly dispatch tables (进展情况调度表, 附件1–4; seed §四(五), issue 9
// item 1), defined once: each with a stable key, labels, a unit and a precise definition over
// the data. The server computes them (reports/figures.repository.ts), the tables lay them out,
// the web shows the definition on hover. A figure the data cannot support yet is listed with
// `supported: false` and the reason, so a table shows "no data" instead of a made-up number.

/** Units as the bureau writes them in the tables. */
export const FigureUnit = {
  Enterprise: '家',
  Item: '项',
  EnterpriseVisit: '家次',
  Case: '起',
  Person: '人',
  TenThousandYuan: '万元',
  Percent: '%',
} as const;
export type FigureUnit = (typeof FigureUnit)[keyof typeof FigureUnit];

/**
 * How a figure relates to the report period.
 * - `flow`: records dated in the period; a week value and a cumulative value (campaign start
 *   to the week's end).
 * - `stock`: a state at the end of the period (e.g. enterprises in the registry); only the
 *   cumulative value, the week value is null.
 * - `ratio`: computed from two other figures (numerator ÷ denominator), for the cumulative
 *   period only: a week's ratio of rectified to found mixes hazards found in other weeks.
 */
export type FigureKind = 'flow' | 'stock' | 'ratio';

/** The table a figure's record ids point into, for drill-down and snapshots. */
export type FigureRecordType =
  | 'enterprise'
  | 'self_inspection'
  | 'hazard'
  | 'inspection_record'
  | 'penalty_case'
  | 'enforcement_measure'
  | 'leader_inspection'
  | 'emergency_drill'
  | 'tip'
  | 'reward_case'
  | 'user'
  | 'enforcement_staff_record';

/** The keys of every figure, in the order the tables list them. */
export const FIGURE_KEYS = [
  'enterprises_registered',
  'enterprises_self_inspected',
  'major_hazards_found',
  'major_hazards_rectified',
  'major_hazards_self_found',
  'major_hazards_self_found_rectified',
  'enterprise_inspections',
  'enterprises_inspected',
  'major_hazards_bureau_found',
  'major_hazards_bureau_found_rectified',
  'major_hazard_rectification_rate',
  'hazards_supervised',
  'hazards_supervision_lifted',
  'major_hazards_overdue',
  'penalty_cases',
  'penalty_fines',
  'penalty_cases_dual',
  'enterprises_suspended',
  'closures_proposed',
  'judicial_referrals',
  'judicial_referral_persons',
  'joint_punishments',
  'dishonesty_list_entries',
  'assistance_visits',
  'leader_inspections',
  'emergency_drills',
  'tips_received',
  'tips_verified',
  'tips_substantiated',
  'rewards_paid',
  'enforcement_staff',
  'enforcement_staff_certified',
  'enforcement_staff_certified_share',
  'enforcement_staff_on_record',
  'enforcement_staff_qualified',
  'enforcement_staff_qualified_share',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** One figure of the dispatch tables. */
export type FigureDefinition = {
  key: FigureKey;
  zh: string;
  en: string;
  unit: FigureUnit;
  kind: FigureKind;
  /** The precise rule in Chinese: which records, which dates, which statuses. */
  definition: string;
  /** False when the data cannot support the figure yet; `unsupportedReason` says why. */
  supported: boolean;
  unsupportedReason?: string;
  /** Where the ids of the records behind the figure point (absent for ratios). */
  recordType?: FigureRecordType;
  /** "其中" figures name the figure they are part of. */
  partOf?: FigureKey;
  /** For ratios: the two figures divided. */
  ratio?: { numerator: FigureKey; denominator: FigureKey };
  /** False when the figure is district-wide and ignores the sector (e.g. enforcement staff). */
  bySector: boolean;
};

/** Hazard origins counted as "found by the enterprise itself" (企业自查发现). */
export const SELF_FOUND_HAZARD_ORIGINS: readonly HazardOrigin[] = SELF_FOUND_ORIGINS;
/** Hazard origins counted as "found by the bureau" (执法检查发现): on-site inspections. */
export const BUREAU_FOUND_HAZARD_ORIGINS: readonly HazardOrigin[] = ['enforcement', 'spot_check'];
/** Penalty case statuses that carry a penalty decision (decision_date set, not withdrawn). */
export const DECIDED_PENALTY_CASE_STATUSES = ['decided', 'executed', 'closed'] as const;

// Phrases shared by several definitions, so they read the same everywhere.
const PERIOD =
  '统计时段按北京时间（Asia/Shanghai）自然日计：本周为周一0时至周日24时，累计为专项行动开始之日0时至本周日24时。';
const SCOPE = '范围为所选辖区、所选行业的企业（按记录所属辖区和行业）。';
const CAMPAIGN_MAJOR =
  '重大事故隐患指台账中隐患等级为“重大事故隐患”的记录，以发现日期在专项行动开始之日至本周日之间者为准。';
const RECTIFIED =
  '已整改指已销号（状态“已销号”，以销号验收时间为准）：本周数为本周内销号的，累计数为截至本周日24时已销号的。';

function flow(
  def: Omit<FigureDefinition, 'kind' | 'supported' | 'bySector'> & { bySector?: boolean },
): FigureDefinition {
  return { kind: 'flow', supported: true, bySector: true, ...def };
}

/** Every figure, keyed; `FIGURE_KEYS` gives the order. */
export const FIGURES: Record<FigureKey, FigureDefinition> = {
  enterprises_registered: {
    key: 'enterprises_registered',
    zh: '行业企业总数',
    en: 'Enterprises in the registry',
    unit: FigureUnit.Enterprise,
    kind: 'stock',
    supported: true,
    bySector: true,
    recordType: 'enterprise',
    definition: `企业名录中该行业的企业数，不计在本周日及以前关闭的企业（状态为“关闭”且状态变更日期不晚于本周日者不计；停产、停产整顿的企业仍计入）。名录不保留录入前的历史，按当前名录计（企业可能在专项行动中途才录入系统）。${SCOPE}`,
  },
  enterprises_self_inspected: flow({
    key: 'enterprises_self_inspected',
    zh: '开展自查自改企业数',
    en: 'Enterprises that submitted a self-inspection',
    unit: FigureUnit.Enterprise,
    recordType: 'self_inspection',
    definition: `提交了对标自查记录（状态“已提交”，以提交日期为准）的企业数，同一企业多次提交只计1家；作废的自查不计。${PERIOD}${SCOPE}`,
  }),
  major_hazards_found: flow({
    key: 'major_hazards_found',
    zh: '排查重大事故隐患数',
    en: 'Major hazards found',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    definition: `发现日期在统计时段内的重大事故隐患条数，不分发现来源（企业自查、执法检查、举报、信息员、大数据排查等）。${PERIOD}${SCOPE}`,
  }),
  major_hazards_rectified: flow({
    key: 'major_hazards_rectified',
    zh: '其中：已整改',
    en: 'of which rectified',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    partOf: 'major_hazards_found',
    definition: `${CAMPAIGN_MAJOR}${RECTIFIED}${SCOPE}`,
  }),
  major_hazards_self_found: flow({
    key: 'major_hazards_self_found',
    zh: '企业自查重大事故隐患数',
    en: 'Major hazards found by enterprises themselves',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    definition: `发现来源为企业自查、主要负责人带队检查或事故警示排查，且发现日期在统计时段内的重大事故隐患条数。${PERIOD}${SCOPE}`,
  }),
  major_hazards_self_found_rectified: flow({
    key: 'major_hazards_self_found_rectified',
    zh: '其中：已整改',
    en: 'of which rectified',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    partOf: 'major_hazards_self_found',
    definition: `企业自查发现的重大事故隐患中已整改的条数。${CAMPAIGN_MAJOR}${RECTIFIED}${SCOPE}`,
  }),
  enterprise_inspections: flow({
    key: 'enterprise_inspections',
    zh: '执法检查企业家次',
    en: 'Enterprise inspections (visits)',
    unit: FigureUnit.EnterpriseVisit,
    recordType: 'inspection_record',
    definition: `检查开始时间在统计时段内、状态为“已签名”的现场检查记录数（含帮扶指导检查；签名中、草稿不计；被更正的原记录不计，只计更正后的记录）。${PERIOD}${SCOPE}`,
  }),
  enterprises_inspected: flow({
    key: 'enterprises_inspected',
    zh: '执法检查企业数',
    en: 'Distinct enterprises inspected',
    unit: FigureUnit.Enterprise,
    recordType: 'inspection_record',
    partOf: 'enterprise_inspections',
    definition: `“执法检查企业家次”所计检查记录涉及的不同企业数，同一企业多次检查只计1家。${PERIOD}${SCOPE}`,
  }),
  major_hazards_bureau_found: flow({
    key: 'major_hazards_bureau_found',
    zh: '执法检查发现重大事故隐患数',
    en: 'Major hazards found by the bureau',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    definition: `发现来源为执法检查或自查自改抽查，且发现日期在统计时段内的重大事故隐患条数。${PERIOD}${SCOPE}`,
  }),
  major_hazards_bureau_found_rectified: flow({
    key: 'major_hazards_bureau_found_rectified',
    zh: '其中：已整改',
    en: 'of which rectified',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    partOf: 'major_hazards_bureau_found',
    definition: `执法检查发现的重大事故隐患中已整改的条数。${CAMPAIGN_MAJOR}${RECTIFIED}${SCOPE}`,
  }),
  major_hazard_rectification_rate: {
    key: 'major_hazard_rectification_rate',
    zh: '重大事故隐患整改率',
    en: 'Major hazard rectification rate',
    unit: FigureUnit.Percent,
    kind: 'ratio',
    supported: true,
    bySector: true,
    ratio: { numerator: 'major_hazards_rectified', denominator: 'major_hazards_found' },
    definition:
      '整改率＝累计已整改重大事故隐患数÷累计排查重大事故隐患数×100%，四舍五入保留1位小数；排查数为0时不计算（显示为“—”）。只计累计，不计本周。',
  },
  hazards_supervised: flow({
    key: 'hazards_supervised',
    zh: '挂牌督办隐患数',
    en: 'Hazards placed under supervision',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    definition: `统计时段内被挂牌督办（含调整督办级别）的隐患条数，同一隐患只计1条；不区分隐患等级和督办级别（区、市、省级）。以挂牌督办操作时间为准。${PERIOD}${SCOPE}`,
  }),
  hazards_supervision_lifted: flow({
    key: 'hazards_supervision_lifted',
    zh: '其中：已解除督办',
    en: 'of which supervision lifted',
    unit: FigureUnit.Item,
    recordType: 'hazard',
    partOf: 'hazards_supervised',
    definition: `统计时段内解除挂牌督办、且目前仍处于解除状态的隐患条数（解除后又重新挂牌的不计）。以解除督办操作时间为准。${PERIOD}${SCOPE}`,
  }),
  major_hazards_overdue: {
    key: 'major_hazards_overdue',
    zh: '逾期未整改重大事故隐患数',
    en: 'Overdue major hazards',
    unit: FigureUnit.Item,
    kind: 'stock',
    supported: true,
    bySector: true,
    recordType: 'hazard',
    definition: `截至本周日24时，整改期限（含已批准的延期）不晚于本周日、且尚未销号的重大事故隐患条数，不论发现日期（含专项行动开始前发现的）。${SCOPE}`,
  },
  penalty_cases: flow({
    key: 'penalty_cases',
    zh: '行政处罚案件数',
    en: 'Penalty cases decided',
    unit: FigureUnit.Case,
    recordType: 'penalty_case',
    definition: `处罚决定日期在统计时段内、状态为“已作出决定”“已执行”或“已结案”的行政处罚案件数（不予行政处罚、撤销立案、终止调查的不计）。${PERIOD}${SCOPE}`,
  }),
  penalty_fines: flow({
    key: 'penalty_fines',
    zh: '罚款金额',
    en: 'Fines',
    unit: FigureUnit.TenThousandYuan,
    recordType: 'penalty_case',
    partOf: 'penalty_cases',
    definition: `“行政处罚案件数”所计案件对全部当事人（生产经营单位、主要负责人、其他责任人员）决定的罚款之和，以万元计（不含按日连续处罚）。${PERIOD}${SCOPE}`,
  }),
  penalty_cases_dual: flow({
    key: 'penalty_cases_dual',
    zh: '其中：一案双罚案件数',
    en: 'of which penalising both enterprise and main leader',
    unit: FigureUnit.Case,
    recordType: 'penalty_case',
    partOf: 'penalty_cases',
    definition: `“行政处罚案件数”所计案件中，同时对生产经营单位和其主要负责人处以罚款（金额均大于0）的案件数。${PERIOD}${SCOPE}`,
  }),
  enterprises_suspended: flow({
    key: 'enterprises_suspended',
    zh: '责令停产整顿企业数',
    en: 'Enterprises ordered to suspend',
    unit: FigureUnit.Enterprise,
    recordType: 'enforcement_measure',
    definition: `决定日期在统计时段内的“停产整顿”措施（未作废）涉及的企业数，同一企业只计1家。不含现场处理措施中的“责令暂时停产停业”。${PERIOD}${SCOPE}`,
  }),
  closures_proposed: flow({
    key: 'closures_proposed',
    zh: '提请关闭企业数',
    en: 'Closures proposed',
    unit: FigureUnit.Enterprise,
    recordType: 'enforcement_measure',
    definition: `提请日期在统计时段内的“提请关闭”措施（未作废）涉及的企业数，同一企业只计1家。${PERIOD}${SCOPE}`,
  }),
  judicial_referrals: flow({
    key: 'judicial_referrals',
    zh: '移送司法机关案件数',
    en: 'Judicial referrals',
    unit: FigureUnit.Case,
    recordType: 'enforcement_measure',
    definition: `移送日期在统计时段内的“移送司法机关”措施（未作废）数，每次移送计1起。${PERIOD}${SCOPE}`,
  }),
  judicial_referral_persons: {
    key: 'judicial_referral_persons',
    zh: '移送司法机关人数',
    en: 'Persons referred to the judiciary',
    unit: FigureUnit.Person,
    kind: 'flow',
    supported: false,
    bySector: true,
    unsupportedReason:
      '移送司法机关措施未登记被移送的人员（只登记涉嫌罪名、接收机关和案号），无法统计人数；需在移送记录中增加被移送人员后方可统计。',
    definition: '统计时段内移送司法机关的涉嫌犯罪人员数。',
  },
  joint_punishments: flow({
    key: 'joint_punishments',
    zh: '联合惩戒企业家次',
    en: 'Joint punishments',
    unit: FigureUnit.EnterpriseVisit,
    recordType: 'enforcement_measure',
    definition: `决定日期在统计时段内的“联合惩戒”措施（未作废）数，每次惩戒计1家次。${PERIOD}${SCOPE}`,
  }),
  dishonesty_list_entries: flow({
    key: 'dishonesty_list_entries',
    zh: '列入严重失信主体名单企业数',
    en: 'Enterprises put on the serious dishonesty list',
    unit: FigureUnit.Enterprise,
    recordType: 'enforcement_measure',
    definition: `决定日期在统计时段内的“列入严重失信主体名单”措施（未作废）涉及的企业数，同一企业只计1家。${PERIOD}${SCOPE}`,
  }),
  assistance_visits: flow({
    key: 'assistance_visits',
    zh: '帮扶指导企业家次',
    en: 'Assistance visits',
    unit: FigureUnit.EnterpriseVisit,
    recordType: 'inspection_record',
    partOf: 'enterprise_inspections',
    definition: `属于“帮扶指导”类检查计划、检查开始时间在统计时段内、状态为“已签名”的现场检查记录数。${PERIOD}${SCOPE}`,
  }),
  leader_inspections: flow({
    key: 'leader_inspections',
    zh: '主要负责人带队检查家次',
    en: "Main leaders' inspections",
    unit: FigureUnit.EnterpriseVisit,
    recordType: 'leader_inspection',
    definition: `检查日期在统计时段内、已签字确认且未作废的企业主要负责人带队检查记录数。${PERIOD}${SCOPE}（按企业所属辖区和行业）`,
  }),
  emergency_drills: flow({
    key: 'emergency_drills',
    zh: '开展应急演练家次',
    en: 'Emergency drills',
    unit: FigureUnit.EnterpriseVisit,
    recordType: 'emergency_drill',
    definition: `演练日期在统计时段内、未作废的企业应急演练记录数。${PERIOD}${SCOPE}（按企业所属辖区和行业）`,
  }),
  tips_received: flow({
    key: 'tips_received',
    zh: '受理举报数',
    en: 'Tips received',
    unit: FigureUnit.Case,
    recordType: 'tip',
    definition: `收到时间在统计时段内的举报数，含各渠道（网上、12350热线、电话、来信、来访、信息员），含不予受理和重复举报。未确定行业的举报只计入全部行业合计。${PERIOD}${SCOPE}`,
  }),
  tips_verified: flow({
    key: 'tips_verified',
    zh: '核查办结举报数',
    en: 'Tips verified',
    unit: FigureUnit.Case,
    recordType: 'tip',
    definition: `统计时段内登记了核查结果（属实、部分属实或不属实）的举报数，以登记核查结果的时间为准。${PERIOD}${SCOPE}`,
  }),
  tips_substantiated: flow({
    key: 'tips_substantiated',
    zh: '其中：核查属实',
    en: 'of which substantiated',
    unit: FigureUnit.Case,
    recordType: 'tip',
    partOf: 'tips_verified',
    definition: `“核查办结举报数”中核查结果为属实或部分属实的举报数。${PERIOD}${SCOPE}`,
  }),
  rewards_paid: flow({
    key: 'rewards_paid',
    zh: '兑现举报奖励金额',
    en: 'Rewards paid',
    unit: FigureUnit.TenThousandYuan,
    recordType: 'reward_case',
    definition: `发放日期在统计时段内、状态为“已发放”的举报奖励金额之和，以万元计；行业按所奖励举报的行业。${PERIOD}${SCOPE}`,
  }),
  enforcement_staff: {
    key: 'enforcement_staff',
    zh: '执法人员数',
    en: 'Enforcement staff',
    unit: FigureUnit.Person,
    kind: 'stock',
    supported: true,
    bySector: false,
    recordType: 'user',
    definition:
      '所选辖区及其下属机构（如执法大队）中角色为“执法人员”、账号状态为启用的用户数。不分行业。账号的建立和停用没有按日期的历史，按生成报表时的当前状态计。',
  },
  enforcement_staff_certified: {
    key: 'enforcement_staff_certified',
    zh: '其中：持执法证人数',
    en: 'of which holding an enforcement certificate',
    unit: FigureUnit.Person,
    kind: 'stock',
    supported: true,
    bySector: false,
    recordType: 'user',
    partOf: 'enforcement_staff',
    definition: '“执法人员数”中登记了执法证号的人数。不分行业。',
  },
  enforcement_staff_certified_share: {
    key: 'enforcement_staff_certified_share',
    zh: '持证执法人员占比',
    en: 'Share of staff holding a certificate',
    unit: FigureUnit.Percent,
    kind: 'ratio',
    supported: true,
    bySector: false,
    ratio: { numerator: 'enforcement_staff_certified', denominator: 'enforcement_staff' },
    definition:
      '持执法证人数÷执法人员数×100%，四舍五入保留1位小数；执法人员数为0时不计算。注意：这不是方案§四(三)要求的“具有安全生产相关专业学历和实践经验”的占比。',
  },
  enforcement_staff_on_record: {
    key: 'enforcement_staff_on_record',
    zh: '在职执法人员数（执法人员台账）',
    en: 'Enforcement staff on record',
    unit: FigureUnit.Person,
    kind: 'stock',
    supported: true,
    bySector: false,
    recordType: 'enforcement_staff_record',
    definition:
      '所选辖区及其下属机构（如执法大队、业务科室）在“执法人员”台账中登记且未作废的人员数，含没有系统账号的人员。不分行业。台账没有按日期的历史，按生成报表时的当前状态计。',
  },
  enforcement_staff_qualified: {
    key: 'enforcement_staff_qualified',
    zh: '其中：具有安全生产相关专业学历和实践经验',
    en: 'of which with a safety degree and experience',
    unit: FigureUnit.Person,
    kind: 'stock',
    supported: true,
    bySector: false,
    recordType: 'enforcement_staff_record',
    partOf: 'enforcement_staff_on_record',
    definition: `“在职执法人员数（执法人员台账）”中符合方案§四(三)标准的人数：${describeQualificationRule(STAFF_QUALIFICATION_RULE)}。是否符合按台账当前登记的学历、专业和安全生产工作年限判断。不分行业。`,
  },
  enforcement_staff_qualified_share: {
    key: 'enforcement_staff_qualified_share',
    zh: '具有安全生产相关专业学历和实践经验的执法人员占比',
    en: 'Share of staff with a safety degree and experience',
    unit: FigureUnit.Percent,
    kind: 'ratio',
    supported: true,
    bySector: false,
    ratio: { numerator: 'enforcement_staff_qualified', denominator: 'enforcement_staff_on_record' },
    definition: `具有安全生产相关专业学历和实践经验的执法人员数÷在职执法人员数（执法人员台账）×100%，四舍五入保留1位小数；在职人数为0时不计算。方案§四(三)要求不低于${STAFF_QUALIFICATION_RULE.floorPercent}%。`,
  },
};

/** The figures the data supports, in table order. */
export function supportedFigureKeys(): FigureKey[] {
  return FIGURE_KEYS.filter((k) => FIGURES[k].supported);
}

// ---- Periods ----

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** China has had no daylight saving since 1991: a fixed UTC+8 offset is exact. */
const CHINA_OFFSET_MS = 8 * 3600_000;

function assertDate(date: string): void {
  if (!DATE_RE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
}

/** A range of China calendar days, both ends inclusive. */
export type ChinaDateRange = { from: string; to: string };

/** The report week (Monday–Sunday) that a China calendar day falls in. */
export function reportWeekOf(date: string): ChinaDateRange {
  assertDate(date);
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, to: addDays(from, 6) };
}

/** The China calendar day of a UTC instant (Asia/Shanghai, UTC+8). */
export function chinaDateOfInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${iso}`);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The report week of a UTC instant, by its China calendar day. */
export function reportWeekOfInstant(iso: string): ChinaDateRange {
  return reportWeekOf(chinaDateOfInstant(iso));
}

/**
 * A China-date range as UTC instants, half-open: `start` ≤ t < `end`. `start` is 00:00 China
 * time on `from`, `end` is 00:00 China time on the day after `to`, so 23:59:59.999 on `to`
 * belongs to the range and 00:00 the next day does not. Both are in the format stored
 * timestamps use (`toISOString()`), so they compare correctly as strings in SQL.
 */
export function chinaPeriodBounds(range: ChinaDateRange): { start: string; end: string } {
  assertDate(range.from);
  assertDate(range.to);
  if (range.to < range.from)
    throw new RangeError(`period ends before it starts: ${range.from}…${range.to}`);
  const startMs = Date.parse(`${range.from}T00:00:00Z`) - CHINA_OFFSET_MS;
  const endMs = Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) - CHINA_OFFSET_MS;
  return { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() };
}

// ---- Arithmetic ----

/**
 * A share in percent, rounded half up to 1 decimal (the national convention for 整改率:
 * rectified ÷ found); null when the denominator is 0, since "0%" would claim a result.
 */
export function percentShare(numerator: number, denominator: number): number | null {
  if (
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator) ||
    numerator < 0 ||
    denominator < 0
  )
    throw new RangeError(`counts must be non-negative integers: ${numerator}/${denominator}`);
  if (denominator === 0) return null;
  // numerator·1000/denominator is exact whenever its true value ends in .5, so Math.round
  // rounds half up without floating-point surprises.
  return Math.round((numerator * 1000) / denominator) / 10;
}

/** 整改率: rectified ÷ found in percent, 1 decimal; null when nothing was found. */
export function rectificationRate(rectified: number, found: number): number | null {
  if (rectified > found) throw new RangeError(`rectified (${rectified}) exceeds found (${found})`);
  return percentShare(rectified, found);
}

/** An amount in integer fen as 万元 (1 万元 = 1,000,000 fen), exact to the fen. */
export function fenToWanYuan(fen: number): number {
  if (!Number.isInteger(fen)) throw new RangeError(`fen must be an integer: ${fen}`);
  return fen / 1_000_000;
}
