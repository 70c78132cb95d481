import pngjs from 'pngjs';
import type { DisclosureDetail } from '@hazard-ledger/domain';
import type { ParamResolver } from './access-matrix-params.js';
import {
  expectCreated,
  FOREIGN_MARK,
  type MatrixWorld,
  otherSectorKey,
  SECTOR_MARK,
  today,
  type Variant,
} from './access-matrix-scope.js';
import type { TestClient } from './harness.js';
import { multipartFile } from './multipart.js';

// Photos and the enterprise records that carry them, for the access matrix (issue 12 §1):
// hazard photos, the photos of a disclosure (taken from its source hazard's photos, so the
// hazard gets one first), self-inspection photos, warning educations with their photos,
// welding-equipment checks and hazardous-work staff checks. 金鼎矿业's disclosure with photos is
// opened here (its id under otherSectorKey('disclosures')). Photos go on the very records the
// matrix resolves for each variant, so a `/:id/photos/:photoId` route pairs a record with its
// own photo; each is uploaded by whoever keeps that record.

const api = '/api/v1';

/** A small real PNG: the disclosure's redacted copy decodes it, so the stub PNG will not do. */
function photoPng(): Buffer {
  const png = new pngjs.PNG({ width: 16, height: 12 });
  png.data.fill(200);
  return pngjs.PNG.sync.write(png);
}

async function upload(client: TestClient, url: string, label: string): Promise<{ id: number }> {
  return expectCreated(
    label,
    client.request({
      method: 'POST',
      url,
      ...multipartFile(`${label}.png`, photoPng(), 'image/png'),
    }),
  );
}

/** The id the matrix uses for a parameter and variant; the fixture fails if there is none. */
async function resolvedId(resolver: ParamResolver, key: string, variant: Variant) {
  const target = await resolver.resolveParam(key, variant, null);
  if (!target) throw new Error(`fixture: no ${variant} record for ${key}`);
  return Number(target.value);
}

/** A photo of the disclosure's source hazard, uploaded by `inspector`, added by `publicity`. */
async function disclosurePhoto(
  publicity: TestClient,
  inspector: TestClient,
  disclosureId: number,
  mark: string,
): Promise<void> {
  const read = () =>
    expectCreated<DisclosureDetail>(
      `${mark} disclosure`,
      publicity.get(`${api}/disclosures/${disclosureId}`),
    );
  const disclosure = await read();
  await upload(
    inspector,
    `${api}/hazards/${disclosure.sourceId}/files?kind=before`,
    `${mark}隐患现场`,
  );
  const source = (await read()).sourcePhotos[0];
  if (!source) throw new Error(`fixture ${mark} disclosure: the hazard photo is not offered`);
  await expectCreated(
    `${mark} disclosure photo`,
    publicity.post(`${api}/disclosures/${disclosureId}/photos`, { sourceFileId: source.fileId }),
  );
}

/** A photo on the first checklist item of the self-inspection run the matrix resolves. */
async function selfInspectionPhoto(
  safety: TestClient,
  resolver: ParamResolver,
  variant: Variant,
  mark: string,
): Promise<void> {
  const run = await resolvedId(resolver, 'self-inspections/self-inspections/:id', variant);
  const item = await resolver.resolveParam('self-inspections/items/:code', variant, null);
  if (!item) throw new Error(`fixture ${mark}: the self-inspection run has no items`);
  await upload(
    safety,
    `${api}/self-inspections/${run}/items/${encodeURIComponent(String(item.value))}/photos`,
    `${mark}自查照片`,
  );
}

/**
 * The hazardous-work records of an enterprise (a warning education with a photo, a welding
 * equipment check, a check of the staff's certificates), by its safety officer.
 */
async function hazardousWorkRecords(
  safety: TestClient,
  enterpriseId: number,
  mark: string,
): Promise<void> {
  const base = `${api}/enterprises/${enterpriseId}`;
  const education = await expectCreated(
    `${mark} warning education`,
    safety.post(`${base}/warning-educations`, {
      heldOn: today,
      participants: 30,
      content: `${mark}观看违规动火事故警示片`,
      organizer: `${mark}安全部`,
    }),
  );
  await upload(safety, `${api}/warning-educations/${education.id}/photos`, `${mark}警示教育`);
  await expectCreated(
    `${mark} welding check`,
    safety.post(`${base}/welding-checks`, {
      checkedOn: today,
      equipmentCount: 2,
      checkedBy: `${mark}设备部`,
    }),
  );
  await expectCreated(
    `${mark} hazardous staff check`,
    safety.post(`${base}/hazardous-staff-checks`, {
      checkedOn: today,
      scope: `${mark}动火作业人员`,
      peopleChecked: 10,
      unlicensedFound: 0,
    }),
  );
}

/** The own enterprise's photos and records the demo lacks (before the testers' views). */
export async function seedOwnPhotos(world: MatrixWorld, resolver: ParamResolver): Promise<void> {
  const { t, ents } = world;
  const safety = await t.login('qiye1_aq');
  await disclosurePhoto(
    await t.login('xuanjiao'),
    await t.login('zhifa1'),
    await resolvedId(resolver, 'disclosures/disclosures/:id', 'own'),
    '本企业',
  );
  const education = await resolvedId(resolver, 'warning-educations/warning-educations/:id', 'own');
  await upload(safety, `${api}/warning-educations/${education}/photos`, '本企业警示教育');
  await expectCreated(
    'own hazardous staff check',
    safety.post(`${api}/enterprises/${ents.own.id}/hazardous-staff-checks`, {
      checkedOn: today,
      scope: '本企业动火作业人员',
      peopleChecked: 10,
      unlicensedFound: 0,
    }),
  );
}

/** District 乙's and 金鼎矿业's photos and hazardous-work records. */
export async function seedForeignPhotos(
  world: MatrixWorld,
  resolver: ParamResolver,
): Promise<void> {
  const { t, ents, k, foreignIds } = world;
  const adminB = await t.login('mx_admin_b');
  const safetyB = await t.login('mx_safety_b');
  await upload(
    adminB,
    `${api}/hazards/${await resolvedId(resolver, 'hazards/hazards/:id', 'otherDistrict')}/files?kind=before`,
    `${FOREIGN_MARK}隐患照片`,
  );
  await disclosurePhoto(
    await t.login('mx_publicity_b'),
    await t.login('mx_zf_b1'),
    await resolvedId(resolver, 'disclosures/disclosures/:id', 'otherDistrict'),
    FOREIGN_MARK,
  );
  await selfInspectionPhoto(safetyB, resolver, 'otherDistrict', FOREIGN_MARK);
  await hazardousWorkRecords(safetyB, ents.otherDistrict.id, FOREIGN_MARK);

  const miningSafety = await t.login('qiye2_aq');
  const jichu = await t.login('jichu');
  await upload(
    jichu,
    `${api}/hazards/${await resolvedId(resolver, 'hazards/hazards/:id', 'otherSector')}/files?kind=before`,
    `${SECTOR_MARK}隐患照片`,
  );
  // The demo's only disclosure of 金鼎矿业 is published and takes no photos: the 东胜 publicity
  // officer opens another one, on the mining office's major hazard, and adds its photo.
  const publicity = await t.login('xuanjiao');
  const miningHazard = await k
    .selectFrom('hazards')
    .select('number')
    .where('title', '=', `${SECTOR_MARK}隐患`)
    .executeTakeFirstOrThrow();
  const miningDisclosure = await expectCreated(
    'mining disclosure',
    publicity.post(`${api}/disclosures`, {
      kind: 'exposure',
      sourceType: 'hazard',
      sourceNumber: miningHazard.number,
    }),
  );
  foreignIds.set(otherSectorKey('disclosures'), miningDisclosure.id);
  await disclosurePhoto(publicity, jichu, miningDisclosure.id, SECTOR_MARK);
  await selfInspectionPhoto(miningSafety, resolver, 'otherSector', SECTOR_MARK);
  await hazardousWorkRecords(miningSafety, ents.otherSector.id, SECTOR_MARK);
}
