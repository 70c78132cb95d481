import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DUTY_FILE_OWNERS,
  drillsViewSchema,
  dutyFileSchema,
  endOutsourcingContractSchema,
  outsourcingCheckInputSchema,
  outsourcingViewSchema,
  Permission,
  responsibilityViewSchema,
  voidDutyFileSchema,
  voidSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName } from '../../lib/xlsx.js';
import { type DutySection, RECORD_KIND_KEYS, RECORD_KINDS } from './duty-record-kinds.js';
import * as files from './duty-files.service.js';
import * as writes from './duty-record-writes.service.js';
import * as records from './duty-records.service.js';

const positiveId = z.coerce.number().int().positive();
const recordParams = z.strictObject({ id: positiveId, recordId: positiveId });
const SECTION_SCHEMAS = {
  responsibility: responsibilityViewSchema,
  outsourcing: outsourcingViewSchema,
  drills: drillsViewSchema,
} as const satisfies Record<DutySection, z.ZodType>;

/** Responsibility system, outsourcing / leasing contracts and emergency drills. */
export async function dutyRecordsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['duty-records'];
  const base = '/enterprises/:id/duty-records';

  app.get(
    `${base}/responsibility`,
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '岗位责任：全员岗位责任、分管负责人职责清单、工作清单、包保责任人、专家',
        params: idParamsSchema,
        response: { 200: responsibilityViewSchema, ...commonErrors },
      },
    },
    async (request) => records.getResponsibility(deps, request.ctx, request.params.id),
  );

  app.get(
    `${base}/outsourcing`,
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '外包外租：合同（问题标记）、定期检查、全面排查',
        params: idParamsSchema,
        response: { 200: outsourcingViewSchema, ...commonErrors },
      },
    },
    async (request) => records.getOutsourcing(deps, request.ctx, request.params.id),
  );

  app.get(
    `${base}/drills`,
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '应急演练（按年度）与应急预案',
        params: idParamsSchema,
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
        }),
        response: { 200: drillsViewSchema, ...commonErrors },
      },
    },
    async (request) => records.getDrills(deps, request.ctx, request.params.id, request.query.year),
  );

  for (const key of RECORD_KIND_KEYS) {
    const kind = RECORD_KINDS[key];
    const section = SECTION_SCHEMAS[kind.section];
    app.post(
      `${base}/${key}`,
      {
        config: { access: Permission.DutyRecord },
        schema: {
          tags,
          summary: `登记${kind.summary}`,
          params: idParamsSchema,
          body: kind.create,
          response: { 201: section, ...commonErrors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await writes.createRecord(deps, request.ctx, request.params.id, key, request.body)),
    );
    app.patch(
      `${base}/${key}/:recordId`,
      {
        config: { access: Permission.DutyRecord },
        schema: {
          tags,
          summary: `修改${kind.summary}（须带读取时的版本号）`,
          params: recordParams,
          body: kind.update,
          response: { 200: section, ...commonErrors },
        },
      },
      async (request) =>
        writes.updateRecord(
          deps,
          request.ctx,
          request.params.id,
          key,
          request.params.recordId,
          request.body as { version: number },
        ),
    );
    app.post(
      `${base}/${key}/:recordId/void`,
      {
        config: { access: Permission.DutyRecord },
        schema: {
          tags,
          summary: `作废${kind.summary}（须填写原因）`,
          params: recordParams,
          body: voidSchema,
          response: { 200: section, ...commonErrors },
        },
      },
      async (request) =>
        writes.voidRecord(
          deps,
          request.ctx,
          request.params.id,
          key,
          request.params.recordId,
          request.body,
        ),
    );
  }

  app.post(
    `${base}/contracts/:recordId/end`,
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '标记外包外租合同终止',
        params: recordParams,
        body: endOutsourcingContractSchema,
        response: { 200: outsourcingViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      writes.endContract(
        deps,
        request.ctx,
        request.params.id,
        request.params.recordId,
        request.body,
      ),
  );

  app.post(
    `${base}/contracts/:recordId/checks`,
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '登记对外包外租项目或场所的定期安全检查',
        params: recordParams,
        body: outsourcingCheckInputSchema,
        response: { 201: outsourcingViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await writes.addContractCheck(
            deps,
            request.ctx,
            request.params.id,
            request.params.recordId,
            request.body,
          ),
        ),
  );

  app.post(
    `${base}/contracts/:recordId/checks/:checkId/void`,
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废定期检查记录',
        params: recordParams.extend({ checkId: positiveId }),
        body: voidSchema,
        response: { 200: outsourcingViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      writes.voidContractCheck(
        deps,
        request.ctx,
        request.params.id,
        request.params.recordId,
        request.params.checkId,
        request.body,
      ),
  );

  app.post(
    `${base}/files`,
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '上传责任制文件、协议、演练照片、应急预案等（PDF/.docx/.xlsx，演练可传照片）',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        querystring: z.strictObject({
          owner: z.enum(DUTY_FILE_OWNERS, { message: '文件类别不正确' }),
          ownerId: positiveId.optional(),
        }),
        response: { 201: dutyFileSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      const saved = await files.addDutyFile(
        deps,
        request.ctx,
        request.params.id,
        request.query.owner,
        request.query.ownerId ?? null,
        file,
      );
      return reply.code(201).send(saved);
    },
  );

  app.get(
    `${base}/files/:fileId`,
    {
      config: { access: Permission.DutyRead },
      schema: {
        tags,
        summary: '下载或查看文件',
        params: z.strictObject({ id: positiveId, fileId: positiveId }),
      },
    },
    async (request, reply) => {
      const file = await files.readDutyFile(
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

  app.post(
    `${base}/files/:fileId/void`,
    {
      config: { access: Permission.DutyRecord },
      schema: {
        tags,
        summary: '作废文件（须填写原因）',
        params: z.strictObject({ id: positiveId, fileId: positiveId }),
        body: voidDutyFileSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await files.voidDutyFile(
        deps,
        request.ctx,
        request.params.id,
        request.params.fileId,
        request.body.reason,
      );
      return reply.code(204).send(null);
    },
  );
}
