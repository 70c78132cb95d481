import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PowChallenge, solvePowChunk } from '@hazard-ledger/domain';
import { buildApp } from '../src/app.js';
import { type Db, openDatabase } from '../src/db/database.js';
import { publicTipSettings } from '../src/modules/tips-public/tip-guard.js';
import { createTestContext, type TestContext } from './harness.js';

// Issue 12 §2/§3 leftovers: a solved proof-of-work challenge of the public tip page is spent
// once across every server process on the database (not once per process, nor again after a
// restart); every text field a client sends has a length limit the OpenAPI document shows.

type ErrorBody = {
  error: { code: string; message: string; fields: { path: string; message: string }[] };
};

/** A JSON Schema node as @fastify/swagger renders the zod schemas (only what the walk reads). */
type SchemaNode = {
  $ref?: string;
  type?: string | string[];
  maxLength?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  prefixItems?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
};

type OpenApiDocument = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } }>
  >;
  components?: { schemas?: Record<string, SchemaNode> };
};

/** Formats whose values have a fixed maximum length. */
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6']);

/**
 * Whether a pattern alone caps the length: anchored at both ends, no alternation outside a group
 * (which would undo an anchor), and no unbounded quantifier (`*`, `+`, `{n,}`) outside character
 * classes. `^[0-9+ -]{5,20}$` and `^(0|[1-9][0-9]{0,11})$` are bounded; `^\\S+$` is not.
 */
function patternBoundsLength(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  const outsideClasses = pattern.replace(/\\./g, 'x').replace(/\[(?:\\.|[^\]])*\]/g, 'x');
  if (/[*+]|\{\d*,\}/.test(outsideClasses)) return false;
  let depth = 0;
  for (const ch of outsideClasses) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === '|' && depth === 0) return false;
  }
  return true;
}

/** Whether a string schema limits the length of what it accepts. */
function stringIsBounded(node: SchemaNode): boolean {
  return (
    node.maxLength !== undefined ||
    node.enum !== undefined ||
    node.const !== undefined ||
    (node.format !== undefined && BOUNDED_FORMATS.has(node.format)) ||
    (node.pattern !== undefined && patternBoundsLength(node.pattern))
  );
}

/** The paths (route, field) of every string in a schema without a length limit. */
function unboundedStrings(
  node: SchemaNode | boolean | undefined,
  where: string,
  components: Record<string, SchemaNode>,
  seenRefs: ReadonlySet<string> = new Set(),
): string[] {
  if (node === undefined || typeof node === 'boolean') return [];
  if (node.$ref !== undefined) {
    if (seenRefs.has(node.$ref)) return [];
    const name = node.$ref.split('/').pop()!;
    return unboundedStrings(components[name], where, components, new Set([...seenRefs, node.$ref]));
  }
  const found: string[] = [];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes('string') && !stringIsBounded(node)) found.push(where);
  const walk = (child: SchemaNode | boolean | undefined, path: string) =>
    found.push(...unboundedStrings(child, path, components, seenRefs));
  for (const [name, child] of Object.entries(node.properties ?? {}))
    walk(child, `${where}.${name}`);
  const items = Array.isArray(node.items) ? node.items : node.items ? [node.items] : [];
  for (const child of [...items, ...(node.prefixItems ?? [])]) walk(child, `${where}[]`);
  walk(node.additionalProperties, `${where}{}`);
  for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])])
    walk(child, where);
  return found;
}

function solve(ch: PowChallenge): PowChallenge & { nonce: string } {
  const nonce = solvePowChunk(ch.challenge, ch.difficulty, 0, 10_000_000);
  if (nonce === null) throw new Error('no solution found');
  return { ...ch, nonce };
}

describe('proof-of-work challenges are spent once across processes (issue 12 §2)', () => {
  let t: TestContext;
  /** A second app instance with its own database handle: another server process, or a restart. */
  let otherDb: Db;
  let other: FastifyInstance;
  const originalDifficulty = publicTipSettings.powDifficulty;
  let ipSeq = 0;
  /** A fresh client address per request, so the per-process rate limits never interfere. */
  const send = (app: FastifyInstance, options: InjectOptions) =>
    app.inject({ ...options, remoteAddress: `203.0.113.${++ipSeq}` });

  const solvedChallenge = async (app: FastifyInstance) => {
    const res = await send(app, { method: 'POST', url: '/api/v1/public/tips/challenge' });
    expect(res.statusCode).toBe(200);
    return solve(res.json<PowChallenge>());
  };

  const submit = (app: FastifyInstance, subject: string, pow: unknown, over = {}) =>
    send(app, {
      method: 'POST',
      url: '/api/v1/public/tips',
      payload: {
        enterpriseId: t.enterprises.hazchemA,
        subject,
        description: '夜间在储罐区动火作业，没有动火作业票，也没有人监护。',
        anonymous: true,
        pow,
        ...over,
      },
    });

  const tipsWithSubject = async (subject: string) =>
    (await t.db.kysely.selectFrom('tips').select('id').where('subject', '=', subject).execute())
      .length;

  const expectSpentRefusal = (res: Awaited<ReturnType<typeof submit>>) => {
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.fields).toEqual([
      { path: 'pow', message: '该人机验证已使用过，请重新提交' },
    ]);
  };

  beforeAll(async () => {
    // Cheap challenges for the test; the difficulty itself is tested in tips-public.test.ts.
    publicTipSettings.powDifficulty = 8;
    t = await createTestContext();
    otherDb = openDatabase(t.config.database);
    other = await buildApp(t.config, { db: otherDb, logger: false });
  });

  afterAll(async () => {
    publicTipSettings.powDifficulty = originalDifficulty;
    await other.close();
    await otherDb.kysely.destroy();
    await t.close();
  });

  it('refuses a challenge spent on one instance when it is replayed on another', async () => {
    const pow = await solvedChallenge(t.app);
    const subject = '跨进程重放：储罐区违规动火';
    expect((await submit(t.app, subject, pow)).statusCode).toBe(201);
    expectSpentRefusal(await submit(other, subject, pow));
    // And the other way round: spent on the second instance, replayed on the first.
    const pow2 = await solvedChallenge(other);
    expect((await submit(other, subject, pow2)).statusCode).toBe(201);
    expectSpentRefusal(await submit(t.app, subject, pow2));
    expect(await tipsWithSubject(subject)).toBe(2);
    const spent = await t.db.kysely
      .selectFrom('pow_spent')
      .select('challenge_id')
      .where('challenge_id', 'in', [pow.challenge, pow2.challenge])
      .execute();
    expect(spent).toHaveLength(2);
  });

  it('lets exactly one of two simultaneous submissions on two instances through', async () => {
    const pow = await solvedChallenge(t.app);
    const subject = '并发重放：储罐区违规动火';
    const results = await Promise.all([submit(t.app, subject, pow), submit(other, subject, pow)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expectSpentRefusal(results.find((r) => r.statusCode === 400)!);
    expect(await tipsWithSubject(subject)).toBe(1);
  });

  it('gives a challenge back when the tip is refused for another reason, on any instance', async () => {
    const pow = await solvedChallenge(t.app);
    const subject = '改正后提交：储罐区违规动火';
    const refused = await submit(t.app, subject, pow, { enterpriseId: 999_999 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.fields[0]!.path).toBe('enterpriseId');
    expect((await submit(other, subject, pow)).statusCode).toBe(201);
    expect(await tipsWithSubject(subject)).toBe(1);
  });

  it('purges expired spent challenges and keeps live ones', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.db.kysely
      .insertInto('pow_spent')
      .values({ challenge_id: 'expired-challenge', expires_at: past })
      .execute();
    // A freshly started instance purges on its first spend.
    const restarted = await buildApp(t.config, { db: t.db, logger: false });
    try {
      const pow = await solvedChallenge(restarted);
      expect((await submit(restarted, '清理过期记录', pow)).statusCode).toBe(201);
      const left = await t.db.kysely
        .selectFrom('pow_spent')
        .select('challenge_id')
        .where('challenge_id', 'in', ['expired-challenge', pow.challenge])
        .execute();
      expect(left.map((r) => r.challenge_id)).toEqual([pow.challenge]);
    } finally {
      await restarted.close();
    }
  });
});

describe('every text field of a request body has a length limit (issue 12 §2)', () => {
  let t: TestContext;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestContext();
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<OpenApiDocument>();
  });
  afterAll(async () => t.close());

  it('tells a bounded pattern from an unbounded one', () => {
    expect(patternBoundsLength('^[0-9+\\- ]{5,20}$')).toBe(true);
    expect(patternBoundsLength('^[0-9]{17}[0-9X]$')).toBe(true);
    expect(patternBoundsLength('^\\S+$')).toBe(false);
    expect(patternBoundsLength('^[a-z]{2,}$')).toBe(false);
    expect(patternBoundsLength('^a$|^b')).toBe(false);
    expect(patternBoundsLength('^(0|[1-9][0-9]{0,11})(\\.[0-9]{1,2})?$')).toBe(true);
    expect(patternBoundsLength('[0-9]{6}')).toBe(false);
  });

  it('finds an unbounded field when there is one (the walk itself works)', () => {
    const probe: SchemaNode = {
      type: 'object',
      properties: {
        ok: { type: 'string', maxLength: 10 },
        list: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
        nested: { $ref: '#/components/schemas/Nested' },
      },
    };
    const components = { Nested: { type: 'object', properties: { text: { type: 'string' } } } };
    expect(unboundedStrings(probe, 'probe', components)).toEqual([
      'probe.list[]',
      'probe.nested.text',
    ]);
  });

  it('every string property of every request body has maxLength (or an enum/format/pattern that bounds it)', () => {
    const components = doc.components?.schemas ?? {};
    const unbounded: string[] = [];
    let bodies = 0;
    for (const [url, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [contentType, media] of Object.entries(operation.requestBody?.content ?? {})) {
          bodies += 1;
          const where = `${method.toUpperCase()} ${url} (${contentType}) body`;
          unbounded.push(...unboundedStrings(media.schema, where, components));
        }
      }
    }
    // The document really describes the write API (a broken walk would pass vacuously).
    expect(bodies).toBeGreaterThan(100);
    expect(unbounded).toEqual([]);
  });
});
