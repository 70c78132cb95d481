import { addDays, HOT_WORK_DEFAULT_MEASURES } from '@hazard-ledger/domain';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { RequestContext } from '../lib/request-context.js';
import { nowIso, todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import * as repo from '../modules/hazardous-work/hazardous-work.repository.js';

// Demo records of duty 3 (动火等危险作业). 恒泰化工 has held its warning education and checked
// its welding equipment, has a closed and a pending hot-work permit and three certificates
// (valid, expiring, expired) but no staff check yet: the duty is partly done. 金鼎矿业 has only
// two certificates, one expired: the duty is missing. Dates follow today, so the expiry flags
// always show.

const SEED_CTX: RequestContext = { actor: null, ip: null, requestId: 'seed:demo', locale: 'zh' };

type Person = { id: number; name: string; role: string };

/** A China wall-clock time on `date` as a UTC instant. */
const chinaTime = (date: string, hhmm: string) =>
  new Date(`${date}T${hhmm}:00+08:00`).toISOString();

async function findPerson(trx: Transaction<Database>, username: string): Promise<Person | null> {
  const row = await trx
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.display_name, role: row.role } : null;
}

async function findEnterpriseId(trx: Transaction<Database>, name: string) {
  const row = await trx
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id ?? null;
}

type PermitStep = { action: string; to: string; by: Person; at: string; note?: string };

async function seedPermit(
  trx: Transaction<Database>,
  audit: AuditWriter,
  enterpriseId: number,
  permit: {
    workDescription: string;
    place: string;
    level: string;
    startAt: string;
    endAt: string;
    guardian: string;
    operators: string;
    measures: { text: string; checked: boolean }[];
    gasTestResult: string | null;
    requestedBy: Person;
    requestedAt: string;
    steps: PermitStep[];
  },
): Promise<void> {
  const approve = permit.steps.find((s) => s.action === 'approve');
  const when = (action: string) => permit.steps.find((s) => s.action === action)?.at ?? null;
  const last = permit.steps.at(-1);
  const id = await repo.insertPermit(trx, {
    enterprise_id: enterpriseId,
    work_description: permit.workDescription,
    place: permit.place,
    level: permit.level,
    start_at: permit.startAt,
    end_at: permit.endAt,
    operators: permit.operators,
    guardian: permit.guardian,
    measures: JSON.stringify(permit.measures),
    gas_test_result: permit.gasTestResult,
    status: last?.to ?? 'requested',
    requested_by_user_id: permit.requestedBy.id,
    requested_by_name: permit.requestedBy.name,
    requested_at: permit.requestedAt,
    approved_by_user_id: approve?.by.id ?? null,
    approved_by_name: approve?.by.name ?? null,
    approved_at: approve?.at ?? null,
    started_at: when('start'),
    closed_at: when('close'),
    updated_at: last?.at ?? permit.requestedAt,
    version: 1 + permit.steps.length,
  });
  const event = (step: PermitStep, from: string | null) =>
    repo.insertPermitEvent(trx, {
      permit_id: id,
      action: step.action,
      from_status: from,
      to_status: step.to,
      actor_id: step.by.id,
      actor_name: step.by.name,
      actor_role: step.by.role,
      at: step.at,
      note: step.note ?? null,
      details: null,
      idempotency_key: null,
    });
  let status = 'requested';
  await event(
    { action: 'requested', to: status, by: permit.requestedBy, at: permit.requestedAt },
    null,
  );
  for (const step of permit.steps) {
    await event(step, status);
    status = step.to;
  }
  await audit.append(trx, SEED_CTX, {
    action: 'hot_work_permit.requested',
    entityType: 'hot_work_permit',
    entityId: id,
    changes: { workDescription: [null, permit.workDescription], status: [null, status] },
  });
}

/** Demo records of this part of issue 6 (runs after the registry and users are seeded). */
export async function seedHazardousWorkDemo(db: Db, audit: AuditWriter): Promise<void> {
  const today = todayInChina();
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  const at = nowIso();
  // Records of the campaign year: early in January they fall on New Year's Day, not last year.
  const thisYear = (date: string) =>
    date.slice(0, 4) === today.slice(0, 4) ? date : `${today.slice(0, 4)}-01-01`;
  await db.kysely.transaction().execute(async (trx) => {
    const hengtai = await findEnterpriseId(trx, '东胜区恒泰化工有限公司');
    const jinding = await findEnterpriseId(trx, '东胜区金鼎矿业有限责任公司');
    const liuAn = await findPerson(trx, 'qiye1_aq');
    const zhangHeng = await findPerson(trx, 'qiye1_fzr');
    const zhouQuan = await findPerson(trx, 'qiye2_aq');
    if (!hengtai || !jinding || !liuAn || !zhangHeng || !zhouQuan) return;
    const already = await trx
      .selectFrom('hot_work_permits')
      .select('id')
      .where('enterprise_id', '=', hengtai)
      .executeTakeFirst();
    if (already) return;

    // 恒泰化工: a permit closed yesterday, and one requested for tomorrow whose gas test and
    // fire equipment are not confirmed yet (approval waits for them).
    await seedPermit(trx, audit, hengtai, {
      workDescription: '更换液氨罐区2号罐DN100出口管线法兰（电焊）',
      place: '液氨罐区2号罐东侧管廊',
      level: 'level1',
      startAt: chinaTime(yesterday, '08:30'),
      endAt: chinaTime(yesterday, '16:30'),
      guardian: '赵监护',
      operators: '李焊（T152701198001011234）',
      measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
      gasTestResult: '可燃气体 0%LEL，氧含量 20.9%，合格（08:10 检测）',
      requestedBy: liuAn,
      requestedAt: chinaTime(addDays(today, -2), '15:00'),
      steps: [
        {
          action: 'approve',
          to: 'approved',
          by: zhangHeng,
          at: chinaTime(yesterday, '08:00'),
          note: '同意，监护人全程在场',
        },
        { action: 'start', to: 'in_progress', by: liuAn, at: chinaTime(yesterday, '08:35') },
        {
          action: 'close',
          to: 'closed',
          by: liuAn,
          at: chinaTime(yesterday, '11:50'),
          note: '作业完毕，现场已清理，无遗留火种',
        },
      ],
    });
    await seedPermit(trx, audit, hengtai, {
      workDescription: '维修循环水泵房泵体支架（气割）',
      place: '循环水泵房',
      level: 'level2',
      startAt: chinaTime(tomorrow, '09:00'),
      endAt: chinaTime(tomorrow, '17:00'),
      guardian: '钱监护',
      operators: '孙割（T152701199003032345）',
      measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({
        text,
        checked: !['气体检测合格', '配备灭火器材（灭火器、消防水带等）'].includes(text),
      })),
      gasTestResult: null,
      requestedBy: liuAn,
      requestedAt: chinaTime(today, '09:30'),
      steps: [],
    });

    const weldingCheck = {
      enterprise_id: hengtai,
      checked_on: thisYear(addDays(today, -20)),
      equipment_count: 9,
      equipment_list: '交流弧焊机6台、氩弧焊机2台、气割设备1套',
      problems: '1台交流弧焊机外壳接地线断开、绝缘老化',
      actions_taken: '该焊机已淘汰报废，其余设备张贴检查合格标识',
      retired_count: 1,
      checked_by: '设备部 赵工、安全部 刘安',
      created_by_user_id: liuAn.id,
      created_by_name: liuAn.name,
      created_at: at,
      voided_at: null,
      voided_by_user_id: null,
      void_reason: null,
    };
    const weldingId = await repo.insertWeldingCheck(trx, weldingCheck);
    await audit.append(trx, SEED_CTX, {
      action: 'welding_check.created',
      entityType: 'welding_check',
      entityId: weldingId,
      changes: { checked_on: [null, weldingCheck.checked_on] },
    });

    const educationId = await repo.insertEducation(trx, {
      enterprise_id: hengtai,
      held_on: thisYear(addDays(today, -25)),
      participants: 178,
      content:
        '观看近期违规动火引发重特大事故警示片，学习动火作业审批、监护和安全措施规定，主要负责人讲授“谁招请无证人员，谁负责任”制度',
      organizer: '安全部',
      created_by_user_id: zhangHeng.id,
      created_by_name: zhangHeng.name,
      created_at: at,
      voided_at: null,
      voided_by_user_id: null,
      void_reason: null,
    });
    await audit.append(trx, SEED_CTX, {
      action: 'warning_education.created',
      entityType: 'warning_education',
      entityId: educationId,
      changes: { held_on: [null, thisYear(addDays(today, -25))] },
    });

    const certificates: [number, number, Record<string, string | null>][] = [
      [
        hengtai,
        liuAn.id,
        {
          holder_name: '李焊',
          category: 'welding',
          operation_item: '熔化焊接与热切割作业',
          certificate_no: 'T152701198001011234',
          issued_on: addDays(today, -700),
          valid_until: addDays(today, 1100),
          holder_type: 'employee',
          employer: null,
          engaged_by: '设备部',
        },
      ],
      [
        hengtai,
        liuAn.id,
        {
          holder_name: '孙割',
          category: 'welding',
          operation_item: '熔化焊接与热切割作业',
          certificate_no: 'T152701199003032345',
          issued_on: addDays(today, -2170),
          valid_until: addDays(today, 19),
          holder_type: 'contractor',
          employer: '鄂尔多斯市鑫达安装工程有限公司',
          engaged_by: '设备部 王经理',
        },
      ],
      [
        hengtai,
        liuAn.id,
        {
          holder_name: '周电',
          category: 'electrical',
          operation_item: '低压电工作业',
          certificate_no: 'T152701198507074567',
          issued_on: addDays(today, -2200),
          valid_until: addDays(today, -12),
          holder_type: 'employee',
          employer: null,
          engaged_by: '动力车间',
        },
      ],
      [
        jinding,
        zhouQuan.id,
        {
          holder_name: '吴爆',
          category: 'metal_mine',
          operation_item: '金属非金属矿山爆破作业',
          certificate_no: 'T152701197806065678',
          issued_on: addDays(today, -2240),
          valid_until: addDays(today, -45),
          holder_type: 'contractor',
          employer: '内蒙古恒安爆破工程有限公司',
          engaged_by: '生产科',
        },
      ],
      [
        jinding,
        zhouQuan.id,
        {
          holder_name: '郑工',
          category: 'electrical',
          operation_item: '高压电工作业',
          certificate_no: 'T152701198811116789',
          issued_on: addDays(today, -300),
          valid_until: addDays(today, 1800),
          holder_type: 'employee',
          employer: null,
          engaged_by: '机电科',
        },
      ],
    ];
    for (const [enterpriseId, userId, c] of certificates) {
      const id = await repo.insertCertificate(trx, {
        enterprise_id: enterpriseId,
        holder_name: c.holder_name!,
        category: c.category!,
        operation_item: c.operation_item ?? null,
        certificate_no: c.certificate_no!,
        issued_on: c.issued_on ?? null,
        valid_until: c.valid_until!,
        holder_type: c.holder_type!,
        employer: c.employer ?? null,
        engaged_by: c.engaged_by!,
        withdrawn_at: null,
        withdrawn_reason: null,
        withdrawn_by_user_id: null,
        created_by_user_id: userId,
        created_at: at,
        updated_at: at,
        version: 1,
      });
      await audit.append(trx, SEED_CTX, {
        action: 'operation_certificate.created',
        entityType: 'operation_certificate',
        entityId: id,
        changes: { holder_name: [null, c.holder_name], valid_until: [null, c.valid_until] },
      });
    }
  });
}
