/**
 * The network the tip specs read (tips.spec.ts, member-view.spec.ts): every kind of tip turns up in it
 * on 30 June 2024. Test-only.
 */
import type { InteractionKind } from '@solmu/network/published';
import type { NetworkHistoryEvent } from '../graph/network-history';
import { joined, logged } from './history.mother';

export const coordinator = (event: NetworkHistoryEvent): NetworkHistoryEvent => (event.type === 'MemberJoined' ? { ...event, data: { ...event.data, role: 'coordinator' } } : event);
export const JAN = '2024-01-01T00:00:00Z';
let counter = 0;
export const log = (people: string[], date: string, kind: InteractionKind = 'outlined_goals'): NetworkHistoryEvent => logged(`i${++counter}`, people, `${date}T10:00:00Z`, kind);

/**
 * Group A (a1–a4, with a3 and a4 never having met, and a1–a2 stuck at acquaintance) around the
 * coordinator Aino; group B (b1–b5, everyone with everyone); x alone links them through a1 and b1;
 * p1 knows only Aino; n1 joined in June and knows only Aino; n2 joined on 20 June and knows nobody;
 * q has been quiet since February.
 */
export const TIPS_NETWORK_EVENTS: NetworkHistoryEvent[] = [
  coordinator(joined('co', JAN, { name: 'Aino' })),
  ...['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b3', 'b4', 'b5', 'x', 'p1', 'q'].map((id) => joined(id, JAN, { name: id.toUpperCase() })),
  joined('n1', '2024-06-01T00:00:00Z', { name: 'N1' }),
  joined('n2', '2024-06-20T00:00:00Z', { name: 'N2' }),
  log(['a1', 'a2'], '2024-01-10', 'acquainted'),
  log(['a1', 'a2'], '2024-02-10', 'acquainted'),
  log(['a1', 'a2'], '2024-03-10', 'acquainted'),
  log(['a1', 'a3'], '2024-03-01'),
  log(['a1', 'a4'], '2024-03-02'),
  log(['a2', 'a3'], '2024-03-03'),
  log(['a2', 'a4'], '2024-03-04'),
  ...['a1', 'a2', 'a3', 'a4', 'p1'].map((id, i) => log(['co', id], `2024-05-0${i + 1}`, 'discussed')),
  log(['co', 'n1'], '2024-06-05', 'acquainted'),
  log(['b1', 'b2', 'b3', 'b4', 'b5'], '2024-04-15', 'co_developed'),
  log(['b1', 'b2', 'b3', 'b4', 'b5'], '2024-06-15', 'co_developed'),
  log(['a1', 'x'], '2024-04-01', 'exchanged_information'),
  log(['x', 'b1'], '2024-04-02', 'exchanged_information'),
  log(['q', 'co'], '2024-01-20', 'discussed'),
  log(['q', 'a2'], '2024-02-20', 'discussed'),
  log(['q', 'a2'], '2024-02-21', 'discussed'),
];

/** The date the tip specs draw the network at. */
export const TIPS_NETWORK_AT = '2024-06-30';
