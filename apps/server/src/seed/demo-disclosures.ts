import { addDays } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import {
  actOnDisclosure,
  addDisclosurePhoto,
  createDisclosure,
  updateDisclosure,
} from '../modules/disclosures/disclosures.service.js';
import { actAs } from './demo-actors.js';

// Demo disclosure: one published typical enforcement case (典型执法案例) prepared by the publicity
// office (宣教室, xuanjiao) from the oldest decided demo penalty case of 金鼎矿业, approved by the
// bureau admin: the four-eyes rule as the demo users live it. The leader's name is removed.

export async function seedDisclosureDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const preparer = await actAs(db, 'xuanjiao');
  const approver = await actAs(db, 'admin');
  if (!preparer || !approver) return;
  const already = await db.kysely.selectFrom('disclosures').select('id').executeTakeFirst();
  if (already) return;
  const source = await db.kysely
    .selectFrom('penalty_cases')
    .select(['case_no'])
    .where('decision_date', 'is not', null)
    .orderBy('decision_date', 'asc')
    .orderBy('id', 'asc')
    .executeTakeFirst();
  if (!source) return;
  const deps: ServiceDeps = { db, audit, config };
  const today = todayInChina();
  let d = await createDisclosure(deps, preparer, {
    kind: 'typical_case',
    sourceType: 'penalty_case',
    sourceNumber: source.case_no,
  });
  const photo = d.sourcePhotos.find((p) => /image\/(jpeg|png)/.test(p.mimeType));
  if (photo) d = await addDisclosurePhoto(deps, preparer, d.id, photo.fileId);
  d = await updateDisclosure(deps, preparer, d.id, {
    version: d.version,
    publishFrom: addDays(today, -7),
    publishUntil: addDays(today, 180),
  });
  d = await actOnDisclosure(deps, preparer, d.id, { action: 'submit', version: d.version });
  await actOnDisclosure(deps, approver, d.id, { action: 'approve', version: d.version });
}
