import type { Principal } from './principal';

/** Where a command came from. Integrations add their own source names here. */
export const EVENT_SOURCES = ['web', 'api', 'cli', 'slack', 'teams', 'import', 'demo', 'system'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/**
 * Metadata recorded with every event: who acted, through which channel, and the
 * correlation/causation chain that ties an event to the request or event that caused it.
 */
export interface EventMetadata {
  actor: string;
  source: EventSource;
  correlationId?: string;
  causationId?: string;
  /** Client-supplied idempotency key and a hash of the request it came with. */
  idempotencyKey?: string;
  requestHash?: string;
  /** Schema version of the event's data, for upcasting. */
  schemaVersion?: number;
  [key: string]: unknown;
}

/** What a driving adapter hands to a command or query: who acts, through which channel. */
export interface CommandContext {
  principal: Principal;
  source: EventSource;
  correlationId?: string;
  idempotencyKey?: string;
  requestHash?: string;
}
