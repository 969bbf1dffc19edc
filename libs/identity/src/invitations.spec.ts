import { NotFound, ValidationFailed } from '@solmu/kernel';
import { hashToken } from './secrets';
import { identityFixture } from './testing/identity-fixture';

const COORDINATOR = '00000000-0000-7000-8000-00000000c00d';
const DAY = 24 * 3600_000;

async function withInvitee() {
  const fixture = identityFixture();
  const account = await fixture.accounts.register({ email: 'invitee@example.test', password: 'kutsuttu henkilö', displayName: 'Invitee' });
  return { ...fixture, account };
}

describe('Invitations', () => {
  it('creates a one-time token for a member, shown once and stored hashed, valid 14 days', async () => {
    const { invitations, store } = await withInvitee();
    const { token, invitation } = await invitations.create({ networkId: 'n1', memberId: 'm1', email: ' Invitee@Example.test', createdBy: COORDINATOR });

    expect(token).toMatch(/^solmu_inv_[A-Za-z0-9_-]{43}$/);
    expect(invitation).toEqual({
      id: expect.any(String),
      networkId: 'n1',
      memberId: 'm1',
      email: 'invitee@example.test',
      createdBy: COORDINATOR,
      createdAt: new Date('2025-03-01T10:00:00.000Z'),
      expiresAt: new Date('2025-03-15T10:00:00.000Z'),
    });
    const dump = JSON.stringify(store.dump());
    expect(dump).not.toContain(token);
    expect(dump).toContain(hashToken(token));
  });

  it('accepted by a signed-in account, links that member to it — once', async () => {
    const { invitations, account } = await withInvitee();
    const { token } = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });

    expect(await invitations.accept(token, account.id)).toEqual({ networkId: 'n1', memberId: 'm1', accountId: account.id });
    const again = await invitations.accept(token, account.id).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationFailed);
    expect(again.code).toBe('invitation_invalid');
  });

  it('lets one person join several networks', async () => {
    const { invitations, account } = await withInvitee();
    const first = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    const second = await invitations.create({ networkId: 'n2', memberId: 'm7', createdBy: COORDINATOR });
    expect(await invitations.accept(first.token, account.id)).toMatchObject({ networkId: 'n1', memberId: 'm1' });
    expect(await invitations.accept(second.token, account.id)).toMatchObject({ networkId: 'n2', memberId: 'm7' });
  });

  it('expires after 14 days', async () => {
    const { invitations, account, clock } = await withInvitee();
    const early = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    const late = await invitations.create({ networkId: 'n1', memberId: 'm2', createdBy: COORDINATOR });

    clock.advance(14 * DAY - 1);
    expect(await invitations.accept(early.token, account.id)).toMatchObject({ memberId: 'm1' });
    clock.advance(1);
    await expect(invitations.accept(late.token, account.id)).rejects.toMatchObject({ code: 'invitation_expired' });
    expect(await invitations.list('n1')).toEqual([]);
  });

  it('withdraws older invitations to the same member when a new one is made', async () => {
    const { invitations, account } = await withInvitee();
    const old = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    const fresh = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    await expect(invitations.accept(old.token, account.id)).rejects.toMatchObject({ code: 'invitation_invalid' });
    expect(await invitations.accept(fresh.token, account.id)).toMatchObject({ memberId: 'm1' });
  });

  it('lists open invitations and withdraws one', async () => {
    const { invitations, account } = await withInvitee();
    const a = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    const b = await invitations.create({ networkId: 'n1', memberId: 'm2', createdBy: COORDINATOR });
    expect((await invitations.list('n1')).map((i) => i.memberId)).toEqual(['m1', 'm2']);
    expect(JSON.stringify(await invitations.list('n1'))).not.toContain(hashToken(a.token));

    await invitations.withdraw('n1', a.invitation.id);
    await expect(invitations.withdraw('n2', b.invitation.id)).rejects.toBeInstanceOf(NotFound);
    expect((await invitations.list('n1')).map((i) => i.memberId)).toEqual(['m2']);
    await expect(invitations.accept(a.token, account.id)).rejects.toMatchObject({ code: 'invitation_invalid' });
  });

  it('describes a valid invitation without spending it', async () => {
    const { invitations, account } = await withInvitee();
    const { token, invitation } = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    expect(await invitations.describe(token)).toEqual(invitation);
    expect(await invitations.describe('solmu_inv_nonsense')).toBeUndefined();
    expect(await invitations.accept(token, account.id)).toBeDefined();
    expect(await invitations.describe(token)).toBeUndefined();
  });

  it('does not spend the token when the account does not exist', async () => {
    const { invitations, account } = await withInvitee();
    const { token } = await invitations.create({ networkId: 'n1', memberId: 'm1', createdBy: COORDINATOR });
    await expect(invitations.accept(token, 'no-such-account')).rejects.toBeInstanceOf(NotFound);
    expect(await invitations.accept(token, account.id)).toMatchObject({ memberId: 'm1' });
  });

  it('refuses a malformed email address for the invitation', async () => {
    const { invitations } = await withInvitee();
    await expect(invitations.create({ networkId: 'n1', memberId: 'm1', email: 'nope', createdBy: COORDINATOR })).rejects.toBeInstanceOf(ValidationFailed);
  });
});
