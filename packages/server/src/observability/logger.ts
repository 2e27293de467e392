import pino, { type Logger } from 'pino';
import type { Config } from '../config/env.js';
import { prettyLogStream } from './pretty-log.js';

/**
 * JSON logs (one object per line), or the same lines rendered for a person with
 * `ORIVA_LOG_FORMAT=pretty` (the default in dev mode). Credentials never reach a log line: request
 * logs carry the path without its query string, and these paths are redacted in case an object with
 * them is ever logged.
 */
export function createLogger(level: Config['logLevel'], format: Config['logFormat'] = 'json'): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', 'api_key', 'auth'],
      censor: '[redacted]',
    },
  };
  return format === 'pretty' ? pino(options, prettyLogStream(process.stdout)) : pino(options);
}
