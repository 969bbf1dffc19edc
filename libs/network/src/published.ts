/**
 * The network context's published language: its event types, vocabulary and stream names.
 * Pure TypeScript with no runtime dependencies, so the read side (analysis, projections,
 * integrations) can import it without pulling in the write side or Nest.
 */
export * from './domain/vocabulary';
export * from './domain/network.events';
export * from './domain/interaction.events';
export * from './domain/streams';
export * from './domain/access';
