import {
  type CreateNoticeInput,
  isEnterpriseRole,
  type NoticeDetail,
  type NoticeListItem,
  type PageQuery,
  Permission,
  roleHas,
  type Sector,
} from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { fieldError, notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext, type SessionActor } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import {
  ancestorPaths,
  staffSectors,
  staffSees,
  type Standpoint,
  standpointOf,
  unitIdOfPath,
} from '../campaigns/audience.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import {
  checkAttachmentsClaimable,
  claimAttachments,
  openAttachment,
  toAttachmentView,
} from './attachments.service.js';
import * as repo from './notices.repository.js';

// Notices (通知): publish to every enterprise of some sectors, read with a receipt, download.

/** Who wrote something, as stored beside the user id. */
export function nameOf(actor: SessionActor): string {
  return `${actor.displayName}(${actor.username})`;
}

/** The enterprises a staff member answers for (receipts and figures are limited to them). */
export function reachOf(actor: SessionActor): repo.EnterpriseReach {
  return { territoryPath: actor.territoryPath, sectors: staffSectors(actor) };
}

/** Refuses sectors a sector-scoped publisher does not handle. */
export function checkPublishSectors(actor: SessionActor, sectors: readonly Sector[]): void {
  const mine = staffSectors(actor);
  if (mine && !sectors.every((s) => mine.includes(s))) {
    throw fieldError('sectors', '无权向该行业领域发布');
  }
}

/** Checks an optional campaign link: a campaign the publisher sees. */
async function checkCampaign(deps: ServiceDeps, actor: SessionActor, campaignId: number | null) {
  if (campaignId === null) return;
  const c = await findCampaign(deps.db.kysely, campaignId);
  const point = { path: actor.territoryPath, sectors: staffSectors(actor) };
  if (
    !c ||
    c.voided_at !== null ||
    !staffSees(point, c.org_path, JSON.parse(c.sectors) as Sector[])
  ) {
    throw fieldError('campaignId', '专项行动不存在');
  }
}

/**
 * Publishes a notice to every enterprise (not closed) of the chosen sectors in the publisher's
 * territory: one receipt each, created now. The attachments uploaded before are attached.
 */
export async function publishNotice(
  deps: ServiceDeps,
  ctx: RequestContext,
  input: CreateNoticeInput,
): Promise<NoticeDetail> {
  const actor = requireActor(ctx);
  checkPublishSectors(actor, input.sectors);
  await checkCampaign(deps, actor, input.campaignId);
  await checkAttachmentsClaimable(deps, actor.userId, input.attachmentIds);
  const at = nowIso();
  const id = await inTransaction(deps, async (trx) => {
    const noticeId = await repo.insertNotice(trx, {
      org_unit_id: unitIdOfPath(actor.territoryPath),
      campaign_id: input.campaignId,
      title: input.title,
      body: input.body,
      sectors: JSON.stringify(input.sectors),
      published_at: at,
      published_by: actor.userId,
      publisher_name: nameOf(actor),
    });
    const targets = await repo.insertTargets(
      trx,
      { table: 'notice_receipts', ownerId: noticeId },
      { territoryPath: actor.territoryPath, sectors: input.sectors },
      at,
    );
    if (targets === 0) throw fieldError('sectors', '本辖区内所选行业领域没有企业');
    await repo.setNoticeTargetCount(trx, noticeId, targets);
    await claimAttachments(trx, actor.userId, input.attachmentIds, {
      type: 'notice',
      id: noticeId,
    });
    await deps.audit.append(trx, ctx, {
      action: 'notice.published',
      entityType: 'notice',
      entityId: noticeId,
      changes: {
        title: [null, input.title],
        sectors: [null, input.sectors],
        targetCount: [null, targets],
        attachmentIds: [null, input.attachmentIds],
        campaignId: [null, input.campaignId],
      },
    });
    return noticeId;
  });
  return getNotice(deps, ctx, id);
}

/** Loads a notice the caller may see: enterprise users only theirs, staff by place and sector. */
export async function loadNotice(deps: ServiceDeps, ctx: RequestContext, id: number) {
  const point = await standpointOf(deps, ctx);
  const notice = await repo.findNotice(deps.db.kysely, id);
  if (!notice) throw notFound();
  if (point.kind === 'enterprise') {
    const receipt = await repo.findReceipt(deps.db.kysely, id, point.enterpriseId);
    if (!receipt) throw notFound();
    return { notice, point, receipt };
  }
  if (!staffSees(point, notice.org_path, JSON.parse(notice.sectors) as Sector[])) throw notFound();
  return { notice, point, receipt: undefined };
}

type ReceiptCols = {
  read_at: string | null;
  read_by_name: string | null;
  remind_count: number;
  last_reminded_at: string | null;
};

const ownReceipt = (r: ReceiptCols) => ({
  readAt: r.read_at,
  readByName: r.read_by_name,
  reminded: r.remind_count > 0,
  remindCount: r.remind_count,
  lastRemindedAt: r.last_reminded_at,
});

function listItem(
  n: repo.NoticeRow,
  attachmentCount: number,
  receipt: ReceiptCols | null,
  stats: { target: number; read: number } | null,
): NoticeListItem {
  return {
    id: n.id,
    title: n.title,
    sectors: JSON.parse(n.sectors) as Sector[],
    orgUnitId: n.org_unit_id,
    orgUnitName: n.org_unit_name,
    campaignId: n.campaign_id,
    publishedAt: n.published_at,
    publisherName: n.publisher_name,
    attachmentCount,
    receipt: receipt ? ownReceipt(receipt) : null,
    stats: stats
      ? { targetCount: stats.target, readCount: stats.read, unreadCount: stats.target - stats.read }
      : null,
  };
}

export type NoticeListQuery = PageQuery & { q?: string; unread?: 'true' | 'false' };

/** Notices: an enterprise's own (unread first), or those staff see (newest first, with figures). */
export async function listNotices(deps: ServiceDeps, ctx: RequestContext, query: NoticeListQuery) {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const point: Standpoint = await standpointOf(deps, ctx);
  const page = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const like = likeOperator(deps.db.dialect);
  const counts = async (ids: number[]) => {
    const rows = await repo.listAttachments(db, 'notice', ids);
    const m = new Map<number, number>();
    for (const r of rows) m.set(Number(r.owner_id), (m.get(Number(r.owner_id)) ?? 0) + 1);
    return m;
  };
  if (point.kind === 'enterprise') {
    const { items, total } = await repo.listEnterpriseNotices(
      db,
      point.enterpriseId,
      { q: query.q, unread: query.unread === 'true', like },
      page,
    );
    const attachments = await counts(items.map((i) => i.id));
    return {
      items: items.map((n) => listItem(n, attachments.get(n.id) ?? 0, n, null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const { items, total } = await repo.listStaffNotices(
    db,
    { subtreeOf: point.path, atPaths: ancestorPaths(point.path), sectors: point.sectors },
    { q: query.q, like },
    page,
  );
  const ids = items.map((i) => i.id);
  const [attachments, stats] = await Promise.all([
    counts(ids),
    repo.receiptStats(db, ids, reachOf(actor)),
  ]);
  return {
    items: items.map((n) =>
      listItem(n, attachments.get(n.id) ?? 0, null, stats.get(n.id) ?? { target: 0, read: 0 }),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * One notice. An enterprise user opening it records the read receipt (who, when) the first
 * time; staff get the read figures of the enterprises they answer for.
 */
export async function getNotice(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<NoticeDetail> {
  const actor = requireActor(ctx);
  const { notice, receipt } = await loadNotice(deps, ctx, id);
  let own: ReceiptCols | null = null;
  if (receipt) {
    own = receipt;
    if (receipt.read_at === null) {
      const at = nowIso();
      const reader = { userId: actor.userId, name: nameOf(actor) };
      const first = await inTransaction(deps, async (trx) => {
        if (!(await repo.markRead(trx, receipt.id, reader, at))) return false;
        await deps.audit.append(trx, ctx, {
          action: 'notice.read',
          entityType: 'notice',
          entityId: id,
          changes: { enterpriseId: [null, actor.enterpriseId], read_at: [null, at] },
        });
        return true;
      });
      own = first
        ? { ...receipt, read_at: at, read_by_name: reader.name }
        : ((await repo.findReceipt(deps.db.kysely, id, actor.enterpriseId!)) ?? receipt);
    }
  }
  const attachments = await repo.listAttachments(deps.db.kysely, 'notice', [id]);
  const stats = own
    ? null
    : (await repo.receiptStats(deps.db.kysely, [id], reachOf(actor))).get(id);
  return {
    ...listItem(notice, attachments.length, own, own ? null : (stats ?? { target: 0, read: 0 })),
    body: notice.body,
    attachments: attachments.map(toAttachmentView),
    can: {
      manage: !isEnterpriseRole(actor.role) && roleHas(actor.role, Permission.NoticeManage),
    },
  };
}

/** Opens an attachment of a notice the caller may see. */
export async function downloadNoticeAttachment(
  deps: ServiceDeps,
  ctx: RequestContext,
  noticeId: number,
  attachmentId: number,
) {
  await loadNotice(deps, ctx, noticeId);
  return openAttachment(deps, { type: 'notice', id: noticeId }, attachmentId);
}
