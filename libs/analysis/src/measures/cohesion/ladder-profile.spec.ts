import { UndirectedGraph } from 'graphology';
import { INTERACTION_KINDS } from '@solmu/network/published';
import { ladderProfile } from './ladder-profile';

describe('ladder profile', () => {
  it('gives the share of ties at each deepest kind, every kind present, shallowest first', () => {
    // Given four ties: two acquaintances, one discussion, one co-development
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b', { deepestKind: 'acquainted' });
    graph.mergeEdge('a', 'c', { deepestKind: 'acquainted' });
    graph.mergeEdge('b', 'c', { deepestKind: 'discussed' });
    graph.mergeEdge('c', 'd', { deepestKind: 'co_developed' });
    // When profiled
    const profile = ladderProfile(graph);
    // Then
    expect(Object.keys(profile)).toEqual([...INTERACTION_KINDS]);
    expect(profile).toEqual({
      acquainted: 0.5,
      discussed: 0.25,
      exchanged_information: 0,
      explored_collaboration: 0,
      outlined_goals: 0,
      co_developed: 0.25,
      evaluated_learning: 0,
    });
  });

  it('is all zeros, not NaN, without ties', () => {
    const graph = new UndirectedGraph();
    graph.addNode('a');
    expect(Object.values(ladderProfile(graph))).toEqual(INTERACTION_KINDS.map(() => 0));
  });
});
