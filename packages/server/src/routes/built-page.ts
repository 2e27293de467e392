import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.js';
import { PLAIN_HOST } from '../http/public-origin.js';

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

export interface BuiltPage {
  /** Where it is served: `/inbox`. */
  path: string;
  /** The built assets (`index.html` and hashed files), or `null` when the package is not built. */
  dir: string | null;
  /** The 503 page answered while `index.html` is missing: it says how to build the package. */
  notBuiltPage: string;
  /** Whether the page opens a WebSocket to this origin (the CSP then names ws: and wss:). */
  sockets: boolean;
  /** Origins that may frame the page; none by default, so no other site can overlay it (clickjacking). */
  frameAncestors?: readonly string[];
}

/**
 * A page built by one of our browser packages, served at `page.path`: its `index.html` with a strict CSP
 * (scripts and styles from this origin only, REST to this origin only) and its assets, hashed ones cached for
 * a year. The `oriva-dev` meta tag is filled in so the page offers dev-only sign-ins in dev mode only.
 */
export function builtPageRoutes(deps: Deps, page: BuiltPage) {
  const dir = page.dir === null ? null : resolve(page.dir);
  const app = new Hono<AppEnv>();

  const index = async (c: Context<AppEnv>) => {
    const html = dir === null ? null : await readOrNull(join(dir, 'index.html'));
    if (html === null) {
      return c.html(page.notBuiltPage, 503, { 'Cache-Control': 'no-store', 'Retry-After': '10' });
    }
    const host = c.req.header('host') ?? '';
    // The page talks to this origin only: its REST calls and its WebSocket (named explicitly, as
    // browsers before CSP3 do not let 'self' cover ws:).
    const sockets = page.sockets && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
    const ancestors = page.frameAncestors?.length ? page.frameAncestors.join(' ') : "'none'";
    const images = deps.config.dev ? "'self' https: http: data:" : "'self' https: data:";
    // Pages offer their dev-only sign-ins (a user picker, an API key) in dev mode only.
    const body = html.toString('utf8').replace('content="%ORIVA_DEV%"', `content="${deps.config.dev ? '1' : '0'}"`);
    return c.body(body, 200, {
      'Content-Type': CONTENT_TYPES['.html']!,
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src ${images}; connect-src 'self'${sockets}; base-uri 'none'; form-action 'none'; frame-ancestors ${ancestors}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  };

  app.get(page.path, index);
  app.get(`${page.path}/`, index);
  app.get(`${page.path}/:file`, async (c, next) => {
    const name = c.req.param('file');
    const type = CONTENT_TYPES[extname(name)];
    if (name === 'index.html') return index(c);
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

/**
 * `<package>/dist`, found the way Node finds any package (a dependency of the server), so it is the same
 * directory from `src/` (tsx) and from `dist/`; `null` when the package is not installed.
 */
export function packageDist(name: string): string | null {
  try {
    const manifest = createRequire(import.meta.url).resolve(`${name}/package.json`);
    return join(dirname(manifest), 'dist');
  } catch {
    return null;
  }
}
