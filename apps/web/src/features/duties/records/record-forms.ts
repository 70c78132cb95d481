import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import {
  campaignWorkListInputSchema,
  deputyDutyListInputSchema,
  dutyPositionInputSchema,
  emergencyDrillInputSchema,
  endOutsourcingContractSchema,
  engagedExpertInputSchema,
  outsourcingCheckInputSchema,
  outsourcingContractInputSchema,
  outsourcingReviewInputSchema,
  type FieldError,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../../components/form-errors';

// The forms of the duty records: what each antd form holds, and its conversion to the API body,
// validated by the same domain schema the server uses.

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };
/** Form values: antd leaves untouched fields undefined; dates are dayjs. */
export type FormValues = Record<string, unknown>;

const DATE_FORMAT = 'YYYY-MM-DD';

/** A stored date for a DatePicker (undefined when empty). */
export function toDay(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}

function dateOf(v: unknown): string | null {
  return dayjs.isDayjs(v) ? v.format(DATE_FORMAT) : null;
}

function textOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function parse(
  schema: z.ZodType,
  body: Record<string, unknown>,
  version: number | null,
  invalid: string,
): Parsed<Record<string, unknown>> {
  const r = schema.safeParse(body);
  if (!r.success) return { ok: false, errors: zodFieldErrors(r.error, invalid) };
  const data = r.data as Record<string, unknown>;
  return { ok: true, data: version === null ? data : { ...data, version } };
}

/** One form: its field names (for placing server errors) and how it becomes a body. */
export type FormSpec = {
  fields: readonly string[];
  toBody: (
    values: FormValues,
    version: number | null,
    invalid: string,
  ) => Parsed<Record<string, unknown>>;
};

export const POSITION_FORM: FormSpec = {
  fields: ['name', 'category', 'duties'],
  toBody: (v, version, invalid) =>
    parse(
      dutyPositionInputSchema,
      { name: v.name ?? '', category: v.category, duties: v.duties ?? '' },
      version,
      invalid,
    ),
};

export const DEPUTY_FORM: FormSpec = {
  fields: ['name', 'title', 'area', 'duties'],
  toBody: (v, version, invalid) =>
    parse(
      deputyDutyListInputSchema,
      {
        name: v.name ?? '',
        title: textOf(v.title),
        area: v.area ?? '',
        duties: textOf(v.duties),
      },
      version,
      invalid,
    ),
};

export const WORK_LIST_FORM: FormSpec = {
  fields: ['title', 'content'],
  toBody: (v, version, invalid) =>
    parse(
      campaignWorkListInputSchema,
      { title: v.title ?? '', content: textOf(v.content) },
      version,
      invalid,
    ),
};

export const EXPERT_FORM: FormSpec = {
  fields: ['name', 'specialty', 'organisation', 'phone', 'engagedFrom', 'engagedTo', 'scope'],
  toBody: (v, version, invalid) =>
    parse(
      engagedExpertInputSchema,
      {
        name: v.name ?? '',
        specialty: v.specialty ?? '',
        organisation: textOf(v.organisation),
        phone: textOf(v.phone),
        engagedFrom: dateOf(v.engagedFrom) ?? '',
        engagedTo: dateOf(v.engagedTo),
        scope: textOf(v.scope),
      },
      version,
      invalid,
    ),
};

export const CONTRACT_FORM: FormSpec = {
  fields: [
    'kind',
    'counterparty',
    'scopeKind',
    'scope',
    'startDate',
    'endDate',
    'qualificationName',
    'qualificationNumber',
    'qualificationExpiry',
    'agreementSignedOn',
    'dutiesDefined',
    'dutiesText',
  ],
  toBody: (v, version, invalid) =>
    parse(
      outsourcingContractInputSchema,
      {
        kind: v.kind,
        counterparty: v.counterparty ?? '',
        scopeKind: v.scopeKind,
        scope: v.scope ?? '',
        startDate: dateOf(v.startDate),
        endDate: dateOf(v.endDate),
        qualificationName: textOf(v.qualificationName),
        qualificationNumber: textOf(v.qualificationNumber),
        qualificationExpiry: dateOf(v.qualificationExpiry),
        agreementSignedOn: dateOf(v.agreementSignedOn),
        dutiesDefined: v.dutiesDefined === true,
        dutiesText: v.dutiesDefined === true ? textOf(v.dutiesText) : null,
      },
      version,
      invalid,
    ),
};

export const CHECK_FORM: FormSpec = {
  fields: ['checkDate', 'checkedBy', 'findings', 'rectification'],
  toBody: (v, _version, invalid) =>
    parse(
      outsourcingCheckInputSchema,
      {
        checkDate: dateOf(v.checkDate) ?? '',
        checkedBy: v.checkedBy ?? '',
        findings: v.findings ?? '',
        rectification: textOf(v.rectification),
      },
      null,
      invalid,
    ),
};

export const END_FORM: FormSpec = {
  fields: ['endedOn', 'reason'],
  toBody: (v, version, invalid) =>
    parse(
      endOutsourcingContractSchema,
      { endedOn: dateOf(v.endedOn) ?? '', reason: textOf(v.reason), version: version ?? 1 },
      null,
      invalid,
    ),
};

export const REVIEW_FORM: FormSpec = {
  fields: ['checkDate', 'scope', 'contractIds', 'findings', 'actions'],
  toBody: (v, version, invalid) =>
    parse(
      outsourcingReviewInputSchema,
      {
        checkDate: dateOf(v.checkDate) ?? '',
        scope: v.scope ?? '',
        contractIds: Array.isArray(v.contractIds) ? v.contractIds : [],
        findings: v.findings ?? '',
        actions: textOf(v.actions),
      },
      version,
      invalid,
    ),
};

export const DRILL_FORM: FormSpec = {
  fields: [
    'scenario',
    'drillType',
    'drillDate',
    'participants',
    'equipmentUsed',
    'equipmentAdded',
    'evaluation',
    'improvements',
  ],
  toBody: (v, version, invalid) =>
    parse(
      emergencyDrillInputSchema,
      {
        scenario: v.scenario ?? '',
        drillType: v.drillType ?? null,
        drillDate: dateOf(v.drillDate) ?? '',
        participants: typeof v.participants === 'number' ? v.participants : undefined,
        equipmentUsed: textOf(v.equipmentUsed),
        equipmentAdded: textOf(v.equipmentAdded),
        evaluation: textOf(v.evaluation),
        improvements: textOf(v.improvements),
      },
      version,
      invalid,
    ),
};
