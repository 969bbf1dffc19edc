import '@fastify/cookie';
import type { FastifyReply } from 'fastify';

/** The browser session cookie: HTTP-only, SameSite=Lax, Secure when Solmu is served over HTTPS. */
export const SESSION_COOKIE = 'solmu_session';
/** Carries a pending OpenID Connect login between the redirect out and the callback. */
export const OIDC_COOKIE = 'solmu_oidc';

export function setSessionCookie(reply: FastifyReply, sessionId: string, expires: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
