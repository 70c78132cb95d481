import { dayNumber } from '../campaign/campaign-progress.js';
import { addYears } from './measures.js';

// Repeat offenders (屡查屡犯, 精准监管; issue 7 §7).
//
// 1. 安全生产法第一百一十三条第（一）项: an enterprise with a major hazard penalised 3 times within
//    180 days, or 4 times within one year, is proposed for closure. Periods are counted as the civil
//    law counts them (民法典第二百零一条、第二百零二条): the day of the first penalty is not counted,
//    so "within 180 days" of a decision on day d1 runs through d1 + 180 days, and "within one
//    year" through the corresponding date a year later (29 Feb → 28 Feb). Precisely:
//      - 3 decisions d1 ≤ d2 ≤ d3 with d3 − d1 ≤ 180 days (180 in, 181 out);
//      - 4 decisions d1 ≤ … ≤ d4 with d4 ≤ addYears(d1, 1), i.e. 365 days in, 366 out in a
//        common year and 366 in, 367 out across a 29 February.
//    The list only proposes closure; a person decides, so the counting errs on the side of
//    listing a borderline enterprise rather than hiding it. Each case counts once (its decision
//    date); several cases decided the same day count separately. Which cases concern a major
//    hazard is for the caller to decide — pass only those.
// 2. Recurring catalog items: the same enterprise has a new hazard on a catalog item after an
//    earlier hazard on that item was verified — found on a later day than the verification (a
//    hazard found on the very day of the verification is not counted: the day alone cannot tell
//    which came first).

const day = (value: string) => value.slice(0, 10);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A penalty decision in a major-hazard case. */
export type PenaltyDecisionRef = { caseId: number; decidedOn: string };

/** A window of decisions that meets a threshold, and the day it was first met. */
export type ThresholdEvidence = { metOn: string; decisions: PenaltyDecisionRef[] };

/** The two thresholds of 第一百一十三条. */
export const CLOSURE_THRESHOLDS = {
  days180: {
    count: 3,
    days: 180,
    label: { zh: '180日内受到3次行政处罚', en: '3 penalties in 180 days' },
  },
  oneYear: {
    count: 4,
    years: 1,
    label: { zh: '1年内受到4次行政处罚', en: '4 penalties in one year' },
  },
} as const;

/** Whether decision `last` falls within 180 days of `first` (civil-law counting, see above). */
export function isWithin180Days(first: string, last: string): boolean {
  return dayNumber(last) - dayNumber(first) <= CLOSURE_THRESHOLDS.days180.days;
}

/** Whether decision `last` falls within one year of `first` (corresponding date inclusive). */
export function isWithinOneYear(first: string, last: string): boolean {
  return last.slice(0, 10) <= addYears(first, CLOSURE_THRESHOLDS.oneYear.years);
}

function firstWindow(
  sorted: readonly PenaltyDecisionRef[],
  count: number,
  fits: (first: string, last: string) => boolean,
): ThresholdEvidence | null {
  for (let end = count - 1; end < sorted.length; end++) {
    const window = sorted.slice(end - count + 1, end + 1);
    if (fits(window[0]!.decidedOn, window[count - 1]!.decidedOn)) {
      return { metOn: window[count - 1]!.decidedOn, decisions: window };
    }
  }
  return null;
}

/**
 * Whether an enterprise's major-hazard penalty decisions meet the closure threshold of
 * 安全生产法第一百一十三条, with the first window that meets each rule as evidence.
 */
export function closureThreshold(decisions: readonly PenaltyDecisionRef[]): {
  met: boolean;
  within180Days: ThresholdEvidence | null;
  withinOneYear: ThresholdEvidence | null;
} {
  const byCase = new Map<number, PenaltyDecisionRef>();
  for (const d of decisions) {
    if (!byCase.has(d.caseId))
      byCase.set(d.caseId, { caseId: d.caseId, decidedOn: day(d.decidedOn) });
  }
  const sorted = [...byCase.values()].sort(
    (a, b) => compare(a.decidedOn, b.decidedOn) || a.caseId - b.caseId,
  );
  const days = firstWindow(sorted, CLOSURE_THRESHOLDS.days180.count, isWithin180Days);
  const year = firstWindow(sorted, CLOSURE_THRESHOLDS.oneYear.count, isWithinOneYear);
  return { met: days !== null || year !== null, within180Days: days, withinOneYear: year };
}

/** A hazard as the recurrence rule sees it. */
export type RecurrenceHazardRef = {
  id: number;
  enterpriseId: number;
  catalogItemCode: string | null;
  foundAt: string;
  /** When it was verified (销号); null while open. */
  verifiedAt: string | null;
};

/** One recurrence: a hazard found after an earlier hazard on the same item was verified. */
export type Recurrence = {
  previousHazardId: number;
  previousVerifiedAt: string;
  hazardId: number;
  foundAt: string;
};

/** A catalog item that recurs at an enterprise, with every hazard on it and the recurrences. */
export type RecurringItem = {
  enterpriseId: number;
  catalogItemCode: string;
  hazardIds: number[];
  recurrences: Recurrence[];
};

/**
 * Catalog items that recur at an enterprise after verification. Each later hazard is linked to
 * the most recently verified earlier one; items without a recurrence are left out. Sorted by
 * enterprise id, then catalog item code.
 */
export function recurringItems(hazards: readonly RecurrenceHazardRef[]): RecurringItem[] {
  const groups = new Map<string, RecurrenceHazardRef[]>();
  for (const h of hazards) {
    const code = h.catalogItemCode?.trim();
    if (!code) continue;
    const key = `${h.enterpriseId}\u0000${code}`;
    const group = groups.get(key) ?? [];
    group.push(h);
    groups.set(key, group);
  }
  const out: RecurringItem[] = [];
  for (const group of groups.values()) {
    const sorted = [...group].sort(
      (a, b) => compare(day(a.foundAt), day(b.foundAt)) || a.id - b.id,
    );
    const verified = sorted
      .filter((p) => p.verifiedAt !== null)
      .sort((a, b) => compare(day(b.verifiedAt!), day(a.verifiedAt!)) || b.id - a.id);
    const recurrences: Recurrence[] = [];
    for (const h of sorted) {
      // `verified` runs latest first, so this is the most recent verification before h was found.
      const previous = verified.find((p) => p.id !== h.id && day(p.verifiedAt!) < day(h.foundAt));
      if (previous) {
        recurrences.push({
          previousHazardId: previous.id,
          previousVerifiedAt: day(previous.verifiedAt!),
          hazardId: h.id,
          foundAt: day(h.foundAt),
        });
      }
    }
    if (recurrences.length > 0) {
      out.push({
        enterpriseId: sorted[0]!.enterpriseId,
        catalogItemCode: sorted[0]!.catalogItemCode!.trim(),
        hazardIds: sorted.map((h) => h.id),
        recurrences,
      });
    }
  }
  return out.sort(
    (a, b) => a.enterpriseId - b.enterpriseId || compare(a.catalogItemCode, b.catalogItemCode),
  );
}
