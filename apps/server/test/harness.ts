import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createEnterpriseSchema, type Role, type Sector } from '@hazard-ledger/domain';
import {
  enterpriseColumns,
  insertEnterprise,
} from '../src/modules/enterprises/enterprises.repository.js';
import { buildApp } from '../src/app.js';
import { type AppConfig, loadConfig } from '../src/config.js';
import type { Db } from '../src/db/database.js';
import { hashPassword } from '../src/lib/passwords.js';
import { nowIso } from '../src/lib/time.js';
import { insertOrgUnit } from '../src/modules/org/org.repository.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';

/** The password every test user has. */
export const TEST_PASSWORD = 'Test@Pass2023';

let passwordHash: Promise<string> | undefined;
function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

/** The org tree every test file starts with: one city, two districts with offices. */
export type TestOrg = {
  region: number;
  city: number;
  districtA: number;
  districtB: number;
  officeWeihuaA: number;
  officeJichuA: number;
  brigadeA: number;
  officeWeihuaB: number;
};

export type TestEnterprises = { hazchemA: number; miningA: number; hazchemB: number };

/** A test server with its own database and fixtures. */
export type TestContext = {
  app: FastifyInstance;
  db: Db;
  org: TestOrg;
  enterprises: TestEnterprises;
  config: AppConfig;
  createUser: (spec: TestUserSpec) => Promise<number>;
  login: (username: string, password?: string) => Promise<TestClient>;
  anonymous: TestClient;
  close: () => Promise<void>;
};

export type TestUserSpec = {
  username: string;
  role: Role;
  orgUnitId: number;
  sectors?: Sector[];
  enterpriseId?: number;
  displayName?: string;
};

/** Sends requests as one signed-in user (cookie + CSRF token), or anonymously. */
export class TestClient {
  constructor(
    private readonly app: FastifyInstance,
    readonly cookie: string | null,
    readonly csrfToken: string | null,
    readonly userId: number | null,
  ) {}

  /** Sends a request; writes carry the CSRF token unless `csrf: false`. */
  request(options: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {
      ...(options.headers as Record<string, string> | undefined),
    };
    if (this.cookie) headers.cookie = this.cookie;
    const method = (options.method ?? 'GET').toUpperCase();
    if (this.csrfToken && options.csrf !== false && method !== 'GET')
      headers['x-csrf-token'] = this.csrfToken;
    return this.app.inject({ ...options, headers });
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

/** Inserts the standard test org tree. */
async function seedOrg(db: Db): Promise<TestOrg> {
  const at = nowIso();
  return db.kysely.transaction().execute(async (trx) => {
    const add = (
      parent: { id: number; path: string } | null,
      kind: string,
      name: string,
      code: string,
    ) =>
      insertOrgUnit(trx, {
        parentId: parent?.id ?? null,
        parentPath: parent?.path ?? null,
        kind,
        name,
        code,
        at,
      });
    const region = await add(null, 'region', '测试自治区', 'T');
    const city = await add(region, 'city', '测试市应急管理局', 'T-C');
    const districtA = await add(city, 'district', '甲区应急管理局', 'T-C-A');
    const districtB = await add(city, 'district', '乙区应急管理局', 'T-C-B');
    const officeWeihuaA = await add(districtA, 'office', '危化室', 'T-C-A-WHS');
    const officeJichuA = await add(districtA, 'office', '基础室', 'T-C-A-JCS');
    const brigadeA = await add(districtA, 'brigade', '执法大队', 'T-C-A-ZFDD');
    const officeWeihuaB = await add(districtB, 'office', '危化室', 'T-C-B-WHS');
    return {
      region: region.id,
      city: city.id,
      districtA: districtA.id,
      districtB: districtB.id,
      officeWeihuaA: officeWeihuaA.id,
      officeJichuA: officeJichuA.id,
      brigadeA: brigadeA.id,
      officeWeihuaB: officeWeihuaB.id,
    };
  });
}

async function seedEnterprises(db: Db, org: TestOrg): Promise<TestEnterprises> {
  const at = nowIso();
  const add = async (name: string, code: string, sector: Sector, orgUnitId: number) => {
    const subType = {
      hazchem: 'production',
      fireworks: 'wholesale',
      mining: 'underground',
      industry: 'metallurgy',
    }[sector];
    const input = createEnterpriseSchema.parse({
      name,
      creditCode: code,
      sector,
      subType,
      orgUnitId,
    });
    return insertEnterprise(db.kysely, {
      ...enterpriseColumns(input),
      created_at: at,
      updated_at: at,
      version: 1,
    });
  };
  return {
    hazchemA: await add('甲区化工企业', '91350100M000100Y43', 'hazchem', org.districtA),
    miningA: await add('甲区矿山企业', '91110000802100433B', 'mining', org.districtA),
    hazchemB: await add('乙区化工企业', '91110000100001342C', 'hazchem', org.districtB),
  };
}

/** Builds an app on a fresh database with the standard fixtures. */
export async function createTestContext(overrides: Partial<AppConfig> = {}): Promise<TestContext> {
  const testDb: TestDatabase = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    database: testDb.target,
    seedDemo: false,
    uploadDir: path.join(os.tmpdir(), `hl-test-uploads-${process.pid}-${Date.now()}`),
    ...overrides,
  };
  const db = testDb.db;
  const org = await seedOrg(db);
  const enterprises = await seedEnterprises(db, org);
  const app = await buildApp(config, { db, logger: false });

  const createUser = async (spec: TestUserSpec): Promise<number> => {
    const at = nowIso();
    const { id } = await db.kysely
      .insertInto('users')
      .values({
        username: spec.username,
        display_name: spec.displayName ?? spec.username,
        password_hash: await testPasswordHash(),
        role: spec.role,
        org_unit_id: spec.orgUnitId,
        sectors: spec.sectors ? JSON.stringify(spec.sectors) : null,
        enterprise_id: spec.enterpriseId ?? null,
        phone: null,
        certificate_no: null,
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
    return Number(id);
  };

  const login = async (username: string, password = TEST_PASSWORD): Promise<TestClient> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200)
      throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'hl_session');
    const body = res.json<{ csrfToken: string; user: { id: number } }>();
    return new TestClient(app, `hl_session=${cookie!.value}`, body.csrfToken, body.user.id);
  };

  return {
    app,
    db,
    org,
    enterprises,
    config,
    createUser,
    login,
    anonymous: new TestClient(app, null, null, null),
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

/** The newest audit row (for asserting a change wrote its entry). */
export async function lastAudit(db: Db) {
  return db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
