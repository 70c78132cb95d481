import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { dateSchema } from '../enterprise/enterprise.js';
import { yuanSchema } from '../hazard/hazard.js';
import { passwordSchema, phoneSchema, usernameSchema } from '../identity/user.js';
import {
  REWARD_ACTIONS,
  REWARD_CLAIM_STATUSES,
  REWARD_PAYMENT_METHODS,
  REWARD_STATUSES,
  type RewardAction,
  type RewardClaimStatus,
  type RewardPaymentMethod,
  type RewardStatus,
} from './informant-reward-workflow.js';
import { REWARD_FINDINGS, type RewardFinding } from './reward-rules.js';
import { receiptCodeSchema } from './tip-intake.js';
import {
  TIP_CHANNELS,
  TIP_STATUSES,
  TIP_VERIFICATION_RESULTS,
  type TipChannel,
  type TipStatus,
  type TipVerificationResult,
} from './tip-workflow.js';

// The HTTP shapes of safety informants (安全生产信息员), their reports and reward cases (举报奖励),
// issue 8 items 5–6: requests validated by the server and the web forms alike, and the views the
// server answers with.
//
// An informant's name and phone are sealed at rest (like a reporter's identity): lists show them
// masked, and the full identity is a separate, audited read. Everywhere else — tips, the account's
// display name, the audit log — an informant appears only by their code (信息员编号).

const text = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .min(min, { message })
    .max(max, { message: `不能超过${max}个字` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过${max}个字` })
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));
const id = z.number().int().positive();
const version = z.number().int().min(1);
const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);
const tipStatusEnum = z.enum(TIP_STATUSES as [TipStatus, ...TipStatus[]]);
const tipChannelEnum = z.enum(TIP_CHANNELS as [TipChannel, ...TipChannel[]]);
const verificationEnum = z.enum(
  TIP_VERIFICATION_RESULTS as unknown as [TipVerificationResult, ...TipVerificationResult[]],
);
const rewardStatusEnum = z.enum(REWARD_STATUSES as [RewardStatus, ...RewardStatus[]]);
const rewardActionEnum = z.enum(REWARD_ACTIONS as [RewardAction, ...RewardAction[]]);
const findingEnum = z.enum(REWARD_FINDINGS as [RewardFinding, ...RewardFinding[]]);
const paymentMethodEnum = z.enum(
  REWARD_PAYMENT_METHODS as unknown as [RewardPaymentMethod, ...RewardPaymentMethod[]],
);

/** The sectors the campaign plan (§四(四)) sets up informants in; others may be chosen. */
export const DEFAULT_INFORMANT_SECTORS: readonly Sector[] = ['hazchem', 'fireworks'];

// ---- Registry ----

const informantFields = {
  name: text(1, 50, '请填写信息员姓名'),
  phone: phoneSchema,
  sectors: z
    .array(sectorEnum)
    .min(1, { message: '请选择至少一个行业领域' })
    .max(SECTORS.length)
    .transform((s) => [...new Set(s)].sort()),
  districtId: id,
  /** The enterprise the informant works at or covers (optional). */
  enterpriseId: id.nullable().default(null),
  /** The area they cover when not one enterprise (园区、片区、街道…). */
  area: optionalText(100),
  note: optionalText(500),
};

/** Either an enterprise or an area: an informant covers something. */
function checkCoverage(
  v: { enterpriseId: number | null; area: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.enterpriseId === null && !v.area) {
    ctx.addIssue({ code: 'custom', path: ['area'], message: '请选择所在企业或填写负责区域' });
  }
}

/** Registering an informant. */
export const createInformantSchema = z.strictObject(informantFields).superRefine(checkCoverage);
export type CreateInformantInput = z.infer<typeof createInformantSchema>;

/** Editing an informant (optimistic locking by version). */
export const updateInformantSchema = z
  .strictObject({ ...informantFields, version })
  .superRefine(checkCoverage);
export type UpdateInformantInput = z.infer<typeof updateInformantSchema>;

/** Taking an informant on or off duty (off duty also disables their account). */
export const informantStatusSchema = z.strictObject({ active: z.boolean(), version });
export type InformantStatusInput = z.infer<typeof informantStatusSchema>;

/** Creating the login of an informant (role `informant`), with an initial password. */
export const createInformantAccountSchema = z.strictObject({
  username: usernameSchema,
  password: passwordSchema,
  version,
});
export type CreateInformantAccountInput = z.infer<typeof createInformantAccountSchema>;

/** An informant in lists: identity masked. */
export const informantViewSchema = z.object({
  id: z.number(),
  code: z.string(),
  nameMasked: z.string(),
  phoneMasked: z.string(),
  sectors: z.array(sectorEnum),
  districtId: z.number(),
  districtName: z.string(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  area: z.string().nullable(),
  note: z.string().nullable(),
  active: z.boolean(),
  account: z
    .object({ userId: z.number(), username: z.string(), status: z.enum(['active', 'disabled']) })
    .nullable(),
  reportCount: z.number(),
  lastReportAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type InformantView = z.infer<typeof informantViewSchema>;

/** An informant's full identity (each read is audited). */
export const informantIdentitySchema = z.object({ name: z.string(), phone: z.string() });
export type InformantIdentity = z.infer<typeof informantIdentitySchema>;

/** Masks a name for lists: the first character, then one * per further character (张** ). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** An informant's code (信息员编号) from its sequence number: XXY0007. */
export function informantCode(seq: number): string {
  return `XXY${String(seq).padStart(4, '0')}`;
}

/** The display name of an informant's account: the code, never the real name. */
export function informantDisplayName(code: string): string {
  return `信息员${code}`;
}

// ---- Reports ----

/** An informant's report (by their own login, or entered by staff on their behalf). */
export const informantReportSchema = z.strictObject({
  enterpriseId: z.number({ message: '请选择被报告企业' }).int().positive(),
  subject: text(2, 100, '请填写报告事项（2-100字）'),
  description: text(5, 4000, '请具体描述发现的问题（至少5个字）'),
  place: optionalText(200),
});
export type InformantReportInput = z.infer<typeof informantReportSchema>;

/** A file attached to a report. */
export const reportFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export type ReportFile = z.infer<typeof reportFileSchema>;

/** One of my reports in a list. */
export const myReportListItemSchema = z.object({
  id: z.number(),
  number: z.string(),
  enterpriseId: z.number().nullable(),
  enterpriseName: z.string().nullable(),
  subject: z.string(),
  status: tipStatusEnum,
  verificationResult: verificationEnum.nullable(),
  receivedAt: z.string(),
  updatedAt: z.string(),
  replyCount: z.number(),
  /** Entered by staff on the informant's behalf. */
  enteredByStaff: z.boolean(),
});
export type MyReportListItem = z.infer<typeof myReportListItemSchema>;

/** One of my reports with the replies and questions addressed to me, and my photos. */
export const myReportDetailSchema = myReportListItemSchema.extend({
  description: z.string(),
  place: z.string().nullable(),
  messages: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['reply', 'question']),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  files: z.array(reportFileSchema),
  canAddFiles: z.boolean(),
});
export type MyReportDetail = z.infer<typeof myReportDetailSchema>;

/** An enterprise an informant may report on. */
export const reportEnterpriseSchema = z.object({
  id: z.number(),
  name: z.string(),
  sector: sectorEnum,
});
export type ReportEnterprise = z.infer<typeof reportEnterpriseSchema>;

/** The informant's own registry facts, for the report page header. */
export const myInformantProfileSchema = z.object({
  code: z.string(),
  sectors: z.array(sectorEnum),
  districtName: z.string(),
  enterpriseName: z.string().nullable(),
  area: z.string().nullable(),
  active: z.boolean(),
});
export type MyInformantProfile = z.infer<typeof myInformantProfileSchema>;

/** Files a report may carry at most. */
export const MAX_REPORT_FILES = 9;

// ---- Rewards ----

/** Proposing a reward for a verified tip; the amount defaults to the rules' figure. */
export const proposeRewardSchema = z.strictObject({
  tipId: z.number({ message: '请选择举报' }).int().positive(),
  /** A different amount than the rules give (yuan); needs a reason. */
  amountYuan: yuanSchema.nullable().default(null),
  reason: optionalText(500),
});
export type ProposeRewardInput = z.infer<typeof proposeRewardSchema>;

/** Changing the proposed amount, with the reason. */
export const amendRewardSchema = z.strictObject({
  amountYuan: yuanSchema,
  reason: text(2, 500, '请填写调整金额的理由'),
  version,
});
export type AmendRewardInput = z.infer<typeof amendRewardSchema>;

/** Approving a proposed reward. */
export const approveRewardSchema = z.strictObject({ note: optionalText(500), version });
export type ApproveRewardInput = z.infer<typeof approveRewardSchema>;

/** Recording the payment of an approved reward (made outside the system). */
export const payRewardSchema = z.strictObject({
  paidOn: dateSchema,
  method: paymentMethodEnum,
  voucherNo: text(1, 60, '请填写凭证号'),
  note: optionalText(500),
  version,
});
export type PayRewardInput = z.infer<typeof payRewardSchema>;

/** Refusing a reward. */
export const rejectRewardSchema = z.strictObject({
  reason: text(2, 500, '请填写不予奖励的理由'),
  version,
});
export type RejectRewardInput = z.infer<typeof rejectRewardSchema>;

/** A verified tip a reward may be proposed for, with what the rules give. */
export const eligibleTipSchema = z.object({
  id: z.number(),
  number: z.string(),
  channel: tipChannelEnum,
  districtName: z.string(),
  enterpriseName: z.string().nullable(),
  subject: z.string(),
  verificationResult: verificationEnum,
  finding: findingEnum,
  fineFen: z.number(),
  /** The penalty case is decided (its fine counts); false while pending. */
  penaltyDecided: z.boolean(),
  computedFen: z.number(),
});
export type EligibleTip = z.infer<typeof eligibleTipSchema>;

/** A reward case. */
export const rewardCaseSchema = z.object({
  id: z.number(),
  tipId: z.number(),
  tipNumber: z.string(),
  tipChannel: tipChannelEnum,
  tipSubject: z.string(),
  /** The informant's code for informant reports; never a reporter's identity. */
  informantCode: z.string().nullable(),
  districtId: z.number(),
  districtName: z.string(),
  enterpriseName: z.string().nullable(),
  finding: findingEnum,
  fineFen: z.number(),
  computedFen: z.number(),
  amountFen: z.number(),
  amountReason: z.string().nullable(),
  rulesName: z.string(),
  status: rewardStatusEnum,
  proposedByName: z.string(),
  proposedAt: z.string(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  paymentMethod: paymentMethodEnum.nullable(),
  voucherNo: z.string().nullable(),
  rejectReason: z.string().nullable(),
  actions: z.array(rewardActionEnum),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      at: z.string(),
      note: z.string().nullable(),
    }),
  ),
  updatedAt: z.string(),
  version: z.number(),
});
export type RewardCase = z.infer<typeof rewardCaseSchema>;

const countAmount = z.object({ count: z.number(), amountFen: z.number() });

/**
 * Reward figures of a period (for the reports): cases proposed, approved and paid in it, each
 * counted on the day of that step, with their current amounts.
 */
export const rewardTotalsSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      districtId: z.number(),
      districtName: z.string(),
      proposed: countAmount,
      approved: countAmount,
      paid: countAmount,
      rejected: countAmount,
    }),
  ),
  total: z.object({
    proposed: countAmount,
    approved: countAmount,
    paid: countAmount,
    rejected: countAmount,
  }),
});
export type RewardTotals = z.infer<typeof rewardTotalsSchema>;

// ---- Public claim information ----

/** A receipt code as typed (the tip page's own rule: 16 digits, spaces and dashes ignored). */
export const rewardClaimRequestSchema = z.strictObject({ code: receiptCodeSchema });
export type RewardClaimRequest = z.infer<typeof rewardClaimRequestSchema>;

/** What a receipt code reveals about a reward: where it stands and how to claim; no amount. */
export const rewardClaimInfoSchema = z.object({
  status: z.enum(REWARD_CLAIM_STATUSES as [RewardClaimStatus, ...RewardClaimStatus[]]),
  steps: z.array(z.object({ zh: z.string(), en: z.string() })),
});
export type RewardClaimInfo = z.infer<typeof rewardClaimInfoSchema>;
