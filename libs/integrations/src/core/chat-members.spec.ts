import { ChatMember, IdentityScheme, resolveChatLog } from './chat-members';

const NOW = new Date('2025-06-10T08:00:00.000Z');
const members: ChatMember[] = [
  { id: 'm-maija', name: 'Maija', externalIds: { slack: 'T1:UMAIJA' } },
  { id: 'm-aino', name: 'Aino', externalIds: { slack: 'T1:UAINO' } },
  { id: 'm-gone', name: 'Gone', externalIds: { slack: 'T1:UGONE' }, leftAt: '2025-01-01T00:00:00.000Z' },
];
const slack = (user: string): IdentityScheme => ({ platform: 'slack', sender: [{ platform: 'slack', id: `T1:${user}` }], mention: (id) => ({ platform: 'slack', id: `T1:${id}` }) });

describe('chat users as members', () => {
  it('given a linked sender and a linked mention, then both are participants of the API input', () => {
    expect(resolveChatLog({ kind: 'discussed', mentions: ['UAINO'], date: '2025-06-09', note: 'hi' }, members, slack('UMAIJA'), '2025-06-10', NOW)).toMatchObject({
      ok: true,
      sender: { id: 'm-maija' },
      input: { kind: 'discussed', participants: ['m-maija', 'm-aino'], occurredAt: '2025-06-09T12:00:00.000Z', channel: 'chat', note: 'hi' },
    });
  });

  it('names an unlinked sender and each unlinked or departed mention, with how to link', () => {
    expect(resolveChatLog({ kind: 'met', mentions: ['UAINO', 'UNOBODY', 'UGONE'] } as never, members, slack('USTRANGER'), '2025-06-10', NOW)).toEqual({
      ok: false,
      problems: [
        { field: 'actor', problem: expect.stringContaining('/solmu link') },
        { field: 'participants[2]', problem: expect.stringContaining('UNOBODY is not linked') },
        { field: 'participants[3]', problem: expect.stringContaining('UGONE is not linked') },
      ],
    });
  });
});
