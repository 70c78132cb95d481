import { z } from 'zod';
import type { CampaignMilestone, CampaignPhase, CampaignSchedule } from './campaign.js';

// Where a campaign stands on a given day. Dates are calendar days (YYYY-MM-DD) in the
// bureau's time zone; the caller decides what "today" is.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC, so no daylight-saving surprises). */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The phase whose dates (inclusive) contain `date`, with its index; null before, between or after. */
export function currentPhase(
  campaign: { phases: readonly CampaignPhase[] },
  date: string,
): { phase: CampaignPhase; index: number } | null {
  const index = campaign.phases.findIndex((p) => p.start <= date && date <= p.end);
  return index < 0 ? null : { phase: campaign.phases[index]!, index };
}

/** How far a campaign has come on a day. */
export const CampaignStatus = {
  NotStarted: 'not_started',
  InProgress: 'in_progress',
  BetweenPhases: 'between_phases',
  Finished: 'finished',
} as const;
export type CampaignStatus = (typeof CampaignStatus)[keyof typeof CampaignStatus];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  in_progress: { zh: '进行中', en: 'In progress' },
  between_phases: { zh: '阶段间隔', en: 'Between phases' },
  finished: { zh: '已结束', en: 'Finished' },
};

const phaseRef = z.object({
  key: z.string(),
  name: z.string(),
  start: z.string(),
  end: z.string(),
  index: z.number().int(),
});

export const campaignProgressSchema = z.object({
  date: z.string(),
  status: z.enum(['not_started', 'in_progress', 'between_phases', 'finished']),
  startDate: z.string(),
  endDate: z.string(),
  totalDays: z.number().int(),
  /** Days of the campaign up to and including `date` (0 before it starts). */
  elapsedDays: z.number().int(),
  /** elapsedDays / totalDays, 0 to 1. */
  elapsedShare: z.number(),
  phase: phaseRef.nullable(),
  /** Days after `date` until the phase deadline; 0 on the deadline itself. */
  daysLeftInPhase: z.number().int().nullable(),
  /** Share of the current phase gone by, 0 to 1. */
  phaseElapsedShare: z.number().nullable(),
  nextPhase: phaseRef.nullable(),
  nextMilestone: z
    .object({ key: z.string(), name: z.string(), due: z.string(), daysLeft: z.number().int() })
    .nullable(),
  /** The next weekly report deadline (YYYY-MM-DD and hour), or null once the campaign ended. */
  nextWeeklyDue: z.object({ date: z.string(), hour: z.number().int() }).nullable(),
});
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The next date on or after `date` falling on an ISO weekday. */
function nextWeekday(date: string, weekday: number): string {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/**
 * Progress of a campaign on `date`: its status, current phase with the days left, the share of
 * the campaign and of the phase gone by, the next phase, milestone report and weekly deadline.
 * The campaign runs from its first phase's start to its last phase's end, both inclusive.
 */
export function campaignProgress(campaign: CampaignSchedule, date: string): CampaignProgress {
  const phases = campaign.phases;
  const first = phases[0];
  const last = phases[phases.length - 1];
  if (!first || !last) throw new Error('a campaign has at least one phase');
  const startDate = first.start;
  const endDate = last.end;
  const totalDays = dayNumber(endDate) - dayNumber(startDate) + 1;
  const elapsedDays = Math.min(totalDays, Math.max(0, dayNumber(date) - dayNumber(startDate) + 1));
  const cur = currentPhase(campaign, date);
  const status: CampaignStatus =
    date < startDate
      ? 'not_started'
      : date > endDate
        ? 'finished'
        : cur
          ? 'in_progress'
          : 'between_phases';
  const ref = (p: CampaignPhase, index: number) => ({
    key: p.key,
    name: p.name,
    start: p.start,
    end: p.end,
    index,
  });
  const nextIndex = phases.findIndex((p) => p.start > date);
  let phaseElapsedShare: number | null = null;
  if (cur) {
    const len = dayNumber(cur.phase.end) - dayNumber(cur.phase.start) + 1;
    phaseElapsedShare = round3((dayNumber(date) - dayNumber(cur.phase.start) + 1) / len);
  }
  const milestone = [...campaign.milestones]
    .sort((a, b) => a.due.localeCompare(b.due))
    .find((m: CampaignMilestone) => m.due >= date);
  const weeklyFrom = date < startDate ? startDate : date;
  const weeklyDate = nextWeekday(weeklyFrom, campaign.weekly.weekday);
  return {
    date,
    status,
    startDate,
    endDate,
    totalDays,
    elapsedDays,
    elapsedShare: round3(elapsedDays / totalDays),
    phase: cur ? ref(cur.phase, cur.index) : null,
    daysLeftInPhase: cur ? dayNumber(cur.phase.end) - dayNumber(date) : null,
    phaseElapsedShare,
    nextPhase: nextIndex >= 0 ? ref(phases[nextIndex]!, nextIndex) : null,
    nextMilestone: milestone
      ? { ...milestone, daysLeft: dayNumber(milestone.due) - dayNumber(date) }
      : null,
    nextWeeklyDue: weeklyDate <= endDate ? { date: weeklyDate, hour: campaign.weekly.hour } : null,
  };
}
