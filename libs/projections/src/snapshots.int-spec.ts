/**
 * Snapshots change nothing but the start: for histories drawn at random (members joining, leaving,
 * renamed and erased; interactions logged, corrected with other participants and retracted; networks
 * interleaved in the log), a read model restored from a snapshot taken at any point and fed the rest
 * of the log answers exactly as one fed the whole log from position zero, which answers as one fed it
 * live, event by event. The same holds for a network's analysis state in a worker.
 */
import { InMemoryEventStore, NewEvent, RecordedEvent } from '@solmu/event-store';
import { mulberry32 } from '@solmu/analysis';
import { v7 as uuid } from 'uuid';
import { InteractionLog } from './interaction-log/interaction-log.projection';
import { AnalysisEngine } from './network-analysis/analysis-engine';
import type { GraphSnapshot } from './network-analysis/analysis-view';
import { NetworkDirectory } from './network-directory/network-directory.projection';
import { NetworkHistory } from './network-history/network-history.projection';
import { SnapshottingProjection } from './projection';

const NOW = Date.parse('2025-06-30T12:00:00Z');
const KINDS = ['acquainted', 'discussed', 'exchanged_information', 'co_developed'];

/** A random but valid history of two networks, interleaved, as the write side would record it. */
function randomHistory(seed: number, length: number): Array<{ stream: string; event: Omit<NewEvent, 'id'> }> {
  const random = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const out: Array<{ stream: string; event: Omit<NewEvent, 'id'> }> = [];
  const nets = ['net-a', 'net-b'].map((networkId) => ({ networkId, members: [] as string[], left: new Set<string>(), interactions: [] as string[], retracted: new Set<string>() }));
  // Some instants as a client may write them (no milliseconds), most as the decider writes them.
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace(i % 3 === 0 ? '.000Z' : '', i % 3 === 0 ? 'Z' : '');
  for (const net of nets) out.push({ stream: `network-${net.networkId}`, event: { type: 'NetworkFounded', data: { networkId: net.networkId, name: net.networkId, foundedAt: at(0) }, metadata: { actor: 'account:a' } } });
  for (let i = 1; i <= length; i++) {
    const net = pick(nets);
    const { networkId } = net;
    const roll = random();
    const present = net.members.filter((m) => !net.left.has(m));
    const meta = { actor: `account:${Math.floor(random() * 3)}`, source: pick(['api', 'slack']) };
    if (net.members.length < 4 || roll < 0.12) {
      const memberId = `${networkId}-m${net.members.length}`;
      net.members.push(memberId);
      out.push({ stream: `network-${networkId}`, event: { type: 'MemberJoined', data: { networkId, memberId, name: `Member ${memberId}`, email: `${memberId}@example.org`, memberType: 'person', role: 'member', joinedAt: at(i - 1) }, metadata: meta } });
    } else if (roll < 0.15 && present.length > 3) {
      const memberId = pick(present);
      net.left.add(memberId);
      out.push({ stream: `network-${networkId}`, event: { type: 'MemberLeft', data: { networkId, memberId, leftAt: at(i) }, metadata: meta } });
    } else if (roll < 0.18) {
      out.push({ stream: `network-${networkId}`, event: { type: 'MemberProfileChanged', data: { networkId, memberId: pick(net.members), changes: { name: `Renamed ${i}`, organisation: random() < 0.5 ? null : `Org ${i}` } }, metadata: meta } });
    } else if (roll < 0.19) {
      out.push({ stream: `network-${networkId}`, event: { type: 'MemberErased', data: { networkId, memberId: pick(net.members) }, metadata: meta } });
    } else if (roll < 0.25 && net.interactions.length > 0) {
      const interactionId = pick(net.interactions);
      if (net.retracted.has(interactionId)) continue;
      out.push({ stream: `interaction-${interactionId}`, event: { type: 'InteractionCorrected', data: { networkId, interactionId, kind: pick(KINDS), participants: [pick(present), pick(present)].filter((m, k, all) => all.indexOf(m) === k), occurredAt: at(i - Math.floor(random() * 50)), reason: 'typo', ...(random() < 0.5 && { note: `corrected ${i}` }) }, metadata: meta } });
    } else if (roll < 0.28 && net.interactions.length > 0) {
      const interactionId = pick(net.interactions);
      net.retracted.add(interactionId);
      out.push({ stream: `interaction-${interactionId}`, event: { type: 'InteractionRetracted', data: { networkId, interactionId, reason: 'duplicate' }, metadata: meta } });
    } else {
      const interactionId = `${networkId}-i${i}`;
      net.interactions.push(interactionId);
      const participants = [pick(present), pick(present), pick(present)].filter((m, k, all) => all.indexOf(m) === k);
      if (participants.length < 2) continue;
      out.push({
        stream: `interaction-${interactionId}`,
        event: { type: 'InteractionLogged', data: { networkId, interactionId, kind: pick(KINDS), participants, occurredAt: at(i - Math.floor(random() * 100)), ...(random() < 0.3 && { note: `note ${i}` }), ...(random() < 0.3 && { channel: 'meeting', initiator: participants[0] }) }, metadata: meta },
      });
    }
  }
  return out;
}

async function recorded(seed: number, length: number): Promise<{ store: InMemoryEventStore; events: RecordedEvent[] }> {
  const store = new InMemoryEventStore();
  for (const { stream, event } of randomHistory(seed, length)) await store.append(stream, [{ id: uuid(), ...event }]);
  return { store, events: await store.readAll() };
}

function readModels(store: InMemoryEventStore): SnapshottingProjection[] {
  const log = new InteractionLog();
  return [new NetworkDirectory(), log, new NetworkHistory(store, log)];
}

/** Everything the read models answer about both networks. */
async function answers([directory, log, history]: SnapshottingProjection[]): Promise<unknown> {
  const d = directory as NetworkDirectory;
  const l = log as InteractionLog;
  const h = history as NetworkHistory;
  const out: Record<string, unknown> = { list: d.list() };
  for (const networkId of ['net-a', 'net-b']) {
    const members = d.members(networkId) ?? [];
    out[networkId] = {
      network: d.get(networkId),
      membership: d.membership(networkId),
      interventions: d.interventions(networkId),
      all: l.page(networkId, { includeRetracted: true }, 10_000),
      pages: l.page(networkId, { kind: 'discussed' }, 3, l.page(networkId, {}, 5).nextCursor),
      byMember: members.map((m) => ({ ids: l.interactionIdsOf(networkId, m.id).sort(), page: l.page(networkId, { member: m.id }, 20) })),
      history: await h.page(networkId, undefined, 10_000),
      historyLater: await h.page(networkId, 40, 7),
    };
  }
  return out;
}

function analysisAnswers(engine: AnalysisEngine): unknown {
  return ['net-a', 'net-b'].map((networkId) => {
    const now = engine.answer({ kind: 'graph', networkId, options: {} }, { now: NOW }) as GraphSnapshot;
    return [
      engine.answer({ kind: 'timeline', networkId, options: { interval: 'month', window: 'sliding:90' } }, { now: NOW }),
      engine.answer({ kind: 'graph', networkId, options: { at: '2024-03-01' } }, { now: NOW }),
      now,
      // Every tie's history: its interactions' dates as they were written.
      now.ties.map((tie) => engine.answer({ kind: 'tie', networkId, a: tie.a, b: tie.b }, { now: NOW })),
    ];
  });
}

describe('snapshots of the read models', () => {
  it.each([1, 2, 3])('restored at any point and fed the rest of the log, they answer as a rebuild from zero, which answers as the live fold (history %i)', async (seed) => {
    const { store, events } = await recorded(seed, 400);
    const live = readModels(store);
    // Live: event by event, with queries in between (as the app runs).
    for (const [i, event] of events.entries()) {
      live.forEach((p) => p.apply(event));
      if (i % 97 === 0) await answers(live);
    }
    const rebuilt = readModels(store);
    for (const event of events) rebuilt.forEach((p) => p.apply(event));
    const expected = await answers(rebuilt);
    expect(await answers(live)).toEqual(expected);

    for (const cut of [0, 1, Math.floor(events.length / 3), events.length - 1, events.length]) {
      const before = readModels(store);
      for (const event of events.slice(0, cut)) before.forEach((p) => p.apply(event));
      const restored = readModels(store);
      restored.forEach((p, k) => p.restore(before[k].toSnapshot(), before[k].appliedPosition));
      // The runner catches up from the oldest snapshot; redelivered events are ignored by position.
      for (const event of events.slice(Math.max(0, cut - 5))) restored.forEach((p) => p.apply(event));
      expect(await answers(restored)).toEqual(expected);
    }
  });

  it.each([1, 2, 3])('a network’s analysis state restored from its snapshot and caught up answers as the full fold (history %i)', async (seed) => {
    const { events } = await recorded(seed, 400);
    const forward = (e: RecordedEvent) => ({ position: e.position, type: e.type, data: e.data, metadata: e.metadata });
    const full = new AnalysisEngine();
    ['net-a', 'net-b'].forEach((id) => full.hold(id));
    events.forEach((e) => full.apply(forward(e)));
    const expected = analysisAnswers(full);
    for (const cut of [1, Math.floor(events.length / 2), events.length]) {
      const before = new AnalysisEngine();
      ['net-a', 'net-b'].forEach((id) => before.hold(id));
      events.slice(0, cut).forEach((e) => before.apply(forward(e)));
      const restored = new AnalysisEngine();
      for (const id of ['net-a', 'net-b']) restored.restore(id, before.toSnapshot(id)!.state, events[cut - 1].position);
      events.slice(Math.max(0, cut - 5)).forEach((e) => restored.apply(forward(e)));
      expect(analysisAnswers(restored)).toEqual(expected);
    }
  });
});
