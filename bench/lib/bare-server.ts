/**
 * How the bare Hono ceilings serve their app the way the harness expects: on 127.0.0.1 at `BENCH_PORT`, a `listening`
 * line on stdout, a prompt exit on SIGTERM or SIGINT.
 */
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** Serves `app` on 127.0.0.1 at `BENCH_PORT` until SIGTERM or SIGINT. */
export function serveOnBenchPort(app: Hono, name: string): void {
  const port = Number(process.env.BENCH_PORT ?? '0');
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`${name} listening on 127.0.0.1:${info.port}\n`);
  });
  const shutdown = () => {
    server.close();
    // Keep-alive sockets from the load generator may hold close() open; do not linger.
    setTimeout(() => process.exit(0), 500).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
