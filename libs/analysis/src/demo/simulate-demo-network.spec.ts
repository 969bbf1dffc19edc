import { MEMBER_TYPES } from '@solmu/network/published';
import { foldNetworkHistory } from '../graph/network-history';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { PHASE_RANK } from '../phases/phase-rules';
import { foldLoggedBy } from '../timeline/coverage';
import { timeline } from '../timeline/timeline';
import { DEMO_DURATION_DAYS, simulateDemoNetwork } from './simulate-demo-network';
import type { DemoCommand } from './simulate-demo-network';

const START = '2023-01-01T00:00:00.000Z';

/**
 * A tiny stand-in for the application's command path: each command becomes the event the decider
 * would record, with fake ids (member keys as member ids) and the issuing member as the actor.
 */
function toEvents(commands: DemoCommand[]): Array<NetworkHistoryEvent & { metadata: { actor: string } }> {
  const networkId = 'demo-net';
  let next = 0;
  return commands.map((command) => {
    const metadata = { actor: `account:${command.by}` };
    switch (command.type) {
      case 'FoundNetwork':
        return { type: 'NetworkFounded', data: { networkId, name: command.data.name, description: command.data.description, foundedAt: command.at }, metadata };
      case 'JoinNetwork': {
        const { member, name, organisation, type, role } = command.data;
        return { type: 'MemberJoined', data: { networkId, memberId: member, name, organisation, memberType: type, role, joinedAt: command.at }, metadata };
      }
      case 'LeaveNetwork':
        return { type: 'MemberLeft', data: { networkId, memberId: command.data.member, leftAt: command.at }, metadata };
      case 'RecordIntervention':
        return { type: 'InterventionRecorded', data: { networkId, interventionId: `v-${++next}`, kind: command.data.kind, title: command.data.title, occurredAt: command.at }, metadata };
      case 'LogInteraction':
        return { type: 'InteractionLogged', data: { networkId, interactionId: `i-${++next}`, ...command.data, occurredAt: command.at }, metadata };
    }
  });
}

describe('simulateDemoNetwork', () => {
  const commands = simulateDemoNetwork({ seed: 1, start: START });
  const ofType = <T extends DemoCommand['type']>(type: T) => commands.filter((c): c is Extract<DemoCommand, { type: T }> => c.type === type);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(simulateDemoNetwork({ seed: 1, start: new Date(START) })).toEqual(commands);
    expect(simulateDemoNetwork({ seed: 2, start: START })).not.toEqual(commands);
    expect(commands.length).toBe(697);
  });

  it('casts 40–80 members of every member type, one coordinator, with Finnish and English names', () => {
    const joins = ofType('JoinNetwork');
    expect(joins.length).toBe(56);
    expect(new Set(joins.map((j) => j.data.type))).toEqual(new Set(MEMBER_TYPES));
    expect(joins.filter((j) => j.data.role === 'coordinator').map((j) => [j.data.member, j.data.name])).toEqual([['m01', 'Aino Virtanen']]);
    expect(joins.map((j) => j.data.name)).toEqual(expect.arrayContaining(['Mikko Korhonen', 'Emma Clarke', 'Riikka Järvinen', 'David Wilson']));
  });

  it('is a valid command sequence: founded first, in date order, members present whenever they take part', () => {
    expect(commands[0]).toMatchObject({ type: 'FoundNetwork', at: START, data: { name: 'Hiidenmaan kiertotalousverkosto' } });
    const times = commands.map((c) => Date.parse(c.at));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    expect(times[times.length - 1] - times[0]).toBeLessThan(DEMO_DURATION_DAYS * 86_400_000);
    const present = new Set<string>();
    const problems: string[] = [];
    for (const command of commands) {
      if (command.type === 'JoinNetwork') present.add(command.data.member);
      if (command.type === 'LeaveNetwork') present.delete(command.data.member);
      if (command.type === 'LogInteraction') {
        const { participants, initiator } = command.data;
        if (participants.some((p) => !present.has(p)) || new Set(participants).size !== participants.length || participants.length < 2) problems.push(command.at);
        if (initiator !== undefined && !participants.includes(initiator)) problems.push(`${command.at} initiator`);
        if (!participants.includes(command.by)) problems.push(`${command.at} logged by an outsider`);
      }
    }
    expect(problems).toEqual([]);
    expect(ofType('LeaveNetwork').map((c) => c.data.member)).toEqual(['m06', 'm19']);
  });

  it('has group interactions, channels, initiators, notes and interventions', () => {
    const logs = ofType('LogInteraction');
    expect(logs.filter((c) => c.data.participants.length >= 5).length).toBeGreaterThan(30);
    expect(new Set(logs.map((c) => c.data.channel))).toEqual(new Set(['meeting', 'video', 'email', 'phone', 'chat', 'event']));
    expect(logs.filter((c) => c.data.initiator !== undefined).length).toBeGreaterThan(logs.length / 2);
    expect(logs.some((c) => c.data.note === 'Tutustumista heterogeenisissa kolmikoissa')).toBe(true);
    expect(ofType('RecordIntervention').map((c) => [c.at.slice(0, 7), c.data.kind, c.data.title])).toEqual([
      ['2023-02', 'event', 'Aloitustilaisuus: tutustuminen #1'],
      ['2023-05', 'matchmaking', 'Tutustuminen #2: sekoitetut kolmikot'],
      ['2023-06', 'workshop', 'Yhteiskehittelytyöpaja 1'],
      ['2023-07', 'workshop', 'Yhteiskehittelytyöpaja 2'],
      ['2023-08', 'matchmaking', 'Matchmaking-kierros 2'],
      ['2023-09', 'workshop', 'Yhteiskehittelytyöpaja 3'],
      ['2023-10', 'workshop', 'Yhteiskehittelytyöpaja 4'],
      ['2023-11', 'matchmaking', 'Matchmaking-kierros 3'],
      ['2023-12', 'workshop', 'Yhteiskehittelytyöpaja 5'],
      ['2024-01', 'workshop', 'Teemaryhmien käynnistys'],
      ['2024-05', 'workshop', 'Yhteisen oppimisen arviointi'],
    ]);
  });

  describe('folded into events and read as a monthly timeline', () => {
    const events = toEvents(commands);
    const history = foldNetworkHistory(events);
    const loggedBy = foldLoggedBy(events);

    it('goes through founding, deepening and settling in order under a half-year sliding window', () => {
      // Seed 001 asks people to draw who they have worked with "over the last half year".
      const result = timeline(history, { interval: 'month', window: 'sliding:180', loggedBy });
      const phases = result.buckets.map((b) => b.phase.name);
      expect(result.buckets.map((b) => b.label)).toEqual([
        ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2023-${m}`),
        ...['01', '02', '03', '04', '05', '06'].map((m) => `2024-${m}`),
      ]);
      expect(phases).toEqual([...Array(6).fill('founding'), ...Array(6).fill('deepening'), ...Array(6).fill('settling')]);
      expect(phases.every((name, i) => i === 0 || PHASE_RANK[name] >= PHASE_RANK[phases[i - 1]])).toBe(true);

      // Density rises and degree centralisation falls from the first quarter to the last.
      const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
      const first = result.buckets.slice(0, 3).map((b) => b.measures);
      const last = result.buckets.slice(-3).map((b) => b.measures);
      expect(mean(last.map((m) => m.density))).toBeGreaterThan(mean(first.map((m) => m.density)) + 0.1);
      expect(mean(last.map((m) => m.degreeCentralization))).toBeLessThan(mean(first.map((m) => m.degreeCentralization)) - 0.4);
      // Founding is centred on the coordinator; the settled network is even and deep.
      expect(first.every((m) => m.degreeCentralization > 0.75)).toBe(true);
      expect(last.every((m) => m.degreeGini < 0.2 && m.ladderProfile.co_developed + m.ladderProfile.evaluated_learning > 0.5)).toBe(true);
      // Interventions are marked in their months, and early months rest on few loggers.
      expect(result.buckets[4].interventions.map((i) => i.kind)).toEqual(['matchmaking']);
      expect(result.buckets[15].coverage.trusted).toBe(true);
    });

    it('never goes back under the cumulative window either, and reaches settling', () => {
      const phases = timeline(history, { interval: 'month', loggedBy }).buckets.map((b) => b.phase.name);
      expect(phases.every((name, i) => i === 0 || PHASE_RANK[name] >= PHASE_RANK[phases[i - 1]])).toBe(true);
      expect(phases[0]).toBe('founding');
      expect(phases[phases.length - 1]).toBe('settling');
      expect(phases).toContain('deepening');
    });
  });
});
