import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './env.js';

export const ADMIN_TOKEN_FILE = 'admin-token';
export const JWT_SECRET_FILE = 'jwt-secret';

export interface LocalSecrets {
  adminToken?: string;
  jwtSecret?: string;
}

/** Reads the secrets a previous start saved in the data directory, if any (the CLI uses this too). */
export function readLocalSecrets(dataDir: string): LocalSecrets {
  const read = (name: string) => {
    const path = join(dataDir, name);
    return existsSync(path) ? readFileSync(path, 'utf8').trim() || undefined : undefined;
  };
  return { adminToken: read(ADMIN_TOKEN_FILE), jwtSecret: read(JWT_SECRET_FILE) };
}

export interface ResolvedSecrets {
  adminToken: string;
  /** Where the admin token was saved, when it was generated or read from the data dir. */
  adminTokenFile: string | undefined;
  jwtSecret: string | undefined;
}

/**
 * The admin token and the HS256 secret: from the environment when set, otherwise generated once
 * and saved in the data directory (mode 0600) so restarts keep issued tokens valid.
 */
export function ensureSecrets(config: Config): ResolvedSecrets {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const saved = readLocalSecrets(config.dataDir);
  const persist = (name: string, value: string) => {
    const path = join(config.dataDir, name);
    writeFileSync(path, `${value}\n`, { mode: 0o600 });
    chmodSync(path, 0o600);
    return value;
  };

  let adminTokenFile: string | undefined;
  let adminToken = config.adminToken;
  if (!adminToken) {
    adminTokenFile = join(config.dataDir, ADMIN_TOKEN_FILE);
    adminToken = saved.adminToken ?? persist(ADMIN_TOKEN_FILE, `oat_${randomBytes(32).toString('base64url')}`);
  }

  // With an external identity provider (JWKS) and no explicit secret, HS256 tokens are not accepted at all.
  let jwtSecret = config.jwt.secret;
  if (!jwtSecret && !config.jwt.jwksUrl) {
    jwtSecret = saved.jwtSecret ?? persist(JWT_SECRET_FILE, randomBytes(48).toString('base64url'));
  }
  return { adminToken, adminTokenFile, jwtSecret };
}
