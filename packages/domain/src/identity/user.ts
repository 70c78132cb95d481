import { z } from 'zod';
import { ROLES, type Role, ENTERPRISE_ROLES, SECTOR_SCOPED_ROLES } from './role.js';
import { SECTORS, type Sector } from '../common/sector.js';
import { isStrongPassword } from './password-policy.js';

const roleEnum = z.enum(ROLES as [Role, ...Role[]]);
const sectorEnum = z.enum(SECTORS as [Sector, ...Sector[]]);

/** Usernames: letters, digits, underscore, dot, dash; 3–32 characters. */
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { message: '用户名为3-32位字母、数字、下划线、点或横线' });

/** Longest password accepted (ASVS 2.1.2 asks for at least 64; more only costs hashing). */
export const PASSWORD_MAX_LENGTH = 128;

/** A password that meets the policy. */
export const passwordSchema = z
  .string()
  .max(PASSWORD_MAX_LENGTH, { message: `密码不能超过${PASSWORD_MAX_LENGTH}位`, abort: true })
  .refine(isStrongPassword, {
    message: '密码至少10位，且包含大写字母、小写字母、数字、符号中的至少三类',
  });

/** Mainland mobile or landline-ish phone: digits, optional dash/plus, 5–20 characters. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9-]{5,20}$/, { message: '电话号码格式不正确' });

/** Fields of a user account that an administrator sets. */
const userFieldsSchema = z.strictObject({
  displayName: z.string().trim().min(1, { message: '请填写姓名' }).max(50),
  role: roleEnum,
  orgUnitId: z.number().int().positive(),
  sectors: z.array(sectorEnum).max(4).nullable().default(null),
  enterpriseId: z.number().int().positive().nullable().default(null),
  phone: phoneSchema.nullable().default(null),
  certificateNo: z.string().trim().max(40).nullable().default(null),
});

/** Cross-field rules: enterprise roles need an enterprise; sector-scoped roles need sectors. */
function checkRoleBinding(
  v: { role: Role; enterpriseId: number | null; sectors: Sector[] | null },
  ctx: z.RefinementCtx,
): void {
  if (ENTERPRISE_ROLES.includes(v.role) && v.enterpriseId === null) {
    ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '企业用户必须绑定所属企业' });
  }
  if (!ENTERPRISE_ROLES.includes(v.role) && v.enterpriseId !== null) {
    ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '只有企业用户可以绑定企业' });
  }
  if (SECTOR_SCOPED_ROLES.includes(v.role) && (!v.sectors || v.sectors.length === 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['sectors'],
      message: '科室和执法人员必须指定负责的行业领域',
    });
  }
}

export const createUserSchema = userFieldsSchema
  .extend({ username: usernameSchema, password: passwordSchema })
  .superRefine(checkRoleBinding);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = userFieldsSchema
  .extend({ version: z.number().int().min(1) })
  .superRefine(checkRoleBinding);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ password: passwordSchema });
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1, { message: '请输入用户名' }).max(64),
  password: z.string().min(1, { message: '请输入密码' }).max(128),
  totp: z
    .string()
    .regex(/^[0-9]{6}$/, { message: '动态验证码为6位数字' })
    .optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const userStatusSchema = z.enum(['active', 'disabled']);
export type UserStatus = z.infer<typeof userStatusSchema>;

/** A user as the API returns it (no secrets). */
export const userViewSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: roleEnum,
  orgUnitId: z.number().int(),
  orgUnitName: z.string(),
  sectors: z.array(sectorEnum).nullable(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  phone: z.string().nullable(),
  certificateNo: z.string().nullable(),
  status: userStatusSchema,
  totpEnabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof userViewSchema>;
