// The part of autocannon 8's programmatic API the benchmarks use (the package ships no types).
// See node_modules/autocannon/README.md, "API".
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  /** The request autocannon is about to send; setupRequest returns a changed copy. */
  export type RequestParams = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  };

  /** Per-connection state, handed to setupRequest and onResponse of the same request. */
  export type RequestContext = Record<string, unknown>;

  export type RequestSpec = RequestParams & {
    setupRequest?: (request: RequestParams, context: RequestContext) => RequestParams;
    onResponse?: (
      status: number,
      body: string,
      context: RequestContext,
      headers: Record<string, string | string[]>,
    ) => void;
  };

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Total requests; takes precedence over duration. */
    amount?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    pipelining?: number;
    /** Requests per second from each connection. */
    connectionRate?: number;
    /** Requests per second over all connections (split evenly between them). */
    overallRate?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    requests?: RequestSpec[];
    /** Keep non-2xx responses in the latency histogram too. */
    excludeErrorStats?: boolean;
  };

  /** hdr-histogram-percentiles-obj: min, max, average, p50, p90, p97_5, p99 … (no p95). */
  export type Histogram = {
    min: number;
    max: number;
    average: number;
    stddev: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  };

  export type Result = {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    throughput: Histogram;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  export type Instance = EventEmitter & {
    stop(): void;
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        resBytes: number,
        responseTime: number,
      ) => void,
    ): Instance;
    on(event: 'reqError', listener: (error: Error) => void): Instance;
  };

  function autocannon(
    options: Options,
    callback: (error: Error | null, result: Result) => void,
  ): Instance;
  export default autocannon;
}
