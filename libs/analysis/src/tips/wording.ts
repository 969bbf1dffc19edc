/**
 * Small helpers for writing tips in English and Finnish: lists of names, dates, counted nouns and the
 * ladder's steps in the words members see when they log (domain brief, "Network events"). Finnish
 * sentences are built so that names stay in the nominative (no case endings on names we cannot inflect).
 */
import type { InteractionKind } from '@solmu/network/published';

export const KIND_WORDS: Readonly<Record<InteractionKind, { en: string; fi: string }>> = Object.freeze({
  acquainted: { en: 'getting acquainted', fi: 'Tutustutaan' },
  discussed: { en: 'informal discussion', fi: 'Keskustellaan vapaamuotoisesti' },
  exchanged_information: { en: 'sharing and exchanging information', fi: 'Jaetaan ja vaihdetaan tietoa' },
  explored_collaboration: { en: 'looking for potential to collaborate', fi: 'Haetaan potentiaalia yhteistyölle' },
  outlined_goals: { en: 'outlining shared goals', fi: 'Hahmotellaan yhteisiä tavoitteita' },
  co_developed: { en: 'joint projects and co-development', fi: 'Toteutetaan yhteisiä projekteja / yhteiskehittely' },
  evaluated_learning: { en: 'evaluating shared learning', fi: 'Arvioidaan yhteistä oppimista' },
});

/** "A", "A and B", "A, B and C", "A, B, C and 4 others" (fi: "ja 4 muuta"). */
export function nameList(names: readonly string[], language: 'en' | 'fi', max = 3): string {
  const and = language === 'en' ? 'and' : 'ja';
  if (names.length === 0) return '';
  if (names.length > max) {
    const rest = names.length - max;
    const others = language === 'en' ? `${rest} ${rest === 1 ? 'other' : 'others'}` : `${rest} ${rest === 1 ? 'muu' : 'muuta'}`;
    return `${names.slice(0, max).join(', ')} ${and} ${others}`;
  }
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** 2024-03-05 in English, 5.3.2024 in Finnish (UTC). */
export function formatDate(ms: number, language: 'en' | 'fi'): string {
  const date = new Date(ms);
  if (language === 'en') return date.toISOString().slice(0, 10);
  return `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}`;
}

/** "1 tie" / "3 ties"; in Finnish the partitive follows numbers other than one ("1 suhde", "3 suhdetta"). */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How often: "once" / "3 times"; "kerran" / "3 kertaa". */
export function timesWords(count: number): { en: string; fi: string } {
  return { en: count === 1 ? 'once' : `${count} times`, fi: count === 1 ? 'kerran' : `${count} kertaa` };
}

/** A share as a whole percentage: "12 %". */
export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
