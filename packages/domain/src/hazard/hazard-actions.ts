import { z } from 'zod';
import { dateSchema } from '../enterprise/enterprise.js';
import { HAZARD_LEVELS, type HazardLevel, SUPERVISION_LEVELS } from './hazard.js';
import type { HazardAction } from './hazard-workflow.js';

const reason = z.string().trim().min(2, { message: '请填写原因' }).max(1000);
const comment = z.string().trim().max(1000).nullable().default(null);
const attachmentIds = z.array(z.number().int().positive()).max(20).default([]);

/** The payload each action takes; the server validates against exactly one of these. */
export const HAZARD_ACTION_PAYLOADS = {
  submit_plan: z.strictObject({ comment }),
  approve_plan: z.strictObject({ comment }),
  return_plan: z.strictObject({ reason }),
  fix_on_spot: z.strictObject({
    description: z.string().trim().min(2, { message: '请说明立即整改情况' }).max(2000),
    attachmentIds,
  }),
  submit_fix: z.strictObject({
    description: z.string().trim().min(2, { message: '请说明整改完成情况' }).max(2000),
    attachmentIds: z
      .array(z.number().int().positive())
      .min(1, { message: '请上传整改后照片或证明材料' })
      .max(20),
  }),
  accept_fix: z.strictObject({ comment }),
  verify: z.strictObject({
    comment: z.string().trim().min(2, { message: '请填写验收意见' }).max(1000),
  }),
  reject_fix: z.strictObject({ reason }),
  report_to_bureau: z.strictObject({ comment }),
  request_extension: z.strictObject({ newDeadline: dateSchema, reason }),
  approve_extension: z.strictObject({ approve: z.boolean(), comment }),
  change_level: z.strictObject({
    level: z.enum(HAZARD_LEVELS as [HazardLevel, ...HazardLevel[]]),
    reason,
  }),
  supervise: z.strictObject({ supervisionLevel: z.enum(SUPERVISION_LEVELS), reason }),
  lift_supervision: z.strictObject({ reason }),
  // The reason names the order (责令限期整改指令书 number) that sets the deadline.
  order_deadline: z.strictObject({ newDeadline: dateSchema, reason }),
} as const satisfies Record<HazardAction, z.ZodType>;

export type HazardActionPayload<A extends HazardAction> = z.infer<
  (typeof HAZARD_ACTION_PAYLOADS)[A]
>;

/** The envelope of every action request: the record version it was made against, and the payload. */
export const hazardActionRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  payload: z.record(z.string(), z.unknown()).default({}),
});
