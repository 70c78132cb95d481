import type { HazardLevel, HazardStatus, Sector, StaffDashboardView } from '@hazard-ledger/domain';

// Where a dashboard segment leads: the list page of the records behind it, with the filters in
// the URL that the page reads (hazard ledger: sector, status, level, overdue, supervised,
// foundFrom/foundTo, districtId; self-inspection coverage: campaignId, sector, status), or for a
// report figure the dispatch report of that district, sector and week (a city: the roll-up),
// where every number drills down to its records.

type Params = Record<string, string | number | boolean | undefined>;

function href(path: string, params: Params): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The district to put in a ledger link: only when the territory is a single district. */
function oneDistrict(view: StaffDashboardView): number | undefined {
  return view.districts.length === 1 ? view.districts[0]!.id : undefined;
}

/** The hazard ledger filtered as a dashboard count was counted. */
export function hazardsHref(
  view: StaffDashboardView | null,
  filters: {
    sector?: Sector;
    status?: HazardStatus;
    level?: HazardLevel;
    overdue?: boolean;
    supervised?: boolean;
    foundFrom?: string;
    foundTo?: string;
  },
): string {
  return href('/hazards', {
    districtId: view ? oneDistrict(view) : undefined,
    ...filters,
  });
}

/**
 * The report a report figure of a sector belongs to: the district's dispatch report of the
 * dashboard's week, or for a city the roll-up of its districts; null without a campaign.
 */
export function reportHref(view: StaffDashboardView, sector: Sector): string | null {
  if (!view.campaign) return null;
  const period = { sector, kind: 'weekly', week: view.campaign.weekTo };
  if (view.rollupOrgUnitId !== null)
    return href('/reports/rollup', { orgUnitId: view.rollupOrgUnitId, ...period });
  const districtId = oneDistrict(view);
  if (districtId === undefined) return null;
  return href('/reports/dispatch', { districtId, ...period, campaignId: view.campaign.id });
}

/** The self-inspection coverage of a sector in the dashboard's campaign. */
export function selfInspectionHref(
  view: StaffDashboardView,
  sector: Sector,
  status: 'submitted' | 'not_submitted',
): string {
  return href('/self-inspections', { campaignId: view.campaign?.id, sector, status });
}
