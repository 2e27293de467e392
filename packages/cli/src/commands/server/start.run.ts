import { localDataDir } from '../../config.js';
import { UserError } from '../../errors.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler } from '../define.js';
import type { declaration } from './start.js';

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const env: Record<string, string | undefined> = { ...ctx.env };
  if (options.port !== undefined) env.ORIVA_PORT = String(options.port);
  if (options.host !== undefined) env.ORIVA_HOST = options.host;
  if (options.dev) env.ORIVA_DEV = '1';
  // --json promises NDJSON on stdout: the server's log lines too, even in dev mode.
  if (ctx.json && !env.ORIVA_LOG_FORMAT) env.ORIVA_LOG_FORMAT = 'json';
  // Relative paths are relative to where oriva runs: the admin-token fallback looks there too.
  env.ORIVA_DATA_DIR = localDataDir(env, ctx.cwd, options.dataDir);

  const shutdown = stopRequested(ctx);
  try {
    const serverModule = await import('@oriva/server');
    let server: Awaited<ReturnType<typeof serverModule.startServer>>;
    try {
      server = await serverModule.startServer({ env });
    } catch (error) {
      throw startFailure(error, env, serverModule.ConfigError);
    }

    if (ctx.json) {
      // One compact line: the server's own JSON log lines may follow on stdout (NDJSON).
      ctx.write(
        `${JSON.stringify({
          url: server.url,
          port: server.port,
          data_dir: server.config.dataDir,
          dev: server.config.dev,
          admin_token_file: server.adminTokenFile ?? null,
        })}\n`,
      );
    } else {
      ctx.write(`${serverModule.startupBanner(server, { cwd: ctx.cwd, env: ctx.env, cli: ctx.command })}\n`);
      ctx.write(ctx.out.dim('Press Ctrl-C to stop.\n'));
    }

    const reason = await shutdown.wait;
    if (!ctx.json) ctx.note(`${reason === 'abort' ? 'Stopping' : `${reason}: stopping`} the server…`);
    await server.close();
    if (!ctx.json) ctx.note('Server stopped.');
    return 0;
  } finally {
    shutdown.dispose();
  }
};

function startFailure(
  error: unknown,
  env: Record<string, string | undefined>,
  configError: new (...args: never[]) => Error,
): unknown {
  if (error instanceof configError) {
    // "Invalid configuration:\n  ORIVA_PORT: …" – the lines already name each variable.
    const [first = 'invalid configuration', ...rest] = error.message.split('\n');
    return new UserError(first.replace(/:$/, '').replace(/^Invalid/, 'invalid'), {
      details: rest.map((line) => line.trim()),
      hint: 'fix the environment variables (or the matching --port, --host, --data-dir flags) listed above',
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    const port = env.ORIVA_PORT ?? '8787';
    return new UserError(`port ${port} is already in use`, {
      hint: 'another server is running there: stop it, or pick another port with --port (0 = any free port)',
      cause: error,
    });
  }
  if (code === 'EACCES') {
    return new UserError(`not allowed to listen on port ${env.ORIVA_PORT ?? '8787'}`, {
      hint: 'ports below 1024 need privileges: choose a higher --port',
      cause: error,
    });
  }
  return error;
}
