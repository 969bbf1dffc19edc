export * from './decider-specification';
export * from './network.mother';
export * from './close-enough';
export * from './postgres';
