import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accidentDetailSchema,
  accidentListQuerySchema,
  accidentPageSchema,
  createAccidentSchema,
  Permission,
  traceBackSchema,
  updateAccidentSchema,
  voidAccidentSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import * as accidents from './accidents.service.js';
import { traceBackWorkbook } from './trace-back-export.js';

/** Accidents and responsibility trace-back (issue 10 item 5). */
export async function accidentsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['accidents'];

  app.get(
    '/accidents',
    {
      config: { access: Permission.AccidentRead },
      schema: {
        tags,
        summary: '生产安全事故列表（可按等级、类别、行业、日期筛选）',
        querystring: accidentListQuerySchema,
        response: { 200: accidentPageSchema, ...commonErrors },
      },
    },
    async (request) => accidents.listAccidents(deps, request.ctx, request.query),
  );

  app.get(
    '/accidents/:id',
    {
      config: { access: Permission.AccidentRead },
      schema: {
        tags,
        summary: '事故详情',
        params: idParamsSchema,
        response: { 200: accidentDetailSchema, ...commonErrors },
      },
    },
    async (request) => accidents.getAccident(deps, request.ctx, request.params.id),
  );

  app.get(
    '/accidents/:id/trace-back',
    {
      config: { access: Permission.AccidentRead },
      schema: {
        tags,
        summary: '责任倒查：事故前两年的现场检查、签名人员、发现的隐患及其事发时状态',
        params: idParamsSchema,
        response: { 200: traceBackSchema, ...commonErrors },
      },
    },
    async (request) => accidents.traceBack(deps, request.ctx, request.params.id),
  );

  app.get(
    '/accidents/:id/trace-back.xlsx',
    {
      config: { access: Permission.AccidentRead },
      schema: { tags, summary: '导出责任倒查材料（xlsx）', params: idParamsSchema },
    },
    async (request, reply) => {
      const { buffer, fileName } = await traceBackWorkbook(deps, request.ctx, request.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.post(
    '/accidents',
    {
      config: { access: Permission.AccidentManage },
      schema: {
        tags,
        summary: '登记生产安全事故',
        body: createAccidentSchema,
        response: { 201: accidentDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await accidents.createAccident(deps, request.ctx, request.body)),
  );

  app.patch(
    '/accidents/:id',
    {
      config: { access: Permission.AccidentManage },
      schema: {
        tags,
        summary: '修改事故信息',
        params: idParamsSchema,
        body: updateAccidentSchema,
        response: { 200: accidentDetailSchema, ...commonErrors },
      },
    },
    async (request) => accidents.updateAccident(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/accidents/:id/void',
    {
      config: { access: Permission.AccidentManage },
      schema: {
        tags,
        summary: '作废事故记录（须说明理由）',
        params: idParamsSchema,
        body: voidAccidentSchema,
        response: { 200: accidentDetailSchema, ...commonErrors },
      },
    },
    async (request) => accidents.voidAccident(deps, request.ctx, request.params.id, request.body),
  );
}
