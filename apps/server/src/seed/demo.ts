import {
  createEnterpriseSchema,
  creditCodeCheckChar,
  hazardSourceSchema,
  type OrgKind,
  type Sector,
} from '@hazard-ledger/domain';
import {
  enterpriseColumns,
  insertEnterprise,
  insertHazardSource,
  insertPerson,
} from '../modules/enterprises/enterprises.repository.js';
import { seedDutyDemos } from './demo-duties.js';
import { seedEnforcementDemos } from './demo-enforcement.js';
import { seedInformantDemo } from './demo-informants.js';
import { seedTipDemo } from './demo-tips.js';
import { seedReportDemo } from './demo-reports.js';
import { seedDisclosureDemo } from './demo-disclosures.js';
import { seedStaffDemo } from './demo-staff.js';
import { seedNotificationDemo } from './demo-notifications.js';
import { seedAccidentDemo } from './demo-accidents.js';
import type { AppConfig } from '../config.js';
import { DEMO_USERS } from './demo-users.js';
import type { Db } from '../db/database.js';
import { hashPassword } from '../lib/passwords.js';
import type { RequestContext } from '../lib/request-context.js';
import { nowIso } from '../lib/time.js';
import type { AuditWriter } from '../modules/audit/audit.writer.js';
import { findOrgUnitByCode, insertOrgUnit } from '../modules/org/org.repository.js';

// Fictional demo data: one city with two districts, the bureau's offices, two enterprises of
// different sectors and one user per role. Nothing in the test suite depends on it.

type UnitSpec = { code: string; name: string; kind: OrgKind; children?: UnitSpec[] };

const DISTRICT_OFFICES = (prefix: string): UnitSpec[] => [
  { code: `${prefix}-ZHXT`, name: '综合协调室', kind: 'office' },
  { code: `${prefix}-WHS`, name: '危化室', kind: 'office' },
  { code: `${prefix}-JCS`, name: '基础室', kind: 'office' },
  { code: `${prefix}-XJS`, name: '宣教室', kind: 'office' },
  { code: `${prefix}-ZFDD`, name: '执法大队', kind: 'brigade' },
];

const ORG_TREE: UnitSpec = {
  code: 'NM',
  name: '内蒙古自治区应急管理厅',
  kind: 'region',
  children: [
    {
      code: 'NM-EEDS',
      name: '鄂尔多斯市应急管理局',
      kind: 'city',
      children: [
        {
          code: 'NM-EEDS-DS',
          name: '东胜区应急管理局',
          kind: 'district',
          children: DISTRICT_OFFICES('NM-EEDS-DS'),
        },
        {
          code: 'NM-EEDS-KBS',
          name: '康巴什区应急管理局',
          kind: 'district',
          children: DISTRICT_OFFICES('NM-EEDS-KBS'),
        },
      ],
    },
  ],
};

/** Appends the check character to a 17-character code body. */
function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17)!;
}

type DemoEnterprise = {
  key: string;
  name: string;
  code: string;
  sector: Sector;
  subType: string;
  tags: string[];
  district: string;
  address: string;
  employees: number;
  leader: [string, string];
  safety: [string, string];
  licence?: { type: string; number: string; expiry: string; issuer: string };
};

const ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'qiye1',
    name: '东胜区恒泰化工有限公司',
    code: creditCode('91150602MA0N3K5H2'),
    sector: 'hazchem',
    subType: 'production',
    tags: ['major_hazard_source', 'confined_space'],
    district: 'NM-EEDS-DS',
    address: '东胜区装备制造基地纬三路8号',
    employees: 186,
    leader: ['张恒', '13904770001'],
    safety: ['刘安', '13904770002'],
    licence: {
      type: '安全生产许可证',
      number: '（蒙）WH安许证字〔2022〕000318',
      expiry: '2025-08-31',
      issuer: '内蒙古自治区应急管理厅',
    },
  },
  {
    key: 'qiye2',
    name: '东胜区金鼎矿业有限责任公司',
    code: creditCode('91150602MA0P7R1L8'),
    sector: 'mining',
    subType: 'open_pit',
    tags: [],
    district: 'NM-EEDS-DS',
    address: '东胜区罕台镇采石场',
    employees: 74,
    leader: ['孙鼎', '13904770011'],
    safety: ['周全', '13904770012'],
    licence: {
      type: '安全生产许可证',
      number: '（蒙）FM安许证字〔2021〕K0207',
      expiry: '2024-11-30',
      issuer: '内蒙古自治区应急管理厅',
    },
  },
  {
    key: 'qiye3',
    name: '东胜区华安烟花爆竹批发有限公司',
    code: creditCode('91150602MA0Q2W6D5'),
    sector: 'fireworks',
    subType: 'wholesale',
    tags: [],
    district: 'NM-EEDS-DS',
    address: '东胜区铜川镇仓储区',
    employees: 12,
    leader: ['吴华', '13904770021'],
    safety: ['郑平', '13904770022'],
  },
  {
    key: 'qiye4',
    name: '康巴什区宏远冶金有限公司',
    code: creditCode('91150603MA0R8T3F1'),
    sector: 'industry',
    subType: 'metallurgy',
    tags: ['dust_explosion', 'confined_space'],
    district: 'NM-EEDS-KBS',
    address: '康巴什区工业园区金属路2号',
    employees: 320,
    leader: ['马远', '13904770031'],
    safety: ['何强', '13904770032'],
  },
];

const SYSTEM_CTX: RequestContext = { actor: null, ip: null, requestId: 'seed:demo', locale: 'zh' };

/**
 * Seeds the demo data once; a second run changes nothing. Returns whether it seeded. Photos and
 * documents of the demo records go to the configured storage.
 */
export async function seedDemo(
  db: Db,
  audit: AuditWriter,
  password: string,
  config: AppConfig,
): Promise<boolean> {
  if (await findOrgUnitByCode(db.kysely, ORG_TREE.code)) return false;
  const passwordHash = await hashPassword(password);
  await db.kysely.transaction().execute(async (trx) => {
    const at = nowIso();
    const unitIds = new Map<string, number>();
    const addUnit = async (
      spec: UnitSpec,
      parent: { id: number; path: string } | null,
    ): Promise<void> => {
      const row = await insertOrgUnit(trx, {
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? null,
        kind: spec.kind,
        name: spec.name,
        code: spec.code,
        at,
      });
      unitIds.set(spec.code, row.id);
      await audit.append(trx, SYSTEM_CTX, {
        action: 'org.created',
        entityType: 'org_unit',
        entityId: row.id,
        changes: { name: [null, spec.name] },
      });
      for (const child of spec.children ?? []) await addUnit(child, row);
    };
    await addUnit(ORG_TREE, null);

    const enterpriseIds = new Map<string, number>();
    for (const e of ENTERPRISES) {
      const input = createEnterpriseSchema.parse({
        name: e.name,
        creditCode: e.code,
        sector: e.sector,
        subType: e.subType,
        tags: e.tags,
        orgUnitId: unitIds.get(e.district)!,
        address: e.address,
        employees: e.employees,
        safetyAgency: 'full_time',
        safetyStaffCount: 2,
        licences: e.licence ? [e.licence] : [],
      });
      const id = await insertEnterprise(trx, {
        ...enterpriseColumns(input),
        created_at: at,
        updated_at: at,
        version: 1,
      });
      enterpriseIds.set(e.key, id);
      await insertPerson(
        trx,
        id,
        {
          kind: 'main_leader',
          name: e.leader[0],
          position: '总经理',
          phone: e.leader[1],
          idNumber: null,
          assessed: true,
          specialty: null,
        },
        at,
      );
      await insertPerson(
        trx,
        id,
        {
          kind: 'safety_manager',
          name: e.safety[0],
          position: '安全部长',
          phone: e.safety[1],
          idNumber: null,
          assessed: true,
          specialty: null,
        },
        at,
      );
      if (e.tags.includes('major_hazard_source')) {
        // An enterprise tagged 重大危险源 has its sources on record, with their 包保 persons.
        await insertHazardSource(
          trx,
          id,
          hazardSourceSchema.parse({
            name: '液氨储罐区',
            level: 3,
            substances: '液氨',
            leader: { name: e.leader[0], phone: e.leader[1] },
            technical: { name: '王工', phone: null },
            operations: { name: e.safety[0], phone: e.safety[1] },
          }),
          at,
        );
      }
      await audit.append(trx, SYSTEM_CTX, {
        action: 'enterprise.created',
        entityType: 'enterprise',
        entityId: Number(id),
        changes: { name: [null, e.name] },
      });
    }

    for (const u of DEMO_USERS) {
      const { id } = await trx
        .insertInto('users')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
          role: u.role,
          org_unit_id: unitIds.get(u.unit)!,
          sectors: u.sectors ? JSON.stringify(u.sectors) : null,
          enterprise_id: u.enterprise ? enterpriseIds.get(u.enterprise)! : null,
          phone: null,
          certificate_no: u.certificateNo ?? null,
          status: 'active',
          totp_secret: null,
          totp_enabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          password_changed_at: at,
          created_at: at,
          updated_at: at,
          version: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit.append(trx, SYSTEM_CTX, {
        action: 'user.created',
        entityType: 'user',
        entityId: Number(id),
        changes: { username: [null, u.username], role: [null, u.role] },
      });
    }
  });
  await seedDutyDemos(db, audit, config);
  await seedEnforcementDemos(db, audit, config);
  await seedTipDemo(db, audit, config);
  await seedInformantDemo(db, audit, config);
  await seedReportDemo(db, audit, config);
  await seedDisclosureDemo(db, audit, config);
  await seedStaffDemo(db, audit, config);
  await seedNotificationDemo(db, audit, config);
  await seedAccidentDemo(db, audit, config);
  return true;
}
