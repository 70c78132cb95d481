import {
  addDays,
  inspectionDraftSchema,
  type InspectionDraftInput,
  type InspectionRecordDetail,
} from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { createRecord } from '../modules/inspections/inspection-drafts.service.js';
import {
  acknowledgeRecord,
  signRecord,
  submitForSigning,
} from '../modules/inspections/inspection-signing.service.js';
import { formContext } from '../modules/inspections/inspections.service.js';
import { actAs } from './demo-actors.js';

// Demo: an on-site inspection of 恒泰化工 by zhifa1 (耿建) and zhifa2 (阮飞) a few days ago, with a
// major finding that went into the ledger as a new hazard (origin 执法检查) and a second finding
// that confirms the hazard the enterprise found in its own self-inspection (HG-2017-05, linked,
// not duplicated). Both inspectors signed it and the main leader acknowledged receipt. It goes
// through the service functions, so the demo holds what the app itself would have made.

const NEW_FINDING_ITEM = 'HG-2017-12';
const SELF_FOUND_ITEM = 'HG-2017-05';
const COMPLIANT = ['HG-2017-01', 'HG-2017-02', 'HG-2017-15', 'HG-2017-18'];

/** Demo records of this part of issue 7 (runs after the duty demos and the plans demo). */
export async function seedInspectionDemo(
  db: Db,
  audit: AuditWriter,
  config: AppConfig,
): Promise<void> {
  const [zhifa1, zhifa2, leader] = await Promise.all([
    actAs(db, 'zhifa1'),
    actAs(db, 'zhifa2'),
    actAs(db, 'qiye1_fzr'),
  ]);
  const enterpriseId = leader?.actor?.enterpriseId;
  if (!zhifa1?.actor || !zhifa2?.actor || !leader || !enterpriseId) return;
  const existing = await db.kysely
    .selectFrom('inspection_records')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (existing) return;
  const deps: ServiceDeps = { db, audit, config };
  const context = await formContext(deps, zhifa1, { enterpriseId });
  const applicable = new Set(context.checklist.map((i) => i.code));
  if (!applicable.has(NEW_FINDING_ITEM)) return;
  const selfFound = context.openHazards.find((h) => h.catalogItemCode === SELF_FOUND_ITEM);

  const day = addDays(todayInChina(), -3);
  const findings: InspectionDraftInput['findings'] = [
    {
      title: '甲类仓库可燃气体检测报警仪故障未修复',
      description:
        '甲类仓库（存放甲醇、乙酸乙酯）2台可燃气体检测报警仪显示故障，已停用12天，未修复也未采取替代监测措施。',
      level: 'major',
      treatment: 'deadline',
      catalogItemCode: NEW_FINDING_ITEM,
      penaltyDecision: 'propose_case',
      penaltyNote: null,
    },
  ];
  const checklist: InspectionDraftInput['checklist'] = [
    ...COMPLIANT.filter((c) => applicable.has(c)).map((code) => ({
      catalogItemCode: code,
      result: 'compliant' as const,
      note: null,
    })),
    { catalogItemCode: NEW_FINDING_ITEM, result: 'problem', note: '现场检查发现' },
  ];
  if (selfFound) {
    // The enterprise's own finding: the record confirms it (linked) and states the decision.
    checklist.push({
      catalogItemCode: SELF_FOUND_ITEM,
      result: 'problem',
      note: '企业自查已发现，列入隐患台账',
    });
    findings.push({
      title: '重大危险源罐区进出料管道未设紧急切断阀',
      description: '2号储罐区液氨储罐进出料管道仅有手动阀门，企业自查已发现并列入隐患台账。',
      level: 'major',
      treatment: 'deadline',
      catalogItemCode: SELF_FOUND_ITEM,
      penaltyDecision: selfFound.noPenalty.applies ? 'exempt' : 'order_only',
      penaltyNote: selfFound.noPenalty.applies
        ? '企业自查发现并已报告，正在按方案整改'
        : '企业已自查发现，责令按整改方案限期消除，复查后依法处理',
    });
  }
  const draft = inspectionDraftSchema.parse({
    enterpriseId,
    inspectorUserIds: [zhifa1.actor.userId, zhifa2.actor.userId],
    startedAt: `${day}T09:30:00+08:00`,
    endedAt: `${day}T11:40:00+08:00`,
    place: '东胜区装备制造基地纬三路8号 甲类仓库、2号储罐区',
    enterprisePresent: '刘安（安全管理人员）',
    checklist,
    findings,
  });
  let record: InspectionRecordDetail = await createRecord(deps, zhifa1, draft);
  record = await submitForSigning(deps, zhifa1, record.id, record.version);
  await signRecord(deps, zhifa1, record.id, record.contentHash!);
  await signRecord(deps, zhifa2, record.id, record.contentHash!);
  await acknowledgeRecord(deps, leader, record.id, null);
}
