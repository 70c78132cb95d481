import { addDays, type TipRecordAction } from '@hazard-ledger/domain';
import type { AppConfig } from '../config.js';
import type { Db } from '../db/database.js';
import type { RequestContext } from '../lib/request-context.js';
import type { ServiceDeps } from '../lib/service-deps.js';
import { todayInChina } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { submitTip } from '../modules/tips-public/tips-public.service.js';
import { actOnTip, addTipMessage } from '../modules/tips/tip-actions.service.js';
import { createStaffTip, getTip } from '../modules/tips/tips.service.js';
import { actAs } from './demo-actors.js';

// Demo tips of 东胜区 (issue 8), written through the services as the demo users would:
// - a web tip, anonymous, just received (华安烟花 over-storing fireworks);
// - a 12350 hotline tip from an insider, accepted and given to 执法大队 耿建 for verification;
// - a phone tip verified as true, recorded in the ledger as a major hazard (origin tip) and
//   answered to the reporter (it waits to be closed; the reward helper may build on it);
// - a web tip rejected as a duplicate of the hotline tip.

const HOUR = 3_600_000;

async function enterpriseId(db: Db, name: string): Promise<number | null> {
  const row = await db.kysely
    .selectFrom('enterprises')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row ? Number(row.id) : null;
}

async function act(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
  action: TipRecordAction,
  payload: Record<string, unknown>,
) {
  const tip = await getTip(deps, ctx, id);
  return actOnTip(deps, ctx, id, action, { version: tip.version, payload }, null);
}

/** Demo records of this part of issue 8 (runs after the enforcement demos). */
export async function seedTipDemo(db: Db, audit: AuditWriter, config: AppConfig): Promise<void> {
  const deps: ServiceDeps = { db, audit, config };
  const existing = await db.kysely.selectFrom('tips').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const weihua = await actAs(db, 'weihua');
  const zhifa = await actAs(db, 'zhifa1');
  const hengtai = await enterpriseId(db, '东胜区恒泰化工有限公司');
  const huaan = await enterpriseId(db, '东胜区华安烟花爆竹批发有限公司');
  if (!weihua || !zhifa || !hengtai || !huaan) return;
  const today = todayInChina();
  const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

  // 1. A web tip, anonymous, waiting to be accepted.
  await submitTip(
    deps,
    {
      enterpriseId: huaan,
      enterpriseText: null,
      districtId: null,
      subject: '烟花爆竹仓库超量储存',
      description:
        '华安烟花爆竹批发公司2号库房近期进货很多，库房门口和通道也堆满了烟花箱，感觉远远超过核定的存放量，春节前很危险。',
      place: '2号成品库房',
      anonymous: true,
      insider: false,
      reporterName: null,
      reporterPhone: null,
    },
    [],
    { receivedAt: ago(20) },
  );

  // 2. A hotline tip from an insider: accepted and given to an inspector.
  const hotline = await createStaffTip(deps, weihua, {
    channel: 'hotline_12350',
    receivedAt: ago(72),
    enterpriseId: hengtai,
    enterpriseText: null,
    districtId: null,
    sector: null,
    place: '储罐区',
    subject: '储罐区夜间违规动火作业',
    description:
      '来电人称是该公司职工：最近几天夜班在储罐区切割管道，没有办动火作业票，现场也没有做可燃气体检测，没有监护人。',
    catalogItemCode: null,
    anonymous: false,
    insider: true,
    identity: { name: '王建军', phone: '13904779876', idNumber: null, contact: null },
    issueReceiptCode: true,
  });
  await act(deps, weihua, hotline.tip.id, 'accept', {
    comment: '属于危化领域特殊作业管理问题，予以受理',
  });
  await act(deps, weihua, hotline.tip.id, 'assign', {
    unitId: null,
    userId: zhifa.actor!.userId,
    dueDate: addDays(today, 15),
    comment: '请采取“四不两直”方式夜间核查，注意保护举报人',
  });
  await addTipMessage(deps, weihua, hotline.tip.id, {
    kind: 'note',
    body: '举报人为内部职工，核查时不得向企业透露举报来源。',
  });
  await addTipMessage(deps, weihua, hotline.tip.id, {
    kind: 'reply',
    body: '您的举报已受理，我局已安排执法人员核查，请耐心等待。',
  });

  // 3. A phone tip verified as true, recorded as a major hazard in the ledger.
  const phone = await createStaffTip(deps, weihua, {
    channel: 'phone',
    receivedAt: ago(24 * 12),
    enterpriseId: hengtai,
    enterpriseText: null,
    districtId: null,
    sector: null,
    place: '液氨充装站',
    subject: '液氨充装使用金属软管',
    description: '液氨充装站给槽车充装时用的是金属软管，没有用万向充装管道，软管有明显磨损。',
    catalogItemCode: 'HG-2017-07',
    anonymous: false,
    insider: false,
    identity: { name: '李红', phone: '13804771234', idNumber: null, contact: null },
    issueReceiptCode: true,
  });
  await act(deps, weihua, phone.tip.id, 'accept', { comment: null });
  await act(deps, weihua, phone.tip.id, 'assign', {
    unitId: null,
    userId: zhifa.actor!.userId,
    dueDate: addDays(today, 10),
    comment: null,
  });
  await act(deps, zhifa, phone.tip.id, 'verify', {
    result: 'true',
    summary: '经现场核查，液氨充装站2个鹤位仍使用金属软管充装，未设置万向充装管道系统，举报属实。',
    createHazard: {
      level: 'major',
      title: '液氨充装未使用万向管道充装系统',
      description:
        '液氨充装站2个充装鹤位使用金属软管充装，软管外层有磨损，未设置万向管道充装系统。',
      place: '液氨充装站',
      category: 'unsafe_condition',
      catalogItemCode: 'HG-2017-07',
      noCatalogReason: null,
      treatment: 'deadline',
    },
    linkHazardId: null,
  });
  await addTipMessage(deps, weihua, phone.tip.id, {
    kind: 'reply',
    body: '经核查，您反映的问题属实，已责令企业限期整改并纳入重大事故隐患台账跟踪督办。感谢您的举报。',
  });

  // 4. A web tip repeating the hotline tip: rejected as a duplicate.
  const repeat = await submitTip(
    deps,
    {
      enterpriseId: hengtai,
      enterpriseText: null,
      districtId: null,
      subject: '恒泰化工晚上在罐区动火',
      description: '路过恒泰化工看到晚上罐区那边有电焊火花，担心出事故。',
      place: null,
      anonymous: true,
      insider: false,
      reporterName: null,
      reporterPhone: null,
    },
    [],
    { receivedAt: ago(30) },
  );
  await act(deps, weihua, repeat.tipId, 'reject', {
    reason: 'duplicate',
    duplicateOfTipId: hotline.tip.id,
    comment: '与已受理的热线举报反映同一问题，合并核查',
  });
  await addTipMessage(deps, weihua, repeat.tipId, {
    kind: 'reply',
    body: '您反映的问题此前已有人举报，我局已受理并安排核查，本件合并办理。',
  });
}
