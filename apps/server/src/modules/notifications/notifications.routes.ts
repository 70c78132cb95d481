import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NOTIFICATION_KINDS,
  notificationListSchema,
  notificationSchema,
  pageQuerySchema,
  RouteAccess,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as service from './notifications.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    kind: z.enum(NOTIFICATION_KINDS).optional(),
  })
  .strict();

/** The in-app notification centre: each signed-in user sees and marks only their own. */
export async function notificationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags,
        summary: '我的消息提醒（分页，可只看未读）',
        querystring: listQuerySchema,
        response: { 200: notificationListSchema, ...commonErrors },
      },
    },
    async (request) => service.listNotifications(deps, request.ctx, request.query),
  );

  app.get(
    '/notifications/unread-count',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags,
        summary: '未读消息数（铃铛）',
        response: { 200: z.object({ count: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => ({ count: await service.unreadCount(deps, request.ctx) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags,
        summary: '标记一条消息为已读',
        params: idParamsSchema,
        response: { 200: notificationSchema, ...commonErrors },
      },
    },
    async (request) => service.markNotificationRead(deps, request.ctx, request.params.id),
  );

  app.post(
    '/notifications/read-all',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags,
        summary: '全部标记为已读',
        response: { 200: z.object({ updated: z.number().int() }), ...commonErrors },
      },
    },
    async (request) => service.markAllNotificationsRead(deps, request.ctx),
  );
}
