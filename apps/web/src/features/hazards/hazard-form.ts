import dayjs, { type Dayjs } from 'dayjs';
import {
  createHazardSchema,
  rectificationPlanSchema,
  updateHazardSchema,
  type CreateHazardInput,
  type FieldError,
  type HazardCategory,
  type HazardDetail,
  type HazardLevel,
  type HazardOrigin,
  type RectificationPlan,
  type Treatment,
  type UpdateHazardInput,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../components/form-errors';
import type { HazardPlanInput } from '../../api/hazards-api';

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

const DATE_FORMAT = 'YYYY-MM-DD';

function blankToNull(v: string | null | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

/** What the create form holds (antd leaves untouched fields undefined). */
export type CreateHazardValues = {
  enterpriseId?: number | null;
  level?: HazardLevel;
  title?: string;
  description?: string;
  place?: string;
  causeAnalysis?: string;
  category?: HazardCategory | null;
  origin?: HazardOrigin;
  foundAt?: Dayjs | null;
  foundBy?: string;
  catalogItemCode?: string | null;
  noCatalogReason?: string;
  treatment?: Treatment;
};

export const CREATE_FORM_FIELDS = [
  'enterpriseId',
  'level',
  'title',
  'description',
  'place',
  'causeAnalysis',
  'category',
  'origin',
  'foundAt',
  'foundBy',
  'catalogItemCode',
  'noCatalogReason',
  'treatment',
] as const;

/** Validates the create form with the domain's createHazardSchema. */
export function toCreatePayload(
  v: CreateHazardValues,
  invalidMessage: string,
): Parsed<CreateHazardInput> {
  const catalogItemCode = blankToNull(v.catalogItemCode);
  const r = createHazardSchema.safeParse({
    enterpriseId: v.enterpriseId ?? undefined,
    level: v.level,
    title: v.title ?? '',
    description: v.description ?? '',
    place: blankToNull(v.place),
    causeAnalysis: blankToNull(v.causeAnalysis),
    category: v.category ?? null,
    origin: v.origin,
    foundAt: v.foundAt ? v.foundAt.format(DATE_FORMAT) : '',
    foundBy: v.foundBy ?? '',
    catalogItemCode,
    // A cited item makes the reason moot: do not send one the user typed before choosing.
    noCatalogReason: catalogItemCode ? null : blankToNull(v.noCatalogReason),
    treatment: v.treatment,
  });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** What the edit form of a registered hazard holds. */
export type UpdateHazardValues = {
  title?: string;
  description?: string;
  place?: string;
  causeAnalysis?: string;
  category?: HazardCategory | null;
};

export const UPDATE_FORM_FIELDS = [
  'title',
  'description',
  'place',
  'causeAnalysis',
  'category',
] as const;

export function updateValuesOf(h: HazardDetail): UpdateHazardValues {
  return {
    title: h.title,
    description: h.description,
    place: h.place ?? '',
    causeAnalysis: h.causeAnalysis ?? '',
    category: h.category,
  };
}

/** Validates the edit form with the domain's updateHazardSchema. */
export function toUpdatePayload(
  v: UpdateHazardValues,
  version: number,
  invalidMessage: string,
): Parsed<UpdateHazardInput> {
  const r = updateHazardSchema.safeParse({
    title: v.title ?? '',
    description: v.description ?? '',
    place: blankToNull(v.place),
    causeAnalysis: blankToNull(v.causeAnalysis),
    category: v.category ?? null,
    version,
  });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** What the plan form holds. */
export type PlanValues = {
  responsiblePerson?: string;
  measures?: string;
  fundsYuan?: string;
  fundsSource?: string;
  deadline?: Dayjs | null;
  emergencyMeasures?: string;
};

export const PLAN_FIELDS = [
  'responsiblePerson',
  'measures',
  'fundsYuan',
  'fundsSource',
  'deadline',
  'emergencyMeasures',
] as const satisfies readonly (keyof RectificationPlan)[];

export type PlanField = (typeof PLAN_FIELDS)[number];

export function planValuesOf(h: HazardDetail): PlanValues {
  return {
    responsiblePerson: h.plan.responsiblePerson ?? '',
    measures: h.plan.measures ?? '',
    fundsYuan: h.plan.fundsYuan ?? '',
    fundsSource: h.plan.fundsSource ?? '',
    deadline: h.plan.deadline ? dayjs(h.plan.deadline) : null,
    emergencyMeasures: h.plan.emergencyMeasures ?? '',
  };
}

/**
 * Validates the plan form: every item may still be missing (the plan is saved in steps), but
 * what is filled in must be valid. Blank items are left out, which clears them on the server.
 */
export function toPlanPayload(
  v: PlanValues,
  version: number,
  invalidMessage: string,
): Parsed<HazardPlanInput> {
  const raw: Record<string, string> = {};
  const put = (key: PlanField, value: string | null) => {
    if (value !== null) raw[key] = value;
  };
  put('responsiblePerson', blankToNull(v.responsiblePerson));
  put('measures', blankToNull(v.measures));
  put('fundsYuan', blankToNull(v.fundsYuan));
  put('fundsSource', blankToNull(v.fundsSource));
  put('deadline', v.deadline ? v.deadline.format(DATE_FORMAT) : null);
  put('emergencyMeasures', blankToNull(v.emergencyMeasures));
  const r = rectificationPlanSchema.partial().safeParse(raw);
  return r.success
    ? { ok: true, data: { ...r.data, version } }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}
