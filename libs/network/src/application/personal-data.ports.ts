/**
 * What erasure needs from outside the write side: destroying data keys (crypto-shredding, in
 * `libs/privacy`) and knowing which interactions a member took part in (a read model).
 */
export interface PersonalDataEraser {
  /** Destroys the keys of these subjects; idempotent. */
  erase(subjectIds: string[]): Promise<void>;
}
export const PERSONAL_DATA_ERASER = Symbol('PERSONAL_DATA_ERASER');

export interface MemberInteractions {
  interactionIdsOf(networkId: string, memberId: string): Promise<string[]>;
}
export const MEMBER_INTERACTIONS = Symbol('MEMBER_INTERACTIONS');

/** Subjects whose keys protect personal data: a member's name and email; an interaction's note. */
export const memberSubject = (memberId: string): string => `member-${memberId}`;
export const interactionSubject = (interactionId: string): string => `interaction-${interactionId}`;
