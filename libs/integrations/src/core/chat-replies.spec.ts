import { loggedReply, problemsReply } from './chat-replies';

describe('chat replies', () => {
  it('says what was stored, with names', () => {
    const names = new Map([
      ['m1', 'Maija'],
      ['m2', 'Aino'],
    ]);
    expect(loggedReply({ kind: 'exchanged_information', participants: ['m1', 'm2'], occurredAt: '2025-06-09T12:00:00.000Z', note: 'budget' }, names)).toBe(
      'Logged: exchanged information — Maija, Aino — 2025-06-09 — "budget"',
    );
  });

  it('lists problems as the API names them', () => {
    expect(problemsReply([{ field: 'participants[1]', problem: 'U2 is not linked' }])).toBe('Nothing was logged:\n• participants[1]: U2 is not linked');
    expect(problemsReply([], 'network n1 was not found')).toBe('Nothing was logged:\n• network n1 was not found');
  });
});
