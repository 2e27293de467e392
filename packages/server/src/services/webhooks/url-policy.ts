import { isIP } from 'node:net';
import type { Config } from '../../config/env.js';
import type { LookupAll } from '../../core/deps.js';
import { errors, type FieldError } from '../../core/errors.js';
import { addressRefusal } from './address-policy.js';

export interface UrlPolicy {
  /** Dev mode or ORIVA_WEBHOOK_ALLOW_PRIVATE: http and private addresses are allowed (local receivers). */
  allowPrivate: boolean;
  /** Hosts trusted whatever they resolve to (ORIVA_WEBHOOK_ALLOWED_HOSTS), metadata endpoints aside. */
  allowedHosts: ReadonlySet<string>;
}

export function urlPolicyFrom(config: Config): UrlPolicy {
  return { allowPrivate: config.webhooks.allowPrivate, allowedHosts: new Set(config.webhooks.allowedHosts) };
}

/** A URL's host as the policy compares it: lower case, without an IPv6 literal's brackets. */
export function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Why a webhook for `host` may not dial `address` (see `addressRefusal`), or undefined when it may:
 * the one rule the URL check and the sender share. A trusted host, like dev mode, may be internal.
 */
export function dialRefusal(policy: UrlPolicy, host: string, address: string) {
  return addressRefusal(address, policy.allowPrivate || policy.allowedHosts.has(bareHost(host)));
}

const REFUSED = {
  internal: { code: 'forbidden_url', what: 'a private, loopback, link-local or reserved address' },
  metadata: { code: 'metadata_url', what: 'a cloud metadata address (refused in every mode)' },
} as const;

/**
 * Checks a webhook URL when it is saved: no credentials, https (unless private targets are allowed),
 * and a host that is not, and does not resolve to, an address the webhook may not dial. Delivery
 * checks the address it actually dials again (the sender's lookup), since DNS can change between
 * the two (rebinding). Where private targets are allowed or the host is trusted, names are not
 * resolved here (a local receiver's name may not resolve yet): only the dial-time check sees them.
 */
export async function checkWebhookUrl(url: string, policy: UrlPolicy, lookup: LookupAll): Promise<void> {
  const parsed = new URL(url);
  const fail = (message: string, code: string): never => {
    const field: FieldError = { path: 'webhook_url', code, message };
    throw errors.validation([field]);
  };
  if (parsed.username || parsed.password) fail('must not contain credentials', 'forbidden_url');
  const host = bareHost(parsed.hostname);
  const trusted = policy.allowPrivate || policy.allowedHosts.has(host);
  if (!trusted && parsed.protocol !== 'https:')
    fail('must be https (http is allowed in dev mode or with ORIVA_WEBHOOK_ALLOW_PRIVATE)', 'insecure_url');
  if (isIP(host)) {
    const refusal = dialRefusal(policy, host, host);
    if (refusal) fail(`${host} is ${REFUSED[refusal].what}`, REFUSED[refusal].code);
    return;
  }
  if (trusted) return;
  let addresses: Array<{ address: string }>;
  try {
    addresses = await lookup(host);
  } catch {
    return fail(`${host} does not resolve`, 'unresolvable_host');
  }
  for (const { address } of addresses) {
    const refusal = dialRefusal(policy, host, address);
    if (refusal) fail(`${host} resolves to ${address}, ${REFUSED[refusal].what}`, REFUSED[refusal].code);
  }
}
