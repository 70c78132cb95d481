import type { Dayjs } from 'dayjs';
import {
  HAZARD_ACTION_PAYLOADS,
  type FieldError,
  type HazardAction,
  type HazardLevel,
  type SupervisionLevel,
} from '@hazard-ledger/domain';
import { zodFieldErrors } from '../../components/form-errors';
import type { Parsed } from './hazard-form';

/** What an action's modal form holds; each action uses some of these fields. */
export type ActionValues = {
  comment?: string;
  reason?: string;
  description?: string;
  attachmentIds?: number[];
  newDeadline?: Dayjs | null;
  approve?: boolean;
  level?: HazardLevel;
  supervisionLevel?: SupervisionLevel;
};

export type ActionField = keyof ActionValues;

/** The fields of each action's payload (HAZARD_ACTION_PAYLOADS), in the order they are shown. */
export const ACTION_FIELDS: Record<HazardAction, readonly ActionField[]> = {
  submit_plan: ['comment'],
  approve_plan: ['comment'],
  return_plan: ['reason'],
  fix_on_spot: ['description', 'attachmentIds'],
  submit_fix: ['description', 'attachmentIds'],
  accept_fix: ['comment'],
  verify: ['comment'],
  reject_fix: ['reason'],
  report_to_bureau: ['comment'],
  request_extension: ['newDeadline', 'reason'],
  approve_extension: ['approve', 'comment'],
  change_level: ['level', 'reason'],
  supervise: ['supervisionLevel', 'reason'],
  lift_supervision: ['reason'],
  order_deadline: ['newDeadline', 'reason'],
};

/** Actions whose comment is required (the others take an optional one). */
export const COMMENT_REQUIRED: readonly HazardAction[] = ['verify'];

/** Actions shown as danger buttons (they send the hazard back or refuse something). */
export const DANGER_ACTIONS: readonly HazardAction[] = ['return_plan', 'reject_fix'];

/** Actions that move the hazard along the loop (primary buttons); the rest record facts. */
export const PRIMARY_ACTIONS: readonly HazardAction[] = [
  'submit_plan',
  'approve_plan',
  'fix_on_spot',
  'submit_fix',
  'accept_fix',
  'verify',
];

function trimmed(v: string | undefined): string {
  return (v ?? '').trim();
}

/** The payload object of an action built from the form (only that action's fields). */
export function rawPayload(action: HazardAction, v: ActionValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ACTION_FIELDS[action]) {
    switch (field) {
      case 'comment': {
        const c = trimmed(v.comment);
        out.comment = COMMENT_REQUIRED.includes(action) ? c : c || null;
        break;
      }
      case 'reason':
        out.reason = trimmed(v.reason);
        break;
      case 'description':
        out.description = trimmed(v.description);
        break;
      case 'attachmentIds':
        out.attachmentIds = v.attachmentIds ?? [];
        break;
      case 'newDeadline':
        out.newDeadline = v.newDeadline ? v.newDeadline.format('YYYY-MM-DD') : '';
        break;
      case 'approve':
        out.approve = v.approve;
        break;
      case 'level':
        out.level = v.level;
        break;
      case 'supervisionLevel':
        out.supervisionLevel = v.supervisionLevel;
        break;
    }
  }
  return out;
}

/** Validates an action's payload with its schema in HAZARD_ACTION_PAYLOADS. */
export function toActionPayload(
  action: HazardAction,
  v: ActionValues,
  invalidMessage: string,
): Parsed<Record<string, unknown>> {
  const r = HAZARD_ACTION_PAYLOADS[action].safeParse(rawPayload(action, v));
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, errors: zodFieldErrors(r.error, invalidMessage) };
}

/** Server errors name payload fields as "payload.reason": map them to the form's "reason". */
export function payloadFieldErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) =>
    e.path.startsWith('payload.') ? { ...e, path: e.path.slice('payload.'.length) } : e,
  );
}
