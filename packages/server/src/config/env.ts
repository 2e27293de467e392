import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config-error.js';
import { parseRateLimits, type RateLimitRules } from './rate-limits.js';

export { ConfigError } from './config-error.js';
export {
  DEFAULT_RATE_LIMITS,
  DEV_RATE_LIMITS,
  type RateLimitCategory,
  type RateLimitRule,
  type RateLimitRules,
} from './rate-limits.js';

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => ['', '0', '1', 'true', 'false', 'yes', 'no', 'on', 'off'].includes(value), {
    message: 'must be one of 1, 0, true, false, yes, no, on, off',
  })
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const EnvSchema = z.object({
  ORIVA_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  ORIVA_HOST: optionalString,
  ORIVA_DATA_DIR: z.string().trim().min(1).default('./.oriva'),
  ORIVA_DEV: booleanFlag.default(false),
  ORIVA_ADMIN_TOKEN: optionalString.pipe(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
  ORIVA_JWT_SECRET: optionalString.pipe(z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
  ORIVA_JWT_JWKS_URL: optionalString.pipe(z.url({ message: 'must be an absolute URL' }).optional()),
  ORIVA_JWT_ISSUER: optionalString,
  ORIVA_JWT_AUDIENCE: optionalString,
  ORIVA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ORIVA_LOG_FORMAT: optionalString.pipe(z.enum(['json', 'pretty']).optional()),
  ORIVA_STALL_TRACE: booleanFlag.default(false),
  ORIVA_RATE_LIMITS: optionalString,
  ORIVA_TRUST_PROXY: booleanFlag.default(false),
  ORIVA_CORS_ORIGINS: optionalString,
  ORIVA_EXPIRY_SWEEP_SECONDS: z.coerce.number().min(0.05).max(86_400).default(30),
  ORIVA_SECRET_KEY: optionalString.pipe(z.string().min(16, { message: 'must be at least 16 characters' }).optional()),
  ORIVA_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  ORIVA_WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(100_000).default(100),
  ORIVA_WEBHOOK_BACKOFF_SCALE: z.coerce.number().min(0.0001).max(100).default(1),
  ORIVA_WEBHOOK_ALLOW_PRIVATE: booleanFlag.optional(),
  ORIVA_WEBHOOK_ALLOWED_HOSTS: optionalString,
  ORIVA_WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(10_000).default(64),
  ORIVA_WEBHOOK_ENDPOINT_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(16),
  ORIVA_STREAM_HEARTBEAT_SECONDS: z.coerce.number().min(0.05).max(3600).default(30),
  ORIVA_STREAM_MAX_REPLAY: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  ORIVA_STREAM_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(1_048_576),
  ORIVA_STREAM_ORIGINS: optionalString,
  ORIVA_DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
      .optional(),
  ),
  ORIVA_DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier such as public or oriva' })
    .default('public'),
  ORIVA_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  // Off for poolers that cannot keep named statements across transactions (PgBouncer's transaction mode before 1.21).
  ORIVA_DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
  // Bounds on waiting for PostgreSQL, so that a dead or stalled database fails requests (503) instead of queueing them.
  ORIVA_DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
  ORIVA_DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(30_000),
  ORIVA_REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, { message: 'must be a redis:// or rediss:// URL' })
      .optional(),
  ),
  ORIVA_REDIS_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, { message: 'must be 1-64 characters of letters, digits and : _ . -' })
    .default('oriva:'),
  ORIVA_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(183),
  ORIVA_ARCHIVE_DIR: optionalString,
  ORIVA_INBOX: booleanFlag.optional(),
  ORIVA_CONSOLE: booleanFlag.default(true),
  ORIVA_CONSOLE_FRAME_ANCESTORS: optionalString.pipe(
    z
      .string()
      .regex(/^(?:https?:\/\/[A-Za-z0-9.:[\]-]+)(?:[ ,]+https?:\/\/[A-Za-z0-9.:[\]-]+)*$/, {
        message: 'must be origins such as https://dashboard.example, separated by commas',
      })
      .optional(),
  ),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  dev: boolean;
  adminToken: string | undefined;
  jwt: {
    secret: string | undefined;
    jwksUrl: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  logLevel: z.infer<typeof EnvSchema>['ORIVA_LOG_LEVEL'];
  /** Log a per-second account of event-loop delay, GC and the slowest write/delivery steps (finding latency spikes). */
  stallTrace: boolean;
  /** `json` lines for log collectors, or `pretty` lines for a person (the default in dev mode). */
  logFormat: 'json' | 'pretty';
  /** `undefined` when rate limiting is off (`ORIVA_RATE_LIMITS=off`); dev mode's table is 100× production's. */
  rateLimits: RateLimitRules | undefined;
  trustProxy: boolean;
  /** Browser origins allowed to call the API from another origin; `['*']` allows any. */
  corsOrigins: string[];
  /** How often expired notifications are recorded as such (and their events stored). */
  expirySweepSeconds: number;
  /** Encrypts webhook secrets at rest when set. */
  secretKey: string | undefined;
  webhooks: {
    timeoutMs: number;
    disableAfter: number;
    /** Multiplies every retry delay: 1 in production, small in tests. */
    backoffScale: number;
    /** http and private addresses allowed (dev mode by default): for local receivers. */
    allowPrivate: boolean;
    allowedHosts: string[];
    concurrency: number;
    endpointConcurrency: number;
  };
  stream: {
    heartbeatSeconds: number;
    /** Missed events a resume replays at most; beyond it the client must resync from the REST API. */
    maxReplay: number;
    /** Unsent bytes a client may fall behind before it is closed as a slow consumer. */
    maxBufferedBytes: number;
    /** Browser origins allowed to open the stream (`*` for any); requests without Origin are not browsers. */
    origins: string[];
  };
  /** PostgreSQL instead of the embedded SQLite file, for several instances. */
  database:
    | {
        url: string;
        schema: string;
        poolSize: number;
        preparedStatements: boolean;
        connectTimeoutMs: number;
        statementTimeoutMs: number;
      }
    | undefined;
  /** Redis carries the stream between instances and shares the rate limits. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  redisPrefix: string;
  /** Events and delivery logs older than this many days are pruned (0 keeps everything). */
  retentionDays: number;
  /**
   * Where retention archives events before deleting them (gzipped NDJSON per app and month, with a
   * manifest); `undefined` deletes without an archive.
   */
  archiveDir: string | undefined;
  /** Serves the notification center page at /inbox (on by default in dev mode). */
  inbox: boolean;
  /** Serves the developer console at /console (on by default; it holds no credential of its own). */
  console: boolean;
  /** Origins allowed to embed /console in a frame (its CSP `frame-ancestors`); none by default. */
  consoleFrameAncestors: string[];
}

/**
 * Reads and validates the server's environment. Throws a `ConfigError` naming every bad variable,
 * so a typo stops the server at start instead of surfacing as odd behaviour later.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `  ${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const values = parsed.data;
  // Generated secrets live in one instance's data directory; instances sharing a database must share them.
  if (values.ORIVA_DATABASE_URL && !values.ORIVA_DEV) {
    const missing = [
      ...(values.ORIVA_ADMIN_TOKEN ? [] : ['ORIVA_ADMIN_TOKEN']),
      ...(values.ORIVA_JWT_SECRET || values.ORIVA_JWT_JWKS_URL ? [] : ['ORIVA_JWT_SECRET (or ORIVA_JWT_JWKS_URL)']),
    ];
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n  ${missing.join(', ')}: required with ORIVA_DATABASE_URL, so that every instance accepts the same tokens (see docs/deploy.md)`,
      );
    }
  }
  return {
    port: values.ORIVA_PORT,
    // Dev mode listens on loopback only; production listens everywhere, as a container expects.
    host: values.ORIVA_HOST ?? (values.ORIVA_DEV ? '127.0.0.1' : '0.0.0.0'),
    dataDir: resolve(cwd, values.ORIVA_DATA_DIR),
    dev: values.ORIVA_DEV,
    adminToken: values.ORIVA_ADMIN_TOKEN,
    jwt: {
      secret: values.ORIVA_JWT_SECRET,
      jwksUrl: values.ORIVA_JWT_JWKS_URL,
      issuer: values.ORIVA_JWT_ISSUER,
      audience: values.ORIVA_JWT_AUDIENCE,
    },
    logLevel: values.ORIVA_LOG_LEVEL,
    stallTrace: values.ORIVA_STALL_TRACE,
    logFormat: values.ORIVA_LOG_FORMAT ?? (values.ORIVA_DEV ? 'pretty' : 'json'),
    rateLimits: parseRateLimits(values.ORIVA_RATE_LIMITS, values.ORIVA_DEV),
    trustProxy: values.ORIVA_TRUST_PROXY,
    // Dev mode serves pages on other local ports (the examples), so it allows any origin by default.
    corsOrigins: values.ORIVA_CORS_ORIGINS
      ? values.ORIVA_CORS_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : values.ORIVA_DEV
        ? ['*']
        : [],
    expirySweepSeconds: values.ORIVA_EXPIRY_SWEEP_SECONDS,
    secretKey: values.ORIVA_SECRET_KEY,
    webhooks: {
      timeoutMs: values.ORIVA_WEBHOOK_TIMEOUT_MS,
      disableAfter: values.ORIVA_WEBHOOK_DISABLE_AFTER,
      backoffScale: values.ORIVA_WEBHOOK_BACKOFF_SCALE,
      allowPrivate: values.ORIVA_WEBHOOK_ALLOW_PRIVATE ?? values.ORIVA_DEV,
      allowedHosts: (values.ORIVA_WEBHOOK_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
      concurrency: values.ORIVA_WEBHOOK_CONCURRENCY,
      endpointConcurrency: values.ORIVA_WEBHOOK_ENDPOINT_CONCURRENCY,
    },
    stream: {
      heartbeatSeconds: values.ORIVA_STREAM_HEARTBEAT_SECONDS,
      maxReplay: values.ORIVA_STREAM_MAX_REPLAY,
      maxBufferedBytes: values.ORIVA_STREAM_MAX_BUFFERED_BYTES,
      origins: values.ORIVA_STREAM_ORIGINS
        ? values.ORIVA_STREAM_ORIGINS.split(',')
            .map((origin) => origin.trim())
            .filter(Boolean)
        : values.ORIVA_DEV
          ? ['*']
          : [],
    },
    database: values.ORIVA_DATABASE_URL
      ? {
          url: values.ORIVA_DATABASE_URL,
          schema: values.ORIVA_DATABASE_SCHEMA,
          poolSize: values.ORIVA_DATABASE_POOL_SIZE,
          preparedStatements: values.ORIVA_DATABASE_PREPARED_STATEMENTS,
          connectTimeoutMs: values.ORIVA_DATABASE_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: values.ORIVA_DATABASE_STATEMENT_TIMEOUT_MS,
        }
      : undefined,
    redisUrl: values.ORIVA_REDIS_URL,
    redisPrefix: values.ORIVA_REDIS_PREFIX,
    retentionDays: values.ORIVA_RETENTION_DAYS,
    archiveDir: values.ORIVA_ARCHIVE_DIR ? resolve(cwd, values.ORIVA_ARCHIVE_DIR) : undefined,
    inbox: values.ORIVA_INBOX ?? values.ORIVA_DEV,
    console: values.ORIVA_CONSOLE,
    consoleFrameAncestors: values.ORIVA_CONSOLE_FRAME_ANCESTORS?.split(/[ ,]+/).filter(Boolean) ?? [],
  };
}
