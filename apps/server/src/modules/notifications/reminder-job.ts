import crypto from 'node:crypto';
import {
  addDays,
  certificateReminder,
  chinaDateOfInstant,
  drillsReminder,
  type HazardLevel,
  hazardReminders,
  leaderInspectionReminder,
  Permission,
  type Reminder,
  type ReminderAudience,
  reminderDedupeKey,
  reportDueReminder,
  reportWeekOf,
  type Role,
  roleHas,
  type Sector,
  SECTOR_LABELS,
  tipOverdueReminder,
  weeklyDueAt,
} from '@hazard-ledger/domain';
import type { RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso, todayInChina } from '../../lib/time.js';
import { ancestorPaths } from '../campaigns/audience.js';
import { dutyRecordFacts } from '../duty-records/duty-records.service.js';
import { missingInspectionMonths } from '../leader-duties/leader-inspections.service.js';
import { campaignsFor } from '../reports/dispatch.repository.js';
import { releaseLease, tryAcquireLease } from './job-lease.js';
import * as repo from './notifications.repository.js';
import type { SmsChannel } from './sms-channel.js';

// The daily reminder job (issue 10 item 4). It reads the records, asks the domain rules which
// reminders are due today and for whom, and inserts one notification per recipient with a
// dedupe key: running it twice, or on two app instances at once, notifies each person once.
// A lease row keeps a second instance from doing the work in parallel at all.

export const REMINDER_JOB_NAME = 'daily-reminders';
/** Longer than any run takes; a crashed run's lease frees itself after this. */
const LEASE_MINUTES = 30;

export type ReminderJobResult =
  | { ran: false; reason: 'lease_held' }
  | {
      ran: true;
      today: string;
      reminders: number;
      created: number;
      byKind: Record<string, number>;
    };

const jobContext: RequestContext = {
  actor: null,
  ip: null,
  requestId: `job:${REMINDER_JOB_NAME}`,
  locale: 'zh',
};

type Recipient = { id: number; displayName: string; phone: string | null };
type StaffUser = Awaited<ReturnType<typeof repo.staffUnder>>[number];

function sectorsOf(user: StaffUser): Sector[] | null {
  return user.sectors ? (JSON.parse(user.sectors) as Sector[]) : null;
}

/** Resolves the audiences of the domain rules to users, with a cache per run. */
class RecipientResolver {
  private readonly staff = new Map<number, Promise<StaffUser[]>>();
  private readonly enterprise = new Map<number, Promise<Recipient[]>>();

  constructor(private readonly deps: ServiceDeps) {}

  private staffOf(districtId: number): Promise<StaffUser[]> {
    let found = this.staff.get(districtId);
    if (!found) {
      found = repo.staffUnder(this.deps.db.kysely, districtId);
      this.staff.set(districtId, found);
    }
    return found;
  }

  private async resolveOne(a: ReminderAudience): Promise<Recipient[]> {
    const toRecipient = (u: StaffUser): Recipient => ({
      id: Number(u.id),
      displayName: u.display_name,
      phone: u.phone,
    });
    switch (a.kind) {
      case 'enterprise': {
        let found = this.enterprise.get(a.enterpriseId);
        if (!found) {
          found = repo
            .enterpriseUsers(this.deps.db.kysely, a.enterpriseId, ['ent_leader', 'ent_safety'])
            .then((rows) =>
              rows.map((u) => ({ id: Number(u.id), displayName: u.display_name, phone: u.phone })),
            );
          this.enterprise.set(a.enterpriseId, found);
        }
        return found;
      }
      case 'sector_office':
        return (await this.staffOf(a.districtId))
          .filter((u) => u.role === 'office')
          .filter((u) => sectorsOf(u)?.includes(a.sector) ?? true)
          .map(toRecipient);
      case 'bureau':
        return (await this.staffOf(a.districtId))
          .filter((u) => u.role === 'bureau_admin')
          .map(toRecipient);
      case 'tip_handlers': {
        const handlers = (await this.staffOf(a.districtId)).filter(
          (u) =>
            roleHas(u.role as Role, Permission.TipManage) &&
            (a.sector === null || (sectorsOf(u)?.includes(a.sector) ?? true)),
        );
        // The person the tip is assigned to answers for it; else the unit; else all handlers.
        const assignee = handlers.filter((u) => Number(u.id) === a.assignedUserId);
        if (assignee.length) return assignee.map(toRecipient);
        const unit = handlers.filter((u) => Number(u.org_unit_id) === a.assignedUnitId);
        return (unit.length ? unit : handlers).map(toRecipient);
      }
    }
  }

  async resolve(audiences: readonly ReminderAudience[]): Promise<Recipient[]> {
    const byId = new Map<number, Recipient>();
    for (const a of audiences) for (const r of await this.resolveOne(a)) byId.set(r.id, r);
    return [...byId.values()];
  }
}

/** Every reminder the records call for today (before recipients are resolved). */
export async function collectReminders(deps: ServiceDeps, today: string): Promise<Reminder[]> {
  const db = deps.db.kysely;
  const rules = deps.config.reminders.rules;
  const reminders: Reminder[] = [];

  for (const h of await repo.openHazardsWithDeadline(db)) {
    reminders.push(
      ...hazardReminders(
        {
          id: Number(h.id),
          number: h.number,
          title: h.title,
          level: h.level as HazardLevel,
          sector: h.sector as Sector,
          districtId: Number(h.district_id),
          enterpriseId: Number(h.enterprise_id),
          enterpriseName: h.enterprise_name,
          deadline: h.deadline!,
          supervisionLevel: h.supervision_level,
        },
        today,
        rules,
      ),
    );
  }

  const certificates = await repo.certificatesExpiring(
    db,
    today,
    addDays(today, rules.certificateWarningDays),
  );
  for (const c of certificates) {
    const r = certificateReminder(
      {
        id: Number(c.id),
        enterpriseId: Number(c.enterprise_id),
        holderName: c.holder_name,
        category: c.category,
        certificateNo: c.certificate_no,
        validUntil: c.valid_until,
      },
      today,
      rules,
    );
    if (r) reminders.push(r);
  }

  // The duty rules of the scorecard (drills per year, monthly leader inspection) decide.
  for (const e of await repo.operatingEnterprises(db)) {
    const id = Number(e.id);
    const [records, missingMonths] = await Promise.all([
      dutyRecordFacts(db, id, today),
      missingInspectionMonths(db, id, today),
    ]);
    const drills = drillsReminder(
      { id, name: e.name, drillsThisYear: records.drills.drillsThisYear },
      today,
    );
    if (drills) reminders.push(drills);
    const leader = leaderInspectionReminder({ id, name: e.name, missingMonths });
    if (leader) reminders.push(leader);
  }

  reminders.push(...(await reportReminders(deps, today)));

  for (const t of await repo.overdueTips(db, today)) {
    const r = tipOverdueReminder(
      {
        id: Number(t.id),
        number: t.number,
        subject: t.subject,
        districtId: Number(t.district_id),
        sector: t.sector as Sector | null,
        dueDate: t.due_date!,
        assignedUserId: t.assigned_user_id === null ? null : Number(t.assigned_user_id),
        assignedUnitId: t.assigned_unit_id === null ? null : Number(t.assigned_unit_id),
      },
      today,
    );
    if (r) reminders.push(r);
  }
  return reminders;
}

/**
 * The last finished week's dispatch report of each district and sector, under the most local
 * campaign covering it (the same choice the reports module makes), when not yet submitted.
 */
async function reportReminders(deps: ServiceDeps, today: string): Promise<Reminder[]> {
  const db = deps.db.kysely;
  const week = reportWeekOf(addDays(today, -7));
  const out: Reminder[] = [];
  for (const d of await repo.districts(db)) {
    const campaigns = (await campaignsFor(db, ancestorPaths(d.path), null))
      .filter((c) => c.start_date <= week.to && c.end_date >= week.from)
      .sort(
        (a, b) => b.org_path.length - a.org_path.length || b.start_date.localeCompare(a.start_date),
      );
    const done = new Set<string>();
    for (const c of campaigns) {
      for (const sector of JSON.parse(c.sectors) as Sector[]) {
        if (done.has(sector)) continue;
        done.add(sector);
        const dueAt = weeklyDueAt(week.to, { weekday: c.weekly_weekday, hour: c.weekly_hour });
        const campaignId = Number(c.id);
        const submitted = await repo.weeklyReportSubmitted(db, {
          campaignId,
          districtId: Number(d.id),
          sector,
          weekTo: week.to,
        });
        const r = reportDueReminder(
          {
            campaignId,
            districtId: Number(d.id),
            districtName: d.name,
            sector,
            sectorName: SECTOR_LABELS[sector].zh,
            weekFrom: week.from < c.start_date ? c.start_date : week.from,
            weekTo: week.to,
            dueDate: chinaDateOfInstant(dueAt),
            dueAt,
            submitted,
          },
          today,
        );
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/**
 * Runs the daily reminders once: takes the lease (or returns when another instance holds it),
 * inserts the notifications with their dedupe keys and the audit row in one transaction, then
 * hands the new ones to the SMS channel.
 */
export async function runReminderJob(
  deps: ServiceDeps,
  sms: SmsChannel,
  options: { today?: string; holder?: string } = {},
): Promise<ReminderJobResult> {
  const db = deps.db.kysely;
  const holder = options.holder ?? `${process.pid}:${crypto.randomUUID()}`;
  if (!(await tryAcquireLease(db, REMINDER_JOB_NAME, holder, LEASE_MINUTES))) {
    return { ran: false, reason: 'lease_held' };
  }
  try {
    const today = options.today ?? todayInChina();
    const reminders = await collectReminders(deps, today);
    const resolver = new RecipientResolver(deps);
    const addressed: { reminder: Reminder; to: Recipient }[] = [];
    for (const reminder of reminders) {
      for (const to of await resolver.resolve(reminder.audiences)) addressed.push({ reminder, to });
    }
    const at = nowIso();
    const created = await inTransaction(deps, async (trx) => {
      const fresh: typeof addressed = [];
      for (const a of addressed) {
        const id = await repo.insertNotificationOnce(trx, {
          user_id: a.to.id,
          kind: a.reminder.kind,
          title: a.reminder.title,
          body: a.reminder.body,
          link: a.reminder.link,
          subject_type: a.reminder.subjectType,
          subject_id: a.reminder.subjectId,
          dedupe_key: reminderDedupeKey(a.reminder, a.to.id),
          created_at: at,
        });
        if (id !== null) fresh.push(a);
      }
      if (fresh.length > 0) {
        await deps.audit.append(trx, jobContext, {
          action: 'notification.reminders_created',
          entityType: 'job',
          entityId: REMINDER_JOB_NAME,
          changes: { date: today, created: fresh.length },
        });
      }
      return fresh;
    });
    for (const a of created) {
      await sms.send({
        userId: a.to.id,
        displayName: a.to.displayName,
        phone: a.to.phone,
        text: `${a.reminder.title}：${a.reminder.body}`,
      });
    }
    const byKind: Record<string, number> = {};
    for (const a of created) byKind[a.reminder.kind] = (byKind[a.reminder.kind] ?? 0) + 1;
    return { ran: true, today, reminders: reminders.length, created: created.length, byKind };
  } finally {
    await releaseLease(db, REMINDER_JOB_NAME, holder);
  }
}
