import {
  addDays,
  calendarMonthsSpanned,
  campaignMonthCloses,
  keyPeriodDays,
  SECTORS,
} from '@hazard-ledger/domain';
import { loadConfig } from '../config.js';
import { actAs } from './demo-actors.js';
import type { Db } from '../db/database.js';
import type { RequestContext } from '../lib/request-context.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { nowIso, todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { campaignForEnterprise } from '../modules/campaigns/enterprise-campaign.js';
import { getChecklist } from '../modules/catalogs/catalogs.service.js';
import * as periods from '../modules/leader-duties/key-periods.repository.js';
import {
  recordInspection,
  signInspection,
} from '../modules/leader-duties/leader-inspections.service.js';
import { getHazard, savePlan } from '../modules/hazards/hazards.service.js';
import { saveSafetyFund } from '../modules/leader-duties/safety-funds.service.js';

// Demo: 恒泰化工's monthly leader inspections of the demo campaign (one finished month left
// without one, so the flag shows; this month's record waits for the leader's signature), the
// 国庆节 key period of this year declared by 东胜区 with the enterprises' roster and check-ins
// (two days missed), the coming 元旦 period, and 恒泰化工's safety fund. Inspections and funds
// go through the services; the periods are inserted as they stood when declared before the
// holiday (declaring a period that has already started is refused by the service).

const PLACES = [
  '储罐区、装卸站台',
  '一车间、二车间',
  '液氨库、配电室',
  '中控室、仓库',
  '污水处理站',
];

/** The signed inspections of every finished campaign month but one, and this month's draft. */
async function seedInspections(deps: ServiceDeps, safety: RequestContext, leader: RequestContext) {
  const enterpriseId = safety.actor!.enterpriseId!;
  const today = todayInChina();
  const campaign = await campaignForEnterprise(deps.db.kysely, enterpriseId, today);
  if (!campaign) return;
  const checklist = await getChecklist(deps, safety, enterpriseId);
  const codes = checklist.items.map((i) => i.code);
  const due = calendarMonthsSpanned(campaign.startDate, campaign.endDate).filter(
    (m) => today > campaignMonthCloses(campaign, m),
  );
  const skipped = due.length >= 3 ? due[due.length - 3] : due.at(-1);
  let n = 0;
  for (const month of due) {
    if (month === skipped) continue;
    const day = `${month}-12` < campaign.startDate ? campaign.startDate : `${month}-12`;
    const withFinding = n === 1;
    const view = await recordInspection(deps, safety, enterpriseId, {
      inspectedOn: day,
      participants: '张恒（主要负责人）、刘安（安全管理人员）、设备部王工',
      places: PLACES[n % PLACES.length]!,
      content: '带队检查本月重大事故隐患排查整治情况：对照判定标准逐项检查，查看隐患整改进度。',
      itemCodes: codes.length
        ? [...new Set([0, 1].map((k) => codes[(n * 2 + k) % codes.length]!))]
        : [],
      findings: withFinding
        ? [
            {
              title: '装卸站台静电接地报警仪故障',
              description: '3号装卸鹤位静电接地报警仪指示灯不亮，装车前无法确认接地。',
              place: '装卸站台',
              hazardLevel: 'general',
              catalogItemCode: null,
              noCatalogReason: '一般隐患，不属于重大事故隐患判定标准所列情形',
              treatment: 'deadline',
            },
            {
              title: '巡检记录填写不全',
              description: '夜班巡检记录有两天缺少签名，已当场要求补正并加强管理。',
              place: '中控室',
              hazardLevel: null,
              catalogItemCode: null,
              noCatalogReason: null,
              treatment: 'immediate',
            },
          ]
        : [],
    });
    const signed = await signInspection(deps, leader, view.id, view.version);
    // The hazard the finding became gets its rectification plan, funds included: the fund
    // section shows them against the year's safety fund.
    const hazardId = signed.findings.find((f) => f.hazardId !== null)?.hazardId;
    if (hazardId) {
      const hazard = await getHazard(deps, safety, hazardId);
      await savePlan(deps, safety, hazardId, {
        responsiblePerson: '设备部王工',
        measures: '更换3号鹤位静电接地报警仪，装车前增加人工检测确认。',
        fundsYuan: '8600',
        fundsSource: '安全生产费用',
        deadline: addDays(day, 15),
        emergencyMeasures: '修复前停用3号鹤位，改用1、2号鹤位装车。',
        version: hazard.version,
      });
    }
    n += 1;
  }
  // This month's inspection, recorded and waiting for the leader's signature.
  if (today > campaign.startDate && today <= campaign.endDate) {
    await recordInspection(deps, safety, enterpriseId, {
      inspectedOn: today,
      participants: '张恒（主要负责人）、刘安',
      places: '储罐区、液氨库',
      content: '冬季防冻防凝专项检查：伴热、保温和排凝情况。',
      itemCodes: codes.slice(0, 1),
      findings: [],
    });
  }
}

/** A key period as it stood when 东胜区 declared it, with the enterprises' duty days. */
async function seedKeyPeriods(db: Db, audit: AuditWriter, admin: RequestContext) {
  const today = todayInChina();
  const year = Number(today.slice(0, 4));
  const actor = admin.actor!;
  const district = await db.kysely
    .selectFrom('org_units')
    .select('id')
    .where('code', '=', 'NM-EEDS-DS')
    .executeTakeFirst();
  if (!district) return;
  // Each enterprise's duty is recorded by its own safety manager's account.
  const enterprises = await db.kysely
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .innerJoin('users as u', 'u.enterprise_id', 'e.id')
    .select(['e.id', 'e.name', 'u.id as user_id', 'u.display_name', 'u.username'])
    .where('o.code', '=', 'NM-EEDS-DS')
    .where('u.role', '=', 'ent_safety')
    .orderBy('e.id')
    .execute();
  const declare = async (name: string, start: string, end: string, note: string) => {
    const declaredAt = `${addDays(start, -10)}T02:00:00.000Z`;
    return db.kysely.transaction().execute(async (trx) => {
      const columns = {
        name,
        start_date: start,
        end_date: end,
        sectors: JSON.stringify(SECTORS),
        note,
      };
      const id = await periods.insertKeyPeriod(trx, {
        ...columns,
        org_unit_id: district.id,
        created_by: actor.userId,
        created_by_name: `${actor.displayName}(${actor.username})`,
        created_at: declaredAt < nowIso() ? declaredAt : nowIso(),
      });
      await audit.append(trx, admin, {
        action: 'key_period.declared',
        entityType: 'key_period',
        entityId: id,
        changes: { name: [null, name], start_date: [null, start], end_date: [null, end] },
      });
      return id;
    });
  };

  const start = `${year}-10-01`;
  const end = `${year}-10-08`;
  const national = await declare(
    '国庆节',
    start,
    end,
    '国庆假期期间企业主要负责人要在岗在位、盯守现场，每日签到。',
  );
  const leaders: Record<string, [string, string]> = {
    东胜区恒泰化工有限公司: ['张恒', '13904770001'],
    东胜区金鼎矿业有限责任公司: ['孙鼎', '13904770011'],
  };
  // 恒泰化工 missed two days; 金鼎矿业 checked in every day; 华安烟花 (no account) nothing.
  const missed: Record<string, string[]> = {
    东胜区恒泰化工有限公司: [`${year}-10-03`, `${year}-10-06`],
    东胜区金鼎矿业有限责任公司: [],
  };
  const rosterAt = `${addDays(start, -3)}T01:00:00.000Z`;
  await db.kysely.transaction().execute(async (trx) => {
    for (const e of enterprises) {
      const leader = leaders[e.name];
      const skip = missed[e.name];
      if (!leader || !skip) continue;
      for (const [i, day] of keyPeriodDays(start, end).entries()) {
        const [name, phone] = i % 3 === 2 ? ['李军（副总经理）', '13904770009'] : leader;
        await periods.upsertRosterDay(trx, {
          enterprise_id: e.id,
          duty_date: day,
          leader_name: name,
          leader_phone: phone,
          updated_by: e.user_id,
          updated_at: rosterAt,
        });
        if (day >= today || skip.includes(day)) continue;
        await periods.insertCheckIn(trx, {
          enterprise_id: e.id,
          duty_date: day,
          key_period_id: national,
          person_name: name,
          note: i === 0 ? '节前安全检查已完成' : null,
          checked_in_at: `${addDays(day, -1)}T23:40:00.000Z`,
          checked_in_by: e.user_id,
          checked_in_by_name: `${e.display_name}(${e.username})`,
        });
      }
    }
  });

  const newYear = `${year + 1}-01-01`;
  if (today < newYear) {
    await declare('元旦', newYear, `${year + 1}-01-03`, '元旦假期前请各企业安排好每日在岗负责人。');
  }
}

/** Demo records of this part of issue 6 (runs after the registry, users and campaign). */
export async function seedLeaderDutyDemo(db: Db, audit: AuditWriter): Promise<void> {
  const [safety, leader, admin] = await Promise.all([
    actAs(db, 'qiye1_aq'),
    actAs(db, 'qiye1_fzr'),
    actAs(db, 'admin'),
  ]);
  if (!safety?.actor?.enterpriseId || !leader || !admin) return;
  // The seed is handed no configuration; the services read none of it here.
  const deps: ServiceDeps = { db, audit, config: loadConfig() };
  await seedInspections(deps, safety, leader);
  await seedKeyPeriods(db, audit, admin);
  const year = Number(todayInChina().slice(0, 4));
  const enterpriseId = safety.actor.enterpriseId;
  await saveSafetyFund(deps, safety, enterpriseId, year - 1, {
    extractedYuan: '1720000',
    spentYuan: '1698300',
    note: '按上年度营业收入的规定比例提取',
    version: null,
  });
  await saveSafetyFund(deps, safety, enterpriseId, year, {
    extractedYuan: '1860000',
    spentYuan: '1235600.5',
    note: '含重大事故隐患整改专项经费',
    version: null,
  });
}
