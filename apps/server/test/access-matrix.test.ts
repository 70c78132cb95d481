import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode, type Role, type RouteGuard, roleHas } from '@hazard-ledger/domain';
import { cellText } from './xlsx-cells.js';
import {
  createMatrixFixtures,
  expectedVisible,
  type MatrixFixtures,
  type ParamTarget,
  type Tester,
  type Variant,
  VARIANTS,
} from './access-matrix-fixtures.js';
import type { TestClient } from './harness.js';
import { IMPORT_UPLOADERS } from './access-matrix-seed-imports.js';
import { FOREIGN_MARK, isEnterpriseTester, SECTOR_MARK } from './access-matrix-fixtures.js';

// The access matrix of issue 12 §1: every registered route × every role × scope variant (own
// record, another sector or enterprise of the own district, another district). The expected
// outcome is derived from the domain's permission map (`roleHas`) and record policies
// (`canAccessRecord`, see access-matrix-fixtures.ts), never written by hand per route:
// - anonymous: 401 on every non-public route;
// - a role without the route's permission: 403;
// - permission and a record in scope: authorization passes (anything but 401/403; an empty
//   write body may well answer 400, which is after authorization);
// - permission and a record out of scope: 404 (the app's convention, 403 also accepted) or a
//   400 for the empty body (validation runs before the record is loaded), never 2xx, and a
//   write leaves the audit log unchanged.
// A second part signs in as every role and reads every list, count, export and drill-down,
// looking for the recognisable records and enterprises outside the role's scope.

const fixtures: MatrixFixtures = await createMatrixFixtures();
const { t, testers } = fixtures;
afterAll(() => t.close());

type RouteSpec = { method: string; url: string; access: RouteGuard };

/**
 * Where a service is narrower than the route's permission on purpose: these callers get 403
 * even for records in their scope. The matrix asserts exactly 403 for them, so the table cannot
 * go stale: a rule that is dropped or added shows as a failure.
 */
const NARROWER: Record<string, { refuses: (tester: Tester) => boolean; why: string }> = {
  'GET /api/v1/self-inspections/coverage': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'coverage is a territory view for staff; an enterprise reads its own runs',
  },
  'GET /api/v1/self-inspections/coverage/export': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'as the coverage page',
  },
  'GET /api/v1/leader-inspections': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'the territory overview; an enterprise uses /enterprises/:id/leader-inspections',
  },
  'GET /api/v1/leader-inspections/export': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'as the overview',
  },
  'GET /api/v1/key-periods/:id/enterprises': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'the duty roster of every enterprise of the territory',
  },
  'GET /api/v1/inspection-plans/:id/targets.xlsx': {
    refuses: (x) => isEnterpriseTester(x),
    why: 'the drawn targets of a plan are not shown to enterprises',
  },
  'POST /api/v1/enterprises/imports/:id/commit': {
    // The testers' one import is the own office's (access-matrix-seed-imports.ts).
    refuses: (x) => x.username !== IMPORT_UPLOADERS.own.username,
    why: 'only the uploader confirms an import (others in the territory may read it)',
  },
  'GET /api/v1/inspection-plans/:id/candidates': {
    // canManagePlan: a planner must cover every sector of the plan (the demo plan is
    // hazchem + fireworks; the inspector under test has hazchem only).
    refuses: (x) => x.role === 'inspector',
    why: 'only a planner covering all the plan’s sectors manages it (403 when one only sees it)',
  },
};

/**
 * Parameter variants that cannot exist, so nothing is seeded for them: the matrix reports them
 * apart from the unseeded ones (ACCESS_MATRIX_REPORT `notApplicable`), with the reason. An entry
 * that stops applying (a record of it gets seeded, or the route goes) fails the last test.
 */
const NOT_APPLICABLE: { key: string; variant: Variant; roles?: readonly Role[]; why: string }[] = [
  {
    key: 'enforcement-staff/enforcement-staff/:id',
    variant: 'otherSector',
    why: 'enforcement staff belong to a unit of the bureau, not to a sector (no sector column)',
  },
  {
    key: 'staff-trainings/staff-trainings/:id',
    variant: 'otherSector',
    why: 'a training of the bureau’s own staff has no sector',
  },
  {
    key: 'operation-trainings/operation-trainings/:id',
    variant: 'otherSector',
    why: 'a special-operation training is open to every enterprise of its district, of any sector',
  },
  {
    key: 'my/operation-trainings/:id',
    variant: 'otherSector',
    why: 'as operation-trainings (the enterprise side of the same records)',
  },
  {
    key: 'notifications/notifications/:id',
    variant: 'own',
    roles: ['publicity', 'city', 'informant'],
    why: 'the reminder job, the only writer of notifications, addresses enterprise users and a district’s offices, bureau and tip handlers (tip.manage): never these roles',
  },
];

/** The NOT_APPLICABLE entry a missing variant falls under, if any. */
function notApplicable(
  params: { key: string }[],
  variant: Variant,
  tester: Tester,
): (typeof NOT_APPLICABLE)[number] | undefined {
  return NOT_APPLICABLE.find(
    (entry) =>
      entry.variant === variant &&
      (entry.roles === undefined || entry.roles.includes(tester.role)) &&
      params.some((p) => p.key === entry.key),
  );
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that end the caller's own session: each call gets a fresh sign-in. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout']);

const routes: RouteSpec[] = t.app.routeGuards.map((r) => {
  if (r.access === undefined) throw new Error(`${r.method} ${r.url} has no guard`);
  return { method: r.method, url: r.url, access: r.access };
});
// Reads first, so a write that changes a record (voids it, closes it) cannot hide a read leak.
const ordered = [
  ...routes.filter((r) => !MUTATING.has(r.method)),
  ...routes.filter((r) => MUTATING.has(r.method)),
];

/** `<first segment after /api/v1>/<segment before>/:<name>` for each path parameter. */
function paramKeys(url: string): { name: string; key: string }[] {
  const segments = url.split('/').filter(Boolean);
  const root = segments[0] === 'api' ? segments[2] : segments[0];
  return segments.flatMap((segment, i) =>
    segment.startsWith(':')
      ? [{ name: segment.slice(1), key: `${root}/${segments[i - 1]}/${segment}` }]
      : [],
  );
}

function fillUrl(url: string, values: Map<string, string | number>): string {
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(String(values.get(name))),
  );
}

const has = (tester: Tester, access: RouteGuard): boolean =>
  access === 'public' || access === 'authenticated' || roleHas(tester.role, access);

async function send(
  client: TestClient,
  method: string,
  url: string,
): Promise<{ statusCode: number; body: string; code: string | undefined }> {
  const res = await client.request({
    method: method,
    url,
    ...(MUTATING.has(method) && method !== 'DELETE' ? { payload: {} } : {}),
  });
  let code: string | undefined;
  try {
    code = (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { statusCode: res.statusCode, body: res.body, code };
}

/** A client for one call: a fresh sign-in for routes that end the session. */
async function clientFor(tester: Tester, route: RouteSpec): Promise<TestClient> {
  return ENDS_SESSION.has(`${route.method} ${route.url}`)
    ? t.login(tester.username)
    : tester.client;
}

// --- Zero leaks in collections --------------------------------------------------------------

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The readable text of a response: JSON/CSV as is, spreadsheets cell by cell, PDFs via pdftotext. */
async function responseText(body: Buffer, contentType: string): Promise<string | null> {
  if (contentType.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cellText(cell.value))));
    });
    return cells.join('\n');
  }
  if (contentType.includes('pdf')) {
    if (!hasPdftotext) return null;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-matrix-')), 'x.pdf');
    fs.writeFileSync(file, body);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  }
  return body.toString('utf8');
}

/**
 * A response reduced to what a person reads, for comparing before and after the out-of-scope
 * records exist: JSON without the keys that change with the clock alone, nor the figures a
 * route shares across scopes on purpose (SHARED_FIGURES).
 */
function comparable(text: string, url: string): string {
  const shared = SHARED_FIGURES[url]?.keys;
  try {
    return JSON.stringify(JSON.parse(text), (key, value: unknown) =>
      VOLATILE_KEY.test(key) || shared?.test(key) ? undefined : value,
    );
  } catch {
    return text;
  }
}
const VOLATILE_KEY = /^(generatedAt|now|serverTime|computedAt)$/;

/**
 * Figures that count records of every enterprise by design, so a record outside the viewer's
 * scope changes them: left out of the before/after comparison of that route only (the marker
 * check still reads them). Each entry says where the design is written down; a figure that
 * is not listed here and changes is reported as a leak.
 */
const SHARED_FIGURES: Record<string, { keys: RegExp; why: string }> = {
  '/api/v1/operation-trainings': {
    keys: /^enrolled$/,
    why: 'seats taken by every enterprise count against the capacity (operationTrainingViewSchema.enrolled: "all enterprises")',
  },
  '/api/v1/my/operation-trainings': {
    keys: /^enrolled$/,
    why: 'an enterprise sees how many seats are taken before it enrols (enrolmentRefusal)',
  },
};

type Snapshot = Map<string, string>;

/** Every tester's view of every collection route, as readable text. */
async function snapshotCollections(): Promise<Snapshot> {
  const views: Snapshot = new Map();
  for (const route of collections)
    for (const tester of testers) {
      if (!has(tester, route.access)) continue;
      const res = await tester.client.request({ method: 'GET', url: route.url });
      if (res.statusCode !== 200) continue;
      const text = await responseText(res.rawPayload, String(res.headers['content-type'] ?? ''));
      if (text !== null) views.set(`${route.url} ${tester.username}`, comparable(text, route.url));
    }
  return views;
}

const collections = routes.filter(
  (r) => r.method === 'GET' && !r.url.includes(':') && r.access !== 'public',
);

// The testers' views before any out-of-scope record exists; then the records are created.
const viewsBefore = await snapshotCollections();
await fixtures.seedOutOfScope();

describe('zero leaks: lists, counts, exports and drill-downs', () => {
  it.each(collections.map((r) => [`${r.method} ${r.url} (${r.access})`, r] as const))(
    '%s',
    async (_name, route) => {
      const leaks: string[] = [];
      for (const tester of testers) {
        if (!has(tester, route.access)) continue;
        const res = await tester.client.request({ method: 'GET', url: route.url });
        if (res.statusCode >= 500) leaks.push(`${tester.role}: ${res.statusCode} ${res.body}`);
        if (res.statusCode !== 200) continue;
        const text = await responseText(res.rawPayload, String(res.headers['content-type'] ?? ''));
        if (text === null) continue;
        for (const marker of fixtures.markersFor(tester))
          if (text.includes(marker.text))
            leaks.push(`${tester.role}(${tester.username}) sees "${marker.text}" (${marker.why})`);
        // Counts and totals: records outside the scope must not change what the tester sees.
        const before = viewsBefore.get(`${route.url} ${tester.username}`);
        if (
          before !== undefined &&
          before !== comparable(text, route.url) &&
          !canSeeNewRecords(tester)
        )
          leaks.push(
            `${tester.role}(${tester.username}): the view changed when records outside its scope were created:\n  before ${before.slice(0, 400)}\n  after  ${comparable(text, route.url).slice(0, 400)}`,
          );
      }
      expect(leaks).toEqual([]);
    },
  );

  it('the marks are there to be found by those who may see them (control)', async () => {
    const adminB = await t.login('mx_admin_b');
    expect((await adminB.get('/api/v1/hazards')).body).toContain(FOREIGN_MARK);
    expect((await adminB.get('/api/v1/tips')).body).toContain(FOREIGN_MARK);
    const jichu = await t.login('jichu');
    expect((await jichu.get('/api/v1/hazards')).body).toContain(SECTOR_MARK);
    const admin = testers.find((x) => x.role === 'bureau_admin')!;
    const sheet = await admin.client.get('/api/v1/hazards/export');
    const text = await responseText(sheet.rawPayload, String(sheet.headers['content-type']));
    expect(text).toContain(SECTOR_MARK);
  });
});

/**
 * Whether the out-of-scope records are, in fact, in this tester's scope: the 金鼎矿业 ones are
 * for the bureau, publicity and the city (no sector limit in 东胜 / 鄂尔多斯).
 */
function canSeeNewRecords(tester: Tester): boolean {
  return !fixtures.markersFor(tester).some((m) => m.text === SECTOR_MARK);
}

/** Counts of requests per role (for the summary printed at the end). */
const summary = new Map<string, { denied: number; allowed: number; foreign: number }>();
const tally = (role: string, kind: 'denied' | 'allowed' | 'foreign') => {
  const row = summary.get(role) ?? { denied: 0, allowed: 0, foreign: 0 };
  row[kind] += 1;
  summary.set(role, row);
};
/** Parameter variants the fixtures did not seed, per route (reported, not silently passed). */
const unseeded: string[] = [];
/** Variants that cannot exist (NOT_APPLICABLE), with the reason; and the entries that applied. */
const notApplicableSeen: { combination: string; why: string }[] = [];
const notApplicableUsed = new Set<(typeof NOT_APPLICABLE)[number]>();
/** Status codes of calls in scope, and GETs of an in-scope record that answered 404. */
const inScopeStatuses = new Map<number, number>();
const inScope404: string[] = [];
const serverErrors: string[] = [];

describe('access matrix: every route × role × scope', () => {
  it('maps every path parameter of every route', () => {
    const known = new Set(fixtures.knownParamKeys);
    const unknown = routes.flatMap((r) =>
      paramKeys(r.url)
        .filter((p) => !known.has(p.key))
        .map((p) => `${r.method} ${r.url}: ${p.key}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(ordered.map((r) => [`${r.method} ${r.url} (${r.access})`, r] as const))(
    '%s',
    async (_name, route) => {
      const failures: string[] = [];
      const params = paramKeys(route.url);

      // Anonymous.
      const anonymousUrl = await urlFor(route, params, 'own', null);
      if (anonymousUrl !== undefined) {
        const res = await send(t.anonymous, route.method, anonymousUrl);
        if (route.access === 'public') {
          if (res.statusCode === 401 || res.statusCode === 403)
            failures.push(`anonymous: public route answered ${res.statusCode}`);
        } else if (res.statusCode !== 401) {
          failures.push(`anonymous: expected 401, got ${res.statusCode}`);
        }
      }
      // Public routes are the same for everyone (and several are rate-limited per address).
      if (route.access === 'public') {
        expect(failures).toEqual([]);
        return;
      }

      for (const tester of testers) {
        const label = `${tester.role}(${tester.username})`;
        const variants: readonly Variant[] = params.length === 0 ? ['own'] : VARIANTS;
        if (!has(tester, route.access)) {
          const url = await urlFor(route, params, 'own', tester);
          if (url === undefined) continue;
          const writes = MUTATING.has(route.method);
          const before = writes ? await fixtures.auditCount() : 0;
          const res = await send(tester.client, route.method, url);
          tally(tester.role, 'denied');
          if (res.statusCode !== 403)
            failures.push(`${label}: lacks ${route.access}, expected 403, got ${res.statusCode}`);
          if (writes && (await fixtures.auditCount()) !== before)
            failures.push(`${label}: a refused call wrote to the audit log`);
          continue;
        }
        for (const variant of variants) {
          const resolved = await resolveAll(params, variant, tester);
          if (!resolved) {
            const combination = `${route.method} ${route.url} [${variant}] for ${tester.role}`;
            const impossible = notApplicable(params, variant, tester);
            if (impossible) {
              notApplicableUsed.add(impossible);
              notApplicableSeen.push({ combination, why: impossible.why });
            } else if (await seedable(params, variant, tester)) unseeded.push(combination);
            continue;
          }
          const visible = resolved.targets.every((target) => expectedVisible(tester, target.scope));
          const url = fillUrl(route.url, resolved.values);
          const client = await clientFor(tester, route);
          const writes = MUTATING.has(route.method);
          const before = writes ? await fixtures.auditCount() : 0;
          const res = await send(client, route.method, url);
          const where = `${label} ${variant} ${route.method} ${url}`;
          const narrower = NARROWER[`${route.method} ${route.url}`];
          if (visible && narrower?.refuses(tester)) {
            tally(tester.role, 'denied');
            if (res.statusCode !== 403)
              failures.push(`${where}: ${narrower.why}: expected 403, got ${res.statusCode}`);
            continue;
          }
          if (visible) {
            tally(tester.role, 'allowed');
            inScopeStatuses.set(res.statusCode, (inScopeStatuses.get(res.statusCode) ?? 0) + 1);
            if (route.method === 'GET' && res.statusCode === 404) inScope404.push(where);
            if (res.statusCode >= 500)
              serverErrors.push(`${where}: ${res.statusCode} ${res.body.slice(0, 200)}`);
            if (res.statusCode === 401 || res.statusCode === 403)
              failures.push(`${where}: in scope, got ${res.statusCode} ${res.body.slice(0, 160)}`);
            continue;
          }
          tally(tester.role, 'foreign');
          const refused =
            res.statusCode === 404 ||
            res.statusCode === 403 ||
            (res.statusCode === 400 && res.code === ErrorCode.ValidationFailed);
          if (!refused)
            failures.push(
              `${where}: out of scope, expected 404/403, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          if (writes && (await fixtures.auditCount()) !== before)
            failures.push(`${where}: out of scope, yet the audit log grew`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('every not-applicable entry still stands for a missing variant', () => {
    const stale = NOT_APPLICABLE.filter((entry) => !notApplicableUsed.has(entry)).map(
      (entry) => `${entry.key} [${entry.variant}]`,
    );
    expect(stale).toEqual([]);
  });

  afterAll(() => {
    const rows = [...summary.entries()].map(
      ([role, n]) =>
        `${role.padEnd(13)} denied ${n.denied}  in-scope ${n.allowed}  foreign ${n.foreign}`,
    );
    console.info(
      `access matrix: ${routes.length} routes\n${rows.join('\n')}\nunseeded variants: ${unseeded.length}, not applicable: ${notApplicableSeen.length}`,
    );
    if (process.env.ACCESS_MATRIX_REPORT)
      fs.writeFileSync(
        process.env.ACCESS_MATRIX_REPORT,
        JSON.stringify(
          {
            summary: Object.fromEntries(summary),
            inScopeStatuses: Object.fromEntries(inScopeStatuses),
            inScope404,
            serverErrors,
            unseeded,
            notApplicable: notApplicableSeen,
          },
          null,
          1,
        ),
      );
  });
});

async function resolveAll(
  params: { name: string; key: string }[],
  variant: Variant,
  tester: Tester | null,
): Promise<{ values: Map<string, string | number>; targets: ParamTarget[] } | undefined> {
  const values = new Map<string, string | number>();
  const targets: ParamTarget[] = [];
  for (const p of params) {
    // Fixed names (an action, a version number) exist once; they pair with any variant.
    const target =
      (await fixtures.resolveParam(p.key, variant, tester)) ??
      (variant !== 'own' ? await fixedOnly(p.key, tester) : undefined);
    if (!target) return undefined;
    values.set(p.name, target.value);
    targets.push(target);
  }
  // A variant is only meaningful if at least one parameter really is of that variant.
  if (variant !== 'own' && targets.every((x) => x.scope.kind === 'any')) return undefined;
  return { values, targets };
}

/** False when a variant does not apply: every parameter is a fixed, unscoped name. */
async function seedable(
  params: { name: string; key: string }[],
  variant: Variant,
  tester: Tester,
): Promise<boolean> {
  if (variant === 'own') return true;
  for (const p of params) if (!(await fixedOnly(p.key, tester))) return true;
  return false;
}

async function fixedOnly(key: string, tester: Tester | null): Promise<ParamTarget | undefined> {
  const own = await fixtures.resolveParam(key, 'own', tester);
  return own?.scope.kind === 'any' ? own : undefined;
}

async function urlFor(
  route: RouteSpec,
  params: { name: string; key: string }[],
  variant: Variant,
  tester: Tester | null,
): Promise<string | undefined> {
  if (params.length === 0) return route.url;
  const resolved = await resolveAll(params, variant, tester ?? testers[0]!);
  if (resolved) return fillUrl(route.url, resolved.values);
  // Authorization by role happens before any record is loaded: any id will do.
  return route.url.replace(/:([A-Za-z]+)/g, '1');
}
