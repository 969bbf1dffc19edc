import type { NetworkSummary } from '../../api/views';
import { useOutbox } from '../../outbox/use-outbox';
import { LogForm } from './log-form';
import { OutboxPanel } from './outbox-panel';

/** The member's page: what waits to be sent (if anything), then the logging form. */
export function LogPage({ network }: { network: NetworkSummary }) {
  const outbox = useOutbox(network.id);
  return (
    <>
      <OutboxPanel outbox={outbox} />
      <LogForm key={network.id} network={network} keepForLater={outbox.keep} />
    </>
  );
}
