import { phaseChangeOf } from './phase-change';

const bucket = (label: string, start: string, end: string, name: string, changed: boolean) => ({ label, start, end, phase: { name, changed } });

describe('phase changes for webhooks', () => {
  const buckets = [
    bucket('2026-01', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', 'founding', true),
    bucket('2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 'founding', false),
    bucket('2026-03', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z', 'deepening', true),
    bucket('2026-04', '2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z', 'settling', true),
  ];

  it('reports the newest closed bucket whose phase differs from the one before, dated when it closed', () => {
    const change = phaseChangeOf('n1', buckets, new Date('2026-04-15T00:00:00Z'));
    expect(change?.payload).toEqual({
      type: 'phase.changed',
      timestamp: '2026-04-01T00:00:00.000Z',
      data: { networkId: 'n1', phase: 'deepening', previousPhase: 'founding', bucket: { label: '2026-03', start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' } },
    });
    // The same change found again has the same id: it is delivered once.
    expect(phaseChangeOf('n1', buckets, new Date('2026-04-20T00:00:00Z'))?.eventId).toBe(change?.eventId);
  });

  it('ignores the open bucket, a steady phase and the first bucket of a history', () => {
    expect(phaseChangeOf('n1', buckets.slice(0, 2), new Date('2026-03-15T00:00:00Z'))).toBeUndefined();
    expect(phaseChangeOf('n1', buckets.slice(0, 1), new Date('2026-03-15T00:00:00Z'))).toBeUndefined();
    expect(phaseChangeOf('n1', buckets, new Date('2026-05-02T00:00:00Z'))?.payload.data).toMatchObject({ phase: 'settling', previousPhase: 'deepening' });
  });
});
