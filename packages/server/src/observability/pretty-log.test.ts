import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { prettyLogStream } from './pretty-log.js';

/** A pino logger like the server's, writing through the pretty stream into a string. */
function logger() {
  const sink = { text: '', write: (chunk: string) => (sink.text += chunk) };
  const log = pino({ base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, prettyLogStream(sink));
  return { log, sink };
}

describe('pretty log lines', () => {
  it('a request: time, method, path, status, duration, request id, then the rest', () => {
    const { log, sink } = logger();
    log.info({
      req_id: 'req_01ABC',
      method: 'POST',
      path: '/api/v1/apps',
      status: 201,
      duration_ms: 3.1,
      principal: 'admin',
    });
    expect(sink.text).toMatch(
      /^\d{2}:\d{2}:\d{2}\.\d{3} {2}POST {2}\/api\/v1\/apps {2}201 {2}3\.1 ms {2}req_01ABC {2}principal=admin\n$/,
    );
  });

  it('a message: time, level, text, fields; an error with its stack', () => {
    const { log, sink } = logger();
    log.info({ url: 'http://127.0.0.1:8787', dev: true }, 'oriva server listening');
    log.error({ err: new Error('boom'), req_id: 'req_2' }, 'unhandled error');
    const [listening, failed, stack] = sink.text.split('\n');
    expect(listening).toMatch(/ {2}INFO {2}oriva server listening {2}url=http:\/\/127\.0\.0\.1:8787 {2}dev=true$/);
    expect(failed).toMatch(/ {2}ERROR {2}unhandled error {2}req_2$/);
    expect(stack).toBe('Error: boom');
    expect(sink.text).not.toContain('{');
  });
});
