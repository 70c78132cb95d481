// Benchmark of the hazard ledger (issue 5 targets), on SQLite (or PostgreSQL with BENCH_PG=1 and
// TEST_DATABASE_URL, generating through the same SQL). Builds (once, cached) a province-scale
// dataset — 100,000 enterprises and 2,000,000 hazards by default — then times, through the real
// app (inject: routing, auth, validation, SQL, serialisation):
//   - the ledger list with two filters and a sort (p50/p95/p99),
//   - counts per status for one district,
//   - the streaming export of 100,000 rows (time and peak RSS).
// Prints the figures; asserts nothing. Run: npm run bench:ledger [-- --hazards 2000000 --fresh]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { creditCodeCheckChar, CREDIT_CODE_ALPHABET } from '@hazard-ledger/domain';
import { buildApp } from '../apps/server/src/app.js';
import { loadConfig } from '../apps/server/src/config.js';
import { openDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import { hashPassword } from '../apps/server/src/lib/passwords.js';

const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '100000' },
    hazards: { type: 'string', default: '2000000' },
    requests: { type: 'string', default: '300' },
    fresh: { type: 'boolean', default: false },
    dir: { type: 'string', default: '/tmp/hl-bench' },
  },
});
const ENTERPRISES = Number(values.enterprises);
const HAZARDS = Number(values.hazards);
const dbFile = path.join(values.dir, `ledger-${ENTERPRISES}-${HAZARDS}.db`);
const PASSWORD = 'Bench-Pass-2023';

/** A deterministic pseudo-random generator (mulberry32), so the dataset is reproducible. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function creditCode(i: number): string {
  let body = '9115';
  let n = i;
  for (let k = 0; k < 13; k++) {
    body += CREDIT_CODE_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + creditCodeCheckChar(body)!;
}

async function generate(): Promise<void> {
  fs.mkdirSync(values.dir, { recursive: true });
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabase({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(db.kysely);
  await db.kysely.destroy();
  const h = new SQLite(dbFile);
  h.pragma('journal_mode = WAL');
  h.pragma('synchronous = OFF');
  const random = rng(20230519);
  const at = '2023-05-19T00:00:00.000Z';
  const insUnit = h.prepare(
    'INSERT INTO org_units (parent_id, kind, name, code, path, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const setPath = h.prepare('UPDATE org_units SET path = ? WHERE id = ?');
  const districts: number[] = [];
  h.transaction(() => {
    const region = Number(
      insUnit.run(null, 'region', '基准省应急管理厅', 'B', '', at).lastInsertRowid,
    );
    setPath.run(`/${region}/`, region);
    for (let c = 0; c < 12; c++) {
      const city = Number(
        insUnit.run(region, 'city', `基准市${c}应急管理局`, `B-${c}`, '', at).lastInsertRowid,
      );
      setPath.run(`/${region}/${city}/`, city);
      for (let d = 0; d < 9; d++) {
        const district = Number(
          insUnit.run(city, 'district', `基准${c}-${d}区应急管理局`, `B-${c}-${d}`, '', at)
            .lastInsertRowid,
        );
        setPath.run(`/${region}/${city}/${district}/`, district);
        districts.push(district);
      }
    }
  })();
  const sectors = ['hazchem', 'hazchem', 'fireworks', 'mining', 'industry', 'industry', 'industry'];
  const subTypes: Record<string, string[]> = {
    hazchem: ['production', 'storage', 'trade', 'use'],
    fireworks: ['production', 'wholesale', 'retail'],
    mining: ['underground', 'open_pit', 'tailings_pond'],
    industry: ['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light'],
  };
  const insEnt =
    h.prepare(`INSERT INTO enterprises (name, credit_code, sector, sub_type, tags, org_unit_id, status, licences, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, '[]', ?, 'operating', '[]', ?, ?, 1)`);
  const enterprises: { id: number; district: number; sector: string }[] = [];
  h.transaction(() => {
    for (let i = 0; i < ENTERPRISES; i++) {
      const sector = sectors[Math.floor(random() * sectors.length)]!;
      const district = districts[Math.floor(random() * districts.length)]!;
      const sub = subTypes[sector]![Math.floor(random() * subTypes[sector]!.length)]!;
      const id = Number(
        insEnt.run(`基准企业${i}`, creditCode(i), sector, sub, district, at, at).lastInsertRowid,
      );
      enterprises.push({ id, district, sector });
    }
  })();
  const insHaz =
    h.prepare(`INSERT INTO hazards (number, district_id, enterprise_id, sector, level, title, description, origin, found_at, found_by,
      treatment, status, deadline, supervision_level, plan_funds_fen, created_by_user_id, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 1)`);
  const origins = [
    'self_check',
    'self_check',
    'leader_check',
    'enforcement',
    'enforcement',
    'spot_check',
    'tip',
    'accident_lesson',
  ];
  const counters = new Map<string, number>();
  const start = Date.parse('2021-01-01');
  const span = Date.parse('2025-12-31') - start;
  const batch = 50_000;
  for (let done = 0; done < HAZARDS; done += batch) {
    h.transaction(() => {
      for (let i = done; i < Math.min(HAZARDS, done + batch); i++) {
        const e = enterprises[Math.floor(random() * enterprises.length)]!;
        const found = new Date(start + random() * span).toISOString().slice(0, 10);
        const year = found.slice(0, 4);
        const key = `${e.district}-${year}`;
        const n = (counters.get(key) ?? 0) + 1;
        counters.set(key, n);
        const major = random() < 0.08;
        const r = random();
        // Older hazards are mostly closed; recent ones spread over the loop.
        const old = found < '2025-06-01';
        const status = old
          ? r < 0.93
            ? 'verified'
            : r < 0.97
              ? 'rectifying'
              : 'rectified'
          : r < 0.45
            ? 'verified'
            : r < 0.6
              ? 'reported'
              : r < 0.7
                ? 'planned'
                : r < 0.9
                  ? 'rectifying'
                  : 'rectified';
        const deadline = new Date(Date.parse(found) + (15 + Math.floor(random() * 90)) * 86400000)
          .toISOString()
          .slice(0, 10);
        insHaz.run(
          `B${e.district}-${year}-${String(n).padStart(6, '0')}`,
          e.district,
          e.id,
          e.sector,
          major ? 'major' : 'general',
          `基准隐患${i}`,
          '基准数据：设备设施存在缺陷，需限期整改',
          origins[Math.floor(random() * origins.length)],
          found,
          '检查人员',
          'deadline',
          status,
          deadline,
          major && random() < 0.2 ? 'district' : null,
          Math.floor(random() * 5_000_000),
          at,
          at,
        );
      }
    })();
    process.stdout.write(
      `\r  hazards ${Math.min(HAZARDS, done + batch).toLocaleString()} / ${HAZARDS.toLocaleString()}`,
    );
  }
  process.stdout.write('\n');
  h.prepare('ANALYZE').run();
  h.close();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function main(): Promise<void> {
  if (values.fresh || !fs.existsSync(dbFile)) {
    console.log(
      `Generating ${ENTERPRISES.toLocaleString()} enterprises and ${HAZARDS.toLocaleString()} hazards → ${dbFile}`,
    );
    const t0 = performance.now();
    await generate();
    console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: { dialect: 'sqlite' as const, file: dbFile },
    seedDemo: false,
  };
  const db = openDatabase(config.database);
  await migrateToLatest(db.kysely);
  const district = await db.kysely
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('kind', '=', 'district')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const city = await db.kysely
    .selectFrom('org_units')
    .select(['id'])
    .where('kind', '=', 'city')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(PASSWORD);
  const now = new Date().toISOString();
  for (const [username, role, unit, sectors] of [
    ['bench_district', 'bureau_admin', district.id, null],
    ['bench_city', 'city', city.id, null],
  ] as const) {
    await db.kysely
      .deleteFrom('sessions')
      .where(
        'user_id',
        'in',
        db.kysely.selectFrom('users').select('id').where('username', '=', username),
      )
      .execute();
    const exists = await db.kysely
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!exists) {
      await db.kysely
        .insertInto('users')
        .values({
          username,
          display_name: username,
          password_hash: hash,
          role,
          org_unit_id: unit,
          sectors,
          enterprise_id: null,
          phone: null,
          certificate_no: null,
          status: 'active',
          totp_secret: null,
          totp_enabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
    }
  }
  const app = await buildApp(config, { db, logger: false });
  const login = async (username: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    return `hl_session=${res.cookies.find((c) => c.name === 'hl_session')!.value}`;
  };
  const districtCookie = await login('bench_district');
  const cityCookie = await login('bench_city');
  const random = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const filters = [
    () =>
      `sector=${pick(['hazchem', 'fireworks', 'mining', 'industry'])}&status=${pick(['reported', 'rectifying', 'verified', 'rectified'])}`,
    () => `level=major&overdue=true`,
    () => `status=${pick(['rectifying', 'planned'])}&origin=${pick(['self_check', 'enforcement'])}`,
    () => `supervised=true&sector=${pick(['hazchem', 'industry'])}`,
    () => `foundFrom=2025-01-01&foundTo=2025-06-30&level=${pick(['major', 'general'])}`,
  ];
  const sorts = ['foundAt', 'deadline', 'updatedAt', 'number'];
  const timeRequests = async (label: string, cookie: string, url: () => string) => {
    const n = Number(values.requests);
    for (let i = 0; i < 10; i++)
      await app.inject({ method: 'GET', url: url(), headers: { cookie } });
    const times: number[] = [];
    const slowest: [number, string][] = [];
    for (let i = 0; i < n; i++) {
      const target = url();
      const t0 = performance.now();
      const res = await app.inject({ method: 'GET', url: target, headers: { cookie } });
      times.push(performance.now() - t0);
      slowest.push([times[times.length - 1]!, target]);
      if (res.statusCode !== 200)
        throw new Error(`${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    if (process.env.BENCH_VERBOSE) {
      for (const [ms, u] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 5))
        console.log(`      ${ms.toFixed(0)} ms ${u}`);
    }
    console.log(
      `  ${label.padEnd(48)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   p99 ${percentile(times, 99).toFixed(1).padStart(6)} ms`,
    );
  };
  console.log(
    `Hazard ledger benchmark (SQLite, ${HAZARDS.toLocaleString()} hazards, ${ENTERPRISES.toLocaleString()} enterprises; ${values.requests} requests each)`,
  );
  const listUrl = () =>
    `/api/v1/hazards?${pick(filters)()}&sort=${pick(sorts)}&order=${pick(['asc', 'desc'])}&pageSize=20&page=${1 + Math.floor(random() * 5)}`;
  await timeRequests('ledger list, district user, 2 filters + sort', districtCookie, listUrl);
  await timeRequests('ledger list, city user, 2 filters + sort', cityCookie, listUrl);
  await timeRequests(
    'counts per status, one district (list, 1 row)',
    districtCookie,
    () => `/api/v1/hazards?pageSize=1`,
  );
  const one = await db.kysely
    .selectFrom('hazards')
    .select('id')
    .where('district_id', '=', district.id)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await timeRequests('hazard page', districtCookie, () => `/api/v1/hazards/${one.id}`);

  // Export: stream ~100,000 rows of one city and watch memory.
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const startRss = process.memoryUsage().rss;
  const t0 = performance.now();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const res = await fetch(
    `http://127.0.0.1:${address.port}/api/v1/hazards/export?foundFrom=2021-01-01`,
    { headers: { cookie: cityCookie } },
  );
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const exported = await db.kysely
    .selectFrom('hazards')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'district_id',
      'in',
      db.kysely.selectFrom('org_units').select('id').where('path', 'like', `%/${city.id}/%`),
    )
    .executeTakeFirstOrThrow();
  console.log(
    `  export of one city (${Number(exported.n).toLocaleString()} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB xlsx)   ${seconds.toFixed(1)} s   RSS ${(startRss / 1e6).toFixed(0)} → peak ${(peak / 1e6).toFixed(0)} MB`,
  );
  await app.close();
  await db.kysely.destroy();
}

await main();
