import { addDays, type EducationLevel } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { createOperationTraining, enrol } from '../modules/staff/operation-training.service.js';
import { createStaff } from '../modules/staff/staff.service.js';
import { createTraining } from '../modules/staff/training.service.js';
import { actAs } from './demo-actors.js';

// Demo enforcement staff and training (issue 10 item 3): 东胜区执法大队 has five people — 耿建
// and 阮飞 with accounts, three without — of whom three meet the §四(三) rule, so the brigade
// shows 60 % in red against the 75 % floor. One topic training with attendance, and one
// welding course announced to enterprises with an enrolment from 恒泰化工 (qiye1_aq).

type DemoPerson = {
  username?: string;
  name: string;
  education: EducationLevel;
  major: string | null;
  majorSafetyRelated: boolean;
  safetyYears: number;
  certificateNo?: string;
};

const PEOPLE: DemoPerson[] = [
  {
    username: 'zhifa1',
    name: '耿建',
    education: 'bachelor',
    major: '安全工程',
    majorSafetyRelated: true,
    safetyYears: 8,
  },
  {
    username: 'zhifa2',
    name: '阮飞',
    education: 'junior_college',
    major: '化学工程',
    majorSafetyRelated: false,
    safetyYears: 3,
  },
  {
    name: '王强',
    education: 'bachelor',
    major: '安全工程',
    majorSafetyRelated: true,
    safetyYears: 4,
    certificateNo: '15060223003',
  },
  {
    name: '李娜',
    education: 'postgraduate',
    major: '安全科学与工程',
    majorSafetyRelated: true,
    safetyYears: 2,
    certificateNo: '15060223004',
  },
  {
    name: '赵明',
    education: 'bachelor',
    major: '法学',
    majorSafetyRelated: false,
    safetyYears: 12,
    certificateNo: '15060223005',
  },
];

export async function seedStaffDemo(db: Db, audit: AuditWriter, config: AppConfig): Promise<void> {
  const deps = { db, audit, config };
  const admin = await actAs(db, 'admin');
  const enterprise = await actAs(db, 'qiye1_aq');
  const brigade = await db.kysely
    .selectFrom('org_units')
    .select('id')
    .where('code', '=', 'NM-EEDS-DS-ZFDD')
    .executeTakeFirst();
  if (!admin || !enterprise || !brigade) return;
  const existing = await db.kysely.selectFrom('enforcement_staff').select('id').limit(1).execute();
  if (existing.length > 0) return;

  const today = todayInChina();
  const staffIds: number[] = [];
  for (const p of PEOPLE) {
    const user = p.username
      ? await db.kysely
          .selectFrom('users')
          .select('id')
          .where('username', '=', p.username)
          .executeTakeFirst()
      : undefined;
    const view = await createStaff(deps, admin, {
      orgUnitId: Number(brigade.id),
      userId: user ? Number(user.id) : null,
      name: p.name,
      certificateNo: p.certificateNo ?? null,
      certificateValidUntil: addDays(today, 700),
      education: p.education,
      major: p.major,
      majorSafetyRelated: p.majorSafetyRelated,
      safetyYears: p.safetyYears,
    });
    staffIds.push(view.id);
  }

  await createTraining(deps, admin, {
    topic: '重大事故隐患判定标准及重点执法检查事项专题培训',
    heldOn: addDays(today, -20),
    hours: 4,
    trainer: '市应急管理局执法支队',
    place: '区应急管理局三楼会议室',
    content: '学习危险化学品、非煤矿山、工贸行业重大事故隐患判定标准，安全生产法及相关法规标准。',
    // Everyone but 赵明 attended.
    attendeeIds: staffIds.slice(0, 4),
  });

  const course = await createOperationTraining(deps, admin, {
    title: '焊接与热切割作业人员培训考核班（第3期）',
    category: 'welding',
    operationItem: '熔化焊接与热切割作业',
    startsOn: addDays(today, 21),
    place: '东胜区应急管理局培训中心',
    capacity: 30,
    enrolDeadline: addDays(today, 14),
    note: '请携带身份证复印件及一寸照片两张；考核合格者现场登记发证。',
  });
  await enrol(deps, enterprise, course.id, {
    personName: '马林',
    idNumber: '150602199203154517',
    phone: '13904771234',
    post: '电焊工',
  });
}
