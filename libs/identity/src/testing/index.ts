export * from './identity-store.contract';
export * from './identity-fixture';
export * from './fake-oidc-provider';
