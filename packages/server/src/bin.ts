#!/usr/bin/env node
import { startupBanner } from './banner.js';
import { ConfigError } from './config/env.js';
import { startServer } from './server.js';

try {
  const server = await startServer();
  // `pnpm start` in the Oriva repository: the CLI is its `pnpm -s oriva` script there.
  const cli = process.env.npm_package_name === 'oriva' ? 'pnpm -s oriva' : 'oriva';
  process.stdout.write(`${startupBanner(server, { cli })}\n`);
  // A stop the operator asked for exits 0 once the server has closed cleanly (`pnpm start` prints
  // ELIFECYCLE for anything else). The listeners stay: under pnpm one Ctrl-C arrives twice (from the
  // terminal and forwarded by pnpm), and a second default SIGINT would kill the shutdown halfway.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal} received, shutting down…\n`);
    const forced = setTimeout(() => process.exit(1), 10_000).unref();
    server.close().then(
      () => {
        clearTimeout(forced);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    process.stderr.write(
      `Port already in use: ${(error as Error).message}. Stop the other server or set ORIVA_PORT to a free port.\n`,
    );
  } else {
    process.stderr.write(`Failed to start: ${(error as Error).stack ?? error}\n`);
  }
  process.exit(1);
}
