import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canAccessRecord, canManageUserAt, territoryOf, type Actor } from './policies.js';
import { ROLE_PERMISSIONS, roleHas } from './role-permissions.js';
import { PERMISSIONS } from './permissions.js';
import { ROLES, type Role } from '../identity/role.js';
import { SECTORS, type Sector } from '../common/sector.js';
import { isStrongPassword, passwordClassCount } from '../identity/password-policy.js';

const sector = fc.constantFrom(...SECTORS);
const districtPath = fc.constantFrom('/1/2/3/', '/1/2/4/', '/1/5/6/');

describe('territoryOf', () => {
  it('is the unit itself for a district, and the district above an office', () => {
    const ancestors = [
      { kind: 'region' as const, path: '/1/' },
      { kind: 'city' as const, path: '/1/2/' },
      { kind: 'district' as const, path: '/1/2/3/' },
    ];
    expect(territoryOf({ kind: 'district', path: '/1/2/3/' }, ancestors)).toBe('/1/2/3/');
    expect(territoryOf({ kind: 'office', path: '/1/2/3/9/' }, ancestors)).toBe('/1/2/3/');
    expect(territoryOf({ kind: 'office', path: '/1/2/8/' }, ancestors.slice(0, 2))).toBe('/1/2/');
  });
});

describe('record access', () => {
  it('an enterprise user never sees another enterprise, whatever the territory or sector', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('ent_leader', 'ent_safety'),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        districtPath,
        sector,
        (role, own, other, orgPath, s) => {
          const actor: Actor = {
            userId: 1,
            role,
            orgUnitId: 3,
            territoryPath: orgPath,
            sectors: null,
            enterpriseId: own,
          };
          expect(canAccessRecord(actor, { orgPath, sector: s, enterpriseId: other })).toBe(
            own === other,
          );
        },
      ),
    );
  });

  it('staff never see a record outside their territory', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('bureau_admin', 'office', 'inspector', 'publicity', 'city'),
        districtPath,
        districtPath,
        sector,
        (role, mine, theirs, s) => {
          const actor: Actor = {
            userId: 1,
            role,
            orgUnitId: 3,
            territoryPath: mine,
            sectors: [...SECTORS],
            enterpriseId: null,
          };
          expect(
            canAccessRecord(actor, { orgPath: `${theirs}77/`, sector: s, enterpriseId: 5 }),
          ).toBe(mine === theirs);
        },
      ),
    );
  });

  it('an office or inspector sees only its sectors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Role>('office', 'inspector'),
        fc.subarray([...SECTORS], { minLength: 1 }),
        sector,
        (role, mine: Sector[], s) => {
          const actor: Actor = {
            userId: 1,
            role,
            orgUnitId: 3,
            territoryPath: '/1/2/3/',
            sectors: mine,
            enterpriseId: null,
          };
          expect(canAccessRecord(actor, { orgPath: '/1/2/3/', sector: s })).toBe(mine.includes(s));
        },
      ),
    );
  });

  it('enterprise users manage no accounts; staff only inside their territory', () => {
    const ent: Actor = {
      userId: 1,
      role: 'ent_leader',
      orgUnitId: 3,
      territoryPath: '/1/2/3/',
      sectors: null,
      enterpriseId: 1,
    };
    expect(canManageUserAt(ent, '/1/2/3/')).toBe(false);
    const admin: Actor = { ...ent, role: 'bureau_admin', enterpriseId: null };
    expect(canManageUserAt(admin, '/1/2/3/9/')).toBe(true);
    expect(canManageUserAt(admin, '/1/2/4/')).toBe(false);
  });
});

describe('role permissions', () => {
  it('only bureau_admin manages users and reads the audit log', () => {
    for (const role of ROLES) {
      expect(roleHas(role, 'user.manage')).toBe(role === 'bureau_admin');
      expect(roleHas(role, 'audit.read')).toBe(role === 'bureau_admin');
    }
  });
  it('maps every role to known permissions only', () => {
    for (const role of ROLES)
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });
});

describe('password policy', () => {
  it('needs 10 characters of at least three classes', () => {
    expect(isStrongPassword('Abcdefgh1!')).toBe(true);
    expect(isStrongPassword('abcdefgh12')).toBe(false);
    expect(isStrongPassword('Abcdef1!')).toBe(false);
    expect(isStrongPassword('ABCDEFGH12')).toBe(false);
    expect(isStrongPassword('ABCDEFGH1!')).toBe(true);
    expect(passwordClassCount('aA1!')).toBe(4);
  });
});
