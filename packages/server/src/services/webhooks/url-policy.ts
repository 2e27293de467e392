import { isIP } from 'node:net';
import type { Config } from '../../config/env.js';
import { errors, type FieldError } from '../../http/errors.js';
import { isBlockedAddress } from './address-policy.js';

export type LookupAll = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface UrlPolicy {
  /** Dev mode or ORIVA_WEBHOOK_ALLOW_PRIVATE: http and private addresses are allowed (local receivers). */
  allowPrivate: boolean;
  /** Hosts trusted whatever they resolve to (ORIVA_WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts: ReadonlySet<string>;
}

export function urlPolicyFrom(config: Config): UrlPolicy {
  return { allowPrivate: config.webhooks.allowPrivate, allowedHosts: new Set(config.webhooks.allowedHosts) };
}

/**
 * Checks a webhook URL when it is saved: https (unless private targets are allowed), and a host that
 * resolves only to public addresses. Delivery checks the address it actually dials again
 * (`guardedLookup`), since DNS can change between the two (rebinding).
 */
export async function checkWebhookUrl(url: string, policy: UrlPolicy, lookup: LookupAll): Promise<void> {
  const parsed = new URL(url);
  const fail = (message: string, code = 'forbidden_url'): never => {
    const field: FieldError = { path: 'webhook_url', code, message };
    throw errors.validation([field]);
  };
  if (parsed.username || parsed.password) fail('must not contain credentials');
  if (policy.allowPrivate || policy.allowedHosts.has(parsed.hostname)) return;
  if (parsed.protocol !== 'https:')
    fail('must be https (http is allowed in dev mode or with ORIVA_WEBHOOK_ALLOW_PRIVATE)', 'insecure_url');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (isBlockedAddress(host)) fail(`${host} is a private, loopback, link-local or reserved address`);
    return;
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host);
  } catch {
    return fail(`${host} does not resolve`, 'unresolvable_host');
  }
  const bad = addresses.find(({ address }) => isBlockedAddress(address));
  if (bad) fail(`${host} resolves to ${bad.address}, a private, loopback, link-local or reserved address`);
}
