import { Principal } from '@solmu/kernel';
import { accessTo, MembershipView, mayReadNotesOf, NetworkAction } from './access';

const NETWORK = 'net-1';
const network = (membersSeeNetwork = true): MembershipView => ({
  members: [
    { id: 'coord', role: 'coordinator', accountId: 'acc-coord' },
    { id: 'alice', role: 'member', accountId: 'acc-alice' },
    { id: 'gone', role: 'member', accountId: 'acc-gone', leftAt: '2024-05-01T00:00:00.000Z' },
    { id: 'bob', role: 'member' },
  ],
  settings: { membersSeeNetwork },
});
const account = (accountId: string, admin = false): Principal => ({ kind: 'account', accountId, admin });
const ACTIONS: NetworkAction[] = ['network:view', 'network:manage', 'members:manage', 'interactions:write-any', 'interactions:read-all', 'analysis:read', 'tips:read-all', 'notes:read-all'];
const allowed = (principal: Principal, view = network()) => {
  const access = accessTo(NETWORK, view, principal);
  return ACTIONS.filter((a) => access.can(a));
};

describe('network access policy', () => {
  it('a coordinator may do everything in their network', () => {
    expect(allowed(account('acc-coord'))).toEqual(ACTIONS);
    expect(accessTo(NETWORK, network(), account('acc-coord')).memberId).toBe('coord');
  });

  it('a member sees the network and its picture, and nothing of others’ business', () => {
    expect(allowed(account('acc-alice'))).toEqual(['network:view', 'analysis:read']);
    expect(accessTo(NETWORK, network(), account('acc-alice')).memberId).toBe('alice');
  });

  it('the network picture is closed to members when the settings say so', () => {
    expect(allowed(account('acc-alice'), network(false))).toEqual(['network:view']);
  });

  it('a member writing from Slack or Teams has their own rights, in the integration\'s network only', () => {
    const chat = (memberId: string, networkId = NETWORK): Principal => ({ kind: 'chat', platform: 'slack', networkId, memberId });
    expect(allowed(chat('bob'))).toEqual(['network:view', 'analysis:read']);
    expect(accessTo(NETWORK, network(), chat('bob')).memberId).toBe('bob');
    expect(allowed(chat('coord'))).toEqual(ACTIONS);
    for (const principal of [chat('gone'), chat('nobody'), chat('bob', 'other-network')]) {
      expect(accessTo(NETWORK, network(), principal)).toMatchObject({ visible: false, role: 'none' });
    }
  });

  it('people who left, strangers and anonymous callers do not see the network at all', () => {
    for (const principal of [account('acc-gone'), account('acc-stranger'), { kind: 'anonymous' } as Principal]) {
      expect(accessTo(NETWORK, network(), principal)).toMatchObject({ visible: false, role: 'none' });
    }
  });

  it('an administrator manages every network but reads notes only where they coordinate', () => {
    expect(allowed(account('acc-admin', true))).toEqual(ACTIONS.filter((a) => a !== 'notes:read-all'));
    expect(allowed(account('acc-coord', true))).toEqual(ACTIONS);
  });

  it('an API token acts only in its own network, within its scopes', () => {
    const token = (networkId: string, scopes: Array<'interactions:write' | 'network:read' | 'analysis:read' | 'members:write'>): Principal => ({ kind: 'token', tokenId: 't', networkId, scopes });
    expect(allowed(token(NETWORK, ['interactions:write']))).toEqual(['network:view', 'interactions:write-any']);
    expect(allowed(token(NETWORK, ['network:read', 'analysis:read']))).toEqual(['network:view', 'interactions:read-all', 'analysis:read', 'tips:read-all']);
    expect(accessTo(NETWORK, network(), token('other-net', ['network:read'])).visible).toBe(false);
  });

  describe('notes', () => {
    const notesOf = (principal: Principal, participants: string[]) => mayReadNotesOf(accessTo(NETWORK, network(), principal), participants);

    it('participants and coordinators read them; other members, administrators and tokens do not', () => {
      expect(notesOf(account('acc-alice'), ['alice', 'bob'])).toBe(true);
      expect(notesOf(account('acc-alice'), ['coord', 'bob'])).toBe(false);
      expect(notesOf(account('acc-coord'), ['alice', 'bob'])).toBe(true);
      expect(notesOf(account('acc-admin', true), ['alice', 'bob'])).toBe(false);
      expect(notesOf({ kind: 'token', networkId: NETWORK, tokenId: 't', scopes: ['network:read', 'interactions:write', 'members:write', 'analysis:read'] }, ['alice', 'bob'])).toBe(false);
    });

    it('an administrator who takes part reads that interaction’s note, and who coordinates reads all', () => {
      const view: MembershipView = { ...network(), members: [...network().members, { id: 'ada', role: 'member', accountId: 'acc-ada' }] };
      expect(mayReadNotesOf(accessTo(NETWORK, view, account('acc-ada', true)), ['ada', 'bob'])).toBe(true);
      expect(mayReadNotesOf(accessTo(NETWORK, view, account('acc-ada', true)), ['alice', 'bob'])).toBe(false);
      expect(mayReadNotesOf(accessTo(NETWORK, network(), account('acc-coord', true)), ['alice', 'bob'])).toBe(true);
    });
  });
});
