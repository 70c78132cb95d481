// What every scenario works with: the server, the dataset's manifest, the signed-in users, the
// run's options, and a way to time a scenario with its RSS window.
import type { DatasetManifest } from '../data/manifest.js';
import type { Session } from './http.js';
import type { ScenarioRow } from './report.js';
import type { RunningServer } from './server.js';

export type BenchOptions = {
  /** Seconds per load scenario (the mixed load runs twice as long). */
  duration: number;
  /** Connections of the read loads. */
  connections: number;
  /** Concurrent writers of the transition load. */
  writers: number;
};

export type BenchContext = {
  baseUrl: string;
  server: RunningServer;
  manifest: DatasetManifest;
  sessions: { district: Session; city: Session; province: Session };
  /** The first district's name as the import sheet writes it. */
  districtName: string;
  options: BenchOptions;
  /** Target multiplier: 1 on SQLite, 2 on PostgreSQL ("the same within 2×"). */
  factor: number;
  log: (line: string) => void;
};

/** Runs a scenario inside an RSS window and stamps the window's peak on its rows. */
export async function withRss(
  ctx: BenchContext,
  run: () => Promise<ScenarioRow[]>,
): Promise<ScenarioRow[]> {
  ctx.server.rss.begin();
  const rows = await run();
  const peak = ctx.server.rss.end();
  return rows.map((r) => ({ ...r, rssPeakMB: r.rssPeakMB ?? peak }));
}

/** The Monday of the report week plus some days, as YYYY-MM-DD. */
export function dayOfReportWeek(manifest: DatasetManifest, plusDays: number): string {
  const monday = new Date(`${manifest.report.weekMonday}T00:00:00Z`);
  return new Date(monday.getTime() + plusDays * 86_400_000).toISOString().slice(0, 10);
}
