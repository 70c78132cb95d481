// Query by query: what a piece of server code sends to SQLite (or PostgreSQL), how long each
// statement takes and the plan the database chose for it. Shared by the scripts that write
// bench/plans/ (dispatch-report.ts, list-plans.ts), so the plan files read alike and regressions
// show in review.
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';

export type ProfiledQuery = {
  label: string;
  sql: string;
  parameters: readonly unknown[];
  /** performance.now() when Kysely handed the query on, and when its rows came back. */
  start: number;
  end: number;
  rows: number;
};

/** Names a query from its SQL (and parameters, to tell apart queries of the same tables). */
export type QueryLabeller = (sql: string, parameters: readonly unknown[]) => string;

/** The tables a query reads: its FROM and JOINs (the default label). */
export function tablesRead(sql: string): string {
  const from = /from "(\w+)"/.exec(sql)?.[1] ?? '?';
  const joins = [...sql.matchAll(/join "(\w+)"/g)].map((m) => m[1]);
  return [from, ...joins].join(' + ');
}

/**
 * Records the time and rows of each query, and its SQL for EXPLAIN QUERY PLAN. A caller that
 * issues queries together (Promise.all) has them run one after another on the single SQLite
 * connection (or the one PostgreSQL connection a script pins), so the recorded span of a query
 * includes its wait: ownTimesMs() takes it out.
 */
export class QueryProfile implements KyselyPlugin {
  readonly queries: ProfiledQuery[] = [];
  private readonly pending = new Map<
    object,
    { sql: string; parameters: readonly unknown[]; t0: number }
  >();
  constructor(
    private readonly compile: (args: PluginTransformQueryArgs) => {
      sql: string;
      parameters: readonly unknown[];
    },
    private readonly label: QueryLabeller = tablesRead,
  ) {}

  /** A profile of the queries sent through the returned handle (the original stays unprofiled). */
  static of<DB>(db: Kysely<DB>, label?: QueryLabeller): { profile: QueryProfile; db: Kysely<DB> } {
    const executor = db.getExecutor();
    const profile = new QueryProfile(
      (args) => executor.compileQuery(args.node, args.queryId),
      label,
    );
    return { profile, db: db.withPlugin(profile) };
  }

  transformQuery(args: PluginTransformQueryArgs) {
    const { sql, parameters } = this.compile(args);
    this.pending.set(args.queryId, { sql, parameters, t0: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs) {
    const p = this.pending.get(args.queryId);
    if (p) {
      this.pending.delete(args.queryId);
      this.queries.push({
        label: this.label(p.sql, p.parameters),
        sql: p.sql,
        parameters: p.parameters,
        start: p.t0,
        end: performance.now(),
        rows: args.result.rows.length,
      });
    }
    return args.result;
  }
}

/**
 * Each query's own time, in the order recorded: from the end of the one before it (or its own
 * start, if later) to its end, since the single connection runs queued queries one at a time.
 */
export function ownTimesMs(queries: readonly ProfiledQuery[]): number[] {
  let previousEnd = 0;
  return queries.map((q) => {
    const ms = q.end - Math.max(previousEnd, q.start);
    previousEnd = q.end;
    return ms;
  });
}

/**
 * SQLite's EXPLAIN QUERY PLAN of a query as indented lines, one per plan node, children two
 * spaces deeper than their parent (the first level indented once).
 */
export function planTree(
  explain: SQLite.Database,
  sql: string,
  parameters: readonly unknown[],
): string[] {
  const plan = explain.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(parameters as unknown[])) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return plan.map((node) => {
    const d = (depth.get(node.parent) ?? 0) + 1;
    depth.set(node.id, d);
    return `${'  '.repeat(d)}${node.detail}`;
  });
}

/**
 * PostgreSQL's plan of a query, EXPLAIN (COSTS OFF) with the query's values bound (an unnamed
 * statement, planned for those values as the server's are), in PostgreSQL's own text form and
 * indentation, every line indented once more so the first level reads like planTree's. Costs are
 * left out so that a rerun on the same data only shows a changed plan in the diff.
 */
export async function pgPlanTree<DB>(
  client: Kysely<DB>,
  sql: string,
  parameters: readonly unknown[],
): Promise<string[]> {
  const { rows } = await client.executeQuery(
    CompiledQuery.raw(`EXPLAIN (COSTS OFF) ${sql}`, [...parameters]),
  );
  return (rows as { 'QUERY PLAN': string }[]).map((row) => `  ${row['QUERY PLAN']}`);
}
