import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { Accounts, BearerTokens, bearerTokenOf, OidcLogin, safeReturnPath, Sessions } from '@solmu/identity';
import type { Principal } from '@solmu/kernel';
import type { FastifyReply } from 'fastify';
import { problem } from '../http/problem';
import { accountView } from './account-view';
import { CredentialsRequest, OidcLoginParams } from './auth.dto';
import { AuthenticatedRequest, CurrentPrincipal, Public } from './principal.decorator';
import { clearSessionCookie, OIDC_COOKIE, SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { SignInRoute } from './throttling';

/**
 * Signing in and out. Browsers get an HTTP-only session cookie and a CSRF token to send back in
 * X-CSRF-Token with every write; scripts and the CLI exchange credentials for a bearer token.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: Sessions,
    private readonly bearerTokens: BearerTokens,
    private readonly oidc: OidcLogin,
    private readonly config: SolmuConfig,
  ) {}

  private get secureCookies(): boolean {
    return this.config.publicUrl.startsWith('https://');
  }

  @Post('login')
  @Public()
  @SignInRoute()
  @HttpCode(200)
  async login(@Body() { email, password }: CredentialsRequest, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const account = await this.accounts.authenticate(email, password);
    await this.sessions.end(request.cookies?.[SESSION_COOKIE]);
    const session = await this.sessions.start(account.id);
    setSessionCookie(reply, session.sessionId, session.absoluteExpiresAt, this.secureCookies);
    return { account: accountView(account), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  @Post('logout')
  @Public()
  @HttpCode(200)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.sessions.end(request.cookies?.[SESSION_COOKIE]);
    clearSessionCookie(reply, this.secureCookies);
    return { signedOut: true };
  }

  /** Who is signed in, with the session's CSRF token (a page reload needs it again). */
  @Get('session')
  async session(@Req() request: AuthenticatedRequest, @CurrentPrincipal() principal: Principal) {
    const session = request.sessionId ? await this.sessions.resume(request.sessionId) : undefined;
    if (principal.kind !== 'account') return { principal };
    const account = await this.accounts.require(principal.accountId);
    return { account: accountView(account), ...(session && { csrfToken: session.csrfToken, expiresAt: session.expiresAt }) };
  }

  /** Credentials in, a short-lived bearer token out: `Authorization: Bearer <token>`. */
  @Post('token')
  @Public()
  @SignInRoute()
  async token(@Body() { email, password }: CredentialsRequest) {
    const issued = await this.bearerTokens.exchange(email, password);
    return { token: issued.token, tokenType: 'Bearer', expiresAt: issued.expiresAt };
  }

  @Delete('token')
  @HttpCode(200)
  async revokeToken(@Headers('authorization') authorization: string | undefined) {
    await this.bearerTokens.revoke(bearerTokenOf(authorization));
    return { revoked: true };
  }

  /** Starts OpenID Connect sign-in: redirects to the organisation's identity provider. */
  @Get('oidc/login')
  @Public()
  @SignInRoute()
  async oidcLogin(@Query() { returnTo }: OidcLoginParams, @Res() reply: FastifyReply) {
    if (!this.oidc.enabled) throw new BadRequestException(problem(400, 'oidc_not_configured', [], 'Single sign-on is not configured on this Solmu'));
    const started = await this.oidc.begin({ returnTo: safeReturnPath(returnTo) });
    void reply.setCookie(OIDC_COOKIE, started.loginId, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, path: '/api/auth/oidc', expires: started.expiresAt });
    void reply.redirect(started.authorizationUrl, 302);
  }

  /** The identity provider sends the browser back here; a session starts. */
  @Get('oidc/callback')
  @Public()
  async oidcCallback(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const query = request.query as Record<string, string>;
    const completed = await this.oidc.complete(request.cookies?.[OIDC_COOKIE], query);
    void reply.clearCookie(OIDC_COOKIE, { path: '/api/auth/oidc' });
    const session = await this.sessions.start(completed.account.id);
    setSessionCookie(reply, session.sessionId, session.absoluteExpiresAt, this.secureCookies);
    void reply.redirect(completed.returnTo ?? '/', 302);
  }
}
