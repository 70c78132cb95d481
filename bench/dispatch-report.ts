// Benchmark of the weekly dispatch reports (issue 9, Performance), on SQLite. Starts from the
// hazard-ledger dataset of bench/hazard-ledger.ts (100,000 enterprises, 2,000,000 hazards; run
// first if missing) and adds, once and cached in a copy, the rest of a province: 500,000 signed
// inspection records with their plans, 50,000 penalty cases with their parties, enforcement
// measures, self-inspections, leader inspections, drills, 20,000 tips with their history and
// rewards, the hazards' verification and supervision history, and the brigades' inspectors.
// Records are spread evenly over 2021–2025 like the hazards, so the 2025 campaign (default
// phases, 05-01 → 12-31) holds about 13 % of them. Then times, for a week late in the campaign:
//   - one district's weekly report, all four sector tables (computeFigures ×4; target < 200 ms),
//   - the same through the app, GET /api/v1/reports/dispatch (adds the 附件5 list; inject, with
//     routing, session, validation and JSON), when the lead's service is there,
//   - the whole province, each sector over all districts (target < 2 s),
//   - the process's RSS, sampled, with its peak per phase (target < 300 MB),
// and with --profile the time of each query and its EXPLAIN QUERY PLAN (bench/plans/), --each
// every district's four tables one by one. Prints the figures and writes them to
// bench/results/<date>-dispatch-report.txt; asserts nothing. The indexes of migration
// 2026-11-29T2110_report_indexes are used when the migrations have applied them.
// Run: npm run bench:report [-- --runs 30 --provinceRuns 5 --profile --fresh]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import {
  addDays,
  defaultMilestones,
  defaultPhases,
  SECTORS,
  type Sector,
} from '@hazard-ledger/domain';
import { type Db, openDatabase } from '../apps/server/src/db/database.js';
import { migrateToLatest } from '../apps/server/src/db/migrate.js';
import {
  computeFigures,
  type FigureQuery,
} from '../apps/server/src/modules/reports/figures.repository.js';

const { values } = parseArgs({
  options: {
    enterprises: { type: 'string', default: '100000' },
    hazards: { type: 'string', default: '2000000' },
    inspections: { type: 'string', default: '500000' },
    penalties: { type: 'string', default: '50000' },
    tips: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '30' },
    provinceRuns: { type: 'string', default: '5' },
    campaignStart: { type: 'string', default: '2025-05-01' },
    /** Monday of the report week. */
    week: { type: 'string', default: '2025-12-15' },
    fresh: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    /** Also time every district's four tables one by one (slow; information only). */
    each: { type: 'boolean', default: false },
    dir: { type: 'string', default: '/tmp/hl-bench' },
    out: { type: 'string' },
  },
});
const INSPECTIONS = Number(values.inspections);
const PENALTIES = Number(values.penalties);
const TIPS = Number(values.tips);
const ledgerFile = path.join(values.dir, `ledger-${values.enterprises}-${values.hazards}.db`);
const reportFile = path.join(
  values.dir,
  `report-${values.enterprises}-${values.hazards}-${INSPECTIONS}-${PENALTIES}-${TIPS}.db`,
);
const repoRoot = path.resolve(import.meta.dirname, '..');
const today = new Date().toISOString().slice(0, 10);
const resultsFile =
  values.out ?? path.join(repoRoot, 'bench/results', `${today}-dispatch-report.txt`);
const plansDir = path.join(repoRoot, 'bench/plans');
const PASSWORD = 'Bench-Pass-2023';
/** The indexes of migration 2026-11-29T2110_report_indexes (the figures say whether they exist). */
const REPORT_INDEXES = [
  'self_inspections_report',
  'hazards_report_major',
  'hazards_report_supervised',
  'hazard_events_supervise',
  'hazard_events_lift_supervision',
  'inspection_records_report',
  'enterprises_report',
  'penalty_cases_report',
  'tips_report',
];

// ---- Dataset ----

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

/** The years the ledger's hazards span (bench/hazard-ledger.ts); other records follow them. */
const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = Math.round((Date.UTC(2025, 11, 31) - FIRST_DAY) / 86_400_000) + 1;
const DAY_MS = 86_400_000;

/** China date of a day number (0 = 2021-01-01). */
function chinaDate(day: number): string {
  return new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
}

/** The stored UTC instant of a China wall-clock time on a day number. */
function chinaInstant(day: number, hour: number, minute = 0): string {
  return new Date(
    FIRST_DAY + day * DAY_MS + (hour - 8) * 3_600_000 + minute * 60_000,
  ).toISOString();
}

/** Picks a key by weight. */
function weighted<T extends string>(
  random: () => number,
  table: readonly (readonly [T, number])[],
) {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [key, w] of table) {
    r -= w;
    if (r < 0) return key;
  }
  return table[table.length - 1]![0];
}

/** Text of roughly `chars` characters, so rows are about as wide as real ones. */
function filler(random: () => number, chars: number): string {
  const words = [
    '安全生产',
    '责任制落实',
    '现场检查',
    '设备设施',
    '安全警示标志',
    '应急预案',
    '特种作业人员持证上岗',
    '动火作业审批',
    '重大危险源监控',
    '防爆电气',
    '安全培训记录',
    '隐患排查治理台账',
  ];
  let s = '';
  while (s.length < chars) s += words[Math.floor(random() * words.length)] + '，';
  return s.slice(0, chars);
}

function hex(random: () => number, length: number): string {
  let s = '';
  while (s.length < length)
    s += Math.floor(random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return s.slice(0, length);
}

type Enterprise = { id: number; district: number; sector: Sector };

function progress(label: string, done: number, total: number): void {
  process.stdout.write(`\r  ${label} ${done.toLocaleString()} / ${total.toLocaleString()}   `);
  if (done >= total) process.stdout.write('\n');
}

/** Inserts `total` rows in transactions of `batch`, reporting progress. */
function inBatches(
  h: SQLite.Database,
  label: string,
  total: number,
  insertOne: (i: number) => void,
  batch = 50_000,
): void {
  for (let done = 0; done < total; done += batch) {
    h.transaction(() => {
      for (let i = done; i < Math.min(total, done + batch); i++) insertOne(i);
    })();
    progress(label, Math.min(total, done + batch), total);
  }
}

function timed(label: string, run: () => void): void {
  const t0 = performance.now();
  run();
  console.log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

/** Adds the report's source records to a copy of the ledger database (raw statements). */
function generateReportData(file: string): void {
  const h = new SQLite(file);
  h.pragma('journal_mode = WAL');
  h.pragma('synchronous = OFF');
  h.pragma('cache_size = -200000');
  const random = rng(20251215);
  const at = '2025-12-31T00:00:00.000Z';

  // Territory: a brigade (执法大队) under each district with its inspectors.
  const districts = h
    .prepare(`SELECT id, name, code, path FROM org_units WHERE kind = 'district' ORDER BY id`)
    .all() as { id: number; name: string; code: string; path: string }[];
  const enterprises = (
    h.prepare('SELECT id, org_unit_id, sector FROM enterprises ORDER BY id').all() as {
      id: number;
      org_unit_id: number;
      sector: Sector;
    }[]
  ).map((e): Enterprise => ({ id: e.id, district: e.org_unit_id, sector: e.sector }));
  const byDistrict = new Map<number, Enterprise[]>();
  for (const e of enterprises) {
    const list = byDistrict.get(e.district) ?? [];
    list.push(e);
    byDistrict.set(e.district, list);
  }
  const inspectors = new Map<number, { id: number; name: string }[]>();
  const insUnit = h.prepare(
    `INSERT INTO org_units (parent_id, kind, name, code, path, created_at) VALUES (?, 'brigade', ?, ?, '', ?)`,
  );
  const setPath = h.prepare('UPDATE org_units SET path = ? WHERE id = ?');
  const insUser = h.prepare(`INSERT INTO users (username, display_name, password_hash, role,
      org_unit_id, sectors, enterprise_id, phone, certificate_no, status, totp_secret, totp_enabled,
      failed_logins, locked_until, last_login_at, password_changed_at, created_at, updated_at, version)
    VALUES (?, ?, 'bench: no login', 'inspector', ?, NULL, NULL, NULL, ?, ?, NULL, 0, 0, NULL, NULL, ?, ?, ?, 1)`);
  timed('brigades and inspectors', () =>
    h.transaction(() => {
      for (const d of districts) {
        const brigade = Number(
          insUnit.run(d.id, `${d.name}执法大队`, `${d.code}-ZF`, at).lastInsertRowid,
        );
        setPath.run(`${d.path}${brigade}/`, brigade);
        const list: { id: number; name: string }[] = [];
        const count = 12 + Math.floor(random() * 20);
        for (let k = 0; k < count; k++) {
          const name = `执法员${d.id}-${k}`;
          const certified = random() < 0.85;
          const active = random() < 0.95;
          const id = Number(
            insUser.run(
              `bench-insp-${d.id}-${k}`,
              name,
              brigade,
              certified ? `ZF${d.id}${String(k).padStart(4, '0')}` : null,
              active ? 'active' : 'disabled',
              at,
              at,
              at,
            ).lastInsertRowid,
          );
          if (active) list.push({ id, name });
        }
        inspectors.set(d.id, list);
      }
    })(),
  );
  const inspectorOf = (district: number) => {
    const list = inspectors.get(district)!;
    return list[Math.floor(random() * list.length)]!;
  };
  const anyEnterprise = () => enterprises[Math.floor(random() * enterprises.length)]!;

  // Inspection plans: about 50 a year per district, of every kind.
  const planKinds = [
    ['random', 30],
    ['self_check_spot', 15],
    ['key_enterprise', 20],
    ['assistance', 20],
    ['complaint', 10],
    ['joint', 5],
  ] as const;
  const plansByDistrictYear = new Map<string, { id: number; kind: string }[]>();
  const insPlan = h.prepare(`INSERT INTO inspection_plans (org_unit_id, name, kind, start_date,
      end_date, sectors, departments, unannounced, cross_area, enterprise_count,
      inspectors_per_target, note, status, created_by, created_by_name, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, '[]', ?, 0, ?, 2, NULL, 'completed', ?, ?, ?, ?, 1)`);
  timed('inspection plans', () =>
    h.transaction(() => {
      for (const d of districts) {
        for (let year = 2021; year <= 2025; year++) {
          const yearStart = Math.round((Date.UTC(year, 0, 1) - FIRST_DAY) / DAY_MS);
          const list: { id: number; kind: string }[] = [];
          const count = 40 + Math.floor(random() * 20);
          for (let k = 0; k < count; k++) {
            const kind = weighted(random, planKinds);
            const day = yearStart + Math.floor(random() * 330);
            const author = inspectorOf(d.id);
            const id = Number(
              insPlan.run(
                d.id,
                `${year}年第${k + 1}批检查计划`,
                kind,
                chinaDate(day),
                chinaDate(day + 30),
                JSON.stringify([SECTORS[k % SECTORS.length]]),
                random() < 0.5 ? 1 : 0,
                20,
                author.id,
                author.name,
                chinaInstant(day, 9),
                chinaInstant(day, 9),
              ).lastInsertRowid,
            );
            list.push({ id, kind });
          }
          plansByDistrictYear.set(`${d.id}-${year}`, list);
        }
      }
    })(),
  );

  // Inspection records: INSPECTIONS signed, plus 2 % drafts and superseded ones.
  const insRecord = h.prepare(`INSERT INTO inspection_records (record_no, district_id,
      enterprise_id, sector, plan_id, plan_target_id, origin, started_at, ended_at, place,
      enterprise_name, content, scorecard, status, canonical_text, content_hash, signed_at,
      created_at, created_by, created_by_name, updated_at, version)
    VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const recordNumbers = new Map<string, number>();
  const recordsByDistrict = new Map<number, number[]>();
  const extraRecords = Math.round(INSPECTIONS * 0.02);
  inBatches(h, 'inspection records', INSPECTIONS + extraRecords, (i) => {
    const e = anyEnterprise();
    const day = Math.floor(random() * DAYS);
    const year = chinaDate(day).slice(0, 4);
    const key = `${e.district}-${year}`;
    const n = (recordNumbers.get(key) ?? 0) + 1;
    recordNumbers.set(key, n);
    const plans = plansByDistrictYear.get(key)!;
    const plan = random() < 0.6 ? plans[Math.floor(random() * plans.length)]! : null;
    const status = i < INSPECTIONS ? 'signed' : random() < 0.5 ? 'draft' : 'superseded';
    const a = inspectorOf(e.district);
    const b = inspectorOf(e.district);
    const hour = 8 + Math.floor(random() * 8);
    const started = chinaInstant(day, hour, Math.floor(random() * 60));
    const ended = chinaInstant(day, hour + 2, Math.floor(random() * 60));
    const content = JSON.stringify({
      inspectors: [
        { userId: a.id, name: a.name },
        { userId: b.id, name: b.name },
      ],
      basis: '《安全生产法》',
      items: filler(random, 220),
      findings: [],
    });
    const id = Number(
      insRecord.run(
        `B${e.district}检${year}-${String(n).padStart(6, '0')}`,
        e.district,
        e.id,
        e.sector,
        plan?.id ?? null,
        plan?.kind === 'self_check_spot' ? 'spot_check' : 'enforcement',
        started,
        ended,
        '生产现场',
        `基准企业${e.id}`,
        content,
        status,
        status === 'draft' ? null : filler(random, 200),
        status === 'draft' ? null : hex(random, 64),
        status === 'draft' ? null : ended,
        started,
        a.id,
        a.name,
        ended,
      ).lastInsertRowid,
    );
    if (status === 'signed') {
      const list = recordsByDistrict.get(e.district) ?? [];
      list.push(id);
      recordsByDistrict.set(e.district, list);
    }
  });

  // Penalty cases: most decided (决定/执行/结案), 1–2 parties (一案双罚 for ~45 %).
  const caseStatuses = [
    ['decided', 35],
    ['executed', 25],
    ['closed', 25],
    ['filed', 5],
    ['investigated', 3],
    ['notified', 4],
    ['withdrawn', 2],
    ['terminated', 1],
  ] as const;
  const insCase = h.prepare(`INSERT INTO penalty_cases (case_no, district_id, enterprise_id,
      sector, matter, facts, filed_on, inspection_record_id, status, notified_on, decision_date,
      decision_major_hazard, decision_hazard_persisted, executed_on, closed_on, created_by,
      created_by_name, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, 1)`);
  const insParty = h.prepare(`INSERT INTO penalty_case_parties (case_id, seq, kind, name,
      position, basis, circumstance, amount_fen, decision_no, decision_text, decision_hash)
    VALUES (?, ?, ?, ?, ?, ?, 'general', ?, ?, ?, ?)`);
  const caseNumbers = new Map<string, number>();
  inBatches(h, 'penalty cases', PENALTIES, () => {
    const e = anyEnterprise();
    const filed = Math.floor(random() * DAYS);
    const year = chinaDate(filed).slice(0, 4);
    const key = `${e.district}-${year}`;
    const n = (caseNumbers.get(key) ?? 0) + 1;
    caseNumbers.set(key, n);
    const status = weighted(random, caseStatuses);
    const decided = status === 'decided' || status === 'executed' || status === 'closed';
    const decisionDay = filed + 20 + Math.floor(random() * 40);
    const records = recordsByDistrict.get(e.district) ?? [];
    const author = inspectorOf(e.district);
    const caseNo = `B${e.district}罚${year}-${String(n).padStart(5, '0')}`;
    const caseId = Number(
      insCase.run(
        caseNo,
        e.district,
        e.id,
        e.sector,
        '未按规定开展隐患排查治理',
        filler(random, 100),
        chinaDate(filed),
        records.length && random() < 0.8 ? records[Math.floor(random() * records.length)]! : null,
        status,
        decided || status === 'notified' ? chinaDate(filed + 15) : null,
        decided ? chinaDate(decisionDay) : null,
        decided ? (random() < 0.1 ? 1 : 0) : null,
        status === 'executed' || status === 'closed' ? chinaDate(decisionDay + 15) : null,
        status === 'closed' ? chinaDate(decisionDay + 30) : null,
        author.id,
        author.name,
        chinaInstant(filed, 10),
        chinaInstant(decided ? decisionDay : filed, 16),
      ).lastInsertRowid,
    );
    const decision = (seq: number) =>
      decided ? [`${caseNo}-${seq}`, filler(random, 150), hex(random, 64)] : [null, null, null];
    const enterpriseFen = random() < 0.05 ? 0 : (1 + Math.floor(random() * 50)) * 1_000_000;
    insParty.run(
      caseId,
      1,
      'enterprise',
      `基准企业${e.id}`,
      null,
      'aqsf_101',
      enterpriseFen,
      ...decision(1),
    );
    if (random() < 0.45) {
      const leaderFen = (2 + Math.floor(random() * 8)) * 1_000_000;
      insParty.run(
        caseId,
        2,
        'main_leader',
        '主要负责人',
        '总经理',
        'aqsf_94',
        leaderFen,
        ...decision(2),
      );
    }
  });

  // Measures against enterprises (通报, 约谈, 联合惩戒, 停产整顿, 提请关闭, 移送司法, 失信名单).
  const measureKinds = [
    ['notification', 30],
    ['interview', 30],
    ['joint_punishment', 8],
    ['suspension', 12],
    ['closure_proposal', 4],
    ['judicial_referral', 6],
    ['dishonesty_list', 10],
  ] as const;
  const insMeasure = h.prepare(`INSERT INTO enforcement_measures (district_id, enterprise_id,
      sector, kind, date, data, penalty_case_id, created_by, created_by_name, created_at,
      updated_at, voided_at, void_reason, voided_by, version)
    VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, NULL, 1)`);
  const MEASURES = Math.round(PENALTIES * 0.4);
  inBatches(h, 'enforcement measures', MEASURES, () => {
    const e = anyEnterprise();
    const day = Math.floor(random() * DAYS);
    const author = inspectorOf(e.district);
    const voided = random() < 0.02;
    insMeasure.run(
      e.district,
      e.id,
      e.sector,
      weighted(random, measureKinds),
      chinaDate(day),
      JSON.stringify({ note: filler(random, 60) }),
      author.id,
      author.name,
      chinaInstant(day, 10),
      chinaInstant(day, 10),
      voided ? chinaInstant(day + 3, 10) : null,
      voided ? '录入错误' : null,
    );
  });

  // Self-inspections (自查自改): about one a year per enterprise, most submitted.
  const SELF = enterprises.length * 3;
  const insSelf = h.prepare(`INSERT INTO self_inspections (enterprise_id, district_id, sector,
      campaign_id, campaign_name, status, inspection_date, inspectors, photo_required, catalogs,
      item_count, problem_count, started_by_user_id, started_by_name, started_at,
      submitted_by_user_id, signer_name, submitted_at, submitted_on, discarded_at, created_at,
      updated_at, version)
    VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, 0, '[]', ?, ?, 1, '安全管理员', ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  inBatches(h, 'self-inspections', SELF, () => {
    const e = anyEnterprise();
    const day = Math.floor(random() * DAYS);
    const submitted = random() < 0.92;
    const startedAt = chinaInstant(day, 9);
    const doneAt = chinaInstant(day, 17);
    insSelf.run(
      e.id,
      e.district,
      e.sector,
      submitted ? 'submitted' : 'discarded',
      chinaDate(day),
      '安全管理员、车间主任',
      40 + Math.floor(random() * 60),
      Math.floor(random() * 5),
      startedAt,
      submitted ? 1 : null,
      submitted ? '主要负责人' : null,
      submitted ? doneAt : null,
      submitted ? chinaDate(day) : null,
      submitted ? null : doneAt,
      startedAt,
      doneAt,
    );
  });

  // Leader inspections (主要负责人带队检查) and emergency drills.
  const LEADER = enterprises.length * 2;
  const insLeader = h.prepare(`INSERT INTO leader_inspections (enterprise_id, inspected_on,
      participants, places, content, items, status, recorded_by, recorded_by_name, recorded_at,
      signed_at, signed_by, signed_by_name, voided_at, void_reason, updated_at, version)
    VALUES (?, ?, '["主要负责人","安全管理人员"]', '["生产车间","仓库"]', ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  inBatches(h, 'leader inspections', LEADER, () => {
    const e = anyEnterprise();
    const day = Math.floor(random() * DAYS);
    const signed = random() < 0.95;
    const voided = random() < 0.01;
    const recorder = inspectorOf(e.district);
    insLeader.run(
      e.id,
      chinaDate(day),
      filler(random, 80),
      signed ? 'signed' : 'draft',
      recorder.id,
      recorder.name,
      chinaInstant(day, 15),
      signed ? chinaInstant(day, 16) : null,
      signed ? recorder.id : null,
      signed ? recorder.name : null,
      voided ? chinaInstant(day + 2, 9) : null,
      voided ? '重复录入' : null,
      chinaInstant(day, 16),
    );
  });
  const DRILLS = Math.round(enterprises.length * 1.5);
  const insDrill = h.prepare(`INSERT INTO emergency_drills (enterprise_id, scenario, drill_type,
      drill_date, participants, equipment_used, equipment_added, evaluation, improvements,
      created_by_user_id, created_at, updated_at, voided_at, void_reason, version)
    VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?, ?, ?, NULL, 1)`);
  inBatches(h, 'emergency drills', DRILLS, () => {
    const e = anyEnterprise();
    const day = Math.floor(random() * DAYS);
    insDrill.run(
      e.id,
      random() < 0.5 ? '危险化学品泄漏应急演练' : '火灾事故应急疏散演练',
      random() < 0.3 ? 'tabletop' : 'field',
      chinaDate(day),
      10 + Math.floor(random() * 90),
      filler(random, 60),
      chinaInstant(day, 16),
      chinaInstant(day, 16),
      random() < 0.01 ? chinaInstant(day + 1, 9) : null,
    );
  });

  // Tips (举报) with their history; rewards for some substantiated ones.
  const tipStatuses = [
    ['received', 5],
    ['accepted', 5],
    ['rejected', 10],
    ['verifying', 10],
    ['verified', 40],
    ['closed', 30],
  ] as const;
  const channels = [
    ['web', 35],
    ['hotline_12350', 35],
    ['phone', 10],
    ['letter', 5],
    ['visit', 5],
    ['informant', 10],
  ] as const;
  const insTip = h.prepare(`INSERT INTO tips (number, receipt_hash, channel, district_id,
      enterprise_id, enterprise_text, sector, place, subject, description, anonymous, insider,
      identity_sealed, status, verification_result, verification_summary, received_at,
      created_by, updated_at, version)
    VALUES (?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, NULL, ?, ?, ?, ?, NULL, ?, 1)`);
  const insTipEvent = h.prepare(`INSERT INTO tip_events (tip_id, action, from_status, to_status,
      actor_id, actor_name, at, note) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`);
  const insReward = h.prepare(`INSERT INTO reward_cases (tip_id, district_id, finding, fine_fen,
      computed_fen, amount_fen, amount_reason, rules_name, status, proposed_by, proposed_by_name,
      proposed_at, approved_by, approved_by_name, approved_at, paid_on, payment_method,
      voucher_no, paid_recorded_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, NULL, '基准省举报奖励办法', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const tipNumbers = new Map<string, number>();
  inBatches(
    h,
    'tips',
    TIPS,
    () => {
      const known = random() < 0.9;
      const e = known ? anyEnterprise() : null;
      const district = e?.district ?? districts[Math.floor(random() * districts.length)]!.id;
      const day = Math.floor(random() * DAYS);
      const year = chinaDate(day).slice(0, 4);
      const key = `${district}-${year}`;
      const n = (tipNumbers.get(key) ?? 0) + 1;
      tipNumbers.set(key, n);
      const status = weighted(random, tipStatuses);
      const checked = status === 'verified' || status === 'closed';
      const result = checked
        ? weighted(random, [
            ['true', 35],
            ['partly_true', 25],
            ['not_true', 40],
          ] as const)
        : null;
      const received = chinaInstant(day, 8 + Math.floor(random() * 10), Math.floor(random() * 60));
      const staff = inspectorOf(district);
      const verifyDay = day + 5 + Math.floor(random() * 25);
      const tipId = Number(
        insTip.run(
          `B${district}举${year}-${String(n).padStart(5, '0')}`,
          weighted(random, channels),
          district,
          e?.id ?? null,
          e ? null : '某无证经营点',
          e?.sector ?? null,
          '违规储存危险化学品',
          filler(random, 120),
          random() < 0.6 ? 1 : 0,
          status,
          result,
          result ? filler(random, 60) : null,
          received,
          checked ? chinaInstant(verifyDay, 11) : received,
        ).lastInsertRowid,
      );
      insTipEvent.run(tipId, 'receive', null, 'received', null, null, received);
      if (status === 'rejected') {
        insTipEvent.run(
          tipId,
          'reject',
          'received',
          'rejected',
          staff.id,
          staff.name,
          chinaInstant(day + 1, 10),
        );
        return;
      }
      if (status === 'received') return;
      insTipEvent.run(
        tipId,
        'accept',
        'received',
        'accepted',
        staff.id,
        staff.name,
        chinaInstant(day + 1, 10),
      );
      if (status === 'accepted') return;
      insTipEvent.run(
        tipId,
        'assign',
        'accepted',
        'verifying',
        staff.id,
        staff.name,
        chinaInstant(day + 2, 10),
      );
      if (!checked) return;
      insTipEvent.run(
        tipId,
        'verify',
        'verifying',
        'verified',
        staff.id,
        staff.name,
        chinaInstant(verifyDay, 11),
      );
      // Now and then a verification is corrected: a second 'verify' event later.
      if (random() < 0.05)
        insTipEvent.run(
          tipId,
          'verify',
          'verified',
          'verified',
          staff.id,
          staff.name,
          chinaInstant(verifyDay + 3, 11),
        );
      if (status === 'closed')
        insTipEvent.run(
          tipId,
          'close',
          'verified',
          'closed',
          staff.id,
          staff.name,
          chinaInstant(verifyDay + 7, 9),
        );
      if ((result === 'true' || result === 'partly_true') && random() < 0.4) {
        const rewardStatus = weighted(random, [
          ['paid', 60],
          ['approved', 20],
          ['proposed', 15],
          ['rejected', 5],
        ] as const);
        const approved = rewardStatus === 'paid' || rewardStatus === 'approved';
        const paid = rewardStatus === 'paid';
        const fen = (5 + Math.floor(random() * 50)) * 10_000;
        insReward.run(
          tipId,
          district,
          random() < 0.3 ? 'major_hazard' : 'violation',
          fen * 10,
          fen,
          fen,
          rewardStatus,
          staff.id,
          staff.name,
          chinaInstant(verifyDay + 10, 10),
          approved ? staff.id : null,
          approved ? staff.name : null,
          approved ? chinaInstant(verifyDay + 20, 10) : null,
          paid ? chinaDate(verifyDay + 35) : null,
          paid ? 'bank_transfer' : null,
          paid ? `PZ${tipId}` : null,
          paid ? chinaInstant(verifyDay + 35, 15) : null,
          chinaInstant(verifyDay + (paid ? 35 : 20), 15),
        );
      }
    },
    5_000,
  );

  // The hazards' history, which the ledger generator leaves out: verification times, the
  // supervision of major hazards (lifted for half of the verified ones) and their events —
  // a creation event for every hazard and one per verification, as the ledger would hold.
  timed('hazards: verification and supervision times', () => {
    h.exec(`UPDATE hazards SET verified_at = strftime('%Y-%m-%dT%H:%M:%fZ', found_at,
        '+' || (1 + (id * 7919) % 60) || ' days', '+2 hours') WHERE status = 'verified'`);
    h.exec(`UPDATE hazards SET supervised_at = strftime('%Y-%m-%dT%H:%M:%fZ', found_at, '+3 days',
        '+1 hours') WHERE supervision_level IS NOT NULL`);
    h.exec(`UPDATE hazards SET supervision_level = NULL
        WHERE supervised_at IS NOT NULL AND status = 'verified' AND id % 2 = 0`);
  });
  timed('hazard events (creation, verification, supervision)', () => {
    h.exec(`INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at)
        SELECT id, 'create', NULL, 'reported', found_by,
          strftime('%Y-%m-%dT01:00:00.000Z', found_at) FROM hazards ORDER BY id`);
    h.exec(`INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at)
        SELECT id, 'verify', 'rectified', 'verified', '验收人员', verified_at
        FROM hazards WHERE verified_at IS NOT NULL ORDER BY id`);
    h.exec(`INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at)
        SELECT id, 'supervise', status, status, '区县应急管理局', supervised_at
        FROM hazards WHERE supervised_at IS NOT NULL ORDER BY id`);
    h.exec(`INSERT INTO hazard_events (hazard_id, action, from_status, to_status, actor_name, at)
        SELECT id, 'lift_supervision', 'verified', 'verified', '区县应急管理局', verified_at
        FROM hazards WHERE supervised_at IS NOT NULL AND supervision_level IS NULL ORDER BY id`);
  });
  // A few enterprises closed over the years (they leave the registered count after closing).
  h.exec(`UPDATE enterprises SET status = 'closed', status_reason = '关闭退出',
      status_date = date('2021-01-01', '+' || ((id * 131) % ${DAYS}) || ' days') WHERE id % 40 = 0`);

  // The province's campaign with the default phases and weekly deadline.
  const region = h
    .prepare(`SELECT id FROM org_units WHERE kind = 'region' ORDER BY id LIMIT 1`)
    .get() as { id: number };
  h.prepare(
    `INSERT INTO campaigns (org_unit_id, name, year, sectors, phases, weekly_weekday,
      weekly_hour, milestones, start_date, end_date, created_at, created_by, created_by_name,
      updated_at, voided_at, void_reason, version)
    VALUES (?, '2025年安全生产专项行动（基准）', 2025, ?, ?, 1, 12, ?, ?, '2025-12-31', ?, NULL,
      '基准', ?, NULL, NULL, 1)`,
  ).run(
    region.id,
    JSON.stringify(SECTORS),
    JSON.stringify(defaultPhases(2025)),
    JSON.stringify(defaultMilestones(2025)),
    defaultPhases(2025)[0]!.start,
    at,
    at,
  );
  timed('ANALYZE', () => h.exec('ANALYZE'));
  h.pragma('wal_checkpoint(TRUNCATE)');
  h.close();
}

async function ensureDataset(): Promise<void> {
  if (!values.fresh && fs.existsSync(reportFile)) return;
  if (!fs.existsSync(ledgerFile)) {
    console.log(`No ledger dataset at ${ledgerFile}: running bench/hazard-ledger.ts first`);
    const run = spawnSync(
      'npx',
      [
        'tsx',
        path.join(repoRoot, 'bench/hazard-ledger.ts'),
        '--enterprises',
        values.enterprises,
        '--hazards',
        values.hazards,
        '--requests',
        '1',
        '--dir',
        values.dir,
      ],
      { stdio: 'inherit', cwd: repoRoot },
    );
    if (run.status !== 0 || !fs.existsSync(ledgerFile))
      throw new Error('bench/hazard-ledger.ts did not produce the ledger dataset');
  }
  console.log(`Adding the report records to a copy of ${ledgerFile} → ${reportFile}`);
  const t0 = performance.now();
  const ledger = new SQLite(ledgerFile);
  ledger.pragma('wal_checkpoint(TRUNCATE)');
  ledger.close();
  const partial = `${reportFile}.partial`;
  for (const f of [reportFile, partial].flatMap((b) => [b, `${b}-wal`, `${b}-shm`]))
    fs.rmSync(f, { force: true });
  fs.copyFileSync(ledgerFile, partial);
  const db = openDatabase({ dialect: 'sqlite', file: partial });
  await migrateToLatest(db.kysely);
  await db.kysely.destroy();
  generateReportData(partial);
  // Renamed only when complete: a half-built file is never taken for the cache.
  fs.renameSync(partial, reportFile);
  console.log(`  generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// ---- Measurement ----

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Resident memory now: total, and the anonymous (heap) and file-backed (mmap) parts. */
function memory(): { rss: number; anon: number; file: number; heap: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kb = (name: string) =>
    Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const usage = process.memoryUsage();
  return {
    rss: usage.rss,
    anon: kb('RssAnon'),
    file: kb('RssFile') + kb('RssShmem'),
    heap: usage.heapTotal,
  };
}

/**
 * Samples the memory on a timer and whenever asked (queries run synchronously, so both), and
 * keeps the peak of each phase of the benchmark.
 */
class MemoryPeak {
  peak = memory();
  readonly phases: { name: string; peak: ReturnType<typeof memory> }[] = [];
  private phasePeak = memory();
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(() => this.sample(), 10);
  }
  sample(): void {
    const m = memory();
    if (m.rss > this.peak.rss) this.peak = m;
    if (m.rss > this.phasePeak.rss) this.phasePeak = m;
  }
  /** Ends a phase: its peak is kept under `name`. */
  phase(name: string): void {
    this.sample();
    this.phases.push({ name, peak: this.phasePeak });
    this.phasePeak = memory();
  }
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/**
 * Records the time and rows of each query, and its SQL for EXPLAIN QUERY PLAN. computeFigures
 * issues its queries together and the single SQLite connection runs them one after another, so
 * a query's own time runs from the end of the one before it (or its start, if later) to its end.
 */
class QueryProfile implements KyselyPlugin {
  readonly queries: {
    label: string;
    sql: string;
    parameters: readonly unknown[];
    start: number;
    end: number;
    rows: number;
  }[] = [];
  private readonly pending = new Map<
    object,
    { sql: string; parameters: readonly unknown[]; t0: number }
  >();
  constructor(
    private readonly compile: (args: PluginTransformQueryArgs) => {
      sql: string;
      parameters: readonly unknown[];
    },
  ) {}
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
        label: queryLabel(p.sql, p.parameters),
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

/** Names a figures query by the tables it reads (and what tells same-table queries apart). */
function queryLabel(sql: string, parameters: readonly unknown[]): string {
  const from = /from "(\w+)"/.exec(sql)?.[1] ?? '?';
  const joins = [...sql.matchAll(/join "(\w+)"/g)].map((m) => m[1]);
  let label = [from, ...joins].join(' + ');
  if (sql.includes('"plan_responsible"')) return `${label} (附件5 open major hazards list)`;
  if (from === 'hazards' && joins.length === 0)
    label += sql.includes('"deadline" <') ? ' (overdue)' : ' (major found/rectified)';
  if (joins.includes('hazard_events'))
    label += parameters.includes('lift_supervision') ? ' (lifted)' : ' (supervised)';
  return label;
}

async function main(): Promise<void> {
  await ensureDataset();
  const lines: string[] = [];
  const out = (line = '') => {
    console.log(line);
    lines.push(line);
  };
  const db = openDatabase({ dialect: 'sqlite', file: reportFile });
  const applied = await migrateToLatest(db.kysely);
  if (applied.length)
    console.log(`  migrations applied to the cached dataset: ${applied.join(', ')}`);
  const districts = (
    await db.kysely
      .selectFrom('org_units')
      .select('id')
      .where('kind', '=', 'district')
      .orderBy('id')
      .execute()
  ).map((d) => Number(d.id));
  const raw = new SQLite(reportFile, { readonly: true });
  const count = (table: string) =>
    (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n.toLocaleString();
  const indexes = REPORT_INDEXES.filter((name) =>
    raw.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).get(name),
  );
  const weekFrom = values.week;
  const weekTo = addDays(weekFrom, 6);
  const campaignStart = values.campaignStart;
  const query = (districtIds: number[], sector: Sector): FigureQuery => ({
    districtIds,
    sector,
    campaignStart,
    weekFrom,
    weekTo,
  });
  out(`Dispatch report benchmark (SQLite, ${today})`);
  out(
    `  dataset: ${count('enterprises')} enterprises, ${count('hazards')} hazards (${count('hazard_events')} events), ` +
      `${count(`inspection_records WHERE status = 'signed'`)} signed inspection records, ` +
      `${count('penalty_cases')} penalty cases, ${count('enforcement_measures')} measures,`,
  );
  out(
    `           ${count('self_inspections')} self-inspections, ${count('leader_inspections')} leader inspections, ` +
      `${count('emergency_drills')} drills, ${count('tips')} tips, ${count(`users WHERE role = 'inspector'`)} inspectors; ` +
      `${districts.length} districts`,
  );
  // How much of it the report's cumulative period holds (campaign start → the week's Sunday).
  const cumEnd = addDays(weekTo, 1);
  out(
    `  in the cumulative period: ${count(`inspection_records WHERE status = 'signed' AND substr(started_at, 1, 10) >= '${campaignStart}' AND started_at < '${cumEnd}'`)} signed inspections, ` +
      `${count(`penalty_cases WHERE decision_date >= '${campaignStart}' AND decision_date < '${cumEnd}'`)} decided penalty cases, ` +
      `${count(`hazards WHERE level = 'major' AND found_at >= '${campaignStart}' AND found_at < '${cumEnd}'`)} major hazards found ` +
      `(of ${count(`hazards WHERE found_at >= '${campaignStart}' AND found_at < '${cumEnd}'`)} hazards)`,
  );
  raw.close();
  out(
    `  campaign ${campaignStart} → week ${weekFrom} – ${weekTo}; report indexes: ${indexes.length ? indexes.join(', ') : 'none'}`,
  );
  out();

  const mem = new MemoryPeak();
  const rssBefore = memory();
  mem.start();
  const random = rng(9);
  const pickDistrict = () => districts[Math.floor(random() * districts.length)]!;

  // (a) One district's weekly report: the four sector tables.
  const RUNS = Number(values.runs);
  const districtTimes: number[] = [];
  const sectorTimes = new Map<Sector, number[]>(SECTORS.map((s) => [s, []]));
  for (let run = -3; run < RUNS; run++) {
    const district = pickDistrict();
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const s0 = performance.now();
      await computeFigures(db.kysely, query([district], sector));
      mem.sample();
      if (run >= 0) sectorTimes.get(sector)!.push(performance.now() - s0);
    }
    if (run >= 0) districtTimes.push(performance.now() - t0);
  }
  districtTimes.sort((a, b) => a - b);
  const row = (label: string, sorted: number[], target?: string) =>
    out(
      `  ${label.padEnd(58)} p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms   max ${sorted[sorted.length - 1]!.toFixed(1).padStart(7)} ms${target ? `   target ${target}` : ''}`,
    );
  out(`computeFigures (the 14 figure queries), ${RUNS} runs, a random district each run:`);
  row("one district's weekly report, all four tables", districtTimes, '< 200 ms');
  for (const sector of SECTORS)
    row(
      `  one table: ${sector}`,
      [...sectorTimes.get(sector)!].sort((a, b) => a - b),
    );

  mem.phase("one district's reports (computeFigures)");

  // (b) Through the app, with the 附件5 list, when the lead's service has landed.
  const serviceFile = path.join(repoRoot, 'apps/server/src/modules/reports/dispatch.service.ts');
  if (fs.existsSync(serviceFile)) {
    // The service is young: a failure to load or answer is reported, not fatal to the figures.
    await timeEndpoint(db, districts, mem, out, row, weekFrom).catch((e: unknown) =>
      out(
        `GET /api/v1/reports/dispatch: not timed — ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      ),
    );
  } else {
    out(
      'GET /api/v1/reports/dispatch: not timed — apps/server/src/modules/reports/dispatch.service.ts does not exist yet',
    );
  }
  mem.phase('GET /reports/dispatch (4 tables)');

  // (c) The whole province: each sector over all districts.
  const provinceRuns = Number(values.provinceRuns);
  const provinceTimes: number[] = [];
  const provinceSector = new Map<Sector, number[]>(SECTORS.map((s) => [s, []]));
  for (let run = -1; run < provinceRuns; run++) {
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const s0 = performance.now();
      await computeFigures(db.kysely, query(districts, sector));
      mem.sample();
      if (run >= 0) provinceSector.get(sector)!.push(performance.now() - s0);
    }
    if (run >= 0) provinceTimes.push(performance.now() - t0);
  }
  provinceTimes.sort((a, b) => a - b);
  out(
    `computeFigures over all ${districts.length} districts (one report per sector), ${provinceRuns} runs:`,
  );
  row("the whole province's report, all four tables", provinceTimes, '< 2 s');
  for (const sector of SECTORS)
    row(
      `  one table: ${sector}`,
      [...provinceSector.get(sector)!].sort((a, b) => a - b),
    );
  // Every district's own four tables one after another (what generating all drafts costs).
  if (values.each) {
    const t0 = performance.now();
    for (const district of districts)
      for (const sector of SECTORS) {
        await computeFigures(db.kysely, query([district], sector));
        mem.sample();
      }
    out(
      `  every district's four tables one by one (${districts.length * 4} reports)`.padEnd(60) +
        `${((performance.now() - t0) / 1000).toFixed(2).padStart(7)} s   (information)`,
    );
  }

  mem.phase("the province's reports");
  mem.stop();
  out();
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  const described = (m: ReturnType<typeof memory>) =>
    `RSS ${mb(m.rss).padStart(7)} = ${mb(m.anon).padStart(7)} anonymous (JS heap ${mb(m.heap)}, SQLite page cache, code) + ${mb(m.file).padStart(7)} file-backed (node binary, mmap of the database)`;
  out(`Memory (process RSS sampled every 10 ms and after each report; target < 300 MB):`);
  out(`  ${'before the first report'.padEnd(40)} ${described(rssBefore)}`);
  for (const p of mem.phases) out(`  ${`peak: ${p.name}`.padEnd(40)} ${described(p.peak)}`);

  if (values.profile) await profile(db, districts, query, out);

  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${lines.join('\n')}\n`);
  console.log(`\nWritten to ${path.relative(repoRoot, resultsFile)}`);
  await db.kysely.destroy();
}

/**
 * Times the real endpoint through the app (routing, auth, validation, SQL, 附件5, JSON). A live
 * draft is shown only to the district's own staff, so each sampled district gets a bureau user.
 */
async function timeEndpoint(
  db: Db,
  districts: number[],
  mem: MemoryPeak,
  out: (line?: string) => void,
  row: (label: string, sorted: number[], target?: string) => void,
  weekFrom: string,
): Promise<void> {
  const [{ buildApp }, { loadConfig }, { hashPassword }] = await Promise.all([
    import('../apps/server/src/app.js'),
    import('../apps/server/src/config.js'),
    import('../apps/server/src/lib/passwords.js'),
  ]);
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: { dialect: 'sqlite' as const, file: reportFile },
    seedDemo: false,
  };
  const random = rng(11);
  const sampled = [
    ...new Set(
      Array.from({ length: 8 }, () => districts[Math.floor(random() * districts.length)]!),
    ),
  ];
  const hash = await hashPassword(PASSWORD);
  const now = new Date().toISOString();
  for (const district of sampled) {
    const username = `bench_report_${district}`;
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
    if (exists) continue;
    await db.kysely
      .insertInto('users')
      .values({
        username,
        display_name: username,
        password_hash: hash,
        role: 'bureau_admin',
        org_unit_id: district,
        sectors: null,
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
  const app = await buildApp(config, { db, logger: false });
  const cookies = new Map<number, string>();
  for (const district of sampled) {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: `bench_report_${district}`, password: PASSWORD },
    });
    const session = login.cookies.find((c) => c.name === 'hl_session');
    if (!session) {
      out(
        `GET /api/v1/reports/dispatch: not timed — login failed (${login.statusCode} ${login.body.slice(0, 200)})`,
      );
      await app.close();
      return;
    }
    cookies.set(district, `hl_session=${session.value}`);
  }
  mem.phase('loading the app, logging in');
  const url = (district: number, sector: Sector) =>
    `/api/v1/reports/dispatch?districtId=${district}&sector=${sector}&kind=weekly&week=${weekFrom}`;
  const probe = await app.inject({
    method: 'GET',
    url: url(sampled[0]!, 'hazchem'),
    headers: { cookie: cookies.get(sampled[0]!)! },
  });
  if (probe.statusCode !== 200) {
    out(
      `GET /api/v1/reports/dispatch: not timed — ${probe.statusCode} ${probe.body.slice(0, 300)}`,
    );
    await app.close();
    return;
  }
  const times: number[] = [];
  let bytes = 0;
  let listRows = 0;
  for (let run = -3; run < Number(values.runs); run++) {
    const district = sampled[Math.floor(random() * sampled.length)]!;
    const t0 = performance.now();
    for (const sector of SECTORS) {
      const res = await app.inject({
        method: 'GET',
        url: url(district, sector),
        headers: { cookie: cookies.get(district)! },
      });
      mem.sample();
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      bytes = Math.max(bytes, res.body.length);
      listRows = Math.max(
        listRows,
        (JSON.parse(res.body) as { hazardListTotal: number }).hazardListTotal,
      );
    }
    if (run >= 0) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  out(
    `GET /api/v1/reports/dispatch through the app (inject; adds the 附件5 list), ${values.runs} runs over ${sampled.length} districts:`,
  );
  row("one district's weekly report, all four tables", times, '< 200 ms');
  out(
    `  largest response ${(bytes / 1024).toFixed(0)} KB; longest 附件5 list ${listRows} open major hazards`,
  );
  await app.close();
}

/** One district and the province, query by query, with the plans written to bench/plans/. */
async function profile(
  db: Db,
  districts: number[],
  query: (districtIds: number[], sector: Sector) => FigureQuery,
  out: (line?: string) => void,
): Promise<void> {
  const executor = db.kysely.getExecutor();
  const explain = new SQLite(reportFile, { readonly: true });
  fs.mkdirSync(plansDir, { recursive: true });
  const scopes: [string, number[]][] = [
    ['district', [districts[Math.floor(districts.length / 2)]!]],
    ['province', districts],
  ];
  for (const [scope, ids] of scopes) {
    const plugin = new QueryProfile((args) => executor.compileQuery(args.node, args.queryId));
    const profiled = db.kysely.withPlugin(plugin);
    await computeFigures(profiled, query(ids, 'hazchem'));
    plugin.queries.length = 0;
    const q = query(ids, 'hazchem');
    await computeFigures(profiled, q);
    // The open major hazards list (附件5) the report view adds, when the lead's module is there.
    const hazardList =
      await import('../apps/server/src/modules/reports/hazard-list.repository.js').catch(
        () => null,
      );
    await hazardList?.openMajorHazards(profiled, {
      districtIds: ids,
      sector: 'hazchem',
      periodTo: q.weekTo,
    });
    out();
    out(`Per query, ${scope === 'district' ? 'one district' : 'the province'}, hazchem:`);
    const plans: string[] = [];
    let previousEnd = 0;
    for (const q of plugin.queries) {
      const ms = q.end - Math.max(previousEnd, q.start);
      previousEnd = q.end;
      out(
        `  ${q.label.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms ${q.rows.toLocaleString().padStart(9)} rows`,
      );
      const plan = explain
        .prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
        .all(...(q.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, 0]]);
      plans.push(`-- ${q.label}: ${ms.toFixed(1)} ms, ${q.rows} rows`, q.sql);
      for (const p of plan) {
        const d = (depth.get(p.parent) ?? 0) + 1;
        depth.set(p.id, d);
        plans.push(`${'  '.repeat(d)}${p.detail}`);
      }
      plans.push('');
    }
    fs.writeFileSync(path.join(plansDir, `dispatch-report-${scope}.txt`), `${plans.join('\n')}\n`);
  }
  explain.close();
}

await main();
