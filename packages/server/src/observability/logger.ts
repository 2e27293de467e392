import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config/env.js';

/**
 * JSON logs. Credentials never reach a log line: request logs carry the path without its query
 * string, and these paths are redacted in case an object with them is ever logged.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
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
