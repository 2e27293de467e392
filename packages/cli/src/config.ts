/**
 * Configuration: command-line flags > environment > the named profile in the config file > defaults.
 *
 * The config file is `$XDG_CONFIG_HOME/oriva/config.json` (or `~/.config/oriva/config.json`), holds secrets,
 * and is therefore written with mode 0600 inside a 0700 directory.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from './errors.js';
import { discoverLocalServer } from './local-server.js';

export const DEFAULT_BASE_URL = 'http://localhost:8787';
export const DEFAULT_PROFILE = 'default';

export type Env = Record<string, string | undefined>;

/** What a profile stores (and what flags and environment variables set). */
export interface ProfileSettings {
  baseUrl?: string;
  apiKey?: string;
  appId?: string;
  adminToken?: string;
}

export type SettingName = keyof ProfileSettings;
export const SETTING_NAMES: readonly SettingName[] = ['baseUrl', 'apiKey', 'appId', 'adminToken'];

/** How each setting is spelled as a flag, an environment variable and a key in the config file. */
export const SETTINGS: Record<SettingName, { flag: string; env: string; file: string; secret: boolean }> = {
  baseUrl: { flag: '--base-url', env: 'ORIVA_API_BASE', file: 'base_url', secret: false },
  apiKey: { flag: '--api-key', env: 'ORIVA_API_KEY', file: 'api_key', secret: true },
  appId: { flag: '--app-id', env: 'ORIVA_APP_ID', file: 'app_id', secret: false },
  adminToken: { flag: '--admin-token', env: 'ORIVA_ADMIN_TOKEN', file: 'admin_token', secret: true },
};

export interface ConfigFile {
  profiles: Record<string, ProfileSettings>;
}

/** The global flags every command accepts. */
export interface GlobalFlags extends ProfileSettings {
  profile?: string;
  json?: boolean;
}

/** `local server`: the base URL a server running on the local data directory wrote (see local-server.ts). */
export type Source = 'flag' | 'env' | 'profile' | 'local server' | 'default';

export interface ResolvedSettings extends ProfileSettings {
  baseUrl: string;
  /** The profile in use and why. */
  profile: string;
  profileSource: Exclude<Source, 'profile'>;
  profileExists: boolean;
  configPath: string;
  /** Where each value came from (absent when unset). */
  sources: Partial<Record<SettingName, Source>>;
}

export function configPath(env: Env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && xdg.trim() !== '' ? xdg : join(env.HOME && env.HOME !== '' ? env.HOME : homedir(), '.config');
  return join(base, 'oriva', 'config.json');
}

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name)) {
    throw new UserError(`invalid profile name '${name}'`, {
      hint: 'use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit',
      exitCode: 2,
    });
  }
  return name;
}

/** Reads the config file; a missing file is an empty config. */
export function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw new UserError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${path} is not valid JSON (${(error as Error).message})`, {
      hint: 'fix or delete the file, then save profiles again with `oriva profile set`',
    });
  }
  const profiles: Record<string, ProfileSettings> = {};
  const rawProfiles = isObject(raw) && isObject(raw.profiles) ? raw.profiles : {};
  for (const [name, value] of Object.entries(rawProfiles)) {
    if (!isObject(value)) continue;
    const profile: ProfileSettings = {};
    for (const setting of SETTING_NAMES) {
      const stored = value[SETTINGS[setting].file];
      if (typeof stored === 'string' && stored !== '') profile[setting] = stored;
    }
    profiles[name] = profile;
  }
  return { profiles };
}

/** Writes the config file atomically with mode 0600 (directory 0700): it holds API keys and admin tokens. */
export function writeConfig(path: string, config: ConfigFile): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const profiles: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(config.profiles).sort()) {
    const profile = config.profiles[name] ?? {};
    const stored: Record<string, string> = {};
    for (const setting of SETTING_NAMES) {
      const value = profile[setting];
      if (value !== undefined && value !== '') stored[SETTINGS[setting].file] = value;
    }
    profiles[name] = stored;
  }
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ profiles }, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, path);
}

export interface ResolveInput {
  flags: GlobalFlags;
  env: Env;
  /** Defaults to reading `configPath(env)`. */
  config?: ConfigFile;
  configPath?: string;
  /** Where a local server's data directory is looked for (`ORIVA_DATA_DIR` or `./.oriva`); without it, none is. */
  cwd?: string;
}

/** Applies the precedence: flags > environment > profile > defaults. */
export function resolveSettings(input: ResolveInput): ResolvedSettings {
  const { flags, env } = input;
  const path = input.configPath ?? configPath(env);
  const config = input.config ?? readConfig(path);

  const envProfile = nonEmpty(env.ORIVA_PROFILE);
  const profileSource: ResolvedSettings['profileSource'] = flags.profile ? 'flag' : envProfile ? 'env' : 'default';
  const profile = flags.profile ?? envProfile ?? DEFAULT_PROFILE;
  const stored = config.profiles[profile];
  if (!stored && profileSource !== 'default') {
    const known = Object.keys(config.profiles);
    throw new UserError(`no profile named '${profile}' in ${path}`, {
      hint: known.length
        ? `known profiles: ${known.join(', ')}; create it with \`oriva profile set ${profile} --base-url … --api-key …\``
        : `create it with \`oriva profile set ${profile} --base-url … --api-key …\``,
    });
  }

  const resolved: ResolvedSettings = {
    baseUrl: DEFAULT_BASE_URL,
    profile,
    profileSource,
    profileExists: stored !== undefined,
    configPath: path,
    sources: { baseUrl: 'default' },
  };
  for (const setting of SETTING_NAMES) {
    const candidates: [Source, string | undefined][] = [
      ['flag', nonEmpty(flags[setting])],
      ['env', nonEmpty(env[SETTINGS[setting].env])],
      ['profile', nonEmpty(stored?.[setting])],
    ];
    const found = candidates.find(([, value]) => value !== undefined);
    if (found) {
      resolved[setting] = found[1] as string;
      resolved.sources[setting] = found[0];
    }
  }
  if (resolved.sources.baseUrl === 'default' && input.cwd !== undefined) {
    const discovered = discoverLocalServer(localDataDir(env, input.cwd));
    if (discovered) {
      resolved.baseUrl = discovered;
      resolved.sources.baseUrl = 'local server';
    }
  }
  if (!isHttpUrl(resolved.baseUrl)) {
    const source = resolved.sources.baseUrl;
    const origin =
      source === 'flag' ? SETTINGS.baseUrl.flag : source === 'env' ? SETTINGS.baseUrl.env : `profile ${profile}`;
    throw new UserError(`the base URL ${JSON.stringify(resolved.baseUrl)} (from ${origin}) is not an http(s) URL`, {
      hint: 'use e.g. http://localhost:8787 or https://api.example.com/api/v1',
    });
  }
  return resolved;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** True for URLs that point at this machine: where a local server's admin-token file applies. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0' || /^127\./.test(host)
  );
}

/** The local server's data directory: `ORIVA_DATA_DIR`, or `./.oriva` under the working directory. */
export function localDataDir(env: Env, cwd: string, override?: string): string {
  const dir = nonEmpty(override) ?? nonEmpty(env.ORIVA_DATA_DIR) ?? '.oriva';
  return resolve(cwd, dir);
}

/** The admin token a local server saved at `<data dir>/admin-token`, if that file exists. */
export function readLocalAdminToken(dataDir: string): string | undefined {
  const file = join(dataDir, 'admin-token');
  if (!existsSync(file)) return undefined;
  try {
    return nonEmpty(readFileSync(file, 'utf8').trim());
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
