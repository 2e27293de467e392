import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildAsyncApiDocument } from '@oriva/contract';
import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.js';
import { publicOrigin } from '../http/public-origin.js';
import { catalogEventTypes } from '../services/event-catalog.js';
import { FAVICON_PATH } from './favicon.js';

/** Where the page loads Scalar from: this server, never a CDN, so the reference works offline. */
export const SCALAR_SCRIPT_PATH = '/docs/scalar.js';

// The bundle's own subpath export; resolving it fails at start, not on the first visit, if it is missing.
const scalarScriptFile = createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js');
// The package does not export its package.json; the bundle sits in <package>/dist/browser/.
const scalarVersion = (
  JSON.parse(readFileSync(join(dirname(scalarScriptFile), '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

// Nothing leaves the machine: `withDefaultFonts: false` (the bundle would fetch fonts from
// fonts.scalar.com), `telemetry: false`, and no "Ask AI" agent (a Scalar service). The developer
// toolbar (Configure, Share, Deploy on scalar.com) is for Scalar's own users, not ours.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Oriva API reference</title>
    <link rel="icon" href="${FAVICON_PATH}" sizes="32x32" />
  </head>
  <body>
    <div id="app"></div>
    <script src="${SCALAR_SCRIPT_PATH}?v=${scalarVersion}"></script>
    <script>
      Scalar.createApiReference('#app', {
        url: '/openapi.json',
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        showDeveloperTools: 'never',
      });
    </script>
  </body>
</html>
`;

/**
 * `GET /docs`: the interactive API reference, rendering `GET /openapi.json` with Scalar's standalone
 * bundle served from `node_modules`; `GET /asyncapi.json`: the stream's AsyncAPI document. Always on:
 * the documents hold no secrets, only the contract.
 */
export function apiDocsRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  let script: string | undefined;

  app.get('/docs', (c) => c.html(PAGE, 200, { 'cache-control': 'no-cache' }));

  // Deprecated endpoints link here (`Link: </docs/migration>; rel="deprecation"`): the reference's
  // Legacy section describes the replacement; docs/migration.md in the repository has the full guide.
  app.get('/docs/migration', (c) => c.redirect('/docs#tag/legacy', 302));

  // Built per request: the catalogue will include the event types apps declare, which change at run time.
  // Like /openapi.json it names the server that answered, so a client generated from it connects here.
  app.get('/asyncapi.json', async (c) => {
    const document = buildAsyncApiDocument({
      eventTypes: await catalogEventTypes(deps),
      serverUrl: publicOrigin(c, deps.config.trustProxy) ?? undefined,
    });
    return c.body(JSON.stringify(document), 200, {
      'content-type': 'application/json',
      vary: 'Host, X-Forwarded-Host, X-Forwarded-Proto',
    });
  });

  app.get(SCALAR_SCRIPT_PATH, (c) => {
    // 3.5 MB: read on the first visit rather than at every start.
    script ??= readFileSync(scalarScriptFile, 'utf8');
    // The page asks for `?v=<installed version>`, so an upgrade changes the URL and the bundle can be
    // cached for a year (RFC 8246 `immutable`: no revalidation on reload).
    return c.body(script, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=31536000, immutable',
    });
  });

  return app;
}
