import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentInputSchema,
  enrolmentInputSchema,
  enrolmentViewSchema,
  linkableUserSchema,
  operationTrainingDetailSchema,
  operationTrainingInputSchema,
  operationTrainingViewSchema,
  Permission,
  staffInputSchema,
  staffListSchema,
  staffTrainingInputSchema,
  staffTrainingRecordSchema,
  staffTrainingViewSchema,
  staffViewSchema,
  trainingAttendeeSchema,
  updateOperationTrainingSchema,
  updateStaffSchema,
  updateStaffTrainingSchema,
  voidStaffSchema,
  voidTrainingSchema,
  withdrawEnrolmentSchema,
} from '@hazard-ledger/domain';
import { commonErrors, idParamsSchema } from '../../lib/http-schemas.js';
import { depsOf } from '../../lib/service-deps.js';
import * as operation from './operation-training.service.js';
import * as staff from './staff.service.js';
import * as training from './training.service.js';

const staffDetailSchema = staffViewSchema.extend({ training: staffTrainingRecordSchema });

/** Enforcement staff records and training (issue 10 item 3). */
export async function staffRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const deps = depsOf(fastify);
  const tags = ['staff'];

  // ---------------------------------------------------------------- staff records

  app.get(
    '/enforcement-staff',
    {
      config: { access: Permission.StaffRead },
      schema: {
        tags,
        summary: '执法人员名单与具备专业学历和实践经验人员占比（§四(三)不低于75%）',
        querystring: z.strictObject({ districtId: z.coerce.number().int().positive().optional() }),
        response: { 200: staffListSchema, ...commonErrors },
      },
    },
    async (request) => staff.listStaff(deps, request.ctx, request.query),
  );

  app.get(
    '/enforcement-staff/linkable-users',
    {
      config: { access: Permission.StaffManage },
      schema: {
        tags,
        summary: '尚未建立执法人员记录的执法人员账号',
        response: { 200: z.object({ items: z.array(linkableUserSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await staff.listLinkableUsers(deps, request.ctx) }),
  );

  app.get(
    '/enforcement-staff/:id',
    {
      config: { access: Permission.StaffRead },
      schema: {
        tags,
        summary: '执法人员记录及培训记录',
        params: idParamsSchema,
        response: { 200: staffDetailSchema, ...commonErrors },
      },
    },
    async (request) => staff.getStaff(deps, request.ctx, request.params.id),
  );

  app.post(
    '/enforcement-staff',
    {
      config: { access: Permission.StaffManage },
      schema: {
        tags,
        summary: '登记执法人员',
        body: staffInputSchema,
        response: { 201: staffDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await staff.createStaff(deps, request.ctx, request.body)),
  );

  app.put(
    '/enforcement-staff/:id',
    {
      config: { access: Permission.StaffManage },
      schema: {
        tags,
        summary: '修改执法人员记录',
        params: idParamsSchema,
        body: updateStaffSchema,
        response: { 200: staffDetailSchema, ...commonErrors },
      },
    },
    async (request) => staff.updateStaff(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/enforcement-staff/:id/void',
    {
      config: { access: Permission.StaffManage },
      schema: {
        tags,
        summary: '作废执法人员记录（调离、录入错误）',
        params: idParamsSchema,
        body: voidStaffSchema,
        response: { 200: staffDetailSchema, ...commonErrors },
      },
    },
    async (request) => staff.voidStaff(deps, request.ctx, request.params.id, request.body),
  );

  // ---------------------------------------------------------------- staff training

  app.get(
    '/staff-trainings',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '执法人员专题培训记录',
        response: { 200: z.object({ items: z.array(staffTrainingViewSchema) }), ...commonErrors },
      },
    },
    async (request) => training.listTrainings(deps, request.ctx),
  );

  app.get(
    '/staff-trainings/attendee-options',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '可选参训人员（本辖区在职执法人员）',
        response: { 200: z.object({ items: z.array(trainingAttendeeSchema) }), ...commonErrors },
      },
    },
    async (request) => training.attendeeOptions(deps, request.ctx),
  );

  app.get(
    '/staff-trainings/:id',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '培训详情',
        params: idParamsSchema,
        response: { 200: staffTrainingViewSchema, ...commonErrors },
      },
    },
    async (request) => training.getTraining(deps, request.ctx, request.params.id),
  );

  app.post(
    '/staff-trainings',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '登记执法人员培训',
        body: staffTrainingInputSchema,
        response: { 201: staffTrainingViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await training.createTraining(deps, request.ctx, request.body)),
  );

  app.put(
    '/staff-trainings/:id',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '修改培训及参训人员',
        params: idParamsSchema,
        body: updateStaffTrainingSchema,
        response: { 200: staffTrainingViewSchema, ...commonErrors },
      },
    },
    async (request) => training.updateTraining(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/staff-trainings/:id/void',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '作废培训记录',
        params: idParamsSchema,
        body: voidTrainingSchema,
        response: { 200: staffTrainingViewSchema, ...commonErrors },
      },
    },
    async (request) => training.voidTraining(deps, request.ctx, request.params.id, request.body),
  );

  // ---------------------------------------------------------------- special-operation training

  app.get(
    '/operation-trainings',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '特种作业人员培训班（本辖区）',
        response: {
          200: z.object({ items: z.array(operationTrainingViewSchema) }),
          ...commonErrors,
        },
      },
    },
    async (request) => operation.listOperationTrainings(deps, request.ctx),
  );

  app.get(
    '/operation-trainings/:id',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '培训班详情及全部报名',
        params: idParamsSchema,
        response: { 200: operationTrainingDetailSchema, ...commonErrors },
      },
    },
    async (request) => operation.getOperationTraining(deps, request.ctx, request.params.id),
  );

  app.post(
    '/operation-trainings',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '发布特种作业人员培训班',
        body: operationTrainingInputSchema,
        response: { 201: operationTrainingDetailSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await operation.createOperationTraining(deps, request.ctx, request.body)),
  );

  app.put(
    '/operation-trainings/:id',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '修改培训班',
        params: idParamsSchema,
        body: updateOperationTrainingSchema,
        response: { 200: operationTrainingDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      operation.updateOperationTraining(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/operation-trainings/:id/cancel',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '取消培训班',
        params: idParamsSchema,
        body: voidTrainingSchema,
        response: { 200: operationTrainingDetailSchema, ...commonErrors },
      },
    },
    async (request) =>
      operation.cancelOperationTraining(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/operation-training-enrolments/:id/assessment',
    {
      config: { access: Permission.TrainingManage },
      schema: {
        tags,
        summary: '录入考核结果（合格则登记特种作业操作证）',
        params: idParamsSchema,
        body: assessmentInputSchema,
        response: { 200: enrolmentViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      operation.assessEnrolment(deps, request.ctx, request.params.id, request.body),
  );

  // The enterprise's side: sessions of its district, its own enrolments only.

  app.get(
    '/my/operation-trainings',
    {
      config: { access: Permission.TrainingEnroll },
      schema: {
        tags,
        summary: '面向本企业发布的特种作业人员培训班',
        response: {
          200: z.object({ items: z.array(operationTrainingViewSchema) }),
          ...commonErrors,
        },
      },
    },
    async (request) => operation.listAnnouncedTrainings(deps, request.ctx),
  );

  app.get(
    '/my/operation-trainings/:id',
    {
      config: { access: Permission.TrainingEnroll },
      schema: {
        tags,
        summary: '培训班详情及本企业报名',
        params: idParamsSchema,
        response: { 200: operationTrainingDetailSchema, ...commonErrors },
      },
    },
    async (request) => operation.getAnnouncedTraining(deps, request.ctx, request.params.id),
  );

  app.post(
    '/my/operation-trainings/:id/enrolments',
    {
      config: { access: Permission.TrainingEnroll },
      schema: {
        tags,
        summary: '为本企业人员报名',
        params: idParamsSchema,
        body: enrolmentInputSchema,
        response: { 201: enrolmentViewSchema, ...commonErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await operation.enrol(deps, request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/my/operation-training-enrolments/:id/withdraw',
    {
      config: { access: Permission.TrainingEnroll },
      schema: {
        tags,
        summary: '撤回本企业的报名',
        params: idParamsSchema,
        body: withdrawEnrolmentSchema,
        response: { 200: enrolmentViewSchema, ...commonErrors },
      },
    },
    async (request) =>
      operation.withdrawEnrolment(deps, request.ctx, request.params.id, request.body),
  );
}
