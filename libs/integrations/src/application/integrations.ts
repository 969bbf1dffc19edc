import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, NO_STREAM } from '@solmu/event-store';
import { actorOf, Clock, CLOCK, ID_GENERATOR, IdGenerator, NotFound, Principal } from '@solmu/kernel';
import { PersonalDataVault } from '@solmu/privacy';
import { ReadAccess } from '@solmu/projections';
import { decideIntegrations, IntegrationCommand, IntegrationState, SecretsInput } from '../core/integration.decider';
import {
  IntegrationKind,
  IntegrationRegistered,
  integrationDirectoryStream,
  integrationLinksSubject,
  integrationSecretSubject,
  integrationsStream,
} from '../core/integration.events';
import { IntegrationsRepository } from './integrations.repository';

/** What coordinators see of an integration: never its secrets. */
export interface IntegrationView {
  id: string;
  networkId: string;
  kind: IntegrationKind;
  name: string;
  connectedAt: string;
  /** How many times its secret was set (1 when never rotated). */
  secretGeneration: number;
  hasBotToken: boolean;
}

/** An integration found from an inbound request: its network and the secrets to verify it with. */
export interface ResolvedIntegration extends IntegrationView {
  secret: string;
  botToken?: string;
}

/** Connecting, listing, rotating and removing a network's Slack and Teams integrations (coordinators). */
@Injectable()
export class Integrations {
  constructor(
    private readonly repository: IntegrationsRepository,
    private readonly access: ReadAccess,
    private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async connect(networkId: string, input: { kind: string; name?: string } & SecretsInput, principal: Principal): Promise<IntegrationView> {
    await this.access.to(networkId, principal, 'network:manage');
    const integrationId = this.ids.next();
    // Check the input before registering the id, so a refused request leaves nothing behind.
    decideIntegrations({ type: 'ConnectIntegration', data: { integrationId, ...input } }, (await this.repository.load(integrationsStream(networkId))).state, networkId, this.clock.now());
    const registered: IntegrationRegistered = { type: 'IntegrationRegistered', data: { integrationId, networkId } };
    await this.store.append(integrationDirectoryStream(integrationId), [{ id: this.ids.next(), type: registered.type, data: registered.data, metadata: { actor: actorOf(principal), source: 'api' } }], {
      expectedRevision: NO_STREAM,
    });
    const state = await this.decide(networkId, { type: 'ConnectIntegration', data: { integrationId, ...input } }, principal);
    return view(networkId, state.get(integrationId)!);
  }

  async list(networkId: string, principal: Principal): Promise<IntegrationView[]> {
    await this.access.to(networkId, principal, 'network:manage');
    const { state } = await this.repository.load(integrationsStream(networkId));
    return [...state.integrations.values()].filter((i) => !i.removed).map((i) => view(networkId, i));
  }

  async get(networkId: string, integrationId: string, principal: Principal): Promise<IntegrationView> {
    await this.access.to(networkId, principal, 'network:manage');
    const { state } = await this.repository.load(integrationsStream(networkId));
    const found = state.integrations.get(integrationId);
    if (!found || found.removed) throw new NotFound('integration', integrationId);
    return view(networkId, found);
  }

  async rotate(networkId: string, integrationId: string, input: SecretsInput, principal: Principal): Promise<IntegrationView> {
    await this.access.to(networkId, principal, 'network:manage');
    const before = await this.get(networkId, integrationId, principal);
    const state = await this.decide(networkId, { type: 'RotateIntegrationSecret', data: { integrationId, ...input } }, principal);
    // The old generation's key goes: the old secret can no longer be read, even from the log.
    await this.vault.erase([integrationSecretSubject(integrationId, before.secretGeneration)]);
    return view(networkId, state.get(integrationId)!);
  }

  async remove(networkId: string, integrationId: string, principal: Principal): Promise<void> {
    await this.access.to(networkId, principal, 'network:manage');
    const before = await this.get(networkId, integrationId, principal);
    await this.decide(networkId, { type: 'RemoveIntegration', data: { integrationId } }, principal);
    await this.vault.erase([integrationSecretSubject(integrationId, before.secretGeneration), integrationLinksSubject(integrationId)]);
  }

  /**
   * The integration an inbound request names, with its secrets; "not found" when there is none of
   * this kind or it was removed (the caller answers 401 or 404 without saying which).
   */
  async resolve(integrationId: string, kind: IntegrationKind): Promise<ResolvedIntegration> {
    if (!/^[0-9a-f-]{36}$/.test(integrationId)) throw new NotFound('integration', integrationId);
    const [registered] = await this.store.readStream(integrationDirectoryStream(integrationId), { maxCount: 1 });
    const networkId = (registered?.data as IntegrationRegistered['data'] | undefined)?.networkId;
    if (!networkId) throw new NotFound('integration', integrationId);
    const { state } = await this.repository.load(integrationsStream(networkId));
    const found = state.integrations.get(integrationId);
    if (!found || found.removed || found.kind !== kind || !found.secrets.secret) throw new NotFound('integration', integrationId);
    return { ...view(networkId, found), secret: found.secrets.secret, ...(found.secrets.botToken && { botToken: found.secrets.botToken }) };
  }

  private async decide(networkId: string, command: IntegrationCommand, principal: Principal): Promise<ReadonlyMap<string, IntegrationState>> {
    const { state } = await this.repository.handle(integrationsStream(networkId), (current) => decideIntegrations(command, current, networkId, this.clock.now()), {
      eventIds: [this.ids.next()],
      metadata: { actor: actorOf(principal), source: 'api' },
    });
    return state.integrations;
  }
}

function view(networkId: string, i: IntegrationState): IntegrationView {
  return { id: i.integrationId, networkId, kind: i.kind, name: i.name, connectedAt: i.connectedAt, secretGeneration: i.generation, hasBotToken: i.secrets.botToken !== undefined };
}
