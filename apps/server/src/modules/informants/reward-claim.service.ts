import {
  claimStatusOf,
  REWARD_CLAIM_STEPS,
  type RewardClaimInfo,
  type RewardStatus,
} from '@hazard-ledger/domain';
import { notFound } from '../../lib/app-error.js';
import type { RequestContext } from '../../lib/request-context.js';
import { inTransaction, type ServiceDeps } from '../../lib/service-deps.js';
import { sha256Hex } from '../../lib/tokens.js';
import * as repo from './rewards.repository.js';

// What an anonymous reporter learns with their receipt code about a reward (issue 8 item 6):
// whether a reward case exists for their tip, where it stands, and how to claim it at the
// bureau. Never the amount, nor anything about another tip. Lookups — known or unknown codes —
// are written to the audit log without the caller's address (the rate limit keeps addresses in
// memory only).

/** The reward status of the tip a receipt code (16 normalised digits) belongs to; 404 if none. */
export async function rewardClaimInfo(
  deps: ServiceDeps,
  ctx: RequestContext,
  code: string,
): Promise<RewardClaimInfo> {
  const hit = await repo.findClaimByReceiptHash(deps.db.kysely, sha256Hex(code));
  const withoutAddress: RequestContext = { ...ctx, ip: null };
  await inTransaction(deps, (trx) =>
    deps.audit.append(trx, withoutAddress, {
      action: hit ? 'reward.claim_info_viewed' : 'reward.claim_info_unknown_code',
      entityType: 'tip',
      entityId: hit ? hit.tip_id : null,
    }),
  );
  if (!hit) throw notFound();
  return {
    status: claimStatusOf((hit.status as RewardStatus | null) ?? null),
    steps: [...REWARD_CLAIM_STEPS],
  };
}
