/**
 * What every tip finder reads (the graph at the date, its CSR, the measures, the date, the rules) and
 * the helpers they share: names, roles, neighbours, the tip's id, and the what-if preview, whose base
 * is built once, on the first preview any finder asks for.
 */
import type { MemberMeasures, TieGraph } from '../graph/types';
import { areTied } from '../measures/engine/csr';
import type { Csr } from '../measures/engine/csr';
import type { Tip, TipKind, TipMeasures } from './tip';
import type { TipRules } from './tip-rules';
import type { WhatIfMemo } from './what-if-memo';
import type { WhatIf, WhatIfBase } from './what-if';

export const DAY_MS = 86_400_000;

export class Scene {
  private base: WhatIfBase | null = null;

  constructor(
    readonly graph: TieGraph,
    readonly csr: Csr,
    readonly measures: TipMeasures,
    readonly atMs: number,
    readonly rules: TipRules,
    private readonly whatIf: WhatIfMemo,
  ) {}

  tip(kind: TipKind, members: string[], evidence: Tip['evidence'], action: Tip['action'], whatIf?: WhatIf): Tip {
    return { id: `${kind}:${members.slice(0, kind === 'introduce' || kind === 'climb_ladder' || kind === 'reengage_quiet' ? 2 : 1).join('+')}`, kind, members, evidence, action, ...(whatIf && { whatIf }) };
  }

  preview(ties: Array<[string, string]>, concerned: string[]): WhatIf {
    this.base ??= this.whatIf.base(this.csr, this.rules.whatIf, this.measures.network.structuralHoles);
    return this.whatIf.preview(this.base, ties, concerned);
  }

  name(id: string): string {
    return this.graph.hasNode(id) ? this.graph.getNodeAttribute(id, 'name') : id;
  }

  memberMeasures(v: number | string): MemberMeasures {
    const id = typeof v === 'number' ? this.csr.keys[v] : v;
    const m = this.measures.members[id];
    if (m === undefined) throw new RangeError(`tips: no member measures for ${id}; pass the measures of this same graph`);
    return m;
  }

  neighbourKeys(v: number): string[] {
    const out: string[] = [];
    for (let j = this.csr.offsets[v]; j < this.csr.offsets[v + 1]; j++) out.push(this.csr.keys[this.csr.neighbours[j]]);
    return out;
  }

  tied(a: string, b: string): boolean {
    const ia = this.csr.indexOf.get(a);
    const ib = this.csr.indexOf.get(b);
    if (ia === undefined || ib === undefined) return false;
    return areTied(this.csr, ia, ib);
  }

  /** The members of `group` who are not coordinators (all of it when it has only coordinators). */
  peersOf(group: readonly number[]): readonly number[] {
    const peers = group.filter((v) => !this.isCoordinator(v));
    return peers.length > 0 ? peers : group;
  }

  isCoordinator(v: number): boolean {
    return this.graph.getNodeAttribute(this.csr.keys[v], 'role') === 'coordinator';
  }
}
