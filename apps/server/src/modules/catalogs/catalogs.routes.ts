import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  catalogIdSchema,
  catalogItemInputSchema,
  catalogItemViewSchema,
  catalogSummarySchema,
  catalogVersionViewSchema,
  checklistSchema,
  createCatalogDraftSchema,
  discardCatalogVersionSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  publishCatalogVersionSchema,
  updateCatalogItemSchema,
  voidCatalogItemSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { readUpload } from '../../lib/upload.js';
import { attachmentName, XLSX_MIME } from '../../lib/xlsx.js';
import * as drafts from './catalog-drafts.service.js';
import * as sheets from './catalog-sheet.service.js';
import * as catalogs from './catalogs.service.js';

const catalogParams = z.strictObject({ catalogId: catalogIdSchema });
const versionParams = catalogParams.extend({ version: z.coerce.number().int().positive() });
const itemParams = versionParams.extend({ code: z.string().min(1).max(40) });

const itemsQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(50).optional(),
    section: z.string().max(20).optional(),
    completeness: z.enum(['complete', 'incomplete']).optional(),
    local: z.enum(['true', 'false']).optional(),
    includeVoided: z.enum(['true', 'false']).optional(),
  })
  .strict();

/** Criteria catalogs: versions, items, drafts, spreadsheet import/export, and checklists. */
export async function catalogsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['catalogs'];

  app.get(
    '/catalogs',
    {
      config: { access: Permission.CatalogRead },
      schema: {
        tags,
        summary: '判定标准列表（现行版本与草稿）',
        response: { 200: z.object({ items: z.array(catalogSummarySchema) }), ...commonErrors },
      },
    },
    async (request) => catalogs.listCatalogs(deps, request.ctx),
  );

  app.get(
    '/catalogs/:catalogId/versions',
    {
      config: { access: Permission.CatalogRead },
      schema: {
        tags,
        summary: '判定标准的版本',
        params: catalogParams,
        response: { 200: z.object({ items: z.array(catalogVersionViewSchema) }), ...commonErrors },
      },
    },
    async (request) => catalogs.listVersions(deps, request.ctx, request.params.catalogId),
  );

  app.get(
    '/catalogs/:catalogId/versions/:version',
    {
      config: { access: Permission.CatalogRead },
      schema: {
        tags,
        summary: '版本详情（含与上一版本的差异）',
        params: versionParams,
        response: { 200: catalogVersionViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      catalogs.getVersion(deps, request.ctx, request.params.catalogId, request.params.version),
  );

  app.get(
    '/catalogs/:catalogId/versions/:version/items',
    {
      config: { access: Permission.CatalogRead },
      schema: {
        tags,
        summary: '版本条目（分页、搜索）',
        params: versionParams,
        querystring: itemsQuerySchema,
        response: { 200: pageOf(catalogItemViewSchema), ...commonErrors },
      },
    },
    async (request) =>
      catalogs.listItems(
        deps,
        request.ctx,
        request.params.catalogId,
        request.params.version,
        request.query as catalogs.ItemListQuery,
      ),
  );

  app.get(
    '/catalogs/:catalogId/versions/:version/export',
    {
      config: { access: Permission.CatalogRead },
      schema: { tags, summary: '导出版本（xlsx）', params: versionParams },
    },
    async (request, reply) => {
      const { catalogId, version } = request.params;
      const buffer = await sheets.exportVersion(deps, request.ctx, catalogId, version);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(sheets.exportFileName(catalogId, version)))
        .send(buffer);
    },
  );

  app.post(
    '/catalogs/:catalogId/drafts',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '以现行版本为基础新建草稿',
        params: catalogParams,
        body: createCatalogDraftSchema,
        response: { 201: catalogVersionViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await drafts.createDraft(deps, request.ctx, request.params.catalogId, request.body)),
  );

  app.post(
    '/catalogs/:catalogId/import',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '导入xlsx为新草稿，返回与现行版本的差异',
        params: catalogParams,
        consumes: ['multipart/form-data'],
        response: { 201: catalogVersionViewSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const file = await readUpload(request, deps.config.uploadLimitBytes);
      return reply
        .code(201)
        .send(await sheets.importVersion(deps, request.ctx, request.params.catalogId, file));
    },
  );

  app.post(
    '/catalogs/:catalogId/versions/:version/items',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '草稿中添加地方补充条目（编码自动分配）',
        params: versionParams,
        body: catalogItemInputSchema,
        response: { 201: catalogItemViewSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { catalogId, version } = request.params;
      return reply
        .code(201)
        .send(await drafts.addLocalItem(deps, request.ctx, catalogId, version, request.body));
    },
  );

  app.put(
    '/catalogs/:catalogId/versions/:version/items/:code',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '修改草稿条目',
        params: itemParams,
        body: updateCatalogItemSchema,
        response: { 200: catalogItemViewSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { catalogId, version, code } = request.params;
      return drafts.updateItem(deps, request.ctx, catalogId, version, code, request.body);
    },
  );

  app.post(
    '/catalogs/:catalogId/versions/:version/items/:code/void',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '作废草稿条目',
        params: itemParams,
        body: voidCatalogItemSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      const { catalogId, version, code } = request.params;
      await drafts.voidItem(deps, request.ctx, catalogId, version, code, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/catalogs/:catalogId/versions/:version/publish',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '发布草稿（成为现行版本）',
        params: versionParams,
        body: publishCatalogVersionSchema,
        response: { 200: catalogVersionViewSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { catalogId, version } = request.params;
      return drafts.publishVersion(deps, request.ctx, catalogId, version, request.body);
    },
  );

  app.post(
    '/catalogs/:catalogId/versions/:version/discard',
    {
      config: { access: Permission.CatalogManage },
      schema: {
        tags,
        summary: '废弃草稿',
        params: versionParams,
        body: discardCatalogVersionSchema,
        response: { 200: catalogVersionViewSchema, ...commonErrors },
      },
    },
    async (request) => {
      const { catalogId, version } = request.params;
      return drafts.discardVersion(deps, request.ctx, catalogId, version, request.body);
    },
  );

  app.get(
    '/enterprises/:id/checklist',
    {
      config: { access: Permission.CatalogRead },
      schema: {
        tags,
        summary: '企业适用的判定标准条目（本企业检查清单）',
        params: idParamsSchema,
        response: { 200: checklistSchema, ...commonErrors },
      },
    },
    async (request) => catalogs.getChecklist(deps, request.ctx, request.params.id),
  );
}
