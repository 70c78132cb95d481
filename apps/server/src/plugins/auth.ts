import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { ErrorCode, localeFromAcceptLanguage, roleHas } from '@hazard-ledger/domain';
import { safeEqual } from '../lib/tokens.js';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/session.service.js';
import { sendError } from './errors.js';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes a bureau_admin may still use while TOTP enrolment is mandatory and pending. */
const ALLOWED_DURING_TOTP_ENROLMENT = new Set([
  '/api/v1/auth/me',
  '/api/v1/auth/logout',
  '/api/v1/auth/totp/setup',
  '/api/v1/auth/totp/enable',
  '/api/v1/auth/password',
]);

/**
 * Records every route's declared guard as it is registered. A route without one is refused at
 * start-up, so nothing can ship without a permission (deny by default).
 */
export function registerRouteGuardCollector(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.decorate('routeGuards', {
    getter: () =>
      routes.flatMap((route) => {
        // Read the guard lazily: scoped hooks that run after this one may still set it.
        const access = route.config?.access;
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        return methods
          .filter((m) => m !== 'HEAD')
          .map((method) => ({ method, url: route.url, access }));
      }),
  });
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
}

/** Throws if any registered route lacks a guard. */
export function assertAllRoutesGuarded(app: FastifyInstance): void {
  const missing = app.routeGuards.filter((r) => r.access === undefined);
  if (missing.length > 0) {
    throw new Error(
      `Routes without a declared permission: ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`,
    );
  }
}

function requestIp(request: FastifyRequest): string | null {
  return request.ip || null;
}

/**
 * Resolves the session cookie, then applies the route's guard: `public` passes; otherwise the
 * caller must be signed in (401), carry the CSRF token on writes (403), and hold the permission
 * (403). Runs before the body is parsed, so an anonymous caller never learns about validation.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('ctx', null as unknown as FastifyRequest['ctx']);
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = {
      actor: null,
      ip: requestIp(request),
      requestId: request.id,
      locale: localeFromAcceptLanguage(request.headers['accept-language']),
    };
    const access = request.routeOptions.config?.access;
    // Public routes never see the session, even when the browser sends one: nothing they do
    // (an anonymous tip, a receipt-code lookup, a sign-in) may be attributed to — and so
    // linked with — whoever happens to be signed in on that browser.
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const lookup = await resolveSession(app.db, token, {
        idleMinutes: app.appConfig.sessionIdleMinutes,
        requireAdminTotp: app.appConfig.requireAdminTotp,
      });
      if (lookup.ok) request.ctx.actor = lookup.actor;
    }
    if (access === undefined) {
      // Unknown URL (404 handler) or a route that slipped through: deny unless it is the 404.
      if (request.is404) return;
      return sendError(reply, request, 403, ErrorCode.Forbidden);
    }
    const actor = request.ctx.actor;
    if (!actor) return sendError(reply, request, 401, ErrorCode.Unauthenticated);
    if (MUTATING.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, actor.csrfToken)) {
        return sendError(reply, request, 403, ErrorCode.CsrfInvalid);
      }
    }
    if (
      actor.mustEnrollTotp &&
      !ALLOWED_DURING_TOTP_ENROLMENT.has(request.routeOptions.url ?? '')
    ) {
      return sendError(reply, request, 403, ErrorCode.TotpEnrollmentRequired);
    }
    if (access === 'authenticated') return;
    if (!roleHas(actor.role, access)) return sendError(reply, request, 403, ErrorCode.Forbidden);
  });
}
