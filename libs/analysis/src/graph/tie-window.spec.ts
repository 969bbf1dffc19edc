import { ValidationFailed } from '@solmu/kernel';
import { DEFAULT_DECAY_THRESHOLD, formatTieWindow, parseTieWindow, resolveTieWindow } from './tie-window';

describe('tie windows', () => {
  it.each([
    ['cumulative', { kind: 'cumulative' }],
    ['sliding:90', { kind: 'sliding', days: 90 }],
    ['decay:60', { kind: 'decay', halfLifeDays: 60 }],
    ['decay:30.5', { kind: 'decay', halfLifeDays: 30.5 }],
    [' sliding:7 ', { kind: 'sliding', days: 7 }],
  ])('parses "%s"', (spec, window) => {
    expect(parseTieWindow(spec)).toEqual(window);
  });

  it.each(['', 'sliding', 'sliding:', 'sliding:0', 'decay:-5', 'decay:abc', 'weekly', 'cumulative:3', 'SLIDING:90'])(
    'rejects "%s" with a validation error on the window field that shows the expected forms',
    (spec) => {
      let error: unknown;
      try {
        parseTieWindow(spec);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error).toMatchObject({ code: 'invalid_tie_window', problems: [{ field: 'window' }] });
      expect((error as Error).message).toMatch(/cumulative.*sliding:<days>|positive number of days/);
    },
  );

  it('formats a window back to its spec', () => {
    for (const spec of ['cumulative', 'sliding:90', 'decay:60']) expect(formatTieWindow(parseTieWindow(spec))).toBe(spec);
  });

  it('validates windows given as objects, down to per-kind half-lives and the threshold', () => {
    expect(resolveTieWindow()).toEqual({ kind: 'cumulative' });
    expect(resolveTieWindow({ kind: 'decay', halfLifeDays: 60, halfLifeByKind: { acquainted: 30 }, threshold: 1 })).toMatchObject({ threshold: 1 });
    expect(() => resolveTieWindow({ kind: 'decay', halfLifeDays: 60, halfLifeByKind: { gossip: 3 } as never })).toThrow(/not an interaction kind/);
    expect(() => resolveTieWindow({ kind: 'decay', halfLifeDays: 60, halfLifeByKind: { acquainted: 0 } })).toThrow(ValidationFailed);
    expect(() => resolveTieWindow({ kind: 'decay', halfLifeDays: 60, threshold: -1 })).toThrow(ValidationFailed);
    expect(() => resolveTieWindow({ kind: 'sliding', days: Number.NaN })).toThrow(ValidationFailed);
  });

  it('documents its default decay threshold as half a fresh acquaintance', () => {
    expect(DEFAULT_DECAY_THRESHOLD).toBe(0.5);
  });
});
