import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, ROLE_PERMISSIONS, type Permission, type Role } from '@hazard-ledger/domain';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';
import { multipartFile } from './multipart.js';
import { testDialect } from './test-db.js';
import { pngWithLocation } from './test-files.js';
import {
  deeplyNested,
  hostileString,
  INJECTION_STRINGS,
  isFreeText,
  type JsonSchema,
  malformedJson,
  oversized,
  percentEncode,
  scalarText,
  skeletonOf,
  slotsOf,
  toJsonText,
  UNICODE_EDGE_STRINGS,
  violationsOf,
  withValueAt,
  wrongTopLevelBody,
} from './hostile-arbitraries.js';

// Issue 12 §2: hostile input against every write endpoint. The routes come from
// app.routeGuards and their body schemas from the OpenAPI document, so a new route is covered
// the day it is added. HOSTILE_RUNS raises the number of generated cases per route.

// PostgreSQL answers each request several times slower, so it gets fewer cases by default.
const RUNS = Math.max(
  1,
  Number(process.env.HOSTILE_RUNS ?? (testDialect() === 'postgres' ? 2 : 3)),
);
const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that read a JSON body themselves (multipart or JSON) instead of declaring a schema. */
const HANDLER_PARSED_JSON = new Set(['POST /api/v1/public/tips', 'POST /api/v1/public/tips/info']);

/** Ends the caller's own session whatever the body: only sent bodies the parser refuses. */
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout']);

/** Which role a route is exercised as: the most privileged role holding its permission. */
const ROLE_PREFERENCE: Role[] = [
  'bureau_admin',
  'office',
  'inspector',
  'city',
  'publicity',
  'ent_safety',
  'ent_leader',
  'informant',
];

type OpenApiOperation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

type WriteRoute = {
  key: string;
  method: string;
  url: string;
  access: string;
  bodySchema: JsonSchema | null;
  pathParams: { name: string; schema: JsonSchema }[];
  query: Record<string, string>;
};

/** Text the API refuses whatever the field: NUL, or a UTF-16 surrogate without its pair. */
// eslint-disable-next-line no-control-regex -- NUL is what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type ErrorBody = { error: { code: string; message: string; fields: { path: string }[] } };

/** The value a path parameter gets: valid in shape, naming a record that does not exist. */
function absentParam(schema: JsonSchema): string {
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.maximum !== undefined && schema.maximum < 1_000_000)
      return String(schema.minimum ?? 1);
    return '987654';
  }
  const sample = skeletonOf(schema);
  return encodeURIComponent(sample === '测测' ? 'NOPE-404' : scalarText(sample));
}

function failureSummary(route: WriteRoute, detail: string): string {
  return `${route.key}: ${detail}`;
}

describe('hostile input against every write endpoint', { timeout: 240_000 }, () => {
  let t: TestContext;
  let routes: WriteRoute[];
  const clients = new Map<Role, TestClient>();
  let ipCounter = 0;
  let tableNames: string[] = [];

  beforeAll(async () => {
    t = await createTestContext();
    const users: { role: Role; orgUnitId: number; enterpriseId?: number }[] = [
      { role: 'bureau_admin', orgUnitId: t.org.districtA },
      { role: 'office', orgUnitId: t.org.officeWeihuaA },
      { role: 'inspector', orgUnitId: t.org.brigadeA },
      { role: 'city', orgUnitId: t.org.city },
      { role: 'publicity', orgUnitId: t.org.districtA },
      { role: 'ent_safety', orgUnitId: t.org.districtA, enterpriseId: t.enterprises.hazchemA },
      { role: 'ent_leader', orgUnitId: t.org.districtA, enterpriseId: t.enterprises.hazchemA },
      { role: 'informant', orgUnitId: t.org.districtA },
    ];
    for (const u of users) {
      const username = `hostile_${u.role}`;
      await t.createUser({
        username,
        role: u.role,
        orgUnitId: u.orgUnitId,
        enterpriseId: u.enterpriseId,
        sectors: u.role === 'office' || u.role === 'inspector' ? ['hazchem', 'mining'] : undefined,
      });
      clients.set(u.role, await t.login(username));
    }

    const doc = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
    routes = t.app.routeGuards
      .filter((g) => WRITE_METHODS.has(String(g.method)))
      .map((g) => {
        const method = String(g.method);
        const openApiPath = g.url.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[openApiPath]?.[method.toLowerCase()] ?? {};
        const params = op.parameters ?? [];
        const query: Record<string, string> = {};
        for (const p of params.filter((x) => x.in === 'query' && x.required))
          query[p.name] = scalarText(skeletonOf(p.schema));
        return {
          key: `${method} ${g.url}`,
          method,
          url: g.url,
          access: String(g.access),
          bodySchema: op.requestBody?.content?.['application/json']?.schema ?? null,
          pathParams: params
            .filter((x) => x.in === 'path')
            .map((x) => ({ name: x.name, schema: x.schema })),
          query,
        };
      });

    tableNames =
      t.db.dialect === 'postgres'
        ? (
            await sql<{ name: string }>`select tablename as name from pg_tables
              where schemaname = 'public' order by tablename`.execute(t.db.kysely)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select name from sqlite_master
              where type = 'table' and name not like 'sqlite_%' order by name`.execute(t.db.kysely)
          ).rows.map((r) => r.name);
  });
  afterAll(async () => t?.close());

  /** Row counts of every table plus the newest audit entry: any write moves one of them. */
  async function fingerprint(): Promise<string> {
    const counts = sql.join(
      tableNames.map((name) => sql`select ${name} as t, count(*) as n from ${sql.table(name)}`),
      sql` union all `,
    );
    const rows = await sql<{ t: string; n: number | string }>`${counts}`.execute(t.db.kysely);
    const seq = await sql<{
      seq: number | string | null;
    }>`select max(seq) as seq from audit_log`.execute(t.db.kysely);
    return JSON.stringify([rows.rows.map((r) => `${r.t}=${r.n}`), seq.rows[0]?.seq ?? null]);
  }

  function clientFor(route: WriteRoute): TestClient {
    if (route.access === 'public') return t.anonymous;
    if (route.access === 'authenticated') return clients.get('bureau_admin')!;
    const role = ROLE_PREFERENCE.find((r) =>
      (ROLE_PERMISSIONS[r] as readonly Permission[]).includes(route.access as Permission),
    );
    if (!role) throw new Error(`no role holds ${route.access} (${route.key})`);
    return clients.get(role)!;
  }

  function urlFor(route: WriteRoute, override: Record<string, string> = {}): string {
    let url = route.url;
    for (const p of route.pathParams)
      url = url.replace(`:${p.name}`, override[p.name] ?? absentParam(p.schema));
    const qs = new URLSearchParams(route.query).toString();
    return qs ? `${url}?${qs}` : url;
  }

  /** Sends a raw body as JSON; public routes get a fresh client address so rate limits stay out of the way. */
  function send(
    route: WriteRoute,
    payload: string,
    url = urlFor(route),
  ): Promise<LightMyRequestResponse> {
    ipCounter++;
    return clientFor(route).request({
      method: route.method,
      url,
      payload,
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      remoteAddress: `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`,
    });
  }

  /** Refusals that mean the request never reached validation: the test, not the app, is wrong. */
  const GUARD_REFUSALS = new Set<string>([
    ErrorCode.Unauthenticated,
    ErrorCode.CsrfInvalid,
    ErrorCode.TotpEnrollmentRequired,
    ErrorCode.RateLimited,
  ]);

  /** What is wrong with a refusal, or null when it is a proper 4xx in the API's error shape. */
  function refusalProblem(res: LightMyRequestResponse): string | null {
    if (res.statusCode < 400 || res.statusCode >= 500)
      return `status ${res.statusCode} ${res.body.slice(0, 300)}`;
    let body: ErrorBody;
    try {
      body = res.json<ErrorBody>();
    } catch {
      return `status ${res.statusCode} without a JSON error body`;
    }
    if (typeof body.error?.code !== 'string') return `status ${res.statusCode} without error.code`;
    if (GUARD_REFUSALS.has(body.error.code))
      return `refused by the guard (${body.error.code}) before validation`;
    if (
      res.statusCode === 400 &&
      body.error.code === 'VALIDATION_FAILED' &&
      body.error.fields.length === 0
    )
      return '400 without field errors';
    return null;
  }

  /** For inputs that may be valid: a 2xx answers JSON (or nothing); otherwise a proper refusal. */
  function acceptedOrRefusedProblem(res: LightMyRequestResponse): string | null {
    if (res.statusCode >= 400) return refusalProblem(res);
    if (res.statusCode === 204 || res.body === '') return null;
    const type = String(res.headers['content-type'] ?? '');
    if (!type.startsWith('application/json')) return `2xx answered as ${type}`;
    return null;
  }

  /** Answers seen per status and error code, so a run shows what the cases really reached. */
  const tallies = new Map<string, number>();
  function tally(res: LightMyRequestResponse): void {
    let code = '';
    try {
      code = res.json<ErrorBody>().error?.code ?? '';
    } catch {
      // not JSON: counted by status alone
    }
    const key = `${res.statusCode} ${code}`.trim();
    tallies.set(key, (tallies.get(key) ?? 0) + 1);
  }
  afterEach(() => {
    if (process.env.HOSTILE_VERBOSE && tallies.size > 0)
      console.log(expect.getState().currentTestName, Object.fromEntries(tallies));
    tallies.clear();
  });

  /** Which tables changed between two fingerprints, and the audit actions written meanwhile. */
  async function describeWrites(before: string, after: string): Promise<string> {
    const [countsBefore, seqBefore] = JSON.parse(before) as [string[], number | string | null];
    const [countsAfter] = JSON.parse(after) as [string[], unknown];
    const changed = countsAfter.filter((c) => !countsBefore.includes(c));
    const actions = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action'])
      .where('seq', '>', Number(seqBefore ?? 0))
      .execute();
    return `tables ${changed.join(', ')}; audit ${actions.map((a) => a.action).join(', ')}`;
  }

  /**
   * Runs the cases for each route in turn and fails once with every problem found. The whole
   * database is fingerprinted before and after (not per request: on PostgreSQL that doubles
   * the run time), so a write by any refused case shows.
   */
  async function checkEveryRoute(
    select: (route: WriteRoute) => boolean,
    cases: (
      route: WriteRoute,
    ) => fc.Arbitrary<{ label: string; url?: string; payload: string }> | null,
    options: { writesAllowed?: boolean } = {},
  ): Promise<number> {
    const problems: string[] = [];
    let checked = 0;
    const before = await fingerprint();
    for (const route of routes.filter(select)) {
      const arbitrary = cases(route);
      if (!arbitrary) continue;
      checked++;
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (c) => {
          const res = await send(route, c.payload, c.url);
          tally(res);
          const problem = options.writesAllowed
            ? acceptedOrRefusedProblem(res)
            : refusalProblem(res);
          if (problem) throw new Error(`${c.label}: ${problem}`);
          return true;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (result.failed) {
        const error =
          result.errorInstance instanceof Error
            ? result.errorInstance.message
            : String(result.errorInstance);
        problems.push(failureSummary(route, `${error} (seed ${result.seed})`));
      }
    }
    if (!options.writesAllowed) {
      const after = await fingerprint();
      if (after !== before)
        problems.push(`refused requests wrote: ${await describeWrites(before, after)}`);
    }
    expect(problems).toEqual([]);
    return checked;
  }

  it('refuses malformed JSON on every write route with a field error and writes nothing', async () => {
    const checked = await checkEveryRoute(
      () => true,
      () =>
        malformedJson.map((payload) => ({
          label: `malformed ${JSON.stringify(payload.slice(0, 40))}`,
          payload,
        })),
    );
    expect(checked).toBe(routes.length);
  });

  it('refuses bodies of the wrong type with field errors and writes nothing', async () => {
    const checked = await checkEveryRoute(
      (r) =>
        (r.bodySchema !== null || HANDLER_PARSED_JSON.has(r.key)) && !SESSION_ENDING.has(r.key),
      () =>
        wrongTopLevelBody.map((body) => ({
          label: `body ${toJsonText(body).slice(0, 40)}`,
          payload: toJsonText(body),
        })),
    );
    expect(checked).toBeGreaterThan(140);
  });

  it('refuses each field when it is the wrong type, oversized, out of range or too deep', async () => {
    await checkEveryRoute(
      (r) => r.bodySchema !== null,
      (route) => {
        const schema = route.bodySchema!;
        const skeleton = skeletonOf(schema);
        const slots = slotsOf(schema);
        if (slots.length === 0) return null;
        return fc
          .record({ slot: fc.nat(), violation: fc.nat(), hostile: hostileString })
          .map(({ slot, violation, hostile }) => {
            const s = slots[slot % slots.length]!;
            const options = violationsOf(s.schema, hostile);
            const v = options[violation % options.length]!;
            const body = withValueAt(skeleton, s.path, v.value);
            return { label: `${s.path.join('.')} ${v.label}`, payload: toJsonText(body) };
          });
      },
    );
  });

  it('refuses hostile path parameters without a 5xx and writes nothing', async () => {
    await checkEveryRoute(
      (r) => r.pathParams.length > 0,
      (route) =>
        fc
          .record({
            param: fc.nat(),
            // Past Fastify's 100-character parameter limit, too.
            hostile: fc.oneof(
              hostileString,
              hostileString.map((h) => oversized(h, 300)),
            ),
          })
          .map(({ param, hostile }) => {
            const p = route.pathParams[param % route.pathParams.length]!;
            const body = route.bodySchema ? skeletonOf(route.bodySchema) : {};
            return {
              label: `param ${p.name}=${JSON.stringify(hostile)}`,
              url: urlFor(route, { [p.name]: percentEncode(hostile) }),
              payload: toJsonText(body),
            };
          }),
    );
  });

  it('answers a body over the size limit with 413 on every write route', async () => {
    const huge = JSON.stringify({ text: oversized('隐患', t.config.bodyLimitBytes) });
    const problems: string[] = [];
    for (const route of routes) {
      const res = await send(route, huge);
      if (res.statusCode !== 413) problems.push(`${route.key}: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses deeply nested JSON bodies and writes nothing', async () => {
    // Routes without a body ignore a well-formed one, so only routes that read a body count.
    const problems: string[] = [];
    const readsBody = routes.filter((r) => r.bodySchema !== null || HANDLER_PARSED_JSON.has(r.key));
    const before = await fingerprint();
    for (const route of readsBody) {
      for (const kind of ['array', 'object'] as const) {
        const res = await send(route, deeplyNested(5_000, kind));
        const problem = refusalProblem(res);
        if (problem) problems.push(`${route.key} ${kind}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await fingerprint()).toBe(before);
  });

  it('stores injection and unicode edge strings verbatim and returns them as JSON strings', async () => {
    const admin = clients.get('bureau_admin')!;
    const office = clients.get('office')!;
    const problems: string[] = [];
    for (const text of [...INJECTION_STRINGS, ...UNICODE_EDGE_STRINGS]) {
      // Wrapped in plain text: leading and trailing blanks are trimmed on purpose.
      const value = `隐患${text}尾`;
      const hazard = await admin.post('/api/v1/hazards', {
        enterpriseId: t.enterprises.hazchemA,
        level: 'general',
        title: value,
        description: value,
        place: value,
        origin: 'self_check',
        foundAt: '2024-06-10',
        foundBy: value,
        noCatalogReason: value,
        treatment: 'deadline',
      });
      const tip = await office.post('/api/v1/tips', {
        channel: 'hotline_12350',
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        enterpriseId: t.enterprises.hazchemA,
        subject: value,
        description: `${value}夜间动火作业未审批`,
        place: value,
        catalogItemCode: null,
        anonymous: true,
        insider: false,
        identity: null,
      });
      for (const [what, res, read, fields] of [
        [
          'hazard',
          hazard,
          (id: number) => admin.get(`/api/v1/hazards/${id}`),
          ['title', 'description', 'place'],
        ],
        ['tip', tip, (id: number) => office.get(`/api/v1/tips/${id}`), ['subject', 'place']],
      ] as const) {
        const label = `${what} ${JSON.stringify(text)}`;
        if (UNSTORABLE.test(text)) {
          // NUL and lone surrogates cannot be stored as sent (PostgreSQL refuses NUL, both
          // databases replace surrogates): refused up front, naming the fields.
          const paths =
            res.statusCode === 400 ? res.json<ErrorBody>().error.fields.map((f) => f.path) : [];
          if (!fields.every((f) => paths.includes(f)))
            problems.push(
              `${label}: expected 400 naming ${fields.join(', ')}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          continue;
        }
        if (res.statusCode !== 201) {
          problems.push(
            `${label}: valid text refused: ${res.statusCode} ${res.body.slice(0, 200)}`,
          );
          continue;
        }
        const created = res.json<{ id?: number; tip?: { id: number } }>();
        const shown = await read(created.id ?? created.tip!.id);
        expect(shown.headers['content-type']).toMatch(/^application\/json/);
        expect(shown.headers['x-content-type-options']).toBe('nosniff');
        const body = shown.json<Record<string, unknown> & { tip?: Record<string, unknown> }>();
        const record = body.tip ?? body;
        for (const field of fields) {
          if (record[field] !== value)
            problems.push(`${label}: ${field} came back as ${JSON.stringify(record[field])}`);
        }
        // JSON-escaped, never raw markup: the page renders it as text.
        if (
          text.includes('<') &&
          shown.body.includes('</script>') &&
          !shown.body.includes(JSON.stringify(value).slice(1, -1))
        )
          problems.push(`${label}: markup not inside a JSON string`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses NUL in the query string of every route that takes text, never a 5xx', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
    const admin = clients.get('bureau_admin')!;
    const problems: string[] = [];
    let checked = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const get = operations.get;
      const textParam = get?.parameters?.find((p) => p.in === 'query' && isFreeText(p.schema));
      if (!get || !textParam || path.includes('{')) continue;
      for (const bad of ['%00', 'a%00b', percentEncode('\ud800')]) {
        const res = await admin.get(`${path}?${textParam.name}=${bad}`);
        checked++;
        // Invalid UTF-8 in a query string decodes to U+FFFD, an ordinary (if odd) search.
        const mayAnswer = !bad.includes('%00') && res.statusCode < 400;
        const problem = mayAnswer ? null : refusalProblem(res);
        if (problem) problems.push(`GET ${path}?${textParam.name}=${bad}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it('never answers 5xx when free-text fields carry injection or unicode edge strings', async () => {
    await checkEveryRoute(
      (r) => r.bodySchema !== null && !SESSION_ENDING.has(r.key),
      (route) => {
        const schema = route.bodySchema!;
        const skeleton = skeletonOf(schema);
        const slots = slotsOf(schema).filter((s) => isFreeText(s.schema));
        if (slots.length === 0) return null;
        return fc
          .record({
            slot: fc.nat(),
            text: fc.constantFrom<string>(...INJECTION_STRINGS, ...UNICODE_EDGE_STRINGS),
          })
          .map(({ slot, text }) => {
            const s = slots[slot % slots.length]!;
            const value = text.slice(0, s.schema.maxLength ?? text.length);
            const body = withValueAt(skeleton, s.path, value);
            return {
              label: `${s.path.join('.')}=${JSON.stringify(value)}`,
              payload: toJsonText(body),
            };
          });
      },
      { writesAllowed: true },
    );
  });
});

/** Characters a spreadsheet reads as the start of a formula (or that hide one: tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A marker in every hostile text, so its cells can be found in any export. */
const MARK = 'HLX';

const FORMULA_TEXTS = [
  `=${MARK}|' /C calc'!A0`,
  `+${MARK}+1`,
  `-${MARK}-1`,
  `@SUM(${MARK})`,
  `=HYPERLINK("http://evil.example","${MARK}")`,
  `\t=${MARK}`,
  `\r=${MARK}`,
];

type Problem = string;

type CatalogItemBody = {
  section: string;
  clause: string;
  parentCode: string | null;
  title: string;
  requirement: string | null;
  completeness: string;
  gapNote: string | null;
  appliesTo: unknown;
  version: number;
};

/** Every cell of every sheet that is a formula, or a marked text a spreadsheet would run. */
async function formulaProblems(
  file: Buffer,
  source: string,
): Promise<{ problems: Problem[]; marked: number }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const problems: Problem[] = [];
  let marked = 0;
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (
          cell.type === ExcelJS.ValueType.Formula ||
          cell.type === ExcelJS.ValueType.SharedString
        ) {
          if (cell.type === ExcelJS.ValueType.Formula)
            problems.push(`${source} ${sheet.name}!${cell.address} is a formula`);
        }
        const text = cell.text;
        if (!text.includes(MARK)) return;
        marked++;
        if (cell.type !== ExcelJS.ValueType.String && cell.type !== ExcelJS.ValueType.RichText)
          problems.push(`${source} ${sheet.name}!${cell.address} is not text (type ${cell.type})`);
        if (FORMULA_START.test(text))
          problems.push(
            `${source} ${sheet.name}!${cell.address} starts like a formula: ${JSON.stringify(text)}`,
          );
      });
    });
  }
  return { problems, marked };
}

describe('exported spreadsheets neutralise formula injection', () => {
  let t: TestContext;
  let admin: TestClient;
  let office: TestClient;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'fx_admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'fx_office',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    admin = await t.login('fx_admin');
    office = await t.login('fx_office');
  });
  afterAll(async () => t?.close());

  const catalogItem = async (c: TestClient, version: number): Promise<CatalogItemBody> =>
    (await c.get(`/api/v1/catalogs/HG-2017/versions/${version}/items?q=HG-2017-01&pageSize=200`))
      .json<{ items: (CatalogItemBody & { code: string })[] }>()
      .items.find((i) => i.code === 'HG-2017-01')!;

  it('writes user texts starting with = + - @ tab or CR as inert text in every xlsx export', async () => {
    // An enterprise whose own name is hostile: it shows up in most exports.
    const enterprise = await admin.post('/api/v1/enterprises', {
      name: FORMULA_TEXTS[0],
      creditCode: '91150602MA0N3K5H2B',
      sector: 'hazchem',
      subType: 'storage',
      tags: [],
      orgUnitId: t.org.districtA,
      address: FORMULA_TEXTS[1],
      employees: 10,
      licences: [],
    });
    expect(enterprise.statusCode, enterprise.body).toBe(201);
    const enterpriseId = enterprise.json<{ id: number }>().id;

    for (const [i, text] of FORMULA_TEXTS.entries()) {
      const hazard = await admin.post('/api/v1/hazards', {
        enterpriseId: i % 2 === 0 ? enterpriseId : t.enterprises.hazchemA,
        level: 'general',
        title: text,
        description: text,
        place: text,
        origin: 'self_check',
        foundAt: '2024-06-10',
        foundBy: text,
        noCatalogReason: text,
        treatment: 'deadline',
      });
      expect(hazard.statusCode, hazard.body).toBe(201);
      const tip = await office.post('/api/v1/tips', {
        channel: 'hotline_12350',
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        enterpriseId: t.enterprises.hazchemA,
        subject: text,
        description: `${text}，夜间动火作业未审批`,
        place: text,
        catalogItemCode: null,
        anonymous: true,
        insider: false,
        identity: null,
      });
      expect(tip.statusCode, tip.body).toBe(201);
    }

    // A catalog draft whose item texts are hostile (catalogs are exported for editing).
    expect(await seedCatalogs(t.db, t.app.audit)).toEqual(expect.any(Array));
    const draft = await admin.post('/api/v1/catalogs/HG-2017/drafts', {});
    expect(draft.statusCode, draft.body).toBe(201);
    const itemUrl = '/api/v1/catalogs/HG-2017/versions/2/items/HG-2017-01';
    const original = await catalogItem(admin, 2);
    const edited = await admin.request({
      method: 'PUT',
      url: itemUrl,
      payload: {
        section: original.section,
        clause: original.clause,
        parentCode: original.parentCode,
        title: FORMULA_TEXTS[0],
        requirement: FORMULA_TEXTS[2],
        completeness: 'incomplete',
        gapNote: FORMULA_TEXTS[3],
        appliesTo: original.appliesTo,
        version: original.version,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);

    const exports = t.app.routeGuards.filter(
      (g) => g.method === 'GET' && /export/.test(g.url) && !/\.pdf$/.test(g.url),
    );
    const problems: Problem[] = [];
    const checked: string[] = [];
    const skipped: string[] = [];
    for (const route of exports) {
      const url = route.url.replace(':catalogId', 'HG-2017').replace(':version', '2');
      const client = [admin, office].find((c) => c);
      const res = await client!.get(url);
      if (res.statusCode !== 200) {
        skipped.push(`${url} ${res.statusCode}`);
        continue;
      }
      expect(res.statusCode).toBeLessThan(500);
      const result = await formulaProblems(res.rawPayload, url);
      problems.push(...result.problems);
      checked.push(`${url} (${result.marked} marked cells)`);
    }
    if (process.env.HOSTILE_VERBOSE) console.log({ checked, skipped });
    expect(problems).toEqual([]);
    // The exports that carry these records were really checked, with the hostile cells in them.
    for (const url of [
      '/api/v1/enterprises/export',
      '/api/v1/hazards/export',
      '/api/v1/tips/export',
      '/api/v1/scorecards/export',
      '/api/v1/catalogs/HG-2017/versions/2/export',
    ])
      expect(checked.find((c) => c.startsWith(`${url} `)) ?? `${url} not checked`).not.toMatch(
        /\(0 marked cells\)|not checked/,
      );
  });

  it('reads its own neutralised cells back as the original texts on import', async () => {
    const exported = await admin.get('/api/v1/catalogs/HG-2017/versions/2/export');
    expect(exported.statusCode).toBe(200);
    const draft = (await admin.get('/api/v1/catalogs/HG-2017/versions/2')).json<{
      revision: number;
    }>();
    const discarded = await admin.post('/api/v1/catalogs/HG-2017/versions/2/discard', {
      revision: draft.revision,
      reason: '测试导入往返',
    });
    expect(discarded.statusCode, discarded.body).toBe(200);
    const { payload, headers } = multipartFile('HG-2017.xlsx', exported.rawPayload);
    const imported = await admin.request({
      method: 'POST',
      url: '/api/v1/catalogs/HG-2017/import',
      payload,
      headers,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const version = imported.json<{ version: number }>().version;
    const item = await catalogItem(admin, version);
    expect(item).toMatchObject({
      title: FORMULA_TEXTS[0],
      requirement: FORMULA_TEXTS[2],
      gapNote: FORMULA_TEXTS[3],
    });
  });
});

/** Files whose name promises one thing and whose bytes are another. */
const DISGUISED_FILES: { name: string; content: Buffer; type: string }[] = [
  {
    name: 'photo.jpg',
    content: Buffer.from('<!doctype html><script>alert(document.cookie)</script>'),
    type: 'image/jpeg',
  },
  {
    name: 'report.pdf',
    content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('This program')]),
    type: 'application/pdf',
  },
  {
    // A zip that is no Office document (no [Content_Types].xml).
    name: 'ledger.xlsx',
    content: Buffer.from('504b0304140000000000000000000000000000000000000000000100000061', 'hex'),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  {
    name: 'image.png',
    content: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    type: 'image/png',
  },
  {
    name: 'notes.docx',
    content: Buffer.from('#!/bin/sh\nrm -rf /\n'),
    type: 'application/octet-stream',
  },
];

const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('uploads are judged by content, not by name', () => {
  let t: TestContext;
  let admin: TestClient;
  let office: TestClient;
  let hazardId: number;
  let tipId: number;

  beforeAll(async () => {
    t = await createTestContext();
    await t.createUser({ username: 'up_admin', role: 'bureau_admin', orgUnitId: t.org.districtA });
    await t.createUser({
      username: 'up_office',
      role: 'office',
      orgUnitId: t.org.officeWeihuaA,
      sectors: ['hazchem', 'fireworks'],
    });
    admin = await t.login('up_admin');
    office = await t.login('up_office');
    const hazard = await admin.post('/api/v1/hazards', {
      enterpriseId: t.enterprises.hazchemA,
      level: 'general',
      title: '储罐区静电接地缺失',
      description: '储罐区静电接地线断开',
      origin: 'self_check',
      foundAt: '2024-06-10',
      foundBy: '安全员',
      noCatalogReason: '测试不引用条款',
      treatment: 'deadline',
    });
    expect(hazard.statusCode, hazard.body).toBe(201);
    hazardId = hazard.json<{ id: number }>().id;
    const tip = await office.post('/api/v1/tips', {
      channel: 'hotline_12350',
      receivedAt: new Date(Date.now() - 3600_000).toISOString(),
      enterpriseId: t.enterprises.hazchemA,
      subject: '储罐区违规动火',
      description: '夜间在储罐区动火作业，未办理动火审批。',
      place: '储罐区东侧',
      catalogItemCode: null,
      anonymous: true,
      insider: false,
      identity: null,
    });
    expect(tip.statusCode, tip.body).toBe(201);
    tipId = tip.json<{ tip: { id: number } }>().tip.id;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(t.config.uploadDir, { recursive: true, force: true });
  });

  const upload = (client: TestClient, url: string, name: string, content: Buffer, type: string) => {
    const { payload, headers } = multipartFile(name, content, type);
    return client.request({ method: 'POST', url, payload, headers });
  };

  /** The upload routes, with the client that may use them. */
  const targets = (): { url: string; client: TestClient }[] => [
    { url: `/api/v1/hazards/${hazardId}/files?kind=before`, client: admin },
    { url: `/api/v1/hazards/${hazardId}/files?kind=document`, client: admin },
    { url: `/api/v1/tips/${tipId}/files`, client: office },
    { url: '/api/v1/notices/attachments', client: admin },
    { url: '/api/v1/enforcement-measures/documents', client: admin },
  ];

  it('refuses HTML, executables, bare zips and SVG behind image or document names', async () => {
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const problems: string[] = [];
    for (const { url, client } of targets()) {
      for (const file of DISGUISED_FILES) {
        const res = await upload(client, url, file.name, file.content, file.type);
        const fields = res.statusCode === 400 ? res.json<ErrorBody>().error.fields : [];
        if (res.statusCode !== 400 || fields.length === 0)
          problems.push(`${url} ${file.name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(problems).toEqual([]);
    const after = await t.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(audit.n));
  });

  it('treats a PNG named .pdf as the image it is, and a PDF named .jpg as a PDF', async () => {
    const photo = await upload(
      admin,
      `/api/v1/hazards/${hazardId}/files?kind=before`,
      'evidence.pdf',
      pngWithLocation(),
      'application/pdf',
    );
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json<{ mimeType: string }>().mimeType).toBe('image/png');
    const tipPhoto = await upload(
      office,
      `/api/v1/tips/${tipId}/files`,
      'scan.pdf',
      pngWithLocation(),
      'application/pdf',
    );
    expect(tipPhoto.statusCode, tipPhoto.body).toBe(201);
    expect(tipPhoto.body).toContain('image/png');

    const document = await upload(
      admin,
      `/api/v1/hazards/${hazardId}/files?kind=document`,
      'photo.jpg',
      MINIMAL_PDF,
      'image/jpeg',
    );
    expect(document.statusCode, document.body).toBe(201);
    expect(document.json<{ mimeType: string }>().mimeType).toBe('application/pdf');
    // A PNG is no attachment for a notice, whatever its name says.
    const notice = await upload(
      admin,
      '/api/v1/notices/attachments',
      'notice.pdf',
      pngWithLocation(),
      'application/pdf',
    );
    expect(notice.statusCode).toBe(400);
    // Served back with the type of its content and never sniffed.
    const fileId = photo.json<{ id: number }>().id;
    const served = await admin.get(`/api/v1/hazards/${hazardId}/files/${fileId}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps path traversal in a multipart file name inside the storage directory', async () => {
    const escapeName = `hl-escape-${process.pid}-${Date.now()}.png`;
    const outside = path.join(os.tmpdir(), escapeName);
    const names = [
      `../../../../../../..${outside}`,
      `..\\..\\..\\..\\${escapeName}`,
      '/etc/passwd',
      `%2e%2e%2f%2e%2e%2f${escapeName}`,
      `....//....//${escapeName}`,
    ];
    const uploadDir = path.resolve(t.config.uploadDir);
    for (const name of names) {
      const res = await upload(
        admin,
        `/api/v1/hazards/${hazardId}/files?kind=before`,
        name,
        pngWithLocation(),
        'image/png',
      );
      expect(res.statusCode, res.body).toBe(201);
      const stored = res.json<{ id: number; fileName: string }>();
      // The name kept is a bare file name; the bytes live under a server-made key.
      expect(stored.fileName).not.toMatch(/[\\/]/);
      expect(stored.fileName).not.toMatch(/^\.\.?$/);
      const row = await t.db.kysely
        .selectFrom('hazard_files')
        .select(['storage_key', 'file_name'])
        .where('id', '=', stored.id)
        .executeTakeFirstOrThrow();
      expect(row.storage_key).toMatch(/^[a-z0-9][a-z0-9/_-]*$/i);
      const onDisk = path.resolve(uploadDir, row.storage_key);
      expect(onDisk.startsWith(`${uploadDir}${path.sep}`)).toBe(true);
      expect(fs.existsSync(onDisk)).toBe(true);
    }
    expect(fs.existsSync(outside)).toBe(false);
    // Nothing was written anywhere but under the storage directory's own folders.
    const everyFile = fs
      .readdirSync(uploadDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.resolve(e.parentPath, e.name));
    for (const file of everyFile) expect(file.startsWith(`${uploadDir}${path.sep}`)).toBe(true);
  });
});
