import type { Role } from '../identity/role.js';
import { Permission } from './permissions.js';

/** The permissions each role holds; anything not listed is denied. */
export const ROLE_PERMISSIONS = {
  bureau_admin: [
    Permission.OrgRead,
    Permission.OrgManage,
    Permission.UserRead,
    Permission.UserManage,
    Permission.AuditRead,
    Permission.EnterpriseRead,
    Permission.EnterpriseManage,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
    Permission.EnterpriseImport,
    Permission.EnterpriseAccounts,
  ],
  office: [
    Permission.OrgRead,
    Permission.EnterpriseRead,
    Permission.EnterpriseManage,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
    Permission.EnterpriseImport,
    Permission.EnterpriseAccounts,
  ],
  inspector: [Permission.OrgRead, Permission.EnterpriseRead, Permission.EnterprisePersonalData],
  publicity: [Permission.OrgRead, Permission.EnterpriseRead],
  city: [Permission.OrgRead, Permission.EnterpriseRead],
  ent_leader: [
    Permission.EnterpriseRead,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
  ],
  ent_safety: [
    Permission.EnterpriseRead,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
  ],
} as const satisfies Record<Role, readonly Permission[]>;

/** Whether a role holds a permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

/** All permissions of a role, as a plain array (sent to the web app). */
export function permissionsOf(role: Role): Permission[] {
  return [...ROLE_PERMISSIONS[role]];
}
