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
    Permission.CatalogRead,
    Permission.CatalogManage,
    Permission.CampaignRead,
    Permission.CampaignManage,
    Permission.NoticeRead,
    Permission.NoticeManage,
    Permission.AlertRead,
    Permission.AlertManage,
    Permission.HazardRead,
    Permission.HazardCreate,
    Permission.HazardAct,
  ],
  office: [
    Permission.OrgRead,
    Permission.EnterpriseRead,
    Permission.EnterpriseManage,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
    Permission.EnterpriseImport,
    Permission.EnterpriseAccounts,
    Permission.CatalogRead,
    Permission.CatalogManage,
    Permission.CampaignRead,
    Permission.NoticeRead,
    Permission.NoticeManage,
    Permission.AlertRead,
    Permission.AlertManage,
    Permission.HazardRead,
    Permission.HazardCreate,
    Permission.HazardAct,
  ],
  inspector: [
    Permission.OrgRead,
    Permission.EnterpriseRead,
    Permission.EnterprisePersonalData,
    Permission.CatalogRead,
    Permission.CampaignRead,
    Permission.NoticeRead,
    Permission.AlertRead,
    Permission.HazardRead,
    Permission.HazardCreate,
    Permission.HazardAct,
  ],
  publicity: [
    Permission.OrgRead,
    Permission.EnterpriseRead,
    Permission.CatalogRead,
    Permission.CampaignRead,
    Permission.NoticeRead,
    Permission.NoticeManage,
    Permission.AlertRead,
    Permission.AlertManage,
    Permission.HazardRead,
  ],
  city: [
    Permission.OrgRead,
    Permission.EnterpriseRead,
    Permission.CatalogRead,
    Permission.CampaignRead,
    Permission.HazardRead,
  ],
  ent_leader: [
    Permission.EnterpriseRead,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
    Permission.CatalogRead,
    Permission.CampaignRead,
    Permission.NoticeRead,
    Permission.AlertRead,
    Permission.AlertRespond,
    Permission.HazardRead,
    Permission.HazardCreate,
    Permission.HazardAct,
  ],
  ent_safety: [
    Permission.EnterpriseRead,
    Permission.EnterprisePeopleEdit,
    Permission.EnterprisePersonalData,
    Permission.CatalogRead,
    Permission.CampaignRead,
    Permission.NoticeRead,
    Permission.AlertRead,
    Permission.AlertRespond,
    Permission.HazardRead,
    Permission.HazardCreate,
    Permission.HazardAct,
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
