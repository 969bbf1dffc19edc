/**
 * Evidence items: one figure, the threshold it was held against, and the verdict, said in plain
 * English and Finnish so a coordinator can check the classifier's reasoning by hand.
 */
import { PHASE_LABELS } from './phase-rules';
import type { PhaseName } from './phase-rules';

export type Comparison = '>=' | '<=' | '>' | '<';

export interface PhaseEvidence {
  /** A NetworkMeasures field, or a derived figure (densityChange, deepShare, daysWithoutInteractions…). */
  measure: string;
  value: number;
  threshold: number;
  /** How value was compared with threshold. */
  comparison: Comparison;
  /** Whether value compared with threshold holds. */
  met: boolean;
  en: string;
  fi: string;
}

/** The figures the phase rules read, named in both languages. */
export const MEASURE_LABELS: Readonly<Record<string, { en: string; fi: string }>> = Object.freeze({
  members: { en: 'The number of members', fi: 'Jäsenten määrä' },
  density: { en: 'Density', fi: 'Tiheys' },
  degreeCentralization: { en: 'Degree centralisation', fi: 'Keskittyneisyys (asteen mukaan)' },
  degreeGini: { en: 'The unevenness of ties over members (Gini of degree)', fi: 'Suhteiden epätasainen jakautuminen jäsenille (asteiden Gini-kerroin)' },
  deepShare: {
    en: 'The share of ties that reached shared goals or joint work',
    fi: 'Yhteisiin tavoitteisiin tai yhteiseen työhön edenneiden suhteiden osuus',
  },
  densityChange: { en: 'The change in density', fi: 'Tiheyden muutos' },
  degreeCentralizationChange: { en: 'The change in degree centralisation', fi: 'Keskittyneisyyden muutos' },
});

const COMPARISON_WORDS: Record<Comparison, { en: string; fi: string }> = {
  '>=': { en: 'at least', fi: 'vähintään' },
  '<=': { en: 'at most', fi: 'enintään' },
  '>': { en: 'more than', fi: 'yli' },
  '<': { en: 'less than', fi: 'alle' },
};

export function compare(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '>=':
      return value >= threshold;
    case '<=':
      return value <= threshold;
    case '>':
      return value > threshold;
    case '<':
      return value < threshold;
  }
}

/** A number for people: two decimals (fewer when exact), a decimal comma in Finnish, a sign when asked. */
export function formatNumber(value: number, language: 'en' | 'fi', signed = false): string {
  const rounded = Math.round(value * 100) / 100;
  let text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0$/, '');
  if (signed && rounded > 0) text = `+${text}`;
  if (text === '-0') text = '0';
  return language === 'fi' ? text.replace('.', ',').replace('-', '−') : text.replace('-', '−');
}

/**
 * A condition a phase needs, e.g. "Density is 0.18; deepening collaboration needs at least 0.12, so this
 * condition is met." `context` says whether the phase is being reached or kept (with a margin).
 */
export function conditionEvidence(
  measure: string,
  value: number,
  comparison: Comparison,
  threshold: number,
  phase: PhaseName,
  context: { keep?: boolean; over?: string; route?: 'trend' | 'level' } = {},
): PhaseEvidence {
  const label = MEASURE_LABELS[measure] ?? { en: measure, fi: measure };
  const met = compare(value, comparison, threshold);
  const signed = measure.endsWith('Change');
  const words = COMPARISON_WORDS[comparison];
  const phaseLabel = PHASE_LABELS[phase];
  const overEn = context.over ? ` ${context.over}` : '';
  const overFi = context.over ? ` ${FI_SPANS[context.over] ?? context.over}` : '';
  const routeEn = context.route === 'trend' ? ', read from the trend,' : context.route === 'level' ? ', read from the level,' : '';
  const routeFi = context.route === 'trend' ? ' kehityksen perusteella' : context.route === 'level' ? ' tason perusteella' : '';
  const needsEn = context.keep ? `Staying in ${phaseLabel.en} needs` : `${capitalise(phaseLabel.en)}${routeEn} needs`;
  const needsFi = context.keep ? `${capitalise(phaseLabel.fiInessive)} pysyminen edellyttää` : `${capitalise(phaseLabel.fiPhase)} edellyttää${routeFi}`;
  return {
    measure,
    value,
    threshold,
    comparison,
    met,
    en: `${label.en}${overEn} is ${formatNumber(value, 'en', signed)}. ${needsEn} ${words.en} ${formatNumber(threshold, 'en', signed)}, so this condition is ${met ? 'met' : 'not met'}.`,
    fi: `${label.fi}${overFi} on ${formatNumber(value, 'fi', signed)}. ${needsFi} ${words.fi} ${formatNumber(threshold, 'fi', signed)}, joten ehto ${met ? 'täyttyy' : 'ei täyty'}.`,
  };
}

/** "Over the last 3 periods" in Finnish, for the trend items. */
const FI_SPANS: Record<string, string> = {};
for (let n = 1; n <= 12; n++) FI_SPANS[`over the last ${n} periods`] = `${n} viime jakson aikana`;

/** The hysteresis item: how many consecutive buckets met the next phase's conditions. */
export function streakEvidence(count: number, needed: number, phase: PhaseName): PhaseEvidence {
  const label = PHASE_LABELS[phase];
  const met = count >= needed;
  return {
    measure: 'consecutiveBuckets',
    value: count,
    threshold: needed,
    comparison: '>=',
    met,
    en: `The conditions of ${label.en} have held in ${count} consecutive ${count === 1 ? 'period' : 'periods'}; the phase changes after ${needed}${met ? ', so it has changed' : ''}.`,
    fi: `${capitalise(label.fiGenitive)} ehdot ovat täyttyneet ${count} peräkkäisellä jaksolla; vaihe vaihtuu ${needed} jakson jälkeen${met ? ', joten se on vaihtunut' : ''}.`,
  };
}

/** The regression item: how many consecutive buckets have clearly lost the settled state. */
export function lostStreakEvidence(count: number, needed: number): PhaseEvidence {
  const met = count >= needed;
  return {
    measure: 'consecutiveBucketsLost',
    value: count,
    threshold: needed,
    comparison: '>=',
    met,
    en: `The settled state has been clearly lost in ${count} consecutive ${count === 1 ? 'period' : 'periods'}; the phase returns to deepening collaboration after ${needed}${met ? ', so it has returned' : ''}.`,
    fi: `Vakiintunut tila on selvästi menetetty ${count} peräkkäisellä jaksolla; vaihe palaa yhteistyön tiivistymiseen ${needed} jakson jälkeen${met ? ', joten se on palannut' : ''}.`,
  };
}

/** The dormancy item. */
export function quietEvidence(days: number, quietDays: number): PhaseEvidence {
  const shown = Math.floor(days);
  const met = days >= quietDays;
  return {
    measure: 'daysWithoutInteractions',
    value: shown,
    threshold: quietDays,
    comparison: '>=',
    met,
    en: `No interactions have been logged for ${shown} days; a network is dormant after ${quietDays} days without interactions.`,
    fi: `Tapahtumia ei ole kirjattu ${shown} päivään; verkosto on lepotilassa, kun tapahtumia ei ole kirjattu ${quietDays} päivään.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
