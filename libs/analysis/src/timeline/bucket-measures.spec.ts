import { UndirectedGraph } from 'graphology';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { networkMeasures } from '../measures/network-measures';
import { mulberry32 } from '../measures/engine/seeded-random';
import { bucketMeasures } from './bucket-measures';

describe('bucketMeasures', () => {
  it('equals networkMeasures on random graphs, exact and sampled betweenness alike', () => {
    const rng = mulberry32(77);
    for (let round = 0; round < 25; round++) {
      const n = Math.floor(rng() * 40);
      const p = rng() * 0.5;
      const graph = new UndirectedGraph();
      for (let i = 0; i < n; i++) graph.addNode(`m${i}`);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if (rng() < p) graph.addEdge(`m${i}`, `m${j}`, { strength: 1 + Math.floor(rng() * 6), deepestKind: INTERACTION_KINDS[Math.floor(rng() * 7)] });
        }
      }
      const options = round % 2 === 0 ? {} : { betweenness: { pivots: 5 } };
      const measures = bucketMeasures(graph, options);
      expect(measures).toEqual(networkMeasures(graph, options));
      if (n >= 10 && p > 0.3) expect(measures.maximalCliques).toBeGreaterThan(0);
    }
  });
});
