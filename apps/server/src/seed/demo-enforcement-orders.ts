import {
  issueOrderSchema,
  ORDER_DEFAULT_REQUIREMENT,
  onSiteMeasureSchema,
  type Sector,
} from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import {
  issueOrder,
  recordInspectors,
} from '../modules/enforcement-orders/enforcement-orders.service.js';
import * as repo from '../modules/enforcement-orders/enforcement-orders.repository.js';
import { imposeMeasure } from '../modules/enforcement-orders/on-site-measures.service.js';
import { actAs } from './demo-actors.js';

// Demo: from the newest signed inspection record (seeded by the inspections demo), its
// inspector issues a rectification order for the open hazards of its findings, due in 15 days,
// and orders a piece of equipment out of use (停止使用) — not lifted, so the enterprise shows an
// active on-site measure. Without a signed record (or with orders already there) nothing is done.

/** The equipment stopped in the demo, by sector. */
const STOPPED_EQUIPMENT: Record<Sector, string> = {
  hazchem: '2号液氨储罐进出料泵及其紧急切断阀所在管线',
  fireworks: '药物混合工房混药机',
  mining: '主斜井提升机',
  industry: '煤气柜及其进出口煤气管道',
};

/** Adds `days` to a YYYY-MM-DD date. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Demo records of this part of issue 7 (runs after the duty demos and the inspections demo). */
export async function seedEnforcementOrderDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const existing = await db.kysely
    .selectFrom('enforcement_orders')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  const signed = await db.kysely
    .selectFrom('inspection_records')
    .select('id')
    .where('status', '=', 'signed')
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!signed) return;
  const record = await repo.findRecord(db.kysely, signed.id);
  if (!record) return;
  const deps: ServiceDeps = { db, audit, config };

  // The first of the record's inspectors who still has an account acts.
  const inspectors = await recordInspectors(deps, record);
  let ctx = null;
  for (const i of inspectors) {
    const user = await db.kysely
      .selectFrom('users')
      .select('username')
      .where('id', '=', i.userId)
      .executeTakeFirst();
    ctx = user ? await actAs(db, user.username) : null;
    if (ctx) break;
  }
  if (!ctx) return;

  const findings = await repo.listFindingHazards(db.kysely, [record.id]);
  const open = await repo.openOrderNos(
    db.kysely,
    findings.map((f) => Number(f.hazard_id)),
  );
  const orderable = findings.filter(
    (f) => f.status !== 'verified' && !open.has(Number(f.hazard_id)),
  );
  if (orderable.length > 0) {
    await issueOrder(
      deps,
      ctx,
      issueOrderSchema.parse({
        inspectionRecordId: record.id,
        deadline: addDays(todayInChina(), 15),
        items: orderable.map((f) => ({
          hazardId: Number(f.hazard_id),
          requirement: ORDER_DEFAULT_REQUIREMENT,
        })),
      }),
    );
  }

  const major = orderable.find((f) => f.level === 'major');
  await imposeMeasure(
    deps,
    ctx,
    onSiteMeasureSchema.parse({
      kind: 'stop_use',
      enterpriseId: record.enterprise_id,
      inspectionRecordId: record.id,
      hazardId: major ? Number(major.hazard_id) : null,
      subject: STOPPED_EQUIPMENT[record.sector as Sector],
      imposedOn: todayInChina(new Date(record.started_at)),
    }),
  );
}
