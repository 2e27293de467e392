import { Oriva } from '@oriva/sdk';
import type { Credential } from './credentials.js';

/**
 * The SDK client for a credential, against the server that served the page. A portal token goes as an
 * `apiKey` (it acts as the app); the browser guard is lifted on purpose: the console exists to hold this
 * credential, and a portal token is short-lived and single-app.
 */
export function clientFor(credential: Credential, appId?: string): Oriva {
  const common = { baseUrl: location.origin, dangerouslyAllowBrowser: true, maxRetries: 1 };
  if (credential.kind === 'admin') return new Oriva({ ...common, adminToken: credential.token, appId });
  return new Oriva({ ...common, apiKey: credential.token, appId: credential.appId });
}
