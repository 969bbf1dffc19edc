/**
 * Tie windows: which interactions make a tie at a date. A tie logged three years ago may no longer
 * be a working relationship; the window says how the past counts.
 *
 * - `cumulative`: every interaction up to the date (the network's whole history).
 * - `sliding:N`: interactions in the last N days, (at − N days, at].
 * - `decay:H`: every interaction up to the date, each weighted by its depth weight × 0.5^(age / H)
 *   with age in days, H the half-life (optionally per kind). A tie exists while its summed decayed
 *   strength is ≥ `threshold`, by default 0.5: half the weight of one fresh acquaintance. So a single
 *   acquaintance keeps a tie for one half-life, a single joint project (weight 6) for log2(12) ≈ 3.6.
 */
import { INTERACTION_KINDS } from '@solmu/network/published';
import { ValidationFailed } from '@solmu/kernel';
import type { TieWindow, TieWindowSpec } from './types';

export const DEFAULT_DECAY_THRESHOLD = 0.5;

const SPEC = /^(cumulative)$|^(sliding|decay):(\d+(?:\.\d+)?)$/;

/** Parses the API's `window` parameter: `cumulative`, `sliding:<days>` or `decay:<half-life days>`. */
export function parseTieWindow(spec: TieWindowSpec): TieWindow {
  const match = SPEC.exec(typeof spec === 'string' ? spec.trim() : '');
  if (match === null) {
    throw ValidationFailed.field(
      'window',
      `expected "cumulative", "sliding:<days>" or "decay:<half-life in days>" (e.g. "sliding:90"), got "${String(spec)}"`,
      'invalid_tie_window',
    );
  }
  if (match[1]) return { kind: 'cumulative' };
  const days = Number(match[3]);
  return validateTieWindow(match[2] === 'sliding' ? { kind: 'sliding', days } : { kind: 'decay', halfLifeDays: days });
}

/** Checks a window given as an object (or parses a spec string) and returns it. */
export function resolveTieWindow(window: TieWindow | TieWindowSpec = { kind: 'cumulative' }): TieWindow {
  return typeof window === 'string' ? parseTieWindow(window) : validateTieWindow(window);
}

/** The spec string of a window, e.g. for cache keys: the inverse of parseTieWindow for plain windows. */
export function formatTieWindow(window: TieWindow): string {
  switch (window.kind) {
    case 'cumulative':
      return 'cumulative';
    case 'sliding':
      return `sliding:${window.days}`;
    case 'decay':
      return `decay:${window.halfLifeDays}`;
  }
}

function validateTieWindow(window: TieWindow): TieWindow {
  const positive = (field: string, value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw ValidationFailed.field(field, `must be a positive number of days, got ${String(value)}`, 'invalid_tie_window');
    }
  };
  switch (window.kind) {
    case 'cumulative':
      return window;
    case 'sliding':
      positive('window', window.days);
      return window;
    case 'decay':
      positive('window', window.halfLifeDays);
      for (const [kind, halfLife] of Object.entries(window.halfLifeByKind ?? {})) {
        if (!(INTERACTION_KINDS as readonly string[]).includes(kind)) {
          throw ValidationFailed.field(`window.halfLifeByKind.${kind}`, 'is not an interaction kind', 'invalid_tie_window');
        }
        positive(`window.halfLifeByKind.${kind}`, halfLife);
      }
      if (window.threshold !== undefined && !(Number.isFinite(window.threshold) && window.threshold >= 0)) {
        throw ValidationFailed.field('window.threshold', `must be a number ≥ 0, got ${String(window.threshold)}`, 'invalid_tie_window');
      }
      return window;
    default:
      throw ValidationFailed.field('window', `unknown window kind ${JSON.stringify((window as { kind: unknown }).kind)}`, 'invalid_tie_window');
  }
}
