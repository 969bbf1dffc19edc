/** A deterministic simulated network (founding → deepening → settling) for demonstrations and end-to-end tests. */
export { DEMO_MEMBERS, DEMO_NETWORK, FOUNDING_CIRCLES, THEME_GROUPS } from './demo-cast';
export type { DemoMember } from './demo-cast';
export { DEMO_DEFAULTS, DEMO_DURATION_DAYS, simulateDemoNetwork } from './simulate-demo-network';
export type { DemoCommand, DemoOptions } from './simulate-demo-network';
