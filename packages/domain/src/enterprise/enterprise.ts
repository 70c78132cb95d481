import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { passwordSchema, phoneSchema } from '../identity/user.js';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './credit-code.js';
import {
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAGS,
  type EnterpriseStatus,
  type EnterpriseTag,
  isSubTypeOf,
} from './enterprise-attributes.js';

const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]], { message: '行业领域不正确' });
const tagEnum = z.enum(ENTERPRISE_TAGS as [EnterpriseTag, ...EnterpriseTag[]], {
  message: '特殊标签不正确',
});
const statusEnum = z.enum(ENTERPRISE_STATUSES as [EnterpriseStatus, ...EnterpriseStatus[]], {
  message: '经营状态不正确',
});

/** A calendar date as YYYY-MM-DD. */
export const dateSchema = z.iso.date({ message: '日期格式应为YYYY-MM-DD' });

/** A unified social credit code: upper-cased, then checked (charset and GB 32100 check digit). */
export const creditCodeSchema = z
  .string()
  .trim()
  .max(18, { message: CREDIT_CODE_MESSAGES.length, abort: true })
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

/** How the enterprise organises safety management (§二(一)2). */
export const SAFETY_AGENCY_KINDS = ['agency', 'full_time', 'part_time', 'none'] as const;
export type SafetyAgencyKind = (typeof SAFETY_AGENCY_KINDS)[number];
export const SAFETY_AGENCY_LABELS: Record<SafetyAgencyKind, { zh: string; en: string }> = {
  agency: { zh: '设置安全管理机构', en: 'Safety department' },
  full_time: { zh: '专职安全管理人员', en: 'Full-time safety staff' },
  part_time: { zh: '兼职安全管理人员', en: 'Part-time safety staff' },
  none: { zh: '未设置', en: 'None' },
};

export const licenceSchema = z.strictObject({
  type: z.string().trim().min(1, { message: '请填写许可证类型' }).max(50),
  number: z.string().trim().min(1, { message: '请填写许可证编号' }).max(60),
  expiry: dateSchema.nullable().default(null),
  issuer: z.string().trim().max(100).nullable().default(null),
});
export type Licence = z.infer<typeof licenceSchema>;

/** The fields of an enterprise that bureau staff set (registry data). */
export const enterpriseFieldsSchema = z.strictObject({
  name: z.string().trim().min(2, { message: '请填写企业名称' }).max(100),
  creditCode: creditCodeSchema,
  sector: sectorEnum,
  subType: z.string().min(1, { message: '请选择企业类型' }).max(40),
  tags: z.array(tagEnum).max(ENTERPRISE_TAGS.length).default([]),
  orgUnitId: z.number().int().positive({ message: '请选择所属区县' }),
  address: z.string().trim().max(200).nullable().default(null),
  longitude: z.number().min(73).max(136).nullable().default(null),
  latitude: z.number().min(3).max(54).nullable().default(null),
  status: statusEnum.default('operating'),
  statusDate: dateSchema.nullable().default(null),
  statusReason: z.string().trim().max(200).nullable().default(null),
  employees: z.number().int().min(0).max(1_000_000).nullable().default(null),
  safetyAgency: z.enum(SAFETY_AGENCY_KINDS).nullable().default(null),
  safetyStaffCount: z.number().int().min(0).max(10_000).nullable().default(null),
  licences: z.array(licenceSchema).max(20).default([]),
});

/** Cross-field rules shared by forms, the API and the spreadsheet import. */
export function checkEnterpriseRules(
  v: {
    sector: Sector;
    subType: string;
    status: EnterpriseStatus;
    statusReason: string | null;
    statusDate: string | null;
  },
  ctx: z.RefinementCtx,
): void {
  if (!isSubTypeOf(v.sector, v.subType)) {
    ctx.addIssue({ code: 'custom', path: ['subType'], message: '企业类型与行业领域不匹配' });
  }
  if (v.status !== 'operating' && !v.statusReason) {
    ctx.addIssue({ code: 'custom', path: ['statusReason'], message: '停产或关闭须填写原因' });
  }
  if (v.status !== 'operating' && !v.statusDate) {
    ctx.addIssue({ code: 'custom', path: ['statusDate'], message: '停产或关闭须填写日期' });
  }
}

export const createEnterpriseSchema = enterpriseFieldsSchema.superRefine(checkEnterpriseRules);
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;

export const updateEnterpriseSchema = enterpriseFieldsSchema
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkEnterpriseRules);
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseSchema>;

/** The part an enterprise's own users may change: how safety is staffed. */
export const enterpriseSelfFieldsSchema = z.strictObject({
  employees: z.number().int().min(0).max(1_000_000).nullable(),
  safetyAgency: z.enum(SAFETY_AGENCY_KINDS).nullable(),
  safetyStaffCount: z.number().int().min(0).max(10_000).nullable(),
  version: z.number().int().min(1),
});
export type EnterpriseSelfFieldsInput = z.infer<typeof enterpriseSelfFieldsSchema>;

/** Kinds of people recorded for an enterprise. */
export const PERSON_KINDS = ['main_leader', 'safety_manager', 'expert'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];
export const PERSON_KIND_LABELS: Record<PersonKind, { zh: string; en: string }> = {
  main_leader: { zh: '主要负责人', en: 'Main leader' },
  safety_manager: { zh: '安全管理人员', en: 'Safety manager' },
  expert: { zh: '聘请专家', en: 'Engaged expert' },
};

/** Mainland resident ID number: 18 characters, last may be X (format only). */
export const idNumberSchema = z
  .string()
  .trim()
  .max(18, { message: '身份证号码应为18位', abort: true })
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[0-9]{17}[0-9X]$/.test(v), { message: '身份证号码应为18位' });

export const personSchema = z.strictObject({
  kind: z.enum(PERSON_KINDS),
  name: z.string().trim().min(1, { message: '请填写姓名' }).max(50),
  position: z.string().trim().max(50).nullable().default(null),
  phone: phoneSchema.nullable().default(null),
  idNumber: idNumberSchema.nullable().default(null),
  assessed: z.boolean().nullable().default(null),
  specialty: z.string().trim().max(100).nullable().default(null),
});
export type PersonInput = z.infer<typeof personSchema>;
export const updatePersonSchema = personSchema.extend({ version: z.number().int().min(1) });

const responsiblePersonSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '请填写包保责任人姓名' }).max(50),
  phone: phoneSchema.nullable().default(null),
});

/** A major hazard source (重大危险源) with its three 包保 responsible persons. */
export const hazardSourceSchema = z.strictObject({
  name: z.string().trim().min(1, { message: '请填写危险源名称' }).max(100),
  level: z.number().int().min(1, { message: '级别为1-4级' }).max(4, { message: '级别为1-4级' }),
  substances: z.string().trim().max(300).nullable().default(null),
  leader: responsiblePersonSchema,
  technical: responsiblePersonSchema,
  operations: responsiblePersonSchema,
});
export type HazardSourceInput = z.infer<typeof hazardSourceSchema>;
export const updateHazardSourceSchema = hazardSourceSchema.extend({
  version: z.number().int().min(1),
});

/** Masks a phone number for lists: keeps the first 3 and last 4 digits. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return `${phone.slice(0, 1)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Masks an ID number: keeps the first 4 and last 4 characters. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}

/** An enterprise as the API returns it. */
export const enterpriseViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string(),
  sector: sectorEnum,
  subType: z.string(),
  tags: z.array(tagEnum),
  orgUnitId: z.number(),
  districtName: z.string(),
  office: z.enum(['weihua', 'jichu']),
  address: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  status: statusEnum,
  statusDate: z.string().nullable(),
  statusReason: z.string().nullable(),
  employees: z.number().nullable(),
  safetyAgency: z.enum(SAFETY_AGENCY_KINDS).nullable(),
  safetyStaffCount: z.number().nullable(),
  licences: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      expiry: z.string().nullable(),
      issuer: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type EnterpriseView = z.infer<typeof enterpriseViewSchema>;

export const enterpriseListItemSchema = enterpriseViewSchema.extend({
  leaderName: z.string().nullable(),
  leaderPhone: z.string().nullable(),
});

export const enterpriseDetailSchema = enterpriseViewSchema.extend({
  can: z.object({
    edit: z.boolean(),
    editPeople: z.boolean(),
    revealPersonal: z.boolean(),
    manageAccounts: z.boolean(),
  }),
});

export const personViewSchema = z.object({
  id: z.number(),
  kind: z.enum(PERSON_KINDS),
  name: z.string(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  assessed: z.boolean().nullable(),
  specialty: z.string().nullable(),
  version: z.number(),
});
export type PersonView = z.infer<typeof personViewSchema>;

export const hazardSourceViewSchema = z.object({
  id: z.number(),
  name: z.string(),
  level: z.number(),
  substances: z.string().nullable(),
  leader: z.object({ name: z.string(), phone: z.string().nullable() }),
  technical: z.object({ name: z.string(), phone: z.string().nullable() }),
  operations: z.object({ name: z.string(), phone: z.string().nullable() }),
  version: z.number(),
});
export type HazardSourceView = z.infer<typeof hazardSourceViewSchema>;

/** Creating an enterprise's leader or safety-manager account from its page. */
export const createEnterpriseAccountSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: '用户名为3-32位字母、数字、下划线、点或横线' }),
  displayName: z.string().trim().min(1, { message: '请填写姓名' }).max(50),
  role: z.enum(['ent_leader', 'ent_safety']),
  password: passwordSchema,
  phone: phoneSchema.nullable().default(null),
});
export type CreateEnterpriseAccountInput = z.infer<typeof createEnterpriseAccountSchema>;

/** A reason for voiding a record (records are never hard-deleted). */
export const voidSchema = z.strictObject({
  reason: z.string().trim().min(2, { message: '请填写作废原因' }).max(200),
  version: z.number().int().min(1),
});
