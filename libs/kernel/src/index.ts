export * from './clock';
export * from './id-generator';
export * from './domain-error';
export * from './event-metadata';
export * from './principal';
export * from './time-zone';
export * from './date-input';
