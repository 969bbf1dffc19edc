/**
 * integrate_newcomer: a member who joined recently is tied only to coordinators, or to no one (seed 001:
 * "mietittävä uusien perehdyttäminen ja toimintaan mukaantulo"). The tip names well-connected peers to
 * welcome them, spreading the welcoming over several hosts.
 */
import { compareKeys } from '../../measures/engine/csr';
import { DAY_MS } from '../scene';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import { formatDate, nameList } from '../wording';

export function newcomers(scene: Scene): Tip[] {
  const { csr, rules, graph } = scene;
  const found: Array<{ id: string; joinedMs: number; coordinators: string[] }> = [];
  for (let v = 0; v < csr.n; v++) {
    const id = csr.keys[v];
    const node = graph.getNodeAttributes(id);
    if (node.role === 'coordinator') continue;
    const joinedMs = Date.parse(node.joinedAt);
    if (!(scene.atMs - joinedMs <= rules.newcomer.days * DAY_MS)) continue;
    const contacts = scene.neighbourKeys(v);
    if (contacts.some((key) => graph.getNodeAttribute(key, 'role') !== 'coordinator')) continue;
    found.push({ id, joinedMs, coordinators: contacts });
  }
  found.sort((x, y) => x.joinedMs - y.joinedMs || compareKeys(x.id, y.id));
  const hosts = ranked(scene, (v) => graph.getNodeAttribute(scene.csr.keys[v], 'role') !== 'coordinator' && scene.csr.degree[v] > 0);
  const welcomes = new Map<string, number>();
  return found.slice(0, rules.maxPerKind).map(({ id, joinedMs, coordinators }, rank) => {
    const name = scene.name(id);
    const days = Math.floor((scene.atMs - joinedMs) / DAY_MS);
    // Spread the welcoming: hosts already suggested for an earlier newcomer come after the others.
    const suggested = hosts
      .filter((key) => key !== id)
      .map((key, order) => ({ key, order, used: welcomes.get(key) ?? 0 }))
      .sort((x, y) => x.used - y.used || x.order - y.order)
      .slice(0, 2)
      .map(({ key }) => key);
    for (const key of suggested) welcomes.set(key, (welcomes.get(key) ?? 0) + 1);
    const coordinatorNames = coordinators.map((key) => scene.name(key));
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
            en: `Introduce ${name} to ${nameList(suggested.map((key) => scene.name(key)), 'en')}, who are well connected, for example at the next meeting.`,
            fi: `Esittele ${name} jäsenille ${nameList(suggested.map((key) => scene.name(key)), 'fi')}, joilla on paljon yhteyksiä, esimerkiksi seuraavassa tapaamisessa.`,
          };
    const whatIf = suggested.length > 0 && rank < scene.rules.whatIfTop ? scene.preview(suggested.map((key) => [id, key] as [string, string]), members) : undefined;
    return scene.tip('integrate_newcomer', members, { ...evidence, figures: { joinedAt: new Date(joinedMs).toISOString(), daysSinceJoining: days, coordinatorTies: coordinators } }, action, whatIf);
  });
}

/** Keys of the members that pass `keep`, by degree (then eigenvector, then CSR order), best first. */
function ranked(scene: Scene, keep: (v: number) => boolean): string[] {
  const { csr } = scene;
  return [...Array(csr.n).keys()]
    .filter(keep)
    .sort((x, y) => csr.degree[y] - csr.degree[x] || scene.memberMeasures(y).eigenvector - scene.memberMeasures(x).eigenvector || x - y)
    .map((v) => csr.keys[v]);
}
