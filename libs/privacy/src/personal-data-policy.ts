import type { EventData } from '@solmu/event-store';

/**
 * Which fields of which events hold personal data, whose data it is, and what a reader sees once
 * that person is erased. The {@link EncryptingEventStore} reads it to seal those fields on append
 * and open them on read; events of types the policy does not name pass through untouched.
 *
 * Paths are dotted object paths into the event's `data` (`name`, `changes.email`); arrays are not
 * traversed. Never drop a path from the policy while stored events still carry it sealed: readers
 * would then see the sealed string instead of the plaintext.
 */

/** After erasure the field is removed from the event's data, as if it had never been set. */
export const REMOVED: unique symbol = Symbol('solmu.privacy.removed');

/** What a reader sees of a personal field once its subject is erased: a stand-in value, or {@link REMOVED}. */
export type WhenErased = string | null | typeof REMOVED;

/** The subject (key owner) of an event's personal data, from the event's data: `member-<memberId>`. */
export type SubjectOf = (data: EventData) => string;

export interface PersonalFieldRule {
  whenErased: WhenErased;
  /** Whose data this field is, when not the event type's subject. */
  subject?: SubjectOf;
}

export interface EventTypePolicy {
  /** Whose personal data the event's fields are (each field may name its own instead). */
  subject?: SubjectOf;
  /** The personal fields by path, each with what a reader sees after erasure. */
  fields: Readonly<Record<string, WhenErased | PersonalFieldRule>>;
}

/** Policies by event type. */
export type PersonalDataPolicyDefinition = Readonly<Record<string, EventTypePolicy>>;

/** A personal field of one event type, compiled for the hot path. */
export interface PersonalField {
  path: string;
  segments: readonly string[];
  subject: SubjectOf;
  whenErased: WhenErased;
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** A checked, compiled {@link PersonalDataPolicyDefinition}. */
export class PersonalDataPolicy {
  private readonly byType: ReadonlyMap<string, readonly PersonalField[]>;

  /**
   * One policy for a store that holds the events of several contexts (each defines its own); a type
   * named by two of them is a mistake and throws at start-up.
   */
  static combine(...policies: PersonalDataPolicy[]): PersonalDataPolicy {
    const definition: Record<string, EventTypePolicy> = {};
    for (const policy of policies) {
      for (const [type, rules] of Object.entries(policy.definition)) {
        if (type in definition) throw new Error(`Two personal-data policies name ${type}`);
        definition[type] = rules;
      }
    }
    return new PersonalDataPolicy(definition);
  }

  constructor(private readonly definition: PersonalDataPolicyDefinition) {
    const byType = new Map<string, readonly PersonalField[]>();
    for (const [type, policy] of Object.entries(definition)) {
      const fields = Object.entries(policy.fields).map(([path, rule]): PersonalField => {
        const segments = path.split('.');
        if (segments.some((s) => s === '' || FORBIDDEN_SEGMENTS.has(s))) throw new Error(`Policy for ${type}: ${JSON.stringify(path)} is not a valid path`);
        const { whenErased, subject }: PersonalFieldRule = isRule(rule) ? rule : { whenErased: rule };
        const subjectOf = subject ?? policy.subject;
        if (!subjectOf) throw new Error(`Policy for ${type}: field ${path} has no subject (give the type or the field one)`);
        return { path, segments, subject: subjectOf, whenErased };
      });
      if (fields.length > 0) byType.set(type, fields);
    }
    this.byType = byType;
  }

  /** The personal fields of an event type; undefined when it has none. */
  fieldsOf(type: string): readonly PersonalField[] | undefined {
    return this.byType.get(type);
  }

  /** The event types that carry personal data. */
  get eventTypes(): string[] {
    return [...this.byType.keys()];
  }
}

/** Builds a policy; throws at start-up on a malformed path or a field without a subject. */
export function definePersonalDataPolicy(definition: PersonalDataPolicyDefinition): PersonalDataPolicy {
  return new PersonalDataPolicy(definition);
}

function isRule(rule: WhenErased | PersonalFieldRule): rule is PersonalFieldRule {
  return typeof rule === 'object' && rule !== null;
}

/** The value at a path, or undefined when any step is missing or not an object. */
export function valueAt(data: EventData, segments: readonly string[]): unknown {
  let node: unknown = data;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * A copy of `data` with the value at `segments` replaced (or removed, for {@link REMOVED}); only
 * the objects along the path are copied, the rest is shared. The path must exist.
 */
export function withValueAt(data: EventData, segments: readonly string[], value: unknown): EventData {
  const [head, ...rest] = segments;
  const copy: Record<string, unknown> = { ...data };
  if (rest.length === 0) {
    if (value === REMOVED) delete copy[head];
    else copy[head] = value;
  } else {
    copy[head] = withValueAt(copy[head] as EventData, rest, value);
  }
  return copy;
}
