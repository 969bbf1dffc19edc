import { definePersonalDataPolicy, REMOVED } from '@solmu/privacy';
import { ERASED_MEMBER_NAME } from '../domain/network.events';
import { interactionSubject, memberSubject } from './personal-data.ports';

/**
 * Which fields of the network's events are personal data, whose they are, and what a reader sees
 * once they are erased. The event store encrypts these fields with the subject's key; erasure
 * destroys the key. Organisation names are not personal data and stay readable.
 */
const member = (data: Record<string, unknown>) => memberSubject(String(data.memberId));
const interaction = (data: Record<string, unknown>) => interactionSubject(String(data.interactionId));

export const NETWORK_PERSONAL_DATA = definePersonalDataPolicy({
  MemberJoined: { subject: member, fields: { name: ERASED_MEMBER_NAME, email: REMOVED } },
  MemberProfileChanged: { subject: member, fields: { 'changes.name': ERASED_MEMBER_NAME, 'changes.email': REMOVED } },
  MemberExternalIdsChanged: { subject: member, fields: { 'changes.slack': REMOVED, 'changes.teams': REMOVED, 'changes.teamsUser': REMOVED } },
  InteractionLogged: { subject: interaction, fields: { note: REMOVED } },
  InteractionCorrected: { subject: interaction, fields: { note: REMOVED, reason: REMOVED } },
  InteractionRetracted: { subject: interaction, fields: { reason: REMOVED } },
});
