import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acknowledgeOrderSchema,
  inspectorOptionSchema,
  issuableRecordSchema,
  issueOrderSchema,
  liftOnSiteMeasureSchema,
  ON_SITE_MEASURE_KINDS,
  type OnSiteMeasureKind,
  onSiteMeasureSchema,
  onSiteMeasureViewSchema,
  ORDER_LIST_FILTERS,
  orderDetailSchema,
  orderPageSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  reinspectionSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName } from '../../lib/xlsx.js';
import * as orders from './enforcement-orders.service.js';
import * as measures from './on-site-measures.service.js';
import { orderPdf, reinspectionPdf } from './order-documents.js';
import { reinspectOrder } from './reinspections.service.js';

const idQuery = z.coerce.number().int().positive();

const orderListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(ORDER_LIST_FILTERS).optional(),
    enterpriseId: idQuery.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

const measureListQuerySchema = pageQuerySchema
  .extend({
    enterpriseId: idQuery.optional(),
    active: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    kind: z.enum(ON_SITE_MEASURE_KINDS as [OnSiteMeasureKind, ...OnSiteMeasureKind[]]).optional(),
  })
  .strict();

/** The origin the documents' QR codes point at: the request's own (no extra configuration). */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Rectification orders, re-inspections and on-site measures, with their documents. */
export async function enforcementOrdersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['enforcement-orders'];

  app.get(
    '/enforcement-orders',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '责令限期整改指令书列表（可按状态、逾期筛选）',
        querystring: orderListQuerySchema,
        response: { 200: orderPageSchema, ...commonErrors },
      },
    },
    async (request) => orders.listOrders(deps, request.ctx, request.query as orders.OrderListQuery),
  );

  app.get(
    '/enforcement-orders/issuable-records',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '企业已签名的现场检查记录及其发现的隐患（签发整改指令用）',
        querystring: z.strictObject({ enterpriseId: idQuery }),
        response: { 200: z.array(issuableRecordSchema), ...commonErrors },
      },
    },
    async (request) => orders.listIssuableRecords(deps, request.ctx, request.query.enterpriseId),
  );

  app.get(
    '/enforcement-orders/inspector-options',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '本辖区持执法证的执法人员（复查人员选择）',
        response: { 200: z.array(inspectorOptionSchema), ...commonErrors },
      },
    },
    async (request) => orders.listInspectorOptions(deps, request.ctx),
  );

  app.get(
    '/enforcement-orders/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '整改指令书详情（含复查结果）',
        params: idParamsSchema,
        response: { 200: orderDetailSchema, ...commonErrors },
      },
    },
    async (request) => orders.getOrder(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enforcement-orders',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '依据已签名的现场检查记录签发责令限期整改指令书',
        body: issueOrderSchema,
        response: { 201: orderDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await orders.issueOrder(deps, request.ctx, request.body)),
  );

  app.post(
    '/enforcement-orders/:id/acknowledge',
    {
      config: { access: Permission.EnforcementAcknowledge },
      schema: {
        tags,
        summary: '企业签收整改指令书',
        params: idParamsSchema,
        body: acknowledgeOrderSchema,
        response: { 200: orderDetailSchema, ...commonErrors },
      },
    },
    async (request) => orders.acknowledgeOrder(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/enforcement-orders/:id/reinspection',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '整改复查：逐项记录已整改（台账验收销号）或整改不到位',
        params: idParamsSchema,
        body: reinspectionSchema,
        response: { 200: orderDetailSchema, ...commonErrors },
      },
    },
    async (request) => reinspectOrder(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/enforcement-orders/:id/pdf',
    {
      config: { access: Permission.EnforcementRead },
      schema: { tags, summary: '下载责令限期整改指令书（PDF）', params: idParamsSchema },
    },
    async (request, reply) => {
      const { buffer, fileName } = await orderPdf(
        deps,
        request.ctx,
        request.params.id,
        originOf(request),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/enforcement-orders/:id/reinspection/pdf',
    {
      config: { access: Permission.EnforcementRead },
      schema: { tags, summary: '下载整改复查意见书（PDF）', params: idParamsSchema },
    },
    async (request, reply) => {
      const { buffer, fileName } = await reinspectionPdf(
        deps,
        request.ctx,
        request.params.id,
        originOf(request),
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/on-site-measures',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '现场处理措施（执行中的在前）',
        querystring: measureListQuerySchema,
        response: { 200: pageOf(onSiteMeasureViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      measures.listMeasures(deps, request.ctx, request.query as measures.MeasureListQuery),
  );

  app.get(
    '/on-site-measures/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '现场处理措施详情',
        params: idParamsSchema,
        response: { 200: onSiteMeasureViewSchema, ...commonErrors },
      },
    },
    async (request) => measures.getMeasure(deps, request.ctx, request.params.id),
  );

  app.post(
    '/on-site-measures',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '采取现场处理措施（撤出人员、暂时停产停业、停止使用设施设备）',
        body: onSiteMeasureSchema,
        response: { 201: onSiteMeasureViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await measures.imposeMeasure(deps, request.ctx, request.body)),
  );

  app.post(
    '/on-site-measures/:id/lift',
    {
      config: { access: Permission.EnforcementInspect },
      schema: {
        tags,
        summary: '解除现场处理措施（经审查同意）',
        params: idParamsSchema,
        body: liftOnSiteMeasureSchema,
        response: { 200: onSiteMeasureViewSchema, ...commonErrors },
      },
    },
    async (request) => measures.liftMeasure(deps, request.ctx, request.params.id, request.body),
  );
}
