import type { NoticeReceipt, PageQuery, RemindNoticeInput, Sector } from '@hazard-ledger/domain';
import { likeOperator } from '../../db/dialect.js';
import { forbidden } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './notices.repository.js';
import { loadNotice, nameOf, reachOf } from './notices.service.js';

// Staff side of receipts: who has read a notice, and reminding those who have not.

export type ReceiptListQuery = PageQuery & { status?: 'read' | 'unread'; q?: string };

/** The receipts of a notice for the enterprises the caller answers for: unread first. */
export async function listReceipts(
  deps: ServiceDeps,
  ctx: RequestContext,
  noticeId: number,
  query: ReceiptListQuery,
) {
  const actor = requireActor(ctx);
  const { point } = await loadNotice(deps, ctx, noticeId);
  if (point.kind === 'enterprise') throw forbidden();
  const { items, total } = await repo.listReceipts(
    deps.db.kysely,
    noticeId,
    reachOf(actor),
    { status: query.status, q: query.q, like: likeOperator(deps.db.dialect) },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const rows: NoticeReceipt[] = items.map((r) => ({
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    sector: r.sector as Sector,
    districtName: r.district_name,
    readAt: r.read_at,
    readByName: r.read_by_name,
    remindCount: r.remind_count,
    lastRemindedAt: r.last_reminded_at,
  }));
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/**
 * Reminds the enterprises that have not read a notice (all within the caller's reach, or the
 * listed ones): one reminder event each, counted on the receipt. Read ones are left alone.
 */
export async function remindUnread(
  deps: ServiceDeps,
  ctx: RequestContext,
  noticeId: number,
  input: RemindNoticeInput,
): Promise<{ reminded: number; enterpriseIds: number[] }> {
  const actor = requireActor(ctx);
  const { point } = await loadNotice(deps, ctx, noticeId);
  if (point.kind === 'enterprise') throw forbidden();
  const at = nowIso();
  return inTransaction(deps, async (trx) => {
    const unread = await repo.unreadReceipts(trx, noticeId, reachOf(actor), input.enterpriseIds);
    if (unread.length === 0) return { reminded: 0, enterpriseIds: [] };
    // TODO(notification centre, later issue): deliver the reminder in-app; for now it is recorded
    // and shown in the enterprise's notice list as 已催办.
    await repo.recordReminders(
      trx,
      noticeId,
      unread,
      { userId: actor.userId, name: nameOf(actor) },
      at,
    );
    const enterpriseIds = unread.map((r) => r.enterprise_id);
    await deps.audit.append(trx, ctx, {
      action: 'notice.reminded',
      entityType: 'notice',
      entityId: noticeId,
      changes: { reminded: [null, enterpriseIds.length], enterpriseIds: [null, enterpriseIds] },
    });
    return { reminded: enterpriseIds.length, enterpriseIds };
  });
}
