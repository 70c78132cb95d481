import { sql } from 'kysely';
import {
  enterpriseScope as scopeOfEnterprise,
  type EnterpriseFacts,
  type MatrixWorld,
  otherSectorKey,
  type ParamTarget,
  type RecordScope,
  type Tester,
  today,
  type Variant,
} from './access-matrix-scope.js';
import { IMPORT_UPLOADERS } from './access-matrix-seed-imports.js';
import { MINING_INFORMANT_USERNAME } from './access-matrix-seed-personal.js';

// Path parameters of the access matrix (issue 12 §1): for every `<resource>/<segment>/:<name>`
// key, the value naming a record of each scope variant and that record's scope. A variant with
// no record answers undefined, which the matrix reports as a gap (ACCESS_MATRIX_REPORT).

export type ParamResolver = {
  /** Resolves a path parameter for a variant and tester; undefined = not seeded (reported). */
  resolveParam: (
    key: string,
    variant: Variant,
    tester: Tester | null,
  ) => Promise<ParamTarget | undefined>;
  /** The parameter keys the resolver knows (`<resource>/<segment>/:<name>`). */
  knownParamKeys: readonly string[];
};

/** The resolvers of every path parameter, over the matrix world. */
export async function createParamResolver(world: MatrixWorld): Promise<ParamResolver> {
  const { k, ents, ds, districtB, districtOf, pathOf, unitByCode, foreignIds } = world;
  const { foreignUserId, ownTargetUserId, otherSectorUserId } = world;
  const enterpriseScope = (e: EnterpriseFacts): RecordScope => scopeOfEnterprise(world, e);
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
      // A record seeded for the variant (otherSectorKey for 金鼎矿业's) comes first.
      const seeded =
        foreignKey && v !== 'own'
          ? foreignIds.get(v === 'otherDistrict' ? foreignKey : otherSectorKey(foreignKey))
          : undefined;
      if (seeded !== undefined) return { value: seeded, scope: enterpriseScope(ents[v]) };
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
  /** An attachment of the variant's record of a parent param (one table for every owner type). */
  const attachmentOf = async (
    parentKey: string,
    ownerType: string,
    v: Variant,
    tester: Tester | null,
  ): Promise<ParamTarget | undefined> => {
    const parent = await resolveParam(parentKey, v, tester);
    if (!parent) return undefined;
    const row = await k
      .selectFrom('attachments')
      .select('id')
      .where('owner_type', '=', ownerType)
      .where('owner_id', '=', Number(parent.value))
      .orderBy('id')
      .executeTakeFirst();
    return row ? { value: Number(row.id), scope: parent.scope } : undefined;
  };
  /**
   * A territory-wide record of the variant's district (org_unit_id or district_id column). The
   * other-sector variant exists for records addressed to sectors (notices, alerts, key periods,
   * plans) once seeded under otherSectorKey; staff and trainings have no sector.
   */
  const ofDistrict =
    (table: string, column: string, foreignKey?: string) =>
    async (v: Variant): Promise<ParamTarget | undefined> => {
      if (v === 'otherSector') {
        const id = foreignKey ? foreignIds.get(otherSectorKey(foreignKey)) : undefined;
        const sector = ents.otherSector.sector;
        return id === undefined
          ? undefined
          : { value: id, scope: { kind: 'territory', orgPath: ds.path, sector } };
      }
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
      // Someone else's session: the mining inspector of 东胜, or district 乙's inspector.
      if (v === 'own') return undefined;
      const userId = v === 'otherDistrict' ? foreignUserId : otherSectorUserId;
      // Session ids are hex hashes, not numbers (firstId would make them NaN).
      const row = await k
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .executeTakeFirst();
      return row ? { value: row.id, scope: { kind: 'user', userId } } : undefined;
    },
    'users/users/:id': async (v) => {
      const brigade = unitByCode('NM-EEDS-DS-ZFDD').path;
      if (v === 'otherSector')
        return {
          value: otherSectorUserId,
          scope: { kind: 'territory', orgPath: brigade, sector: 'mining' },
        };
      const userId = v === 'own' ? ownTargetUserId : foreignUserId;
      const unit = v === 'own' ? brigade : districtB.path;
      return { value: userId, scope: { kind: 'territory', orgPath: unit, sector: 'hazchem' } };
    },
    // The import the variant's office uploaded: kept by its unit, for the row's sector.
    'enterprises/imports/:id': async (v) => {
      const uploader = IMPORT_UPLOADERS[v];
      const row = await k
        .selectFrom('enterprise_imports as i')
        .innerJoin('users as u', 'u.id', 'i.user_id')
        .innerJoin('org_units as o', 'o.id', 'i.org_unit_id')
        .select(['i.id', 'o.path'])
        .where('u.username', '=', uploader.username)
        .orderBy('i.id')
        .executeTakeFirst();
      return row
        ? {
            value: Number(row.id),
            scope: { kind: 'territory', orgPath: row.path, sector: uploader.sector },
          }
        : undefined;
    },
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
    // Own: the demo's campaign (declared above the district); the others once seeded.
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
        : ofDistrict('campaigns', 'org_unit_id', 'campaigns')(v),
    'notices/notices/:id': ofDistrict('notices', 'org_unit_id', 'notices'),
    'notices/attachments/:attachmentId': (v, tester) =>
      attachmentOf('notices/notices/:id', 'notice', v, tester),
    'alerts/alerts/:id': ofDistrict('accident_alerts', 'org_unit_id', 'alerts'),
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
    'enforcement-measures/documents/:fileId': (v, tester) =>
      attachmentOf(
        'enforcement-measures/enforcement-measures/:id',
        'enforcement_measure',
        v,
        tester,
      ),
    'public/files/:fileId': fixed(1),
    'tips/tips/:id': ofEnterpriseRecord('tips', 'tips'),
    'tips/actions/:action': fixed('accept'),
    'tips/files/:fileId': childOf('tips/tips/:id', 'tip_files', 'tip_id'),
    'informants/informants/:id': async (v) => {
      if (v === 'otherSector') {
        const id = foreignIds.get(otherSectorKey('informants'));
        const scope: RecordScope = { kind: 'territory', orgPath: ds.path, sector: 'mining' };
        return id === undefined ? undefined : { value: id, scope };
      }
      const scope: RecordScope = {
        kind: 'territory',
        orgPath: districtOf[v].path,
        sector: 'hazchem',
      };
      if (v === 'otherDistrict') return { value: foreignIds.get('informants')!, scope };
      const id = await firstId('informants', 'district_id', ds.id);
      return id === undefined ? undefined : { value: id, scope };
    },
    'my-reports/my-reports/:id': async (v) => {
      // Own: the demo informant's reports; otherSector: the mining informant's of 东胜;
      // otherDistrict: district 乙's tip (entered by its staff, nobody's report here).
      if (v === 'otherDistrict')
        return { value: foreignIds.get('tips')!, scope: { kind: 'user', userId: foreignUserId } };
      const informant = await k
        .selectFrom('informants as i')
        .innerJoin('users as u', 'u.id', 'i.user_id')
        .select(['i.id', 'u.id as user_id'])
        .where('u.username', '=', v === 'own' ? 'xinxiyuan1' : MINING_INFORMANT_USERNAME)
        .executeTakeFirst();
      if (!informant) return undefined;
      const id = await firstId('tips', 'informant_id', informant.id);
      const scope: RecordScope = { kind: 'user', userId: Number(informant.user_id) };
      return id === undefined ? undefined : { value: id, scope };
    },
    'my-reports/files/:fileId': childOf('my-reports/my-reports/:id', 'tip_files', 'tip_id'),
    // A reward case of the variant's enterprise (through its tip); scoped by district.
    'rewards/rewards/:id': async (v) => {
      const row = await k
        .selectFrom('reward_cases as r')
        .innerJoin('tips', 'tips.id', 'r.tip_id')
        .select(['r.id', 'r.district_id'])
        .where('tips.enterprise_id', '=', ents[v].id)
        .orderBy('r.id')
        .executeTakeFirst();
      return row
        ? {
            value: Number(row.id),
            scope: { kind: 'territory', orgPath: pathOf(Number(row.district_id)), sector: null },
          }
        : undefined;
    },
    'reports/layouts/:table': fixed('attachment1'),
    'disclosures/disclosures/:id': ofEnterpriseRecord('disclosures', 'disclosures'),
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
      // otherSector: the mining office's of 东胜; otherDistrict: anybody else's.
      let others = k
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .select(['n.id', 'n.user_id'])
        .where('n.user_id', '!=', tester.actor.userId);
      if (v === 'otherSector') others = others.where('u.username', '=', 'jichu');
      const row = await others.orderBy('n.id').executeTakeFirst();
      return row
        ? { value: Number(row.id), scope: { kind: 'user', userId: Number(row.user_id) } }
        : undefined;
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
    // A fixture that remembered the wrong field would put "undefined" in the URL, which the
    // app refuses with a 400 the matrix counts as a refusal: the route would go untested.
    if (target && (target.value === undefined || Number.isNaN(target.value)))
      throw new Error(`access-matrix: ${key} [${variant}] resolved to ${String(target.value)}`);
    if (target) resolved.set(cacheKey, target);
    return target;
  }

  return { resolveParam, knownParamKeys: Object.keys(resolvers) };
}
