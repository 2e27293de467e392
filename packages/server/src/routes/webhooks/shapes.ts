/** Webhooks and deliveries as the API shows them: never a signing secret. */
import { deliveryRequestHeaders } from '../../services/webhooks/request-headers.js';
import { publicSigningKeys } from '../../services/webhooks/signing-keys.js';
import type { DeliveryWithAttempts, WebhookRecord } from '../../storage/types.js';

export function publicWebhook(webhook: WebhookRecord) {
  const {
    webhook_secret: _secret,
    previous_secret: _previous,
    signing_key: _key,
    previous_signing_key: _previousKey,
    public_key: _publicKey,
    previous_public_key: _previousPublicKey,
    previous_signing_key_expires_at: _keyExpiry,
    ...visible
  } = webhook;
  return { ...visible, ...publicSigningKeys(webhook) };
}

export function publicDelivery(delivery: DeliveryWithAttempts) {
  return {
    id: delivery.id,
    webhook_id: delivery.webhook_id,
    event_id: delivery.event_id,
    event_type: delivery.event_type,
    status: delivery.status,
    replay: delivery.replay,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? delivery.next_attempt_at : null,
    created_at: delivery.created_at,
    updated_at: delivery.updated_at,
    request: {
      headers: deliveryRequestHeaders(delivery.id),
      payload: JSON.parse(delivery.payload) as Record<string, unknown>,
    },
    attempt_log: delivery.attempt_log.map((attempt) => ({
      attempt: attempt.delivery_attempt,
      delivered_at: attempt.delivered_at,
      success: attempt.success,
      status_code: attempt.status_code,
      response_time_ms: attempt.response_time_ms,
      response_body: attempt.response_body,
      response_headers: attempt.response_headers ? JSON.parse(attempt.response_headers) : null,
      error_message: attempt.error_message,
    })),
  };
}
