/** DI tokens of the identity library (services are injected by their class). */
export const IDENTITY_STORE = Symbol('IDENTITY_STORE');
export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
