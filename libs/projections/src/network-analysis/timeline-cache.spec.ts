import { AnalysisEngine } from './analysis-engine';

/** The engine keeps a timeline until the network changes or a minute passes (timeline-cache.ts). */
describe('timelines kept between requests', () => {
  const NOW = Date.parse('2024-06-15T12:00:00Z');
  const member = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
  let position = 0;
  const engine = new AnalysisEngine();
  const apply = (type: string, data: Record<string, unknown>) => engine.apply({ position: ++position, type, data: { networkId: 'n', ...data } });
  const ask = (now: number, window?: string) => engine.answer({ kind: 'timeline', networkId: 'n', options: { interval: 'month', window } }, { now });
  const interaction = (id: number, a: number, b: number, occurredAt: string) =>
    apply('InteractionLogged', { interactionId: `00000000-0000-7000-8000-00000000010${id}`, kind: 'discussed', participants: [member(a), member(b)], occurredAt });

  beforeAll(() => {
    // The engine folds only the networks it was asked to hold (loaded on demand).
    engine.hold('n');
    apply('NetworkFounded', { name: 'N', foundedAt: '2024-01-01T00:00:00Z' });
    for (const n of [1, 2, 3]) apply('MemberJoined', { memberId: member(n), name: `M${n}`, memberType: 'company', role: 'member', joinedAt: '2024-01-01T00:00:00Z' });
    interaction(1, 1, 2, '2024-02-01T10:00:00Z');
  });

  it('answers the same timeline again while nothing changed, within a minute', () => {
    const first = ask(NOW);
    expect(ask(NOW + 30_000)).toBe(first);
  });

  it('computes it afresh after the network changed, with the change in it', () => {
    const before = ask(NOW) as { buckets: Array<{ measures: { ties: number } }> };
    interaction(2, 2, 3, '2024-03-01T10:00:00Z');
    const after = ask(NOW + 1_000) as typeof before;
    expect(after).not.toBe(before);
    expect(after.buckets.at(-1)!.measures.ties).toBe(before.buckets.at(-1)!.measures.ties + 1);
  });

  it('computes it afresh after a minute, and for other options', () => {
    const first = ask(NOW + 2_000);
    expect(ask(NOW + 2_000 + 60_000)).not.toBe(first);
    expect(ask(NOW + 2_000, 'sliding:30')).not.toBe(first);
  });

  it('forgets them with the network: a network loaded again counts its revisions anew', () => {
    const first = ask(NOW + 3_000);
    const state = engine.toSnapshot('n')!.state;
    engine.restore('n', state, position);
    expect(ask(NOW + 3_000)).not.toBe(first);
  });
});
