import type { Principal } from '../auth/principal.js';
import type { ServiceDeps } from '../core/deps.js';
import type { RateLimiter } from './rate-limit.js';

/** Everything a request handler may use, built once at start: what services use, and the rate limiter. */
export interface Deps extends ServiceDeps {
  rateLimiter: RateLimiter | undefined;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    /** Set by the stream route's admission step for its WebSocket handler. */
    streamRequest: unknown;
  };
}
