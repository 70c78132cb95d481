import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  amendRewardSchema,
  approveRewardSchema,
  dateSchema,
  eligibleTipSchema,
  pageOf,
  pageQuerySchema,
  Permission,
  payRewardSchema,
  proposeRewardSchema,
  rejectRewardSchema,
  REWARD_STATUSES,
  type RewardCase,
  rewardCaseSchema,
  rewardClaimInfoSchema,
  rewardClaimRequestSchema,
  type RewardStatus,
  rewardTotalsSchema,
  RouteAccess,
} from '@hazard-ledger/domain';
import { commonErrors, errorBodySchema, idParamsSchema } from '../../lib/http-schemas.js';
import { fieldError } from '../../lib/app-error.js';
import { depsOf } from '../../lib/service-deps.js';
import { rewardClaimInfo } from './reward-claim.service.js';
import * as rewards from './rewards.service.js';

/** Per-address limit of the public claim lookup (addresses are kept in memory only). */
export const CLAIM_INFO_RATE_LIMIT = { max: 10, timeWindow: 10 * 60_000 };

// The request log of the public route leaves out the client's address.
const logSerializers = {
  req: (req: FastifyRequest) => ({ method: req.method, url: req.url.split('?')[0] }),
};

const listQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(REWARD_STATUSES as [RewardStatus, ...RewardStatus[]]).optional(),
    districtId: z.coerce.number().int().positive().optional(),
  })
  .strict();

/** Reward cases (举报奖励): propose from a verified tip, amend, approve, pay, reject, totals. */
export async function rewardsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['rewards'];
  const access = Permission.RewardManage;

  app.get(
    '/rewards',
    {
      config: { access },
      schema: {
        tags,
        summary: '举报奖励案件',
        querystring: listQuerySchema,
        response: { 200: pageOf(rewardCaseSchema), ...commonErrors },
      },
    },
    async (request) =>
      rewards.listRewardCases(deps, request.ctx, request.query as rewards.RewardListQuery),
  );

  app.get(
    '/rewards/eligible-tips',
    {
      config: { access },
      schema: {
        tags,
        summary: '可提出奖励的举报（核查属实且发现重大事故隐患或违法行为，尚无奖励案件）',
        response: {
          200: z.object({ items: z.array(eligibleTipSchema), rulesName: z.string() }),
          ...commonErrors,
        },
      },
    },
    async (request) => rewards.listEligibleTips(deps, request.ctx),
  );

  app.get(
    '/rewards/totals',
    {
      config: { access },
      schema: {
        tags,
        summary: '奖励统计（按区县：提出、批准、发放、不予奖励的件数和金额）',
        querystring: z.strictObject({ from: dateSchema.optional(), to: dateSchema.optional() }),
        response: { 200: rewardTotalsSchema, ...commonErrors },
      },
    },
    async (request) => rewards.rewardTotals(deps, request.ctx, request.query),
  );

  app.post(
    '/rewards',
    {
      config: { access },
      schema: {
        tags,
        summary: '提出奖励（金额按奖励规则计算，可说明理由后调整）',
        body: proposeRewardSchema,
        response: { 201: rewardCaseSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await rewards.proposeReward(deps, request.ctx, request.body)),
  );

  app.get(
    '/rewards/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '奖励案件详情（含办理记录）',
        params: idParamsSchema,
        response: { 200: rewardCaseSchema, ...commonErrors },
      },
    },
    async (request) => rewards.getRewardCase(deps, request.ctx, request.params.id),
  );

  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      id: number,
      input: z.infer<B>,
      request: FastifyRequest,
      idempotencyKey: string | null,
    ) => Promise<RewardCase>,
  ) =>
    app.post(
      `/rewards/:id/${path}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `${summary}（可带 Idempotency-Key 头）`,
          params: idParamsSchema,
          body,
          response: { 200: rewardCaseSchema, ...commonErrors },
        },
      },
      async (request) => {
        const key = request.headers['idempotency-key'];
        if (key !== undefined && (typeof key !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(key)))
          throw fieldError('Idempotency-Key', '幂等键格式不正确');
        return run(request.params.id, request.body as z.infer<B>, request, key ?? null);
      },
    );

  step('amend', '调整奖励金额（须说明理由）', amendRewardSchema, (id, input, request, key) =>
    rewards.amendReward(deps, request.ctx, id, input, key),
  );
  step(
    'approve',
    '批准奖励（须由提出人以外的人员审批）',
    approveRewardSchema,
    (id, input, request, key) => rewards.approveReward(deps, request.ctx, id, input, key),
  );
  step('pay', '登记奖励发放（日期、方式、凭证号）', payRewardSchema, (id, input, request, key) =>
    rewards.payReward(deps, request.ctx, id, input, key),
  );
  step('reject', '不予奖励（须说明理由）', rejectRewardSchema, (id, input, request, key) =>
    rewards.rejectReward(deps, request.ctx, id, input, key),
  );

  app.post(
    '/public/rewards/claim-info',
    {
      config: { access: RouteAccess.Public, rateLimit: CLAIM_INFO_RATE_LIMIT },
      logSerializers,
      schema: {
        tags: ['tips-public'],
        summary: '凭回执码查询举报奖励状态和领取方式（不显示金额）',
        body: rewardClaimRequestSchema,
        response: {
          200: rewardClaimInfoSchema,
          400: errorBodySchema,
          404: errorBodySchema,
          429: errorBodySchema,
        },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await rewardClaimInfo(deps, request.ctx, request.body.code)),
  );
}
