/**
 * Tips for strengthening a network — what Uotta (seed `003_…txt`) promises: "antaa analyysejä ja
 * vinkkejä verkostojen vahvistamiseen". Each tip names the members it concerns, says why in figures a
 * coordinator can check (evidence), what to do (action), in English and Finnish, and, where the tip is
 * a new tie, previews its effect on the structure (what-if).
 *
 * Kinds, in the order they are listed (most structural first):
 * - reduce_broker_dependence: a member is the only link between groups (articulation point) or lies on
 *   most shortest paths with contacts who do not know each other (seed 000: the owner of a structural
 *   hole controls the collaboration; no genuine, equal interaction);
 * - integrate_newcomer: a member who joined recently is tied only to coordinators, or not at all
 *   (seed 001: "mietittävä uusien perehdyttäminen ja toimintaan mukaantulo");
 * - spread_coordinator_load: the network is centralised on a coordinator (seed 000: centralisation
 *   should fall as collaboration spreads; seed 004: the leader enables, "ei pyri liikaa hallitsemaan");
 * - bridge_communities: a group (Louvain community) talks almost only among itself (klikkiytyminen);
 * - introduce: two members who share partners have never met (closing triads raises density and closes
 *   structural holes);
 * - climb_ladder: a pair has been in contact for months without going beyond acquaintance or informal
 *   discussion (the ladder tunteminen → luottamus → sitoutuminen, seeds 003 and 004);
 * - reengage_quiet: a member with ties has not taken part in anything for a while (seed 001's pitfalls:
 *   "vuorovaikutus on niukkaa").
 *
 * Inputs: the graph at a date (graphAt) and its measures (measureGraph). Quiet members are found from
 * the history when it is given (under a sliding window a quiet member has no ties left in the graph),
 * else from the ties' last dates. Every threshold is in TIP_RULES.
 */
import type { InteractionKind } from '@solmu/network/published';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { toInstant } from '../graph/instant';
import type { NetworkHistory } from '../graph/network-history';
import { membershipAt } from '../graph/network-history';
import type { MemberMeasures, NetworkMeasures, TieGraph } from '../graph/types';
import { areTied, compareKeys, toCsr } from '../measures/csr';
import type { Csr } from '../measures/csr';
import { formatNumber } from '../phases/evidence';
import { articulationPoints, splitAt } from './articulation';
import { createWhatIfMemo } from './what-if-memo';
import type { WhatIfMemo } from './what-if-memo';
import type { WhatIf, WhatIfBase } from './what-if';
import { KIND_WORDS, counted, formatDate, nameList, percent } from './wording';

const DAY_MS = 86_400_000;

export const TIP_KINDS = [
  'reduce_broker_dependence',
  'integrate_newcomer',
  'spread_coordinator_load',
  'bridge_communities',
  'introduce',
  'climb_ladder',
  'reengage_quiet',
] as const;
export type TipKind = (typeof TIP_KINDS)[number];

export interface TipRules {
  /** At most this many tips of each kind, best first. */
  maxPerKind: number;
  /** What-if previews for the best this-many tips of each kind that suggests ties. */
  whatIfTop: number;
  introduce: { minSharedPartners: number };
  broker: { minGroupSize: number; minBetweenness: number; minEfficiency: number };
  newcomer: { days: number };
  quiet: { days: number };
  bridge: { minCommunitySize: number; maxCrossShare: number };
  ladder: { stuckDays: number; shallowKinds: readonly InteractionKind[] };
  coordinator: { minCentralisation: number; deputies: number };
  whatIf: { exactBetweennessUpTo: number; pivots: number };
}

export const TIP_RULES: Readonly<TipRules> = Object.freeze({
  maxPerKind: 5,
  whatIfTop: 3,
  introduce: { minSharedPartners: 1 },
  broker: { minGroupSize: 2, minBetweenness: 0.4, minEfficiency: 0.8 },
  newcomer: { days: 90 },
  quiet: { days: 90 },
  bridge: { minCommunitySize: 3, maxCrossShare: 0.1 },
  ladder: { stuckDays: 120, shallowKinds: ['acquainted', 'discussed'] as InteractionKind[] },
  coordinator: { minCentralisation: 0.4, deputies: 3 },
  whatIf: { exactBetweennessUpTo: 500, pivots: 128 },
});

export interface Tip {
  /** Stable within a date: kind and the members it turns on. */
  id: string;
  kind: TipKind;
  /** The members the tip concerns (the subject first). */
  members: string[];
  evidence: { en: string; fi: string; figures: Record<string, number | string | string[]> };
  action: { en: string; fi: string };
  whatIf?: WhatIf;
}

export interface TipMeasures {
  members: Record<string, MemberMeasures>;
  network: NetworkMeasures;
}

export interface TipContext {
  /** The date the graph was drawn at. */
  at: Date | string;
  /** The network's history, to find members who have gone quiet even when the window hides their ties. */
  history?: NetworkHistory;
  rules?: TipRules;
  /**
   * The caller's CSR of this same graph, if it has one (weights are not read), so tips need not build
   * it again. One whose members or number of ties differ from the graph's is ignored.
   */
  csr?: Csr;
  /** What-if work kept from the previous tips of the same live picture (what-if-memo.ts). */
  whatIf?: WhatIfMemo;
}

export function tips(graph: TieGraph, measures: TipMeasures, context: TipContext): Tip[] {
  const rules = context.rules ?? TIP_RULES;
  const given = context.csr;
  const fits = given !== undefined && given.n === graph.order && given.m === graph.size && given.keys.every((key) => graph.hasNode(key));
  const csr = fits ? given : toCsr(graph, { weightAttribute: null });
  const scene = new Scene(graph, csr, measures, toInstant(context.at), rules, context.whatIf ?? createWhatIfMemo());
  const byKind: Record<TipKind, Tip[]> = {
    reduce_broker_dependence: scene.brokers(),
    integrate_newcomer: scene.newcomers(),
    spread_coordinator_load: scene.coordinatorLoad(),
    bridge_communities: scene.closedGroups(),
    introduce: scene.introductions(),
    climb_ladder: scene.stuckPairs(),
    reengage_quiet: scene.quietMembers(context.history),
  };
  return TIP_KINDS.flatMap((kind) => byKind[kind]);
}

/** The tips that concern one member (members see tips about themselves; coordinators see them all). */
export function tipsFor(all: readonly Tip[], memberId: string): Tip[] {
  return all.filter((tip) => tip.members.includes(memberId));
}

/** Everything the tip finders share: the graph, its CSR, names and roles, the what-if base. */
class Scene {
  private base: WhatIfBase | null = null;

  constructor(
    private readonly graph: TieGraph,
    private readonly csr: Csr,
    private readonly measures: TipMeasures,
    private readonly atMs: number,
    private readonly rules: TipRules,
    private readonly whatIf: WhatIfMemo,
  ) {}

  // ——— (b) brokers ———

  brokers(): Tip[] {
    const { csr, rules } = this;
    /** `onlyLink`: an articulation point; otherwise a high-betweenness member with unconnected contacts. */
    const found: Array<{ v: number; onlyLink: boolean }> = [];
    const cut = new Set<number>();
    for (const { vertex, partSizes } of articulationPoints(csr)) {
      if (partSizes.filter((size) => size >= rules.broker.minGroupSize).length < 2) continue;
      cut.add(vertex);
      found.push({ v: vertex, onlyLink: true });
    }
    for (let v = 0; v < csr.n; v++) {
      if (cut.has(v)) continue;
      const m = this.memberMeasures(v);
      if (m.betweennessNormalized >= rules.broker.minBetweenness && (m.efficiency ?? 0) >= rules.broker.minEfficiency) found.push({ v, onlyLink: false });
    }
    found.sort((x, y) => this.memberMeasures(y.v).betweennessNormalized - this.memberMeasures(x.v).betweennessNormalized || x.v - y.v);
    return found.slice(0, rules.maxPerKind).map(({ v, onlyLink }, rank) => {
      // Only for the brokers reported: who is in the groups, and the best pair to join them directly.
      const parts = onlyLink ? splitAt(csr, v).filter((part) => part.length >= rules.broker.minGroupSize) : null;
      const pair: [number, number] | null = parts !== null ? [this.mostConnected(parts[0]), this.mostConnected(parts[1])] : this.bestOpenPairAround(v);
      const id = csr.keys[v];
      const m = this.memberMeasures(id);
      const name = this.name(id);
      const share = percent(m.betweennessNormalized);
      const through = {
        en: `On average ${share} of the shortest paths between two other members pass through ${name} (normalised betweenness ${formatNumber(m.betweennessNormalized, 'en')}).`,
        fi: `Keskimäärin ${share} muiden jäsenten välisistä lyhimmistä poluista kulkee jäsenen ${name} kautta (normalisoitu välittäjyys ${formatNumber(m.betweennessNormalized, 'fi')}).`,
      };
      const figures: Tip['evidence']['figures'] = {
        betweennessNormalized: m.betweennessNormalized,
        efficiency: m.efficiency ?? 0,
        degree: m.degree,
      };
      let en: string;
      let fi: string;
      if (parts !== null) {
        const sizes = parts.map((part) => part.length);
        const groupNames = parts.slice(0, 2).map((part) => part.map((i) => this.name(csr.keys[i])));
        figures.groupSizes = sizes.map(String);
        en = `${name} is the only link between one group (${nameList(groupNames[0], 'en')}) and another (${nameList(groupNames[1], 'en')}): without ${name} the network would fall apart into groups of ${nameList(sizes.map(String), 'en', 6)} members. ${through.en}`;
        fi = `${name} on ainoa yhteys ryhmien (${nameList(groupNames[0], 'fi')}) ja (${nameList(groupNames[1], 'fi')}) välillä: ilman häntä verkosto hajoaisi ${nameList(sizes.map(String), 'fi', 6)} jäsenen ryhmiin. ${through.fi}`;
      } else {
        en = `${through.en} Few of ${name}'s ${m.degree} contacts know each other (efficiency ${formatNumber(m.efficiency ?? 0, 'en')}), so collaboration depends on one broker.`;
        fi = `${through.fi} Harva jäsenen ${name} ${m.degree} kontaktista tuntee toisensa (tehokkuus ${formatNumber(m.efficiency ?? 0, 'fi')}), joten yhteistyö on yhden välittäjän varassa.`;
      }
      const members = [id];
      let action = {
        en: `Share what ${name} carries between people: let others host meetings and pass information on, so the network does not hinge on one person.`,
        fi: `Jakakaa välittäjän tehtäviä useammalle: muutkin voivat vetää tapaamisia ja välittää tietoa, jottei verkosto ole yhden ihmisen varassa.`,
      };
      let whatIf: WhatIf | undefined;
      if (pair !== null) {
        const [a, b] = [csr.keys[pair[0]], csr.keys[pair[1]]];
        members.push(a, b);
        action = {
          en: `Introduce ${this.name(a)} and ${this.name(b)}, so that there is a second connection that does not run through ${name}.`,
          fi: `Esittele ${this.name(a)} ja ${this.name(b)} toisilleen, jotta syntyy toinen yhteys, joka ei kulje jäsenen ${name} kautta.`,
        };
        if (rank < rules.whatIfTop) whatIf = this.preview([[a, b]], members);
      }
      return this.tip('reduce_broker_dependence', members, { en, fi, figures }, action, whatIf);
    });
  }

  // ——— (c) newcomers ———

  newcomers(): Tip[] {
    const { csr, rules, graph } = this;
    const found: Array<{ id: string; joinedMs: number; coordinators: string[] }> = [];
    for (let v = 0; v < csr.n; v++) {
      const id = csr.keys[v];
      const node = graph.getNodeAttributes(id);
      if (node.role === 'coordinator') continue;
      const joinedMs = Date.parse(node.joinedAt);
      if (!(this.atMs - joinedMs <= rules.newcomer.days * DAY_MS)) continue;
      const contacts = this.neighbourKeys(v);
      if (contacts.some((key) => graph.getNodeAttribute(key, 'role') !== 'coordinator')) continue;
      found.push({ id, joinedMs, coordinators: contacts });
    }
    found.sort((x, y) => x.joinedMs - y.joinedMs || compareKeys(x.id, y.id));
    const hosts = this.ranked((v) => graph.getNodeAttribute(this.csr.keys[v], 'role') !== 'coordinator' && this.csr.degree[v] > 0);
    const welcomes = new Map<string, number>();
    return found.slice(0, rules.maxPerKind).map(({ id, joinedMs, coordinators }, rank) => {
      const name = this.name(id);
      const days = Math.floor((this.atMs - joinedMs) / DAY_MS);
      // Spread the welcoming: hosts already suggested for an earlier newcomer come after the others.
      const suggested = hosts
        .filter((key) => key !== id)
        .map((key, order) => ({ key, order, used: welcomes.get(key) ?? 0 }))
        .sort((x, y) => x.used - y.used || x.order - y.order)
        .slice(0, 2)
        .map(({ key }) => key);
      for (const key of suggested) welcomes.set(key, (welcomes.get(key) ?? 0) + 1);
      const coordinatorNames = coordinators.map((key) => this.name(key));
      const joined = { en: `${name} joined on ${formatDate(joinedMs, 'en')} (${days} days ago)`, fi: `${name} liittyi verkostoon ${formatDate(joinedMs, 'fi')} (${days} päivää sitten)` };
      const evidence =
        coordinators.length === 0
          ? { en: `${joined.en} and has no ties yet.`, fi: `${joined.fi}, eikä hänellä ole vielä yhtään suhdetta.` }
          : {
              en: `${joined.en} and is tied only to the coordinator${coordinators.length > 1 ? 's' : ''} ${nameList(coordinatorNames, 'en')}.`,
              fi: `${joined.fi}, ja hänen ainoat suhteensa ovat koordinaattoreihin: ${nameList(coordinatorNames, 'fi')}.`,
            };
      const members = [id, ...suggested];
      const action =
        suggested.length === 0
          ? { en: `Invite ${name} to the next meeting and introduce them to the others.`, fi: `Kutsu ${name} seuraavaan tapaamiseen ja esittele hänet muille.` }
          : {
              en: `Introduce ${name} to ${nameList(suggested.map((key) => this.name(key)), 'en')}, who are well connected, for example at the next meeting.`,
              fi: `Esittele ${name} jäsenille ${nameList(suggested.map((key) => this.name(key)), 'fi')}, joilla on paljon yhteyksiä, esimerkiksi seuraavassa tapaamisessa.`,
            };
      const whatIf = suggested.length > 0 && rank < this.rules.whatIfTop ? this.preview(suggested.map((key) => [id, key] as [string, string]), members) : undefined;
      return this.tip('integrate_newcomer', members, { ...evidence, figures: { joinedAt: new Date(joinedMs).toISOString(), daysSinceJoining: days, coordinatorTies: coordinators } }, action, whatIf);
    });
  }

  // ——— (g) the coordinator's load ———

  coordinatorLoad(): Tip[] {
    const { csr, rules, graph, measures } = this;
    if (csr.n < 3 || measures.network.degreeCentralization < rules.coordinator.minCentralisation) return [];
    let top = 0;
    for (let v = 1; v < csr.n; v++) if (csr.degree[v] > csr.degree[top]) top = v;
    const coordinator = csr.keys[top];
    if (graph.getNodeAttribute(coordinator, 'role') !== 'coordinator') return [];
    const others = csr.n - 1;
    let sum = 0;
    for (let v = 0; v < csr.n; v++) if (v !== top) sum += csr.degree[v];
    const mean = sum / others;
    const pendants = this.neighbourKeys(top).filter((key) => csr.degree[csr.indexOf.get(key)!] === 1);
    const deputies = [...Array(csr.n).keys()]
      .filter((v) => v !== top && graph.getNodeAttribute(csr.keys[v], 'role') !== 'coordinator' && csr.degree[v] > 0)
      .sort((x, y) => this.memberMeasures(y).betweenness - this.memberMeasures(x).betweenness || csr.degree[y] - csr.degree[x] || x - y)
      .slice(0, rules.coordinator.deputies)
      .map((v) => csr.keys[v]);
    const name = this.name(coordinator);
    const centralisation = measures.network.degreeCentralization;
    const deputyNames = deputies.map((key) => this.name(key));
    const en =
      `${name} has ${counted(csr.degree[top], 'tie', 'ties')} while other members have ${formatNumber(mean, 'en')} on average; degree centralisation is ${formatNumber(centralisation, 'en')} ` +
      `(from ${formatNumber(rules.coordinator.minCentralisation, 'en')} up the load should be shared).` +
      (pendants.length > 0 ? ` ${counted(pendants.length, 'member is', 'members are')} tied to the network only through ${name}.` : '');
    const fi =
      `Koordinaattorilla ${name} on ${counted(csr.degree[top], 'suhde', 'suhdetta')}, kun muilla jäsenillä on keskimäärin ${formatNumber(mean, 'fi')}; keskittyneisyys on ${formatNumber(centralisation, 'fi')} ` +
      `(kuormaa kannattaa jakaa, kun se on vähintään ${formatNumber(rules.coordinator.minCentralisation, 'fi')}).` +
      (pendants.length > 0 ? ` ${counted(pendants.length, 'jäsen on', 'jäsentä on')} kytköksissä verkostoon vain koordinaattorin kautta.` : '');
    const linked = deputies.length > 0 ? pendants.filter((key) => !this.tied(key, deputies[0])).slice(0, 3) : [];
    const members = [coordinator, ...deputies, ...linked];
    const action =
      deputies.length === 0
        ? { en: `Encourage members to meet without ${name}.`, fi: 'Kannusta jäseniä tapaamaan toisiaan myös ilman koordinaattoria.' }
        : {
            en:
              `Share hosting and carrying information with ${nameList(deputyNames, 'en')}: they could host a meeting, introduce newcomers or act as messengers between groups.` +
              (linked.length > 0 ? ` ${deputyNames[0]} could start by meeting ${nameList(linked.map((key) => this.name(key)), 'en')}.` : ''),
            fi:
              `Jaa tapaamisten vetämistä ja tiedon välittämistä jäsenille ${nameList(deputyNames, 'fi')}: he voivat vetää tapaamisen, esitellä uusia jäseniä tai toimia lähetteinä ryhmien välillä.` +
              (linked.length > 0 ? ` ${deputyNames[0]} voisi aloittaa tapaamalla nämä jäsenet: ${nameList(linked.map((key) => this.name(key)), 'fi')}.` : ''),
          };
    const whatIf = linked.length > 0 && rules.whatIfTop > 0 ? this.preview(linked.map((key) => [deputies[0], key] as [string, string]), members) : undefined;
    const figures = { degree: csr.degree[top], meanDegreeOfOthers: mean, degreeCentralization: centralisation, onlyThroughCoordinator: pendants };
    return [this.tip('spread_coordinator_load', members, { en, fi, figures }, action, whatIf)];
  }

  // ——— (e) closed groups ———

  closedGroups(): Tip[] {
    const { csr, rules } = this;
    const byCommunity = new Map<number, number[]>();
    for (let v = 0; v < csr.n; v++) {
      const c = this.memberMeasures(v).community;
      let list = byCommunity.get(c);
      if (list === undefined) byCommunity.set(c, (list = []));
      list.push(v);
    }
    const groups = [...byCommunity.values()].filter((list) => list.length >= rules.bridge.minCommunitySize);
    if (groups.length < 2) return [];
    const found: Array<{ group: number[]; internal: number; cross: number; share: number; pair: [number, number] | null }> = [];
    for (const group of groups) {
      const community = this.memberMeasures(group[0]).community;
      let internal = 0;
      let cross = 0;
      for (const v of group) {
        for (let j = csr.offsets[v]; j < csr.offsets[v + 1]; j++) {
          if (this.memberMeasures(csr.neighbours[j]).community === community) internal++;
          else cross++;
        }
      }
      internal /= 2;
      const share = internal + cross === 0 ? 0 : cross / (internal + cross);
      if (internal === 0 || share > rules.bridge.maxCrossShare) continue;
      const largestOther = groups.filter((other) => other !== group).sort((x, y) => y.length - x.length || x[0] - y[0])[0];
      found.push({ group, internal, cross, share, pair: this.bestPairBetween(group, largestOther) });
    }
    found.sort((x, y) => x.share - y.share || y.group.length - x.group.length || x.group[0] - y.group[0]);
    return found.slice(0, rules.maxPerKind).map(({ group, internal, cross, share, pair }, rank) => {
      const names = group.map((v) => this.name(csr.keys[v]));
      const en = `A group of ${group.length} members (${nameList(names, 'en')}) has ${counted(internal, 'tie', 'ties')} among themselves but only ${cross} with the rest of the network (${percent(share)} of their ties).`;
      const fi = `${group.length} jäsenen ryhmällä (${nameList(names, 'fi')}) on keskenään ${counted(internal, 'suhde', 'suhdetta')} mutta muuhun verkostoon vain ${cross} (${percent(share)} suhteista).`;
      const members = group.map((v) => csr.keys[v]);
      let action = { en: 'Hold a joint meeting with another group.', fi: 'Järjestäkää yhteinen tapaaminen toisen ryhmän kanssa.' };
      let whatIf: WhatIf | undefined;
      if (pair !== null) {
        const [a, b] = [csr.keys[pair[0]], csr.keys[pair[1]]];
        members.splice(members.indexOf(a), 1);
        members.unshift(a, b);
        action = {
          en: `Introduce ${this.name(a)} from this group to ${this.name(b)} from another group; a joint meeting of the two groups would open more connections.`,
          fi: `Esittele ryhmän jäsen ${this.name(a)} ja toisen ryhmän jäsen ${this.name(b)} toisilleen; ryhmien yhteinen tapaaminen avaisi lisää yhteyksiä.`,
        };
        if (rank < rules.whatIfTop) whatIf = this.preview([[a, b]], [a, b]);
      }
      return this.tip('bridge_communities', members, { en, fi, figures: { groupSize: group.length, internalTies: internal, crossTies: cross, crossShare: share } }, action, whatIf);
    });
  }

  // ——— (a) introductions ———

  introductions(): Tip[] {
    const { csr, rules } = this;
    const { n, offsets, neighbours, degree } = csr;
    // Peers only: a coordinator already meets everyone, and a tie to them would centralise the network.
    const peer = Uint8Array.from(csr.keys, (key) => (this.graph.getNodeAttribute(key, 'role') === 'coordinator' ? 0 : 1));
    // Common partners of every non-adjacent pair of peers, counted per member u with a reusable
    // array (touched entries reset after each u): the same work as enumerating open triads, without
    // a map entry per pair. Only pairs with enough shared partners are kept.
    const count = new Int32Array(n);
    const touched: number[] = [];
    const adjacent = new Uint8Array(n);
    const candidates: Array<[number, number]> = [];
    // Most shared partners first, then the less connected pair (the bigger gain), then a stable order.
    const better = ([kx, cx]: [number, number], [ky, cy]: [number, number]): number => {
      const [ux, vx] = [Math.floor(kx / n), kx % n];
      const [uy, vy] = [Math.floor(ky / n), ky % n];
      return cy - cx || degree[ux] + degree[vx] - (degree[uy] + degree[vy]) || kx - ky;
    };
    // Only the best few are shown: keep those, instead of sorting every open pair.
    const keepBest = (candidate: [number, number]): void => {
      if (candidates.length === rules.maxPerKind && better(candidate, candidates[candidates.length - 1]) >= 0) return;
      let at = candidates.length;
      while (at > 0 && better(candidate, candidates[at - 1]) < 0) at--;
      candidates.splice(at, 0, candidate);
      if (candidates.length > rules.maxPerKind) candidates.pop();
    };
    // The count a pair must beat once the list is full (count is the comparator's first key).
    const worst = (): number => (candidates.length > 0 && candidates.length === rules.maxPerKind ? candidates[candidates.length - 1][1] : -Infinity);
    // Best connected first: a pair shares at most min(d_u, d_v) partners, so once u has fewer ties
    // than the worst kept pair shares, no pair counted from u or anyone after can enter the list.
    // Each pair is still counted once, from its smaller index; the order only lets the search stop early.
    const order = [...Array(n).keys()].filter((u) => peer[u] === 1).sort((x, y) => degree[y] - degree[x] || x - y);
    for (const u of order) {
      if (degree[u] < worst()) break;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) adjacent[neighbours[i]] = 1;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) {
        const w = neighbours[i];
        // w's sorted list is read from the first v > u.
        for (let j = firstAbove(neighbours, offsets[w], offsets[w + 1], u); j < offsets[w + 1]; j++) {
          const v = neighbours[j];
          if (peer[v] === 0 || adjacent[v] === 1) continue;
          if (count[v] === 0) touched.push(v);
          count[v]++;
        }
      }
      for (const v of touched) {
        // Fewer shared partners than the worst kept pair can never rank above it: skip the comparisons.
        if (count[v] >= rules.introduce.minSharedPartners && count[v] >= worst()) keepBest([u * n + v, count[v]]);
        count[v] = 0;
      }
      touched.length = 0;
      for (let i = offsets[u]; i < offsets[u + 1]; i++) adjacent[neighbours[i]] = 0;
    }
    return candidates.map(([key, count], rank) => {
      const [u, v] = [Math.floor(key / n), key % n];
      const [a, b] = [csr.keys[u], csr.keys[v]];
      const partners = this.neighbourKeys(u).filter((x) => this.tied(x, b));
      const partnerNames = partners.map((x) => this.name(x));
      const en = `${this.name(a)} and ${this.name(b)} both work with ${nameList(partnerNames, 'en')} but have never logged an interaction together. Introducing them would close ${counted(count, 'structural hole', 'structural holes')}.`;
      const fi = `${this.name(a)} ja ${this.name(b)} eivät ole vielä kohdanneet, vaikka heillä on ${counted(count, 'yhteinen kumppani', 'yhteistä kumppania')} (${nameList(partnerNames, 'fi')}). Esittely sulkisi ${counted(count, 'rakenteellisen aukon', 'rakenteellista aukkoa')}.`;
      // A peer who knows both makes the most natural introduction; the coordinator when there is none.
      const via = this.name(partners.find((x) => this.graph.getNodeAttribute(x, 'role') !== 'coordinator') ?? partners[0]);
      const action = {
        en: `Introduce ${this.name(a)} and ${this.name(b)} to each other, for example through ${via}.`,
        fi: `Esittele ${this.name(a)} ja ${this.name(b)} toisilleen, esimerkiksi yhteisen kumppanin ${via} kautta.`,
      };
      const whatIf = rank < rules.whatIfTop ? this.preview([[a, b]], [a, b]) : undefined;
      return this.tip('introduce', [a, b], { en, fi, figures: { sharedPartners: count, partners } }, action, whatIf);
    });
  }

  // ——— (f) pairs stuck low on the ladder ———

  stuckPairs(): Tip[] {
    const { rules, graph } = this;
    const shallow = new Set<string>(rules.ladder.shallowKinds);
    const found: Array<{ a: string; b: string; firstMs: number; interactions: number; deepest: InteractionKind }> = [];
    graph.forEachEdge((_key, tie, a, b) => {
      if (!shallow.has(tie.deepestKind)) return;
      const firstMs = Date.parse(tie.first);
      if (this.atMs - firstMs < rules.ladder.stuckDays * DAY_MS) return;
      const [x, y] = compareKeys(a, b) <= 0 ? [a, b] : [b, a];
      found.push({ a: x, b: y, firstMs, interactions: tie.interactions, deepest: tie.deepestKind });
    });
    found.sort((x, y) => y.interactions - x.interactions || x.firstMs - y.firstMs || compareKeys(x.a, y.a) || compareKeys(x.b, y.b));
    return found.slice(0, rules.maxPerKind).map(({ a, b, firstMs, interactions, deepest }) => {
      const next = INTERACTION_KINDS[Math.max(INTERACTION_KINDS.indexOf(deepest) + 1, INTERACTION_KINDS.indexOf('exchanged_information'))];
      const times = { en: interactions === 1 ? 'once' : `${interactions} times`, fi: interactions === 1 ? 'kerran' : `${interactions} kertaa` };
      const en = `${this.name(a)} and ${this.name(b)} have been in contact ${times.en} since ${formatDate(firstMs, 'en')}, but never beyond ${KIND_WORDS[deepest].en}.`;
      const fi = `${this.name(a)} ja ${this.name(b)} ovat olleet yhteydessä ${times.fi} ${formatDate(firstMs, 'fi')} lähtien, mutta syvin yhteinen tapahtuma on yhä ”${KIND_WORDS[deepest].fi}”.`;
      const action = {
        en: `Suggest a next step on the ladder: ${KIND_WORDS[next].en}, and later outlining shared goals.`,
        fi: `Ehdota seuraavaa askelta: ”${KIND_WORDS[next].fi}”, ja myöhemmin ”${KIND_WORDS.outlined_goals.fi}”.`,
      };
      const days = Math.floor((this.atMs - firstMs) / DAY_MS);
      return this.tip('climb_ladder', [a, b], { en, fi, figures: { deepestKind: deepest, interactions, firstAt: new Date(firstMs).toISOString(), days } }, action);
    });
  }

  // ——— (d) quiet members ———

  quietMembers(history: NetworkHistory | undefined): Tip[] {
    const quiet = history !== undefined ? this.quietInHistory(history) : this.quietInTies();
    return quiet.map(({ id, lastMs, partnerCount, best, together }) => {
      const name = this.name(id);
      const days = Math.floor((this.atMs - lastMs) / DAY_MS);
      const en = `${name} has not taken part in any logged interaction for ${days} days (last on ${formatDate(lastMs, 'en')}), though ${name} has worked with ${counted(partnerCount, 'member', 'members')}.`;
      const fi = `${name} ei ole ollut mukana yhdessäkään kirjatussa tapahtumassa ${days} päivään (viimeksi ${formatDate(lastMs, 'fi')}), vaikka hänellä on ollut suhde ${partnerCount} jäseneen.`;
      const action = {
        en: `${this.name(best)}, who has worked with ${name} most (${counted(together, 'interaction', 'interactions')}), could get in touch and ask how things are going.`,
        fi: `${this.name(best)}, jolla on eniten yhteisiä tapahtumia jäsenen ${name} kanssa (${together}), voisi ottaa yhteyttä ja kysyä kuulumisia.`,
      };
      return this.tip('reengage_quiet', [id, best], { en, fi, figures: { lastInteractionAt: new Date(lastMs).toISOString(), daysQuiet: days, partners: partnerCount } }, action);
    });
  }

  /**
   * From the history: per pair, the interactions up to the date by binary search on its sorted dates;
   * per member (by ordinal), the last of them and the number of partners. Who worked with a member
   * most is looked up only for the members who may make the list.
   */
  private quietInHistory(history: NetworkHistory): QuietMember[] {
    const pairs = [...history.pairs.values()];
    const upTo = new Int32Array(pairs.length);
    const last = new Float64Array(history.ordinals.size).fill(-Infinity);
    const partnerCount = new Int32Array(history.ordinals.size);
    pairs.forEach((pair, p) => {
      const count = (upTo[p] = firstAbove(pair.times, 0, pair.times.length, this.atMs));
      if (count === 0) return;
      const ms = pair.times[count - 1];
      if (ms > last[pair.aOrdinal]) last[pair.aOrdinal] = ms;
      if (ms > last[pair.bOrdinal]) last[pair.bOrdinal] = ms;
      partnerCount[pair.aOrdinal]++;
      partnerCount[pair.bOrdinal]++;
    });
    const candidates: QuietCandidate[] = [];
    for (const id of this.csr.keys) {
      const ordinal = history.ordinals.get(id);
      if (ordinal !== undefined && partnerCount[ordinal] > 0) candidates.push({ id, lastMs: last[ordinal], partnerCount: partnerCount[ordinal], ordinal });
    }
    return this.pickQuiet(candidates, history, (batch) => {
      const slot = new Int32Array(history.ordinals.size).fill(-1);
      batch.forEach(({ ordinal }, i) => (slot[ordinal] = i));
      const lists = batch.map((): Array<[string, number]> => []);
      pairs.forEach((pair, p) => {
        if (upTo[p] === 0) return;
        if (slot[pair.aOrdinal] >= 0) lists[slot[pair.aOrdinal]].push([pair.b, upTo[p]]);
        if (slot[pair.bOrdinal] >= 0) lists[slot[pair.bOrdinal]].push([pair.a, upTo[p]]);
      });
      return lists;
    });
  }

  /** From the ties' last dates and interaction counts, when there is no history. */
  private quietInTies(): QuietMember[] {
    const { csr, graph } = this;
    const last = new Float64Array(csr.n).fill(-Infinity);
    const partnerCount = new Int32Array(csr.n);
    graph.forEachEdge((_key, tie, a, b) => {
      const ms = Date.parse(tie.last);
      // A tie graph has no self-loops, so each tie is one more partner for each end.
      for (const v of [csr.indexOf.get(a)!, csr.indexOf.get(b)!]) {
        if (ms > last[v]) last[v] = ms;
        partnerCount[v]++;
      }
    });
    const candidates: QuietCandidate[] = [];
    for (let v = 0; v < csr.n; v++) {
      if (last[v] > -Infinity) candidates.push({ id: csr.keys[v], lastMs: last[v], partnerCount: partnerCount[v], ordinal: v });
    }
    return this.pickQuiet(candidates, undefined, (batch) =>
      batch.map(({ id }) => {
        const list: Array<[string, number]> = [];
        graph.forEachEdge(id, (_key, tie, a, b) => list.push([a === id ? b : a, tie.interactions]));
        return list;
      }),
    );
  }

  /**
   * The quiet members among `candidates` (members with a last interaction), most partners first, then
   * longest quiet; each with the partner still in the network they worked with most. `partnersOf` is
   * asked for the next few only: a member whose partners have all left gives way to the next one.
   */
  private pickQuiet(candidates: QuietCandidate[], history: NetworkHistory | undefined, partnersOf: (batch: QuietCandidate[]) => Array<Array<[string, number]>>): QuietMember[] {
    const quietMs = this.rules.quiet.days * DAY_MS;
    const ranked = candidates
      .filter(({ lastMs }) => !(this.atMs - lastMs < quietMs))
      .sort((x, y) => y.partnerCount - x.partnerCount || x.lastMs - y.lastMs || compareKeys(x.id, y.id));
    const out: QuietMember[] = [];
    for (let next = 0; out.length < this.rules.maxPerKind && next < ranked.length; ) {
      const batch = ranked.slice(next, next + this.rules.maxPerKind - out.length);
      next += batch.length;
      partnersOf(batch).forEach((partners, i) => {
        const mine = partners.filter(([other]) => this.isMemberNow(other, history));
        if (mine.length === 0) return;
        mine.sort(([x, cx], [y, cy]) => cy - cx || compareKeys(x, y));
        const { id, lastMs, partnerCount } = batch[i];
        out.push({ id, lastMs, partnerCount, best: mine[0][0], together: mine[0][1] });
      });
    }
    return out;
  }

  // ——— helpers ———

  private tip(kind: TipKind, members: string[], evidence: Tip['evidence'], action: Tip['action'], whatIf?: WhatIf): Tip {
    return { id: `${kind}:${members.slice(0, kind === 'introduce' || kind === 'climb_ladder' || kind === 'reengage_quiet' ? 2 : 1).join('+')}`, kind, members, evidence, action, ...(whatIf && { whatIf }) };
  }

  private preview(ties: Array<[string, string]>, concerned: string[]): WhatIf {
    this.base ??= this.whatIf.base(this.csr, this.rules.whatIf, this.measures.network.structuralHoles);
    return this.whatIf.preview(this.base, ties, concerned);
  }

  private name(id: string): string {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'name') : id;
  }

  private memberMeasures(v: number | string): MemberMeasures {
    const id = typeof v === 'number' ? this.csr.keys[v] : v;
    const m = this.measures.members[id];
    if (m === undefined) throw new RangeError(`tips: no member measures for ${id}; pass the measures of this same graph`);
    return m;
  }

  private neighbourKeys(v: number): string[] {
    const out: string[] = [];
    for (let j = this.csr.offsets[v]; j < this.csr.offsets[v + 1]; j++) out.push(this.csr.keys[this.csr.neighbours[j]]);
    return out;
  }

  private tied(a: string, b: string): boolean {
    const ia = this.csr.indexOf.get(a);
    const ib = this.csr.indexOf.get(b);
    if (ia === undefined || ib === undefined) return false;
    return areTied(this.csr, ia, ib);
  }

  /** Keys of the members that pass `keep`, by degree (then eigenvector, then CSR order), best first. */
  private ranked(keep: (v: number) => boolean): string[] {
    const { csr } = this;
    return [...Array(csr.n).keys()]
      .filter(keep)
      .sort((x, y) => csr.degree[y] - csr.degree[x] || this.memberMeasures(y).eigenvector - this.memberMeasures(x).eigenvector || x - y)
      .map((v) => csr.keys[v]);
  }

  /** The members of `group` who are not coordinators (all of it when it has only coordinators). */
  private peersOf(group: readonly number[]): readonly number[] {
    const peers = group.filter((v) => !this.isCoordinator(v));
    return peers.length > 0 ? peers : group;
  }

  private isCoordinator(v: number): boolean {
    return this.graph.getNodeAttribute(this.csr.keys[v], 'role') === 'coordinator';
  }

  /** The peer of `group` with most ties (then smallest index): suggested links should not run through a coordinator. */
  private mostConnected(group: readonly number[]): number {
    const peers = this.peersOf(group);
    let best = peers[0];
    for (const v of peers) if (this.csr.degree[v] > this.csr.degree[best] || (this.csr.degree[v] === this.csr.degree[best] && v < best)) best = v;
    return best;
  }

  /** Two contacts of v, not coordinators and not tied to each other, with the most ties between them. */
  private bestOpenPairAround(v: number): [number, number] | null {
    const { csr } = this;
    let best: [number, number] | null = null;
    let score = -1;
    for (let i = csr.offsets[v]; i < csr.offsets[v + 1]; i++) {
      for (let j = i + 1; j < csr.offsets[v + 1]; j++) {
        const [x, y] = [csr.neighbours[i], csr.neighbours[j]];
        if (areTied(csr, x, y) || this.isCoordinator(x) || this.isCoordinator(y)) continue;
        const s = csr.degree[x] + csr.degree[y];
        if (s > score) {
          score = s;
          best = [x, y];
        }
      }
    }
    return best;
  }

  /** The untied pair (one from each group) with the most ties between them. */
  private bestPairBetween(group: readonly number[], other: readonly number[]): [number, number] | null {
    const { csr } = this;
    const byDegree = (list: readonly number[]) => [...this.peersOf(list)].sort((x, y) => csr.degree[y] - csr.degree[x] || x - y);
    for (const a of byDegree(group)) {
      for (const b of byDegree(other)) {
        if (!areTied(csr, a, b)) return [a, b];
      }
    }
    return null;
  }

  /** Whether a past partner is still a member at the date (in the graph, or by the history's spans). */
  private isMemberNow(id: string, history: NetworkHistory | undefined): boolean {
    if (this.graph.hasNode(id)) return true;
    const member = history?.members.get(id);
    return member !== undefined && membershipAt(member, this.atMs) !== undefined;
  }
}

interface QuietCandidate {
  id: string;
  lastMs: number;
  partnerCount: number;
  /** The member's index in the per-member arrays it was found from. */
  ordinal: number;
}

interface QuietMember {
  id: string;
  lastMs: number;
  partnerCount: number;
  /** The partner still in the network they worked with most, and how many interactions they share. */
  best: string;
  together: number;
}

/** The first index in the ascending `list[from .. to)` whose value is > x (to when none is). */
function firstAbove(list: ArrayLike<number>, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
