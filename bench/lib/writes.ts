// The write scenarios: hazard state transitions under many concurrent writers, the
// one-hazard contention check (no lost update), and the staff-side tip registration.
import { ErrorCode } from '@hazard-ledger/domain';
import type { BenchContext } from './context.js';
import { getJson, query, send } from './http.js';
import { runLoad, type Shot, stopLoad } from './load.js';
import { randomOf } from './random.js';
import { loadRow, plainRow, type ScenarioRow, type Target } from './report.js';

export const TRANSITION_TARGET: Target = { p95Ms: 30 };

const API = '/api/v1';

/**
 * The statuses in which a district bureau_admin may place a hazard under supervision and lift
 * it again (hazard-workflow.ts: supervise / lift_supervision need no other fact), so the same
 * hazard can take the action again and again.
 */
const SUPERVISABLE = ['reported', 'planned', 'rectifying', 'rectified'] as const;

export type HazardState = { id: number; version: number; supervised: boolean };

type ListPage = {
  items: { id: number; version: number; supervisionLevel: string | null }[];
  total: number;
};

/** Hazards of the first district the transition load may act on, with their current versions. */
export async function transitionCandidates(
  ctx: BenchContext,
  perStatus: number,
): Promise<HazardState[]> {
  const found: HazardState[] = [];
  for (const status of SUPERVISABLE) {
    for (let page = 1; page * 200 <= perStatus + 199; page++) {
      const list = await getJson<ListPage>(
        ctx.baseUrl,
        ctx.sessions.district,
        `${API}/hazards?${query({ districtId: ctx.manifest.ids.district, status, sort: 'number', pageSize: 200, page })}`,
      );
      found.push(
        ...list.items.map((h) => ({
          id: h.id,
          version: h.version,
          supervised: h.supervisionLevel !== null,
        })),
      );
      if (list.items.length < 200) break;
    }
  }
  return found;
}

function actionOf(h: HazardState): { action: string; payload: Record<string, string> } {
  return h.supervised
    ? { action: 'lift_supervision', payload: { reason: '基准测试：解除挂牌督办' } }
    : {
        action: 'supervise',
        payload: { supervisionLevel: 'district', reason: '基准测试：挂牌督办' },
      };
}

type HazardDetail = {
  id: number;
  version: number;
  supervisionLevel: string | null;
  history: unknown[];
};

/** What the transition requests met so far. */
export type TransitionTally = {
  /** 409: the hazard changed since the version sent. */
  stale: number;
  /** 409 for another reason (the workflow refused the action). */
  refused: number;
  /** Hazards left out after an answer other than 200. */
  retired: Set<number>;
  /** Every hazard was retired and the load was stopped. */
  exhausted: boolean;
};

/**
 * Workflow actions by the district bureau_admin, each carrying the version it was made against,
 * on distinct hazards in turn: a hazard is not sent again before its previous answer is in, so
 * requests never race each other and no conflict is expected. A hazard answered with anything
 * but 200 is retired; when none is left the load is stopped.
 */
export function transitionShots(
  ctx: BenchContext,
  candidates: HazardState[],
): { next: () => Shot; tally: TransitionTally } {
  const inFlight = new Set<number>();
  const tally: TransitionTally = { stale: 0, refused: 0, retired: new Set(), exhausted: false };
  const retired = tally.retired;
  let cursor = 0;
  const next = (): Shot => {
    // The next hazard in turn that has no request in flight.
    for (let tries = 0; tries < candidates.length; tries++) {
      const h = candidates[cursor++ % candidates.length]!;
      if (inFlight.has(h.id) || retired.has(h.id)) continue;
      inFlight.add(h.id);
      const { action, payload } = actionOf(h);
      return {
        label: action,
        method: 'POST',
        path: `${API}/hazards/${h.id}/actions/${action}`,
        headers: ctx.sessions.district.writeHeaders,
        body: JSON.stringify({ version: h.version, payload }),
        onResponse: (status, body) => {
          inFlight.delete(h.id);
          if (status === 200) {
            // A throw here would escape autocannon's parser: an unreadable body retires the hazard.
            try {
              const detail = JSON.parse(body) as HazardDetail;
              h.version = detail.version;
              h.supervised = detail.supervisionLevel !== null;
            } catch {
              retired.add(h.id);
            }
          } else {
            // A refused or stale hazard is left out for the rest of the run.
            retired.add(h.id);
            if (status === 409) {
              if (body.includes(ErrorCode.StaleVersion)) tally.stale++;
              else tally.refused++;
            }
          }
        },
      };
    }
    // Nothing left to act on (a throw here would escape autocannon's parser): end the load.
    tally.exhausted = true;
    stopLoad();
    return { label: 'no hazard left', path: '/healthz', headers: {} };
  };
  return { next, tally };
}

/**
 * Many writers (transitionShots), so conflicts are not what is measured. Returns the rows and a
 * hazard kept aside for the contention check.
 */
export async function transitions(
  ctx: BenchContext,
): Promise<{ rows: ScenarioRow[]; spare: HazardState | null }> {
  const candidates = await transitionCandidates(ctx, 2000);
  if (candidates.length < ctx.options.writers * 2) {
    throw new Error(
      `only ${candidates.length} hazards of district ${ctx.manifest.ids.district} can be supervised`,
    );
  }
  const spare = candidates.shift() ?? null;
  const { next, tally } = transitionShots(ctx, candidates);
  ctx.log(
    `  state transitions: ${ctx.options.writers} writers, ${ctx.options.duration} s over ${candidates.length} hazards …`,
  );
  const result = await runLoad({
    baseUrl: ctx.baseUrl,
    connections: ctx.options.writers,
    duration: ctx.options.duration,
    next,
  });
  const busyLogged = ctx.server.busyLines().length;
  const row = loadRow(result, {
    key: 'transition',
    name: `state transition, ${ctx.options.writers} writers`,
    target: TRANSITION_TARGET,
    factor: ctx.factor,
    expectedStatuses: [409],
    rssPeakMB: null,
    breakdown: true,
    notes: [
      `supervise / lift_supervision by the district bureau_admin with the record version, ${candidates.length} hazards in turn`,
      `409 answers: ${tally.stale} stale version, ${tally.refused} refused by the workflow`,
    ],
    details: {
      staleVersion: tally.stale,
      refused: tally.refused,
      hazards: candidates.length,
      busyLogLines: busyLogged,
    },
  });
  if (tally.exhausted) {
    row.failures.push(
      `ran out of hazards to act on (${tally.retired.size} refused or stale of ${candidates.length}); statuses ${JSON.stringify(result.statusCounts)}`,
    );
    row.verdict = 'FAIL';
  }
  if (busyLogged > 0) {
    row.failures.push(`${busyLogged} server log lines mention SQLITE_BUSY / database is locked`);
    row.verdict = 'FAIL';
  }
  return { rows: [row], spare };
}

type AuditPage = { total: number };

/** fetch() says only "fetch failed"; the reason is in its cause. */
function describeFetchError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}

async function auditCount(ctx: BenchContext, hazardId: number): Promise<number | null> {
  try {
    const page = await getJson<AuditPage>(
      ctx.baseUrl,
      ctx.sessions.district,
      `${API}/audit?${query({ entityType: 'hazard', entityId: String(hazardId), pageSize: 1 })}`,
    );
    return page.total;
  } catch {
    return null;
  }
}

/**
 * Fifty requests on ONE hazard with the same version, all at once: exactly one may win (200),
 * the others must be told the record changed (409), and the hazard's history and audit trail
 * must grow by exactly one — no lost update, no SQLITE_BUSY.
 */
export async function contention(
  ctx: BenchContext,
  hazard: HazardState | null,
): Promise<ScenarioRow[]> {
  const writers = 50;
  if (!hazard) throw new Error('no hazard left for the contention check');
  const before = await getJson<HazardDetail>(
    ctx.baseUrl,
    ctx.sessions.district,
    `${API}/hazards/${hazard.id}`,
  );
  const auditBefore = await auditCount(ctx, hazard.id);
  const { action, payload } = actionOf({ ...hazard, supervised: before.supervisionLevel !== null });
  ctx.log(
    `  contention: ${writers} concurrent ${action} on hazard ${hazard.id} (version ${before.version}) …`,
  );
  const t0 = performance.now();
  const answers = await Promise.all(
    Array.from({ length: writers }, async () => {
      const s0 = performance.now();
      // A request that gets no answer is a finding of the check (status 0), not a crash of it.
      const res = await send(
        ctx.baseUrl,
        ctx.sessions.district,
        'POST',
        `${API}/hazards/${hazard.id}/actions/${action}`,
        { version: before.version, payload },
      ).catch((err: unknown) => ({ status: 0, body: describeFetchError(err) }));
      return { ...res, ms: performance.now() - s0 };
    }),
  );
  const wall = performance.now() - t0;
  const after = await getJson<HazardDetail>(
    ctx.baseUrl,
    ctx.sessions.district,
    `${API}/hazards/${hazard.id}`,
  );
  const auditAfter = await auditCount(ctx, hazard.id);
  const statusCounts: Record<string, number> = {};
  for (const a of answers) statusCounts[a.status] = (statusCounts[a.status] ?? 0) + 1;
  const ok = statusCounts[200] ?? 0;
  const conflicts = statusCounts[409] ?? 0;
  const failures: string[] = [];
  if (ok !== 1) failures.push(`${ok} requests succeeded (expected exactly 1)`);
  if (conflicts !== writers - 1)
    failures.push(`${conflicts} answered 409 (expected ${writers - 1})`);
  const others = answers.filter((a) => a.status !== 200 && a.status !== 409);
  if (others.length > 0)
    failures.push(
      `${others.length} other answers, e.g. ${others[0]!.status} ${others[0]!.body.slice(0, 200)}`,
    );
  if (answers.some((a) => /SQLITE_BUSY|database is locked/i.test(a.body)))
    failures.push('an answer mentions SQLITE_BUSY');
  if (after.version !== before.version + 1)
    failures.push(`version ${before.version} → ${after.version} (expected +1)`);
  if (after.history.length !== before.history.length + 1) {
    failures.push(
      `history ${before.history.length} → ${after.history.length} events (expected +1)`,
    );
  }
  const notes = [
    `${ok}×200, ${conflicts}×409 in ${wall.toFixed(0)} ms; history +${after.history.length - before.history.length}`,
  ];
  if (auditBefore !== null && auditAfter !== null) {
    if (auditAfter !== auditBefore + 1)
      failures.push(`audit rows ${auditBefore} → ${auditAfter} (expected +1)`);
    notes.push(`audit rows +${auditAfter - auditBefore}`);
  } else {
    notes.push('audit rows not checked (GET /audit was refused to the district user)');
  }
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  return [
    plainRow({
      key: 'contention',
      name: `one hazard, ${writers} writers, same version`,
      requests: writers,
      p50Ms: times[Math.floor(times.length / 2)] ?? null,
      p95Ms: times[Math.ceil(times.length * 0.95) - 1] ?? null,
      p99Ms: times[times.length - 1] ?? null,
      maxMs: times[times.length - 1] ?? null,
      reqPerSec: null,
      non2xx: writers - ok,
      errors: 0,
      statusCounts,
      target: '1×200 + 49×409',
      failures,
      rssPeakMB: null,
      notes,
      details: {
        hazardId: hazard.id,
        versionBefore: before.version,
        versionAfter: after.version,
        historyBefore: before.history.length,
        historyAfter: after.history.length,
        auditBefore,
        auditAfter,
      },
    }),
  ];
}

/**
 * Tips registered by staff (POST /tips: hotline, phone, letter, visit). The public form is left
 * out on purpose: it wants a proof of work and is rate-limited per address by design.
 */
export function tipShots(ctx: BenchContext): () => Shot {
  const r = randomOf(301);
  const channels = ['hotline_12350', 'phone', 'letter', 'visit'];
  const subjects = [
    '违规动火作业',
    '安全出口堵塞',
    '无证储存危险化学品',
    '超员生产',
    '特种作业人员无证上岗',
    '应急预案未演练',
  ];
  let n = 0;
  const next = (): Shot => ({
    label: 'tip',
    method: 'POST',
    path: `${API}/tips`,
    headers: ctx.sessions.district.writeHeaders,
    body: JSON.stringify({
      channel: r.pick(channels),
      receivedAt: new Date(Date.now() - 60_000).toISOString(),
      districtId: ctx.manifest.ids.district,
      sector: r.pick(ctx.manifest.sectors),
      subject: r.pick(subjects),
      description: `基准测试举报第${++n}条：群众反映某企业${r.pick(subjects)}，请核查处理。`,
      anonymous: true,
    }),
  });
  return next;
}

export async function tips(ctx: BenchContext): Promise<ScenarioRow[]> {
  const next = tipShots(ctx);
  ctx.log(
    `  tip registration: ${ctx.options.connections} connections, ${ctx.options.duration} s …`,
  );
  const result = await runLoad({
    baseUrl: ctx.baseUrl,
    connections: ctx.options.connections,
    duration: ctx.options.duration,
    next,
  });
  return [
    loadRow(result, {
      key: 'tip',
      name: 'tip registration by staff (POST /tips)',
      factor: ctx.factor,
      rssPeakMB: null,
      notes: [
        '公开举报表单（/tip）需工作量证明并按来源地址限流，属设计如此，故以工作人员登记（热线、电话、来信、来访）代替',
      ],
    }),
  ];
}
