import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import {
  assignTargets,
  drawPlan,
} from '../modules/inspection-plans/inspection-plan-draw.service.js';
import { createPlan } from '../modules/inspection-plans/inspection-plans.service.js';
import { actAs } from './demo-actors.js';

// Demo inspection plans of 东胜区, made by the inspector zhifa1 through the services: this
// month's 双随机 check of hazchem and fireworks enterprises, drawn with a fixed seed so that the
// demo always shows the same draw (and its re-run says "same"), and an unannounced (四不两直)
// visit to 恒泰化工 that its own users never see.

/** The seed of the demo draw (re-running it on the plan page gives the same targets). */
export const DEMO_DRAW_SEED = 'demo-2026';

/** The first and last day of the month of a date (YYYY-MM-DD). */
function monthOf(day: string): { start: string; end: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

/** Demo plans (runs after the duty demos; the inspections demo may fill records for them). */
export async function seedInspectionPlanDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const ctx = await actAs(db, 'zhifa1');
  if (!ctx?.actor) return;
  const deps = { db, audit, config };
  const today = todayInChina();
  const { start, end } = monthOf(today);
  const [year, month] = today.split('-').map(Number) as [number, number];

  // The 双随机 plan draws among the operating hazchem and fireworks enterprises of 东胜区.
  const eligible = await db.kysely
    .selectFrom('enterprises as e')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('o.code', '=', 'NM-EEDS-DS')
    .where('e.sector', 'in', ['hazchem', 'fireworks'])
    .where('e.status', '=', 'operating')
    .executeTakeFirstOrThrow();
  const count = Math.min(2, Number(eligible.n));
  if (count > 0) {
    const random = await createPlan(deps, ctx, {
      name: `${year}年${month}月危险化学品、烟花爆竹企业双随机抽查`,
      kind: 'random',
      startDate: start,
      endDate: end,
      sectors: ['hazchem', 'fireworks'],
      departments: [],
      unannounced: false,
      crossArea: false,
      enterpriseCount: count,
      inspectorsPerTarget: 2,
      note: '随机抽取检查对象、随机选派执法检查人员，抽查结果及时公开。',
    });
    await drawPlan(deps, ctx, random.id, { version: random.version, seed: DEMO_DRAW_SEED });
  }

  // The unannounced visit: 不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场.
  const target = await db.kysely
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', '东胜区恒泰化工有限公司')
    .executeTakeFirst();
  const inspectors = await db.kysely
    .selectFrom('users')
    .select('id')
    .where('username', 'in', ['zhifa1', 'zhifa2'])
    .orderBy('username')
    .execute();
  if (!target || inspectors.length < 2) return;
  const hidden = await createPlan(deps, ctx, {
    name: `${year}年${month}月重大危险源企业“四不两直”暗查暗访`,
    kind: 'key_enterprise',
    startDate: start,
    endDate: end,
    sectors: ['hazchem'],
    departments: [],
    unannounced: true,
    crossArea: false,
    enterpriseCount: null,
    inspectorsPerTarget: 2,
    note: '不发通知、不打招呼、不听汇报、不用陪同接待，直奔基层、直插现场。',
  });
  await assignTargets(deps, ctx, hidden.id, {
    version: hidden.version,
    targets: [{ enterpriseId: target.id, inspectorIds: inspectors.map((i) => i.id) }],
  });
}
