import type { Dayjs } from 'dayjs';
import {
  draftRecordErrors,
  inspectionDraftSchema,
  type FieldError,
  type FindingPenaltyDecision,
  type HazardLevel,
  type InspectionCheckResult,
  type InspectionDraft,
  type InspectionFormContext,
  type InspectionRecordDetail,
  type Treatment,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../../components/form-errors';

// The state of the record form and how it becomes the API's draft, checked by the same domain
// rules the server runs (inspectionDraftSchema, then the record rules with the inspectors'
// names and certificate numbers as the form knows them).

/** The simple fields kept by the antd form. */
export type HeaderValues = {
  inspectorUserIds: number[];
  startedAt: Dayjs | null;
  endedAt: Dayjs | null;
  place: string;
  enterprisePresent: string;
};

/** The fields of the header the server's errors may name. */
export const HEADER_FIELDS = [
  'inspectorUserIds',
  'startedAt',
  'endedAt',
  'place',
  'enterprisePresent',
] as const;

/** One checklist line: only the items given a result are part of the record. */
export type CheckState = Record<string, { result: InspectionCheckResult; note: string }>;

/** One finding as edited. */
export type FindingState = {
  key: number;
  title: string;
  description: string;
  level: HazardLevel;
  treatment: Treatment;
  catalogItemCode: string | null;
  linkedHazardId: number | null;
  penaltyDecision: FindingPenaltyDecision | null;
  penaltyNote: string;
};

let nextKey = 1;

/** A new finding (optionally prefilled). */
export function newFinding(patch: Partial<Omit<FindingState, 'key'>> = {}): FindingState {
  return {
    key: nextKey++,
    title: '',
    description: '',
    level: 'major',
    treatment: 'deadline',
    catalogItemCode: null,
    linkedHazardId: null,
    penaltyDecision: null,
    penaltyNote: '',
    ...patch,
  };
}

/** The form's state of a stored draft. */
export function stateOfRecord(record: InspectionRecordDetail): {
  checks: CheckState;
  findings: FindingState[];
} {
  const checks: CheckState = {};
  for (const c of record.checklist) {
    checks[c.catalogItemCode] = { result: c.result, note: c.note ?? '' };
  }
  return {
    checks,
    findings: record.findings.map((f) =>
      newFinding({
        title: f.title,
        description: f.description,
        level: f.level,
        treatment: f.treatment,
        catalogItemCode: f.catalogItemCode,
        linkedHazardId: f.linkedHazardId,
        penaltyDecision: f.penaltyDecision,
        penaltyNote: f.penaltyNote ?? '',
      }),
    ),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The draft the API receives; checklist lines in the order of the enterprise's checklist. */
export function toDraft(
  context: InspectionFormContext,
  link: { planId: number | null; targetId: number | null },
  header: HeaderValues,
  checks: CheckState,
  findings: FindingState[],
) {
  return {
    enterpriseId: context.enterprise.id,
    planId: link.planId,
    targetId: link.targetId,
    inspectorUserIds: header.inspectorUserIds ?? [],
    startedAt: header.startedAt ? header.startedAt.format() : '',
    endedAt: header.endedAt ? header.endedAt.format() : '',
    place: header.place ?? '',
    enterprisePresent: orNull(header.enterprisePresent ?? ''),
    checklist: context.checklist
      .filter((i) => checks[i.code])
      .map((i) => ({
        catalogItemCode: i.code,
        result: checks[i.code]!.result,
        note: orNull(checks[i.code]!.note),
      })),
    findings: findings.map((f) => ({
      title: f.title,
      description: f.description,
      level: f.level,
      treatment: f.treatment,
      catalogItemCode: f.catalogItemCode,
      linkedHazardId: f.linkedHazardId,
      penaltyDecision: f.penaltyDecision,
      penaltyNote: orNull(f.penaltyNote),
    })),
  };
}

/** Checks a draft with the domain rules; the parsed draft or the field errors. */
export function checkDraft(
  context: InspectionFormContext,
  draft: ReturnType<typeof toDraft>,
  fallback: string,
): { ok: true; data: InspectionDraft } | { ok: false; errors: FieldError[] } {
  const parsed = inspectionDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error, fallback) };
  const people = [...(context.me ? [context.me] : []), ...context.colleagues];
  const accounts = new Map(
    people.map((p) => [p.userId, { name: p.name, certificateNo: p.certificateNo }] as const),
  );
  const errors = draftRecordErrors(parsed.data, accounts);
  return errors.length ? { ok: false, errors } : { ok: true, data: parsed.data };
}

/** The messages of the errors at a path or below it. */
export function messagesAt(errors: readonly FieldError[], path: string): string[] {
  return [
    ...new Set(
      errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message),
    ),
  ];
}
