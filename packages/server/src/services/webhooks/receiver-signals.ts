/**
 * What a receiver may ask in its answer, by Svix's convention: the response header
 * `webhook-delivery: disable` turns the webhook off (as 410 Gone does), `webhook-delivery:
 * abort-message` stops retrying this one delivery. Values are comma-separated and case-insensitive;
 * unknown ones are ignored. Documented in docs/webhooks.md ("Receiver signals").
 */
export const RECEIVER_SIGNAL_HEADER = 'webhook-delivery';

export interface ReceiverSignals {
  disable: boolean;
  abortMessage: boolean;
  /** The header as received, for the log. */
  header: string | undefined;
}

export function receiverSignals(headers: Readonly<Record<string, string>> | null): ReceiverSignals {
  const header = headers?.[RECEIVER_SIGNAL_HEADER];
  const values = new Set((header ?? '').split(',').map((value) => value.trim().toLowerCase()));
  return { disable: values.has('disable'), abortMessage: values.has('abort-message'), header };
}
