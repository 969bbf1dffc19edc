import { DynamicModule, Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CLOCK, FixedClock, ID_GENERATOR, SequentialIdGenerator } from '@solmu/kernel';
import { Accounts } from './accounts';
import { Authenticator } from './authenticator';
import { FirstRun } from './first-run';
import { IdentityModule } from './identity.module';
import { OidcLogin } from './oidc/oidc-login';
import { Sessions } from './sessions';
import { InMemoryIdentityStore } from './adapters/in-memory-identity-store';
import { FakeOidcProvider } from './testing/fake-oidc-provider';
import { FAST_SCRYPT } from './testing/identity-fixture';

/** As apps/api's PortsModule: the clock and ids, global. */
@Global()
@Module({})
class Ports {
  static with(clock: FixedClock): DynamicModule {
    const providers = [
      { provide: CLOCK, useValue: clock },
      { provide: ID_GENERATOR, useValue: new SequentialIdGenerator(7) },
    ];
    return { module: Ports, providers, exports: [CLOCK, ID_GENERATOR] };
  }
}

describe('IdentityModule', () => {
  it('provides the services on one store, using the application’s clock and ids', async () => {
    const clock = new FixedClock(new Date('2025-03-01T10:00:00.000Z'));
    const moduleRef = await Test.createTestingModule({
      imports: [Ports.with(clock), IdentityModule.forRoot({ store: { kind: 'memory' }, passwordHashing: FAST_SCRYPT, purgeIntervalMs: 0 })],
    }).compile();
    await moduleRef.init();

    const outcome = await moduleRef.get(FirstRun).ensure({ adminEmail: 'admin@example.test', adminPassword: 'ylläpitäjän salasana' });
    expect(outcome).toMatchObject({ kind: 'admin_created', account: { id: '00000000-0000-7000-8000-0000006acfc1', createdAt: clock.now() } });
    const account = await moduleRef.get(Accounts).authenticate('admin@example.test', 'ylläpitäjän salasana');
    const { sessionId } = await moduleRef.get(Sessions).start(account.id);
    expect((await moduleRef.get(Authenticator).fromSession(sessionId))?.principal).toEqual({ kind: 'account', accountId: account.id, admin: true });
    expect(moduleRef.get(OidcLogin).enabled).toBe(false);
    await moduleRef.close();
  });

  it('is configured asynchronously, e.g. from the validated configuration', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [IdentityModule.forRootAsync({ useFactory: async () => ({ store: { kind: 'sqlite', path: ':memory:' }, purgeIntervalMs: 0 }) })],
    }).compile();
    await moduleRef.init();
    expect(await moduleRef.get(FirstRun).needsSetup()).toBe(true);
    await moduleRef.close();
  });

  it('sweeps expired records at start-up, offers OIDC when a provider is given, and closes the store on shutdown', async () => {
    const clock = new FixedClock(new Date('2025-03-01T10:00:00.000Z'));
    const store = new InMemoryIdentityStore();
    const close = jest.spyOn(store, 'close');
    await store.createInvitation({
      id: 'i1',
      tokenHash: 'h',
      networkId: 'n',
      memberId: 'm',
      createdBy: 'c',
      createdAt: new Date('2025-01-01T00:00:00.000Z'),
      expiresAt: new Date('2025-02-01T00:00:00.000Z'),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [Ports.with(clock), IdentityModule.forRoot({ store: { kind: 'instance', store }, oidc: { relyingParty: new FakeOidcProvider() } })],
    }).compile();
    await moduleRef.init();

    expect(await store.listInvitations('n')).toEqual([]);
    expect(moduleRef.get(OidcLogin).enabled).toBe(true);
    await moduleRef.close();
    expect(close).toHaveBeenCalled();
  });
});
