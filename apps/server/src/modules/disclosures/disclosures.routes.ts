import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addDisclosurePhotoSchema,
  createDisclosureSchema,
  DISCLOSURE_STATUSES,
  disclosureActionRequestSchema,
  disclosureDetailSchema,
  disclosureListItemSchema,
  disclosurePhotoBoxesSchema,
  type DisclosureStatus,
  pageQuerySchema,
  Permission,
  publicCaseListItemSchema,
  publicCaseQuerySchema,
  publicCaseSchema,
  RouteAccess,
  updateDisclosureSchema,
} from '@hazard-ledger/domain';
import { commonErrors, errorBodySchema, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as disclosures from './disclosures.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(DISCLOSURE_STATUSES as [DisclosureStatus, ...DisclosureStatus[]]).optional(),
  })
  .strict();

const photoParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  photoId: z.coerce.number().int().positive(),
});

const publicErrors = { 400: errorBodySchema, 404: errorBodySchema, 429: errorBodySchema } as const;

function sendImage(
  reply: FastifyReply,
  file: { stream: Readable; mimeType: string },
  cache: string,
) {
  return reply
    .type(file.mimeType)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .send(file.stream);
}

/**
 * Public disclosure: the publicity office's editor and workflow (signed in) and the public pages'
 * API under /public/cases (no login; only published, redacted content).
 */
export async function disclosuresRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['disclosures'];
  const manage = { access: Permission.DisclosureManage };

  app.get(
    '/disclosures',
    {
      config: manage,
      schema: {
        tags,
        summary: '公开曝光案例列表',
        querystring: listQuerySchema,
        response: {
          200: z.object({
            items: z.array(disclosureListItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            countsByStatus: z.record(z.string(), z.number()),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => disclosures.listDisclosures(deps, request.ctx, request.query),
  );

  app.post(
    '/disclosures',
    {
      config: manage,
      schema: {
        tags,
        summary: '从行政处罚案件或重大事故隐患（按编号）编写典型案例或曝光',
        body: createDisclosureSchema,
        response: { 201: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await disclosures.createDisclosure(deps, request.ctx, request.body)),
  );

  app.get(
    '/disclosures/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '案例详情：正文、隐去内容预览、照片、可执行操作',
        params: idParamsSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) => disclosures.getDisclosure(deps, request.ctx, request.params.id),
  );

  app.patch(
    '/disclosures/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: '修改草稿：类型、标题、正文、人工隐去内容、公开期',
        params: idParamsSchema,
        body: updateDisclosureSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      disclosures.updateDisclosure(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/disclosures/:id/actions',
    {
      config: manage,
      schema: {
        tags,
        summary: '提交审批、退回、批准发布（须由另一人）、撤下（须填原因）',
        params: idParamsSchema,
        body: disclosureActionRequestSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      disclosures.actOnDisclosure(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/disclosures/:id/photos',
    {
      config: manage,
      schema: {
        tags,
        summary: '添加来源隐患的照片（JPEG/PNG）',
        params: idParamsSchema,
        body: addDisclosurePhotoSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      disclosures.addDisclosurePhoto(
        deps,
        request.ctx,
        request.params.id,
        request.body.sourceFileId,
      ),
  );

  app.put(
    '/disclosures/:id/photos/:photoId/boxes',
    {
      config: manage,
      schema: {
        tags,
        summary: '设置照片的遮挡框（相对坐标）并重新生成打码副本',
        params: photoParamsSchema,
        body: disclosurePhotoBoxesSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      disclosures.setPhotoBoxes(
        deps,
        request.ctx,
        request.params.id,
        request.params.photoId,
        request.body.boxes,
      ),
  );

  app.delete(
    '/disclosures/:id/photos/:photoId',
    {
      config: manage,
      schema: {
        tags,
        summary: '移除照片',
        params: photoParamsSchema,
        response: { 200: disclosureDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      disclosures.removePhoto(deps, request.ctx, request.params.id, request.params.photoId),
  );

  app.get(
    '/disclosures/:id/photos/:photoId/:variant',
    {
      config: manage,
      schema: {
        tags,
        summary: '照片原图（供放置遮挡框）或打码副本',
        params: photoParamsSchema.extend({ variant: z.enum(['original', 'redacted']) }),
      },
    },
    async (request, reply) =>
      sendImage(
        reply,
        await disclosures.readPhoto(
          deps,
          request.ctx,
          request.params.id,
          request.params.photoId,
          request.params.variant,
        ),
        'private, no-store',
      ),
  );

  // ---- Public (no login) ----
  const access = RouteAccess.Public;
  // Generous for readers and their photos, but a scraper or a flood is slowed per address.
  const rateLimit = { max: 300, timeWindow: 60_000 };

  app.get(
    '/public/cases',
    {
      config: { access, rateLimit },
      schema: {
        tags: ['disclosures-public'],
        summary: '公开中的典型执法案例和曝光（可按标题、正文搜索，按行业筛选）',
        querystring: publicCaseQuerySchema,
        response: {
          200: z.object({
            items: z.array(publicCaseListItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
          ...publicErrors,
        },
      },
    },
    async (request) => disclosures.listPublicCases(deps, request.query),
  );

  app.get(
    '/public/cases/:id',
    {
      config: { access, rateLimit },
      schema: {
        tags: ['disclosures-public'],
        summary: '一个公开中的案例（已隐去个人信息）',
        params: idParamsSchema,
        response: { 200: publicCaseSchema, ...publicErrors },
      },
    },
    async (request) => disclosures.getPublicCase(deps, request.params.id),
  );

  app.get(
    '/public/cases/:id/photos/:photoId',
    {
      config: { access, rateLimit },
      schema: {
        tags: ['disclosures-public'],
        summary: '公开案例的照片（打码副本）',
        params: photoParamsSchema,
      },
    },
    async (request, reply) =>
      sendImage(
        reply,
        await disclosures.readPublicPhoto(deps, request.params.id, request.params.photoId),
        'public, max-age=300',
      ),
  );
}
