import {
  catalogItemInputSchema,
  updateCatalogItemSchema,
  type CatalogItemInput,
  type CatalogItemView,
  type EnterpriseTag,
  type FieldError,
  type ItemCompleteness,
  type Sector,
  type UpdateCatalogItemInput,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../components/form-errors';

/** What the item form holds (antd leaves untouched fields undefined). */
export type ItemFormValues = {
  section?: string;
  clause?: string;
  parentCode?: string;
  title?: string;
  requirement?: string;
  completeness?: ItemCompleteness;
  gapNote?: string;
  appliesTo?: { sectors?: Sector[]; subTypes?: string[]; tags?: EnterpriseTag[] };
};

/** Field paths of the form, for mapping server field errors (applyNestedFieldErrors). */
export const ITEM_FORM_FIELDS = [
  'section',
  'clause',
  'parentCode',
  'title',
  'requirement',
  'completeness',
  'gapNote',
  'appliesTo',
  'appliesTo.sectors',
  'appliesTo.subTypes',
  'appliesTo.tags',
] as const;

function blankToNull(v: string | undefined): string | null {
  const s = v?.trim();
  return s ? s : null;
}

function listOrNull<T>(v: T[] | undefined): T[] | null {
  return v && v.length > 0 ? v : null;
}

/** The form's values for an existing item. */
export function itemFormValuesOf(item: CatalogItemView): ItemFormValues {
  return {
    section: item.section,
    clause: item.clause,
    parentCode: item.parentCode ?? '',
    title: item.title,
    requirement: item.requirement ?? '',
    completeness: item.completeness,
    gapNote: item.gapNote ?? '',
    appliesTo: {
      sectors: [...item.appliesTo.sectors],
      subTypes: item.appliesTo.subTypes ? [...item.appliesTo.subTypes] : [],
      tags: item.appliesTo.tags ? [...item.appliesTo.tags] : [],
    },
  };
}

/**
 * The request body: blanks become null, empty sub-type and tag lists mean "any" (null), and a
 * complete item carries no gap note.
 */
export function itemBodyOf(v: ItemFormValues) {
  const completeness = v.completeness ?? 'complete';
  return {
    section: v.section?.trim() ?? '',
    clause: v.clause?.trim() ?? '',
    parentCode: blankToNull(v.parentCode),
    title: v.title?.trim() ?? '',
    requirement: blankToNull(v.requirement),
    completeness,
    gapNote: completeness === 'incomplete' ? blankToNull(v.gapNote) : null,
    appliesTo: {
      sectors: v.appliesTo?.sectors ?? [],
      subTypes: listOrNull(v.appliesTo?.subTypes),
      tags: listOrNull(v.appliesTo?.tags),
    },
  };
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Checks a new local item with the domain's schema (the server checks it again). */
export function toItemInput(v: ItemFormValues, invalid: string): Parsed<CatalogItemInput> {
  const r = catalogItemInputSchema.safeParse(itemBodyOf(v));
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalid) };
}

/** Checks an edit of a draft item, with the row version it was loaded at. */
export function toItemUpdate(
  v: ItemFormValues,
  version: number,
  invalid: string,
): Parsed<UpdateCatalogItemInput> {
  const r = updateCatalogItemSchema.safeParse({ ...itemBodyOf(v), version });
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalid) };
}

/** Splits an import's row errors (`rows.<row>.<column>`) from file-level ones. */
export function importRowErrors(
  fields: readonly FieldError[],
): { row: number | null; column: string | null; message: string }[] {
  return fields.map((f) => {
    const m = /^rows\.(\d+)\.(.+)$/.exec(f.path);
    return m
      ? { row: Number(m[1]), column: m[2]!, message: f.message }
      : { row: null, column: null, message: f.message };
  });
}
