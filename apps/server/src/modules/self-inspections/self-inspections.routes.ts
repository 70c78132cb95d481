import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  discardSelfInspectionSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  SECTORS,
  SELF_INSPECTION_COVERAGE_FILTERS,
  SELF_INSPECTION_STATUSES,
  selfInspectionAnswerSchema,
  selfInspectionCoverageSchema,
  selfInspectionDetailSchema,
  selfInspectionListItemSchema,
  selfInspectionPhotoSchema,
  selfInspectionStartInfoSchema,
  startSelfInspectionSchema,
  submitSelfInspectionSchema,
  updateSelfInspectionSchema,
  type Sector,
  type SelfInspectionStatus,
} from '@hazard-ledger/domain';
import { fieldError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import {
  exportSelfInspectionCoverage,
  selfInspectionCoverage,
  type CoverageQuery,
} from './self-inspection-coverage.js';
import { selfInspectionPdf } from './self-inspection-pdf.js';
import * as photos from './self-inspection-photos.service.js';
import * as submission from './self-inspection-submit.service.js';
import * as service from './self-inspections.service.js';

const listQuerySchema = pageQuerySchema
  .extend({
    enterpriseId: z.coerce.number().int().positive().optional(),
    status: z
      .enum(SELF_INSPECTION_STATUSES as [SelfInspectionStatus, ...SelfInspectionStatus[]])
      .optional(),
  })
  .strict();

const coverageFilterSchema = z.object({
  campaignId: z.coerce.number().int().positive().optional(),
  phase: z.string().trim().max(30).optional(),
  sector: z.enum(SECTORS as [Sector, ...Sector[]]).optional(),
  status: z.enum(SELF_INSPECTION_COVERAGE_FILTERS).optional(),
  q: z.string().trim().max(50).optional(),
});

const itemParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  code: z.string().trim().min(1).max(40),
});

const photoParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive(),
  photoId: z.coerce.number().int().positive(),
});

/** Self-inspections against the applicable checklist (对标自查自改) and their coverage. */
export async function selfInspectionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['self-inspections'];

  app.get(
    '/self-inspections',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '对标自查记录列表（企业：本企业的）',
        querystring: listQuerySchema,
        response: { 200: pageOf(selfInspectionListItemSchema), ...commonErrors },
      },
    },
    async (request) => service.listRuns(deps, request.ctx, request.query as service.RunListQuery),
  );

  app.get(
    '/self-inspections/start-info',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '开始自查前的信息：当前专项行动、填报中的记录',
        response: { 200: selfInspectionStartInfoSchema, ...commonErrors },
      },
    },
    async (request) => service.startInfo(deps, request.ctx),
  );

  app.post(
    '/self-inspections',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '开始对标自查（按本企业适用的判定标准条目生成检查表）',
        body: startSelfInspectionSchema,
        response: { 201: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.startRun(deps, request.ctx, request.body)),
  );

  app.get(
    '/self-inspections/coverage',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '各行业企业对标自查提交情况（监管部门）',
        querystring: pageQuerySchema.extend(coverageFilterSchema.shape).strict(),
        response: { 200: selfInspectionCoverageSchema, ...commonErrors },
      },
    },
    async (request) =>
      selfInspectionCoverage(
        deps,
        request.ctx,
        request.query as CoverageQuery & z.infer<typeof pageQuerySchema>,
      ),
  );

  app.get(
    '/self-inspections/coverage/export',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '导出对标自查提交情况（xlsx）',
        querystring: coverageFilterSchema.strict(),
      },
    },
    async (request, reply) => {
      const { buffer, fileName } = await exportSelfInspectionCoverage(
        deps,
        request.ctx,
        request.query,
      );
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );

  app.get(
    '/self-inspections/:id',
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '对标自查记录详情',
        params: idParamsSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) => service.getRun(deps, request.ctx, request.params.id),
  );

  app.patch(
    '/self-inspections/:id',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '修改检查日期、检查人员',
        params: idParamsSchema,
        body: updateSelfInspectionSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) => service.updateRun(deps, request.ctx, request.params.id, request.body),
  );

  app.put(
    '/self-inspections/:id/items/:code/answer',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '保存一个条目的自查结论（符合/存在问题/不适用）',
        params: itemParamsSchema,
        body: selfInspectionAnswerSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      service.answerItem(deps, request.ctx, request.params.id, request.params.code, request.body),
  );

  app.post(
    '/self-inspections/:id/items/:code/photos',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '上传条目问题照片',
        consumes: ['multipart/form-data'],
        params: itemParamsSchema,
        response: { 201: selfInspectionPhotoSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      const saved = await photos.addPhoto(
        deps,
        request.ctx,
        request.params.id,
        request.params.code,
        file,
      );
      return reply.code(201).send(saved);
    },
  );

  app.delete(
    '/self-inspections/:id/photos/:photoId',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '删除条目照片（填报中）',
        params: photoParamsSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      photos.removePhoto(deps, request.ctx, request.params.id, request.params.photoId),
  );

  app.get(
    '/self-inspections/:id/photos/:photoId',
    {
      config: { access: Permission.DutyRead },
      schema: { tags, summary: '查看条目照片', params: photoParamsSchema },
    },
    async (request, reply) => {
      const file = await photos.readPhoto(
        deps,
        request.ctx,
        request.params.id,
        request.params.photoId,
      );
      return reply
        .type(file.mimeType)
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(file.stream);
    },
  );

  app.post(
    '/self-inspections/:id/submit',
    {
      config: { access: Permission.DutySign },
      schema: {
        tags,
        summary: '主要负责人提交并签字（存在问题的条目列入隐患台账；可带 Idempotency-Key 头）',
        params: idParamsSchema,
        body: submitSelfInspectionSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        throw fieldError('Idempotency-Key', '幂等键格式不正确');
      }
      return submission.submitRun(deps, request.ctx, request.params.id, request.body, key ?? null);
    },
  );

  app.post(
    '/self-inspections/:id/discard',
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废填报中的自查记录',
        params: idParamsSchema,
        body: discardSelfInspectionSchema,
        response: { 200: selfInspectionDetailSchema, ...commonErrors },
      },
    },
    async (request) => submission.discardRun(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/self-inspections/:id/pdf',
    {
      config: { access: Permission.DutyRead },
      schema: { tags, summary: '下载自查记录表（PDF）', params: idParamsSchema },
    },
    async (request, reply) => {
      const { buffer, fileName } = await selfInspectionPdf(deps, request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentName(fileName))
        .send(buffer);
    },
  );
}
