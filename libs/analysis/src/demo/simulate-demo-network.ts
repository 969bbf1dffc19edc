/**
 * A simulated regional network for demonstrations and for testing the phase rules end to end: about
 * 18 months of a network that goes through the three phases of seed `000_…txt`.
 *
 * Storyline (months from `start`):
 * - 0–3, founding (verkoston perustaminen): the coordinator gathers three circles of people who already
 *   knew each other (companies, researchers and incubators, municipalities). She meets each newcomer;
 *   the circles keep talking among themselves. A kick-off gets people acquainted in homogeneous triads
 *   (seed `003_…txt`, "tutustumista homogeenisissa kolmikoissa"). Loose and centred on the coordinator.
 * - 4–11, deepening (yhteistyön tiivistyminen): thirty more members join. Matchmaking rounds mix people
 *   into heterogeneous triads ("heterogeenisissa pareissa/kolmikoissa"), co-development workshops follow,
 *   and pairs climb the ladder from acquaintance to exploring collaboration and outlining shared goals.
 * - 12–17, settling (yhteistyön vakiintuminen): four theme groups led by members meet monthly for joint
 *   projects, members co-develop across groups, the groups evaluate what they have learned, and the
 *   coordinator steps back to a steering group. Two members leave; a few new ones join a group directly.
 *
 * Output: plain command inputs in date order with symbolic member keys ('m07'), which the caller maps to
 * real ids as it runs them through the normal command path. `by` is the member who issues the command
 * (who logs an interaction), so coverage can be shown. Deterministic: the same seed and start give the
 * same commands. Choose `start` at least DEMO_DURATION_DAYS before today, as interactions may not be
 * dated in the future.
 */
import type { Channel, InteractionKind, InterventionKind, MemberRole, MemberType } from '@solmu/network/published';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { mulberry32 } from '../measures/engine/seeded-random';
import { DEMO_MEMBERS, DEMO_NETWORK, FOUNDING_CIRCLES, THEME_GROUPS } from './demo-cast';

export const DEMO_DURATION_DAYS = 550;
export const DEMO_DEFAULTS = { seed: 1 } as const;

export type DemoCommand =
  | { type: 'FoundNetwork'; at: string; by: string; data: { name: string; description: string } }
  | { type: 'JoinNetwork'; at: string; by: string; data: { member: string; name: string; organisation: string; type: MemberType; role: MemberRole } }
  | {
      type: 'LogInteraction';
      at: string;
      by: string;
      data: { kind: InteractionKind; participants: string[]; initiator?: string; channel: Channel; note?: string };
    }
  | { type: 'RecordIntervention'; at: string; by: string; data: { kind: InterventionKind; title: string; description?: string } }
  | { type: 'LeaveNetwork'; at: string; by: string; data: { member: string } };

export interface DemoOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** When the network is founded. */
  start: Date | string;
}

const DAY_MS = 86_400_000;
const COORDINATOR = 'm01';
const ORDER: Record<DemoCommand['type'], number> = { FoundNetwork: 0, JoinNetwork: 1, RecordIntervention: 2, LogInteraction: 3, LeaveNetwork: 4 };

export function simulateDemoNetwork(options: DemoOptions): DemoCommand[] {
  const startMs = typeof options.start === 'string' ? Date.parse(options.start) : options.start.getTime();
  if (!Number.isFinite(startMs)) throw new RangeError(`start must be a date, got ${String(options.start)}`);
  const rng = mulberry32(options.seed ?? DEMO_DEFAULTS.seed);
  const sim = new Simulation(startMs, rng);
  sim.found();
  sim.foundingPhase();
  sim.deepeningPhase();
  sim.settlingPhase();
  return sim.commands();
}

/** Joins by month: the founding circles first, thirty members while deepening, six once settled. */
const JOIN_MONTH: number[] = DEMO_MEMBERS.map((_, i) => {
  const n = i + 1;
  if (n <= 16) return 0;
  if (n <= 18) return 2;
  if (n <= 20) return 3;
  if (n <= 50) return 4 + Math.floor((n - 21) / 4); // 4 a month from month 4 to 11
  return 12 + Math.floor((n - 51) / 2); // 2 a month from month 12 to 14
});
const LEAVES: Array<{ member: string; month: number }> = [
  { member: 'm06', month: 13 },
  { member: 'm19', month: 15 },
];

const NOTES: Partial<Record<InteractionKind, string[]>> = {
  acquainted: ['Esittäytyminen ja taustaorganisaatiot', 'Got to know each other over coffee', 'Tutustuttiin: kuka tekee mitäkin'],
  discussed: ['Vapaamuotoinen keskustelu alueen tilanteesta', 'Chatted about the regional waste strategy'],
  exchanged_information: ['Jaettiin tieto kiertotalouden rahoitushausta', 'Shared the EU call for circular pilots', 'Vaihdettiin yhteystietoja ja kokemuksia'],
  explored_collaboration: ['Pohdittiin yhteistä pilottia sivuvirroista', 'Explored a joint pilot on by-products'],
  outlined_goals: ['Hahmoteltiin yhteisen hankkeen tavoitteet', 'Drafted shared goals for a joint application'],
  co_developed: ['Yhteiskehittelyä: materiaalivirtojen kartoitus', 'Worked on the joint pilot plan', 'Hankehakemuksen yhteinen kirjoittaminen'],
  evaluated_learning: ['Arvioitiin, mitä opimme yhdessä', 'Reflected on what the pilot taught us'],
};

class Simulation {
  private readonly out: Array<{ command: DemoCommand; ms: number; seq: number }> = [];
  /** Deepest ladder step reached per pair (sorted keys joined by |). */
  private readonly depth = new Map<string, number>();
  /** Pairs introduced by matchmaking: they are the ones followed up. */
  private readonly introduced: Array<[string, string]> = [];
  private readonly left = new Set<string>();

  constructor(
    private readonly startMs: number,
    private readonly rng: () => number,
  ) {}

  commands(): DemoCommand[] {
    return this.out
      .sort((x, y) => x.ms - y.ms || ORDER[x.command.type] - ORDER[y.command.type] || x.seq - y.seq)
      .map((entry) => entry.command);
  }

  found(): void {
    this.push(this.startMs, { type: 'FoundNetwork', at: '', by: COORDINATOR, data: { name: DEMO_NETWORK.name, description: DEMO_NETWORK.description } });
    DEMO_MEMBERS.forEach((member, i) => {
      const month = JOIN_MONTH[i];
      // Joins fall in the first five days of their month (the coordinator on the founding day).
      const ms = i === 0 ? this.startMs + 3_600_000 : this.time(month, Math.floor(this.rng() * 5), 9);
      this.push(ms, {
        type: 'JoinNetwork',
        at: '',
        by: COORDINATOR,
        data: { member: member.key, name: member.name, organisation: member.organisation, type: member.type, role: member.role },
      });
    });
    for (const { member, month } of LEAVES) {
      this.push(this.time(month, 27, 23), { type: 'LeaveNetwork', at: '', by: member, data: { member } });
    }
  }

  /** Months 0–3: circles of old acquaintances around the coordinator. */
  foundingPhase(): void {
    // The circles already knew each other: a chain with one extra tie each, as they log their contacts.
    for (const circle of FOUNDING_CIRCLES) {
      for (let i = 0; i + 1 < circle.length; i++) this.log(this.pick([0, 1]), 'discussed', [circle[i], circle[i + 1]], { initiator: circle[i] });
      this.log(1, 'exchanged_information', [circle[0], circle[2]], { initiator: circle[0] });
    }
    // The coordinator meets every founding member one to one.
    for (const member of this.membersAt(3).filter((key) => key !== COORDINATOR)) {
      this.log(JOIN_MONTH[index(member)], 'acquainted', [COORDINATOR, member], { initiator: COORDINATOR, channel: this.pick(['meeting', 'video', 'phone']) });
    }
    this.intervene(1, 10, 'event', 'Aloitustilaisuus: tutustuminen #1', 'Kick-off: getting acquainted in homogeneous triads within each circle.');
    for (const circle of FOUNDING_CIRCLES) this.log(1, 'acquainted', [circle[1], circle[3], circle[4]], { day: 10, channel: 'event', note: 'Tutustumista homogeenisissa kolmikoissa' });
    for (let month = 2; month <= 3; month++) {
      for (const circle of FOUNDING_CIRCLES) {
        const [a, b] = this.sample(circle, 2);
        this.log(month, 'exchanged_information', [a, b], { initiator: a });
      }
      for (const member of this.sample(this.membersAt(month).filter((key) => key !== COORDINATOR), 5)) {
        this.log(month, 'discussed', [COORDINATOR, member], { initiator: COORDINATOR, channel: this.pick(['phone', 'email', 'video']) });
      }
    }
  }

  /** Months 4–11: matchmaking across the circles, workshops, pairs climbing the ladder. */
  deepeningPhase(): void {
    let workshops = 0;
    for (let month = 4; month <= 11; month++) {
      const present = this.membersAt(month).filter((key) => key !== COORDINATOR);
      // Newcomers meet the coordinator (later on, half of them are welcomed by a member instead) and one or two members.
      for (const member of present.filter((key) => JOIN_MONTH[index(key)] === month)) {
        const earlier = present.filter((key) => key !== member && JOIN_MONTH[index(key)] < month);
        const host = month <= 7 || this.rng() < 0.5 ? COORDINATOR : this.pick(earlier);
        this.log(month, 'acquainted', [host, member], { initiator: host, channel: 'meeting' });
        for (const other of this.sample(earlier, 1 + Math.floor(this.rng() * 2))) {
          this.log(month, 'acquainted', [member, other], { initiator: member, channel: this.pick(['meeting', 'video']) });
        }
      }
      if (month === 4 || month === 7 || month === 10) {
        const title = month === 4 ? 'Tutustuminen #2: sekoitetut kolmikot' : `Matchmaking-kierros ${month === 7 ? 2 : 3}`;
        this.intervene(month, 8, 'matchmaking', title, 'Heterogeneous triads: people who did not know each other yet.');
        const shuffled = this.sample(present, present.length);
        for (let i = 0; i + 2 < shuffled.length; i += 3) {
          const triad = [shuffled[i], shuffled[i + 1], shuffled[i + 2]];
          this.log(month, 'acquainted', triad, { day: 8, channel: 'event', note: 'Tutustumista heterogeenisissa kolmikoissa' });
          this.introduced.push([triad[0], triad[1]], [triad[1], triad[2]], [triad[0], triad[2]]);
        }
      }
      if (month === 5 || month === 6 || month === 8 || month === 9 || month === 11) {
        const kind: InteractionKind = month <= 6 ? 'explored_collaboration' : 'outlined_goals';
        this.intervene(month, 15, 'workshop', `Yhteiskehittelytyöpaja ${++workshops}`, 'Co-development workshop on circular economy pilots.');
        // Four tables of six; the coordinator sits at one table in the first workshops only.
        const seated = this.sample(present, 24);
        for (let table = 0; table < 4; table++) {
          const people = seated.slice(table * 6, table * 6 + 6);
          const host = table === 0 && month <= 8 ? COORDINATOR : people[0];
          this.log(month, kind, host === COORDINATOR ? [COORDINATOR, ...people] : people, { day: 15, initiator: host, channel: 'meeting', note: this.note(kind) });
        }
      }
      // Pairs climb the ladder: introduced pairs and pairs that already work together take the next step.
      const working = [...this.depth.keys()].filter((key) => !key.includes(COORDINATOR)).map((key) => key.split('|') as [string, string]);
      const candidates = [...this.introduced, ...working].filter(([a, b]) => present.includes(a) && present.includes(b));
      for (const [a, b] of this.sample(candidates, Math.min(candidates.length, 30))) {
        const step = Math.min(this.depthOf(a, b) + 1, INTERACTION_KINDS.indexOf('outlined_goals'));
        this.log(month, INTERACTION_KINDS[Math.max(1, step)], [a, b], { initiator: this.pick([a, b]), note: this.rng() < 0.3 ? this.note(INTERACTION_KINDS[Math.max(1, step)]) : undefined });
      }
      // The coordinator still keeps in touch with a few.
      for (const member of this.sample(present, 2)) this.log(month, 'discussed', [COORDINATOR, member], { initiator: COORDINATOR, channel: this.pick(['phone', 'email']) });
    }
  }

  /** Months 12–17: theme groups led by members, joint projects, evaluation, a coordinator in the background. */
  settlingPhase(): void {
    const founders = this.membersAt(12).filter((key) => key !== COORDINATOR && JOIN_MONTH[index(key)] < 12);
    const shuffled = this.sample(founders, founders.length);
    const groups: string[][] = THEME_GROUPS.map(() => []);
    shuffled.forEach((key, i) => groups[i % groups.length].push(key));
    // Eight members take part in a second group: the messengers (lähetit) between groups.
    shuffled.slice(0, 8).forEach((key, i) => groups[(i + 1) % groups.length].push(key));
    // Each group is led by a member who stays to the end.
    const leads = groups.map((group) => group.find((key) => !LEAVES.some((leave) => leave.member === key))!);
    this.intervene(12, 6, 'workshop', 'Teemaryhmien käynnistys', 'Four theme groups start, each led by a member.');
    for (let month = 12; month <= 17; month++) {
      const present = new Set(this.membersAt(month));
      // Newcomers join a group through its lead.
      DEMO_MEMBERS.forEach((member, i) => {
        if (JOIN_MONTH[i] !== month || member.key === COORDINATOR) return;
        const g = i % groups.length;
        groups[g].push(member.key);
        this.log(month, 'acquainted', [leads[g], member.key], { initiator: leads[g], channel: 'meeting' });
      });
      groups.forEach((group, g) => {
        const members = group.filter((key) => present.has(key));
        const kind: InteractionKind = month === 16 ? 'evaluated_learning' : month === 12 ? 'outlined_goals' : 'co_developed';
        const meeting = members.filter((key) => key === leads[g] || this.rng() < 0.85);
        if (g === 0 && month === 12) meeting.push(COORDINATOR);
        this.log(month, kind, meeting, { day: 6 + g * 5, initiator: leads[g], channel: this.pick(['meeting', 'video']), note: `${THEME_GROUPS[g].title}: ${this.note(kind)}` });
        // Within the group, pairs work on their share of the project.
        for (const [a, b] of this.pairsOf(members, 4)) this.log(month, 'co_developed', [a, b], { initiator: a, note: this.rng() < 0.3 ? this.note('co_developed') : undefined });
      });
      // Joint work across groups.
      const everyone = [...present].filter((key) => key !== COORDINATOR);
      for (let k = 0; k < 10; k++) {
        const [a, b] = this.sample(everyone, 2);
        this.log(month, this.pick(['outlined_goals', 'co_developed'] as InteractionKind[]), [a, b], { initiator: a });
      }
      // The steering group: the coordinator with the group leads.
      this.log(month, 'outlined_goals', [COORDINATOR, ...leads.filter((key) => present.has(key))], { day: 25, initiator: COORDINATOR, channel: 'video', note: 'Ohjausryhmä' });
      if (month === 16) {
        this.intervene(16, 20, 'workshop', 'Yhteisen oppimisen arviointi', 'Each group evaluates what it has learned; representatives compare notes.');
        const representatives = groups.flatMap((group) => this.sample(group.filter((key) => present.has(key)), 2));
        this.log(16, 'evaluated_learning', [COORDINATOR, ...new Set(representatives)], { day: 20, initiator: COORDINATOR, channel: 'meeting', note: 'Arvioitiin yhteistä oppimista' });
      }
    }
  }

  // ——— helpers ———

  /** Epoch ms of `day` (0–27) and `hour` in month `month` after the start. */
  private time(month: number, day: number, hour: number): number {
    const start = new Date(this.startMs);
    const monthStart = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + month, start.getUTCDate(), start.getUTCHours(), start.getUTCMinutes());
    return monthStart + day * DAY_MS + hour * 3_600_000 + Math.floor(this.rng() * 4) * 900_000;
  }

  /** Members at day 5 of a month: joined in that month or before, not yet left. */
  private membersAt(month: number): string[] {
    return DEMO_MEMBERS.filter((member, i) => JOIN_MONTH[i] <= month && !this.hasLeft(member.key, month)).map((member) => member.key);
  }

  private hasLeft(key: string, month: number): boolean {
    return LEAVES.some((leave) => leave.member === key && leave.month < month);
  }

  private log(
    month: number,
    kind: InteractionKind,
    participants: string[],
    options: { day?: number; initiator?: string; channel?: Channel; note?: string } = {},
  ): void {
    const people = [...new Set(participants)];
    if (people.length < 2) return;
    // Interactions fall on days 5–27, after the month's joins and before its leaves.
    const day = options.day ?? 5 + Math.floor(this.rng() * 22);
    const ms = this.time(month, Math.min(27, Math.max(5, day)), 8 + Math.floor(this.rng() * 8));
    const by = options.initiator ?? this.pick(people);
    const data: Extract<DemoCommand, { type: 'LogInteraction' }>['data'] = {
      kind,
      participants: people,
      channel: options.channel ?? this.pick(['meeting', 'video', 'email', 'phone', 'chat'] as Channel[]),
    };
    if (options.initiator !== undefined) data.initiator = options.initiator;
    if (options.note !== undefined) data.note = options.note;
    this.push(ms, { type: 'LogInteraction', at: '', by, data });
    const step = INTERACTION_KINDS.indexOf(kind);
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const key = pair(people[i], people[j]);
        this.depth.set(key, Math.max(this.depth.get(key) ?? -1, step));
      }
    }
  }

  private intervene(month: number, day: number, kind: InterventionKind, title: string, description: string): void {
    this.push(this.time(month, day, 8), { type: 'RecordIntervention', at: '', by: COORDINATOR, data: { kind, title, description } });
  }

  private push(ms: number, command: DemoCommand): void {
    command.at = new Date(ms).toISOString();
    this.out.push({ command, ms, seq: this.out.length });
  }

  private depthOf(a: string, b: string): number {
    return this.depth.get(pair(a, b)) ?? -1;
  }

  private note(kind: InteractionKind): string {
    return this.pick(NOTES[kind] ?? ['']);
  }

  /** `count` distinct pairs of `members`, drawn at random. */
  private pairsOf(members: string[], count: number): Array<[string, string]> {
    const pairs: Array<[string, string]> = [];
    for (let k = 0; k < count && members.length >= 2; k++) {
      const [a, b] = this.sample(members, 2);
      pairs.push([a, b]);
    }
    return pairs;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }

  /** `count` distinct items drawn at random (a partial Fisher–Yates shuffle of a copy). */
  private sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const k = Math.min(count, copy.length);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.rng() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  }
}

function pair(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function index(key: string): number {
  return Number(key.slice(1)) - 1;
}
