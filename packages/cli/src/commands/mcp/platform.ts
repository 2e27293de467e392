/**
 * What the MCP tools act with: SDK clients built from the CLI's usual settings (flags > ORIVA_* >
 * profile), made on first use and kept for the session, so a server started without credentials
 * still answers `tools/list` and each call says what is missing.
 */
import type { Oriva } from '@oriva/sdk';
import { type AuthMode, createClient, createUserClient, requireAppId } from '../../client.js';
import type { CommandContext } from '../../context.js';

export interface Platform {
  /** The API base URL the session talks to. */
  readonly baseUrl: string;
  /** The configured app's id; a `UserError` naming how to set it when there is none. */
  appId(): string;
  /** A client for the configured app with the credential `mode` names. */
  app(mode: AuthMode): Promise<Oriva>;
  /** A client acting as `userId`, with a token signed by the local server's secret (as `--as-user`). */
  asUser(userId: string): Promise<Oriva>;
}

export function createPlatform(ctx: CommandContext): Platform {
  const clients = new Map<AuthMode, Promise<Oriva>>();
  return {
    baseUrl: ctx.settings().baseUrl,
    appId: () => requireAppId(ctx),
    app(mode) {
      requireAppId(ctx);
      let client = clients.get(mode);
      if (!client) {
        // Settings are read once per run, so a missing key stays missing: every call answers the same error.
        client = createClient(ctx, mode).then(({ oriva }) => oriva);
        clients.set(mode, client);
      }
      return client;
    },
    // User tokens live five minutes: mint one per call rather than keep one that expires mid-session.
    asUser: async (userId) => (await createUserClient(ctx, { asUser: userId })).oriva,
  };
}
