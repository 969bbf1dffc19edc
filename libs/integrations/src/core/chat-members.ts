import type { FieldProblem } from '@solmu/kernel';
import { ExternalIdPlatform, ExternalIds } from '@solmu/network/published';
import { occurredAtOf, ParsedLog } from './log-grammar';

/** A member as the chat adapters see them (from the member list, with their chat identities). */
export interface ChatMember {
  id: string;
  name: string;
  externalIds?: ExternalIds;
  leftAt?: string;
  erased?: boolean;
}

/** How a platform's ids become stored identities (Slack adds the workspace to the user id). */
export interface IdentityScheme {
  platform: 'slack' | 'teams';
  /** The sender's identity as stored, and on which field. */
  sender: { platform: ExternalIdPlatform; id: string }[];
  /** A mentioned user's stored identity. */
  mention: (platformUserId: string) => { platform: ExternalIdPlatform; id: string };
}

/** The fields of the API's LogInteraction request. */
export interface LogInteractionInput {
  kind: string;
  participants: string[];
  occurredAt: string;
  channel: 'chat';
  note?: string;
}

export type Resolution = { ok: true; sender: ChatMember; input: LogInteractionInput; names: Map<string, string> } | { ok: false; problems: FieldProblem[] };

const LINK_HINT: Record<IdentityScheme['platform'], string> = { slack: 'type "/solmu link"', teams: 'write "@Solmu link"' };

/** The member linked to a chat identity, among the active ones. */
export function memberByIdentity(members: readonly ChatMember[], platform: ExternalIdPlatform, id: string): ChatMember | undefined {
  const wanted = platform === 'teams' ? id.toLowerCase() : id;
  return members.find((m) => m.leftAt === undefined && !m.erased && m.externalIds?.[platform] === wanted);
}

/** The sender, whichever of their identities the platform sent is linked. */
export function senderOf(members: readonly ChatMember[], scheme: IdentityScheme): ChatMember | undefined {
  for (const { platform, id } of scheme.sender) {
    const found = memberByIdentity(members, platform, id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Turns a parsed chat message into the API's LogInteraction input: the sender and everyone mentioned
 * become participants. Anyone not linked to a member is named, with how to link them.
 */
export function resolveChatLog(log: ParsedLog, members: readonly ChatMember[], scheme: IdentityScheme, today: string, now: Date): Resolution {
  const problems: FieldProblem[] = [];
  const sender = senderOf(members, scheme);
  if (!sender) problems.push({ field: 'actor', problem: `you are not linked to a member of this network yet; ${LINK_HINT[scheme.platform]} first` });
  const participants = sender ? [sender.id] : [];
  const names = new Map<string, string>(sender ? [[sender.id, sender.name]] : []);
  log.mentions.forEach((mentioned, i) => {
    const { platform, id } = scheme.mention(mentioned);
    const member = memberByIdentity(members, platform, id);
    if (!member) {
      problems.push({ field: `participants[${i + 1}]`, problem: `${mentioned} is not linked to a member of this network (they can ${LINK_HINT[scheme.platform]}, or a coordinator can set their externalIds)` });
      return;
    }
    names.set(member.id, member.name);
    if (!participants.includes(member.id)) participants.push(member.id);
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    sender: sender!,
    names,
    input: { kind: log.kind, participants, occurredAt: occurredAtOf(log.date, today, now), channel: 'chat', ...(log.note && { note: log.note }) },
  };
}
