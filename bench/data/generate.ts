// The benchmark dataset generator (issue 11): a province, city or district worth of five years of
// campaign work, simulated day by day up to an end date so ids, numbers and the audit chain run
// in time order as in a real ledger. Hazards follow the closed loop (登记 → 方案 → 整改 → 验收销号,
// or 立即整改) with realistic durations, so the status mix and the overdue share come out of the
// simulation rather than being assigned; inspections, penalty cases, enforcement measures,
// self-inspections, leader inspections, drills and tips (with their history and rewards) are spread
// over the same days. Every record gets its audit entries, hash-chained as the app writes them.
// Writes through the app's database layer (bench/data/writer.ts) into an empty, migrated database.
import {
  addDays,
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  defaultMilestones,
  defaultPhases,
  enforcementFigures,
  reportWeekOf,
  type Sector,
  SECTORS,
  weeklyDueAt,
} from '@hazard-ledger/domain';
import type { Db } from '../../apps/server/src/db/database.js';
import { openSqlite } from '../../apps/server/src/db/dialect.js';
import type { AuditHashAlgorithm } from '../../apps/server/src/modules/audit/audit.writer.js';
import { districtPrefix, recordNumber } from '../../apps/server/src/modules/inspections/inspection-access.js';
import { tipNumberPrefix } from '../../apps/server/src/modules/tips/tips.service.js';
import { idsOf, numbersOf } from '../../apps/server/src/modules/reports/dispatch.service.js';
import { computeFigures } from '../../apps/server/src/modules/reports/figures.repository.js';
import { openMajorHazards } from '../../apps/server/src/modules/reports/hazard-list.repository.js';
import { layoutsInForce } from '../../apps/server/src/modules/reports/layouts.service.js';
import { HistoryClock } from './clock.js';
import type { DatasetManifest, Scale } from './manifest.js';
import {
  cityName,
  districtName,
  enterpriseName,
  filler,
  hex,
  personName,
  pick,
  type Random,
  randomInt,
  seededRandom,
  weighted,
} from './random.js';
import {
  type AuditActor,
  AuditChain,
  BatchWriter,
  KyselyBackend,
  SqliteBackend,
} from './writer.js';

export type ScaleSize = {
  cities: number;
  districtsPerCity: number;
  enterprises: number;
  hazards: number;
  inspections: number;
  penalties: number;
  tips: number;
};

/** Sizes of the three scales; province is the figure of issue 11. */
export const SCALE_SIZES: Record<Scale, ScaleSize> = {
  district: {
    cities: 1,
    districtsPerCity: 1,
    enterprises: 1_000,
    hazards: 20_000,
    inspections: 5_000,
    penalties: 500,
    tips: 200,
  },
  city: {
    cities: 1,
    districtsPerCity: 9,
    enterprises: 10_000,
    hazards: 200_000,
    inspections: 50_000,
    penalties: 5_000,
    tips: 2_000,
  },
  province: {
    cities: 12,
    districtsPerCity: 9,
    enterprises: 100_000,
    hazards: 2_000_000,
    inspections: 500_000,
    penalties: 50_000,
    tips: 20_000,
  },
};

/** Years of history the dataset holds, ending at `until`. */
export const HISTORY_YEARS = 5;

/** Sector proportions of a province's supervised enterprises (industry-trade is the bulk). */
const SECTOR_WEIGHTS: readonly (readonly [Sector, number])[] = [
  ['hazchem', 24],
  ['fireworks', 8],
  ['mining', 10],
  ['industry', 58],
];
const SUB_TYPES: Record<Sector, readonly string[]> = {
  hazchem: ['production', 'storage', 'trade', 'use'],
  fireworks: ['production', 'wholesale', 'retail'],
  mining: ['underground', 'open_pit', 'tailings_pond'],
  industry: ['metallurgy', 'nonferrous', 'building_materials', 'machinery', 'light'],
};
const HAZARD_ORIGIN_WEIGHTS = [
  ['self_check', 45],
  ['leader_check', 12],
  ['enforcement', 25],
  ['spot_check', 8],
  ['tip', 3],
  ['informant', 2],
  ['accident_lesson', 5],
] as const;
const HAZARD_TITLES = [
  '可燃气体检测报警装置未投用',
  '安全阀超期未校验',
  '重大危险源未实现双重预防',
  '特种作业人员无证上岗',
  '防爆区域使用非防爆电器',
  '储罐区防火堤破损',
  '尾矿库排洪设施堵塞',
  '井下安全出口不畅通',
  '粉尘涉爆除尘系统未按规定清理',
  '有限空间作业未审批',
  '烟花爆竹仓库超量储存',
  '煤气区域未设置固定式报警仪',
];

type District = {
  id: number;
  cityId: number;
  name: string;
  short: string;
  path: string;
  adminUserId: number;
  brigadeId: number;
  /** The offices that report: 危化室 for hazardous chemicals, 基础室 for the other sectors. */
  offices: { hazchem: { id: number; name: string }; other: { id: number; name: string } };
  inspectors: { id: number; name: string; certificateNo: string }[];
  enterprises: Enterprise[];
};
type Enterprise = {
  id: number;
  district: District;
  sector: Sector;
  name: string;
  userId: number;
  userName: string;
};
type HazardDraft = {
  id: number;
  enterprise: Enterprise;
  level: 'major' | 'general';
  treatment: 'immediate' | 'deadline';
};

export type GenerateOptions = {
  scale: Scale;
  seed: number;
  /** The last day of the history (China date); the simulation's "today". */
  until: string;
  auditHash: AuditHashAlgorithm;
  /** The password hash of the benchmark accounts (the others cannot sign in). */
  passwordHash: string;
  /** Overrides of the scale's sizes (tests use smaller ones). */
  sizes?: Partial<ScaleSize>;
  onProgress?: (phase: string, done: number, total: number) => void;
};

export type GeneratedDataset = Pick<
  DatasetManifest,
  'scale' | 'seed' | 'counts' | 'users' | 'ids' | 'report' | 'districtHazards' | 'sectors'
> & { until: string };

const DAY_MS = 86_400_000;
/** Accounts that cannot sign in: the stored hash is not a hash. */
const NO_LOGIN = 'bench: no login';

export async function generateDataset(db: Db, options: GenerateOptions): Promise<GeneratedDataset> {
  const sizes = { ...SCALE_SIZES[options.scale], ...options.sizes };
  const progress = (phase: string) => (done: number, total: number) =>
    options.onProgress?.(phase, done, total);
  // Phase 1 writes the records on bare tables; phase 2, once they are indexed, has the districts
  // submit their weekly reports from those records (computed by the app's own report code).
  const phases = async (open: () => BatchWriter) => {
    const records = open();
    await records.begin();
    const simulation = new Simulation(records, options, sizes);
    await simulation.run();
    await records.finish(progress('indexes'));
    const reports = open();
    reports.continueFrom(records);
    await reports.begin({ dropIndexes: false });
    await simulation.submitReports(reports, db, progress('reports'));
    await reports.finish();
    return simulation.result(reports);
  };
  if (db.target.dialect === 'sqlite') {
    // The app's handle settings (WAL, foreign keys on) on a handle of the generator's own.
    const handle = openSqlite(db.target.file);
    try {
      const backend = new SqliteBackend(handle);
      return await phases(() => new BatchWriter(backend));
    } finally {
      handle.close();
    }
  }
  return db.kysely.connection().execute((conn) => {
    const backend = new KyselyBackend(conn, db.dialect);
    return phases(() => new BatchWriter(backend));
  });
}

class Simulation {
  private readonly random: Random;
  private readonly audit: AuditChain;
  private readonly firstDay: number;
  private readonly clock: HistoryClock;
  private readonly days: number;
  private readonly districts: District[] = [];
  private readonly enterprises: Enterprise[] = [];
  /** Work that happens on a later day than the one that starts it (verification, closing …). */
  private readonly pending = new Map<number, (() => Promise<void>)[]>();
  private readonly numbers = {
    hazard: new Map<string, number>(),
    record: new Map<string, number>(),
    penalty: new Map<string, number>(),
    tip: new Map<string, number>(),
  };
  private readonly plans = new Map<string, { id: number; kind: string }[]>();
  private readonly signedRecords = new Map<number, number[]>();
  private regionId = 0;
  private provinceUser = { id: 0, name: '' };
  private cityUsers = new Map<number, { id: number; name: string }>();
  private readonly manifestUsers = {
    province: 'bench_province',
    city: 'bench_city',
    district: 'bench_district',
    office: 'bench_office',
    inspector: 'bench_inspector',
    enterprise: 'bench_enterprise',
  };
  private campaignId = 0;
  private readonly campaignStarts = new Map<number, { id: number; start: string; end: string }>();
  private readonly districtHazards = new Map<number, string>();

  constructor(
    private writer: BatchWriter,
    private readonly options: GenerateOptions,
    private readonly sizes: ScaleSize,
  ) {
    this.random = seededRandom(options.seed);
    this.audit = new AuditChain(writer, options.auditHash);
    const until = Date.parse(`${options.until}T00:00:00Z`);
    const first = new Date(until);
    first.setUTCFullYear(first.getUTCFullYear() - HISTORY_YEARS);
    this.firstDay = first.getTime() + DAY_MS;
    this.days = Math.round((until - this.firstDay) / DAY_MS) + 1;
    this.clock = new HistoryClock(this.firstDay);
  }

  /** China date of day `day` (0 = the first day of the history). */
  private date(day: number): string {
    return this.clock.date(day);
  }

  /** The stored UTC instant of a China wall-clock time on day `day`. */
  private instant(day: number, hour: number, minute = 0): string {
    return this.clock.instant(day, hour, minute);
  }

  private later(day: number, work: () => Promise<void>): void {
    if (day >= this.days) return;
    const list = this.pending.get(day);
    if (list) list.push(work);
    else this.pending.set(day, [work]);
  }

  /** How many of `total` records fall on `day`, spread evenly with the remainder carried. */
  private share(total: number, day: number): number {
    return Math.floor((total * (day + 1)) / this.days) - Math.floor((total * day) / this.days);
  }

  private progress(phase: string, done: number, total: number): void {
    this.options.onProgress?.(phase, done, total);
  }

  async run(): Promise<void> {
    await this.territory();
    await this.registry();
    await this.campaigns();
    for (let day = 0; day < this.days; day++) {
      await this.simulateDay(day);
      // The day's follow-ups, including those its own new records just scheduled.
      for (const work of this.pending.get(day) ?? []) await work();
      this.pending.delete(day);
      if (day % 30 === 29 || day === this.days - 1) this.progress('days', day + 1, this.days);
    }
    await this.counters();
  }

  // ---- Setup: the territory, its people and its enterprises ----

  private async orgUnit(
    parent: { id: number; path: string } | null,
    kind: string,
    name: string,
    code: string,
  ): Promise<{ id: number; path: string }> {
    const id = this.writer.nextId('org_units');
    const path = `${parent?.path ?? '/'}${id}/`;
    await this.writer.add('org_units', {
      id,
      parent_id: parent?.id ?? null,
      kind,
      name,
      code,
      path,
      created_at: this.instant(0, 8),
    });
    return { id, path };
  }

  private async user(spec: {
    username: string;
    name: string;
    role: string;
    orgUnitId: number;
    sectors?: Sector[] | null;
    enterpriseId?: number | null;
    certificateNo?: string | null;
    canSignIn?: boolean;
    active?: boolean;
  }): Promise<number> {
    const id = this.writer.nextId('users');
    const at = this.instant(0, 8);
    await this.writer.add('users', {
      id,
      username: spec.username,
      display_name: spec.name,
      password_hash: spec.canSignIn ? this.options.passwordHash : NO_LOGIN,
      role: spec.role,
      org_unit_id: spec.orgUnitId,
      sectors: spec.sectors ? JSON.stringify(spec.sectors) : null,
      enterprise_id: spec.enterpriseId ?? null,
      phone: null,
      certificate_no: spec.certificateNo ?? null,
      status: spec.active === false ? 'disabled' : 'active',
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      password_changed_at: at,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    return id;
  }

  private async territory(): Promise<void> {
    const region = await this.orgUnit(null, 'region', '基准省应急管理厅', 'BP');
    this.regionId = region.id;
    this.provinceUser = { id: 0, name: '省厅值班员' };
    this.provinceUser.id = await this.user({
      username: this.manifestUsers.province,
      name: this.provinceUser.name,
      role: 'bureau_admin',
      orgUnitId: region.id,
      canSignIn: true,
    });
    let districtIndex = 0;
    for (let c = 0; c < this.sizes.cities; c++) {
      const city = await this.orgUnit(region, 'city', `${cityName(c)}应急管理局`, `BP-${c + 1}`);
      const cityUser = { id: 0, name: `${cityName(c)}应急管理局调度员` };
      cityUser.id = await this.user({
        username: c === 0 ? this.manifestUsers.city : `bench_city_${c + 1}`,
        name: cityUser.name,
        role: 'city',
        orgUnitId: city.id,
        canSignIn: c === 0,
      });
      this.cityUsers.set(city.id, cityUser);
      for (let d = 0; d < this.sizes.districtsPerCity; d++, districtIndex++) {
        const name = districtName(districtIndex);
        const code = `BP-${c + 1}-${d + 1}`;
        const unit = await this.orgUnit(city, 'district', `${name}应急管理局`, code);
        const first = districtIndex === 0;
        const adminUserId = await this.user({
          username: first ? this.manifestUsers.district : `bench_admin_${districtIndex + 1}`,
          name: `${name}综合协调室`,
          role: 'bureau_admin',
          orgUnitId: unit.id,
          canSignIn: first,
        });
        const weihua = await this.orgUnit(unit, 'office', '危化室', `${code}-WHS`);
        const jichu = await this.orgUnit(unit, 'office', '基础室', `${code}-JCS`);
        const brigade = await this.orgUnit(unit, 'brigade', '执法大队', `${code}-ZFDD`);
        const offices = {
          hazchem: { id: 0, name: `${name}危化室` },
          other: { id: 0, name: `${name}基础室` },
        };
        offices.hazchem.id = await this.user({
          username: first ? this.manifestUsers.office : `bench_office_${districtIndex + 1}`,
          name: offices.hazchem.name,
          role: 'office',
          orgUnitId: weihua.id,
          sectors: ['hazchem'],
          canSignIn: first,
        });
        offices.other.id = await this.user({
          username: `bench_jichu_${districtIndex + 1}`,
          name: offices.other.name,
          role: 'office',
          orgUnitId: jichu.id,
          sectors: ['mining', 'industry', 'fireworks'],
        });
        const inspectors: District['inspectors'] = [];
        const count = randomInt(this.random, 12, 31);
        for (let k = 0; k < count; k++) {
          const certificateNo = `ZF${String(districtIndex + 1).padStart(3, '0')}${String(k + 1).padStart(4, '0')}`;
          const inspectorName = personName(this.random);
          const active = k < 4 || this.random() < 0.95;
          const id = await this.user({
            username:
              first && k === 0 ? this.manifestUsers.inspector : `bench_insp_${districtIndex + 1}_${k + 1}`,
            name: inspectorName,
            role: 'inspector',
            orgUnitId: brigade.id,
            sectors: [...SECTORS],
            certificateNo,
            canSignIn: first && k === 0,
            active,
          });
          if (active) inspectors.push({ id, name: inspectorName, certificateNo });
        }
        this.districts.push({
          id: unit.id,
          cityId: city.id,
          name: `${name}应急管理局`,
          short: districtPrefix(`${name}应急管理局`),
          path: unit.path,
          adminUserId,
          brigadeId: brigade.id,
          offices,
          inspectors,
          enterprises: [],
        });
      }
    }
  }

  private async registry(): Promise<void> {
    const total = this.sizes.enterprises;
    for (let i = 0; i < total; i++) {
      // The first enterprise is the manifest's: hazchem, in the first district.
      const district = i === 0 ? this.districts[0]! : pick(this.random, this.districts);
      const sector = i === 0 ? 'hazchem' : weighted(this.random, SECTOR_WEIGHTS);
      const id = this.writer.nextId('enterprises');
      const name = enterpriseName(this.random, district.short, sector, i + 1);
      const closed = i > 0 && this.random() < 0.025;
      const closedDay = randomInt(this.random, 0, this.days - 1);
      const registered = this.instant(0, 9);
      await this.writer.add('enterprises', {
        id,
        name,
        credit_code: creditCode(i),
        sector,
        sub_type: pick(this.random, SUB_TYPES[sector]),
        tags: JSON.stringify(sector === 'hazchem' && this.random() < 0.3 ? ['major_hazard_source'] : []),
        org_unit_id: district.id,
        address: `${district.name.replace('应急管理局', '')}工业园区${randomInt(this.random, 1, 300)}号`,
        longitude: null,
        latitude: null,
        status: closed ? 'closed' : 'operating',
        status_date: closed ? this.date(closedDay) : null,
        status_reason: closed ? '关闭退出' : null,
        employees: randomInt(this.random, 8, 1500),
        safety_agency: null,
        safety_staff_count: randomInt(this.random, 1, 12),
        licences: '[]',
        created_at: registered,
        updated_at: closed ? this.instant(closedDay, 10) : registered,
        version: closed ? 2 : 1,
      });
      const userName = personName(this.random);
      const userId = await this.user({
        username: i === 0 ? this.manifestUsers.enterprise : `bench_ent_${i + 1}`,
        name: userName,
        role: 'ent_safety',
        orgUnitId: district.id,
        enterpriseId: id,
        canSignIn: i === 0,
      });
      const enterprise: Enterprise = { id, district, sector, name, userId, userName };
      district.enterprises.push(enterprise);
      this.enterprises.push(enterprise);
      await this.audit.append(
        registered,
        this.districtActor(district),
        'enterprise.created',
        'enterprise',
        id,
      );
      if (i % 5_000 === 4_999 || i === total - 1) this.progress('enterprises', i + 1, total);
    }
  }

  /** The campaign of each year in the history, as the province launches it. */
  private async campaigns(): Promise<void> {
    const firstYear = Number(this.date(0).slice(0, 4));
    const lastYear = Number(this.options.until.slice(0, 4));
    for (let year = firstYear; year <= lastYear; year++) {
      const phases = defaultPhases(year);
      const id = this.writer.nextId('campaigns');
      const at = `${year}-04-20T02:00:00.000Z`;
      await this.writer.add('campaigns', {
        id,
        org_unit_id: this.regionId,
        name: `${year}年重大事故隐患专项排查整治行动`,
        year,
        sectors: JSON.stringify(SECTORS),
        phases: JSON.stringify(phases),
        weekly_weekday: 1,
        weekly_hour: 12,
        milestones: JSON.stringify(defaultMilestones(year)),
        start_date: phases[0]!.start,
        end_date: phases[phases.length - 1]!.end,
        created_at: at,
        created_by: this.provinceUser.id,
        created_by_name: this.provinceUser.name,
        updated_at: at,
        voided_at: null,
        void_reason: null,
        version: 1,
      });
      this.campaignId = id;
      this.campaignStarts.set(year, { id, start: phases[0]!.start, end: phases[phases.length - 1]!.end });
    }
  }

  private districtActor(district: District): AuditActor {
    return {
      id: district.adminUserId,
      name: `${district.name}综合协调室`,
      role: 'bureau_admin',
      orgUnitId: district.id,
    };
  }

  private enterpriseActor(e: Enterprise): AuditActor {
    return { id: e.userId, name: e.userName, role: 'ent_safety', orgUnitId: e.district.id };
  }

  private inspectorActor(
    district: District,
    index = Math.floor(this.random() * district.inspectors.length),
  ): AuditActor & { certificateNo: string } {
    const inspector = district.inspectors[index]!;
    return {
      id: inspector.id,
      name: inspector.name,
      role: 'inspector',
      orgUnitId: district.brigadeId,
      certificateNo: inspector.certificateNo,
    };
  }

  /** Two different inspectors of a district (law enforcement needs two, 两人以上). */
  private inspectorPair(district: District) {
    const count = district.inspectors.length;
    const first = Math.floor(this.random() * count);
    const second = (first + 1 + Math.floor(this.random() * (count - 1))) % count;
    return [this.inspectorActor(district, first), this.inspectorActor(district, second)] as const;
  }

  private nextNumber(kind: keyof Simulation['numbers'], districtId: number, year: string): number {
    const key = `${districtId}-${year}`;
    const n = (this.numbers[kind].get(key) ?? 0) + 1;
    this.numbers[kind].set(key, n);
    return n;
  }

  // ---- One day of work ----

  private async simulateDay(day: number): Promise<void> {
    const districtsTimesPlans = this.districts.length * 50 * HISTORY_YEARS;
    for (let i = this.share(districtsTimesPlans, day); i > 0; i--) await this.inspectionPlan(day);
    for (let i = this.share(this.sizes.hazards, day); i > 0; i--) await this.hazard(day);
    const records = Math.round(this.sizes.inspections * 1.02);
    for (let i = this.share(records, day); i > 0; i--) await this.inspectionRecord(day);
    for (let i = this.share(this.sizes.penalties, day); i > 0; i--) await this.penaltyCase(day);
    const measures = Math.round(this.sizes.penalties * 0.4);
    for (let i = this.share(measures, day); i > 0; i--) await this.measure(day);
    for (let i = this.share(this.sizes.enterprises * 3, day); i > 0; i--) await this.selfInspection(day);
    for (let i = this.share(this.sizes.enterprises * 2, day); i > 0; i--) await this.leaderInspection(day);
    const drills = Math.round(this.sizes.enterprises * 1.5);
    for (let i = this.share(drills, day); i > 0; i--) await this.drill(day);
    for (let i = this.share(this.sizes.tips, day); i > 0; i--) await this.tip(day);
  }

  private async inspectionPlan(day: number): Promise<void> {
    const district = pick(this.random, this.districts);
    const year = this.date(day).slice(0, 4);
    const key = `${district.id}-${year}`;
    const list = this.plans.get(key) ?? [];
    const kind = weighted(this.random, [
      ['random', 30],
      ['self_check_spot', 15],
      ['key_enterprise', 20],
      ['assistance', 20],
      ['complaint', 10],
      ['joint', 5],
    ] as const);
    const author = this.inspectorActor(district);
    const id = this.writer.nextId('inspection_plans');
    const at = this.instant(day, 9);
    const over = day + 30 < this.days;
    await this.writer.add('inspection_plans', {
      id,
      org_unit_id: district.id,
      name: `${year}年第${list.length + 1}批检查计划`,
      kind,
      start_date: this.date(day),
      end_date: this.date(day + 30),
      sectors: JSON.stringify([pick(this.random, SECTORS)]),
      departments: '[]',
      unannounced: this.random() < 0.5 ? 1 : 0,
      cross_area: 0,
      enterprise_count: 20,
      inspectors_per_target: 2,
      note: null,
      status: over ? 'completed' : 'active',
      cancel_reason: null,
      completion_note: over ? '按计划完成检查' : null,
      campaign_id: null,
      draw_seed: null,
      draw_algorithm: null,
      draw_input: null,
      drawn_at: null,
      drawn_by: null,
      drawn_by_name: null,
      created_by: author.id!,
      created_by_name: author.name,
      created_at: at,
      updated_at: at,
    });
    list.push({ id, kind });
    this.plans.set(key, list);
    await this.audit.append(at, author, 'inspection_plan.created', 'inspection_plan', id);
  }

  /**
   * A hazard and its loop. Durations decide where it stands at the end of the history: most old
   * ones are closed, recent ones spread over the loop, and a few are left overdue.
   */
  private async hazard(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const district = enterprise.district;
    const origin = weighted(this.random, HAZARD_ORIGIN_WEIGHTS);
    const level = this.random() < 0.05 ? 'major' : 'general';
    const treatment = level === 'general' && this.random() < 0.4 ? 'immediate' : 'deadline';
    const found = this.date(day);
    const year = found.slice(0, 4);
    const seq = this.nextNumber('hazard', district.id, year);
    const id = this.writer.nextId('hazards');
    const byEnterprise = origin === 'self_check' || origin === 'leader_check';
    const creator = byEnterprise ? this.enterpriseActor(enterprise) : this.inspectorActor(district);
    const createdAt = this.instant(day, randomInt(this.random, 8, 17), randomInt(this.random, 0, 59));
    const allowed = level === 'major' ? randomInt(this.random, 30, 120) : randomInt(this.random, 7, 60);
    const deadline = treatment === 'deadline' ? this.date(day + allowed) : null;
    // One in six deadline hazards runs late; a few drag on for months (the overdue tail).
    const late = this.random() < 1 / 6;
    const stalled = this.random() < 0.02;
    const fixDays =
      treatment === 'immediate'
        ? randomInt(this.random, 0, 2)
        : stalled
          ? allowed + randomInt(this.random, 60, 400)
          : Math.round(allowed * (late ? 1.1 + this.random() : 0.4 + this.random() * 0.55));
    const planDay = day + randomInt(this.random, 1, 5);
    const approveDay = planDay + randomInt(this.random, 0, 3);
    // Work starts once the plan is approved, however soon the deadline.
    const fixDay = treatment === 'immediate' ? day + fixDays : Math.max(day + fixDays, approveDay + 1);
    const verifyDay = fixDay + randomInt(this.random, 1, 10);
    const supervised = level === 'major' && this.random() < 0.3;
    const superviseDay = day + randomInt(this.random, 2, 6);
    const status = this.hazardStatus(treatment, this.days - 1, { planDay, approveDay, fixDay, verifyDay });
    const last = this.days - 1;
    const ent = this.enterpriseActor(enterprise);
    const bureau = this.districtActor(district);
    const verifiedAt = verifyDay <= last ? this.instant(verifyDay, 15) : null;
    const fixedAt = fixDay <= last ? this.instant(fixDay, treatment === 'immediate' ? 19 : 16) : null;
    const liftDay = verifyDay;
    const supervision =
      supervised && superviseDay <= last && !(liftDay <= last) ? ('district' as const) : null;
    await this.writer.add('hazards', {
      id,
      number: `${district.short}-${year}-${String(seq).padStart(6, '0')}`,
      district_id: district.id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      catalog_id: null,
      catalog_version: null,
      catalog_item_code: null,
      no_catalog_reason: '基准数据',
      level,
      title: pick(this.random, HAZARD_TITLES),
      description: filler(this.random, 60),
      place: pick(this.random, ['生产车间', '储罐区', '仓库', '装卸区', '井下作业面', '配电室']),
      cause_analysis: null,
      category: null,
      origin,
      found_at: found,
      found_by: creator.name,
      treatment,
      status,
      plan_responsible: treatment === 'deadline' ? enterprise.userName : null,
      plan_measures: treatment === 'deadline' ? filler(this.random, 40) : null,
      plan_funds_fen: treatment === 'deadline' ? randomInt(this.random, 1, 500) * 100_000 : null,
      plan_funds_source: treatment === 'deadline' ? '企业自筹' : null,
      deadline,
      plan_emergency: null,
      plan_approved_at: treatment === 'deadline' && approveDay <= last ? this.instant(approveDay, 11) : null,
      reported_to_bureau_at: level === 'major' ? this.instant(day + 1, 10) : null,
      fix_description: fixedAt ? '已按整改方案完成整改' : null,
      fixed_by_user_id: fixedAt ? enterprise.userId : null,
      fixed_at: fixedAt,
      leader_accepted_at: level === 'major' && verifiedAt ? this.instant(verifyDay, 10) : null,
      verified_at: verifiedAt,
      verified_by_user_id: verifiedAt ? (level === 'major' ? district.adminUserId : enterprise.userId) : null,
      supervision_level: supervision,
      supervised_at: supervised && superviseDay <= last ? this.instant(superviseDay, 10) : null,
      extension_deadline: null,
      extension_reason: null,
      created_by_user_id: creator.id!,
      created_at: createdAt,
      updated_at: verifiedAt ?? fixedAt ?? createdAt,
      version: 1,
    });
    if (district === this.districts[0]) this.districtHazards.set(id, status);
    const draft: HazardDraft = { id, enterprise, level, treatment };
    await this.hazardEvent(draft, 'created', null, 'reported', creator, createdAt);
    // The rest of the loop happens on its own days.
    if (treatment === 'immediate') {
      this.later(day, () => this.hazardEvent(draft, 'fix_on_spot', 'reported', 'fixed_on_spot', ent, this.instant(day, 18)));
      this.later(fixDay, () => this.hazardEvent(draft, 'submit_fix', 'fixed_on_spot', 'rectified', ent, this.instant(fixDay, 19)));
    } else {
      this.later(planDay, () => this.hazardEvent(draft, 'submit_plan', 'reported', 'planned', ent, this.instant(planDay, 10)));
      this.later(approveDay, () => this.hazardEvent(draft, 'approve_plan', 'planned', 'rectifying', ent, this.instant(approveDay, 11)));
      this.later(fixDay, () => this.hazardEvent(draft, 'submit_fix', 'rectifying', 'rectified', ent, this.instant(fixDay, 16)));
    }
    if (supervised) {
      const during = this.hazardStatus(treatment, superviseDay, { planDay, approveDay, fixDay, verifyDay });
      this.later(superviseDay, () => this.hazardEvent(draft, 'supervise', during, during, bureau, this.instant(superviseDay, 10)));
      this.later(liftDay, () => this.hazardEvent(draft, 'lift_supervision', 'verified', 'verified', bureau, this.instant(liftDay, 16)));
    }
    this.later(verifyDay, () =>
      this.hazardEvent(draft, 'verify', 'rectified', 'verified', level === 'major' ? bureau : ent, this.instant(verifyDay, 15)),
    );
  }

  /** Where a hazard stands on `day`, given the days its steps happen. */
  private hazardStatus(
    treatment: 'immediate' | 'deadline',
    day: number,
    steps: { planDay: number; approveDay: number; fixDay: number; verifyDay: number },
  ): string {
    if (steps.verifyDay <= day) return 'verified';
    if (steps.fixDay <= day) return 'rectified';
    if (treatment === 'immediate') return 'fixed_on_spot';
    if (steps.approveDay <= day) return 'rectifying';
    if (steps.planDay <= day) return 'planned';
    return 'reported';
  }

  /** One event of a hazard's loop with its audit entry. `from`/`to` null: the status it is in. */
  private async hazardEvent(
    hazard: HazardDraft,
    action: string,
    from: string | null,
    to: string,
    actor: AuditActor,
    at: string,
  ): Promise<void> {
    const id = this.writer.nextId('hazard_events');
    await this.writer.add('hazard_events', {
      id,
      hazard_id: hazard.id,
      action,
      from_status: from,
      to_status: to,
      actor_id: actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      at,
      reason: null,
      details: null,
      idempotency_key: null,
    });
    await this.audit.append(
      at,
      actor,
      action === 'created' ? 'hazard.created' : `hazard.${action}`,
      'hazard',
      hazard.id,
      from === null || from === to ? null : { status: [from, to] },
    );
  }

  private async inspectionRecord(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const district = enterprise.district;
    const year = this.date(day).slice(0, 4);
    const plans = this.plans.get(`${district.id}-${year}`) ?? [];
    const plan = plans.length > 0 && this.random() < 0.6 ? pick(this.random, plans) : null;
    const r = this.random();
    const status = r < 0.98 ? 'signed' : r < 0.99 ? 'draft' : 'superseded';
    const [a, b] = this.inspectorPair(district);
    const hour = randomInt(this.random, 8, 15);
    const started = this.instant(day, hour, randomInt(this.random, 0, 59));
    const ended = this.instant(day, hour + 2, randomInt(this.random, 0, 59));
    const id = this.writer.nextId('inspection_records');
    const seq = this.nextNumber('record', district.id, year);
    await this.writer.add('inspection_records', {
      id,
      record_no: recordNumber(district.name, Number(year), seq),
      district_id: district.id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      plan_id: plan?.id ?? null,
      plan_target_id: null,
      origin: plan?.kind === 'self_check_spot' ? 'spot_check' : 'enforcement',
      started_at: started,
      ended_at: ended,
      place: '生产现场',
      enterprise_name: enterprise.name,
      content: JSON.stringify({ basis: '《中华人民共和国安全生产法》', items: filler(this.random, 200), findings: [] }),
      scorecard: null,
      status,
      canonical_text: status === 'draft' ? null : filler(this.random, 200),
      content_hash: status === 'draft' ? null : hex(this.random, 64),
      supersedes_record_id: null,
      superseded_by_record_id: null,
      signed_at: status === 'draft' ? null : ended,
      acknowledged_at: status === 'signed' ? ended : null,
      acknowledged_by_user_id: status === 'signed' ? enterprise.userId : null,
      acknowledged_by_name: status === 'signed' ? enterprise.userName : null,
      created_at: started,
      created_by: a.id!,
      created_by_name: a.name,
      updated_at: ended,
    });
    for (const [index, inspector] of [a, b].entries()) {
      await this.writer.add('inspection_record_inspectors', {
        id: this.writer.nextId('inspection_record_inspectors'),
        record_id: id,
        user_id: inspector.id!,
        seq: index + 1,
        name: inspector.name,
        certificate_no: inspector.certificateNo,
      });
    }
    await this.audit.append(started, a, 'inspection_record.created', 'inspection_record', id);
    if (status !== 'draft') {
      await this.audit.append(ended, a, 'inspection_record.signed', 'inspection_record', id);
    }
    if (status === 'signed') {
      const list = this.signedRecords.get(district.id);
      if (list) list.push(id);
      else this.signedRecords.set(district.id, [id]);
    }
  }

  private async penaltyCase(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const district = enterprise.district;
    const year = this.date(day).slice(0, 4);
    const seq = this.nextNumber('penalty', district.id, year);
    const caseNo = `${district.short}应急罚立〔${year}〕${String(seq).padStart(4, '0')}号`;
    const last = this.days - 1;
    const notifyDay = day + randomInt(this.random, 10, 20);
    const decisionDay = notifyDay + randomInt(this.random, 5, 30);
    const executeDay = decisionDay + randomInt(this.random, 5, 30);
    const closeDay = executeDay + randomInt(this.random, 5, 30);
    const outcome = this.random();
    const ended = outcome < 0.02 ? 'withdrawn' : outcome < 0.03 ? 'terminated' : null;
    const status = ended ?? (closeDay <= last ? 'closed' : executeDay <= last ? 'executed' : decisionDay <= last ? 'decided' : notifyDay <= last ? 'notified' : day + 5 <= last ? 'investigated' : 'filed');
    const decided = status === 'decided' || status === 'executed' || status === 'closed';
    const records = this.signedRecords.get(district.id) ?? [];
    const author = this.inspectorActor(district);
    const id = this.writer.nextId('penalty_cases');
    const filedAt = this.instant(day, 10);
    await this.writer.add('penalty_cases', {
      id,
      case_no: caseNo,
      district_id: district.id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      matter: '未按规定开展事故隐患排查治理',
      facts: filler(this.random, 100),
      filed_on: this.date(day),
      inspection_record_id: records.length > 0 && this.random() < 0.8 ? pick(this.random, records) : null,
      status,
      leader_waiver_reason: null,
      no_penalty_override_reason: null,
      notified_on: decided || status === 'notified' ? this.date(notifyDay) : null,
      notice_document_no: null,
      decision_date: decided ? this.date(decisionDay) : null,
      decision_major_hazard: decided ? (this.random() < 0.1 ? 1 : 0) : null,
      decision_hazard_persisted: decided ? 0 : null,
      no_penalty_decided_on: null,
      no_penalty_reason: null,
      no_penalty_decision_no: null,
      published_on: null,
      publication_note: null,
      daily_ordered_on: null,
      daily_corrected_on: null,
      executed_on: status === 'executed' || status === 'closed' ? this.date(executeDay) : null,
      closed_on: status === 'closed' ? this.date(closeDay) : null,
      created_by: author.id!,
      created_by_name: author.name,
      created_at: filedAt,
      updated_at: decided ? this.instant(Math.min(decisionDay, last), 16) : filedAt,
      version: 1,
    });
    const decision = (partySeq: number) =>
      decided
        ? {
            decision_no: `${caseNo}-${partySeq}`,
            decision_text: filler(this.random, 150),
            decision_hash: hex(this.random, 64),
          }
        : { decision_no: null, decision_text: null, decision_hash: null };
    await this.writer.add('penalty_case_parties', {
      id: this.writer.nextId('penalty_case_parties'),
      case_id: id,
      seq: 1,
      kind: 'enterprise',
      name: enterprise.name,
      position: null,
      basis: 'aqsf_101',
      circumstance: 'general',
      amount_fen: this.random() < 0.05 ? 0 : randomInt(this.random, 1, 50) * 1_000_000,
      ...decision(1),
    });
    if (this.random() < 0.45) {
      await this.writer.add('penalty_case_parties', {
        id: this.writer.nextId('penalty_case_parties'),
        case_id: id,
        seq: 2,
        kind: 'main_leader',
        name: personName(this.random),
        position: '总经理',
        basis: 'aqsf_94',
        circumstance: 'general',
        amount_fen: randomInt(this.random, 2, 9) * 1_000_000,
        ...decision(2),
      });
    }
    await this.audit.append(filedAt, author, 'penalty_case.filed', 'penalty_case', id);
    if (decided) {
      this.later(decisionDay, () =>
        this.audit.append(this.instant(decisionDay, 16), author, 'penalty_case.decide', 'penalty_case', id),
      );
    }
  }

  private async measure(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const district = enterprise.district;
    const author = this.inspectorActor(district);
    const voided = this.random() < 0.02 && day + 3 < this.days;
    const id = this.writer.nextId('enforcement_measures');
    const at = this.instant(day, 10);
    await this.writer.add('enforcement_measures', {
      id,
      district_id: district.id,
      enterprise_id: enterprise.id,
      sector: enterprise.sector,
      kind: weighted(this.random, [
        ['notification', 30],
        ['interview', 30],
        ['joint_punishment', 8],
        ['suspension', 12],
        ['closure_proposal', 4],
        ['judicial_referral', 6],
        ['dishonesty_list', 10],
      ] as const),
      date: this.date(day),
      data: JSON.stringify({ note: filler(this.random, 60) }),
      penalty_case_id: null,
      created_by: author.id!,
      created_by_name: author.name,
      created_at: at,
      updated_at: voided ? this.instant(day + 3, 10) : at,
      voided_at: voided ? this.instant(day + 3, 10) : null,
      void_reason: voided ? '录入错误' : null,
      voided_by: voided ? author.id : null,
      version: voided ? 2 : 1,
    });
    await this.audit.append(at, author, 'enforcement_measure.created', 'enforcement_measure', id);
  }

  private async selfInspection(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const submitted = this.random() < 0.92;
    const startedAt = this.instant(day, 9);
    const doneAt = this.instant(day, 17);
    const id = this.writer.nextId('self_inspections');
    await this.writer.add('self_inspections', {
      id,
      enterprise_id: enterprise.id,
      district_id: enterprise.district.id,
      sector: enterprise.sector,
      campaign_id: null,
      campaign_name: null,
      status: submitted ? 'submitted' : 'discarded',
      inspection_date: this.date(day),
      inspectors: '安全管理员、车间主任',
      photo_required: 0,
      catalogs: '[]',
      item_count: randomInt(this.random, 40, 99),
      problem_count: randomInt(this.random, 0, 4),
      started_by_user_id: enterprise.userId,
      started_by_name: enterprise.userName,
      started_at: startedAt,
      submitted_by_user_id: submitted ? enterprise.userId : null,
      signer_name: submitted ? '主要负责人' : null,
      submitted_at: submitted ? doneAt : null,
      submitted_on: submitted ? this.date(day) : null,
      submit_key: null,
      discarded_at: submitted ? null : doneAt,
      discard_reason: submitted ? null : '重复发起',
      created_at: startedAt,
      updated_at: doneAt,
      version: 2,
    });
    await this.audit.append(
      doneAt,
      this.enterpriseActor(enterprise),
      submitted ? 'self_inspection.submitted' : 'self_inspection.discarded',
      'self_inspection',
      id,
    );
  }

  private async leaderInspection(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const signed = this.random() < 0.95;
    const voided = this.random() < 0.01;
    const id = this.writer.nextId('leader_inspections');
    const recordedAt = this.instant(day, 15);
    const actor = this.enterpriseActor(enterprise);
    await this.writer.add('leader_inspections', {
      id,
      enterprise_id: enterprise.id,
      inspected_on: this.date(day),
      participants: '["主要负责人","安全管理人员"]',
      places: '["生产车间","仓库"]',
      content: filler(this.random, 80),
      items: '[]',
      status: signed ? 'signed' : 'draft',
      recorded_by: enterprise.userId,
      recorded_by_name: enterprise.userName,
      recorded_at: recordedAt,
      signed_at: signed ? this.instant(day, 16) : null,
      signed_by: signed ? enterprise.userId : null,
      signed_by_name: signed ? '主要负责人' : null,
      voided_at: voided ? this.instant(day, 17) : null,
      void_reason: voided ? '重复录入' : null,
      updated_at: this.instant(day, voided ? 17 : 16),
      version: 1,
    });
    await this.audit.append(recordedAt, actor, 'leader_inspection.created', 'leader_inspection', id);
  }

  private async drill(day: number): Promise<void> {
    const enterprise = pick(this.random, this.enterprises);
    const id = this.writer.nextId('emergency_drills');
    const at = this.instant(day, 16);
    await this.writer.add('emergency_drills', {
      id,
      enterprise_id: enterprise.id,
      scenario: this.random() < 0.5 ? '危险化学品泄漏应急演练' : '火灾事故应急疏散演练',
      drill_type: this.random() < 0.3 ? 'tabletop' : 'field',
      drill_date: this.date(day),
      participants: randomInt(this.random, 10, 99),
      equipment_used: null,
      equipment_added: null,
      evaluation: filler(this.random, 60),
      improvements: null,
      created_by_user_id: enterprise.userId,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
      version: 1,
    });
    await this.audit.append(at, this.enterpriseActor(enterprise), 'emergency_drill.created', 'emergency_drill', id);
  }

  private async tip(day: number): Promise<void> {
    const known = this.random() < 0.9;
    const enterprise = known ? pick(this.random, this.enterprises) : null;
    const district = enterprise?.district ?? pick(this.random, this.districts);
    const year = this.date(day).slice(0, 4);
    const seq = this.nextNumber('tip', district.id, year);
    const last = this.days - 1;
    const acceptDay = day + 1;
    const assignDay = day + 2;
    const verifyDay = day + randomInt(this.random, 5, 30);
    const closeDay = verifyDay + 7;
    const rejected = this.random() < 0.1;
    const status = rejected
      ? 'rejected'
      : closeDay <= last && this.random() < 0.45
        ? 'closed'
        : verifyDay <= last
          ? 'verified'
          : assignDay <= last
            ? 'verifying'
            : acceptDay <= last
              ? 'accepted'
              : 'received';
    const checked = status === 'verified' || status === 'closed';
    const result = checked
      ? weighted(this.random, [
          ['true', 35],
          ['partly_true', 25],
          ['not_true', 40],
        ] as const)
      : null;
    const staff = this.inspectorActor(district);
    const received = this.instant(day, randomInt(this.random, 8, 17), randomInt(this.random, 0, 59));
    const id = this.writer.nextId('tips');
    await this.writer.add('tips', {
      id,
      number: `${tipNumberPrefix(district.name, Number(year))}${String(seq).padStart(4, '0')}号`,
      receipt_hash: null,
      channel: weighted(this.random, [
        ['web', 35],
        ['hotline_12350', 35],
        ['phone', 10],
        ['letter', 5],
        ['visit', 5],
        ['informant', 10],
      ] as const),
      district_id: district.id,
      enterprise_id: enterprise?.id ?? null,
      enterprise_text: enterprise ? null : '某无证经营点',
      sector: enterprise?.sector ?? null,
      place: null,
      subject: '违规储存危险化学品',
      description: filler(this.random, 120),
      catalog_item_code: null,
      anonymous: this.random() < 0.6 ? 1 : 0,
      identity_sealed: null,
      informant_id: null,
      status,
      reject_reason: rejected ? '不属于安全生产举报范围' : null,
      duplicate_of_tip_id: null,
      assigned_unit_id: rejected || status === 'received' || status === 'accepted' ? null : district.brigadeId,
      assigned_user_id: null,
      due_date: this.date(day + 30),
      verification_result: result,
      verification_summary: result ? filler(this.random, 60) : null,
      hazard_id: null,
      inspection_record_id: null,
      penalty_case_id: null,
      received_at: received,
      created_by: null,
      updated_at: received,
    });
    const event = async (action: string, from: string | null, to: string, at: string, actor: AuditActor | null) => {
      await this.writer.add('tip_events', {
        id: this.writer.nextId('tip_events'),
        tip_id: id,
        action,
        from_status: from,
        to_status: to,
        actor_id: actor?.id ?? null,
        actor_name: actor?.name ?? null,
        at,
        note: null,
        idempotency_key: null,
      });
      await this.audit.append(
        at,
        actor ?? { id: null, name: '公众举报', role: null, orgUnitId: null },
        action === 'created' ? 'tip.created' : `tip.${action}`,
        'tip',
        id,
      );
    };
    await event('created', null, 'received', received, null);
    if (rejected) {
      this.later(acceptDay, () => event('reject', 'received', 'rejected', this.instant(acceptDay, 10), staff));
      return;
    }
    this.later(acceptDay, () => event('accept', 'received', 'accepted', this.instant(acceptDay, 10), staff));
    this.later(assignDay, () => event('assign', 'accepted', 'verifying', this.instant(assignDay, 10), staff));
    if (!checked) return;
    this.later(verifyDay, () => event('verify', 'verifying', 'verified', this.instant(verifyDay, 11), staff));
    if (status === 'closed') {
      this.later(closeDay, () => event('close', 'verified', 'closed', this.instant(closeDay, 9), staff));
    }
    if ((result === 'true' || result === 'partly_true') && this.random() < 0.4) {
      const rewardStatus = weighted(this.random, [
        ['paid', 60],
        ['approved', 20],
        ['proposed', 15],
        ['rejected', 5],
      ] as const);
      const proposeDay = verifyDay + 10;
      if (proposeDay > last) return;
      const approveDay = Math.min(verifyDay + 20, last);
      const payDay = Math.min(verifyDay + 35, last);
      const approved = rewardStatus === 'paid' || rewardStatus === 'approved';
      const paid = rewardStatus === 'paid';
      const fen = randomInt(this.random, 5, 54) * 10_000;
      this.later(proposeDay, async () => {
        const rewardId = this.writer.nextId('reward_cases');
        await this.writer.add('reward_cases', {
          id: rewardId,
          tip_id: id,
          district_id: district.id,
          finding: this.random() < 0.3 ? 'major_hazard' : 'violation',
          fine_fen: fen * 10,
          computed_fen: fen,
          amount_fen: fen,
          amount_reason: null,
          rules_name: '基准省安全生产举报奖励办法',
          status: rewardStatus,
          proposed_by: staff.id!,
          proposed_by_name: staff.name,
          proposed_at: this.instant(proposeDay, 10),
          amended_by: null,
          approved_by: approved ? district.adminUserId : null,
          approved_by_name: approved ? `${district.name}综合协调室` : null,
          approved_at: approved ? this.instant(approveDay, 10) : null,
          paid_on: paid ? this.date(payDay) : null,
          payment_method: paid ? 'bank_transfer' : null,
          voucher_no: paid ? `PZ${id}` : null,
          paid_recorded_at: paid ? this.instant(payDay, 15) : null,
          reject_reason: rewardStatus === 'rejected' ? '举报事项已由其他途径掌握' : null,
          rejected_at: rewardStatus === 'rejected' ? this.instant(approveDay, 10) : null,
          updated_at: this.instant(paid ? payDay : approveDay, 15),
          version: 1,
        });
        await this.audit.append(this.instant(proposeDay, 10), staff, 'reward_case.proposed', 'reward_case', rewardId);
      });
    }
  }

  /** The report week: the last full week (Monday to Sunday) before the end of the history. */
  private reportWeekMonday(): string {
    const end = new Date(`${this.options.until}T00:00:00Z`);
    const weekday = (end.getUTCDay() + 6) % 7;
    return new Date(end.getTime() - (weekday + 7) * DAY_MS).toISOString().slice(0, 10);
  }

  /**
   * Phase 2: every district's weekly report of each sector for each week of the report year's
   * campaign up to the report week, as the office submits it — figures, the records behind
   * them and the 附件5 list computed by the app's report code, the 执法大队's confirmation, most
   * on time (a few late, a few missing), with their audit entries.
   */
  async submitReports(
    writer: BatchWriter,
    db: Db,
    onProgress: (done: number, total: number) => void,
  ): Promise<void> {
    this.writer = writer;
    this.audit.useWriter(writer);
    const lastMonday = this.reportWeekMonday();
    const campaign = this.campaignStarts.get(Number(lastMonday.slice(0, 4)));
    if (!campaign || campaign.start > addDays(lastMonday, 6)) return;
    const weeks: { from: string; to: string }[] = [];
    for (let monday = reportWeekOf(campaign.start).from; monday <= lastMonday; monday = addDays(monday, 7)) {
      weeks.push({ from: monday < campaign.start ? campaign.start : monday, to: addDays(monday, 6) });
    }
    const layouts = new Map<Sector, string>();
    for (const sector of SECTORS) layouts.set(sector, JSON.stringify(await layoutsInForce(db.kysely, sector)));
    const total = weeks.length * this.districts.length * SECTORS.length;
    let done = 0;
    for (const week of weeks) {
      const dueAt = weeklyDueAt(week.to, { weekday: 1, hour: 12 });
      for (const district of this.districts) {
        for (const sector of SECTORS) {
          done++;
          if (this.random() < 0.03) continue; // not reported
          const values = await computeFigures(db.kysely, {
            districtIds: [district.id],
            sector,
            campaignStart: campaign.start,
            weekFrom: week.from,
            weekTo: week.to,
          });
          const list = await openMajorHazards(db.kysely, {
            districtIds: [district.id],
            sector,
            periodTo: week.to,
          });
          const figures = numbersOf(values);
          const late = this.random() < 0.08;
          const due = Date.parse(dueAt);
          const submittedAt = new Date(
            late ? due + randomInt(this.random, 1, 30) * 3_600_000 : due - randomInt(this.random, 1, 48) * 3_600_000,
          ).toISOString();
          const confirmedAt = new Date(Date.parse(submittedAt) - 3 * 3_600_000).toISOString();
          const office = sector === 'hazchem' ? district.offices.hazchem : district.offices.other;
          const confirmer = this.inspectorActor(district);
          const reportId = writer.nextId('dispatch_reports');
          const versionId = writer.nextId('dispatch_report_versions');
          await writer.add('dispatch_reports', {
            id: reportId,
            district_id: district.id,
            campaign_id: campaign.id,
            sector,
            kind: 'weekly',
            period_from: week.from,
            period_to: week.to,
            milestone_key: null,
            due_at: dueAt,
            status: 'submitted',
            confirmed_by: confirmer.id,
            confirmed_by_name: confirmer.name,
            confirmed_at: confirmedAt,
            confirmed_figures: JSON.stringify(enforcementFigures(figures)),
            current_version_id: versionId,
            first_submitted_at: submittedAt,
            on_time: late ? 0 : 1,
            created_at: confirmedAt,
            updated_at: submittedAt,
            version: 3,
          });
          await writer.add('dispatch_report_versions', {
            id: versionId,
            report_id: reportId,
            version: 1,
            submitted_at: submittedAt,
            submitted_by: office.id,
            submitted_by_name: office.name,
            prepared_by: personName(this.random),
            contact_phone: null,
            summary: null,
            reason: null,
            on_time: late ? 0 : 1,
            figures: JSON.stringify(figures),
            figure_ids: JSON.stringify(idsOf(values)),
            hazard_list: JSON.stringify(list),
            layouts: layouts.get(sector)!,
            computed_at: submittedAt,
          });
          const officeActor = { id: office.id, name: office.name, role: 'office', orgUnitId: district.id };
          await this.audit.append(confirmedAt, confirmer, 'dispatch_report.confirmed', 'dispatch_report', reportId);
          await this.audit.append(submittedAt, officeActor, 'dispatch_report.submitted', 'dispatch_report', reportId, {
            status: ['confirmed', 'submitted'],
            version: [null, 1],
            on_time: [null, !late],
          });
        }
        if (done % 400 < SECTORS.length) onProgress(done, total);
      }
    }
    onProgress(total, total);
  }

  // ---- The end: number counters and the manifest's pointers ----

  private async counters(): Promise<void> {
    const tables = [
      ['hazard', 'hazard_numbers'],
      ['record', 'inspection_record_numbers'],
      ['penalty', 'penalty_case_numbers'],
    ] as const;
    for (const [kind, table] of tables) {
      for (const [key, last] of this.numbers[kind]) {
        const [district, year] = key.split('-').map(Number) as [number, number];
        await this.writer.add(table, { district_id: district, year, last_number: last });
      }
    }
  }

  result(writer: BatchWriter): GeneratedDataset {
    const byStatus: Record<string, number[]> = {};
    for (const [id, status] of this.districtHazards) {
      const list = (byStatus[status] ??= []);
      if (list.length < 2_000) list.push(id);
    }
    const counts = writer.counts();
    const district = this.districts[0]!;
    const monday = this.reportWeekMonday();
    return {
      scale: this.options.scale,
      seed: this.options.seed,
      until: this.options.until,
      counts,
      users: this.manifestUsers,
      ids: {
        region: this.regionId,
        city: district.cityId,
        district: district.id,
        campaign: this.campaignId,
        enterprise: this.enterprises[0]!.id,
      },
      report: { weekMonday: monday, year: Number(monday.slice(0, 4)) },
      districtHazards: byStatus,
      sectors: SECTORS,
    };
  }
}

/** A valid unified social credit code for enterprise `index` (unique per index). */
function creditCode(index: number): string {
  let body = '9115';
  let n = index;
  for (let k = 0; k < 13; k++) {
    body += CREDIT_CODE_ALPHABET[n % 31];
    n = Math.floor(n / 31);
  }
  return body + creditCodeCheckChar(body)!;
}
