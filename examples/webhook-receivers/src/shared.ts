import { pathToFileURL } from 'node:url';
import type { WebhookPayload } from '@oriva/sdk';

/**
 * What every Oriva webhook delivery carries (docs/webhooks.md, "What a delivery looks like"): the contract's
 * `WebhookPayload`. `event_type` is the qualified name (`notification.dismissed`); for notifications `entity_id` is
 * your own `external_id`.
 */
export type OrivaEvent = WebhookPayload;

export interface ReceiverOptions {
  /** The webhook's `whsec_…` secret (several during a rotation). */
  secret: string | string[];
  /** Called with each verified event, after the 2xx answer has been sent. */
  onEvent: (event: OrivaEvent) => void | Promise<void>;
}

/**
 * Runs `onEvent` after the response: Oriva only needs a quick 2xx, and slow work must not hold the
 * delivery open (it would time out and be retried).
 */
export function handOff(onEvent: ReceiverOptions['onEvent'], event: OrivaEvent): void {
  Promise.resolve()
    .then(() => onEvent(event))
    .catch((error: unknown) => console.error(`handling ${event.type} ${event.id} failed:`, error));
}

/** The secret from the environment, or a clear exit. */
export function secretFromEnv(): string {
  const secret = process.env.ORIVA_WEBHOOK_SECRET;
  if (!secret) {
    console.error('Set ORIVA_WEBHOOK_SECRET to the whsec_… secret Oriva returned when you created the webhook.');
    process.exit(1);
  }
  return secret;
}

export const logEvent = (event: OrivaEvent) => console.log(`verified ${event.type} ${event.entity_id} (${event.id})`);

export const port = () => Number(process.env.PORT ?? 3000);

/** True when the module is the script being run (`tsx src/express.ts`), not imported. */
export const isMain = (importMetaUrl: string) =>
  process.argv[1] !== undefined && importMetaUrl === pathToFileURL(process.argv[1]).href;
