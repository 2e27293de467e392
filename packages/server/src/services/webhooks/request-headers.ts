/**
 * The headers every attempt of a delivery carries besides its signature: the worker sends them and the
 * deliveries API shows them, from this one place. `webhook-timestamp` and `webhook-signature` (Standard
 * Webhooks) are made per attempt at send time and not kept: the signature is useless to a reader, and the
 * signing secret never leaves the server.
 */
export function deliveryRequestHeaders(deliveryId: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Oriva-Webhooks/1',
    'webhook-id': deliveryId,
  };
}
