import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignTargetsSchema,
  cancelPlanSchema,
  completePlanSchema,
  createPlanSchema,
  drawPlanSchema,
  drawVerificationSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  PLAN_KINDS,
  PLAN_STATUSES,
  planCandidatesSchema,
  planDetailSchema,
  planListItemSchema,
  SECTORS,
  startPlanSchema,
  upcomingInspectionSchema,
  updatePlanSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import * as draw from './inspection-plan-draw.service.js';
import { exportPlanTargets } from './inspection-plan-export.js';
import * as plans from './inspection-plans.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    status: z.enum(PLAN_STATUSES as [string, ...string[]]).optional(),
    kind: z.enum(PLAN_KINDS as [string, ...string[]]).optional(),
    sector: z.enum(SECTORS as [string, ...string[]]).optional(),
  })
  .strict();

const candidatesQuerySchema = z.strictObject({ q: z.string().trim().max(50).optional() });

/** Inspection plans (双随机, spot checks, 帮扶, joint) and the reproducible draw. */
export async function inspectionPlansRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['inspection-plans'];

  app.get(
    '/inspection-plans',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '检查计划列表（企业用户：仅本企业被列入的公开计划）',
        querystring: listQuerySchema,
        response: { 200: pageOf(planListItemSchema), ...commonErrors },
      },
    },
    async (request) => plans.listPlans(deps, request.ctx, request.query as plans.PlanListQuery),
  );

  app.post(
    '/inspection-plans',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '制定检查计划（草拟）',
        body: createPlanSchema,
        response: { 201: planDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await plans.createPlan(deps, request.ctx, request.body)),
  );

  app.get(
    '/inspection-plans/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '检查计划详情（检查对象、执法人员、抽取种子、记录）',
        params: idParamsSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => plans.getPlan(deps, request.ctx, request.params.id),
  );

  app.patch(
    '/inspection-plans/:id',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '修改草拟的检查计划',
        params: idParamsSchema,
        body: updatePlanSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => plans.updatePlan(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/draw',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '双随机抽取检查对象和执法人员（保存种子和全部输入，可复核）',
        params: idParamsSchema,
        body: drawPlanSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => draw.drawPlan(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/draw/verify',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '复核抽取结果：用保存的种子和输入重新抽取并比对',
        params: idParamsSchema,
        response: { 200: drawVerificationSchema, ...commonErrors },
      },
    },
    async (request) => draw.verifyDraw(deps, request.ctx, request.params.id),
  );

  app.get(
    '/inspection-plans/:id/candidates',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '可选的检查对象和持证执法人员（人工确定检查对象用）',
        params: idParamsSchema,
        querystring: candidatesQuerySchema,
        response: { 200: planCandidatesSchema, ...commonErrors },
      },
    },
    async (request) => draw.planCandidates(deps, request.ctx, request.params.id, request.query),
  );

  app.put(
    '/inspection-plans/:id/targets',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '人工确定检查对象和执法人员（非双随机计划）',
        params: idParamsSchema,
        body: assignTargetsSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => draw.assignTargets(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/start',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '开始实施检查计划',
        params: idParamsSchema,
        body: startPlanSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => plans.startPlan(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/complete',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '完成检查计划（有未检查对象须说明原因）',
        params: idParamsSchema,
        body: completePlanSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => plans.completePlan(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/inspection-plans/:id/cancel',
    {
      config: { access: Permission.EnforcementPlan },
      schema: {
        tags,
        summary: '取消检查计划（须填写原因）',
        params: idParamsSchema,
        body: cancelPlanSchema,
        response: { 200: planDetailSchema, ...commonErrors },
      },
    },
    async (request) => plans.cancelPlan(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/inspection-plans/:id/targets.xlsx',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '导出检查名单（xlsx）',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportPlanTargets(deps, request.ctx, request.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/enterprises/:id/upcoming-inspections',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '即将对企业开展的检查（企业用户：仅公开计划，不含执法人员）',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(upcomingInspectionSchema) }), ...commonErrors },
      },
    },
    async (request) => plans.upcomingInspections(deps, request.ctx, request.params.id),
  );
}
