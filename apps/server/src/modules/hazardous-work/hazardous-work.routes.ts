import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createHotWorkPermitSchema,
  dutyPhotoSchema,
  HOT_WORK_ACTIONS,
  HOT_WORK_STATUSES,
  hazardousStaffCheckInputSchema,
  hazardousStaffCheckViewSchema,
  hazardousWorkSummarySchema,
  hazardousWorkVoidSchema,
  hotWorkActionRequestSchema,
  hotWorkPermitDetailSchema,
  hotWorkPermitListItemSchema,
  type HotWorkAction,
  type HotWorkStatus,
  pageOf,
  pageQuerySchema,
  Permission,
  warningEducationInputSchema,
  warningEducationViewSchema,
  weldingCheckInputSchema,
  weldingCheckViewSchema,
} from '@hazard-ledger/domain';
import { fieldError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import * as records from './hazardous-work-records.service.js';
import { hazardousWorkSummary } from './hazardous-work.service.js';
import * as permits from './hot-work-permits.service.js';
import { operationCertificateRoutes } from './operation-certificates.routes.js';

const permitListQuerySchema = pageQuerySchema
  .extend({ status: z.enum(HOT_WORK_STATUSES as [HotWorkStatus, ...HotWorkStatus[]]).optional() })
  .strict();

/** Hot-work permits, welding-equipment checks, special-operation certificates, warning education. */
export async function hazardousWorkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['hazardous-work'];

  app.get(
    '/enterprises/:id/hazardous-work',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '动火等危险作业排查整治：本企业落实情况',
        params: idParamsSchema,
        response: { 200: hazardousWorkSummarySchema, ...commonErrors },
      },
    },
    async (request) => hazardousWorkSummary(deps, request.ctx, request.params.id),
  );

  // ------------------------------------------------------------ hot-work permits

  app.get(
    '/enterprises/:id/hot-work-permits',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '动火作业许可列表',
        params: idParamsSchema,
        querystring: permitListQuerySchema,
        response: { 200: pageOf(hotWorkPermitListItemSchema), ...commonErrors },
      },
    },
    async (request) =>
      permits.listPermits(
        deps,
        request.ctx,
        request.params.id,
        request.query as permits.PermitListQuery,
      ),
  );

  app.post(
    '/enterprises/:id/hot-work-permits',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '申请动火作业许可',
        params: idParamsSchema,
        body: createHotWorkPermitSchema,
        response: { 201: hotWorkPermitDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await permits.requestPermit(deps, request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/hot-work-permits/:id',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '动火作业许可详情（含办理记录与当前可办理的操作）',
        params: idParamsSchema,
        response: { 200: hotWorkPermitDetailSchema, ...commonErrors },
      },
    },
    async (request) => permits.getPermit(deps, request.ctx, request.params.id),
  );

  app.post(
    '/hot-work-permits/:id/actions/:action',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary:
          '办理动火作业许可（确认措施、审批、驳回、开始、关闭、撤销；可带 Idempotency-Key 头）',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          action: z.enum(HOT_WORK_ACTIONS as [HotWorkAction, ...HotWorkAction[]], {
            message: '未知的操作',
          }),
        }),
        body: hotWorkActionRequestSchema,
        response: { 200: hotWorkPermitDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        throw fieldError('Idempotency-Key', '幂等键格式不正确');
      }
      return permits.actOnPermit(
        deps,
        request.ctx,
        request.params.id,
        request.params.action,
        request.body,
        key ?? null,
      );
    },
  );

  // ------------------------------------------------------------ welding-equipment checks

  app.get(
    '/enterprises/:id/welding-checks',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '电气焊设备检查记录',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(weldingCheckViewSchema) }), ...commonErrors },
      },
    },
    async (request) => records.listWeldingChecks(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/welding-checks',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记电气焊设备检查',
        params: idParamsSchema,
        body: weldingCheckInputSchema,
        response: { 201: weldingCheckViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.recordWeldingCheck(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/welding-checks/:id/void',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废电气焊设备检查记录',
        params: idParamsSchema,
        body: hazardousWorkVoidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await records.voidHazardousWorkRecord(
        deps,
        request.ctx,
        'welding_equipment_checks',
        request.params.id,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ warning education

  app.get(
    '/enterprises/:id/warning-educations',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '全员安全警示教育活动',
        params: idParamsSchema,
        response: {
          200: z.object({ items: z.array(warningEducationViewSchema) }),
          ...commonErrors,
        },
      },
    },
    async (request) => records.listEducations(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/warning-educations',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记全员安全警示教育活动',
        params: idParamsSchema,
        body: warningEducationInputSchema,
        response: { 201: warningEducationViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.recordEducation(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/warning-educations/:id/void',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废警示教育活动记录',
        params: idParamsSchema,
        body: hazardousWorkVoidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await records.voidHazardousWorkRecord(
        deps,
        request.ctx,
        'warning_educations',
        request.params.id,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/warning-educations/:id/photos',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '上传警示教育活动照片（JPEG/PNG/WebP，自动去除位置等元数据）',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 201: dutyPhotoSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      const saved = await records.addEducationPhoto(deps, request.ctx, request.params.id, file);
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/warning-educations/:id/photos/:photoId',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '查看警示教育活动照片',
        params: z.strictObject({
          id: z.coerce.number().int().positive(),
          photoId: z.coerce.number().int().positive(),
        }),
      },
    },
    async (request, reply) => {
      const photo = await records.readEducationPhoto(
        deps,
        request.ctx,
        request.params.id,
        request.params.photoId,
      );
      return reply
        .type(photo.mimeType)
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(photo.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(photo.stream);
    },
  );

  // ------------------------------------------------------------ hazardous-operation staff check

  app.get(
    '/enterprises/:id/hazardous-staff-checks',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '危险作业人员全面排查记录',
        params: idParamsSchema,
        response: {
          200: z.object({ items: z.array(hazardousStaffCheckViewSchema) }),
          ...commonErrors,
        },
      },
    },
    async (request) => records.listStaffChecks(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/hazardous-staff-checks',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记危险作业人员全面排查',
        params: idParamsSchema,
        body: hazardousStaffCheckInputSchema,
        response: { 201: hazardousStaffCheckViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await records.recordStaffCheck(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/hazardous-staff-checks/:id/void',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废危险作业人员排查记录',
        params: idParamsSchema,
        body: hazardousWorkVoidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await records.voidHazardousWorkRecord(
        deps,
        request.ctx,
        'hazardous_staff_checks',
        request.params.id,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );

  await operationCertificateRoutes(fastify);
}
