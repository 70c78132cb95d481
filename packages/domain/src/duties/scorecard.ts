import { z } from 'zod';

// The main leader's five duties (主要负责人五项重点任务, seed §二(一)1–5) and the scorecard that
// rates them from an enterprise's own records. Each duty is a list of requirements; a duty is
// `done` when every requirement is met, `missing` when none is, `partly` otherwise. The unmet
// requirements are the reasons shown to the enterprise and to inspectors; warnings (e.g. a
// certificate about to expire) are shown but never change the status.

/** The five duties, in the seed's order. */
export const DUTIES = [
  /** §二(一)1 研究组织本企业重大事故隐患排查整治 */
  'organize',
  /** §二(一)2 落实全员安全生产岗位责任 */
  'responsibility',
  /** §二(一)3 动火等危险作业排查整治 */
  'hazardous_work',
  /** §二(一)4 外包外租排查整治 */
  'outsourcing',
  /** §二(一)5 事故应急救援演练 */
  'drills',
] as const;
export type Duty = (typeof DUTIES)[number];

export const DUTY_STATUSES = ['done', 'partly', 'missing'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** Facts of duty 1, from the self-inspections, leader inspections, key periods and the ledger. */
export type OrganizeFacts = {
  /** A self-inspection of the current campaign has been submitted and signed. */
  selfInspectionSubmitted: boolean;
  /** Finished months of the campaign ('YYYY-MM') without a signed leader inspection. */
  leaderInspectionMissingMonths: string[];
  /** Past key-period days without the on-duty leader's check-in. */
  keyPeriodMissedDays: number;
  /** Open major hazards past their rectification deadline. */
  overdueMajorHazards: number;
};

/** Facts of duty 2, from the responsibility records and the registry. */
export type ResponsibilityFacts = {
  /** Positions with their duties listed, or an uploaded responsibility-system document. */
  responsibilitySystem: boolean;
  /** Deputy leaders with a duty list. */
  deputyDutyLists: number;
  /** The campaign work list has been recorded. */
  campaignWorkList: boolean;
  /** Major hazard sources of the registry without a 包保 person. */
  majorSourcesWithoutGuarantor: number;
  /** A safety management agency or full-/part-time safety staff is recorded. */
  safetyAgencyOrStaff: boolean;
  /** Experts engaged (informational). */
  experts: number;
};

/** Facts of duty 3, from hot-work permits, equipment checks, certificates and education. */
export type HazardousWorkFacts = {
  /** The all-staff warning education activity has been held (in the campaign year). */
  warningEducationHeld: boolean;
  /** A welding-equipment check has been recorded (in the campaign year). */
  weldingEquipmentChecked: boolean;
  /** The one-off check of hazardous-operation staff has been recorded. */
  hazardousStaffChecked: boolean;
  /** Special-operation certificates already expired and still on record as in use. */
  expiredCertificates: number;
  /** Certificates expiring within 30 days (warning). */
  expiringCertificates: number;
};

/** Facts of duty 4, from the outsourcing / leasing contracts. */
export type OutsourcingFacts = {
  /** Active contracts on record. */
  contracts: number;
  /** Active contracts lacking a valid qualification, a signed safety agreement or defined duties. */
  contractsWithProblems: number;
  /** The comprehensive check of outsourcing and leasing has been recorded. */
  comprehensiveCheckDone: boolean;
};

/** Facts of duty 5, from the drills and emergency plan documents. */
export type DrillFacts = {
  /** Drills held in the calendar year. */
  drillsThisYear: number;
  /** An emergency plan (应急预案) document is attached. */
  emergencyPlanAttached: boolean;
};

/** Everything the scorecard is computed from. */
export type DutyFacts = {
  organize: OrganizeFacts;
  responsibility: ResponsibilityFacts;
  hazardous_work: HazardousWorkFacts;
  outsourcing: OutsourcingFacts;
  drills: DrillFacts;
};

/** Drills required per calendar year (§二(一)5 每年至少组织开展2次). */
export const DRILLS_PER_YEAR = 2;
/** Days before expiry a special-operation certificate is flagged (issue 6). */
export const CERTIFICATE_WARNING_DAYS = 30;

/** Codes of the requirements, each with its zh/en text in DUTY_REQUIREMENT_LABELS. */
export const DUTY_REQUIREMENTS = {
  organize: [
    'self_inspection_submitted',
    'leader_inspection_monthly',
    'key_period_on_duty',
    'no_overdue_major_hazards',
  ],
  responsibility: [
    'responsibility_system',
    'deputy_duty_lists',
    'campaign_work_list',
    'major_source_guarantors',
    'safety_agency_or_staff',
  ],
  hazardous_work: [
    'warning_education',
    'welding_equipment_check',
    'hazardous_staff_check',
    'no_expired_certificates',
  ],
  outsourcing: ['outsourcing_comprehensive_check', 'contracts_compliant'],
  drills: ['drills_per_year', 'emergency_plan'],
} as const satisfies Record<Duty, readonly string[]>;
export type DutyRequirement = (typeof DUTY_REQUIREMENTS)[Duty][number];
export type DutyWarning = 'certificates_expiring';

/** One requirement's outcome; `detail` carries the figures for the message. */
export type RequirementResult = {
  code: DutyRequirement;
  met: boolean;
  detail?: Record<string, string | number>;
};

export type DutyScore = {
  duty: Duty;
  status: DutyStatus;
  requirements: RequirementResult[];
  warnings: { code: DutyWarning; detail: Record<string, string | number> }[];
};

export type Scorecard = { duties: DutyScore[]; done: number; partly: number; missing: number };

function statusOf(requirements: readonly RequirementResult[]): DutyStatus {
  const met = requirements.filter((r) => r.met).length;
  if (met === requirements.length) return 'done';
  return met === 0 ? 'missing' : 'partly';
}

function req(
  code: DutyRequirement,
  met: boolean,
  detail?: Record<string, string | number>,
): RequirementResult {
  return detail ? { code, met, detail } : { code, met };
}

/** The requirements of one duty, evaluated against its facts. */
export function evaluateDuty(duty: Duty, facts: DutyFacts): DutyScore {
  let requirements: RequirementResult[];
  const warnings: DutyScore['warnings'] = [];
  switch (duty) {
    case 'organize': {
      const f = facts.organize;
      const missingMonths = f.leaderInspectionMissingMonths;
      requirements = [
        req('self_inspection_submitted', f.selfInspectionSubmitted),
        req(
          'leader_inspection_monthly',
          missingMonths.length === 0,
          missingMonths.length ? { months: missingMonths.join('、') } : undefined,
        ),
        req(
          'key_period_on_duty',
          f.keyPeriodMissedDays === 0,
          f.keyPeriodMissedDays ? { days: f.keyPeriodMissedDays } : undefined,
        ),
        req(
          'no_overdue_major_hazards',
          f.overdueMajorHazards === 0,
          f.overdueMajorHazards ? { count: f.overdueMajorHazards } : undefined,
        ),
      ];
      break;
    }
    case 'responsibility': {
      const f = facts.responsibility;
      requirements = [
        req('responsibility_system', f.responsibilitySystem),
        req('deputy_duty_lists', f.deputyDutyLists > 0),
        req('campaign_work_list', f.campaignWorkList),
        req(
          'major_source_guarantors',
          f.majorSourcesWithoutGuarantor === 0,
          f.majorSourcesWithoutGuarantor ? { count: f.majorSourcesWithoutGuarantor } : undefined,
        ),
        req('safety_agency_or_staff', f.safetyAgencyOrStaff),
      ];
      break;
    }
    case 'hazardous_work': {
      const f = facts.hazardous_work;
      requirements = [
        req('warning_education', f.warningEducationHeld),
        req('welding_equipment_check', f.weldingEquipmentChecked),
        req('hazardous_staff_check', f.hazardousStaffChecked),
        req(
          'no_expired_certificates',
          f.expiredCertificates === 0,
          f.expiredCertificates ? { count: f.expiredCertificates } : undefined,
        ),
      ];
      if (f.expiringCertificates > 0) {
        warnings.push({
          code: 'certificates_expiring',
          detail: { count: f.expiringCertificates, days: CERTIFICATE_WARNING_DAYS },
        });
      }
      break;
    }
    case 'outsourcing': {
      const f = facts.outsourcing;
      requirements = [
        req('outsourcing_comprehensive_check', f.comprehensiveCheckDone),
        req(
          'contracts_compliant',
          f.contractsWithProblems === 0,
          f.contractsWithProblems ? { count: f.contractsWithProblems } : undefined,
        ),
      ];
      break;
    }
    case 'drills': {
      const f = facts.drills;
      requirements = [
        req('drills_per_year', f.drillsThisYear >= DRILLS_PER_YEAR, {
          count: f.drillsThisYear,
          required: DRILLS_PER_YEAR,
        }),
        req('emergency_plan', f.emergencyPlanAttached),
      ];
      break;
    }
  }
  return { duty, status: statusOf(requirements), requirements, warnings };
}

/** The scorecard of an enterprise: every duty rated, with the totals per status. */
export function computeScorecard(facts: DutyFacts): Scorecard {
  const duties = DUTIES.map((d) => evaluateDuty(d, facts));
  const count = (s: DutyStatus) => duties.filter((d) => d.status === s).length;
  return { duties, done: count('done'), partly: count('partly'), missing: count('missing') };
}

export const DUTY_LABELS: Record<Duty, { zh: string; en: string }> = {
  organize: { zh: '组织重大事故隐患排查整治', en: 'Organise hazard inspection and rectification' },
  responsibility: { zh: '落实全员安全生产岗位责任', en: 'All-staff safety responsibility' },
  hazardous_work: { zh: '动火等危险作业排查整治', en: 'Hot work and hazardous operations' },
  outsourcing: { zh: '外包外租排查整治', en: 'Outsourcing and leasing' },
  drills: { zh: '事故应急救援演练', en: 'Emergency drills' },
};

export const DUTY_STATUS_LABELS: Record<DutyStatus, { zh: string; en: string }> = {
  done: { zh: '已落实', en: 'Done' },
  partly: { zh: '部分落实', en: 'Partly' },
  missing: { zh: '未落实', en: 'Missing' },
};

/** Text of an unmet requirement (`{name}` placeholders filled from the detail). */
export const DUTY_REQUIREMENT_LABELS: Record<DutyRequirement, { zh: string; en: string }> = {
  self_inspection_submitted: {
    zh: '本次专项行动的对标自查尚未提交',
    en: 'The self-inspection of this campaign has not been submitted',
  },
  leader_inspection_monthly: {
    zh: '主要负责人每月至少带队检查1次：{months} 无检查记录',
    en: 'The leader must inspect at least monthly: no record for {months}',
  },
  key_period_on_duty: {
    zh: '关键时间节点有 {days} 天未在岗签到',
    en: '{days} key-period day(s) without the on-duty check-in',
  },
  no_overdue_major_hazards: {
    zh: '有 {count} 项重大事故隐患逾期未整改',
    en: '{count} major hazard(s) past their deadline',
  },
  responsibility_system: {
    zh: '未建立全员安全生产岗位责任制',
    en: 'No all-staff safety responsibility system on record',
  },
  deputy_duty_lists: {
    zh: '未制定分管负责人安全生产职责清单',
    en: 'No duty list for the deputy leaders',
  },
  campaign_work_list: { zh: '未制定专项行动工作清单', en: 'No campaign work list' },
  major_source_guarantors: {
    zh: '有 {count} 个重大危险源未落实包保责任人',
    en: '{count} major hazard source(s) without a 包保 person',
  },
  safety_agency_or_staff: {
    zh: '未设置安全生产管理机构或配备安全管理人员',
    en: 'No safety management agency or staff',
  },
  warning_education: {
    zh: '未开展全员安全警示教育活动',
    en: 'The all-staff warning education has not been held',
  },
  welding_equipment_check: {
    zh: '未对电气焊设备进行全面安全检查',
    en: 'The welding equipment has not been checked',
  },
  hazardous_staff_check: {
    zh: '未对动火等危险作业人员开展全面排查',
    en: 'The hazardous-operation staff have not been checked',
  },
  no_expired_certificates: {
    zh: '有 {count} 张特种作业证书已过期',
    en: '{count} special-operation certificate(s) expired',
  },
  outsourcing_comprehensive_check: {
    zh: '未组织开展外包外租全面排查',
    en: 'The comprehensive outsourcing / leasing check has not been made',
  },
  contracts_compliant: {
    zh: '有 {count} 份外包外租合同缺资质、安全协议或职责约定',
    en: '{count} contract(s) lack a qualification, safety agreement or defined duties',
  },
  drills_per_year: {
    zh: '本年度应急演练 {count} 次，少于 {required} 次',
    en: '{count} drill(s) this year, fewer than {required}',
  },
  emergency_plan: { zh: '未上传应急预案', en: 'No emergency plan attached' },
};

export const DUTY_WARNING_LABELS: Record<DutyWarning, { zh: string; en: string }> = {
  certificates_expiring: {
    zh: '有 {count} 张特种作业证书将在 {days} 天内到期',
    en: '{count} certificate(s) expire within {days} days',
  },
};

// API shapes of the scorecard.
export const requirementResultSchema = z.object({
  code: z.string(),
  met: z.boolean(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export const dutyScoreSchema = z.object({
  duty: z.enum(DUTIES),
  status: z.enum(DUTY_STATUSES),
  requirements: z.array(requirementResultSchema),
  warnings: z.array(
    z.object({
      code: z.string(),
      detail: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});
export const scorecardSchema = z.object({
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  asOf: z.string(),
  duties: z.array(dutyScoreSchema),
  done: z.number().int(),
  partly: z.number().int(),
  missing: z.number().int(),
});
export type ScorecardView = z.infer<typeof scorecardSchema>;
