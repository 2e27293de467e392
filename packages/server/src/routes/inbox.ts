import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.js';
import { PLAIN_HOST } from '../http/public-origin.js';

/**
 * Where the page's built assets live: the `dist/` of the @oriva/notification-center package (a dependency),
 * found the way Node finds any package, so it is the same directory from `src/` (tsx) and from `dist/`.
 * `null` when the package is not installed: the server still starts, and /inbox answers the not-built page.
 */
export const INBOX_DIR: string | null = notificationCenterDist();

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** One path segment, no leading dot: nothing here can climb out of the directory. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;
/** esbuild names assets `<name>-<8 hash chars>.<ext>`: their content never changes, so caches keep them. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z.]+$/;

export interface InboxOptions {
  /** The built assets; default {@link INBOX_DIR}. */
  dir?: string | null;
}

/**
 * The notification center at `GET /inbox` (mounted when `config.inbox`): the page's `index.html`
 * and its assets, as built by `pnpm build` (or `pnpm start`). Without a build it answers a 503 page
 * that says how to build it.
 */
export function inboxRoutes(deps: Deps, options: InboxOptions = {}) {
  const given = options.dir === undefined ? INBOX_DIR : options.dir;
  const dir = given === null ? null : resolve(given);
  const app = new Hono<AppEnv>();

  const page = async (c: Context<AppEnv>) => {
    const html = dir === null ? null : await readOrNull(join(dir, 'index.html'));
    if (html === null) {
      return c.html(NOT_BUILT_PAGE, 503, { 'Cache-Control': 'no-store', 'Retry-After': '10' });
    }
    const host = c.req.header('host') ?? '';
    // The page talks to this origin only: its REST calls and its WebSocket (named explicitly, as
    // browsers before CSP3 do not let 'self' cover ws:).
    const sockets = PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
    const images = deps.config.dev ? "'self' https: http: data:" : "'self' https: data:";
    // The page offers its user picker (and the dev token endpoint) in dev mode only.
    const body = html.toString('utf8').replace('content="%ORIVA_DEV%"', `content="${deps.config.dev ? '1' : '0'}"`);
    return c.body(body, 200, {
      'Content-Type': CONTENT_TYPES['.html']!,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src ${images}; connect-src 'self'${sockets}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  };

  app.get('/inbox', page);
  app.get('/inbox/', page);
  app.get('/inbox/:file', async (c, next) => {
    const name = c.req.param('file');
    const type = CONTENT_TYPES[extname(name)];
    if (name === 'index.html') return page(c);
    if (dir === null || !ASSET_NAME.test(name) || type === undefined) return next();
    const path = join(dir, name);
    if (!path.startsWith(dir + sep)) return next();
    const content = await readOrNull(path);
    if (content === null) return next();
    return c.body(new Uint8Array(content), 200, {
      'Content-Type': type,
      'Cache-Control': HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  return app;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR') {
      return null;
    }
    throw error;
  }
}

/** `<@oriva/notification-center>/dist`, or `null` when the package cannot be found. */
function notificationCenterDist(): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve('@oriva/notification-center/package.json');
    return join(dirname(manifest), 'dist');
  } catch {
    return null;
  }
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Notification center not built</title>
<main style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>The notification center is not built yet</h1>
<p>This server serves the page from the <code>dist/</code> of the <code>@oriva/notification-center</code>
package (<code>packages/notification-center</code>), which has not been built. Build it, then reload:</p>
<pre>pnpm --filter @oriva/notification-center build</pre>
<p><code>pnpm build</code> and <code>pnpm start</code> build it too. Set <code>ORIVA_INBOX=0</code> to turn this page off.</p>
</main>
</html>
`;
