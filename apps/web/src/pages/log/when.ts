/** Today, yesterday or a picked day, turned into the occurredAt the API expects (ISO 8601). */
export type DayChoice = 'today' | 'yesterday' | 'other';

/** yyyy-mm-dd of the local calendar day, for <input type="date">. */
export function localDateInput(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * Today means now. Yesterday and a picked day mean noon of that local day (a time of day nobody
 * entered should not move the date across midnight in any time zone near ours); a picked day that
 * is today means now, as the API refuses times in the future.
 */
export function occurredAtFor(choice: DayChoice, picked: string, now: Date): string {
  if (choice === 'today') return now.toISOString();
  const day = choice === 'yesterday' ? new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12) : atNoon(picked);
  return (day > now ? now : day).toISOString();
}

function atNoon(picked: string): Date {
  const [year, month, date] = picked.split('-').map(Number);
  return new Date(year, month - 1, date, 12);
}
