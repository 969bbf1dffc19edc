export * from './decider-specification';
export * from './network.mother';
