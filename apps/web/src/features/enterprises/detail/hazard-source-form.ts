import {
  hazardSourceSchema,
  updateHazardSourceSchema,
  type FieldError,
  type HazardSourceInput,
  type HazardSourceView,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../../components/form-errors';

type PersonValues = { name?: string; phone?: string };

export type HazardSourceFormValues = {
  name?: string;
  level?: number;
  substances?: string;
  leader?: PersonValues;
  technical?: PersonValues;
  operations?: PersonValues;
};

/** The three 包保 responsible persons, in the order the form and table show them. */
export const RESPONSIBLE_ROLES = ['leader', 'technical', 'operations'] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

export const HAZARD_SOURCE_FORM_FIELDS = [
  'name',
  'level',
  'substances',
  ...RESPONSIBLE_ROLES.flatMap((r) => [`${r}.name`, `${r}.phone`, r]),
];

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

const blankToNull = (v: string | undefined): string | null => {
  const s = v?.trim();
  return s ? s : null;
};

const person = (p: PersonValues | undefined) => ({
  name: p?.name?.trim() ?? '',
  phone: blankToNull(p?.phone),
});

/** Validates the form with the domain's hazardSourceSchema (new) or updateHazardSourceSchema. */
export function toHazardSourcePayload(
  v: HazardSourceFormValues,
  version: number | null,
  invalidMessage: string,
): Parsed<HazardSourceInput & { version?: number }> {
  const body = {
    name: v.name?.trim() ?? '',
    level: v.level,
    substances: blankToNull(v.substances),
    leader: person(v.leader),
    technical: person(v.technical),
    operations: person(v.operations),
  };
  const r =
    version === null
      ? hazardSourceSchema.safeParse(body)
      : updateHazardSourceSchema.safeParse({ ...body, version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** The form values of a hazard source (full phones: editing must not send masked ones back). */
export function hazardSourceFormValues(s: HazardSourceView): HazardSourceFormValues {
  const p = (x: { name: string; phone: string | null }) => ({ name: x.name, phone: x.phone ?? '' });
  return {
    name: s.name,
    level: s.level,
    substances: s.substances ?? '',
    leader: p(s.leader),
    technical: p(s.technical),
    operations: p(s.operations),
  };
}
