import { WebhookVerificationError } from './core/errors.js';
import type { HeadersGetter } from './core/types.js';

/** The parts of a fetch `Request` the verifier uses (Request, Next.js `NextRequest`, Hono's `c.req.raw`...). */
export interface RequestLike {
  readonly headers: HeadersGetter;
  readonly bodyUsed?: boolean;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function readRequestBody(request: RequestLike): Promise<Uint8Array> {
  if (request.bodyUsed) throw bodyUsed();
  try {
    return new Uint8Array(await request.arrayBuffer());
  } catch (error) {
    if (request.bodyUsed) throw bodyUsed(error);
    throw error;
  }
}

function bodyUsed(cause?: unknown): WebhookVerificationError {
  return new WebhookVerificationError(
    'body_not_raw',
    'The request body was already read before verification, so the raw body is gone. Verify first, or verify a copy: verifyRequest(request.clone(), secret).',
    { cause },
  );
}
