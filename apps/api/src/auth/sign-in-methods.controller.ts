import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SolmuConfig } from '@solmu/config';
import { OidcLogin } from '@solmu/identity';
import { Public } from './principal.decorator';

/**
 * How a person can sign in here, asked by the sign-in page before anyone is signed in: a password
 * always, and single sign-on when an identity provider is configured (named by its host).
 */
@ApiTags('auth')
@Controller('auth/methods')
export class SignInMethodsController {
  constructor(
    private readonly oidc: OidcLogin,
    private readonly config: SolmuConfig,
  ) {}

  @Get()
  @Public()
  methods() {
    const issuer = this.oidc.enabled ? this.config.oidc?.issuer : undefined;
    return { password: true, oidc: issuer ? { provider: new URL(issuer).host, loginPath: '/api/auth/oidc/login' } : null };
  }
}
