/**
 * Stream names, one place. The category comes before the first dash, as EventStoreDB's `$ce-`
 * projections expect.
 */
export const NETWORK_CATEGORY = 'network';
export const INTERACTION_CATEGORY = 'interaction';

export const networkStream = (networkId: string): string => `${NETWORK_CATEGORY}-${networkId}`;
export const interactionStream = (interactionId: string): string => `${INTERACTION_CATEGORY}-${interactionId}`;

export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
