import { localDateInput, occurredAtFor } from './when';

describe('when it happened', () => {
  const now = new Date(2026, 11, 1, 9, 30);

  it('today is now; yesterday is noon of the day before', () => {
    expect(occurredAtFor('today', '', now)).toBe(now.toISOString());
    expect(occurredAtFor('yesterday', '', now)).toBe(new Date(2026, 10, 30, 12).toISOString());
  });

  it('a picked day is its noon, but never later than now (the API refuses the future)', () => {
    expect(occurredAtFor('other', '2025-03-14', now)).toBe(new Date(2025, 2, 14, 12).toISOString());
    expect(occurredAtFor('other', localDateInput(now), now)).toBe(now.toISOString());
  });

  it('writes the local calendar day for the date input', () => {
    expect(localDateInput(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
