/**
 * Logging coverage: how many members' eyes a period's figures rest on.
 *
 * Solmu sees only what members log. If one or two people log everything, the picture is theirs: they
 * log their own contacts, so they look central, and whoever they do not meet looks peripheral. The
 * structure figures most exposed to that bias are centralisation and betweenness (who is "between").
 * The timeline therefore marks each bucket as trusted or not for those figures:
 *
 *   trusted ⇔ loggers ≥ COVERAGE_RULES.minLoggers (3)  and  loggers / active members ≥ COVERAGE_RULES.minShare (30 %)
 *
 * - loggers: distinct actors (event metadata `actor`) who logged the interactions that occurred in the
 *   bucket (by occurredAt, so a batch logged later still counts for the period it describes);
 * - active members: distinct members who took part in an interaction that occurred in the bucket.
 * A bucket without interactions is not trusted (its figures repeat earlier logging), and neither is one
 * whose loggers are unknown. An import by one account counts as one logger.
 */
export const COVERAGE_RULES = {
  /** At least this many distinct loggers in the bucket. */
  minLoggers: 3,
  /** At least this share of the bucket's active members must have logged. */
  minShare: 0.3,
} as const;

export type CoverageRules = { minLoggers: number; minShare: number };

export type CoverageReasonCode = 'no_interactions' | 'unknown_loggers' | 'few_loggers' | 'low_share';

export interface Coverage {
  /** Actors who logged the bucket's interactions, sorted. */
  loggers: string[];
  /** loggers / active members (0 without active members). */
  share: number;
  /** Whether centralisation and betweenness can be trusted for this bucket. */
  trusted: boolean;
  reason?: { code: CoverageReasonCode; en: string; fi: string };
}

/** Who logged each interaction: interaction id → actor. */
export type LoggedBy = Map<string, string>;

/** The part of a recorded event the logger index reads. */
export interface LoggedEvent {
  type: string;
  /** InteractionLogged carries `interactionId`; other events are ignored. */
  data: object;
  metadata?: object;
}

export function createLoggedBy(): LoggedBy {
  return new Map();
}

/**
 * Records who logged an interaction (the actor of its InteractionLogged). Corrections and retractions
 * do not change who observed it. Other events are ignored. Mutates and returns `index`.
 */
export function applyLoggedBy(index: LoggedBy, event: LoggedEvent): LoggedBy {
  if (event.type !== 'InteractionLogged') return index;
  const id = (event.data as { interactionId?: unknown }).interactionId;
  const actor = (event.metadata as { actor?: unknown } | undefined)?.actor;
  if (typeof id === 'string' && typeof actor === 'string' && !index.has(id)) index.set(id, actor);
  return index;
}

export function foldLoggedBy(events: Iterable<LoggedEvent>, index: LoggedBy = createLoggedBy()): LoggedBy {
  for (const event of events) applyLoggedBy(index, event);
  return index;
}

/**
 * The coverage verdict for one bucket. `loggers` null means who logged is unknown (no index given).
 */
export function assessCoverage(
  loggers: ReadonlySet<string> | null,
  activeMembers: number,
  interactions: number,
  rules: CoverageRules = COVERAGE_RULES,
): Coverage {
  const list = loggers === null ? [] : [...loggers].sort();
  const share = activeMembers === 0 ? 0 : list.length / activeMembers;
  const verdict = (reason?: Coverage['reason']): Coverage => ({ loggers: list, share, trusted: reason === undefined, ...(reason && { reason }) });
  if (interactions === 0) {
    return verdict({
      code: 'no_interactions',
      en: 'No interactions were logged in this period; its figures rest on earlier logging.',
      fi: 'Tällä jaksolla ei kirjattu yhtään tapahtumaa; luvut perustuvat aiempiin kirjauksiin.',
    });
  }
  if (loggers === null) {
    return verdict({
      code: 'unknown_loggers',
      en: 'Who logged the interactions is not known, so centralisation and betweenness cannot be checked for logging bias.',
      fi: 'Tapahtumien kirjaajia ei tiedetä, joten keskittyneisyyden ja välittäjyyden kirjausvinoumaa ei voi arvioida.',
    });
  }
  if (list.length < rules.minLoggers) {
    return verdict({
      code: 'few_loggers',
      en: `Only ${list.length} ${list.length === 1 ? 'person' : 'people'} logged interactions (at least ${rules.minLoggers} needed), so centralisation and betweenness may mostly show who logged.`,
      fi: `Vain ${list.length} ${list.length === 1 ? 'henkilö' : 'henkilöä'} kirjasi tapahtumia (vähintään ${rules.minLoggers} tarvitaan), joten keskittyneisyys ja välittäjyys voivat kertoa lähinnä siitä, kuka kirjasi.`,
    });
  }
  if (share < rules.minShare) {
    return verdict({
      code: 'low_share',
      en: `${percent(share)} of the ${activeMembers} active members logged interactions (at least ${percent(rules.minShare)} needed), so centralisation and betweenness may be biased towards those who logged.`,
      fi: `${percent(share)} jakson ${activeMembers} aktiivisesta jäsenestä kirjasi tapahtumia (vähintään ${percent(rules.minShare)} tarvitaan), joten keskittyneisyys ja välittäjyys voivat painottua kirjaajiin.`,
    });
  }
  return verdict();
}

/** A share as a whole percentage with a space before the sign, as both English (SI) and Finnish write it. */
function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
