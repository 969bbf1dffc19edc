export * from './columns';
export * from './sheets';
export * from './import-plan';
export * from './network-map';
export * from './templates';
