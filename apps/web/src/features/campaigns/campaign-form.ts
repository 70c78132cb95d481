import dayjs, { type Dayjs } from 'dayjs';
import {
  createCampaignSchema,
  DEFAULT_WEEKLY,
  defaultMilestones,
  defaultPhases,
  updateCampaignSchema,
  type CampaignView,
  type CreateCampaignInput,
  type FieldError,
  type Sector,
  type UpdateCampaignInput,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../components/form-errors';

export type PhaseRow = { key?: string; name?: string; start?: Dayjs | null; end?: Dayjs | null };
export type MilestoneRow = { key?: string; name?: string; due?: Dayjs | null };

/** What the campaign form holds. Keys of phases and milestones are kept but not shown. */
export type CampaignFormValues = {
  name?: string;
  year?: number;
  sectors?: Sector[];
  orgUnitId?: number;
  phases?: PhaseRow[];
  weekly?: { weekday?: number; hour?: number };
  milestones?: MilestoneRow[];
};

/**
 * Field paths of the form (`*` is a list index), for mapping server field errors. Errors on a
 * whole list ("至少一个阶段") are left for the alert above the form.
 */
export const CAMPAIGN_FORM_FIELDS = [
  'name',
  'year',
  'sectors',
  'orgUnitId',
  'phases.*.name',
  'phases.*.start',
  'phases.*.end',
  'weekly.weekday',
  'weekly.hour',
  'milestones.*.name',
  'milestones.*.due',
] as const;

const DATE = 'YYYY-MM-DD';
const day = (date: string) => dayjs(date);
const iso = (d: Dayjs | null | undefined) => (d ? d.format(DATE) : '');

/** A new campaign for a year: the seed's four phases, Monday 12:00, reports due 8-13 and 12-13. */
export function defaultCampaignValues(year: number, sectors: Sector[]): CampaignFormValues {
  return {
    year,
    sectors,
    phases: defaultPhases(year).map((p) => ({
      key: p.key,
      name: p.name,
      start: day(p.start),
      end: day(p.end),
    })),
    weekly: { ...DEFAULT_WEEKLY },
    milestones: defaultMilestones(year).map((m) => ({ key: m.key, name: m.name, due: day(m.due) })),
  };
}

/** The form's values for an existing campaign. */
export function campaignFormValuesOf(c: CampaignView): CampaignFormValues {
  return {
    name: c.name,
    year: c.year,
    sectors: [...c.sectors],
    orgUnitId: c.orgUnitId,
    phases: c.phases.map((p) => ({
      key: p.key,
      name: p.name,
      start: day(p.start),
      end: day(p.end),
    })),
    weekly: { ...c.weekly },
    milestones: c.milestones.map((m) => ({ key: m.key, name: m.name, due: day(m.due) })),
  };
}

/** Moves the dates that fall in `from` to the same day of `to` (the year was changed). */
export function shiftYear(
  values: CampaignFormValues,
  from: number,
  to: number,
): CampaignFormValues {
  const move = (d: Dayjs | null | undefined) => (d && d.year() === from ? d.year(to) : d);
  return {
    ...values,
    phases: values.phases?.map((p) => ({ ...p, start: move(p.start), end: move(p.end) })),
    milestones: values.milestones?.map((m) => ({ ...m, due: move(m.due) })),
  };
}

/** A key not used yet: `<prefix>_<n>`. */
function freshKey(prefix: string, used: Set<string>): string {
  let n = used.size + 1;
  while (used.has(`${prefix}_${n}`)) n++;
  const key = `${prefix}_${n}`;
  used.add(key);
  return key;
}

/** Keys for rows added in the form (kept ones stay: reports refer to them). */
function withKeys<T extends { key?: string }>(rows: T[], prefix: string): (T & { key: string })[] {
  const used = new Set(rows.map((r) => r.key).filter((k): k is string => Boolean(k)));
  return rows.map((r) => ({ ...r, key: r.key || freshKey(prefix, used) }));
}

function bodyOf(v: CampaignFormValues) {
  return {
    name: v.name?.trim() ?? '',
    year: v.year,
    sectors: v.sectors ?? [],
    phases: withKeys(v.phases ?? [], 'phase').map((p) => ({
      key: p.key,
      name: p.name?.trim() ?? '',
      start: iso(p.start),
      end: iso(p.end),
    })),
    weekly: { weekday: v.weekly?.weekday, hour: v.weekly?.hour },
    milestones: withKeys(v.milestones ?? [], 'report').map((m) => ({
      key: m.key,
      name: m.name?.trim() ?? '',
      due: iso(m.due),
    })),
  };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Validates the form for POST /campaigns. */
export function toCreateCampaign(
  v: CampaignFormValues,
  invalid: string,
): Parsed<CreateCampaignInput> {
  const r = createCampaignSchema.safeParse({ ...bodyOf(v), orgUnitId: v.orgUnitId ?? null });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalid) };
}

/** Validates the form for PUT /campaigns/:id with the version loaded. */
export function toUpdateCampaign(
  v: CampaignFormValues,
  version: number,
  invalid: string,
): Parsed<UpdateCampaignInput> {
  const r = updateCampaignSchema.safeParse({ ...bodyOf(v), version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalid) };
}

/** Phase and milestone keys are not shown: their errors go to the name field of the row. */
export function formFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({
    ...e,
    path: e.path.replace(/^(phases|milestones)\.(\d+)\.key$/, '$1.$2.name'),
  }));
}
