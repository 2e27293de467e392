import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.js';
import type { Config } from '../config/env.js';
import type { Metrics } from '../observability/metrics.js';
import type { SecretBox } from '../services/webhooks/secrets.js';
import type { LookupAll } from '../services/webhooks/url-policy.js';
import type { Storage } from '../storage/types.js';
import type { RateLimiter } from './rate-limit.js';

/** Everything a request handler may use, built once at start. */
export interface Deps {
  config: Config;
  storage: Storage;
  logger: Logger;
  metrics: Metrics;
  rateLimiter: RateLimiter | undefined;
  adminToken: string;
  verifyUserToken: (token: string) => Promise<{ userId: string }>;
  /** The HS256 user-token secret, when the server has one: the dev-only token endpoint signs with it. */
  jwtSecret?: string | undefined;
  /** DNS for webhook hosts, checked when saved and again on connect (injectable for tests). */
  lookupHost: LookupAll;
  /** Encrypts webhook secrets at rest when ORIVA_SECRET_KEY is set. */
  secretBox: SecretBox;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    /** Set by the stream route's admission step for its WebSocket handler. */
    streamRequest: unknown;
  };
}
