import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createEnterpriseAccountSchema,
  createEnterpriseSchema,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAGS,
  enterpriseDetailSchema,
  enterpriseListItemSchema,
  enterpriseSelfFieldsSchema,
  ErrorCode,
  hazardSourceSchema,
  hazardSourceViewSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  personSchema,
  personViewSchema,
  SECTORS,
  updateEnterpriseSchema,
  updateHazardSourceSchema,
  updatePersonSchema,
  voidSchema,
} from '@hazard-ledger/domain';
import { AppError } from '../../lib/app-error.js';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import * as imports from './enterprise-import.service.js';
import * as people from './enterprise-people.service.js';
import * as enterprises from './enterprises.service.js';

const filterSchema = z.object({
  q: z.string().trim().max(50).optional(),
  sector: z.enum(SECTORS as [string, ...string[]]).optional(),
  subType: z.string().max(30).optional(),
  tag: z.enum(ENTERPRISE_TAGS as [string, ...string[]]).optional(),
  orgUnitId: z.coerce.number().int().positive().optional(),
  status: z.enum(ENTERPRISE_STATUSES as [string, ...string[]]).optional(),
});
const listQuerySchema = pageQuerySchema
  .extend({
    ...filterSchema.shape,
    sort: z.enum(['name', 'creditCode', 'sector', 'status', 'employees', 'updatedAt']).optional(),
  })
  .strict();

const personParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  personId: z.coerce.number().int().positive(),
});
const sourceParams = z.strictObject({
  id: z.coerce.number().int().positive(),
  sourceId: z.coerce.number().int().positive(),
});

const importViewSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  status: z.enum(['previewed', 'committed', 'discarded']),
  userName: z.string(),
  totalRows: z.number(),
  errorRows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  rows: z.array(
    z.object({
      rowNumber: z.number(),
      name: z.string(),
      creditCode: z.string(),
      action: z.enum(['create', 'update', 'unchanged', 'error']),
      errors: z.array(z.object({ column: z.string(), header: z.string(), message: z.string() })),
    }),
  ),
});

const accountSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['ent_leader', 'ent_safety']),
  status: z.string(),
  lastLoginAt: z.string().nullable(),
});

/** The enterprise registry: list, detail, edit, people, hazard sources, accounts, import/export. */
export async function enterprisesRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['enterprises'];

  app.get(
    '/enterprises',
    {
      config: { access: Permission.EnterpriseRead },
      schema: {
        tags,
        summary: '企业列表',
        querystring: listQuerySchema,
        response: { 200: pageOf(enterpriseListItemSchema), ...commonErrors },
      },
    },
    async (request) =>
      enterprises.listEnterprises(
        deps,
        request.ctx,
        request.query as enterprises.EnterpriseListQuery,
      ),
  );

  app.get(
    '/enterprises/export',
    {
      config: { access: Permission.EnterpriseRead },
      schema: { tags, summary: '导出企业列表（xlsx）', querystring: filterSchema.strict() },
    },
    async (request, reply) => {
      const stream = await imports.exportEnterprises(
        deps,
        request.ctx,
        request.query as enterprises.EnterpriseListQuery,
      );
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachmentName(`企业名录-${new Date().toISOString().slice(0, 10)}.xlsx`),
        )
        .send(stream);
    },
  );

  app.get(
    '/enterprises/import/template',
    {
      config: { access: Permission.EnterpriseImport },
      schema: { tags, summary: '下载企业导入模板' },
    },
    async (_request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName('企业导入模板.xlsx'))
        .send(await imports.buildTemplate()),
  );

  app.post(
    '/enterprises/import/preview',
    {
      config: { access: Permission.EnterpriseImport },
      schema: {
        tags,
        summary: '上传并校验企业导入文件',
        consumes: ['multipart/form-data'],
        response: { 200: importViewSchema, ...commonErrors },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError(400, ErrorCode.ValidationFailed, [
          { path: 'file', message: '请上传Excel文件' },
        ]);
      }
      const file = await request.file();
      if (!file)
        throw new AppError(400, ErrorCode.ValidationFailed, [
          { path: 'file', message: '请上传Excel文件' },
        ]);
      let buffer: Buffer;
      try {
        buffer = await file.toBuffer();
      } catch {
        throw new AppError(413, ErrorCode.PayloadTooLarge, [
          { path: 'file', message: '文件超过10MB，请拆分后分批导入' },
        ]);
      }
      return imports.previewImport(deps, request.ctx, { name: file.filename, buffer });
    },
  );

  app.get(
    '/enterprises/imports',
    {
      config: { access: Permission.EnterpriseImport },
      schema: {
        tags,
        summary: '导入记录',
        querystring: pageQuerySchema.strict(),
        response: { 200: pageOf(importViewSchema), ...commonErrors },
      },
    },
    async (request) => imports.listImports(deps, request.ctx, request.query),
  );

  app.get(
    '/enterprises/imports/:id',
    {
      config: { access: Permission.EnterpriseImport },
      schema: {
        tags,
        summary: '导入记录详情',
        params: idParamsSchema,
        response: { 200: importViewSchema, ...commonErrors },
      },
    },
    async (request) => imports.getImport(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/imports/:id/commit',
    {
      config: { access: Permission.EnterpriseImport },
      schema: {
        tags,
        summary: '确认导入全部有效行',
        params: idParamsSchema,
        response: { 200: importViewSchema, ...commonErrors },
      },
    },
    async (request) => imports.commitImport(deps, request.ctx, request.params.id),
  );

  app.get(
    '/enterprises/:id',
    {
      config: { access: Permission.EnterpriseRead },
      schema: {
        tags,
        summary: '企业详情',
        params: idParamsSchema,
        response: { 200: enterpriseDetailSchema, ...commonErrors },
      },
    },
    async (request) => enterprises.getEnterprise(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises',
    {
      config: { access: Permission.EnterpriseManage },
      schema: {
        tags,
        summary: '登记企业',
        body: createEnterpriseSchema,
        response: { 201: enterpriseDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await enterprises.createEnterprise(deps, request.ctx, request.body)),
  );

  app.put(
    '/enterprises/:id',
    {
      config: { access: Permission.EnterpriseManage },
      schema: {
        tags,
        summary: '修改企业登记信息',
        params: idParamsSchema,
        body: updateEnterpriseSchema,
        response: { 200: enterpriseDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      enterprises.updateEnterprise(deps, request.ctx, request.params.id, request.body),
  );

  app.patch(
    '/enterprises/:id/safety-staffing',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '修改安全管理机构与人员配备',
        params: idParamsSchema,
        body: enterpriseSelfFieldsSchema,
        response: { 200: enterpriseDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      enterprises.updateEnterpriseSelfFields(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/enterprises/:id/people',
    {
      config: { access: Permission.EnterpriseRead },
      schema: {
        tags,
        summary: '企业人员（脱敏）',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(personViewSchema) }), ...commonErrors },
      },
    },
    async (request) => people.listPeople(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/people',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '添加企业人员',
        params: idParamsSchema,
        body: personSchema,
        response: { 201: personViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await people.addPerson(deps, request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/enterprises/:id/people/:personId',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '修改企业人员',
        params: personParams,
        body: updatePersonSchema,
        response: { 200: personViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      people.updatePerson(
        deps,
        request.ctx,
        request.params.id,
        request.params.personId,
        request.body,
      ),
  );

  app.post(
    '/enterprises/:id/people/:personId/void',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '作废企业人员记录',
        params: personParams,
        body: voidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await people.voidPerson(
        deps,
        request.ctx,
        request.params.id,
        request.params.personId,
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/enterprises/:id/hazard-sources',
    {
      config: { access: Permission.EnterpriseRead },
      schema: {
        tags,
        summary: '重大危险源（脱敏）',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(hazardSourceViewSchema) }), ...commonErrors },
      },
    },
    async (request) => people.listHazardSources(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/hazard-sources',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '登记重大危险源',
        params: idParamsSchema,
        body: hazardSourceSchema,
        response: { 201: hazardSourceViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await people.addHazardSource(deps, request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/enterprises/:id/hazard-sources/:sourceId',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '修改重大危险源',
        params: sourceParams,
        body: updateHazardSourceSchema,
        response: { 200: hazardSourceViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      people.updateHazardSource(
        deps,
        request.ctx,
        request.params.id,
        request.params.sourceId,
        request.body,
      ),
  );

  app.post(
    '/enterprises/:id/hazard-sources/:sourceId/void',
    {
      config: { access: Permission.EnterprisePeopleEdit },
      schema: {
        tags,
        summary: '作废重大危险源',
        params: sourceParams,
        body: voidSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await people.voidHazardSource(
        deps,
        request.ctx,
        request.params.id,
        request.params.sourceId,
        request.body,
      );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/enterprises/:id/personal-data',
    {
      config: { access: Permission.EnterprisePersonalData },
      schema: {
        tags,
        summary: '查看完整个人信息（留痕）',
        params: idParamsSchema,
        response: {
          200: z.object({
            people: z.array(personViewSchema),
            hazardSources: z.array(hazardSourceViewSchema),
          }),
          ...commonErrors,
        },
      },
    },
    async (request) => people.revealPersonalData(deps, request.ctx, request.params.id),
  );

  app.get(
    '/enterprises/:id/accounts',
    {
      config: { access: Permission.EnterpriseAccounts },
      schema: {
        tags,
        summary: '企业账号',
        params: idParamsSchema,
        response: { 200: z.object({ items: z.array(accountSchema) }), ...commonErrors },
      },
    },
    async (request) => people.listAccounts(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enterprises/:id/accounts',
    {
      config: { access: Permission.EnterpriseAccounts },
      schema: {
        tags,
        summary: '为企业创建负责人/安全管理人员账号',
        params: idParamsSchema,
        body: createEnterpriseAccountSchema,
        response: { 201: accountSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await people.createAccount(deps, request.ctx, request.params.id, request.body)),
  );
}
