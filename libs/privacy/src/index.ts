export { ERASED, DATA_KEY_BYTES } from './key-store.port';
export type { Erased, DataKey, SubjectKey, KeyStore } from './key-store.port';
export {
  PersonalDataVault,
  KeyRing,
  SubjectErasedError,
  TamperedCiphertextError,
  MissingKeyError,
} from './personal-data-vault';
export type { PersonalDataVaultOptions } from './personal-data-vault';
export { PersonalDataPolicy, definePersonalDataPolicy, REMOVED } from './personal-data-policy';
export type { PersonalDataPolicyDefinition, EventTypePolicy, PersonalFieldRule, WhenErased, SubjectOf } from './personal-data-policy';
export { EncryptingEventStore } from './encrypting-event-store';
export { InMemoryKeyStore } from './adapters/in-memory-key-store';
export { openKeyStore } from './open-key-store';
export type { KeyStoreOptions } from './open-key-store';
