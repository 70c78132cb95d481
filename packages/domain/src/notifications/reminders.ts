import { z } from 'zod';
import { addDays } from '../campaign/campaign-progress.js';
import type { Sector } from '../common/sector.js';
import { CERTIFICATE_WARNING_DAYS, DRILLS_PER_YEAR } from '../duties/scorecard.js';
import type { HazardLevel } from '../hazard/hazard.js';

// The daily reminders (issue 10 item 4): which condition produces which notification, on
// which occasion, and for whom. The server job only gathers the facts and resolves the
// audiences to users; the decisions live here. Thresholds are data (`ReminderRules`), so the
// operator can change them through configuration without touching the rules.

/** The rules behind the notifications; each is a kind the user can filter by. */
export const NOTIFICATION_KINDS = [
  'hazard_deadline',
  'hazard_overdue',
  'hazard_escalation',
  'certificate_expiring',
  'drills_missing',
  'leader_inspection_missing',
  'report_due',
  'tip_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { zh: string; en: string }> = {
  hazard_deadline: { zh: '隐患整改期限临近', en: 'Hazard deadline approaching' },
  hazard_overdue: { zh: '隐患逾期未整改', en: 'Hazard overdue' },
  hazard_escalation: { zh: '重大隐患逾期升级', en: 'Overdue major hazard escalated' },
  certificate_expiring: { zh: '特种作业证书即将到期', en: 'Certificate expiring' },
  drills_missing: { zh: '应急演练未按要求开展', en: 'Drills missing' },
  leader_inspection_missing: {
    zh: '主要负责人月度检查缺失',
    en: 'Monthly leader inspection missing',
  },
  report_due: { zh: '调度表待报送', en: 'Weekly report due' },
  tip_overdue: { zh: '举报超期未办结', en: 'Tip past its deadline' },
};

/** The thresholds of the rules (configurable; the defaults follow the campaign plan). */
export type ReminderRules = {
  /** Days before a hazard's deadline on which the enterprise and the office are reminded. */
  hazardDeadlineDays: number[];
  /** Days past the deadline after which an overdue major hazard goes to the sector's office. */
  escalateToOfficeAfterDays: number;
  /** Days past the deadline after which it goes to the bureau leadership. */
  escalateToBureauAfterDays: number;
  /** Days before expiry a special-operation certificate is reminded of. */
  certificateWarningDays: number;
};

export const DEFAULT_REMINDER_RULES: ReminderRules = {
  hazardDeadlineDays: [7, 1],
  escalateToOfficeAfterDays: 1,
  escalateToBureauAfterDays: 7,
  certificateWarningDays: CERTIFICATE_WARNING_DAYS,
};

/** Whole days from China date `from` to China date `to` (negative when `to` is earlier). */
export function daysFromTo(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Who a reminder goes to, as roles in the org tree; the server turns each into user ids.
 * - enterprise: the enterprise's main leader and safety managers (ent_leader, ent_safety);
 * - sector_office: the district's office users whose sectors include the sector;
 * - bureau: the district's bureau administrators (局领导);
 * - tip_handlers: the tip's assignee, else its assigned unit's, else the district's tip staff.
 */
export type ReminderAudience =
  | { kind: 'enterprise'; enterpriseId: number }
  | { kind: 'sector_office'; districtId: number; sector: Sector }
  | { kind: 'bureau'; districtId: number }
  | {
      kind: 'tip_handlers';
      districtId: number;
      sector: Sector | null;
      assignedUserId: number | null;
      assignedUnitId: number | null;
    };

/** A notification the job should make sure exists, before it is addressed to users. */
export type Reminder = {
  kind: NotificationKind;
  /** The rule and occasion: with the subject and the recipient it makes the dedupe key. */
  rule: string;
  occasion: string;
  subjectType: string;
  subjectId: number;
  title: string;
  body: string;
  /** The page of the record, in the web app. */
  link: string;
  audiences: ReminderAudience[];
};

/** The dedupe key of one reminder for one recipient: the same condition notifies once. */
export function reminderDedupeKey(reminder: Reminder, recipientId: number): string {
  return `${reminder.rule}:${reminder.subjectType}:${reminder.subjectId}:${recipientId}:${reminder.occasion}`;
}

// ---- Hazards ----

export type HazardReminderFacts = {
  id: number;
  number: string;
  title: string;
  level: HazardLevel;
  sector: Sector;
  districtId: number;
  enterpriseId: number;
  enterpriseName: string;
  /** The rectification deadline in force (China date); hazards without one are not reminded. */
  deadline: string;
  /** 挂牌督办 level when supervised. */
  supervisionLevel: string | null;
};

/**
 * The deadline occasion of an open hazard today: the smallest threshold the days left have
 * reached (so a skipped day still reminds), `overdue` once the deadline passed, else null.
 */
export function hazardDeadlineOccasion(
  deadline: string,
  today: string,
  rules: ReminderRules,
): { threshold: number | 'overdue'; daysLeft: number } | null {
  const daysLeft = daysFromTo(today, deadline);
  if (daysLeft < 0) return { threshold: 'overdue', daysLeft };
  const reached = rules.hazardDeadlineDays.filter((d) => daysLeft <= d).sort((a, b) => a - b);
  return reached.length ? { threshold: reached[0]!, daysLeft } : null;
}

/** The escalation stages an overdue major hazard has reached (office after 1 day, bureau after 7). */
export function majorHazardEscalations(
  daysOverdue: number,
  rules: ReminderRules,
): ('office' | 'bureau')[] {
  const stages: ('office' | 'bureau')[] = [];
  if (daysOverdue >= rules.escalateToOfficeAfterDays) stages.push('office');
  if (daysOverdue >= rules.escalateToBureauAfterDays) stages.push('bureau');
  return stages;
}

/** The reminders an open hazard gives rise to today. */
export function hazardReminders(
  h: HazardReminderFacts,
  today: string,
  rules: ReminderRules = DEFAULT_REMINDER_RULES,
): Reminder[] {
  const occasion = hazardDeadlineOccasion(h.deadline, today, rules);
  if (!occasion) return [];
  const link = `/hazards/${h.id}`;
  const who: ReminderAudience[] = [
    { kind: 'enterprise', enterpriseId: h.enterpriseId },
    { kind: 'sector_office', districtId: h.districtId, sector: h.sector },
  ];
  const base = { subjectType: 'hazard', subjectId: h.id, link };
  const name = `${h.enterpriseName}${h.level === 'major' ? '重大事故隐患' : '隐患'}${h.number}「${h.title}」`;
  if (occasion.threshold !== 'overdue') {
    const when = occasion.daysLeft === 0 ? '今天' : `${occasion.daysLeft}天后`;
    return [
      {
        ...base,
        kind: 'hazard_deadline',
        rule: 'hazard_deadline',
        // The deadline is part of the occasion: an extension starts the reminders again.
        occasion: `${h.deadline}:d${occasion.threshold}`,
        title: `隐患整改期限${when}到期`,
        body: `${name}的整改期限为${h.deadline}，${when}到期，请按期完成整改并提交验收。`,
        audiences: who,
      },
    ];
  }
  const daysOverdue = -occasion.daysLeft;
  const reminders: Reminder[] = [
    {
      ...base,
      kind: 'hazard_overdue',
      rule: 'hazard_overdue',
      occasion: h.deadline,
      title: '隐患已逾期未整改',
      body: `${name}的整改期限${h.deadline}已过，仍未完成整改销号，请立即督促整改。`,
      audiences: who,
    },
  ];
  if (h.level !== 'major') return reminders;
  for (const stage of majorHazardEscalations(daysOverdue, rules)) {
    const raise =
      stage === 'bureau' && h.supervisionLevel !== null
        ? '该隐患已挂牌督办，可研究提升督办级别。'
        : '';
    reminders.push({
      ...base,
      kind: 'hazard_escalation',
      rule: `hazard_escalation_${stage}`,
      occasion: h.deadline,
      title:
        stage === 'office' ? '重大事故隐患逾期，升级至业务科室' : '重大事故隐患逾期，升级至局领导',
      body: `${name}已逾期${daysOverdue}天（期限${h.deadline}），请督办整改。${raise}`,
      audiences:
        stage === 'office'
          ? [{ kind: 'sector_office', districtId: h.districtId, sector: h.sector }]
          : [{ kind: 'bureau', districtId: h.districtId }],
    });
  }
  return reminders;
}

// ---- Special-operation certificates ----

export type CertificateReminderFacts = {
  id: number;
  enterpriseId: number;
  holderName: string;
  category: string;
  certificateNo: string;
  validUntil: string;
};

/** A certificate expiring within the warning window (today included) is reminded once. */
export function certificateReminder(
  c: CertificateReminderFacts,
  today: string,
  rules: ReminderRules = DEFAULT_REMINDER_RULES,
): Reminder | null {
  const daysLeft = daysFromTo(today, c.validUntil);
  if (daysLeft < 0 || daysLeft > rules.certificateWarningDays) return null;
  return {
    kind: 'certificate_expiring',
    rule: 'certificate_expiring',
    // A renewed certificate (new expiry) is reminded of again.
    occasion: c.validUntil,
    subjectType: 'operation_certificate',
    subjectId: c.id,
    title: '特种作业操作证即将到期',
    body: `${c.holderName}的${c.category}证书（${c.certificateNo}）将于${c.validUntil}到期（剩余${daysLeft}天），请及时组织复审或换证。`,
    link: '/certificates',
    audiences: [{ kind: 'enterprise', enterpriseId: c.enterpriseId }],
  };
}

// ---- Drills and leader inspections ----

/**
 * Drills expected to have been held by `date` in its year: one per half-year of the
 * DRILLS_PER_YEAR (每年至少2次), i.e. one by the end of June; in December all of them, so the
 * enterprise is reminded while the year can still be made good.
 */
export function drillsExpectedBy(date: string): number {
  const month = Number(date.slice(5, 7));
  if (month === 12) return DRILLS_PER_YEAR;
  return Math.floor((DRILLS_PER_YEAR * (month - 1)) / 12);
}

/** A reminder at most once a month while the drills held fall short of those expected. */
export function drillsReminder(
  e: { id: number; name: string; drillsThisYear: number },
  today: string,
): Reminder | null {
  const expected = drillsExpectedBy(today);
  if (e.drillsThisYear >= expected) return null;
  return {
    kind: 'drills_missing',
    rule: 'drills_missing',
    occasion: today.slice(0, 7),
    subjectType: 'enterprise',
    subjectId: e.id,
    title: '应急救援演练次数不足',
    body: `${e.name}今年已开展应急救援演练${e.drillsThisYear}次，按每年至少${DRILLS_PER_YEAR}次的要求，到本月应至少开展${expected}次，请及时组织演练并上传记录。`,
    link: '/duties',
    audiences: [{ kind: 'enterprise', enterpriseId: e.id }],
  };
}

/** Missing monthly leader inspections: one reminder per newest missing month. */
export function leaderInspectionReminder(e: {
  id: number;
  name: string;
  missingMonths: readonly string[];
}): Reminder | null {
  if (e.missingMonths.length === 0) return null;
  const latest = [...e.missingMonths].sort().at(-1)!;
  return {
    kind: 'leader_inspection_missing',
    rule: 'leader_inspection_missing',
    occasion: latest,
    subjectType: 'enterprise',
    subjectId: e.id,
    title: '主要负责人月度检查未开展',
    body: `${e.name}主要负责人在${e.missingMonths.join('、')}没有签署的带队检查记录，请每月至少开展一次并录入。`,
    link: '/leader-inspections',
    audiences: [{ kind: 'enterprise', enterpriseId: e.id }],
  };
}

// ---- Weekly dispatch report ----

/**
 * The weekly report of the week ending `weekTo`, not yet submitted: reminded on its due day
 * (`due`) and once more when the due day has passed (`overdue`).
 */
export function reportDueReminder(
  r: {
    campaignId: number;
    districtId: number;
    districtName: string;
    sector: Sector;
    sectorName: string;
    weekFrom: string;
    weekTo: string;
    /** The China date of the weekly deadline. */
    dueDate: string;
    dueAt: string;
    submitted: boolean;
  },
  today: string,
): Reminder | null {
  if (r.submitted || today < r.dueDate) return null;
  const overdue = today > r.dueDate;
  return {
    kind: 'report_due',
    rule: overdue ? 'report_overdue' : 'report_due',
    occasion: `${r.sector}:${r.weekTo}`,
    subjectType: 'campaign',
    subjectId: r.campaignId,
    title: overdue ? '周调度表逾期未报送' : '周调度表今日到期',
    body: `${r.districtName}${r.sectorName}行业${r.weekFrom}至${r.weekTo}的周调度表${
      overdue ? '已超过报送时限，请尽快报送' : '今日到期，请在截止时间前确认并报送'
    }。`,
    link: '/reports/dispatch',
    audiences: [{ kind: 'sector_office', districtId: r.districtId, sector: r.sector }],
  };
}

// ---- Tips ----

/** An open tip past its handling deadline is reminded once per deadline. */
export function tipOverdueReminder(
  t: {
    id: number;
    number: string;
    subject: string;
    districtId: number;
    sector: Sector | null;
    dueDate: string;
    assignedUserId: number | null;
    assignedUnitId: number | null;
  },
  today: string,
): Reminder | null {
  if (t.dueDate >= today) return null;
  return {
    kind: 'tip_overdue',
    rule: 'tip_overdue',
    occasion: t.dueDate,
    subjectType: 'tip',
    subjectId: t.id,
    title: '举报超过办理期限',
    body: `举报${t.number}「${t.subject}」的办理期限${t.dueDate}已过，仍未办结，请尽快核查处理。`,
    link: `/tips/${t.id}`,
    audiences: [
      {
        kind: 'tip_handlers',
        districtId: t.districtId,
        sector: t.sector,
        assignedUserId: t.assignedUserId,
        assignedUnitId: t.assignedUnitId,
      },
    ],
  };
}

// ---- The notification centre's API ----

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** The next day a daily job runs at `hh:mm` China time, as a UTC instant after `now`. */
export function nextDailyRunAt(now: Date, time: string): Date {
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const chinaToday = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  let at = new Date(`${chinaToday}T00:00:00+08:00`).getTime() + (hh * 60 + mm) * 60_000;
  if (at <= now.getTime()) {
    at = new Date(`${addDays(chinaToday, 1)}T00:00:00+08:00`).getTime() + (hh * 60 + mm) * 60_000;
  }
  return new Date(at);
}
