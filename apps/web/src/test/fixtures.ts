import { permissionsOf, type Role } from '@hazard-ledger/domain';
import type { Me, MeResponse } from '../api/types';

/** A signed-in user of the given role, as /auth/me would describe them. */
export function meOf(role: Role, patch: Partial<Me> = {}): Me {
  const enterprise = role === 'ent_leader' || role === 'ent_safety';
  return {
    id: 1,
    username: `${role}1`,
    displayName: '张三',
    role,
    orgUnitId: 3,
    orgUnitName: '示例区应急管理局',
    sectors: role === 'office' || role === 'inspector' ? ['hazchem', 'fireworks'] : null,
    enterpriseId: enterprise ? 7 : null,
    enterpriseName: enterprise ? '示例化工有限公司' : null,
    totpEnabled: false,
    mustEnrollTotp: false,
    ...patch,
  };
}

/** The /auth/me body for a user of the given role, with that role's permissions. */
export function meResponse(role: Role, patch: Partial<Me> = {}): MeResponse {
  return { user: meOf(role, patch), csrfToken: 'csrf-token-1', permissions: permissionsOf(role) };
}
