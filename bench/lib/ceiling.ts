// What the server can answer at all with as many connections as the transition load has
// writers: the cheapest public request (no session, no database) and the cheapest signed-in one
// (the session check and the caller's profile). No target: these rows bound the others. A
// closed loop of N connections whose p95 is under T ms answers at least about N / T requests
// a second (Little's law), so when even these cannot, no real request can.
import type { BenchContext } from './context.js';
import { runLoad, type Shot } from './load.js';
import { loadRow, type ScenarioRow } from './report.js';
import { TRANSITION_TARGET } from './writes.js';

/** Requests a second that N closed-loop connections need for a mean latency of `ms`. */
export function rateForLatency(connections: number, ms: number): number {
  return (connections * 1000) / ms;
}

export async function requestCeiling(ctx: BenchContext): Promise<ScenarioRow[]> {
  const connections = ctx.options.writers;
  // The transition's p95 limit on this database (doubled on PostgreSQL).
  const limitMs = (TRANSITION_TARGET.p95Ms ?? 30) * ctx.factor;
  const floors: { key: string; name: string; shot: Shot; note: string }[] = [
    {
      key: 'ceiling-healthz',
      name: `ceiling: GET /healthz, ${connections} connections`,
      shot: { label: 'healthz', path: '/healthz', headers: {} },
      note: 'no session, no database: HTTP, routing and JSON only',
    },
    {
      key: 'ceiling-me',
      name: `ceiling: GET /auth/me, ${connections} connections`,
      shot: { label: 'me', path: '/api/v1/auth/me', headers: ctx.sessions.district.readHeaders },
      note: 'the session check and the caller’s profile: what every signed-in request pays',
    },
  ];
  const rows: ScenarioRow[] = [];
  for (const floor of floors) {
    ctx.log(`  ${floor.name}, ${ctx.options.duration} s …`);
    const result = await runLoad({
      baseUrl: ctx.baseUrl,
      connections,
      duration: ctx.options.duration,
      next: () => floor.shot,
    });
    rows.push(
      loadRow(result, {
        key: floor.key,
        name: floor.name,
        factor: ctx.factor,
        rssPeakMB: null,
        notes: [
          floor.note,
          `a p95 under ${limitMs} ms with ${connections} closed-loop connections needs more than ${rateForLatency(connections, limitMs).toFixed(0)} answers/s`,
        ],
      }),
    );
  }
  return rows;
}
