import { Clock, IdGenerator, NotFound, ValidationFailed } from '@solmu/kernel';
import { validEmail } from './account-rules';
import type { IdentityStore, InvitationRecord } from './identity-store.port';
import { hashToken, looksLike, newToken } from './secrets';

export interface InvitationOptions {
  /** Default 14 days. */
  lifetimeMs: number;
}

export const DEFAULT_INVITATION_LIFETIME_MS = 14 * 24 * 3600_000;

/** An invitation as coordinators see it: everything but the secret. */
export interface InvitationInfo {
  id: string;
  networkId: string;
  memberId: string;
  email?: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface CreateInvitation {
  networkId: string;
  memberId: string;
  /** Where the coordinator will send it; optional (a link can also be handed over in person). */
  email?: string;
  /** The coordinator's account id (the caller checks that they coordinate the network). */
  createdBy: string;
}

/** What an accepted invitation links: the caller records the event joining member and account. */
export interface AcceptedInvitation {
  networkId: string;
  memberId: string;
  accountId: string;
}

/**
 * Invitations link a member record of one network to a person's account. A coordinator invites a
 * member; the one-time token (`solmu_inv_…`, shown once, stored hashed) travels by email or by
 * hand; whoever accepts it while signed in becomes that member. A person can hold members in many
 * networks. A new invitation to the same member withdraws the older ones. The invitation's email
 * is where it was sent, not a condition: the token is the proof.
 */
export class Invitations {
  private readonly lifetimeMs: number;

  constructor(
    private readonly store: IdentityStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    options: Partial<InvitationOptions> = {},
  ) {
    this.lifetimeMs = options.lifetimeMs ?? DEFAULT_INVITATION_LIFETIME_MS;
  }

  /** Creates an invitation; `token` is the only time its text is available. */
  async create(input: CreateInvitation): Promise<{ token: string; invitation: InvitationInfo }> {
    const email = input.email === undefined || input.email.trim() === '' ? undefined : validEmail(input.email);
    const now = this.clock.now();
    const token = newToken('invitation');
    const record: InvitationRecord = {
      id: this.ids.next(),
      tokenHash: hashToken(token),
      networkId: input.networkId,
      memberId: input.memberId,
      ...(email !== undefined && { email }),
      createdBy: input.createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.lifetimeMs),
    };
    await this.store.deleteInvitationsOfMember(input.networkId, input.memberId);
    await this.store.createInvitation(record);
    return { token, invitation: toInfo(record) };
  }

  /** The network's open (unexpired) invitations, oldest first. */
  async list(networkId: string): Promise<InvitationInfo[]> {
    const now = this.clock.now().getTime();
    return (await this.store.listInvitations(networkId)).filter((i) => i.expiresAt.getTime() > now).map(toInfo);
  }

  /** What an invitation link is for (to show "You are invited to …" before sign-in); undefined when not valid. */
  async describe(token: string | undefined): Promise<InvitationInfo | undefined> {
    if (!looksLike('invitation', token)) return undefined;
    const record = await this.store.findInvitation(hashToken(token));
    return record && record.expiresAt.getTime() > this.clock.now().getTime() ? toInfo(record) : undefined;
  }

  /** Withdraws an invitation; NotFound when the network has no such invitation. */
  async withdraw(networkId: string, invitationId: string): Promise<void> {
    if (!(await this.store.deleteInvitation(networkId, invitationId))) throw new NotFound('invitation', invitationId);
  }

  /**
   * Accepts an invitation for a signed-in account. Single use: the token is gone afterwards, even
   * when two accept at once. ValidationFailed on `token` (`invitation_invalid`, `invitation_expired`).
   */
  async accept(token: string | undefined, accountId: string): Promise<AcceptedInvitation> {
    if (!(await this.store.getAccount(accountId))) throw new NotFound('account', accountId);
    const record = looksLike('invitation', token) ? await this.store.consumeInvitation(hashToken(token)) : undefined;
    if (!record) throw ValidationFailed.field('token', 'is not a valid invitation (it may have been used already)', 'invitation_invalid');
    if (record.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw ValidationFailed.field('token', 'has expired: ask the coordinator for a new invitation', 'invitation_expired');
    }
    return { networkId: record.networkId, memberId: record.memberId, accountId };
  }
}

function toInfo(record: InvitationRecord): InvitationInfo {
  const { tokenHash: _secret, ...info } = record;
  return info;
}
