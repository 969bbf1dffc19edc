import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Me } from '../../api/views';

/**
 * Whether the signed-in person may see the whole network's picture (a coordinator; the API answers
 * 403 to a member), so the navigation offers it only to them. The API still decides every request.
 */
export function useSeesNetwork(networkId: string | undefined): boolean {
  const [sees, setSees] = useState(false);
  useEffect(() => {
    setSees(false);
    if (!networkId) return;
    let alive = true;
    void api.GET('/api/networks/{networkId}/me', { params: { path: { networkId } } }).then(({ data }) => alive && setSees(Boolean((data as Me | undefined)?.canManage)));
    return () => void (alive = false);
  }, [networkId]);
  return sees;
}
