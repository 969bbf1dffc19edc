import { FixedClock, ValidationFailed } from '@solmu/kernel';
import { resolveAt } from './analysis-view';

describe('resolveAt', () => {
  const clock = new FixedClock(new Date('2025-06-01T12:00:00Z'));

  it('reads a date alone as the end of that day in the network’s zone, and defaults to now', () => {
    expect(resolveAt({ at: '1936-02-25' }, clock).at.toISOString()).toBe('1936-02-25T23:59:59.999Z');
    expect(resolveAt({ at: '2024-06-30' }, clock, 'Europe/Helsinki').at.toISOString()).toBe('2024-06-30T20:59:59.999Z');
    expect(resolveAt({ at: '2024-06-30T12:00:00' }, clock, 'Europe/Helsinki').at.toISOString()).toBe('2024-06-30T09:00:00.000Z');
    expect(resolveAt({}, clock)).toEqual({ at: new Date('2025-06-01T12:00:00Z'), window: 'cumulative' });
  });

  it.each(['sliding:0', 'decay:-1', 'forever'])('refuses window=%s with invalid_tie_window on `window`, said once', (window) => {
    try {
      resolveAt({ window }, clock);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(error).toMatchObject({ code: 'invalid_tie_window', problems: [{ field: 'window' }] });
      expect((error as Error).message).not.toMatch(/window: window/);
    }
  });

  it('refuses a date outside the accepted forms with invalid_date on `at`', () => {
    expect(() => resolveAt({ at: '2024-W23' }, clock)).toThrow(expect.objectContaining({ code: 'invalid_date', problems: [expect.objectContaining({ field: 'at' })] }));
  });
});
