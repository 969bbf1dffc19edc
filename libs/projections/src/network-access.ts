import { Injectable } from '@nestjs/common';
import { Forbidden, NotFound, Principal } from '@solmu/kernel';
import { accessTo, NetworkAccess, NetworkAction } from '@solmu/network';
import { NetworkDirectory } from './network-directory/network-directory.projection';
import { ProjectionRunner } from './projection-runner';

/**
 * The same access rules as the write side, applied to queries from the directory read model:
 * an invisible network is "not found", a visible one without the right is "forbidden". It also
 * brings the read models up to the store's head first, so callers read their own writes.
 */
@Injectable()
export class ReadAccess {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly directory: NetworkDirectory,
  ) {}

  async to(networkId: string, principal: Principal, action?: NetworkAction): Promise<NetworkAccess> {
    await this.runner.catchUpToHead();
    const membership = this.directory.membership(networkId);
    const access = membership ? accessTo(networkId, membership, principal) : undefined;
    if (!access?.visible) throw new NotFound('network', networkId);
    if (action && !access.can(action)) throw new Forbidden('you may not see this in this network');
    return access;
  }

  /** Networks the caller can see. */
  async visibleNetworkIds(principal: Principal): Promise<Set<string>> {
    await this.runner.catchUpToHead();
    const ids = this.directory
      .list()
      .filter((n) => accessTo(n.id, this.directory.membership(n.id)!, principal).visible)
      .map((n) => n.id);
    return new Set(ids);
  }
}
