/** Roles of DESIGN.md §1. */
export const Role = {
  BureauAdmin: 'bureau_admin',
  Office: 'office',
  Inspector: 'inspector',
  Publicity: 'publicity',
  City: 'city',
  EntLeader: 'ent_leader',
  EntSafety: 'ent_safety',
  Informant: 'informant',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role) as readonly Role[];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  bureau_admin: { zh: '局领导/综合协调室', en: 'Bureau administrator' },
  office: { zh: '业务科室', en: 'Office' },
  inspector: { zh: '执法人员', en: 'Inspector' },
  publicity: { zh: '宣教室', en: 'Publicity office' },
  city: { zh: '市应急管理局', en: 'City bureau' },
  ent_leader: { zh: '企业主要负责人', en: 'Enterprise main leader' },
  ent_safety: { zh: '企业安全管理人员', en: 'Enterprise safety manager' },
  informant: { zh: '安全生产信息员', en: 'Safety informant' },
};

/** Roles that belong to an enterprise and see only that enterprise. */
export const ENTERPRISE_ROLES: readonly Role[] = ['ent_leader', 'ent_safety'];
/** Roles whose data scope is also limited to sectors. */
export const SECTOR_SCOPED_ROLES: readonly Role[] = ['office', 'inspector', 'informant'];
/** Staff roles (government side). */
export const STAFF_ROLES: readonly Role[] = [
  'bureau_admin',
  'office',
  'inspector',
  'publicity',
  'city',
];

/** True for the enterprise-side roles. */
export function isEnterpriseRole(role: Role): boolean {
  return ENTERPRISE_ROLES.includes(role);
}
