import {
  DISCLOSURE_STATE_LABELS,
  type DisclosureState,
  type DisclosureStatus,
} from '@hazard-ledger/domain';

/** Tag colours of the states a staff member sees. */
export const STATE_COLORS: Record<DisclosureState, string> = {
  draft: 'default',
  submitted: 'processing',
  scheduled: 'cyan',
  published: 'success',
  expired: 'warning',
  unpublished: 'error',
};

/** The label of a stored status (an approved case is labelled by its window elsewhere). */
export function statusLabel(status: DisclosureStatus): { zh: string; en: string } {
  return status === 'approved' ? { zh: '已批准', en: 'Approved' } : DISCLOSURE_STATE_LABELS[status];
}
