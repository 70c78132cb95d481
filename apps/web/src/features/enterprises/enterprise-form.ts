import dayjs, { type Dayjs } from 'dayjs';
import {
  createEnterpriseSchema,
  enterpriseSelfFieldsSchema,
  updateEnterpriseSchema,
  type CreateEnterpriseInput,
  type EnterpriseSelfFieldsInput,
  type EnterpriseStatus,
  type EnterpriseTag,
  type FieldError,
  type SafetyAgencyKind,
  type Sector,
  type UpdateEnterpriseInput,
} from '@hazard-ledger/domain';
import type { EnterpriseDetail } from '../../api/enterprises-api';
import { zodFieldErrors } from '../../components/form-errors';

export type LicenceFormValues = {
  type?: string;
  number?: string;
  expiry?: Dayjs | null;
  issuer?: string;
};

/** What the enterprise form holds (antd leaves untouched fields undefined). */
export type EnterpriseFormValues = {
  name?: string;
  creditCode?: string;
  sector?: Sector;
  subType?: string;
  tags?: EnterpriseTag[];
  orgUnitId?: number;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  status?: EnterpriseStatus;
  statusDate?: Dayjs | null;
  statusReason?: string;
  employees?: number | null;
  safetyAgency?: SafetyAgencyKind | null;
  safetyStaffCount?: number | null;
  licences?: LicenceFormValues[];
};

/** Form field paths, for mapping server and schema errors ("licences.0.number" included). */
export const ENTERPRISE_FORM_FIELDS = [
  'name',
  'creditCode',
  'sector',
  'subType',
  'tags',
  'orgUnitId',
  'address',
  'longitude',
  'latitude',
  'status',
  'statusDate',
  'statusReason',
  'employees',
  'safetyAgency',
  'safetyStaffCount',
  'licences.*.type',
  'licences.*.number',
  'licences.*.expiry',
  'licences.*.issuer',
] as const;

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

const DATE = 'YYYY-MM-DD';

function blankToNull(v: string | undefined | null): string | null {
  const s = v?.trim();
  return s ? s : null;
}

const numberOrNull = (v: number | null | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

const dateOrNull = (v: Dayjs | null | undefined): string | null =>
  v && v.isValid() ? v.format(DATE) : null;

/** The body fields of POST/PUT /enterprises built from the form (before validation). */
function registryFields(v: EnterpriseFormValues) {
  return {
    name: v.name?.trim() ?? '',
    creditCode: v.creditCode?.trim() ?? '',
    sector: v.sector,
    subType: v.subType ?? '',
    tags: v.tags ?? [],
    orgUnitId: v.orgUnitId ?? 0,
    address: blankToNull(v.address),
    longitude: numberOrNull(v.longitude),
    latitude: numberOrNull(v.latitude),
    status: v.status ?? 'operating',
    statusDate: dateOrNull(v.statusDate),
    statusReason: blankToNull(v.statusReason),
    employees: numberOrNull(v.employees),
    safetyAgency: v.safetyAgency ?? null,
    safetyStaffCount: numberOrNull(v.safetyStaffCount),
    licences: (v.licences ?? [])
      // A row the user added and left completely empty is not a licence.
      .filter((l) => l && (l.type?.trim() || l.number?.trim() || l.expiry || l.issuer?.trim()))
      .map((l) => ({
        type: l.type?.trim() ?? '',
        number: l.number?.trim() ?? '',
        expiry: dateOrNull(l.expiry),
        issuer: blankToNull(l.issuer),
      })),
  };
}

/** Validates the form for POST /enterprises with the domain's createEnterpriseSchema. */
export function toCreatePayload(
  v: EnterpriseFormValues,
  invalidMessage: string,
): Parsed<CreateEnterpriseInput> {
  const r = createEnterpriseSchema.safeParse(registryFields(v));
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** Validates the form for PUT /enterprises/:id with the domain's updateEnterpriseSchema. */
export function toUpdatePayload(
  v: EnterpriseFormValues,
  version: number,
  invalidMessage: string,
): Parsed<UpdateEnterpriseInput> {
  const r = updateEnterpriseSchema.safeParse({ ...registryFields(v), version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

const dayOrNull = (s: string | null): Dayjs | null => (s ? dayjs(s) : null);

/** The form values of an existing enterprise (edit). */
export function formValuesOf(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    name: e.name,
    creditCode: e.creditCode,
    sector: e.sector,
    subType: e.subType,
    tags: e.tags,
    orgUnitId: e.orgUnitId,
    address: e.address ?? '',
    longitude: e.longitude,
    latitude: e.latitude,
    status: e.status,
    statusDate: dayOrNull(e.statusDate),
    statusReason: e.statusReason ?? '',
    employees: e.employees,
    safetyAgency: e.safetyAgency,
    safetyStaffCount: e.safetyStaffCount,
    licences: e.licences.map((l) => ({
      type: l.type,
      number: l.number,
      expiry: dayOrNull(l.expiry),
      issuer: l.issuer ?? '',
    })),
  };
}

/** The values of a new enterprise form: operating, and the only district when there is one. */
export function newFormValues(defaults: {
  orgUnitId?: number;
  sector?: Sector;
}): EnterpriseFormValues {
  return { status: 'operating', tags: [], licences: [], ...defaults };
}

export type StaffingFormValues = {
  employees?: number | null;
  safetyAgency?: SafetyAgencyKind | null;
  safetyStaffCount?: number | null;
};

export const STAFFING_FORM_FIELDS = ['employees', 'safetyAgency', 'safetyStaffCount'] as const;

/** Validates the safety-staffing form (PATCH /enterprises/:id/safety-staffing). */
export function toStaffingPayload(
  v: StaffingFormValues,
  version: number,
  invalidMessage: string,
): Parsed<EnterpriseSelfFieldsInput> {
  const r = enterpriseSelfFieldsSchema.safeParse({
    employees: numberOrNull(v.employees),
    safetyAgency: v.safetyAgency ?? null,
    safetyStaffCount: numberOrNull(v.safetyStaffCount),
    version,
  });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** Whether a licence has expired, expires within 90 days, or neither (as of `today`). */
export function licenceState(
  expiry: string | null,
  today: Dayjs = dayjs(),
): 'expired' | 'expiring' | 'valid' | null {
  if (!expiry) return null;
  const d = dayjs(expiry);
  if (!d.isValid()) return null;
  if (d.isBefore(today, 'day')) return 'expired';
  if (d.diff(today, 'day') <= 90) return 'expiring';
  return 'valid';
}
