// A thin wrapper over autocannon's programmatic API: every request comes from a generator (a
// seeded sequence of paths, bodies and sessions), every answer's latency is kept (autocannon's
// histogram has no p95) and labelled, and bodies are looked at for what must never surface.
import autocannon, { type RequestContext, type RequestSpec, type Result } from 'autocannon';
import { percentile } from './random.js';

/** One request of a load: what to send and, optionally, what to do with its answer. */
export type Shot = {
  /** Groups latencies in a mixed load (one per endpoint). */
  label: string;
  method?: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  onResponse?: (status: number, body: string) => void;
};

export type LoadOptions = {
  baseUrl: string;
  connections: number;
  /** Seconds; ignored when amount is set. */
  duration?: number;
  /** Total requests (takes precedence over duration). */
  amount?: number;
  /** Seconds before a request counts as timed out. */
  timeoutSeconds?: number;
  /** Requests per second over all connections (autocannon's overallRate); none: flat out. */
  overallRate?: number;
  /** Every answer as it arrives (the soak's per-window figures). */
  onAnswer?: (answer: { label: string; status: number; ms: number }) => void;
  /** Every connection error or timeout as it happens. */
  onError?: (error: Error) => void;
  next: () => Shot;
};

export type LatencySummary = {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
};

export type LoadResult = LatencySummary & {
  seconds: number;
  reqPerSec: number;
  statusCounts: Record<string, number>;
  byLabel: Map<string, LatencySummary & { statusCounts: Record<string, number> }>;
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  /** The first few bodies of 5xx answers. */
  serverErrorSamples: string[];
  /** Answers whose body names SQLITE_BUSY or a locked database. */
  busyAnswers: number;
};

let current: { stop(): void } | null = null;

/** Stops the load in progress (Ctrl-C). */
export function stopLoad(): void {
  current?.stop();
}

/** Refuses anything but the loopback address: the benchmarks never load another host. */
export function assertLoopback(baseUrl: string): void {
  if (new URL(baseUrl).hostname !== '127.0.0.1') {
    throw new Error(`benchmarks run against 127.0.0.1 only, not ${baseUrl}`);
  }
}

export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted[sorted.length - 1] ?? 0,
  };
}

function bump(counts: Record<string, number>, status: number): void {
  counts[status] = (counts[status] ?? 0) + 1;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  assertLoopback(options.baseUrl);
  const latencies: number[] = [];
  const labelled = new Map<string, { latencies: number[]; statusCounts: Record<string, number> }>();
  const statusCounts: Record<string, number> = {};
  const serverErrorSamples: string[] = [];
  let busyAnswers = 0;
  // autocannon calls onResponse (which knows the request) and then, synchronously, emits
  // 'response' (which knows the latency): the shot is handed from one to the other here.
  let answered: { shot: Shot; status: number } | null = null;

  const spec: RequestSpec = {
    method: 'GET',
    path: '/',
    setupRequest: (request, context: RequestContext) => {
      const shot = options.next();
      context.shot = shot;
      return {
        ...request,
        method: shot.method ?? 'GET',
        path: shot.path,
        // A copy: autocannon writes Content-Length into the headers object it is given, which
        // would then ride along on every later request sharing the session's headers.
        headers: { ...shot.headers },
        body: shot.body ?? '',
      };
    },
    onResponse: (status, body, context) => {
      const shot = context.shot as Shot;
      answered = { shot, status };
      if (status >= 500 && serverErrorSamples.length < 5)
        serverErrorSamples.push(body.slice(0, 300));
      if (/SQLITE_BUSY|database is locked/i.test(body)) busyAnswers++;
      shot.onResponse?.(status, body);
    },
  };

  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        ...(options.amount !== undefined
          ? { amount: options.amount }
          : { duration: options.duration ?? 10 }),
        timeout: options.timeoutSeconds ?? 30,
        ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
        requests: [spec],
      },
      (error, res) => {
        current = null;
        if (error) reject(error);
        else resolve(res);
      },
    );
    current = instance;
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      bump(statusCounts, status);
      const label = answered?.shot.label ?? '(unknown)';
      answered = null;
      let group = labelled.get(label);
      if (!group) {
        group = { latencies: [], statusCounts: {} };
        labelled.set(label, group);
      }
      group.latencies.push(responseTime);
      bump(group.statusCounts, status);
      options.onAnswer?.({ label, status, ms: responseTime });
    });
    if (options.onError) instance.on('reqError', options.onError);
  });

  const byLabel = new Map<string, LatencySummary & { statusCounts: Record<string, number> }>();
  for (const [label, group] of labelled) {
    byLabel.set(label, { ...summarize(group.latencies), statusCounts: group.statusCounts });
  }
  const summary = summarize(latencies);
  return {
    ...summary,
    seconds: result.duration,
    reqPerSec: result.duration > 0 ? summary.requests / result.duration : 0,
    statusCounts,
    byLabel,
    errors: result.errors,
    timeouts: result.timeouts,
    serverErrorSamples,
    busyAnswers,
  };
}
