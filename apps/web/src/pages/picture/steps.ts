/**
 * The dates the time slider stops at: from the network's founding to today, every week or every
 * month, today always last (so the slider's right end is "now"). Dates are calendar days
 * (YYYY-MM-DD): the API reads a date alone as the end of that day in the network's zone.
 */
export type Interval = 'week' | 'month';

export function sliderSteps(foundedAt: string, today: string, interval: Interval): string[] {
  const end = day(today);
  const steps: string[] = [];
  const start = new Date(`${day(foundedAt)}T00:00:00Z`);
  // Counted from the founding each time, so the 31st stays the 31st after a short month.
  for (let i = 0, cursor = start; iso(cursor) < end; i++, cursor = interval === 'week' ? new Date(start.getTime() + i * 7 * 86_400_000) : addMonths(start, i)) {
    steps.push(iso(cursor));
  }
  steps.push(end);
  return steps;
}

const day = (value: string) => value.slice(0, 10);
const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The same day `months` later, or that month's last day (31 January → 29 February). */
function addMonths(date: Date, months: number): Date {
  const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(date.getUTCDate(), last));
  return next;
}
