/**
 * spread_coordinator_load: the network is centralised on a coordinator (seed 000: centralisation should
 * fall as collaboration spreads; seed 004: the leader enables, "ei pyri liikaa hallitsemaan"). The tip
 * names deputies to share hosting and carrying information with.
 */
import { formatNumber } from '../../phases/evidence';
import type { Scene } from '../scene';
import type { Tip } from '../tip';
import { counted, nameList } from '../wording';

export function coordinatorLoad(scene: Scene): Tip[] {
  const { csr, rules, graph, measures } = scene;
  if (csr.n < 3 || measures.network.degreeCentralization < rules.coordinator.minCentralisation) return [];
  let top = 0;
  for (let v = 1; v < csr.n; v++) if (csr.degree[v] > csr.degree[top]) top = v;
  const coordinator = csr.keys[top];
  if (graph.getNodeAttribute(coordinator, 'role') !== 'coordinator') return [];
  const others = csr.n - 1;
  let sum = 0;
  for (let v = 0; v < csr.n; v++) if (v !== top) sum += csr.degree[v];
  const mean = sum / others;
  const pendants = scene.neighbourKeys(top).filter((key) => csr.degree[csr.indexOf.get(key)!] === 1);
  const deputies = [...Array(csr.n).keys()]
    .filter((v) => v !== top && graph.getNodeAttribute(csr.keys[v], 'role') !== 'coordinator' && csr.degree[v] > 0)
    .sort((x, y) => scene.memberMeasures(y).betweenness - scene.memberMeasures(x).betweenness || csr.degree[y] - csr.degree[x] || x - y)
    .slice(0, rules.coordinator.deputies)
    .map((v) => csr.keys[v]);
  const name = scene.name(coordinator);
  const centralisation = measures.network.degreeCentralization;
  const deputyNames = deputies.map((key) => scene.name(key));
  const en =
    `${name} has ${counted(csr.degree[top], 'tie', 'ties')} while other members have ${formatNumber(mean, 'en')} on average; degree centralisation is ${formatNumber(centralisation, 'en')} ` +
    `(from ${formatNumber(rules.coordinator.minCentralisation, 'en')} up the load should be shared).` +
    (pendants.length > 0 ? ` ${counted(pendants.length, 'member is', 'members are')} tied to the network only through ${name}.` : '');
  const fi =
    `Koordinaattorilla ${name} on ${counted(csr.degree[top], 'suhde', 'suhdetta')}, kun muilla jäsenillä on keskimäärin ${formatNumber(mean, 'fi')}; keskittyneisyys on ${formatNumber(centralisation, 'fi')} ` +
    `(kuormaa kannattaa jakaa, kun se on vähintään ${formatNumber(rules.coordinator.minCentralisation, 'fi')}).` +
    (pendants.length > 0 ? ` ${counted(pendants.length, 'jäsen on', 'jäsentä on')} kytköksissä verkostoon vain koordinaattorin kautta.` : '');
  const linked = deputies.length > 0 ? pendants.filter((key) => !scene.tied(key, deputies[0])).slice(0, 3) : [];
  const members = [coordinator, ...deputies, ...linked];
  const action =
    deputies.length === 0
      ? { en: `Encourage members to meet without ${name}.`, fi: 'Kannusta jäseniä tapaamaan toisiaan myös ilman koordinaattoria.' }
      : {
          en:
            `Share hosting and carrying information with ${nameList(deputyNames, 'en')}: they could host a meeting, introduce newcomers or act as messengers between groups.` +
            (linked.length > 0 ? ` ${deputyNames[0]} could start by meeting ${nameList(linked.map((key) => scene.name(key)), 'en')}.` : ''),
          fi:
            `Jaa tapaamisten vetämistä ja tiedon välittämistä jäsenille ${nameList(deputyNames, 'fi')}: he voivat vetää tapaamisen, esitellä uusia jäseniä tai toimia lähetteinä ryhmien välillä.` +
            (linked.length > 0 ? ` ${deputyNames[0]} voisi aloittaa tapaamalla nämä jäsenet: ${nameList(linked.map((key) => scene.name(key)), 'fi')}.` : ''),
        };
  const whatIf = linked.length > 0 && rules.whatIfTop > 0 ? scene.preview(linked.map((key) => [deputies[0], key] as [string, string]), members) : undefined;
  const figures = { degree: csr.degree[top], meanDegreeOfOthers: mean, degreeCentralization: centralisation, onlyThroughCoordinator: pendants };
  return [scene.tip('spread_coordinator_load', members, { en, fi, figures }, action, whatIf)];
}
