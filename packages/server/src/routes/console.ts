import type { Deps } from '../http/context.js';
import { builtPageRoutes, packageDist } from './built-page.js';

/** Where the console is served; portal session links point here (`/console#token=…`). */
export const CONSOLE_PATH = '/console';

/** The `dist/` of @oriva/console, or `null` when it is not installed (then /console answers the not-built page). */
export const CONSOLE_DIR: string | null = packageDist('@oriva/console');

export interface ConsoleOptions {
  /** The built assets; default {@link CONSOLE_DIR}. */
  dir?: string | null;
}

/**
 * The developer console at `GET /console` (mounted when `config.console`, on by default). It holds no
 * credential of its own: it works with the one in the URL fragment (a portal session), or, in dev mode,
 * an API key or the admin token typed into its sign-in.
 */
export function consoleRoutes(deps: Deps, options: ConsoleOptions = {}) {
  return builtPageRoutes(deps, {
    path: CONSOLE_PATH,
    dir: options.dir === undefined ? CONSOLE_DIR : options.dir,
    notBuiltPage: NOT_BUILT_PAGE,
    sockets: false,
    frameAncestors: deps.config.consoleFrameAncestors,
  });
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Console not built</title>
<main style="font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem">
<h1>The console is not built yet</h1>
<p>This server serves the console from the <code>dist/</code> of the <code>@oriva/console</code>
package (<code>packages/console</code>), which has not been built. Build it, then reload:</p>
<pre>pnpm --filter @oriva/console build</pre>
<p><code>pnpm build</code> and <code>pnpm start</code> build it too. Set <code>ORIVA_CONSOLE=0</code> to turn this page off.</p>
</main>
</html>
`;
