import { egoLayout } from './ego-layout';

const distance = (p: { x: number; y: number }, size: number) => Math.hypot(p.x - size / 2, p.y - size / 2);

describe('egoLayout', () => {
  it('draws the closest contact nearest and each later one no nearer', () => {
    const placed = egoLayout(['a', 'b', 'c', 'd', 'e'], 400);
    const distances = placed.map((p) => distance(p, 400));
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (let i = 1; i < distances.length; i++) expect(distances[i]).toBeGreaterThan(distances[i - 1]);
    expect(distances[0]).toBeCloseTo(64, 0);
    expect(distances[4]).toBeCloseTo(120, 0);
  });

  it('keeps every contact inside the picture and apart from the others', () => {
    const placed = egoLayout(Array.from({ length: 30 }, (_, i) => `m${i}`), 400);
    for (const p of placed) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(400);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(400);
    }
    const keys = new Set(placed.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(keys.size).toBe(30);
  });

  it('puts a lone contact on the inner ring and draws nothing for none', () => {
    expect(distance(egoLayout(['a'], 400)[0], 400)).toBeCloseTo(64, 0);
    expect(egoLayout([], 400)).toEqual([]);
  });
});
