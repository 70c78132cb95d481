import {
  reportWeekOf,
  REPORT_KINDS,
  SECTORS,
  type ReportCampaignOption,
  type ReportKind,
  type ReportOptionsView,
  type Sector,
} from '@hazard-ledger/domain';
import type { ReportPeriodQuery } from '../../api/reports-api';

// What the report pages keep in the URL (so a link reopens the same report), and how a partial
// selection is completed from /reports/options: the caller's first district and sector, the
// campaign of the week asked for, and the last complete week.

/** The selection as read from the URL; every field may be missing or stale. */
export type ReportSelection = {
  /** The district (dispatch page) or the roll-up unit (roll-up page). */
  unitId?: number;
  sector?: Sector;
  campaignId?: number;
  kind: ReportKind;
  week?: string;
  milestone?: string;
  /** A stored version of the report (dispatch page only). */
  versionId?: number;
};

/** The selection completed against the options: a report the API can answer. */
export type ResolvedSelection = ReportPeriodQuery & {
  unitId: number;
  sector: Sector;
  campaign: ReportCampaignOption;
  versionId?: number;
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(raw: string | null): number | undefined {
  if (!raw || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}

/** Reads a selection from the search params; `unitParam` is "districtId" or "orgUnitId". */
export function selectionFromParams(params: URLSearchParams, unitParam: string): ReportSelection {
  const kindRaw = params.get('kind');
  const sectorRaw = params.get('sector');
  const week = params.get('week');
  const milestone = params.get('milestone')?.trim();
  return {
    unitId: positiveInt(params.get(unitParam)),
    sector: SECTORS.includes(sectorRaw as Sector) ? (sectorRaw as Sector) : undefined,
    campaignId: positiveInt(params.get('campaignId')),
    kind: REPORT_KINDS.includes(kindRaw as ReportKind) ? (kindRaw as ReportKind) : 'weekly',
    week: week && DATE_RE.test(week) && !Number.isNaN(Date.parse(week)) ? week : undefined,
    milestone: milestone || undefined,
    versionId: positiveInt(params.get('versionId')),
  };
}

/** The search params of a resolved selection, in a stable order. */
export function selectionToParams(sel: ResolvedSelection, unitParam: string): URLSearchParams {
  const params = new URLSearchParams();
  params.set(unitParam, String(sel.unitId));
  params.set('sector', sel.sector);
  params.set('campaignId', String(sel.campaign.id));
  params.set('kind', sel.kind);
  if (sel.kind === 'milestone' && sel.milestone) params.set('milestone', sel.milestone);
  if (sel.kind === 'weekly' && sel.week) params.set('week', sel.week);
  if (sel.versionId) params.set('versionId', String(sel.versionId));
  return params;
}

/** The campaign asked for, else the one holding the week or milestone, else the default week's. */
function pickCampaign(
  sel: ReportSelection,
  options: ReportOptionsView,
): ReportCampaignOption | undefined {
  const { campaigns } = options;
  const byId = campaigns.find((c) => c.id === sel.campaignId);
  if (byId) return byId;
  const holds = (date: string | null | undefined) =>
    date ? campaigns.find((c) => c.startDate <= date && date <= c.endDate) : undefined;
  if (sel.kind === 'milestone' && sel.milestone) {
    const withMilestone = campaigns.find((c) => c.milestones.some((m) => m.key === sel.milestone));
    if (withMilestone) return withMilestone;
  }
  return holds(sel.week) ?? holds(options.defaultWeek) ?? campaigns[0];
}

/** The Monday of the week holding `date` (the campaign's own week when listed). */
function pickWeek(
  campaign: ReportCampaignOption,
  wanted: string | undefined,
  defaultWeek: string | null,
): string | undefined {
  const listed = (date: string) => campaign.weeks.find((w) => w.from <= date && date <= w.to);
  if (wanted) return listed(wanted)?.from ?? reportWeekOf(wanted).from;
  if (defaultWeek && listed(defaultWeek)) return listed(defaultWeek)!.from;
  return campaign.weeks[0]?.from;
}

/** The milestone asked for, else the last one already due, else the first. */
function pickMilestone(campaign: ReportCampaignOption, wanted: string | undefined, today: string) {
  if (wanted && campaign.milestones.some((m) => m.key === wanted)) return wanted;
  const due = campaign.milestones.filter((m) => m.due <= today);
  return (due.at(-1) ?? campaign.milestones[0])?.key;
}

/** The sectors the caller may pick in a campaign: theirs, within the campaign's when it says. */
export function sectorChoices(
  options: ReportOptionsView,
  campaign: ReportCampaignOption | undefined,
): Sector[] {
  const inCampaign = options.sectors.filter((s) => !campaign || campaign.sectors.includes(s));
  return inCampaign.length > 0 ? inCampaign : options.sectors;
}

/**
 * Completes a selection from the options; null when there is nothing to pick from (no unit, no
 * campaign or no sector). `units` are the districts or the roll-up units.
 */
export function resolveSelection(
  sel: ReportSelection,
  options: ReportOptionsView,
  units: readonly { id: number }[],
  today: string,
): ResolvedSelection | null {
  const unit = units.find((u) => u.id === sel.unitId) ?? units[0];
  const campaign = pickCampaign(sel, options);
  if (!unit || !campaign) return null;
  const sectors = sectorChoices(options, campaign);
  const sector = sel.sector && sectors.includes(sel.sector) ? sel.sector : sectors[0];
  if (!sector) return null;
  const base = { unitId: unit.id, sector, campaign, versionId: sel.versionId };
  if (sel.kind === 'milestone') {
    const milestone = pickMilestone(campaign, sel.milestone, today);
    if (milestone) return { ...base, kind: 'milestone', milestone };
  }
  return { ...base, kind: 'weekly', week: pickWeek(campaign, sel.week, options.defaultWeek) };
}

/** Whether two selections name the same report (to know when the URL must be completed). */
export function sameParams(a: URLSearchParams, b: URLSearchParams): boolean {
  const sorted = (p: URLSearchParams) => [...p.entries()].sort().join('&');
  return sorted(a) === sorted(b);
}
