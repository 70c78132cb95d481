import type { NotificationKind, NotificationList, NotificationView } from '@hazard-ledger/domain';
import { notFound } from '../../lib/app-error.js';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { nowIso } from '../../lib/time.js';
import * as repo from './notifications.repository.js';

// The notification centre: every use case acts on the caller's own notifications only; another
// user's notification reads as absent (404).

export type NotificationListQuery = {
  page: number;
  pageSize: number;
  unread?: boolean;
  kind?: NotificationKind;
};

type Row = NonNullable<Awaited<ReturnType<typeof repo.findForUser>>>;

function viewOf(row: Row): NotificationView {
  return {
    id: Number(row.id),
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

export async function listNotifications(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: NotificationListQuery,
): Promise<NotificationList> {
  const actor = requireActor(ctx);
  const db = deps.db.kysely;
  const [{ rows, total }, unread] = await Promise.all([
    repo.listForUser(
      db,
      actor.userId,
      { unread: query.unread, kind: query.kind },
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
    ),
    repo.countUnread(db, actor.userId),
  ]);
  return { items: rows.map(viewOf), total, page: query.page, pageSize: query.pageSize, unread };
}

export async function unreadCount(deps: ServiceDeps, ctx: RequestContext): Promise<number> {
  return repo.countUnread(deps.db.kysely, requireActor(ctx).userId);
}

export async function markNotificationRead(
  deps: ServiceDeps,
  ctx: RequestContext,
  id: number,
): Promise<NotificationView> {
  const actor = requireActor(ctx);
  return inTransaction(deps, async (trx) => {
    const row = await repo.findForUser(trx, actor.userId, id);
    if (!row) throw notFound();
    if (row.read_at !== null) return viewOf(row);
    const at = nowIso();
    await repo.markRead(trx, actor.userId, id, at);
    await deps.audit.append(trx, ctx, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: id,
      changes: { read_at: [null, at] },
    });
    return viewOf({ ...row, read_at: at });
  });
}

export async function markAllNotificationsRead(
  deps: ServiceDeps,
  ctx: RequestContext,
): Promise<{ updated: number }> {
  const actor = requireActor(ctx);
  return inTransaction(deps, async (trx) => {
    const updated = await repo.markAllRead(trx, actor.userId, nowIso());
    if (updated > 0) {
      await deps.audit.append(trx, ctx, {
        action: 'notification.read_all',
        entityType: 'user',
        entityId: actor.userId,
        changes: { updated },
      });
    }
    return { updated };
  });
}
