/**
 * `oriva listen --forward-to <url>`: follows the app's event stream and forwards every event to a local
 * URL as a webhook, signed with a local secret exactly as the server signs real deliveries.
 */
import { EVENT_PATTERN, matchesEventPattern, toWebhookPayload } from '@oriva/contract/events';
import type { StreamEvent } from '@oriva/sdk';
import { createClient, requireAppId } from '../../client.js';
import { isHttpUrl } from '../../config.js';
import type { CommandContext } from '../../context.js';
import { UsageError } from '../../errors.js';
import { escapeTerminal, shortTime, streamingColumns } from '../../output.js';
import { stopRequested } from '../../stop-signal.js';
import type { Handler, OptionsOf } from '../define.js';
import { announceStreamState, resolveSince, streamEnded } from '../stream/shared.js';
import type { declaration } from './listen.js';

type Options = OptionsOf<typeof declaration>;

export interface Route {
  pattern: string;
  url: string;
}

/** What one forward printed with `--json`. `status` is null when no response arrived. */
export interface ForwardResult {
  event_id: string;
  type: string;
  target: string;
  status: number | null;
  ms: number;
  error?: string;
}

const SECRET = /^whsec_[A-Za-z0-9+/_-]+={0,2}$/;
/** Standard Webhooks' prefix of an Ed25519 private key (the signer, which exports it too, loads lazily). */
const PRIVATE_KEY_PREFIX = 'whsk_';
const DEFAULT_TIMEOUT_SECONDS = 10;

/** The signer, loaded when the command runs (like the SDK: `oriva --help` never loads it). */
type Signer = typeof import('@oriva/webhook-verify');

/** `--forward <pattern>=<url>` (repeatable, in order) then `--forward-to <url>` as `*=<url>`. */
export function parseRoutes(options: Pick<Options, 'forward' | 'forwardTo'>): Route[] {
  const routes: Route[] = [];
  for (const rule of options.forward ?? []) {
    const at = rule.indexOf('=');
    const pattern = at < 0 ? '' : rule.slice(0, at).trim();
    const url = at < 0 ? '' : rule.slice(at + 1).trim();
    if (!pattern || !url) {
      throw new UsageError(`--forward ${JSON.stringify(rule)} is not <pattern>=<url>`, {
        hint: 'e.g. --forward notification.*=http://localhost:3000/api/oriva-events',
      });
    }
    routes.push(checkRoute(pattern, url, '--forward'));
  }
  if (options.forwardTo !== undefined) routes.push(checkRoute('*', options.forwardTo.trim(), '--forward-to'));
  return routes;
}

function checkRoute(pattern: string, url: string, flag: string): Route {
  if (!EVENT_PATTERN.test(pattern)) {
    throw new UsageError(`${flag}: ${JSON.stringify(pattern)} is not an event pattern`, {
      hint: 'use *, <category>.* or <category>.<type>, e.g. notification.* or session.created',
    });
  }
  if (!isHttpUrl(url)) {
    throw new UsageError(`${flag}: ${JSON.stringify(url)} is not an http(s) URL`, {
      hint: 'e.g. http://localhost:3000/api/oriva-events',
    });
  }
  return { pattern, url };
}

/** The first route whose pattern matches the event's type. */
export function routeFor(routes: readonly Route[], type: string): Route | undefined {
  return routes.find((route) => matchesEventPattern(route.pattern, type));
}

/** The body of a real delivery for the same event: the contract's one builder, as the server's outbox uses it. */
export function webhookBody(event: StreamEvent): string {
  return JSON.stringify(toWebhookPayload({ ...event, id: event.event_id }));
}

/** How forwards are signed: the scheme, its secret (a whsec_ secret or a whsk_ private key) and the headers. */
export interface ListenSigning {
  scheme: 'hmac' | 'ed25519';
  secret: string;
  /** The whpk_ key receivers verify with; ed25519 only. */
  publicKey?: string;
  generated: boolean;
  headers(id: string, body: string): Record<string, string>;
}

function resolveSigning(ctx: CommandContext, options: Options, signer: Signer): ListenSigning {
  const given = options.secret ?? ctx.env.ORIVA_LISTEN_SECRET;
  const source = options.secret === undefined ? 'ORIVA_LISTEN_SECRET' : '--secret';
  // A whsk_ key says which scheme it is for; --signature-scheme must not contradict it.
  const scheme = options.signatureScheme ?? (given?.startsWith(PRIVATE_KEY_PREFIX) ? 'ed25519' : 'hmac');
  if (scheme === 'ed25519') return ed25519Signing(given, source, signer);
  if (given === undefined || given === '') return hmacSigning(signer.generateSecret(), true, signer);
  if (!SECRET.test(given)) {
    throw new UsageError(`${source} is not a signing secret (whsec_ followed by base64)`, {
      hint: given.startsWith(PRIVATE_KEY_PREFIX)
        ? 'a whsk_ key signs with Ed25519: drop --signature-scheme hmac'
        : 'make one with `oriva listen --print-secret`, or leave it out to get a new one each run',
    });
  }
  try {
    signer.signatureHeaders({ id: 'fwd_check', body: '{}', secrets: [given] });
  } catch (error) {
    throw new UsageError(`${source} is not a valid signing secret: ${(error as Error).message}`, {
      hint: 'make one with `oriva listen --print-secret`',
      cause: error,
    });
  }
  return hmacSigning(given, false, signer);
}

function hmacSigning(secret: string, generated: boolean, signer: Signer): ListenSigning {
  return {
    scheme: 'hmac',
    secret,
    generated,
    headers: (id, body) => signer.signatureHeaders({ id, body, secrets: [secret] }),
  };
}

function ed25519Signing(given: string | undefined, source: string, signer: Signer): ListenSigning {
  const generated = given === undefined || given === '';
  const secret = generated ? signer.generateEd25519KeyPair().privateKey : (given as string);
  let publicKey: string;
  try {
    publicKey = signer.ed25519PublicKey(secret);
  } catch (error) {
    throw new UsageError(`${source} is not an Ed25519 private key: ${(error as Error).message}`, {
      hint: 'make one with `oriva listen --signature-scheme ed25519 --print-secret`',
      cause: error,
    });
  }
  return {
    scheme: 'ed25519',
    secret,
    publicKey,
    generated,
    headers: (id, body) => signer.ed25519SignatureHeaders({ id, body, privateKeys: secret }),
  };
}

/** Posts one event, signed; never throws: a failure is part of the result. */
export async function forward(
  event: StreamEvent,
  route: Route,
  signing: Pick<ListenSigning, 'headers'>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<ForwardResult> {
  const body = webhookBody(event);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'Oriva-Webhooks/1 (oriva listen)',
    ...signing.headers(`fwd_${event.event_id}`, body),
  };
  const started = performance.now();
  const base = { event_id: event.event_id, type: event.type, target: route.url };
  try {
    const response = await fetch(route.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    const ms = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return { ...base, status: response.status, ms, ...(ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    return { ...base, status: null, ms: Math.round(performance.now() - started), error: describeFailure(error) };
  }
}

function describeFailure(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  if (e?.name === 'AbortError') return 'stopped';
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  return e?.cause?.message ?? e?.message ?? String(error);
}

export const run: Handler<typeof declaration> = async (ctx, _args, options) => {
  const signer: Signer = await import('@oriva/webhook-verify');
  const signing = resolveSigning(ctx, options, signer);
  const { secret, generated, publicKey } = signing;
  const keys = publicKey === undefined ? { secret } : { secret, public_key: publicKey };
  if (options.printSecret) {
    ctx.write(ctx.json ? `${JSON.stringify(keys)}\n` : `${secret}\n`);
    if (publicKey !== undefined && !ctx.json) ctx.note(`public key: ${publicKey}`);
    return 0;
  }
  const routes = parseRoutes(options);
  if (routes.length === 0) {
    throw new UsageError('nowhere to forward to', {
      hint: 'pass --forward-to <url>, or --forward <pattern>=<url> (repeatable)',
    });
  }
  requireAppId(ctx);
  const { oriva } = await createClient(ctx, 'app-or-admin');
  const since = await resolveSince(oriva, options.since);
  // Without --events, subscribe to what the routes can take.
  const patterns = [...new Set(routes.map((route) => route.pattern))];
  const events = options.events ?? (patterns.includes('*') ? '*' : patterns.join(','));
  const stream = oriva.stream({
    events,
    ...(options.user === undefined ? {} : { userId: options.user }),
    ...(since === undefined ? {} : { since }),
  });
  const timeoutMs = (options.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;

  if (ctx.json) {
    ctx.note(JSON.stringify({ ...keys, routes }));
  } else {
    ctx.note(
      `Your local ${publicKey === undefined ? 'signing secret' : 'Ed25519 private key'} is ${ctx.err.bold(secret)}${generated ? ctx.err.dim(' (keep it with --secret or ORIVA_LISTEN_SECRET)') : ''}`,
    );
    if (publicKey !== undefined) {
      ctx.note(`Verify forwards (v1a) with the public key ${ctx.err.bold(publicKey)}`);
    }
    for (const route of routes) ctx.note(ctx.err.dim(`  ${route.pattern} → ${escapeTerminal(route.url)}`));
    announceStreamState(ctx, stream, 'forwarding');
  }

  const stop = stopRequested(ctx);
  const aborter = new AbortController();
  void stop.wait.then(() => {
    aborter.abort();
    stream.close();
  });
  const columns = streamingColumns(LISTEN_COLUMNS);
  let forwarded = 0;
  try {
    if (options.count === 0) return 0;
    for await (const event of stream) {
      const route = routeFor(routes, event.type);
      if (!route) {
        if (!ctx.json) ctx.note(ctx.err.dim(`skipped ${escapeTerminal(event.type)} ${event.event_id}: no route`));
        continue;
      }
      const result = await forward(event, route, signing, aborter.signal, timeoutMs);
      if (aborter.signal.aborted && result.error === 'stopped') break;
      ctx.write(ctx.json ? `${JSON.stringify(result)}\n` : `${formatLine(ctx, event, result, columns)}\n`);
      forwarded += 1;
      if (options.count !== undefined && forwarded >= options.count) break;
    }
  } catch (error) {
    throw streamEnded(error, 'check --api-key (or --admin-token), --app-id and --events');
  } finally {
    stop.dispose();
    stream.close();
  }
  return 0;
};

/** Time, type, event id, target, status, duration: room for typical values, so lines line up. */
const LISTEN_COLUMNS = [20, 32, 30, 36, 3];

function formatLine(
  ctx: CommandContext,
  event: StreamEvent,
  result: ForwardResult,
  columns: ReturnType<typeof streamingColumns>,
): string {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const status =
    result.status === null
      ? ctx.out.red(`failed (${escapeTerminal(result.error ?? 'no response')})`)
      : ok
        ? ctx.out.green(String(result.status))
        : ctx.out.red(String(result.status));
  return columns([
    ctx.out.dim(shortTime(event.timestamp)),
    ctx.out.bold(escapeTerminal(event.type)),
    escapeTerminal(event.event_id),
    `→ ${escapeTerminal(result.target)}`,
    status,
    ctx.out.dim(`${result.ms} ms`),
  ]);
}
