import {
  isEnterpriseRole,
  isInSubtree,
  type OrgKind,
  type Role,
  type Sector,
  territoryOf,
} from '@hazard-ledger/domain';
import { seedCatalogs } from '../src/modules/catalogs/catalog-seed.js';
import { sha256Hex } from '../src/lib/tokens.js';
import { seedDemo } from '../src/seed/demo.js';
import { createParamResolver, type ParamResolver } from './access-matrix-params.js';
import {
  type EnterpriseFacts,
  enterpriseScope,
  expectedVisible,
  FOREIGN_MARK,
  type MatrixWorld,
  SECTOR_MARK,
  type Tester,
  type Variant,
} from './access-matrix-scope.js';
import { seedOutOfScope } from './access-matrix-seed.js';
import { seedOwnEnforcement } from './access-matrix-seed-enforcement.js';
import { seedOwnPhotos } from './access-matrix-seed-files.js';
import { seedOwnImport } from './access-matrix-seed-imports.js';
import { seedOwnNotifications } from './access-matrix-seed-personal.js';
import { seedOwnTipFiles } from './access-matrix-seed-tips.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from './harness.js';

export {
  expectedVisible,
  FOREIGN_MARK,
  type ParamTarget,
  SECTOR_MARK,
  type Tester,
  type Variant,
  VARIANTS,
} from './access-matrix-scope.js';

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

/** Marker strings that must never reach a tester (records outside their scope). */
export type LeakMarkers = { text: string; why: string }[];

export type MatrixFixtures = ParamResolver & {
  t: TestContext;
  testers: Tester[];
  markersFor: (tester: Tester) => LeakMarkers;
  /** Creates the out-of-scope records (district 乙 and 金鼎矿业) through the API. */
  seedOutOfScope: () => Promise<void>;
  auditCount: () => Promise<number>;
};

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
  // Made before the testers' views: the district's staff figures count every inspector, of
  // whichever sector; the account's session is someone else's for DELETE /auth/sessions/:id.
  const otherSectorUserId = await t.createUser({
    username: 'mx_target_mining',
    role: 'inspector',
    orgUnitId: unitByCode('NM-EEDS-DS-ZFDD').id,
    sectors: ['mining'],
  });
  await t.login('mx_target_mining');

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
    // A session's id is the SHA-256 of its cookie token; the spare one is revoked by the matrix,
    // never the session the tester goes on using.
    const spareToken = spare.cookie!.slice(spare.cookie!.indexOf('=') + 1);
    const spareSessionId = sha256Hex(spareToken);
    const enterpriseId = user.enterprise_id === null ? null : Number(user.enterprise_id);
    const enterpriseRow =
      enterpriseId === null
        ? null
        : await k
            .selectFrom('enterprises')
            .select(['org_unit_id', 'sector'])
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
      enterpriseSector: enterpriseRow ? (enterpriseRow.sector as Sector) : null,
      spareSessionId,
    });
  }

  const world: MatrixWorld = {
    t,
    k,
    ents,
    ds,
    districtB,
    districtOf,
    pathOf,
    unitByCode,
    foreignIds: new Map(),
    foreignUserId,
    ownTargetUserId,
    otherSectorUserId,
  };
  // The own enterprise's records the demo lacks, before the testers' views are taken; files go
  // on the records the resolver names, so they are seeded once it exists.
  await seedOwnEnforcement(world);
  await seedOwnImport(world);
  await seedOwnNotifications(world);
  const resolver = await createParamResolver(world);
  await seedOwnTipFiles(world, resolver);
  await seedOwnPhotos(world, resolver);

  const foreignEnterpriseNames = [ents.otherDistrict.name, '甲区化工企业', '甲区矿山企业'];
  const markersFor = (tester: Tester): LeakMarkers => {
    const markers: LeakMarkers = [
      { text: FOREIGN_MARK, why: 'a record of district 乙 (another city)' },
      ...foreignEnterpriseNames.map((text) => ({ text, why: 'an enterprise of another city' })),
    ];
    const outside = (e: EnterpriseFacts) => !expectedVisible(tester, enterpriseScope(world, e));
    for (const e of [ents.otherSector, fireworksDs, industryKbs])
      if (outside(e)) markers.push({ text: e.name, why: 'an enterprise outside the scope' });
    if (outside(ents.otherSector))
      markers.push({ text: SECTOR_MARK, why: 'a record of 金鼎矿业 (another sector/enterprise)' });
    return markers;
  };

  return {
    t,
    testers,
    ...resolver,
    markersFor,
    seedOutOfScope: () => seedOutOfScope(world, resolver),
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
