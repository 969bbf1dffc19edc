/**
 * The rule set that names a network's development phase, after Korkala's dissertation as summarised in
 * seed `000_…txt` ("LUOTTAMUKSEN KEHITTYMINEN" / "VERKOSTON RAKENTEELLISET OMINAISUUDET"):
 *
 * - verkoston perustaminen (founding): "löyhä, ennestään toisensa tuntevien toimijoiden ympärille
 *   keskittynyt verkosto" — loose, centred on actors who already knew each other;
 * - yhteistyön tiivistyminen (deepening): "verkoston tiheys kasvaa, keskittyneisyys laskee yhteistyön
 *   laajetessa useampiin toimijoihin" — density grows, centralisation falls as collaboration spreads;
 * - yhteistyön vakiintuminen (settling): "tiheä, vuorovaikutukseltaan tasa-arvoinen verkosto" — dense and
 *   interaction-equal: high density, low centralisation, evenly spread centrality (the seed's end state,
 *   with few structural holes), and, on Solmu's ladder, ties that have reached shared goals and joint work
 *   (sitoutuminen, commitment);
 * - dormant: activity has stopped (no phase in the seed; a coordinator needs to see it).
 *
 * Every number the classifier uses is here, so a network can tune them and the documentation
 * (docs/phases-and-tips.md) can say why each has its value.
 */
import type { InteractionKind } from '@solmu/network/published';

export const PHASE_NAMES = ['founding', 'deepening', 'settling', 'dormant'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

export interface PhaseRules {
  /** Below this many members there is no structure to read: the network is founding. */
  minMembers: number;
  /** Trends compare a bucket with the one this many buckets earlier; none is read in the first buckets. */
  trendBuckets: number;
  /** A forward move needs the new phase's conditions in this many consecutive buckets. */
  confirmBuckets: number;
  /** Ladder kinds that count as a deep tie (shared goals, joint work, evaluated learning). */
  deepKinds: readonly InteractionKind[];
  deepening: {
    /** Route 1, the trend: density up by at least this much and degree centralisation down by at least this much. */
    minDensityRise: number;
    minCentralisationFall: number;
    /** Route 2, the level: already denser and less centralised than a founding network. */
    minDensity: number;
    maxDegreeCentralization: number;
  };
  settling: {
    minDensity: number;
    maxDegreeCentralization: number;
    /** Gini of degree: how unevenly ties are spread over members. */
    maxDegreeGini: number;
    /** Share of ties whose deepest kind is one of deepKinds. */
    minDeepShare: number;
  };
  /** Settling is given up only when a condition is missed by its margin in this many consecutive buckets. */
  regression: {
    buckets: number;
    densityMargin: number;
    centralisationMargin: number;
    giniMargin: number;
    deepShareMargin: number;
  };
  dormant: {
    /** Dormant after this many days without any logged interaction (once there has been activity). */
    quietDays: number;
  };
}

export const PHASE_RULES: Readonly<PhaseRules> = Object.freeze({
  minMembers: 5,
  trendBuckets: 3,
  confirmBuckets: 2,
  deepKinds: Object.freeze(['outlined_goals', 'co_developed', 'evaluated_learning'] as InteractionKind[]),
  deepening: Object.freeze({
    minDensityRise: 0.02,
    minCentralisationFall: 0.05,
    minDensity: 0.12,
    maxDegreeCentralization: 0.5,
  }),
  settling: Object.freeze({
    minDensity: 0.25,
    maxDegreeCentralization: 0.35,
    maxDegreeGini: 0.3,
    minDeepShare: 0.25,
  }),
  regression: Object.freeze({
    buckets: 3,
    densityMargin: 0.05,
    centralisationMargin: 0.1,
    giniMargin: 0.1,
    deepShareMargin: 0.1,
  }),
  dormant: Object.freeze({ quietDays: 90 }),
});

/** Order of the forward path; dormant is off the path. */
export const PHASE_RANK: Readonly<Record<PhaseName, number>> = Object.freeze({ founding: 0, deepening: 1, settling: 2, dormant: -1 });

/** Names of the phases in plain language, with the Finnish noun phrase in the cases the sentences need. */
export interface PhaseLabel {
  en: string;
  fi: string;
  /** "yhteistyön tiivistymisen vaihe" */
  fiPhase: string;
  /** genitive: "yhteistyön tiivistymisen vaiheen (ehdot)" */
  fiGenitive: string;
  /** inessive: "yhteistyön tiivistymisen vaiheessa (pysyminen)" */
  fiInessive: string;
}

export const PHASE_LABELS: Readonly<Record<PhaseName, PhaseLabel>> = Object.freeze({
  founding: {
    en: 'founding the network',
    fi: 'verkoston perustaminen',
    fiPhase: 'verkoston perustamisen vaihe',
    fiGenitive: 'verkoston perustamisen vaiheen',
    fiInessive: 'verkoston perustamisen vaiheessa',
  },
  deepening: {
    en: 'deepening collaboration',
    fi: 'yhteistyön tiivistyminen',
    fiPhase: 'yhteistyön tiivistymisen vaihe',
    fiGenitive: 'yhteistyön tiivistymisen vaiheen',
    fiInessive: 'yhteistyön tiivistymisen vaiheessa',
  },
  settling: {
    en: 'settled collaboration',
    fi: 'yhteistyön vakiintuminen',
    fiPhase: 'yhteistyön vakiintumisen vaihe',
    fiGenitive: 'yhteistyön vakiintumisen vaiheen',
    fiInessive: 'yhteistyön vakiintumisen vaiheessa',
  },
  dormant: { en: 'dormant', fi: 'lepotila', fiPhase: 'lepotila', fiGenitive: 'lepotilan', fiInessive: 'lepotilassa' },
});

/** PHASE_RULES with some values replaced (nested groups merge). */
export function phaseRules(overrides: DeepPartial<PhaseRules> = {}): PhaseRules {
  return {
    ...PHASE_RULES,
    ...overrides,
    deepKinds: overrides.deepKinds ? [...(overrides.deepKinds as InteractionKind[])] : PHASE_RULES.deepKinds,
    deepening: { ...PHASE_RULES.deepening, ...overrides.deepening },
    settling: { ...PHASE_RULES.settling, ...overrides.settling },
    regression: { ...PHASE_RULES.regression, ...overrides.regression },
    dormant: { ...PHASE_RULES.dormant, ...overrides.dormant },
  } as PhaseRules;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends readonly unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };
