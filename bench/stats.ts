/** Small helpers for printing benchmark figures the same way everywhere. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function report(label: string, figures: Record<string, string>): void {
  console.log(`${label.padEnd(48)} ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(' · ')}`);
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
