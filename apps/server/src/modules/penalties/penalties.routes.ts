import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ENFORCEMENT_MEASURE_KINDS,
  type EnforcementMeasureKind,
  enforcementMeasureSchema,
  enforcementMeasureViewSchema,
  filePenaltyCaseRequestSchema,
  measureDocumentSchema,
  pageOf,
  pageQuerySchema,
  PENALTY_CASE_ACTIONS,
  PENALTY_CASE_STATUSES,
  penaltyCaseActionRequestSchema,
  penaltyCaseDetailSchema,
  penaltyCaseListItemSchema,
  type PenaltyCaseAction,
  type PenaltyCaseStatus,
  Permission,
  REPEAT_OFFENDER_REASONS,
  repeatOffenderRowSchema,
  SECTORS,
  type Sector,
  updateEnforcementMeasureSchema,
  updatePenaltyCaseSchema,
  voidEnforcementMeasureSchema,
} from '@hazard-ledger/domain';
import { fieldError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import * as measures from './measures.service.js';
import { actOnCase } from './penalty-actions.service.js';
import * as cases from './penalty-cases.service.js';
import { decisionPdf } from './penalty-decision-pdf.js';
import * as offenders from './repeat-offenders.service.js';

const positiveId = z.coerce.number().int().positive();
const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);

const caseListQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(PENALTY_CASE_STATUSES as [PenaltyCaseStatus, ...PenaltyCaseStatus[]]).optional(),
    sector: sectorEnum.optional(),
    enterpriseId: positiveId.optional(),
    q: z.string().trim().max(50).optional(),
  })
  .strict();

const measureListQuerySchema = pageQuerySchema
  .extend({
    enterpriseId: positiveId.optional(),
    kind: z
      .enum(ENFORCEMENT_MEASURE_KINDS as [EnforcementMeasureKind, ...EnforcementMeasureKind[]])
      .optional(),
    includeVoided: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
  })
  .strict();

const offenderFilterSchema = z.strictObject({
  sector: sectorEnum.optional(),
  reason: z.enum(REPEAT_OFFENDER_REASONS).optional(),
  asOf: z.iso.date({ message: '日期格式应为YYYY-MM-DD' }).optional(),
});

/** The origin documents' QR codes point at: the address the request came to. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function sendFile<R extends FastifyReply>(reply: R, file: { mimeType: string; fileName: string }) {
  const inline = file.mimeType === 'application/pdf';
  return reply
    .type(file.mimeType)
    .header(
      'content-disposition',
      inline
        ? `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`
        : attachmentName(file.fileName),
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300');
}

/** Penalty cases (一案双罚), enforcement measures and repeat offenders. */
export async function penaltiesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['penalties'];

  // ---- Cases ----

  app.get(
    '/penalty-cases',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '行政处罚案件（企业：本企业已作出决定的案件）',
        querystring: caseListQuerySchema,
        response: { 200: pageOf(penaltyCaseListItemSchema), ...commonErrors },
      },
    },
    async (request) => cases.listCases(deps, request.ctx, request.query as cases.CaseListQuery),
  );

  app.post(
    '/penalty-cases',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '立案',
        body: filePenaltyCaseRequestSchema,
        response: { 201: penaltyCaseDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await cases.fileCase(deps, request.ctx, request.body)),
  );

  app.get(
    '/penalty-cases/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '处罚案件详情',
        params: idParamsSchema,
        response: { 200: penaltyCaseDetailSchema, ...commonErrors },
      },
    },
    async (request) => cases.getCase(deps, request.ctx, request.params.id),
  );

  app.patch(
    '/penalty-cases/:id',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '修改案由、违法事实、涉及的隐患和检查记录（作出决定前）',
        params: idParamsSchema,
        body: updatePenaltyCaseSchema,
        response: { 200: penaltyCaseDetailSchema, ...commonErrors },
      },
    },
    async (request) => cases.updateCase(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/penalty-cases/:id/actions/:action',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '办理案件流程操作（可带 Idempotency-Key 头）',
        params: z.strictObject({
          id: positiveId,
          action: z.enum(PENALTY_CASE_ACTIONS as [PenaltyCaseAction, ...PenaltyCaseAction[]], {
            message: '未知的操作',
          }),
        }),
        body: penaltyCaseActionRequestSchema,
        response: { 200: penaltyCaseDetailSchema, ...commonErrors },
      },
    },
    async (request) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key))) {
        throw fieldError('Idempotency-Key', '幂等键格式不正确');
      }
      return actOnCase(
        deps,
        request.ctx,
        request.params.id,
        request.params.action,
        request.body,
        key ?? null,
      );
    },
  );

  app.get(
    '/penalty-cases/:id/parties/:partyId/decision.pdf',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '行政处罚决定书（PDF，每个处罚对象一份，含验证码和二维码）',
        params: z.strictObject({ id: positiveId, partyId: positiveId }),
      },
    },
    async (request, reply) => {
      const pdf = await decisionPdf(
        deps,
        request.ctx,
        request.params.id,
        request.params.partyId,
        originOf(request),
      );
      return sendFile(reply, { mimeType: 'application/pdf', fileName: pdf.fileName }).send(
        pdf.buffer,
      );
    },
  );

  // ---- Measures ----

  app.get(
    '/enforcement-measures',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '执法措施（通报、约谈、联合惩戒、停产整顿、提请关闭、移送司法、严重失信名单）',
        querystring: measureListQuerySchema,
        response: { 200: pageOf(enforcementMeasureViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      measures.listMeasures(deps, request.ctx, request.query as measures.MeasureListQuery),
  );

  app.post(
    '/enforcement-measures/documents',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '上传措施文书（PDF或Word .docx），保存措施时按 id 关联',
        consumes: ['multipart/form-data'],
        response: { 201: measureDocumentSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      return reply.code(201).send(await measures.uploadMeasureDocument(deps, request.ctx, file));
    },
  );

  app.post(
    '/enforcement-measures',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '记录执法措施',
        body: enforcementMeasureSchema,
        response: { 201: enforcementMeasureViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await measures.createMeasure(deps, request.ctx, request.body)),
  );

  app.get(
    '/enforcement-measures/:id',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '执法措施详情',
        params: idParamsSchema,
        response: { 200: enforcementMeasureViewSchema, ...commonErrors },
      },
    },
    async (request) => measures.getMeasure(deps, request.ctx, request.params.id),
  );

  app.put(
    '/enforcement-measures/:id',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '修改执法措施（移出失信名单、解除停产整顿、关闭决定日期等）',
        params: idParamsSchema,
        body: updateEnforcementMeasureSchema,
        response: { 200: enforcementMeasureViewSchema, ...commonErrors },
      },
    },
    async (request) => measures.updateMeasure(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/enforcement-measures/:id/void',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '作废执法措施（须填写原因）',
        params: idParamsSchema,
        body: voidEnforcementMeasureSchema,
        response: { 200: enforcementMeasureViewSchema, ...commonErrors },
      },
    },
    async (request) => measures.voidMeasure(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/enforcement-measures/:id/documents/:fileId',
    {
      config: { access: Permission.EnforcementRead },
      schema: {
        tags,
        summary: '下载措施文书',
        params: z.strictObject({ id: positiveId, fileId: positiveId }),
      },
    },
    async (request, reply) => {
      const file = await measures.readMeasureDocument(
        deps,
        request.ctx,
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, file).send(file.stream);
    },
  );

  // ---- Repeat offenders ----

  app.get(
    '/repeat-offenders',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '屡查屡犯企业（180日内3次/1年内4次重大事故隐患处罚；销号后同一条目复发）',
        querystring: pageQuerySchema.extend(offenderFilterSchema.shape).strict(),
        response: {
          200: pageOf(repeatOffenderRowSchema).extend({ asOf: z.string() }),
          ...commonErrors,
        },
      },
    },
    async (request) => offenders.listRepeatOffenders(deps, request.ctx, request.query),
  );

  app.get(
    '/repeat-offenders/export',
    {
      config: { access: Permission.EnforcementPenalty },
      schema: {
        tags,
        summary: '导出屡查屡犯企业清单（xlsx）',
        querystring: offenderFilterSchema,
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentName(
            `屡查屡犯企业清单-${request.query.asOf ?? new Date().toISOString().slice(0, 10)}.xlsx`,
          ),
        )
        .send(await offenders.exportRepeatOffenders(deps, request.ctx, request.query)),
  );
}
