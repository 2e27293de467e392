import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config/env.js';

/**
 * JSON logs, to stdout unless a destination is given (tests read the lines). Credentials never reach
 * a log line: request logs carry the path without its query string, and these paths are redacted in
 * case an object with them is ever logged.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', 'api_key', 'auth'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
