import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FirstRun } from '@solmu/identity';
import { accountView } from './account-view';
import { SetUpRequest } from './auth.dto';
import { Public } from './principal.decorator';
import { SignInRoute } from './throttling';

/** First run: the one-time link printed at start creates the first administrator. */
@ApiTags('auth')
@Controller('setup')
export class SetupController {
  constructor(private readonly firstRun: FirstRun) {}

  @Get()
  @Public()
  async status() {
    return { setupRequired: await this.firstRun.needsSetup() };
  }

  @Post()
  @Public()
  @SignInRoute()
  async setUp(@Body() { token, email, password, name }: SetUpRequest) {
    const account = await this.firstRun.setUp(token, { email, password, displayName: name });
    return { account: accountView(account) };
  }
}
