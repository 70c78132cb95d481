import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  powChallengeSchema,
  publicDistrictSchema,
  publicEnterpriseSchema,
  publicTipReceiptSchema,
  publicTipSubmitSchema,
  publicTipViewSchema,
  RouteAccess,
  tipAddInfoSchema,
  tipAnswerSchema,
  tipLookupSchema,
} from '@hazard-ledger/domain';
import { errorBodySchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import { attachmentName } from '../../lib/xlsx.js';
import { parseForm, readFormWithFiles } from './tip-form.js';
import { challengeKey, PublicTipGuard, publicTipSettings } from './tip-guard.js';
import * as tips from './tips-public.service.js';

const tags = ['tips-public'];

const publicErrors = {
  400: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  429: errorBodySchema,
} as const;

// The request log of these routes leaves out the client's address (Fastify logs it by default).
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0] }),
};

/** The public tip page's API: submit with a receipt code, follow up with the code (no login). */
export async function tipsPublicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const settings = publicTipSettings;
  const guard = new PublicTipGuard(challengeKey(deps.config.signingKeySecret), settings);
  const call = (request: FastifyRequest): tips.PublicCall => ({
    requestId: request.id,
    client: request.ip,
    guard,
    log: request.log,
  });
  // One budget for every route that takes a receipt code, so trying codes on several routes
  // does not multiply the attempts.
  const codeLimit = fastify.rateLimit({
    max: settings.lookup.max,
    timeWindow: settings.lookup.timeWindow,
  });
  const access = RouteAccess.Public;

  app.post(
    '/public/tips/challenge',
    {
      config: { access, rateLimit: settings.challenge },
      logSerializers,
      schema: {
        tags,
        summary: '获取举报提交的人机验证（工作量证明）题目',
        response: { 200: powChallengeSchema, 429: errorBodySchema },
      },
    },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(guard.issueChallenge()),
  );

  app.get(
    '/public/districts',
    {
      config: { access, rateLimit: settings.search },
      logSerializers,
      schema: {
        tags,
        summary: '举报页可选的区县',
        response: { 200: z.array(publicDistrictSchema), 429: errorBodySchema },
      },
    },
    async () => tips.listPublicDistricts(deps),
  );

  app.get(
    '/public/enterprises',
    {
      config: { access, rateLimit: settings.search },
      logSerializers,
      schema: {
        tags,
        summary: '举报页查找企业（仅名称和所在区县）',
        querystring: z.strictObject({ q: z.string().max(50, { message: '查询内容过长' }) }),
        response: { 200: z.array(publicEnterpriseSchema), ...publicErrors },
      },
    },
    async (request) => tips.searchPublicEnterprises(deps, request.query.q),
  );

  app.post(
    '/public/tips',
    {
      config: { access, rateLimit: settings.submit },
      logSerializers,
      schema: {
        tags,
        summary:
          '提交举报（multipart：data 字段为表单 JSON，files 为照片或 PDF；或不带文件的 JSON），返回一次性显示的回执码',
        consumes: ['multipart/form-data', 'application/json'],
        response: { 201: publicTipReceiptSchema, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { data, files } = await readFormWithFiles(request, deps.config.uploadLimitBytes);
      const input = parseForm(publicTipSubmitSchema, data);
      const receipt = await tips.submitPublicTip(deps, call(request), input, files);
      return reply.code(201).header('cache-control', 'no-store').send(receipt);
    },
  );

  app.post(
    '/public/tips/status',
    {
      config: { access },
      onRequest: codeLimit,
      logSerializers,
      schema: {
        tags,
        summary: '凭回执码查询举报办理情况',
        body: tipLookupSchema,
        response: { 200: publicTipViewSchema, ...publicErrors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await tips.lookupTip(deps, call(request), request.body.code)),
  );

  app.post(
    '/public/tips/info',
    {
      config: { access },
      onRequest: codeLimit,
      logSerializers,
      schema: {
        tags,
        summary: '凭回执码补充举报信息（multipart：data 字段为 {code,text}，files 为照片或 PDF）',
        consumes: ['multipart/form-data', 'application/json'],
        response: { 200: publicTipViewSchema, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { data, files } = await readFormWithFiles(request, deps.config.uploadLimitBytes);
      const input = parseForm(tipAddInfoSchema, data);
      const view = await tips.addTipInformation(deps, call(request), input, files);
      return reply.header('cache-control', 'no-store').send(view);
    },
  );

  app.post(
    '/public/tips/answer',
    {
      config: { access },
      onRequest: codeLimit,
      logSerializers,
      schema: {
        tags,
        summary: '凭回执码回答办理单位的提问',
        body: tipAnswerSchema,
        response: { 200: publicTipViewSchema, ...publicErrors },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await tips.answerTipQuestion(deps, call(request), request.body)),
  );

  app.post(
    '/public/tips/files/:fileId',
    {
      config: { access },
      onRequest: codeLimit,
      logSerializers,
      schema: {
        tags,
        summary: '凭回执码下载本举报的文件（本人上传的或答复附带的）',
        params: z.strictObject({ fileId: z.coerce.number().int().positive() }),
        body: tipLookupSchema,
      },
    },
    async (request, reply) => {
      const file = await tips.readTipFileByCode(
        deps,
        call(request),
        request.body.code,
        request.params.fileId,
      );
      return reply
        .type(file.mimeType)
        .header('content-disposition', attachmentName(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
}
