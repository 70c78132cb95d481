import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  resetPasswordSchema,
  ROLES,
  type Role,
  updateUserSchema,
  userViewSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as users from './users.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    role: z.enum(ROLES as [Role, ...Role[]]).optional(),
    orgUnitId: z.coerce.number().int().positive().optional(),
    status: z.enum(['active', 'disabled']).optional(),
    sort: z.enum(['username', 'displayName', 'role', 'createdAt', 'lastLoginAt']).optional(),
  })
  .strict();

/** User administration: list, read, create, edit, disable/enable, unlock, reset password. */
export async function usersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['users'];

  app.get(
    '/users',
    {
      config: { access: Permission.UserRead },
      schema: {
        tags,
        summary: '用户列表',
        querystring: listQuerySchema,
        response: { 200: pageOf(userViewSchema), ...commonErrors },
      },
    },
    async (request) => users.listUsers(deps, request.ctx, request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: Permission.UserRead },
      schema: {
        tags,
        summary: '用户详情',
        params: idParamsSchema,
        response: { 200: userViewSchema, ...commonErrors },
      },
    },
    async (request) => users.getUser(deps, request.ctx, request.params.id),
  );

  app.post(
    '/users',
    {
      config: { access: Permission.UserManage },
      schema: {
        tags,
        summary: '新建用户',
        body: createUserSchema,
        response: { 201: userViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await users.createUser(deps, request.ctx, request.body)),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: Permission.UserManage },
      schema: {
        tags,
        summary: '修改用户',
        params: idParamsSchema,
        body: updateUserSchema,
        response: { 200: userViewSchema, ...commonErrors },
      },
    },
    async (request) => users.updateUser(deps, request.ctx, request.params.id, request.body),
  );

  for (const action of ['disable', 'enable', 'unlock'] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        config: { access: Permission.UserManage },
        schema: {
          tags,
          summary: { disable: '停用用户', enable: '启用用户', unlock: '解除锁定' }[action],
          params: idParamsSchema,
          response: { 200: userViewSchema, ...commonErrors },
        },
      },
      async (request) => users.changeUserStatus(deps, request.ctx, request.params.id, action),
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      config: { access: Permission.UserManage },
      schema: {
        tags,
        summary: '重置密码',
        params: idParamsSchema,
        body: resetPasswordSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await users.resetPassword(deps, request.ctx, request.params.id, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
