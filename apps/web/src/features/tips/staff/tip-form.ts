import type { Dayjs } from 'dayjs';
import type { ZodError } from 'zod';
import {
  staffTipEntrySchema,
  TIP_ACTION_PAYLOADS,
  type FieldError,
  type HazardCategory,
  type HazardLevel,
  type Sector,
  type StaffEntryChannel,
  type StaffTipEntryInput,
  type TipLinkTarget,
  type TipRecordAction,
  type TipRejectReason,
  type TipVerificationResult,
  type Treatment,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../../components/form-errors';

// Form values of the staff tip forms and their conversion to the API's payloads, checked with
// the same domain schemas the server uses. Kept free of React so it is tested on its own.

/** The "登记举报" form. */
export type EntryValues = {
  channel?: StaffEntryChannel;
  receivedAt?: Dayjs | null;
  enterpriseId?: number | null;
  enterpriseText?: string;
  districtId?: number | null;
  sector?: Sector | null;
  place?: string;
  subject?: string;
  description?: string;
  catalogItemCode?: string | null;
  anonymous?: boolean;
  insider?: boolean;
  name?: string;
  phone?: string;
  idNumber?: string;
  contact?: string;
  issueReceiptCode?: boolean;
};

/** Field names of the entry form (server paths like "identity.name" map onto "name"). */
export const ENTRY_FIELDS = [
  'channel',
  'receivedAt',
  'enterpriseId',
  'enterpriseText',
  'districtId',
  'sector',
  'place',
  'subject',
  'description',
  'catalogItemCode',
  'anonymous',
  'insider',
  'name',
  'phone',
  'idNumber',
  'contact',
  'issueReceiptCode',
] as const;

const text = (v: string | undefined) => {
  const s = v?.trim() ?? '';
  return s === '' ? null : s;
};

/** Maps an entry-schema path to the form field showing it. */
export function entryFieldOf(path: string): string {
  return path.startsWith('identity.') ? path.slice('identity.'.length) : path;
}

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

function errorsOf(error: ZodError, fallback: string, map: (p: string) => string): FieldError[] {
  return zodFieldErrors(error, fallback).map((e) => ({ ...e, path: map(e.path) }));
}

/** The entry request from the form, or the field errors to show. */
export function toEntryInput(v: EntryValues, invalid: string): Parsed<StaffTipEntryInput> {
  const anonymous = v.anonymous ?? false;
  const fromRegistry = v.enterpriseId != null;
  const parsed = staffTipEntrySchema.safeParse({
    channel: v.channel,
    receivedAt: v.receivedAt ? v.receivedAt.toISOString() : '',
    enterpriseId: v.enterpriseId ?? null,
    enterpriseText: fromRegistry ? null : text(v.enterpriseText),
    districtId: fromRegistry ? null : (v.districtId ?? null),
    sector: fromRegistry ? null : (v.sector ?? null),
    place: text(v.place),
    subject: v.subject?.trim() ?? '',
    description: v.description?.trim() ?? '',
    catalogItemCode: fromRegistry ? (v.catalogItemCode ?? null) : null,
    anonymous,
    insider: v.insider ?? false,
    identity: anonymous
      ? null
      : {
          name: v.name?.trim() ?? '',
          phone: text(v.phone),
          idNumber: text(v.idNumber),
          contact: text(v.contact),
        },
    issueReceiptCode: v.issueReceiptCode ?? true,
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: errorsOf(parsed.error, invalid, entryFieldOf) };
}

/** The values of every action form (each action uses some of them). */
export type ActionValues = {
  comment?: string;
  reason?: string;
  rejectReason?: TipRejectReason;
  duplicateOfTipId?: number | null;
  assignTo?: 'unit' | 'user';
  unitId?: number | null;
  userId?: number | null;
  dueDate?: Dayjs | null;
  result?: TipVerificationResult;
  summary?: string;
  hazardMode?: 'none' | 'create' | 'link';
  linkHazardId?: number | null;
  level?: HazardLevel;
  title?: string;
  description?: string;
  place?: string;
  category?: HazardCategory | null;
  catalogItemCode?: string | null;
  noCatalogReason?: string;
  treatment?: Treatment;
  enterpriseId?: number | null;
  districtId?: number | null;
  sector?: Sector | null;
  target?: TipLinkTarget;
  targetId?: number | null;
};

/** The form fields each action shows, in order. */
export const ACTION_FIELDS: Record<TipRecordAction, readonly (keyof ActionValues)[]> = {
  accept: ['comment'],
  reject: ['rejectReason', 'duplicateOfTipId', 'comment'],
  reopen: ['reason'],
  assign: ['assignTo', 'unitId', 'userId', 'dueDate', 'comment'],
  extend: ['dueDate', 'reason'],
  verify: [
    'result',
    'summary',
    'hazardMode',
    'linkHazardId',
    'level',
    'title',
    'description',
    'place',
    'catalogItemCode',
    'noCatalogReason',
    'treatment',
  ],
  close: ['comment'],
  classify: ['enterpriseId', 'districtId', 'sector', 'catalogItemCode'],
  link: ['target', 'targetId'],
  create_hazard: [
    'level',
    'title',
    'description',
    'place',
    'catalogItemCode',
    'noCatalogReason',
    'treatment',
  ],
};

/** Maps a payload path (without "payload.") to the form field showing it. */
export function actionFieldOf(action: TipRecordAction, path: string): string {
  const p = path.replace(/^payload\./, '');
  if (p.startsWith('createHazard.')) return p.slice('createHazard.'.length);
  if (action === 'reject' && p === 'reason') return 'rejectReason';
  if (action === 'link' && p === 'id') return 'targetId';
  if (action === 'assign' && p === 'unitId') return 'assignTo';
  return p;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

function hazardOf(v: ActionValues) {
  const code = v.catalogItemCode ?? null;
  return {
    level: v.level,
    title: v.title?.trim() ?? '',
    description: v.description?.trim() ?? '',
    place: text(v.place),
    category: v.category ?? null,
    catalogItemCode: code,
    noCatalogReason: code ? null : text(v.noCatalogReason),
    treatment: v.treatment ?? 'deadline',
  };
}

/** The raw payload of an action from its form values (before the schema check). */
export function rawPayload(action: TipRecordAction, v: ActionValues): Record<string, unknown> {
  switch (action) {
    case 'accept':
    case 'close':
      return { comment: text(v.comment) };
    case 'reject':
      return {
        reason: v.rejectReason,
        duplicateOfTipId: v.rejectReason === 'duplicate' ? (v.duplicateOfTipId ?? null) : null,
        comment: text(v.comment),
      };
    case 'reopen':
      return { reason: v.reason?.trim() ?? '' };
    case 'assign':
      return {
        unitId: v.assignTo === 'unit' ? (v.unitId ?? null) : null,
        userId: v.assignTo === 'user' ? (v.userId ?? null) : null,
        dueDate: day(v.dueDate),
        comment: text(v.comment),
      };
    case 'extend':
      return { dueDate: day(v.dueDate), reason: v.reason?.trim() ?? '' };
    case 'verify': {
      const mode = v.result === 'not_true' ? 'none' : (v.hazardMode ?? 'none');
      return {
        result: v.result,
        summary: v.summary?.trim() ?? '',
        createHazard: mode === 'create' ? hazardOf(v) : null,
        linkHazardId: mode === 'link' ? (v.linkHazardId ?? null) : null,
      };
    }
    case 'classify':
      return {
        enterpriseId: v.enterpriseId ?? null,
        districtId: v.enterpriseId ? null : (v.districtId ?? null),
        sector: v.enterpriseId ? null : (v.sector ?? null),
        catalogItemCode: v.enterpriseId ? (v.catalogItemCode ?? null) : null,
      };
    case 'link':
      return { target: v.target, id: v.targetId ?? undefined };
    case 'create_hazard':
      return hazardOf(v);
  }
}

/** The payload of an action, checked with its schema; errors name the form's fields. */
export function toActionPayload(
  action: TipRecordAction,
  v: ActionValues,
  invalid: string,
): Parsed<Record<string, unknown>> {
  const parsed = TIP_ACTION_PAYLOADS[action].safeParse(rawPayload(action, v));
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: errorsOf(parsed.error, invalid, (p) => actionFieldOf(action, p)),
  };
}
