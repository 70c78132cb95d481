import { sql } from 'kysely';
import {
  type Actor,
  HOT_WORK_DEFAULT_MEASURES,
  isEnterpriseRole,
  isInSubtree,
  type OrgKind,
  type Role,
  type Sector,
  SECTOR_SCOPED_ROLES,
  canAccessRecord,
  territoryOf,
} from '@hazard-ledger/domain';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { todayInChina } from '../src/lib/time.js';
import { seedDemo } from '../src/seed/demo.js';
import { createTestContext, TEST_PASSWORD, type TestClient, type TestContext } from './harness.js';

// Fixtures of the access matrix (issue 12 §1).
//
// The world: the harness's test org (region T → city T-C → districts 甲 T-C-A and 乙 T-C-B) and
// the demo org (region NM → city 鄂尔多斯 → districts 东胜 DS and 康巴什 KBS), seeded through the
// demo seed, which writes its records through the app's services. The users under test sit in
// 东胜 (DS) and the city of 鄂尔多斯; their records are the demo's.
//
// Scope variants of every path parameter:
// - own:           a record of 恒泰化工 (hazchem, DS), the enterprise of the enterprise users and
//                  inside every staff tester's territory and sectors;
// - otherSector:   a record of 金鼎矿业 (mining, DS): another sector for the office and the
//                  inspector (hazchem only), another enterprise for the enterprise users, and
//                  the own territory for the bureau, publicity and the city;
// - otherDistrict: a record of 乙区化工企业 (hazchem, district 乙 of the test org), created here
//                  through the API by that district's own users: another district (and city)
//                  for everyone under test, in the same sector as the office and the inspector.
//
// Every text written for an otherDistrict record carries FOREIGN_MARK, so a list, count or
// export that leaks one shows the mark in its bytes.

/** Written into every record created for another district, to spot it in any response. */
export const FOREIGN_MARK = 'MXB外区标记';
/** Written into the records created for 金鼎矿业 (another sector and enterprise of 东胜). */
export const SECTOR_MARK = 'MXS外行业标记';

export type Variant = 'own' | 'otherSector' | 'otherDistrict';
export const VARIANTS: readonly Variant[] = ['own', 'otherSector', 'otherDistrict'];

/**
 * Who may see a record, in the terms of the domain policies:
 * - record:    `canAccessRecord` (enterprise users their enterprise, staff territory + sector);
 * - territory: a record of an org unit that everyone inside or above it sees (campaigns, key
 *              periods, notices, plans, staff): visible when the unit is in the viewer's
 *              territory or is one of its ancestors; enterprise users judge by their
 *              enterprise's district; sector-scoped roles also by sector;
 * - user:      a record of one user (sessions, notifications, an informant's own reports);
 * - any:       not scoped (national catalogs, fixed names such as a workflow action).
 */
export type RecordScope =
  | { kind: 'record'; orgPath: string; sector: Sector | null; enterpriseId: number | null }
  | { kind: 'territory'; orgPath: string; sector: Sector | null }
  | { kind: 'user'; userId: number }
  | { kind: 'any' };

/** A value for one path parameter and the scope of the record it names. */
export type ParamTarget = { value: string | number; scope: RecordScope };

/** One signed-in user of the matrix, with the facts the domain policies decide on. */
export type Tester = {
  role: Role;
  username: string;
  client: TestClient;
  actor: Actor;
  /** For enterprise users: the path of their enterprise's district. */
  enterpriseDistrictPath: string | null;
  /** A second session of this user, to revoke through DELETE /auth/sessions/:id. */
  spareSessionId: number;
};

/** Marker strings that must never reach a tester (records outside their scope). */
export type LeakMarkers = { text: string; why: string }[];

export type MatrixFixtures = {
  t: TestContext;
  testers: Tester[];
  /** Resolves a path parameter for a variant and tester; undefined = not seeded (reported). */
  resolveParam: (
    key: string,
    variant: Variant,
    tester: Tester | null,
  ) => Promise<ParamTarget | undefined>;
  /** The parameter keys the resolver knows (`<resource>/<segment>/:<name>`). */
  knownParamKeys: readonly string[];
  markersFor: (tester: Tester) => LeakMarkers;
  /** Creates the out-of-scope records (district 乙 and 金鼎矿业) through the API. */
  seedOutOfScope: () => Promise<void>;
  auditCount: () => Promise<number>;
};

type EnterpriseFacts = { id: number; name: string; sector: Sector; districtId: number };

const today = todayInChina();
const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Whether a tester may see a record of this scope, by the domain's policies. */
export function expectedVisible(tester: Tester | null, scope: RecordScope): boolean {
  if (scope.kind === 'any') return true;
  if (!tester) return false;
  if (scope.kind === 'user') return scope.userId === tester.actor.userId;
  if (scope.kind === 'record') {
    return canAccessRecord(tester.actor, {
      orgPath: scope.orgPath,
      sector: scope.sector,
      enterpriseId: scope.enterpriseId,
    });
  }
  const viewerPath = tester.enterpriseDistrictPath ?? tester.actor.territoryPath;
  const related = isInSubtree(scope.orgPath, viewerPath) || isInSubtree(viewerPath, scope.orgPath);
  if (!related) return false;
  if (SECTOR_SCOPED_ROLES.includes(tester.role) && tester.actor.sectors && scope.sector) {
    return tester.actor.sectors.includes(scope.sector);
  }
  return true;
}

async function expectCreated(
  label: string,
  res: { statusCode: number; body: string },
): Promise<{ id: number }> {
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`fixture ${label}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as { id: number };
}

/** Builds the whole matrix world: test org, demo data, other-district records, testers. */
export async function createMatrixFixtures(): Promise<MatrixFixtures> {
  const t = await createTestContext();
  await seedCatalogs(t.db, t.app.audit);
  await seedDemo(t.db, t.app.audit, TEST_PASSWORD, t.config);
  const k = t.db.kysely;

  const units = await k.selectFrom('org_units').select(['id', 'kind', 'path', 'code']).execute();
  const unitById = new Map(units.map((u) => [Number(u.id), u]));
  const unitByCode = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`org unit ${code} missing`);
    return { id: Number(u.id), path: u.path };
  };
  const pathOf = (unitId: number): string => {
    const u = unitById.get(unitId);
    if (!u) throw new Error(`org unit ${unitId} missing`);
    return u.path;
  };
  const territoryPathOf = (unitId: number): string => {
    const unit = unitById.get(unitId)!;
    const ancestors = units.filter((u) => isInSubtree(unit.path, u.path) && u.id !== unit.id);
    return territoryOf(
      { kind: unit.kind as OrgKind, path: unit.path },
      ancestors.map((a) => ({ kind: a.kind as OrgKind, path: a.path })),
    );
  };

  const enterprise = async (name: string): Promise<EnterpriseFacts> => {
    const row = await k
      .selectFrom('enterprises')
      .select(['id', 'name', 'sector', 'org_unit_id'])
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return {
      id: Number(row.id),
      name: row.name,
      sector: row.sector as Sector,
      districtId: Number(row.org_unit_id),
    };
  };
  const ents: Record<Variant, EnterpriseFacts> = {
    own: await enterprise('东胜区恒泰化工有限公司'),
    otherSector: await enterprise('东胜区金鼎矿业有限责任公司'),
    otherDistrict: await enterprise('乙区化工企业'),
  };
  const fireworksDs = await enterprise('东胜区华安烟花爆竹批发有限公司');
  const industryKbs = await enterprise('康巴什区宏远冶金有限公司');
  const ds = unitByCode('NM-EEDS-DS');
  const districtB = { id: t.org.districtB, path: pathOf(t.org.districtB) };
  const districtOf: Record<Variant, { id: number; path: string }> = {
    own: ds,
    otherSector: ds,
    otherDistrict: districtB,
  };

  // --- Other-district records, created through the API by district 乙's own users -----------
  await t.createUser({ username: 'mx_admin_b', role: 'bureau_admin', orgUnitId: t.org.districtB });
  await t.createUser({
    username: 'mx_safety_b',
    role: 'ent_safety',
    orgUnitId: t.org.districtB,
    enterpriseId: ents.otherDistrict.id,
  });
  await t.createUser({
    username: 'mx_office_b',
    role: 'office',
    orgUnitId: t.org.officeWeihuaB,
    sectors: ['hazchem'],
  });
  const foreignUserId = await t.createUser({
    username: 'mx_target_b',
    role: 'inspector',
    orgUnitId: t.org.districtB,
    sectors: ['hazchem'],
    displayName: `${FOREIGN_MARK}用户`,
  });
  const ownTargetUserId = await t.createUser({
    username: 'mx_target_a',
    role: 'inspector',
    orgUnitId: unitByCode('NM-EEDS-DS-ZFDD').id,
    sectors: ['hazchem'],
  });
  const foreignIds = new Map<string, number>();
  type TestResponse = { statusCode: number; body: string };

  // --- Testers: one per role, in 东胜 (the city user in 鄂尔多斯) -----------------------------
  await t.createUser({
    username: 'mx_inspector',
    role: 'inspector',
    orgUnitId: unitByCode('NM-EEDS-DS-ZFDD').id,
    sectors: ['hazchem'],
  });
  const testerSpecs: { role: Role; username: string }[] = [
    { role: 'bureau_admin', username: 'admin' },
    { role: 'office', username: 'weihua' },
    { role: 'inspector', username: 'mx_inspector' },
    { role: 'publicity', username: 'xuanjiao' },
    { role: 'city', username: 'city' },
    { role: 'ent_leader', username: 'qiye1_fzr' },
    { role: 'ent_safety', username: 'qiye1_aq' },
    { role: 'informant', username: 'xinxiyuan1' },
  ];
  const testers: Tester[] = [];
  for (const spec of testerSpecs) {
    const user = await k
      .selectFrom('users')
      .select(['id', 'role', 'org_unit_id', 'sectors', 'enterprise_id'])
      .where('username', '=', spec.username)
      .executeTakeFirstOrThrow();
    if (user.role !== spec.role) throw new Error(`${spec.username} is ${user.role}`);
    // The informant's demo password is set when the bureau opens the account; use ours.
    if (spec.role === 'informant') {
      const hash = await k
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow();
      await k
        .updateTable('users')
        .set({ password_hash: hash.password_hash, password_changed_at: new Date().toISOString() })
        .where('id', '=', user.id)
        .execute();
    }
    const spare = await t.login(spec.username);
    const client = await t.login(spec.username);
    const spareSession = await k
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .orderBy('id', 'asc')
      .executeTakeFirstOrThrow();
    void spare;
    const enterpriseId = user.enterprise_id === null ? null : Number(user.enterprise_id);
    const enterpriseRow =
      enterpriseId === null
        ? null
        : await k
            .selectFrom('enterprises')
            .select('org_unit_id')
            .where('id', '=', enterpriseId)
            .executeTakeFirstOrThrow();
    const sectors =
      typeof user.sectors === 'string'
        ? (JSON.parse(user.sectors) as Sector[])
        : ((user.sectors as Sector[] | null) ?? null);
    testers.push({
      role: spec.role,
      username: spec.username,
      client,
      actor: {
        userId: Number(user.id),
        role: spec.role,
        orgUnitId: Number(user.org_unit_id),
        territoryPath: territoryPathOf(Number(user.org_unit_id)),
        sectors,
        enterpriseId,
      },
      enterpriseDistrictPath: enterpriseRow ? pathOf(Number(enterpriseRow.org_unit_id)) : null,
      spareSessionId: Number(spareSession.id),
    });
  }

  /** Creates the out-of-scope records through the API (after the 'before' snapshot). */
  const seedOutOfScope = async (): Promise<void> => {
    const adminB = await t.login('mx_admin_b');
    const safetyB = await t.login('mx_safety_b');
    const officeB = await t.login('mx_office_b');
    const entB = `/api/v1/enterprises/${ents.otherDistrict.id}`;
    const remember = async (key: string, label: string, res: Promise<TestResponse>) => {
      foreignIds.set(key, (await expectCreated(label, await res)).id);
    };

    await remember(
      'hazards',
      'hazard',
      adminB.post('/api/v1/hazards', {
        enterpriseId: ents.otherDistrict.id,
        level: 'major',
        title: `${FOREIGN_MARK}隐患`,
        description: `${FOREIGN_MARK}储罐区可燃气体报警器失效`,
        origin: 'enforcement',
        foundAt: today,
        foundBy: '执法人员',
        noCatalogReason: '测试',
        treatment: 'deadline',
      }),
    );
    await remember(
      'tips',
      'tip',
      adminB.post('/api/v1/tips', {
        channel: 'hotline_12350',
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        enterpriseId: ents.otherDistrict.id,
        subject: `${FOREIGN_MARK}举报`,
        description: `${FOREIGN_MARK}夜间在储罐区动火作业，未办理动火审批，也没有人监护。`,
        place: '储罐区东侧',
        catalogItemCode: 'HG-2017-07',
        anonymous: false,
        insider: true,
        identity: { name: '乙举报', phone: '13912345670', idNumber: null, contact: '乙区' },
      }),
    );
    await remember(
      'accidents',
      'accident',
      adminB.post('/api/v1/accidents', {
        enterpriseId: ents.otherDistrict.id,
        occurredAt: '2025-06-10T10:00:00+08:00',
        type: 'explosion',
        place: `${FOREIGN_MARK}仓库`,
        deaths: 1,
        seriousInjuries: 2,
        minorInjuries: 3,
        directLossFen: 350_000_00,
        level: 'general',
        report: `${FOREIGN_MARK}仓库可燃气体泄漏遇明火爆炸`,
      }),
    );
    await remember(
      'key-periods',
      'key period',
      officeB.post('/api/v1/key-periods', {
        name: `${FOREIGN_MARK}节点`,
        startDate: today,
        endDate: addDays(today, 3),
        sectors: ['hazchem'],
      }),
    );
    await remember(
      'leader-inspections',
      'leader inspection',
      safetyB.post(`${entB}/leader-inspections`, {
        inspectedOn: today,
        participants: `${FOREIGN_MARK}参加人`,
        places: '储罐区',
        content: `${FOREIGN_MARK}检查内容`,
      }),
    );
    await remember(
      'hot-work-permits',
      'hot-work permit',
      safetyB.post(`${entB}/hot-work-permits`, {
        workDescription: `${FOREIGN_MARK}动火`,
        place: '罐区',
        level: 'level1',
        startAt: new Date(Date.now() - 3600_000).toISOString(),
        endAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
        guardian: '乙监护',
        operators: '乙焊工',
        measures: HOT_WORK_DEFAULT_MEASURES.map((text) => ({ text, checked: true })),
      }),
    );
    const drills = await expectCreated(
      'drill',
      await safetyB.post(`${entB}/duty-records/drills`, {
        scenario: `${FOREIGN_MARK}演练`,
        drillDate: today,
        participants: 20,
      }),
    );
    void drills;
    await expectCreated(
      'position',
      await safetyB.post(`${entB}/duty-records/positions`, {
        name: `${FOREIGN_MARK}岗位`,
        category: 'main_leader',
        duties: '全面负责安全生产',
      }),
    );
    await expectCreated(
      'operation certificate',
      await safetyB.post(`${entB}/operation-certificates`, {
        holderName: `${FOREIGN_MARK}焊工`,
        category: 'welding',
        certificateNo: 'T1527MXB0001',
        validUntil: addDays(today, 800),
        holderType: 'employee',
        engagedBy: '设备部',
      }),
    );
    await remember(
      'informants',
      'informant',
      adminB.post('/api/v1/informants', {
        name: `${FOREIGN_MARK}信息员`,
        phone: '13800000099',
        sectors: ['hazchem'],
        districtId: t.org.districtB,
        enterpriseId: ents.otherDistrict.id,
        area: null,
        note: null,
      }),
    );
    await remember(
      'inspection-plans',
      'inspection plan',
      adminB.post('/api/v1/inspection-plans', {
        name: `${FOREIGN_MARK}计划`,
        kind: 'random',
        startDate: today,
        endDate: addDays(today, 20),
        sectors: ['hazchem'],
        enterpriseCount: 1,
      }),
    );

    // Another sector of the own district: 金鼎矿业 (mining), through its own users and the
    // mining office, so the sector and enterprise dimensions get new records too.
    const jichu = await t.login('jichu');
    const miningSafety = await t.login('qiye2_aq');
    const entMining = `/api/v1/enterprises/${ents.otherSector.id}`;
    await expectCreated(
      'mining hazard',
      await jichu.post('/api/v1/hazards', {
        enterpriseId: ents.otherSector.id,
        level: 'major',
        title: `${SECTOR_MARK}隐患`,
        description: `${SECTOR_MARK}边坡变形监测系统停用`,
        origin: 'enforcement',
        foundAt: today,
        foundBy: '执法人员',
        noCatalogReason: '测试',
        treatment: 'deadline',
      }),
    );
    await expectCreated(
      'mining tip',
      await jichu.post('/api/v1/tips', {
        channel: 'hotline_12350',
        receivedAt: new Date(Date.now() - 3600_000).toISOString(),
        enterpriseId: ents.otherSector.id,
        subject: `${SECTOR_MARK}举报`,
        description: `${SECTOR_MARK}采场夜间违规爆破，未设警戒。`,
        place: '采场',
        anonymous: true,
        insider: false,
      }),
    );
    await expectCreated(
      'mining leader inspection',
      await miningSafety.post(`${entMining}/leader-inspections`, {
        inspectedOn: today,
        participants: `${SECTOR_MARK}参加人`,
        places: '采场',
        content: `${SECTOR_MARK}检查内容`,
      }),
    );
    await expectCreated(
      'mining certificate',
      await miningSafety.post(`${entMining}/operation-certificates`, {
        holderName: `${SECTOR_MARK}爆破工`,
        category: 'welding',
        certificateNo: 'T1527MXS0001',
        validUntil: addDays(today, 800),
        holderType: 'employee',
        engagedBy: '设备部',
      }),
    );
  };

  // --- Path parameters -----------------------------------------------------------------------
  const enterpriseScope = (e: EnterpriseFacts): RecordScope => ({
    kind: 'record',
    orgPath: pathOf(e.districtId),
    sector: e.sector,
    enterpriseId: e.id,
  });
  const anyScope: RecordScope = { kind: 'any' };

  /** The first row of `table` whose `column` is `value` (by id), or undefined. */
  const firstId = async (
    table: string,
    column: string,
    value: number | string,
    idColumn = 'id',
  ): Promise<number | undefined> => {
    const rows = await sql<{ id: number }>`select ${sql.ref(idColumn)} as id from ${sql.table(
      table,
    )} where ${sql.ref(column)} = ${value} order by ${sql.ref(idColumn)} limit 1`.execute(k);
    const id = rows.rows[0]?.id;
    return id === undefined ? undefined : Number(id);
  };
  /** A record of the variant's enterprise in `table` (enterprise_id column). */
  const ofEnterprise =
    (table: string, foreignKey?: string) =>
    async (v: Variant): Promise<ParamTarget | undefined> => {
      if (v === 'otherDistrict' && foreignKey && foreignIds.has(foreignKey))
        return { value: foreignIds.get(foreignKey)!, scope: enterpriseScope(ents[v]) };
      const id = await firstId(table, 'enterprise_id', ents[v].id);
      return id === undefined ? undefined : { value: id, scope: enterpriseScope(ents[v]) };
    };
  /** A record of a child table that belongs to the variant's record of a parent param. */
  const childOf =
    (parentKey: string, table: string, column: string) =>
    async (v: Variant, tester: Tester | null): Promise<ParamTarget | undefined> => {
      const parent = await resolveParam(parentKey, v, tester);
      if (!parent) return undefined;
      const id = await firstId(table, column, parent.value);
      return id === undefined ? undefined : { value: id, scope: parent.scope };
    };
  /** A territory-wide record of the variant's district (org_unit_id or district_id column). */
  const ofDistrict =
    (table: string, column: string, foreignKey?: string) =>
    async (v: Variant): Promise<ParamTarget | undefined> => {
      if (v === 'otherSector') return undefined; // sector is not what scopes these records
      const district = districtOf[v];
      const scope: RecordScope = { kind: 'territory', orgPath: district.path, sector: null };
      if (v === 'otherDistrict' && foreignKey && foreignIds.has(foreignKey))
        return { value: foreignIds.get(foreignKey)!, scope };
      const rows = await sql<{ id: number }>`select t.id as id from ${sql.table(table)} t
        join org_units o on o.id = t.${sql.ref(column)}
        where o.path like ${`${district.path}%`} order by t.id limit 1`.execute(k);
      const id = rows.rows[0]?.id;
      return id === undefined ? undefined : { value: Number(id), scope };
    };
  const fixed =
    (value: string | number) =>
    async (v: Variant): Promise<ParamTarget | undefined> =>
      v === 'own' ? { value, scope: anyScope } : undefined;
  /** A record of a table that has its own district_id, enterprise_id and sector columns. */
  const ofEnterpriseRecord = ofEnterprise;

  const catalogVersion = await k
    .selectFrom('catalog_versions')
    .select(['catalog_id', 'version', 'id'])
    .where('status', '=', 'published')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const catalogItem = await k
    .selectFrom('catalog_items')
    .select('code')
    .where('catalog_version_id', '=', catalogVersion.id)
    .orderBy('ordinal')
    .executeTakeFirstOrThrow();
  const campaign = await k
    .selectFrom('campaigns')
    .select(['id', 'org_unit_id'])
    .executeTakeFirstOrThrow();

  type Resolver = (v: Variant, tester: Tester | null) => Promise<ParamTarget | undefined>;
  // Keys are `<first segment after /api/v1>/<segment before the param>/:<param>`; the test
  // fails on a route whose key is missing here, so a new route gets its parameters mapped.
  const resolvers: Record<string, Resolver> = {
    'auth/sessions/:id': async (v, tester) => {
      if (v === 'own' && tester)
        return {
          value: tester.spareSessionId,
          scope: { kind: 'user', userId: tester.actor.userId },
        };
      if (v === 'otherDistrict') {
        const id = await firstId('sessions', 'user_id', foreignUserId);
        if (id !== undefined) return { value: id, scope: { kind: 'user', userId: foreignUserId } };
      }
      return undefined;
    },
    'users/users/:id': async (v) => {
      if (v === 'otherSector') return undefined;
      const userId = v === 'own' ? ownTargetUserId : foreignUserId;
      const unit = v === 'own' ? unitByCode('NM-EEDS-DS-ZFDD').path : districtB.path;
      return { value: userId, scope: { kind: 'territory', orgPath: unit, sector: 'hazchem' } };
    },
    'enterprises/imports/:id': async () => undefined,
    'enterprises/enterprises/:id': async (v) => ({
      value: ents[v].id,
      scope: enterpriseScope(ents[v]),
    }),
    'enterprises/people/:personId': ofEnterprise('enterprise_people'),
    'enterprises/hazard-sources/:sourceId': ofEnterprise('hazard_sources'),
    'enterprises/key-periods/:periodId': async (v) => {
      const scoped = await resolvers['key-periods/key-periods/:id']!(
        v === 'otherSector' ? 'own' : v,
        null,
      );
      return scoped;
    },
    'enterprises/safety-funds/:year': fixed(Number(today.slice(0, 4))),
    'enterprises/positions/:recordId': ofEnterprise('duty_positions'),
    'enterprises/deputy-lists/:recordId': ofEnterprise('duty_deputy_lists'),
    'enterprises/work-lists/:recordId': ofEnterprise('duty_work_lists'),
    'enterprises/experts/:recordId': ofEnterprise('duty_experts'),
    'enterprises/contracts/:recordId': ofEnterprise('outsourcing_contracts'),
    'enterprises/reviews/:recordId': ofEnterprise('outsourcing_reviews'),
    'enterprises/drills/:recordId': ofEnterprise('emergency_drills'),
    'enterprises/checks/:checkId': ofEnterprise('outsourcing_checks'),
    'enterprises/files/:fileId': ofEnterprise('duty_files'),
    'hazards/hazards/:id': ofEnterpriseRecord('hazards', 'hazards'),
    'hazards/actions/:action': fixed('accept'),
    'hazards/files/:fileId': childOf('hazards/hazards/:id', 'hazard_files', 'hazard_id'),
    'catalogs/catalogs/:catalogId': fixed(catalogVersion.catalog_id),
    'catalogs/versions/:version': fixed(catalogVersion.version),
    'catalogs/items/:code': fixed(catalogItem.code),
    'campaigns/campaigns/:id': async (v) =>
      v === 'own'
        ? {
            value: Number(campaign.id),
            scope: {
              kind: 'territory',
              orgPath: pathOf(Number(campaign.org_unit_id)),
              sector: null,
            },
          }
        : undefined,
    'notices/notices/:id': ofDistrict('notices', 'org_unit_id'),
    'notices/attachments/:attachmentId': childOf('notices/notices/:id', 'attachments', 'owner_id'),
    'alerts/alerts/:id': ofDistrict('accident_alerts', 'org_unit_id'),
    'self-inspections/self-inspections/:id': ofEnterpriseRecord('self_inspections'),
    'self-inspections/items/:code': async (v, tester) => {
      const run = await resolvers['self-inspections/self-inspections/:id']!(v, tester);
      if (!run) return undefined;
      const item = await k
        .selectFrom('self_inspection_items')
        .select('item_code')
        .where('run_id', '=', Number(run.value))
        .orderBy('ordinal')
        .executeTakeFirst();
      return item ? { value: item.item_code, scope: run.scope } : undefined;
    },
    'self-inspections/photos/:photoId': childOf(
      'self-inspections/self-inspections/:id',
      'self_inspection_photos',
      'run_id',
    ),
    'leader-inspections/leader-inspections/:id': ofEnterpriseRecord(
      'leader_inspections',
      'leader-inspections',
    ),
    'key-periods/key-periods/:id': ofDistrict('key_periods', 'org_unit_id', 'key-periods'),
    'hot-work-permits/hot-work-permits/:id': ofEnterpriseRecord(
      'hot_work_permits',
      'hot-work-permits',
    ),
    'hot-work-permits/actions/:action': fixed('approve'),
    'welding-checks/welding-checks/:id': ofEnterpriseRecord('welding_equipment_checks'),
    'warning-educations/warning-educations/:id': ofEnterpriseRecord('warning_educations'),
    'warning-educations/photos/:photoId': childOf(
      'warning-educations/warning-educations/:id',
      'warning_education_photos',
      'education_id',
    ),
    'hazardous-staff-checks/hazardous-staff-checks/:id':
      ofEnterpriseRecord('hazardous_staff_checks'),
    'operation-certificates/operation-certificates/:id':
      ofEnterpriseRecord('operation_certificates'),
    'inspection-plans/inspection-plans/:id': ofDistrict(
      'inspection_plans',
      'org_unit_id',
      'inspection-plans',
    ),
    'inspections/inspections/:id': ofEnterpriseRecord('inspection_records'),
    'verify/verify/:code': fixed('0000000000000000'),
    'enforcement-orders/enforcement-orders/:id': ofEnterpriseRecord('enforcement_orders'),
    'on-site-measures/on-site-measures/:id': ofEnterpriseRecord('on_site_measures'),
    'penalty-cases/penalty-cases/:id': ofEnterpriseRecord('penalty_cases'),
    'penalty-cases/actions/:action': fixed('file'),
    'penalty-cases/parties/:partyId': childOf(
      'penalty-cases/penalty-cases/:id',
      'penalty_case_parties',
      'case_id',
    ),
    'enforcement-measures/enforcement-measures/:id': ofEnterpriseRecord('enforcement_measures'),
    'enforcement-measures/documents/:fileId': async () => undefined,
    'public/files/:fileId': fixed(1),
    'tips/tips/:id': ofEnterpriseRecord('tips', 'tips'),
    'tips/actions/:action': fixed('accept'),
    'tips/files/:fileId': childOf('tips/tips/:id', 'tip_files', 'tip_id'),
    'informants/informants/:id': async (v) => {
      if (v === 'otherSector') return undefined;
      const scope: RecordScope = {
        kind: 'territory',
        orgPath: districtOf[v].path,
        sector: 'hazchem',
      };
      if (v === 'otherDistrict') return { value: foreignIds.get('informants')!, scope };
      const id = await firstId('informants', 'district_id', ds.id);
      return id === undefined ? undefined : { value: id, scope };
    },
    'my-reports/my-reports/:id': async (v, tester) => {
      // An informant's own reports: the demo informant's tips; another informant's do not count.
      const informant = await k
        .selectFrom('informants')
        .select(['id', 'user_id'])
        .where('user_id', 'is not', null)
        .executeTakeFirst();
      if (!informant || informant.user_id === null) return undefined;
      const owner = Number(informant.user_id);
      if (v === 'own') {
        const id = await firstId('tips', 'informant_id', informant.id);
        return id === undefined ? undefined : { value: id, scope: { kind: 'user', userId: owner } };
      }
      if (v === 'otherDistrict')
        return { value: foreignIds.get('tips')!, scope: { kind: 'user', userId: foreignUserId } };
      void tester;
      return undefined;
    },
    'my-reports/files/:fileId': async () => undefined,
    'rewards/rewards/:id': async (v) => {
      if (v !== 'own') return undefined;
      const row = await k
        .selectFrom('reward_cases')
        .select(['id', 'district_id'])
        .executeTakeFirst();
      return row
        ? {
            value: Number(row.id),
            scope: { kind: 'territory', orgPath: pathOf(Number(row.district_id)), sector: null },
          }
        : undefined;
    },
    'reports/layouts/:table': fixed('attachment1'),
    'disclosures/disclosures/:id': ofEnterpriseRecord('disclosures'),
    'disclosures/photos/:photoId': childOf(
      'disclosures/disclosures/:id',
      'disclosure_photos',
      'disclosure_id',
    ),
    'disclosures/:photoId/:variant': fixed('redacted'),
    'public/cases/:id': fixed(1),
    'public/photos/:photoId': fixed(1),
    'enforcement-staff/enforcement-staff/:id': ofDistrict('enforcement_staff', 'district_id'),
    'staff-trainings/staff-trainings/:id': ofDistrict('staff_trainings', 'district_id'),
    'operation-trainings/operation-trainings/:id': ofDistrict('operation_trainings', 'district_id'),
    'operation-training-enrolments/operation-training-enrolments/:id': ofEnterprise(
      'operation_training_enrolments',
    ),
    'my/operation-trainings/:id': ofDistrict('operation_trainings', 'district_id'),
    'my/operation-training-enrolments/:id': ofEnterprise('operation_training_enrolments'),
    'notifications/notifications/:id': async (v, tester) => {
      if (!tester) return undefined;
      if (v === 'own') {
        const id = await firstId('notifications', 'user_id', tester.actor.userId);
        return id === undefined
          ? undefined
          : { value: id, scope: { kind: 'user', userId: tester.actor.userId } };
      }
      if (v === 'otherDistrict') {
        const row = await k
          .selectFrom('notifications')
          .select(['id', 'user_id'])
          .where('user_id', '!=', tester.actor.userId)
          .orderBy('id')
          .executeTakeFirst();
        return row
          ? { value: Number(row.id), scope: { kind: 'user', userId: Number(row.user_id) } }
          : undefined;
      }
      return undefined;
    },
    'accidents/accidents/:id': ofEnterpriseRecord('accidents', 'accidents'),
  };

  const resolved = new Map<string, ParamTarget>();
  async function resolveParam(
    key: string,
    variant: Variant,
    tester: Tester | null,
  ): Promise<ParamTarget | undefined> {
    const resolver = resolvers[key];
    if (!resolver) throw new Error(`no access-matrix mapping for path parameter ${key}`);
    // Ids do not change once a record exists; a miss is looked up again (it may be seeded later).
    const cacheKey = `${key} ${variant} ${tester?.actor.userId ?? 0}`;
    const cached = resolved.get(cacheKey);
    if (cached) return cached;
    const target = await resolver(variant, tester);
    if (target) resolved.set(cacheKey, target);
    return target;
  }

  const foreignEnterpriseNames = [ents.otherDistrict.name, '甲区化工企业', '甲区矿山企业'];
  const markersFor = (tester: Tester): LeakMarkers => {
    const markers: LeakMarkers = [
      { text: FOREIGN_MARK, why: 'a record of district 乙 (another city)' },
      ...foreignEnterpriseNames.map((text) => ({ text, why: 'an enterprise of another city' })),
    ];
    const outside = (e: EnterpriseFacts) => !expectedVisible(tester, enterpriseScope(e));
    for (const e of [ents.otherSector, fireworksDs, industryKbs])
      if (outside(e)) markers.push({ text: e.name, why: 'an enterprise outside the scope' });
    if (outside(ents.otherSector))
      markers.push({ text: SECTOR_MARK, why: 'a record of 金鼎矿业 (another sector/enterprise)' });
    return markers;
  };

  return {
    t,
    testers,
    resolveParam,
    knownParamKeys: Object.keys(resolvers),
    markersFor,
    seedOutOfScope,
    auditCount: async () => {
      const row = await k
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

/** True for enterprise-side roles (re-exported so the test reads without the domain import). */
export const isEnterpriseTester = (tester: Tester): boolean => isEnterpriseRole(tester.role);
