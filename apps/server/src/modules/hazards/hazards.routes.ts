import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createHazardSchema,
  HAZARD_ACTIONS,
  HAZARD_LEVELS,
  HAZARD_ORIGINS,
  HAZARD_STATUSES,
  hazardActionRequestSchema,
  hazardDetailSchema,
  hazardFileSchema,
  hazardListItemSchema,
  type HazardAction,
  pageQuerySchema,
  Permission,
  rectificationPlanSchema,
  SECTORS,
  updateHazardSchema,
} from '@hazard-ledger/domain';
import { fieldError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import { actOnHazard } from './hazard-actions.service.js';
import { exportHazards } from './hazard-export.js';
import { addHazardFile, readHazardFile } from './hazard-files.service.js';
import * as hazards from './hazards.service.js';

const dateParam = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

const filterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  sector: z.enum(SECTORS as [string, ...string[]]).optional(),
  enterpriseId: z.coerce.number().int().positive().optional(),
  districtId: z.coerce.number().int().positive().optional(),
  level: z.enum(HAZARD_LEVELS as [string, ...string[]]).optional(),
  status: z.enum(HAZARD_STATUSES as [string, ...string[]]).optional(),
  origin: z.enum(HAZARD_ORIGINS).optional(),
  overdue: boolParam.optional(),
  supervised: boolParam.optional(),
  catalogItemCode: z.string().max(40).optional(),
  foundFrom: dateParam.optional(),
  foundTo: dateParam.optional(),
});

const listQuerySchema = pageQuerySchema
  .extend({
    ...filterSchema.shape,
    sort: z.enum(['foundAt', 'deadline', 'number', 'level', 'status', 'updatedAt']).optional(),
  })
  .strict();

const todoSchema = z.object({
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      count: z.number(),
      items: z.array(hazardListItemSchema),
    }),
  ),
});

/** The hazard ledger: list, record, plan, workflow actions, files, export and to-do. */
export async function hazardsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['hazards'];

  app.get(
    '/hazards',
    {
      config: { access: Permission.HazardRead },
      schema: {
        tags,
        summary: '隐患台账',
        querystring: listQuerySchema,
        response: {
          200: z.object({
            items: z.array(hazardListItemSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            countsByStatus: z.record(z.string(), z.number()),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) =>
      hazards.listHazards(deps, request.ctx, request.query as hazards.HazardListQuery),
  );

  app.get(
    '/hazards/export',
    {
      config: { access: Permission.HazardRead },
      schema: {
        tags,
        summary: '导出重大事故隐患问题清单（xlsx）',
        querystring: filterSchema.strict(),
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentName(`重大事故隐患问题清单-${new Date().toISOString().slice(0, 10)}.xlsx`),
        )
        .send(await exportHazards(deps, request.ctx, request.query as hazards.HazardListQuery)),
  );

  app.get(
    '/hazards/todo',
    {
      config: { access: Permission.HazardRead },
      schema: { tags, summary: '我的待办', response: { 200: todoSchema, ...commonErrors } },
    },
    async (request) => hazards.hazardTodo(deps, request.ctx),
  );

  app.get(
    '/hazards/:id',
    {
      config: { access: Permission.HazardRead },
      schema: {
        tags,
        summary: '隐患详情',
        params: idParamsSchema,
        response: { 200: hazardDetailSchema, ...commonErrors },
      },
    },
    async (request) => hazards.getHazard(deps, request.ctx, request.params.id),
  );

  app.post(
    '/hazards',
    {
      config: { access: Permission.HazardCreate },
      schema: {
        tags,
        summary: '登记隐患',
        body: createHazardSchema,
        response: { 201: hazardDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await hazards.createHazard(deps, request.ctx, request.body)),
  );

  app.patch(
    '/hazards/:id',
    {
      config: { access: Permission.HazardCreate },
      schema: {
        tags,
        summary: '修改隐患登记信息',
        params: idParamsSchema,
        body: updateHazardSchema,
        response: { 200: hazardDetailSchema, ...commonErrors },
      },
    },
    async (request) => hazards.updateHazard(deps, request.ctx, request.params.id, request.body),
  );

  app.put(
    '/hazards/:id/plan',
    {
      config: { access: Permission.HazardCreate },
      schema: {
        tags,
        summary: '保存整改方案（五落实）',
        params: idParamsSchema,
        body: rectificationPlanSchema
          .partial()
          .extend({ version: z.number().int().min(1) })
          .strict(),
        response: { 200: hazardDetailSchema, ...commonErrors },
      },
    },
    async (request) => hazards.savePlan(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/hazards/:id/actions/:action',
    {
      config: { access: Permission.HazardAct },
      schema: {
        tags,
        summary: '办理隐患流程操作（可带 Idempotency-Key 头）',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          action: z.enum(HAZARD_ACTIONS as [HazardAction, ...HazardAction[]], {
            message: '未知的操作',
          }),
        }),
        body: hazardActionRequestSchema,
        response: { 200: hazardDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        throw fieldError('Idempotency-Key', '幂等键格式不正确');
      }
      return actOnHazard(
        deps,
        request.ctx,
        request.params.id,
        request.params.action,
        request.body,
        key ?? null,
      );
    },
  );

  app.post(
    '/hazards/:id/files',
    {
      config: { access: Permission.HazardCreate },
      schema: {
        tags,
        summary: '上传隐患照片或附件',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        querystring: z.strictObject({
          kind: z.enum(['before', 'after', 'document']),
          keepMetadata: boolParam.optional(),
        }),
        response: { 201: hazardFileSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      const saved = await addHazardFile(
        deps,
        request.ctx,
        request.params.id,
        request.query.kind,
        file,
        request.query.keepMetadata ?? false,
      );
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/hazards/:id/files/:fileId',
    {
      config: { access: Permission.HazardRead },
      schema: {
        tags,
        summary: '下载隐患照片或附件',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          fileId: z.coerce.number().int().positive(),
        }),
      },
    },
    async (request, reply) => {
      const file = await readHazardFile(
        deps,
        request.ctx,
        request.params.id,
        request.params.fileId,
      );
      const inline = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf';
      return reply
        .type(file.mimeType)
        .header(
          'content-disposition',
          inline
            ? `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
            : attachmentName(file.fileName),
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(file.stream);
    },
  );
}
