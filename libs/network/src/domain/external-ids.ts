import { FieldProblem, StateConflict } from '@solmu/kernel';
import type { ExternalIdPlatform, ExternalIds } from './network.events';
import { EXTERNAL_ID_PLATFORMS } from './network.events';

/**
 * The shapes of chat identities, checked before they are stored so that a typo does not silently
 * link nobody. Slack ids are upper-case letters and digits (team T… or enterprise E…, user U… or W…);
 * an Entra object id is a GUID (stored lower-case); a Teams user id starts with `29:`.
 */
const SHAPES: Record<ExternalIdPlatform, { pattern: RegExp; describe: string; normalise: (value: string) => string }> = {
  slack: { pattern: /^[TE][A-Z0-9]{1,30}:[UW][A-Z0-9]{1,30}$/, describe: '"<team id>:<user id>", e.g. "T0123ABC:U0456DEF"', normalise: (v) => v },
  teams: {
    pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    describe: 'an Entra (AAD) object id, a GUID such as "6b3f2c1e-8d7a-4e5b-9c0d-1a2b3c4d5e6f"',
    normalise: (v) => v.toLowerCase(),
  },
  teamsUser: { pattern: /^29:[A-Za-z0-9_\-.:+/=]{1,300}$/, describe: 'a Teams user id starting with "29:"', normalise: (v) => v },
};

export type ExternalIdChanges = Partial<Record<ExternalIdPlatform, string | null>>;

/** Checks and normalises requested changes; problems name the field as `externalIds.<platform>`. */
export function cleanExternalIds(requested: Record<string, unknown>, problems: FieldProblem[]): ExternalIdChanges {
  const changes: ExternalIdChanges = {};
  for (const [platform, value] of Object.entries(requested)) {
    const field = `externalIds.${platform}`;
    if (!(EXTERNAL_ID_PLATFORMS as readonly string[]).includes(platform)) {
      problems.push({ field, problem: `is not a known platform (${EXTERNAL_ID_PLATFORMS.join(', ')})` });
      continue;
    }
    const key = platform as ExternalIdPlatform;
    if (value === undefined) continue;
    if (value === null) {
      changes[key] = null;
      continue;
    }
    const shape = SHAPES[key];
    const text = typeof value === 'string' ? shape.normalise(value.trim()) : '';
    if (!shape.pattern.test(text)) problems.push({ field, problem: `must be ${shape.describe} (got ${JSON.stringify(value)})` });
    else changes[key] = text;
  }
  return changes;
}

export interface MemberWithExternalIds {
  id: string;
  externalIds?: ExternalIds;
  leftAt?: string;
  erased?: boolean;
}

/** The active member (not left, not erased) known by this identity, if any. */
export function memberByExternalId<M extends MemberWithExternalIds>(members: Iterable<M>, platform: ExternalIdPlatform, externalId: string): M | undefined {
  const wanted = SHAPES[platform].normalise(externalId);
  for (const member of members) {
    if (member.leftAt === undefined && !member.erased && member.externalIds?.[platform] === wanted) return member;
  }
  return undefined;
}

/**
 * One identity belongs to at most one active member per network. Coordinators are told which member
 * holds it; a member linking themselves is not (it would reveal another person's account).
 */
export function requireFreeExternalIds(
  members: Iterable<MemberWithExternalIds>,
  memberId: string,
  changes: ExternalIdChanges,
  { revealHolder }: { revealHolder: boolean },
): void {
  const all = [...members];
  for (const platform of EXTERNAL_ID_PLATFORMS) {
    const value = changes[platform];
    if (!value) continue;
    const holder = memberByExternalId(all, platform, value);
    if (holder && holder.id !== memberId) {
      const message = revealHolder ? `${value} already belongs to member ${holder.id}` : 'this identity is already linked to another member of this network';
      throw new StateConflict('external_id_taken', message, `externalIds.${platform}`);
    }
  }
}

/** Only the changes that differ from what the member has now. */
export function effectiveChanges(current: ExternalIds | undefined, changes: ExternalIdChanges): ExternalIdChanges {
  const effective: ExternalIdChanges = {};
  for (const platform of EXTERNAL_ID_PLATFORMS) {
    const value = changes[platform];
    if (value === undefined) continue;
    if ((current?.[platform] ?? null) !== value) effective[platform] = value;
  }
  return effective;
}

/** The identities after the changes: a `null` removes one. */
export function applyExternalIdChanges(current: ExternalIds | undefined, changes: ExternalIdChanges): ExternalIds | undefined {
  const next: ExternalIds = { ...current };
  for (const platform of EXTERNAL_ID_PLATFORMS) {
    const value = changes[platform];
    if (value === null) delete next[platform];
    else if (value !== undefined) next[platform] = value;
  }
  return Object.keys(next).length ? next : undefined;
}
