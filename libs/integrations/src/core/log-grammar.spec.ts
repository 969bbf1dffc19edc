import { slackTokens } from '../slack/slack-text';
import { calendarDate, occurredAtOf, parseLog, wordsOf } from './log-grammar';

const TODAY = '2025-06-10';
const parse = (text: string) => parseLog(slackTokens(text), TODAY);

describe('the chat grammar for logging', () => {
  it('given an English kind, two mentions, yesterday and a note, then it reads them all', () => {
    expect(parse('discussed <@U1|aino> <@U2> yesterday funding for the autumn')).toEqual({
      ok: true,
      log: { kind: 'discussed', mentions: ['U1', 'U2'], date: '2025-06-09', note: 'funding for the autumn' },
    });
  });

  it.each([
    ['tutustuttiin <@U1>', 'acquainted'],
    ['Keskusteltiin <@U1>', 'discussed'],
    ['vaihdettiin tietoa <@U1>', 'exchanged_information'],
    ['shared information <@U1>', 'exchanged_information'],
    ['shared <@U1>', 'exchanged_information'],
    ['met <@U1>', 'acquainted'],
    ['hahmoteltiin tavoitteita <@U1>', 'outlined_goals'],
    ['co_developed <@U1>', 'co_developed'],
    ['explored-collaboration <@U1>', 'explored_collaboration'],
    ['arvioitiin oppimista <@U1>', 'evaluated_learning'],
  ])('reads the kind in %j as %s', (text, kind) => {
    expect(parse(text)).toMatchObject({ ok: true, log: { kind } });
  });

  it('reads Finnish and ISO dates, "eilen", and little words between mentions', () => {
    expect(parse('keskusteltiin <@U1> ja <@U2> kanssa eilen')).toMatchObject({ ok: true, log: { mentions: ['U1', 'U2'], date: '2025-06-09' } });
    expect(parse('met with <@U1> 3.6.2025 at the fair')).toMatchObject({ ok: true, log: { date: '2025-06-03', note: 'at the fair' } });
    expect(parse('met <@U1> 2025-06-01')).toMatchObject({ ok: true, log: { date: '2025-06-01' } });
    expect(parse('met <@U1> <@U1>')).toMatchObject({ ok: true, log: { mentions: ['U1'] } });
  });

  it('names the API field of each problem', () => {
    expect(parse('danced <@U1>')).toEqual({ ok: false, problems: [{ field: 'kind', problem: expect.stringContaining('"danced" is not a kind of interaction; use one of: tutustuttiin / met') }] });
    expect(parse('discussed yesterday')).toEqual({ ok: false, problems: [{ field: 'participants', problem: expect.stringContaining('mention at least one') }] });
    expect(parse('discussed <@U1> 31.2.2025')).toEqual({ ok: false, problems: [{ field: 'occurredAt', problem: expect.stringContaining('"31.2.2025" is not a date') }] });
    expect(parse('discussed <@U1> 2025-07-01')).toEqual({ ok: false, problems: [{ field: 'occurredAt', problem: expect.stringContaining('must not be in the future') }] });
    expect(parseLog(wordsOf(''), TODAY)).toMatchObject({ ok: false, problems: [{ field: 'kind' }] });
  });

  it('dates a past day at noon UTC and today at the moment of logging', () => {
    const now = new Date('2025-06-10T08:30:00.000Z');
    expect(occurredAtOf('2025-06-09', TODAY, now)).toBe('2025-06-09T12:00:00.000Z');
    expect(occurredAtOf(undefined, TODAY, now)).toBe(now.toISOString());
    expect(occurredAtOf(TODAY, TODAY, now)).toBe(now.toISOString());
  });

  it('counts "today" in the time zone of the people logging', () => {
    expect(calendarDate(new Date('2025-06-09T22:30:00.000Z'), 'Europe/Helsinki')).toBe('2025-06-10');
    expect(calendarDate(new Date('2025-06-09T22:30:00.000Z'), 'UTC')).toBe('2025-06-09');
  });
});
