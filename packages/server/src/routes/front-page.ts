import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv, Deps } from '../http/context.js';
import { publicOrigin } from '../http/public-origin.js';
import { FAVICON_PATH } from './favicon.js';

// The package's own manifest (self-reference through its `exports`), from src/ and from dist/ alike.
const { version: SERVER_VERSION } = createRequire(import.meta.url)('@oriva/server/package.json') as { version: string };

const STYLE = `
:root { color-scheme: light dark; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { max-width: 44rem; margin: 0 auto; padding: 2rem 1rem 3rem; }
header { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
header img { width: 32px; height: 32px; }
h1 { margin: 0; font-size: 1.6rem; }
.tag { font-size: 0.8rem; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; opacity: 0.8; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
ul.places { padding: 0; list-style: none; display: grid; gap: 0.5rem; }
ul.places a { font-weight: 600; }
pre { overflow-x: auto; padding: 0.75rem 1rem; border-radius: 8px; background: rgba(127, 127, 127, 0.12); }
.hint { opacity: 0.75; font-size: 0.9rem; }
`;
// The page runs no script and loads nothing but its icon; its one inline style is allowed by hash.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

interface Place {
  href: string;
  name: string;
  what: string;
}

/** The pages and documents this server offers, in the order a newcomer wants them. */
function places(deps: Deps): Place[] {
  return [
    { href: '/docs', name: 'API reference', what: 'every endpoint, with a "Send" button that calls this server' },
    ...(deps.config.inbox
      ? [{ href: '/inbox', name: 'Notification center', what: "one user's notifications from every app, live" }]
      : []),
    ...(deps.config.console
      ? [
          {
            href: '/console',
            name: 'Console',
            what: "an app's webhooks, deliveries, events and keys (open it with `oriva console`)",
          },
        ]
      : []),
    { href: '/openapi.json', name: 'OpenAPI document', what: 'the contract, for code generators and API clients' },
    { href: '/healthz', name: 'Liveness', what: 'the process answers' },
    { href: '/readyz', name: 'Readiness', what: 'storage answers too' },
  ];
}

function storageLine(deps: Deps): string {
  const { database, redisUrl } = deps.config;
  const storage = database ? `PostgreSQL (schema ${database.schema})` : 'SQLite (embedded, in the data directory)';
  return redisUrl ? `${storage}, with Redis for the stream and rate limits across instances` : storage;
}

function renderPage(c: Context<AppEnv>, deps: Deps) {
  const origin = publicOrigin(c, deps.config.trustProxy) ?? '';
  const dev = deps.config.dev;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Oriva server</title>
<link rel="icon" href="${FAVICON_PATH}" sizes="32x32">
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
<img src="${FAVICON_PATH}" alt="">
<h1>Oriva server</h1>
<span class="tag" id="version">v${SERVER_VERSION}</span>
${dev ? html`<span class="tag">dev mode</span>` : ''}
</header>
<p>The Oriva Platform Events &amp; Notifications API: apps publish events and notifications here;
users see and act on all of them in one place; apps hear back through signed webhooks and a live stream.</p>
<dl>
<dt>Version</dt><dd>@oriva/server ${SERVER_VERSION}</dd>
<dt>Storage</dt><dd id="storage">${storageLine(deps)}</dd>
</dl>
<h2>Where to go</h2>
<ul class="places">
${places(deps).map((place) => html`<li><a href="${place.href}">${place.name}</a> — ${place.what}</li>`)}
</ul>
<h2>First command</h2>
<p>Register an app and get its API key (the key is shown once):</p>
<pre><code>${
    dev
      ? 'pnpm oriva apps create work-buddy --name "Work Buddy"'
      : `curl -s -X POST ${origin}/api/v1/apps -H "Authorization: Bearer $ORIVA_ADMIN_TOKEN" \\\n  -H 'content-type: application/json' -d '{"app_id":"work-buddy","name":"Work Buddy"}'`
  }</code></pre>
${dev ? html`<p class="hint">In dev mode the CLI finds the admin token in the data directory by itself.</p>` : ''}
<p class="hint">Then follow <code>docs/START_GUIDE.md</code> in the repository: your first event, notification and webhook in ten minutes.</p>
</body>
</html>
`;
}

/** `GET /`: what this server is, where its pages are, and the first command to run. No secrets, no script. */
export function frontPageRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) =>
    c.html(await renderPage(c, deps), 200, {
      'cache-control': 'no-cache',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }),
  );
  return app;
}
