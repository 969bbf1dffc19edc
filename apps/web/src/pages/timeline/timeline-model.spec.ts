import { bucketAt, chartColumns, coverageWarnings, interventionMarks, phaseBands, type PhaseName, type TimelineBucket, windowParameter } from './timeline-model';

const bucket = (month: number, phase: PhaseName, extra: Partial<TimelineBucket> = {}): TimelineBucket => {
  const start = new Date(Date.UTC(2025, month, 1)).toISOString();
  const end = new Date(Date.UTC(2025, month + 1, 1)).toISOString();
  return {
    label: start.slice(0, 7),
    start,
    end,
    at: end,
    measures: { density: month / 10, structuralHoles: month, ladderProfile: { acquainted: 1 } },
    activeMembers: 4,
    coverage: { loggers: [], share: 0.5, trusted: true },
    interventions: [],
    phase: { name: phase, changed: false, candidate: phase, evidence: [] },
    ...extra,
  };
};
const s = (iso: string) => Date.parse(iso) / 1000;

describe('phaseBands', () => {
  it('joins neighbouring buckets of one phase into one band and starts a new one where the phase changes', () => {
    const buckets = [bucket(0, 'founding'), bucket(1, 'founding'), bucket(2, 'deepening'), bucket(3, 'founding')];
    expect(phaseBands(buckets)).toEqual([
      { phase: 'founding', from: s('2025-01-01T00:00:00Z'), to: s('2025-03-01T00:00:00Z'), first: 0, last: 1 },
      { phase: 'deepening', from: s('2025-03-01T00:00:00Z'), to: s('2025-04-01T00:00:00Z'), first: 2, last: 2 },
      { phase: 'founding', from: s('2025-04-01T00:00:00Z'), to: s('2025-05-01T00:00:00Z'), first: 3, last: 3 },
    ]);
  });

  it('draws nothing for no buckets', () => {
    expect(phaseBands([])).toEqual([]);
  });
});

describe('chartColumns and bucketAt', () => {
  it('puts each bucket at its middle and takes numbers only', () => {
    const [x, density, holes] = chartColumns([bucket(0, 'founding'), bucket(1, 'founding')], ['density', 'structuralHoles']);
    expect(x[0]).toBe((s('2025-01-01T00:00:00Z') + s('2025-02-01T00:00:00Z')) / 2);
    expect(density).toEqual([0, 0.1]);
    expect(holes).toEqual([0, 1]);
    expect(chartColumns([bucket(0, 'founding')], ['averageClustering'])[1]).toEqual([null]);
  });

  it('finds the bucket that holds a time, and none outside', () => {
    const buckets = [bucket(0, 'founding'), bucket(1, 'deepening')];
    expect(bucketAt(buckets, s('2025-02-01T00:00:00Z'))).toBe(1);
    expect(bucketAt(buckets, s('2025-01-31T23:59:59Z'))).toBe(0);
    expect(bucketAt(buckets, s('2025-03-01T00:00:00Z'))).toBe(-1);
  });
});

it('warns of the buckets the API does not trust and lists each intervention once, in time order', () => {
  const late = { id: 'b', kind: 'workshop', title: 'Later', occurredAt: '2025-02-10T00:00:00Z' };
  const early = { id: 'a', kind: 'event', title: 'Kick-off', occurredAt: '2025-01-05T00:00:00Z' };
  const buckets = [bucket(0, 'founding', { interventions: [early], coverage: { loggers: [], share: 0.1, trusted: false } }), bucket(1, 'founding', { interventions: [late, early] })];
  expect(coverageWarnings(buckets)).toEqual([{ label: '2025-01', share: 0.1 }]);
  expect(interventionMarks(buckets).map((m) => m.id)).toEqual(['a', 'b']);
});

it('spells the tie window as the API does', () => {
  expect(windowParameter('cumulative', 90)).toBe('cumulative');
  expect(windowParameter('sliding', 180)).toBe('sliding:180');
  expect(windowParameter('decay', 0)).toBe('decay:1');
});
