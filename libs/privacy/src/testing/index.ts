export * from './key-store.contract';
export * from './member-like-events';
