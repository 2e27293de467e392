import { spawn } from 'node:child_process';
import { createClient, requireAppId } from '../../client.js';
import { parseDuration } from '../../duration.js';
import { UsageError } from '../../errors.js';
import { escapeTerminal as safe, shortTime } from '../../output.js';
import type { Handler } from '../define.js';
import type { declaration } from './console.js';

/**
 * Opens a portal session and prints its link. The link is a credential until it expires: it is printed
 * to stdout only (never logged), and `--open` hands it to the platform's opener rather than a shell.
 */
export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const params = options.expires === undefined ? {} : { expires_in_seconds: expirySeconds(options.expires) };
  const appId = requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app-or-admin');
  const session = await oriva.portalSessions.create(params);
  if (options.open) openInBrowser(session.url);
  if (ctx.json) {
    ctx.printJson(session);
    return 0;
  }
  ctx.write(`${ctx.out.bold('Console')} for ${ctx.out.bold(safe(appId))}, until ${shortTime(session.expires_at)}:\n`);
  ctx.write(`  ${safe(session.url)}\n`);
  return 0;
};

function expirySeconds(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms < 60_000 || ms > 24 * 3600_000) {
    throw new UsageError(`--expires ${JSON.stringify(value)} is not a duration from 1m to 24h`, {
      hint: 'use e.g. --expires 15m, --expires 2h, or seconds: --expires 900',
    });
  }
  return Math.round(ms / 1000);
}

/** The platform's own opener, with the URL as one argument (no shell), detached so the CLI exits at once. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  // No opener (a server without a desktop): the printed link is enough.
  child.on('error', () => {});
  child.unref();
}
