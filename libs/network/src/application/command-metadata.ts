import { actorOf, CommandContext } from '@solmu/kernel';

/** The metadata every event of a command carries: who, from where, and which request. */
export function commandMetadata(context: CommandContext): Record<string, unknown> {
  return {
    actor: actorOf(context.principal),
    source: context.source,
    ...(context.correlationId && { correlationId: context.correlationId, causationId: context.correlationId }),
    ...(context.idempotencyKey && { idempotencyKey: context.idempotencyKey, requestHash: context.requestHash }),
  };
}
