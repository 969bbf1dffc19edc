import { Forbidden, NotFound, Principal } from '@solmu/kernel';
import { accessTo, NetworkAccess, NetworkAction } from '../domain/access';
import { NetworkState } from '../domain/network.decider';

/**
 * The caller's access to a network, enforced: an invisible network is "not found" (ids do not
 * leak), a visible one where the action is not allowed is "forbidden".
 */
export function requireAccess(state: NetworkState, principal: Principal, action?: NetworkAction): NetworkAccess {
  const access = accessTo(state.id, { members: state.members.values(), settings: state.settings }, principal);
  if (!access.visible) throw new NotFound('network', state.id);
  if (action && !access.can(action)) throw new Forbidden(`you may not ${describe(action)} in this network`);
  return access;
}

const DESCRIPTIONS: Record<NetworkAction, string> = {
  'network:view': 'see this network',
  'network:manage': 'manage the network',
  'members:manage': 'manage members',
  'interactions:write-any': 'log interactions for others',
  'interactions:read-all': 'read every interaction',
  'analysis:read': 'see the network picture',
  'tips:read-all': 'see tips about others',
  'notes:read-all': 'read notes of others',
};

function describe(action: NetworkAction): string {
  return DESCRIPTIONS[action];
}
