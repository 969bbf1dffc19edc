import { INTERACTION_KINDS, InteractionKind } from '@solmu/network/published';

/**
 * Words people use for the kinds of interaction, in Finnish and English, past tense first (people
 * report what happened: "keskusteltiin", "discussed"). The API's own names work too, with `_`, `-`
 * or spaces. Matching ignores case and trailing punctuation; the longest phrase wins.
 */
const WORDS: Record<InteractionKind, { fi: string[]; en: string[] }> = {
  acquainted: {
    fi: ['tutustuttiin', 'tutustuimme', 'tutustuin', 'tutustutaan', 'tutustuminen'],
    en: ['met', 'acquainted', 'got acquainted', 'got to know', 'introduced'],
  },
  discussed: {
    fi: ['keskusteltiin', 'keskustelimme', 'keskustelin', 'keskustellaan', 'keskustelu', 'juteltiin'],
    en: ['discussed', 'talked', 'chatted'],
  },
  exchanged_information: {
    fi: ['vaihdettiin tietoa', 'jaettiin tietoa', 'vaihdoimme tietoa', 'jaoimme tietoa', 'jaetaan tietoa', 'tiedonvaihto'],
    en: ['shared', 'exchanged', 'shared information', 'exchanged information'],
  },
  explored_collaboration: {
    fi: ['haettiin yhteistyötä', 'haettiin potentiaalia', 'haettiin potentiaalia yhteistyölle', 'kartoitettiin yhteistyötä'],
    en: ['explored', 'explored collaboration'],
  },
  outlined_goals: {
    fi: ['hahmoteltiin tavoitteita', 'hahmoteltiin yhteisiä tavoitteita', 'hahmottelimme tavoitteita'],
    en: ['outlined', 'outlined goals', 'set goals'],
  },
  co_developed: {
    fi: ['yhteiskehitettiin', 'yhteiskehittely', 'kehitettiin yhdessä', 'toteutettiin projekti', 'toteutettiin yhteinen projekti'],
    en: ['co-developed', 'codeveloped', 'developed together', 'ran a project'],
  },
  evaluated_learning: {
    fi: ['arvioitiin oppimista', 'arvioitiin yhteistä oppimista', 'arvioimme oppimista'],
    en: ['evaluated', 'evaluated learning', 'reflected'],
  },
};

const normalise = (text: string): string => text.toLocaleLowerCase('fi').replace(/[.,!?:;]+$/, '');

const PHRASES: ReadonlyMap<string, InteractionKind> = new Map(
  INTERACTION_KINDS.flatMap((kind) => [
    ...[...WORDS[kind].fi, ...WORDS[kind].en].map((phrase) => [phrase, kind] as const),
    [kind.replace(/_/g, ' '), kind] as const,
    [kind.replace(/_/g, '-'), kind] as const,
    [kind, kind] as const,
  ]),
);
const LONGEST = Math.max(...[...PHRASES.keys()].map((p) => p.split(' ').length));

/** The kind named by the first words, and how many words it took; undefined when none matches. */
export function kindAt(words: readonly string[]): { kind: InteractionKind; length: number } | undefined {
  for (let length = Math.min(LONGEST, words.length); length > 0; length -= 1) {
    const kind = PHRASES.get(words.slice(0, length).map(normalise).join(' '));
    if (kind) return { kind, length };
  }
  return undefined;
}

/** A short list of the words to use, for help and error answers. */
export function kindHelp(): string {
  return INTERACTION_KINDS.map((kind) => `${WORDS[kind].fi[0]} / ${WORDS[kind].en[0]}`).join(', ');
}
