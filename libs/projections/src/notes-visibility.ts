import type { RecordedEvent } from '@solmu/event-store';
import { mayReadNotesOf, NetworkAccess } from '@solmu/network';
import type { InteractionRecord } from './interaction-log/interaction-log.projection';

/**
 * Applies the one notes rule (`mayReadNotesOf`: participants and coordinators) to what the read
 * side hands out: interaction records and raw events. Every route that can show an interaction's
 * free text goes through here, so the rule cannot differ from route to route.
 */
export function withVisibleNote(record: InteractionRecord, access: NetworkAccess): InteractionRecord {
  if (record.note === undefined || mayReadNotesOf(access, record.participants)) return record;
  const { note: _note, ...rest } = record;
  return rest;
}

/**
 * An interaction event without its note and reason unless the caller may read them. Logged and
 * corrected events name their participants; for a retraction, `participantsOf` gives them.
 */
export function eventWithVisibleNotes(event: RecordedEvent, access: NetworkAccess, participantsOf: (interactionId: string) => readonly string[]): RecordedEvent {
  const { note, reason, ...rest } = event.data as Record<string, unknown>;
  if ((note === undefined && reason === undefined) || event.data.interactionId === undefined) return event;
  const participants = Array.isArray(event.data.participants) ? (event.data.participants as string[]) : participantsOf(String(event.data.interactionId));
  return mayReadNotesOf(access, participants) ? event : { ...event, data: rest };
}
