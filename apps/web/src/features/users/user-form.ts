import {
  createUserSchema,
  ENTERPRISE_ROLES,
  Role,
  SECTOR_SCOPED_ROLES,
  updateUserSchema,
  type CreateUserInput,
  type FieldError,
  type Sector,
  type UpdateUserInput,
  type UserView,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../components/form-errors';

/** What the user form holds (antd leaves untouched fields undefined). */
export type UserFormValues = {
  username?: string;
  password?: string;
  displayName?: string;
  role?: Role;
  orgUnitId?: number;
  sectors?: Sector[];
  enterpriseId?: number | null;
  phone?: string;
  certificateNo?: string;
};

/** Names of the form fields, for mapping server field errors. */
export const USER_FORM_FIELDS = [
  'username',
  'password',
  'displayName',
  'role',
  'orgUnitId',
  'sectors',
  'enterpriseId',
  'phone',
  'certificateNo',
] as const;

/** Whether the role is bound to sectors (科室, 执法人员). */
export function showsSectors(role: Role | undefined): boolean {
  return role !== undefined && SECTOR_SCOPED_ROLES.includes(role);
}

/** Whether the role is bound to an enterprise. */
export function showsEnterprise(role: Role | undefined): boolean {
  return role !== undefined && ENTERPRISE_ROLES.includes(role);
}

/** Whether the role carries an enforcement certificate number (执法证号). */
export function showsCertificate(role: Role | undefined): boolean {
  return role === Role.Inspector;
}

function blankToNull(v: string | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

/** The fields shared by create and update; hidden role-specific fields are sent as null. */
function commonFields(v: UserFormValues) {
  return {
    displayName: v.displayName?.trim() ?? '',
    role: v.role,
    orgUnitId: v.orgUnitId,
    sectors: showsSectors(v.role) ? (v.sectors ?? []) : null,
    enterpriseId: showsEnterprise(v.role) ? (v.enterpriseId ?? null) : null,
    phone: blankToNull(v.phone),
    certificateNo: showsCertificate(v.role) ? blankToNull(v.certificateNo) : null,
  };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates the form for POST /users with the domain's createUserSchema. */
export function toCreatePayload(
  v: UserFormValues,
  invalidMessage: string,
): Parsed<CreateUserInput> {
  const r = createUserSchema.safeParse({
    ...commonFields(v),
    username: v.username?.trim() ?? '',
    password: v.password ?? '',
  });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** Validates the form for PATCH /users/:id with the domain's updateUserSchema. */
export function toUpdatePayload(
  v: UserFormValues,
  version: number,
  invalidMessage: string,
): Parsed<UpdateUserInput> {
  const r = updateUserSchema.safeParse({ ...commonFields(v), version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** The form values of an existing user (edit). */
export function formValuesOf(u: UserView): UserFormValues {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    orgUnitId: u.orgUnitId,
    sectors: u.sectors ?? [],
    enterpriseId: u.enterpriseId,
    phone: u.phone ?? '',
    certificateNo: u.certificateNo ?? '',
  };
}

/** Whether a login lock is still in force. */
export function isLocked(lockedUntil: string | null, now: number = Date.now()): boolean {
  if (!lockedUntil) return false;
  const t = Date.parse(lockedUntil);
  return Number.isFinite(t) && t > now;
}
