/**
 * introduce: two members who share partners have never met. Closing the triad raises density and closes
 * structural holes; a shared peer makes the most natural introduction.
 */
import { firstAbove } from '../../measures/engine/csr';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import { counted, nameList } from '../wording';

export function introductions(scene: Scene): Tip[] {
  const { csr, rules } = scene;
  const { n, offsets, neighbours, degree } = csr;
  // Peers only: a coordinator already meets everyone, and a tie to them would centralise the network.
  const peer = Uint8Array.from(csr.keys, (key) => (scene.graph.getNodeAttribute(key, 'role') === 'coordinator' ? 0 : 1));
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
    const partners = scene.neighbourKeys(u).filter((x) => scene.tied(x, b));
    const partnerNames = partners.map((x) => scene.name(x));
    const en = `${scene.name(a)} and ${scene.name(b)} both work with ${nameList(partnerNames, 'en')} but have never logged an interaction together. Introducing them would close ${counted(count, 'structural hole', 'structural holes')}.`;
    const fi = `${scene.name(a)} ja ${scene.name(b)} eivät ole vielä kohdanneet, vaikka heillä on ${counted(count, 'yhteinen kumppani', 'yhteistä kumppania')} (${nameList(partnerNames, 'fi')}). Esittely sulkisi ${counted(count, 'rakenteellisen aukon', 'rakenteellista aukkoa')}.`;
    // A peer who knows both makes the most natural introduction; the coordinator when there is none.
    const via = scene.name(partners.find((x) => scene.graph.getNodeAttribute(x, 'role') !== 'coordinator') ?? partners[0]);
    const action = {
      en: `Introduce ${scene.name(a)} and ${scene.name(b)} to each other, for example through ${via}.`,
      fi: `Esittele ${scene.name(a)} ja ${scene.name(b)} toisilleen, esimerkiksi yhteisen kumppanin ${via} kautta.`,
    };
    const whatIf = rank < rules.whatIfTop ? scene.preview([[a, b]], [a, b]) : undefined;
    return scene.tip('introduce', [a, b], { en, fi, figures: { sharedPartners: count, partners } }, action, whatIf);
  });
}
