import { parseLog } from '../core/log-grammar';
import { TeamsActivity, teamsTokens } from './teams-message';

/** Shaped after Microsoft's documented outgoing-webhook request (trimmed to what Solmu reads). */
const activity: TeamsActivity = {
  type: 'message',
  id: '1485983408511',
  timestamp: '2025-06-10T08:30:00.000Z',
  text: '<at>Solmu</at> discussed <at>Aino Virtanen</at> <at>Eero</at> yesterday&nbsp;budjetti syksylle\n',
  from: { id: '29:1sender', name: 'Maija', aadObjectId: '6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f' },
  conversation: { id: '19:channel@thread.skype' },
  entities: [
    { type: 'clientInfo' },
    { type: 'mention', text: '<at>Aino Virtanen</at>', mentioned: { id: '29:1aino', name: 'Aino Virtanen' } },
    { type: 'mention', text: '<at>Eero</at>', mentioned: { id: '29:1eero', name: 'Eero' } },
  ],
};

describe('Teams messages as chat tokens', () => {
  it('given a message mentioning the bot and two people, then the bot is dropped and the people are mentions', () => {
    expect(teamsTokens(activity)).toEqual([
      { type: 'word', text: 'discussed' },
      { type: 'mention', id: '29:1aino', label: 'Aino Virtanen' },
      { type: 'mention', id: '29:1eero', label: 'Eero' },
      { type: 'word', text: 'yesterday' },
      { type: 'word', text: 'budjetti' },
      { type: 'word', text: 'syksylle' },
    ]);
    expect(parseLog(teamsTokens(activity), '2025-06-10')).toEqual({
      ok: true,
      log: { kind: 'discussed', mentions: ['29:1aino', '29:1eero'], date: '2025-06-09', note: 'budjetti syksylle' },
    });
  });

  it('strips the HTML Teams wraps messages in, and keeps an <at> without an entity as a word', () => {
    const wrapped = { ...activity, text: '<p><at>Solmu</at> met <at>Ghost</at></p>', entities: [] };
    expect(teamsTokens(wrapped)).toEqual([
      { type: 'word', text: 'met' },
      { type: 'word', text: '@Ghost' },
    ]);
  });
});
