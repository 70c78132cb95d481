import {
  personSchema,
  updatePersonSchema,
  type FieldError,
  type PersonInput,
  type PersonKind,
  type PersonView,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../../components/form-errors';

export type PersonFormValues = {
  kind?: PersonKind;
  name?: string;
  position?: string;
  phone?: string;
  idNumber?: string;
  /** 'yes' / 'no'; undefined when not recorded. */
  assessed?: 'yes' | 'no';
  specialty?: string;
};

export const PERSON_FORM_FIELDS = [
  'kind',
  'name',
  'position',
  'phone',
  'idNumber',
  'assessed',
  'specialty',
] as const;

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

const blankToNull = (v: string | undefined): string | null => {
  const s = v?.trim();
  return s ? s : null;
};

function fields(v: PersonFormValues) {
  return {
    kind: v.kind,
    name: v.name?.trim() ?? '',
    position: blankToNull(v.position),
    phone: blankToNull(v.phone),
    idNumber: blankToNull(v.idNumber),
    assessed: v.assessed === 'yes' ? true : v.assessed === 'no' ? false : null,
    // Only experts have a specialty.
    specialty: v.kind === 'expert' ? blankToNull(v.specialty) : null,
  };
}

/** Validates the person form with the domain's personSchema (new) or updatePersonSchema. */
export function toPersonPayload(
  v: PersonFormValues,
  version: number | null,
  invalidMessage: string,
): Parsed<PersonInput & { version?: number }> {
  const r =
    version === null
      ? personSchema.safeParse(fields(v))
      : updatePersonSchema.safeParse({ ...fields(v), version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** The form values of a person (full data: editing must not send masked numbers back). */
export function personFormValues(p: PersonView): PersonFormValues {
  return {
    kind: p.kind,
    name: p.name,
    position: p.position ?? '',
    phone: p.phone ?? '',
    idNumber: p.idNumber ?? '',
    assessed: p.assessed === null ? undefined : p.assessed ? 'yes' : 'no',
    specialty: p.specialty ?? '',
  };
}

/** Table order: main leader, safety managers, experts. */
export const PERSON_KIND_ORDER: Record<PersonKind, number> = {
  main_leader: 0,
  safety_manager: 1,
  expert: 2,
};
