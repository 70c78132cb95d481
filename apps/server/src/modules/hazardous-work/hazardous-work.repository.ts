import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { CertificateListState } from '@hazard-ledger/domain';
import type {
  HazardousStaffCheckTable,
  HotWorkPermitEventTable,
  HotWorkPermitTable,
  OperationCertificateTable,
  WarningEducationPhotoTable,
  WarningEducationTable,
  WeldingEquipmentCheckTable,
} from '../../db/schema-hazardous-work.js';
import type { Database } from '../../db/schema.js';
import { type EnterpriseScope, likePattern } from '../enterprises/enterprises.repository.js';
import { EXPORT_BATCH_ROWS } from '../../lib/xlsx.js';

type Q = Kysely<Database> | Transaction<Database>;

// ---------------------------------------------------------------- hot-work permits

/** A permit with what access checks need from its enterprise. */
export async function findPermit(db: Q, id: number) {
  return db
    .selectFrom('hot_work_permits as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .selectAll('p')
    .select(['e.name as enterprise_name', 'e.sector', 'o.path as org_path'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type PermitWithContext = NonNullable<Awaited<ReturnType<typeof findPermit>>>;

/** Inserts a permit; returns its id. */
export async function insertPermit(db: Q, row: Insertable<HotWorkPermitTable>): Promise<number> {
  const { id } = await db
    .insertInto('hot_work_permits')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a permit if it still has `version`; bumps the version. Returns whether it did. */
export async function updatePermitIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<HotWorkPermitTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('hot_work_permits')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Appends one entry to a permit's history. */
export async function insertPermitEvent(
  db: Q,
  row: Insertable<HotWorkPermitEventTable>,
): Promise<void> {
  await db.insertInto('hot_work_permit_events').values(row).execute();
}

/** A permit's history, oldest first. */
export async function listPermitEvents(db: Q, permitId: number) {
  return db
    .selectFrom('hot_work_permit_events')
    .selectAll()
    .where('permit_id', '=', permitId)
    .orderBy('id')
    .execute();
}

/** The event an idempotency key already produced, if any. */
export async function findPermitEventByKey(db: Q, permitId: number, key: string) {
  return db
    .selectFrom('hot_work_permit_events')
    .select('id')
    .where('permit_id', '=', permitId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** One page of an enterprise's permits, the latest window first. */
export async function listPermits(
  db: Q,
  enterpriseId: number,
  filter: { status?: string },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('hot_work_permits').where('enterprise_id', '=', enterpriseId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const [items, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('start_at', 'desc')
      .orderBy('id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** Permits of an enterprise still waiting or open (requested, approved, in progress). */
export async function countOpenPermits(db: Q, enterpriseId: number): Promise<number> {
  const row = await db
    .selectFrom('hot_work_permits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId)
    .where('status', 'in', ['requested', 'approved', 'in_progress'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- voidable records

/** The tables of records that are voided, never deleted. */
export type VoidableTable =
  'welding_equipment_checks' | 'warning_educations' | 'hazardous_staff_checks';

/** The enterprise of a voidable record and whether it is voided already. */
export async function findVoidable(db: Q, table: VoidableTable, id: number) {
  return db
    .selectFrom(table)
    .select(['id', 'enterprise_id', 'voided_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks a record void with the reason; returns whether a live record was voided. */
export async function voidRecord(
  db: Q,
  table: VoidableTable,
  id: number,
  set: { voided_at: string; voided_by_user_id: number; void_reason: string },
): Promise<boolean> {
  const result = await db
    .updateTable(table)
    .set(set)
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Inserts a welding-equipment check; returns its id. */
export async function insertWeldingCheck(
  db: Q,
  row: Insertable<WeldingEquipmentCheckTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('welding_equipment_checks')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Live welding-equipment checks of an enterprise, latest first. */
export async function listWeldingChecks(db: Q, enterpriseId: number) {
  return db
    .selectFrom('welding_equipment_checks')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .orderBy('checked_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Inserts a warning-education activity; returns its id. */
export async function insertEducation(
  db: Q,
  row: Insertable<WarningEducationTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('warning_educations')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Live warning-education activities of an enterprise, latest first. */
export async function listEducations(db: Q, enterpriseId: number) {
  return db
    .selectFrom('warning_educations')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

/** Photos of some activities, in upload order. */
export async function listEducationPhotos(db: Q, educationIds: readonly number[]) {
  if (educationIds.length === 0) return [];
  return db
    .selectFrom('warning_education_photos')
    .selectAll()
    .where('education_id', 'in', [...educationIds])
    .orderBy('id')
    .execute();
}

/** Stores a photo's row; returns its id. */
export async function insertEducationPhoto(
  db: Q,
  row: Insertable<WarningEducationPhotoTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('warning_education_photos')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Inserts a hazardous-operation staff check; returns its id. */
export async function insertStaffCheck(
  db: Q,
  row: Insertable<HazardousStaffCheckTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('hazardous_staff_checks')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Live staff checks of an enterprise, latest first. */
export async function listStaffChecks(db: Q, enterpriseId: number) {
  return db
    .selectFrom('hazardous_staff_checks')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .orderBy('checked_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

// ---------------------------------------------------------------- certificates

/** The filter of the certificate list; `today` fixes what expiring and expired mean. */
export type CertificateFilter = {
  enterpriseId?: number;
  sector?: string;
  /** Matches the enterprise name, the holder or the certificate number. */
  q?: string;
  state?: CertificateListState;
  expiredBefore: string;
  expiringThrough: string;
  like: 'like' | 'ilike';
};

function scopedCertificates(db: Q, scope: EnterpriseScope, f: Omit<CertificateFilter, 'state'>) {
  let q = db
    .selectFrom('operation_certificates as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id');
  if (scope.kind === 'enterprise') {
    q = q.where('c.enterprise_id', '=', scope.enterpriseId);
  } else {
    q = q.where('e.org_unit_id', 'in', scope.districtIds.length ? scope.districtIds : [-1]);
    if (scope.sectors) q = q.where('e.sector', 'in', scope.sectors.length ? scope.sectors : ['-']);
  }
  if (f.enterpriseId) q = q.where('c.enterprise_id', '=', f.enterpriseId);
  if (f.sector) q = q.where('e.sector', '=', f.sector);
  if (f.q) {
    const pattern = likePattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('e.name', f.like, pattern),
        eb('c.holder_name', f.like, pattern),
        eb('c.certificate_no', f.like, pattern.toUpperCase()),
      ]),
    );
  }
  return q;
}

function withState(
  q: ReturnType<typeof scopedCertificates>,
  state: CertificateListState | undefined,
  f: CertificateFilter,
) {
  if (state === 'withdrawn') return q.where('c.withdrawn_at', 'is not', null);
  q = q.where('c.withdrawn_at', 'is', null);
  switch (state) {
    case 'expired':
      return q.where('c.valid_until', '<', f.expiredBefore);
    case 'expiring':
      return q
        .where('c.valid_until', '>=', f.expiredBefore)
        .where('c.valid_until', '<=', f.expiringThrough);
    case 'valid':
      return q.where('c.valid_until', '>', f.expiringThrough);
    case undefined:
      return q;
  }
}

const CERTIFICATE_COLUMNS = [
  'c.id',
  'c.enterprise_id',
  'c.holder_name',
  'c.category',
  'c.operation_item',
  'c.certificate_no',
  'c.issued_on',
  'c.valid_until',
  'c.holder_type',
  'c.employer',
  'c.engaged_by',
  'c.withdrawn_at',
  'c.withdrawn_reason',
  'c.created_at',
  'c.version',
  'e.name as enterprise_name',
  'e.sector',
] as const;

/** One page of certificates in a scope, the soonest expiry first. */
export async function listCertificates(
  db: Q,
  scope: EnterpriseScope,
  f: CertificateFilter,
  page: { offset: number; limit: number },
) {
  const q = withState(scopedCertificates(db, scope, f), f.state, f);
  const [items, count] = await Promise.all([
    q
      .select(CERTIFICATE_COLUMNS)
      .orderBy('c.valid_until', 'asc')
      .orderBy('c.id', 'asc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type CertificateListRow = Awaited<ReturnType<typeof listCertificates>>['items'][number];

/** How many certificates of the filter are in each state (the state filter itself ignored). */
export async function countCertificatesByState(
  db: Q,
  scope: EnterpriseScope,
  f: CertificateFilter,
): Promise<Record<CertificateListState, number>> {
  const counts = await Promise.all(
    (['expiring', 'expired', 'valid', 'withdrawn'] as const).map(async (state) => {
      const row = await withState(scopedCertificates(db, scope, f), state, f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [state, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<CertificateListState, number>;
}

/** Every certificate of the filter, in batches (for the export). */
export async function* iterateCertificates(
  db: Q,
  scope: EnterpriseScope,
  f: CertificateFilter,
  batch = EXPORT_BATCH_ROWS,
) {
  for (let offset = 0; ; offset += batch) {
    const rows = await withState(scopedCertificates(db, scope, f), f.state, f)
      .select(CERTIFICATE_COLUMNS)
      .orderBy('c.valid_until', 'asc')
      .orderBy('c.id', 'asc')
      .offset(offset)
      .limit(batch)
      .execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
  }
}

/** A certificate with what access checks need from its enterprise. */
export async function findCertificate(db: Q, id: number) {
  return db
    .selectFrom('operation_certificates as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('org_units as o', 'o.id', 'e.org_unit_id')
    .select(CERTIFICATE_COLUMNS)
    .select(['o.path as org_path'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CertificateWithContext = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

/** Another certificate in use with the same number at the enterprise, if any. */
export async function findCertificateInUseByNumber(
  db: Q,
  enterpriseId: number,
  certificateNo: string,
  exceptId: number | null,
) {
  let q = db
    .selectFrom('operation_certificates')
    .select(['id', 'holder_name'])
    .where('enterprise_id', '=', enterpriseId)
    .where('certificate_no', '=', certificateNo)
    .where('withdrawn_at', 'is', null);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** Inserts a certificate; returns its id. */
export async function insertCertificate(
  db: Q,
  row: Insertable<OperationCertificateTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('operation_certificates')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** Updates a certificate if it still has `version`; bumps the version. */
export async function updateCertificateIfVersion(
  db: Q,
  id: number,
  version: number,
  set: Updateable<OperationCertificateTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('operation_certificates')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- facts

/** Whether a live record of `table` is dated within [from, to]. */
export async function hasRecordBetween(
  db: Q,
  table: VoidableTable,
  enterpriseId: number,
  from: string,
  to: string,
): Promise<boolean> {
  const column = table === 'warning_educations' ? 'held_on' : 'checked_on';
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('voided_at', 'is', null)
    .where(column, '>=', from)
    .where(column, '<=', to)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Certificates in use at an enterprise: expired before `expiredBefore`, expiring through the bound. */
export async function countCertificateFacts(
  db: Q,
  enterpriseId: number,
  bounds: { expiredBefore: string; expiringThrough: string },
): Promise<{ expired: number; expiring: number }> {
  const inUse = () =>
    db
      .selectFrom('operation_certificates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enterprise_id', '=', enterpriseId)
      .where('withdrawn_at', 'is', null);
  const [expired, expiring] = await Promise.all([
    inUse().where('valid_until', '<', bounds.expiredBefore).executeTakeFirstOrThrow(),
    inUse()
      .where('valid_until', '>=', bounds.expiredBefore)
      .where('valid_until', '<=', bounds.expiringThrough)
      .executeTakeFirstOrThrow(),
  ]);
  return { expired: Number(expired.n), expiring: Number(expiring.n) };
}
