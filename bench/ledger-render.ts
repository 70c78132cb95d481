// Render time of the hazard ledger with 200 rows in headless Chromium (issue 11 §4: < 1 s).
// Builds the web app (unless --no-build), starts the real server on a fresh SQLite database in a
// temporary folder (demo data, as e2e/start-server.mjs does), records --hazards hazards (420 by
// default: two full pages of 200) in the demo district through the API — its two enterprises'
// safety managers and an inspector, a realistic mix: both levels, several origins, on-the-spot
// fixes, submitted plans, overdue deadlines — signs in as the district bureau (admin) and
// measures, after one warm-up, --runs times:
//   (a) navigation to /hazards?pageSize=200 until 200 rows are in the DOM and no spinner shows,
//   (b) the switch from page 1 to page 2 (200 rows each), click to the same condition.
// Times are taken inside the page (performance.now(), polled every animation frame). Prints
// p50/p95/max (nearest rank) with PASS/FAIL against 1 s and merges them into
// bench/results/latest-web.json under "ledgerRender". Run: npm run bench:render [-- --no-build]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: '3120' },
    runs: { type: 'string', default: '10' },
    hazards: { type: 'string', default: '420' },
    // Also record one page switch as <trace>.json (Chromium trace) and <trace>.cpuprofile (V8, opens
    // in DevTools) and print where the main thread's time went and the busiest functions: the
    // first step of profiling a regression (build with --minify false for readable names).
    trace: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const HAZARDS = Number(values.hazards);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const ROWS = 200;
const TARGET_MS = 1000;
const PASSWORD = 'Demo@2023pass';
const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Writes these fields into bench/results/latest-web.json, keeping the bundle figures there. */
function mergeWebResults(fields: Record<string, unknown>): string {
  const file = path.join(ROOT, 'bench', 'results', 'latest-web.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const previous: Record<string, unknown> = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, ...fields }, null, 2)}\n`);
  return file;
}

// --- The server -----------------------------------------------------------------------------

/** Starts apps/server on a fresh SQLite file; the returned function stops it. */
async function startServer(dir: string): Promise<() => void> {
  const child = spawn('npx', ['tsx', 'src/server.ts'], {
    cwd: path.join(ROOT, 'apps', 'server'),
    // Its own process group, so stopping it also stops the node process npx starts.
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${path.join(dir, 'render.db')}`,
      UPLOAD_DIR: path.join(dir, 'uploads'),
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
  });
  const stop = () => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/readyz`)).ok) return stop;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the server did not answer ${BASE}/readyz within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** A signed-in API client (session cookie and CSRF token), as the web app uses the API. */
class ApiSession {
  private constructor(
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(username: string): Promise<ApiSession> {
    const res = await fetch(`${BASE}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return new ApiSession(cookie, csrfToken);
  }

  async call<T>(method: string, url: string, body?: unknown, headers?: Record<string, string>) {
    const res = await fetch(`${BASE}/api/v1${url}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

type HazardRecord = { id: number; version: number };

// Everyday hazards of small factories and warehouses, for titles that read like the real ledger.
const TITLES = [
  '配电箱未接地且箱门缺失',
  '消防通道被成品货物堵塞',
  '有限空间作业前未进行气体检测',
  '危化品仓库通风设施损坏',
  '安全出口指示灯不亮',
  '叉车司机无证驾驶',
  '砂轮机防护罩缺失',
  '粉尘除尘系统未定期清理',
  '高处作业未系安全带',
  '动火作业未办理审批手续',
  '灭火器压力不足未及时更换',
  '气瓶未固定且混放',
  '冲压设备光电保护失效',
  '员工宿舍设在厂房内',
  '应急预案未组织演练',
];
const PLACES = [
  '一号车间',
  '二号车间',
  '原料仓库',
  '成品库',
  '配电室',
  '锅炉房',
  '办公楼',
  '厂区道路',
];
const FINDERS = ['刘安', '周全', '张恒', '孙鼎', '耿建', '阮飞'];
// Enterprises record what they found themselves; the brigade records what its inspections found.
const ENTERPRISE_ORIGINS = [
  'self_check',
  'self_check',
  'self_check',
  'leader_check',
  'accident_lesson',
];
const INSPECTOR_ORIGINS = ['enforcement', 'spot_check'];
const CATEGORIES = ['unsafe_act', 'unsafe_condition', 'management'];

/** The China date `daysAgo` days before today (YYYY-MM-DD). */
function chinaDate(daysAgo: number): string {
  const chinaNow = Date.now() + 8 * 3_600_000;
  return new Date(chinaNow - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Records hazard `i` (every fourth by the inspector, the others by the enterprise) and, for the
 * enterprise's own, moves it along the workflow as its index says.
 */
async function recordHazard(
  session: ApiSession,
  enterpriseId: number,
  i: number,
  byInspector: boolean,
): Promise<void> {
  const immediate = i % 5 < 2;
  const foundAt = chinaDate((i * 7) % 180);
  const created = await session.call<HazardRecord>('POST', '/hazards', {
    enterpriseId,
    level: i % 9 === 0 ? 'major' : 'general',
    title: `${TITLES[i % TITLES.length]}（${i + 1}）`,
    description: `${PLACES[i % PLACES.length]}检查发现：${TITLES[i % TITLES.length]}，已告知现场负责人。`,
    place: PLACES[i % PLACES.length],
    causeAnalysis: '日常管理不到位，岗位人员安全意识不足。',
    category: CATEGORIES[i % CATEGORIES.length],
    origin: byInspector
      ? INSPECTOR_ORIGINS[i % INSPECTOR_ORIGINS.length]
      : ENTERPRISE_ORIGINS[i % ENTERPRISE_ORIGINS.length],
    foundAt,
    foundBy: FINDERS[i % FINDERS.length],
    catalogItemCode: null,
    noCatalogReason: '一般隐患，判定标准未列明',
    treatment: immediate ? 'immediate' : 'deadline',
  });
  if (byInspector) return;
  const key = { 'Idempotency-Key': randomBytes(16).toString('hex') };
  if (immediate && i % 3 !== 0) {
    await session.call(
      'POST',
      `/hazards/${created.id}/actions/fix_on_spot`,
      {
        version: created.version,
        payload: { description: '已当场整改完毕，现场复查无误。', attachmentIds: [] },
      },
      key,
    );
  } else if (!immediate && i % 3 !== 0) {
    // Deadline 30 days after discovery: the older ones are overdue, as in a real ledger.
    const planned = await session.call<HazardRecord>('PUT', `/hazards/${created.id}/plan`, {
      responsiblePerson: FINDERS[(i + 1) % FINDERS.length],
      measures: '更换损坏设施，完善管理制度并对岗位人员开展专项培训。',
      fundsYuan: String(2000 + (i % 10) * 500),
      fundsSource: '安全生产费用',
      deadline: addDays(foundAt, 30),
      emergencyMeasures: '整改期间设置警戒区域，安排专人值守。',
      version: created.version,
    });
    await session.call(
      'POST',
      `/hazards/${created.id}/actions/submit_plan`,
      {
        version: planned.version,
        payload: { comment: null },
      },
      key,
    );
  }
}

/** Records the hazards, the two demo enterprises taking turns, four requests at a time. */
async function seedHazards(count: number): Promise<void> {
  const sessions = await Promise.all(['qiye1_aq', 'qiye2_aq'].map((u) => ApiSession.signIn(u)));
  const inspector = await ApiSession.signIn('zhifa1');
  const enterpriseIds = await Promise.all(
    sessions.map(async (s) => {
      const me = await s.call<{ user: { enterpriseId: number } }>('GET', '/auth/me');
      return me.user.enterpriseId;
    }),
  );
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const byInspector = i % 4 === 3;
      await recordHazard(
        byInspector ? inspector : sessions[i % 2]!,
        enterpriseIds[i % 2]!,
        i,
        byInspector,
      );
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

// --- The browser ----------------------------------------------------------------------------

/**
 * The few browser globals the page-side functions use, typed here because bench/ compiles
 * without the DOM library (the functions are serialised and run in the page).
 */
type PageGlobals = {
  document: {
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
    querySelector(selector: string): { click(): void } | null;
  };
  performance: {
    now(): number;
    getEntriesByType(type: 'resource'): { name: string; responseEnd: number }[];
    clearResourceTimings(): void;
    mark(name: string): void;
  };
};

/** What one measurement returns from the page. */
type Timing = { ms: number; apiEndMs: number | null };

/**
 * Resolves, polled every frame, once `rows` ledger rows are in the DOM, the first differs from
 * `notKey` and no spinner (page, table) shows. Returns the time since `since` (performance.now()
 * origin: the navigation) and when the last ledger API response ended.
 */
async function waitForLedger(page: Page, notKey: string | null, since: number): Promise<Timing> {
  const handle = await page
    .waitForFunction(
      ({ rows, notKey, since }) => {
        const { document, performance } = globalThis as unknown as PageGlobals;
        const rowEls = document.querySelectorAll('.ant-table-tbody > tr.ant-table-row');
        if (rowEls.length < rows) return false;
        if (notKey !== null && rowEls[0]?.getAttribute('data-row-key') === notKey) return false;
        if (document.querySelector('.ant-spin-spinning')) return false;
        const now = performance.now();
        performance.mark('hl-ledger-ready');
        const api = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/api/v1/hazards?'))
          .map((e) => e.responseEnd);
        return { ms: now - since, apiEndMs: api.length > 0 ? Math.max(...api) - since : null };
      },
      { rows: ROWS, notKey, since },
      { polling: 'raf', timeout: 60_000 },
    )
    .catch(async (err: unknown) => {
      throw new Error(`the ledger did not show ${ROWS} rows: ${await describeLedger(page)}`, {
        cause: err,
      });
    });
  return (await handle.jsonValue()) as Timing;
}

/** What the page shows when a wait timed out, for the error message. */
async function describeLedger(page: Page): Promise<string> {
  const state = await page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    return {
      rows: document.querySelectorAll('.ant-table-tbody > tr.ant-table-row').length,
      spinners: document.querySelectorAll('.ant-spin-spinning').length,
    };
  });
  return `${page.url()}: ${state.rows} rows, ${state.spinners} spinners`;
}

async function measureNavigation(page: Page): Promise<Timing> {
  await page.goto(`/hazards?pageSize=${ROWS}`, { waitUntil: 'commit' });
  return waitForLedger(page, null, 0);
}

async function measurePageSwitch(page: Page): Promise<Timing> {
  const firstKey = await page
    .locator('.ant-table-tbody > tr.ant-table-row')
    .first()
    .getAttribute('data-row-key');
  const clickedAt = await page.evaluate(() => {
    const { document, performance } = globalThis as unknown as PageGlobals;
    performance.clearResourceTimings();
    const at = performance.now();
    performance.mark('hl-switch-start');
    document.querySelector('.ant-pagination-item-2')!.click();
    return at;
  });
  return waitForLedger(page, firstKey, clickedAt);
}

/** An event of a Chromium trace (the fields read here). */
type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

const TRACE_KINDS: Record<string, string> = {
  FunctionCall: 'scripting',
  EvaluateScript: 'scripting',
  'v8.callFunction': 'scripting',
  RunMicrotasks: 'scripting',
  TimerFire: 'scripting',
  EventDispatch: 'scripting',
  FireAnimationFrame: 'scripting',
  MajorGC: 'gc',
  MinorGC: 'gc',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
};

/**
 * The page's main thread between the marks hl-switch-start and hl-ledger-ready: CPU time of its
 * tasks (thread time, so other processes on the machine do not inflate it), their wall time, and
 * the wall time by kind of work (innermost classified event, nested events counted once).
 */
function summariseTrace(file: string): {
  cpuMs: number;
  wallMs: number;
  byKind: Record<string, number>;
} {
  const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    traceEvents: TraceEvent[];
  };
  const main = traceEvents.find(
    (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const onMain = traceEvents.filter((e) => e.pid === main?.pid && e.tid === main?.tid);
  const markAt = (name: string) => onMain.find((e) => e.name === name)?.ts;
  const from = markAt('hl-switch-start') ?? -Infinity;
  const to = markAt('hl-ledger-ready') ?? Infinity;
  const events = onMain
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let cpu = 0;
  let wall = 0;
  const byKind: Record<string, number> = {};
  const stack: { end: number; kind: string | null }[] = [];
  let cursor = events[0]?.ts ?? 0;
  const credit = (until: number) => {
    const kind = stack.at(-1)?.kind;
    if (kind && until > cursor) byKind[kind] = (byKind[kind] ?? 0) + (until - cursor) / 1000;
    cursor = Math.max(cursor, until);
  };
  for (const e of events) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) credit(stack.pop()!.end);
    credit(e.ts);
    if (stack.length === 0) {
      cpu += e.tdur ?? 0;
      wall += e.dur!;
    }
    stack.push({ end: e.ts + e.dur!, kind: TRACE_KINDS[e.name] ?? stack.at(-1)?.kind ?? null });
  }
  while (stack.length > 0) credit(stack.pop()!.end);
  const round = (x: number) => Math.round(x);
  return {
    cpuMs: round(cpu / 1000),
    wallMs: round(wall / 1000),
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, round(v)])),
  };
}

/** The V8 CPU profile's functions with the most self time (ms), named `name file:line`. */
function topFunctions(
  profile: {
    nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
    samples?: number[];
    timeDeltas?: number[];
  },
  count: number,
): [string, number][] {
  const nameOf = new Map(
    profile.nodes.map((n) => {
      const file = n.callFrame.url.split('/').pop() ?? '';
      return [
        n.id,
        `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`,
      ];
    }),
  );
  const self = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const name = nameOf.get(id) ?? '?';
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
}

// --- Figures --------------------------------------------------------------------------------

type Stats = { p50: number; p95: number; max: number; samples: number[] };

/** Nearest-rank percentiles, in whole milliseconds. */
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const round = (x: number) => Math.round(x);
  return {
    p50: round(rank(0.5)),
    p95: round(rank(0.95)),
    max: round(sorted.at(-1)!),
    samples: samples.map(round),
  };
}

async function main(): Promise<void> {
  if (!values['no-build']) {
    const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) {
      process.stderr.write(build.stdout + build.stderr);
      process.exit(build.status ?? 1);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-render-'));
  const stopServer = await startServer(dir);
  const browser = await chromium
    .launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
    .catch((err: unknown) => {
      stopServer();
      throw err;
    });
  try {
    const seedStart = Date.now();
    await seedHazards(HAZARDS);
    const admin = await ApiSession.signIn('admin');
    const { total } = await admin.call<{ total: number }>('GET', '/hazards?pageSize=1');
    // The list API alone, for reading the browser figures: how much of them is the server's.
    const apiAlone: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const start = performance.now();
      await admin.call('GET', `/hazards?page=${(run % 2) + 1}&pageSize=${ROWS}`);
      if (run > 0) apiAlone.push(performance.now() - start);
    }
    console.log(
      `Recorded ${HAZARDS} hazards in ${((Date.now() - seedStart) / 1000).toFixed(1)} s; the district bureau sees ${total}.`,
    );
    if (total < ROWS * 2) throw new Error(`only ${total} hazards: page 2 would not be full`);

    const context = await browser.newContext({
      baseURL: BASE,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: /退出登录/ }).waitFor();

    const navigation: Timing[] = [];
    const pageSwitch: Timing[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const nav = await measureNavigation(page);
      const next = await measurePageSwitch(page);
      if (run === 0) continue; // warm-up: chunks fetched, caches filled
      navigation.push(nav);
      pageSwitch.push(next);
    }
    if (values.trace) {
      // Three traced switches (median CPU), then one under the sampling profiler.
      const browserOf = page.context().browser()!;
      const traced: {
        ms: number;
        cpuMs: number;
        wallMs: number;
        byKind: Record<string, number>;
      }[] = [];
      for (let i = 0; i < 3; i++) {
        await measureNavigation(page);
        await browserOf.startTracing(page, { path: `${values.trace}.json` });
        const { ms } = await measurePageSwitch(page);
        await browserOf.stopTracing();
        traced.push({ ms: Math.round(ms), ...summariseTrace(`${values.trace}.json`) });
      }
      traced.sort((a, b) => a.cpuMs - b.cpuMs);
      const median = traced[1]!;
      console.log(`Page switch traced 3 times into ${values.trace}.json (median by CPU):`);
      console.log(
        `  ${median.ms} ms; main thread: ${median.cpuMs} ms CPU, ${median.wallMs} ms busy`,
        median.byKind,
      );
      await measureNavigation(page);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await measurePageSwitch(page);
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(`${values.trace}.cpuprofile`, JSON.stringify(profile));
      console.log(`  busiest functions (self ms, ${values.trace}.cpuprofile):`);
      for (const [name, ms] of topFunctions(profile, 15)) {
        console.log(`    ${ms.toFixed(1).padStart(7)}  ${name}`);
      }
    }
    if (!page.url().includes('page=2') || !page.url().includes(`pageSize=${ROWS}`)) {
      throw new Error(`the ledger URL did not keep its state: ${page.url()}`);
    }

    const nav = stats(navigation.map((t) => t.ms));
    const navApi = stats(navigation.map((t) => t.apiEndMs ?? 0));
    const navAfterData = stats(navigation.map((t) => t.ms - (t.apiEndMs ?? 0)));
    const sw = stats(pageSwitch.map((t) => t.ms));
    const swApi = stats(pageSwitch.map((t) => t.apiEndMs ?? 0));
    const swAfterData = stats(pageSwitch.map((t) => t.ms - (t.apiEndMs ?? 0)));
    const api = stats(apiAlone);
    const pass = nav.p95 < TARGET_MS && sw.p95 < TARGET_MS;

    const line = (name: string, s: Stats) =>
      `  ${name.padEnd(44)}${String(s.p50).padStart(7)}${String(s.p95).padStart(7)}${String(s.max).padStart(7)}`;
    console.log(
      `\nHazard ledger, ${ROWS} rows, headless Chromium, ${RUNS} runs after a warm-up (ms)`,
    );
    console.log(`  ${''.padEnd(44)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'max'.padStart(7)}`);
    console.log(line('(a) navigation → 200 rows, no spinner', nav));
    console.log(line('    of which: until the list API answered', navApi));
    console.log(line('    of which: rendering after the answer', navAfterData));
    console.log(line('(b) page 1 → page 2', sw));
    console.log(line('    of which: until the list API answered', swApi));
    console.log(line('    of which: rendering after the answer', swAfterData));
    console.log(line('(c) the list API alone (Node fetch, 200 rows)', api));
    console.log(`  target: p95 < ${TARGET_MS} ms for both → ${pass ? 'PASS' : 'FAIL'}`);

    const file = mergeWebResults({
      ledgerRender: {
        measuredAt: new Date().toISOString(),
        rows: ROWS,
        hazards: total,
        runs: RUNS,
        targetMs: TARGET_MS,
        pass,
        navigation: { ...nav, listApiAnswered: navApi, renderAfterAnswer: navAfterData },
        pageSwitch: { ...sw, listApiAnswered: swApi, renderAfterAnswer: swAfterData },
        listApiAlone: api,
      },
    });
    console.log(`\nWritten to ${path.relative(ROOT, file)}`);
    if (!pass) process.exitCode = 1;
  } finally {
    await browser.close();
    stopServer();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
