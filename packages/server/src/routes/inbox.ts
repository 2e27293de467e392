import type { Deps } from '../http/context.js';
import { builtPageRoutes, packageDist } from './built-page.js';

/**
 * Where the page's built assets live: the `dist/` of the @oriva/notification-center package.
 * `null` when the package is not installed: the server still starts, and /inbox answers the not-built page.
 */
export const INBOX_DIR: string | null = packageDist('@oriva/notification-center');

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
  return builtPageRoutes(deps, {
    path: '/inbox',
    dir: options.dir === undefined ? INBOX_DIR : options.dir,
    notBuiltPage: NOT_BUILT_PAGE,
    sockets: true,
  });
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
