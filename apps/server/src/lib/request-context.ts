import type { Actor } from '@hazard-ledger/domain';

/** The signed-in user behind a request, with the names the audit log keeps. */
export type SessionActor = Actor & {
  username: string;
  displayName: string;
  sessionId: string;
  csrfToken: string;
  mustEnrollTotp: boolean;
  totpEnabled: boolean;
  orgUnitName: string;
  enterpriseName: string | null;
};

/** What a service needs to know about the request it serves. */
export type RequestContext = {
  actor: SessionActor | null;
  ip: string | null;
  requestId: string | null;
  locale: 'zh' | 'en';
};

/** The actor of a context; throws when the route let an anonymous caller through by mistake. */
export function requireActor(ctx: RequestContext): SessionActor {
  if (!ctx.actor) throw new Error('service called without an actor');
  return ctx.actor;
}
