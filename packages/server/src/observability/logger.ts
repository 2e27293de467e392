import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config/env.js';
import { prettyLogStream } from './pretty-log.js';

/**
 * JSON logs (one object per line), or the same lines rendered for a person with
 * `ORIVA_LOG_FORMAT=pretty` (the default in dev mode); to `destination` instead when given (tests read
 * the JSON lines). Credentials never reach a log line: request logs carry the path without its query
 * string, and these paths are redacted in case an object with them is ever logged.
 */
export function createLogger(
  level: Config['logLevel'],
  format: Config['logFormat'] = 'json',
  destination?: DestinationStream,
): Logger {
  const options: LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', 'api_key', 'auth'],
      censor: '[redacted]',
    },
  };
  const stream = destination ?? (format === 'pretty' ? prettyLogStream(process.stdout) : undefined);
  return stream ? pino(options, stream) : pino(options);
}
