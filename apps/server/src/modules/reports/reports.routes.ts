import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  FIGURE_KEYS,
  type FigureKey,
  Permission,
  REPORT_KINDS,
  REPORT_TABLE_KEYS,
  type ReportKind,
  reportRefSchema,
  type ReportTableKey,
  SECTORS,
  type Sector,
  submitReportSchema,
} from '@hazard-ledger/domain';
import { commonErrors } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName } from '../../lib/xlsx.js';
import * as dispatch from './dispatch.service.js';
import { dispatchReportPdf, dispatchReportXlsx, rollupXlsx } from './dispatch-export.js';
import * as layouts from './layouts.service.js';

const positiveId = z.coerce.number().int().positive();

/**
 * Responses: the view types are declared in the domain (dispatch-view.ts) as TypeScript types
 * shared with the web app; the body is not re-validated on the way out (large id-free views).
 */
const responses = { 200: z.unknown(), ...commonErrors };

/** A report as the query string names it, optionally a stored version of it. */
const reportQuerySchema = reportRefSchema.and(z.object({ versionId: positiveId.optional() }));

const rollupQuerySchema = z
  .object({
    /** The city (or region) whose districts are rolled up; default: the caller's territory. */
    orgUnitId: positiveId.optional(),
    sector: z.enum(SECTORS as unknown as [Sector, ...Sector[]], { error: '请选择行业' }),
    kind: z.enum(REPORT_KINDS as unknown as [ReportKind, ...ReportKind[]]).default('weekly'),
    week: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为YYYY-MM-DD')
      .optional(),
    milestone: z.string().trim().min(1).max(40).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'weekly' && !v.week)
      ctx.addIssue({ code: 'custom', path: ['week'], message: '请选择报告周' });
    if (v.kind === 'milestone' && !v.milestone)
      ctx.addIssue({ code: 'custom', path: ['milestone'], message: '请选择阶段性节点' });
  });

const drilldownQuerySchema = reportQuerySchema.and(
  z.object({
    figure: z.enum(FIGURE_KEYS as unknown as [FigureKey, ...FigureKey[]], {
      error: '未知的统计指标',
    }),
    period: z.enum(['week', 'cumulative']).default('cumulative'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  }),
);

const tableParamsSchema = z.strictObject({
  table: z.enum(REPORT_TABLE_KEYS as unknown as [ReportTableKey, ...ReportTableKey[]], {
    error: '未知的表格',
  }),
});

function sendDownload(
  reply: FastifyReply,
  file: { mimeType: string; fileName: string; body: Buffer },
) {
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
    .header('cache-control', 'private, no-store')
    .send(file.body);
}

/** Weekly and milestone dispatch reports, their workflow, drill-down, roll-up and exports. */
export async function reportsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['reports'];

  app.get(
    '/reports/options',
    {
      config: { access: Permission.ReportRead },
      schema: {
        tags,
        summary: '报表可选项：可填报/查看的区县、行业、专项行动（含周次和阶段性节点）',
        response: responses,
      },
    },
    async (request) => dispatch.reportOptions(deps, request.ctx),
  );

  app.get(
    '/reports/dispatch',
    {
      config: { access: Permission.ReportRead },
      schema: {
        tags,
        summary: '调度表（草稿实时生成；已报送的为冻结版本，可指定 versionId 查看历史版本）',
        querystring: reportQuerySchema,
        response: responses,
      },
    },
    async (request) => dispatch.getReport(deps, request.ctx, request.query),
  );

  app.post(
    '/reports/dispatch/confirm',
    {
      config: { access: Permission.ReportConfirm },
      schema: {
        tags,
        summary: '执法大队确认执法数据',
        body: reportRefSchema,
        response: responses,
      },
    },
    async (request) => dispatch.confirmReport(deps, request.ctx, request.body),
  );

  app.post(
    '/reports/dispatch/submit',
    {
      config: { access: Permission.ReportSubmit },
      schema: {
        tags,
        summary: '业务科室审核报送（报送后冻结）',
        body: reportRefSchema.and(submitReportSchema),
        response: responses,
      },
    },
    async (request) => dispatch.submitReport(deps, request.ctx, request.body),
  );

  app.post(
    '/reports/dispatch/correct',
    {
      config: { access: Permission.ReportSubmit },
      schema: {
        tags,
        summary: '更正已报送的调度表（生成新版本，须说明原因）',
        body: reportRefSchema.and(submitReportSchema),
        response: responses,
      },
    },
    async (request) => dispatch.correctReport(deps, request.ctx, request.body),
  );

  app.get(
    '/reports/dispatch/drilldown',
    {
      config: { access: Permission.ReportRead },
      schema: {
        tags,
        summary: '指标明细：组成某个数字的记录清单',
        querystring: drilldownQuerySchema,
        response: responses,
      },
    },
    async (request) => dispatch.drillDown(deps, request.ctx, request.query),
  );

  app.get(
    '/reports/dispatch/export.xlsx',
    {
      config: { access: Permission.ReportRead },
      schema: { tags, summary: '导出调度表（Excel，含附件5）', querystring: reportQuerySchema },
    },
    async (request, reply) => {
      const view = await dispatch.getReport(deps, request.ctx, request.query);
      return sendDownload(reply, await dispatchReportXlsx(view, request.ctx.locale));
    },
  );

  app.get(
    '/reports/dispatch/export.pdf',
    {
      config: { access: Permission.ReportRead },
      schema: { tags, summary: '导出调度表（PDF，含附件5）', querystring: reportQuerySchema },
    },
    async (request, reply) => {
      const view = await dispatch.getReport(deps, request.ctx, request.query);
      return sendDownload(reply, await dispatchReportPdf(view, request.ctx.locale));
    },
  );

  app.get(
    '/reports/rollup',
    {
      config: { access: Permission.ReportRead },
      schema: {
        tags,
        summary: '汇总：各区县已报送的调度表、合计和报送情况',
        querystring: rollupQuerySchema,
        response: responses,
      },
    },
    async (request) => dispatch.getRollup(deps, request.ctx, request.query),
  );

  app.get(
    '/reports/rollup/export.xlsx',
    {
      config: { access: Permission.ReportRead },
      schema: { tags, summary: '导出汇总表（Excel）', querystring: rollupQuerySchema },
    },
    async (request, reply) => {
      const view = await dispatch.getRollup(deps, request.ctx, request.query);
      return sendDownload(reply, await rollupXlsx(view, request.ctx.locale));
    },
  );

  app.get(
    '/reports/completeness',
    {
      config: { access: Permission.ReportRead },
      schema: {
        tags,
        summary: '报送及时率：专项行动各周应报、已报、按时报送数（按行业）',
        querystring: z.object({ orgUnitId: positiveId.optional() }),
        response: responses,
      },
    },
    async (request) => dispatch.getCompleteness(deps, request.ctx, request.query.orgUnitId),
  );

  app.get(
    '/reports/layouts',
    {
      config: { access: Permission.ReportRead },
      schema: { tags, summary: '调度表表样（栏目设置）', response: responses },
    },
    async () => layouts.listLayouts(deps),
  );

  app.put(
    '/reports/layouts/:table',
    {
      config: { access: Permission.ReportLayout },
      schema: {
        tags,
        summary: '替换一张表的表样（如按市局下发的模板调整栏目）',
        params: tableParamsSchema,
        body: z.object({
          layout: z.unknown(),
          note: z.string().trim().max(200, '说明不超过200字').optional(),
        }),
        response: responses,
      },
    },
    async (request) => layouts.replaceLayout(deps, request.ctx, request.params.table, request.body),
  );

  app.delete(
    '/reports/layouts/:table',
    {
      config: { access: Permission.ReportLayout },
      schema: {
        tags,
        summary: '恢复一张表的默认表样',
        params: tableParamsSchema,
        response: responses,
      },
    },
    async (request) => layouts.resetLayout(deps, request.ctx, request.params.table),
  );
}
