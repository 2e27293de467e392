#!/usr/bin/env node
import { startupBanner } from './banner.js';
import { ConfigError } from './config/env.js';
import { startServer } from './server.js';

try {
  const server = await startServer();
  process.stdout.write(`${startupBanner(server)}\n`);
  const shutdown = (signal: string) => {
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
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
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
