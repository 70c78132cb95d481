import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordSchema, loginSchema, RouteAccess, ROLES } from '@hazard-ledger/domain';
import { commonErrors, errorBodySchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as auth from './auth.service.js';
import { SESSION_COOKIE } from './session.service.js';

const meSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES as [string, ...string[]]),
    orgUnitId: z.number(),
    orgUnitName: z.string(),
    sectors: z.array(z.string()).nullable(),
    enterpriseId: z.number().nullable(),
    enterpriseName: z.string().nullable(),
    totpEnabled: z.boolean(),
    mustEnrollTotp: z.boolean(),
  }),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});

/** Sign-in, sign-out, the current user, password, sessions and TOTP. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const secureCookie = fastify.appConfig.trustProxy;

  app.post(
    '/auth/login',
    {
      config: { access: RouteAccess.Public },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: loginSchema,
        response: {
          200: z.object({
            user: z.object({
              id: z.number(),
              username: z.string(),
              role: z.string(),
              displayName: z.string(),
            }),
            csrfToken: z.string(),
          }),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
          423: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(
        deps,
        request.ctx,
        request.body,
        request.headers['user-agent'] ?? null,
      );
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: RouteAccess.Authenticated },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await auth.logout(deps, request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: RouteAccess.Authenticated },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: meSchema, ...commonErrors } },
    },
    async (request) => auth.me(request.ctx),
  );

  app.post(
    '/auth/password',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: changePasswordSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.changePassword(deps, request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '我的会话',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                ip: z.string().nullable(),
                userAgent: z.string().nullable(),
                current: z.boolean(),
              }),
            ),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => auth.listMySessions(deps, request.ctx),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '结束我的其他会话',
        params: z.strictObject({
          id: z.string().regex(/^[0-9a-f]{64}$/, { message: '会话编号格式不正确' }),
        }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.revokeMySession(deps, request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '生成动态验证码密钥',
        response: {
          200: z.object({ secret: z.string(), otpauthUrl: z.string() }),
          ...commonErrors,
        },
      },
    },
    async (request) => auth.setupTotp(deps, request.ctx),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '启用双因素认证',
        body: z.strictObject({
          code: z.string().regex(/^[0-9]{6}$/, { message: '动态验证码为6位数字' }),
        }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.enableTotp(deps, request.ctx, request.body.code);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { access: RouteAccess.Authenticated },
      schema: {
        tags: ['auth'],
        summary: '停用双因素认证',
        body: z.strictObject({ password: z.string().min(1).max(128) }),
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.disableTotp(deps, request.ctx, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
