import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/database.js';
import { nowIso } from '../src/lib/time.js';
import { AuditWriter } from '../src/modules/audit/audit.writer.js';
import { insertNotificationOnce } from '../src/modules/notifications/notifications.repository.js';
import { runReminderJob } from '../src/modules/notifications/reminder-job.js';
import {
  LogOnlySmsChannel,
  type SmsChannel,
  type SmsMessage,
} from '../src/modules/notifications/sms-channel.js';
import type { ServiceDeps } from '../src/lib/service-deps.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';
import { testDialect } from './test-db.js';

// The notification centre and the daily reminder job (issue 10 item 4), on a real database.

/** Captures what the log-only SMS channel would send. */
class CapturingSms implements SmsChannel {
  readonly name = 'capture';
  readonly sent: SmsMessage[] = [];
  async send(message: SmsMessage): Promise<void> {
    this.sent.push(message);
  }
}

describe('notifications and reminders', () => {
  let t: TestContext;
  let deps: ServiceDeps;
  const u = {} as Record<
    'leader' | 'safety' | 'officeW' | 'officeJ' | 'bureau' | 'inspector' | 'officeWB' | 'leaderB',
    number
  >;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestContext();
    deps = { db: t.db, audit: new AuditWriter(t.db.dialect, t.config.auditHash), config: t.config };
    u.leader = await t.createUser({
      username: 'qy_fzr',
      role: 'ent_leader',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    u.safety = await t.createUser({
      username: 'qy_aq',
      role: 'ent_safety',
      orgUnitId: t.org.districtA,
      enterpriseId: t.enterprises.hazchemA,
    });
    u.leaderB = await t.createUser({
      username: 'qyb_fzr',
      role: 'ent_leader',
      orgUnitId: t.org.districtB,
      enterpriseId: t.enterprises.hazchemB,
    });
    u.officeW = await t.createUser({
      username: 'weihua',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    u.officeJ = await t.createUser({
      username: 'jichu',
      role: 'office',
      orgUnitId: t.org.officeJichuA,
      sectors: ['mining', 'industry'],
    });
    u.bureau = await t.createUser({
      username: 'juzhang',
      role: 'bureau_admin',
      orgUnitId: t.org.districtA,
    });
    u.inspector = await t.createUser({
      username: 'zhifa',
      role: 'inspector',
      orgUnitId: t.org.brigadeA,
      sectors: ['hazchem', 'fireworks', 'mining', 'industry'],
    });
    u.officeWB = await t.createUser({
      username: 'weihua_b',
      role: 'office',
      orgUnitId: t.org.officeWeihuaB,
      sectors: ['hazchem', 'fireworks'],
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const run = (today: string, sms: SmsChannel = new CapturingSms(), d: ServiceDeps = deps) =>
    runReminderJob(d, sms, { today });

  /** Who holds a notification of a rule about a subject (sorted user ids, one per row). */
  async function recipients(subjectType: string, subjectId: number, kind?: string) {
    let q = t.db.kysely
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'dedupe_key'])
      .where('subject_type', '=', subjectType)
      .where('subject_id', '=', subjectId);
    if (kind) q = q.where('kind', '=', kind);
    return (await q.execute()).map((r) => Number(r.user_id)).sort((a, b) => a - b);
  }
  const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

  async function hazard(spec: {
    level: 'general' | 'major';
    deadline: string;
    enterpriseId?: number;
    status?: string;
    supervised?: boolean;
  }): Promise<number> {
    const enterpriseId = spec.enterpriseId ?? t.enterprises.hazchemA;
    const ent = await t.db.kysely
      .selectFrom('enterprises')
      .select(['org_unit_id', 'sector'])
      .where('id', '=', enterpriseId)
      .executeTakeFirstOrThrow();
    const at = nowIso();
    const row = await t.db.kysely
      .insertInto('hazards')
      .values({
        number: `NT-${++seq}`,
        district_id: ent.org_unit_id,
        enterprise_id: enterpriseId,
        sector: ent.sector,
        catalog_id: null,
        catalog_version: null,
        catalog_item_code: null,
        no_catalog_reason: '测试',
        level: spec.level,
        title: `提醒测试隐患${seq}`,
        description: '储罐区可燃气体报警器失效',
        place: null,
        cause_analysis: null,
        category: null,
        origin: 'self',
        found_at: '2023-07-01T02:00:00.000Z',
        found_by: '测试',
        treatment: 'deadline',
        status: spec.status ?? 'rectifying',
        plan_responsible: '张三',
        plan_measures: '更换报警器',
        plan_funds_fen: null,
        plan_funds_source: null,
        deadline: spec.deadline,
        plan_emergency: null,
        plan_approved_at: null,
        reported_to_bureau_at: null,
        fix_description: null,
        fixed_by_user_id: null,
        fixed_at: null,
        leader_accepted_at: null,
        verified_at: null,
        verified_by_user_id: null,
        supervision_level: spec.supervised ? 'district' : null,
        supervised_at: spec.supervised ? at : null,
        extension_deadline: null,
        extension_reason: null,
        created_by_user_id: u.safety,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  it('reminds of a hazard deadline 7 and 1 days ahead and when overdue, once each', async () => {
    const id = await hazard({ level: 'general', deadline: '2023-09-20' });
    await run('2023-09-12');
    expect(await recipients('hazard', id)).toEqual([]);

    await run('2023-09-13');
    const expected = sorted(u.leader, u.safety, u.officeW);
    expect(await recipients('hazard', id, 'hazard_deadline')).toEqual(expected);
    // Again the same day, and the next days inside the same threshold: nothing new.
    await run('2023-09-13');
    await run('2023-09-14');
    expect(await recipients('hazard', id, 'hazard_deadline')).toEqual(expected);

    await run('2023-09-19');
    expect((await recipients('hazard', id, 'hazard_deadline')).length).toBe(6);
    await run('2023-09-20');
    expect((await recipients('hazard', id, 'hazard_deadline')).length).toBe(6);

    await run('2023-09-21');
    await run('2023-09-22');
    expect(await recipients('hazard', id, 'hazard_overdue')).toEqual(expected);
    // A general hazard never escalates.
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual([]);
  });

  it('does not remind of verified hazards or other districts', async () => {
    const closed = await hazard({ level: 'major', deadline: '2023-09-14', status: 'verified' });
    const other = await hazard({
      level: 'general',
      deadline: '2023-09-14',
      enterpriseId: t.enterprises.hazchemB,
    });
    await run('2023-09-13');
    expect(await recipients('hazard', closed)).toEqual([]);
    expect(await recipients('hazard', other)).toEqual(sorted(u.leaderB, u.officeWB));
  });

  it('escalates an overdue major hazard to the office after 1 day and the bureau after 7', async () => {
    const id = await hazard({ level: 'major', deadline: '2023-10-10', supervised: true });
    await run('2023-10-10');
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual([]);

    await run('2023-10-11');
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual([u.officeW]);
    await run('2023-10-16');
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual([u.officeW]);

    await run('2023-10-17');
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual(
      sorted(u.officeW, u.bureau),
    );
    await run('2023-10-18');
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual(
      sorted(u.officeW, u.bureau),
    );
    const toBureau = await t.db.kysely
      .selectFrom('notifications')
      .select(['title', 'body', 'link'])
      .where('subject_id', '=', id)
      .where('user_id', '=', u.bureau)
      .executeTakeFirstOrThrow();
    expect(toBureau.link).toBe(`/hazards/${id}`);
    expect(toBureau.body).toContain('提升督办级别');
  });

  it('takes the escalation thresholds from the configuration', async () => {
    const id = await hazard({ level: 'major', deadline: '2023-11-01' });
    const config = {
      ...t.config,
      reminders: {
        ...t.config.reminders,
        rules: {
          ...t.config.reminders.rules,
          escalateToOfficeAfterDays: 2,
          escalateToBureauAfterDays: 3,
        },
      },
    };
    await run('2023-11-02', undefined, { ...deps, config });
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual([]);
    await run('2023-11-04', undefined, { ...deps, config });
    expect(await recipients('hazard', id, 'hazard_escalation')).toEqual(
      sorted(u.officeW, u.bureau),
    );
  });

  it('reminds of certificates expiring within 30 days, to the enterprise only', async () => {
    const at = nowIso();
    const cert = async (validUntil: string, withdrawn = false) => {
      const row = await t.db.kysely
        .insertInto('operation_certificates')
        .values({
          enterprise_id: t.enterprises.hazchemA,
          holder_name: '王焊工',
          category: '焊接与热切割作业',
          operation_item: null,
          certificate_no: `T${++seq}`,
          issued_on: null,
          valid_until: validUntil,
          holder_type: 'employee',
          employer: null,
          engaged_by: '本企业',
          withdrawn_at: withdrawn ? at : null,
          withdrawn_reason: withdrawn ? '离职' : null,
          withdrawn_by_user_id: null,
          created_by_user_id: u.safety,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    };
    const in30 = await cert('2023-09-14');
    const in31 = await cert('2023-09-15');
    const expired = await cert('2023-08-14');
    const withdrawn = await cert('2023-08-20', true);
    const sms = new CapturingSms();
    await run('2023-08-15', sms);
    await run('2023-08-15');
    expect(await recipients('operation_certificate', in30)).toEqual(sorted(u.leader, u.safety));
    expect(await recipients('operation_certificate', in31)).toEqual([]);
    expect(await recipients('operation_certificate', expired)).toEqual([]);
    expect(await recipients('operation_certificate', withdrawn)).toEqual([]);
    expect(sms.sent.some((m) => m.userId === u.leader && m.text.includes('T'))).toBe(true);
    // The day it enters the window the later one is reminded too, once.
    await run('2023-08-16');
    expect(await recipients('operation_certificate', in31)).toEqual(sorted(u.leader, u.safety));
  });

  describe('with a campaign', () => {
    beforeAll(async () => {
      const at = nowIso();
      await t.db.kysely
        .insertInto('campaigns')
        .values({
          org_unit_id: t.org.city,
          name: '提醒测试专项行动',
          year: 2024,
          sectors: JSON.stringify(['hazchem', 'fireworks']),
          phases: JSON.stringify([
            { key: 'all', name: '全程', start: '2024-07-01', end: '2024-12-31' },
          ]),
          weekly_weekday: 1,
          weekly_hour: 12,
          milestones: JSON.stringify([]),
          start_date: '2024-07-01',
          end_date: '2024-12-31',
          created_at: at,
          created_by: null,
          created_by_name: null,
          updated_at: at,
          voided_at: null,
          void_reason: null,
          version: 1,
        })
        .execute();
    });

    it('reminds the sector office of an unsubmitted weekly report on its due day and after', async () => {
      const campaign = await t.db.kysely
        .selectFrom('campaigns')
        .select('id')
        .where('name', '=', '提醒测试专项行动')
        .executeTakeFirstOrThrow();
      const at = nowIso();
      // District B has submitted the week 2024-08-05 … 08-11; district A has not.
      await t.db.kysely
        .insertInto('dispatch_reports')
        .values({
          district_id: t.org.districtB,
          campaign_id: campaign.id,
          sector: 'hazchem',
          kind: 'weekly',
          period_from: '2024-08-05',
          period_to: '2024-08-11',
          milestone_key: null,
          due_at: '2024-08-12T04:00:00.000Z',
          status: 'submitted',
          confirmed_by: null,
          confirmed_by_name: null,
          confirmed_at: null,
          confirmed_figures: null,
          current_version_id: null,
          first_submitted_at: at,
          on_time: 1,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .execute();
      const reportNotes = async (userId: number) =>
        t.db.kysely
          .selectFrom('notifications')
          .select(['title', 'dedupe_key'])
          .where('kind', '=', 'report_due')
          .where('user_id', '=', userId)
          .where('dedupe_key', 'like', '%2024-08-11')
          .execute();

      await run('2024-08-11'); // Sunday: the week is not over.
      expect(await reportNotes(u.officeW)).toHaveLength(0);
      await run('2024-08-12'); // Monday, due at 12:00
      await run('2024-08-12');
      const due = await reportNotes(u.officeW);
      // hazchem and fireworks are both the 危化室's reports.
      expect(due).toHaveLength(2);
      expect(due.every((n) => n.title === '周调度表今日到期')).toBe(true);
      await run('2024-08-13');
      await run('2024-08-14');
      expect(await reportNotes(u.officeW)).toHaveLength(4);
      expect(await reportNotes(u.officeJ)).toHaveLength(0);
      // District B submitted hazchem, not fireworks.
      const b = await reportNotes(u.officeWB);
      expect(b.map((n) => n.dedupe_key).every((k) => k.includes('fireworks'))).toBe(true);
      expect(b).toHaveLength(2);
    });

    it('reminds the enterprise of missing monthly leader inspections and drills', async () => {
      await run('2024-08-12');
      const notes = await t.db.kysely
        .selectFrom('notifications')
        .select(['kind', 'user_id', 'dedupe_key'])
        .where('subject_type', '=', 'enterprise')
        .where('subject_id', '=', t.enterprises.hazchemA)
        .where('dedupe_key', 'like', '%2024-0%')
        .execute();
      const leaderNotes = notes.filter((n) => n.kind === 'leader_inspection_missing');
      expect(leaderNotes.map((n) => Number(n.user_id)).sort()).toEqual(sorted(u.leader, u.safety));
      expect(leaderNotes[0]!.dedupe_key.endsWith(':2024-07')).toBe(true);
      // One drill is expected by August (two a year); none is recorded.
      const drills = notes.filter((n) => n.kind === 'drills_missing');
      expect(drills).toHaveLength(2);
      await run('2024-08-20');
      const again = await t.db.kysely
        .selectFrom('notifications')
        .select('id')
        .where('subject_type', '=', 'enterprise')
        .where('subject_id', '=', t.enterprises.hazchemA)
        .where('dedupe_key', 'like', '%2024-0%')
        .execute();
      expect(again).toHaveLength(notes.length);
    });
  });

  it('reminds the tip handlers of tips past their deadline', async () => {
    const at = nowIso();
    const tip = async (spec: {
      sector: string;
      status: string;
      dueDate: string;
      assignedUserId?: number;
    }) => {
      const row = await t.db.kysely
        .insertInto('tips')
        .values({
          number: `JB-NT-${++seq}`,
          receipt_hash: null,
          channel: 'phone',
          district_id: t.org.districtA,
          enterprise_id: null,
          enterprise_text: '某企业',
          sector: spec.sector,
          place: null,
          subject: '违规动火',
          description: '夜间违规动火作业',
          catalog_item_code: null,
          anonymous: 1,
          identity_sealed: null,
          informant_id: null,
          status: spec.status,
          reject_reason: null,
          duplicate_of_tip_id: null,
          assigned_unit_id: null,
          assigned_user_id: spec.assignedUserId ?? null,
          due_date: spec.dueDate,
          verification_result: null,
          verification_summary: null,
          hazard_id: null,
          inspection_record_id: null,
          penalty_case_id: null,
          received_at: at,
          created_by: null,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    };
    const assigned = await tip({
      sector: 'hazchem',
      status: 'verifying',
      dueDate: '2023-08-10',
      assignedUserId: u.inspector,
    });
    const unassigned = await tip({ sector: 'mining', status: 'accepted', dueDate: '2023-08-10' });
    const closed = await tip({ sector: 'hazchem', status: 'closed', dueDate: '2023-08-01' });
    const notYet = await tip({ sector: 'hazchem', status: 'accepted', dueDate: '2023-08-11' });
    await run('2023-08-11');
    await run('2023-08-11');
    expect(await recipients('tip', assigned)).toEqual([u.inspector]);
    // Unassigned: the district's tip staff whose sectors cover mining.
    expect(await recipients('tip', unassigned)).toEqual(sorted(u.officeJ, u.bureau, u.inspector));
    expect(await recipients('tip', closed)).toEqual([]);
    expect(await recipients('tip', notYet)).toEqual([]);
  });

  it('notifies once when two job runs start at the same time on two connections', async () => {
    const id = await hazard({ level: 'major', deadline: '2025-03-01' });
    const second: Db = openDatabase(t.db.target);
    try {
      const deps2: ServiceDeps = { ...deps, db: second };
      const results = await Promise.all([
        run('2025-03-09', undefined, deps),
        run('2025-03-09', undefined, deps2),
      ]);
      const created = results.reduce((n, r) => n + (r.ran ? r.created : 0), 0);
      const rows = await t.db.kysely
        .selectFrom('notifications')
        .select(['dedupe_key'])
        .where('created_at', '>=', '2000-01-01')
        .where('subject_type', '=', 'hazard')
        .where('subject_id', '=', id)
        .execute();
      // overdue ×3 (enterprise ×2, office) + escalation to office + escalation to bureau
      expect(rows).toHaveLength(5);
      expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(5);
      expect(created).toBeGreaterThanOrEqual(5);
      // The lease lets one run work while the other stands aside (or finds nothing new).
      expect(results.some((r) => r.ran)).toBe(true);
      const again = await Promise.all([
        run('2025-03-09', undefined, deps),
        run('2025-03-09', undefined, deps2),
      ]);
      expect(again.reduce((n, r) => n + (r.ran ? r.created : 0), 0)).toBe(0);
      // Below the lease, the unique dedupe key alone keeps two racing inserts to one row. (On
      // SQLite two connections of one process cannot hold write transactions at once: the
      // synchronous driver would wait on itself, so this part runs on PostgreSQL.)
      if (testDialect() !== 'postgres') return;
      const row = {
        user_id: u.leader,
        kind: 'hazard_overdue',
        title: '竞争',
        body: '竞争',
        link: null,
        subject_type: 'race',
        subject_id: 1,
        dedupe_key: 'race:1',
        created_at: nowIso(),
      };
      const ids = await Promise.all([
        t.db.kysely.transaction().execute((trx) => insertNotificationOnce(trx, row)),
        second.kysely.transaction().execute((trx) => insertNotificationOnce(trx, row)),
      ]);
      expect(ids.filter((i) => i !== null)).toHaveLength(1);
    } finally {
      await second.kysely.destroy();
    }
  }, 30_000);

  it(`a lease held by another instance makes the job stand aside (${testDialect()})`, async () => {
    await t.db.kysely
      .insertInto('job_leases')
      .values({ name: 'daily-reminders', holder: 'other', expires_at: '2999-01-01T00:00:00.000Z' })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ holder: 'other', expires_at: '2999-01-01T00:00:00.000Z' }),
      )
      .execute();
    expect(await run('2025-03-10')).toEqual({ ran: false, reason: 'lease_held' });
    await t.db.kysely
      .updateTable('job_leases')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('name', '=', 'daily-reminders')
      .execute();
    expect((await run('2025-03-10')).ran).toBe(true);
  });

  it('the log-only SMS channel logs and sends nothing', async () => {
    const lines: string[] = [];
    const channel = new LogOnlySmsChannel({ info: (m) => lines.push(m) });
    await channel.send({ userId: 7, displayName: '张三', phone: '13800138000', text: '测试' });
    expect(lines).toEqual(['would send SMS to 张三 (user 7, 138****8000): 测试']);
  });

  describe('the notification centre', () => {
    let leader: TestClient;
    let safety: TestClient;

    beforeAll(async () => {
      leader = await t.login('qy_fzr');
      safety = await t.login('qy_aq');
    });

    it('lists only the caller’s notifications, with the unread filter and count', async () => {
      const res = await leader.get('/api/v1/notifications?pageSize=5');
      expect(res.statusCode).toBe(200);
      const body = res.json<{
        items: { id: number; readAt: string | null }[];
        total: number;
        unread: number;
      }>();
      const own = await t.db.kysely
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', u.leader)
        .execute();
      expect(body.total).toBe(own.length);
      expect(body.items).toHaveLength(5);
      const ownIds = new Set(own.map((r) => Number(r.id)));
      expect(body.items.every((i) => ownIds.has(i.id))).toBe(true);
      const count = await leader.get('/api/v1/notifications/unread-count');
      expect(count.json()).toEqual({ count: own.length });
    });

    it('marks one and all read; a foreign notification reads as 404', async () => {
      const mine = await leader.get('/api/v1/notifications?pageSize=1');
      const first = mine.json<{ items: { id: number }[] }>().items[0]!;
      // The safety manager cannot read or mark the leader's notification.
      expect((await safety.post(`/api/v1/notifications/${first.id}/read`)).statusCode).toBe(404);
      const before = (await leader.get('/api/v1/notifications/unread-count')).json<{
        count: number;
      }>().count;
      const marked = await leader.post(`/api/v1/notifications/${first.id}/read`);
      expect(marked.statusCode).toBe(200);
      expect(marked.json<{ readAt: string | null }>().readAt).not.toBeNull();
      const after = (await leader.get('/api/v1/notifications/unread-count')).json<{
        count: number;
      }>().count;
      expect(after).toBe(before - 1);
      const unread = await leader.get('/api/v1/notifications?unread=true&pageSize=100');
      expect(unread.json<{ items: { id: number }[] }>().items.map((i) => i.id)).not.toContain(
        first.id,
      );
      const all = await leader.post('/api/v1/notifications/read-all');
      expect(all.json()).toEqual({ updated: before - 1 });
      expect((await leader.get('/api/v1/notifications/unread-count')).json()).toEqual({ count: 0 });
      // The safety manager's are untouched.
      const theirs = (await safety.get('/api/v1/notifications/unread-count')).json<{
        count: number;
      }>();
      expect(theirs.count).toBeGreaterThan(0);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['notification.read', 'notification.read_all'])
        .execute();
      expect(audit.length).toBe(2);
    });

    it('refuses anonymous callers', async () => {
      expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
    });
  });
});
