import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configPath, isLocalUrl, readConfig, resolveSettings, writeConfig } from './config.js';
import { UserError } from './errors.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

afterAll(removeTempDirs);

describe('configPath', () => {
  it('uses XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/a' })).toBe('/x/cfg/oriva/config.json');
    expect(configPath({ HOME: '/home/a' })).toBe('/home/a/.config/oriva/config.json');
    expect(configPath({ XDG_CONFIG_HOME: '', HOME: '/home/a' })).toBe('/home/a/.config/oriva/config.json');
  });
});

describe('resolveSettings precedence', () => {
  const setup = () => {
    const home = tempDir('config');
    const env = { XDG_CONFIG_HOME: home };
    writeConfig(configPath(env), {
      profiles: {
        default: {
          baseUrl: 'http://profile.test',
          apiKey: 'ok_profile',
          appId: 'profile-app',
          adminToken: 'oat_profile',
        },
        staging: { baseUrl: 'https://staging.test', apiKey: 'ok_staging' },
      },
    });
    return env;
  };

  it('reads the default profile when nothing else is set', () => {
    const env = setup();
    const settings = resolveSettings({ flags: {}, env });
    expect(settings).toMatchObject({
      profile: 'default',
      profileSource: 'default',
      baseUrl: 'http://profile.test',
      apiKey: 'ok_profile',
      appId: 'profile-app',
      adminToken: 'oat_profile',
    });
    expect(settings.sources).toEqual({
      baseUrl: 'profile',
      apiKey: 'profile',
      appId: 'profile',
      adminToken: 'profile',
    });
  });

  it('lets the environment override the profile, and flags override both', () => {
    const env = { ...setup(), ORIVA_API_BASE: 'http://env.test', ORIVA_API_KEY: 'ok_env', ORIVA_APP_ID: 'env-app' };
    const settings = resolveSettings({ flags: { apiKey: 'ok_flag' }, env });
    expect(settings.baseUrl).toBe('http://env.test');
    expect(settings.apiKey).toBe('ok_flag');
    expect(settings.appId).toBe('env-app');
    expect(settings.adminToken).toBe('oat_profile');
    expect(settings.sources).toEqual({ baseUrl: 'env', apiKey: 'flag', appId: 'env', adminToken: 'profile' });
  });

  it('treats empty values as unset', () => {
    const env = { ...setup(), ORIVA_API_KEY: '' };
    expect(resolveSettings({ flags: { appId: '' }, env })).toMatchObject({
      apiKey: 'ok_profile',
      appId: 'profile-app',
    });
  });

  it('picks the profile from --profile over ORIVA_PROFILE', () => {
    const env = { ...setup(), ORIVA_PROFILE: 'default' };
    const settings = resolveSettings({ flags: { profile: 'staging' }, env });
    expect(settings).toMatchObject({ profile: 'staging', profileSource: 'flag', baseUrl: 'https://staging.test' });
    expect(settings.appId).toBeUndefined();
    expect(resolveSettings({ flags: {}, env: { ...env, ORIVA_PROFILE: 'staging' } }).apiKey).toBe('ok_staging');
  });

  it('refuses a named profile that does not exist, but not a missing default', () => {
    const env = setup();
    expect(() => resolveSettings({ flags: { profile: 'nope' }, env })).toThrow(UserError);
    expect(() => resolveSettings({ flags: {}, env: { ...env, ORIVA_PROFILE: 'nope' } })).toThrow(
      /no profile named 'nope'/,
    );
    const empty = resolveSettings({ flags: {}, env: { XDG_CONFIG_HOME: tempDir('empty') } });
    expect(empty).toMatchObject({
      baseUrl: 'http://localhost:8787',
      profileExists: false,
      sources: { baseUrl: 'default' },
    });
  });

  it('rejects a base URL that is not http(s), naming where it came from', () => {
    expect(() => resolveSettings({ flags: {}, env: { ...setup(), ORIVA_API_BASE: 'localhost:8787' } })).toThrow(
      /ORIVA_API_BASE/,
    );
  });
});

describe('the config file', () => {
  it('is written with mode 0600 in a 0700 directory, and read back', () => {
    const home = tempDir('mode');
    const path = join(home, 'nested', 'oriva', 'config.json');
    writeConfig(path, { profiles: { default: { apiKey: 'ok_secret', appId: 'a1' } } });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'nested', 'oriva')).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      profiles: { default: { api_key: 'ok_secret', app_id: 'a1' } },
    });
    expect(readConfig(path)).toEqual({ profiles: { default: { apiKey: 'ok_secret', appId: 'a1' } } });
  });

  it('reports a corrupt file with its path', () => {
    const home = tempDir('corrupt');
    const path = join(home, 'config.json');
    writeConfig(path, { profiles: {} });
    writeFileSync(path, '{ nope');
    expect(() => readConfig(path)).toThrow(path);
  });
});

describe('oriva profile', () => {
  it('set writes 0600, merges, and list/show mask secrets', async () => {
    const env = { XDG_CONFIG_HOME: tempDir('profile') };
    const path = configPath(env);
    const set = await run(
      ['profile', 'set', 'default', '--base-url', 'http://127.0.0.1:9999', '--api-key', 'ok_live_abcdefghijklmnop1234'],
      { env },
    );
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toContain('Created profile default');
    expect(set.stdout).not.toContain('abcdefghijklmnop');
    expect(statSync(path).mode & 0o777).toBe(0o600);

    expect((await run(['profile', 'set', 'default', '--app-id', 'work-buddy'], { env })).code).toBe(0);
    expect(readConfig(path).profiles.default).toEqual({
      baseUrl: 'http://127.0.0.1:9999',
      apiKey: 'ok_live_abcdefghijklmnop1234',
      appId: 'work-buddy',
    });

    const list = await run(['profile', 'list', '--json'], { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      path,
      active: 'default',
      profiles: { default: { base_url: 'http://127.0.0.1:9999', api_key: 'ok_live_…1234', app_id: 'work-buddy' } },
    });

    const show = await run(['profile', 'show'], { env: { ...env, ORIVA_APP_ID: 'from-env' } });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('ok_live_…1234');
    expect(show.stdout).not.toContain('abcdefghijklmnop');
    expect(show.stdout).toMatch(/app_id\s+from-env\s+← ORIVA_APP_ID/);

    // An empty value removes a setting.
    expect((await run(['profile', 'set', 'default', '--api-key', ''], { env })).code).toBe(0);
    expect(readConfig(path).profiles.default?.apiKey).toBeUndefined();
  });

  it('set without settings is a usage error; show of an unknown profile fails', async () => {
    const env = { XDG_CONFIG_HOME: tempDir('profile-errors') };
    const empty = await run(['profile', 'set', 'staging'], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^error: nothing to save\nhint: /);
    const missing = await run(['profile', 'show', 'staging'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no profile named 'staging'");
  });
});

describe('isLocalUrl', () => {
  it('recognises loopback addresses only', () => {
    for (const url of ['http://localhost:8787', 'http://127.0.0.1:1', 'http://[::1]:8787/api/v1']) {
      expect(isLocalUrl(url)).toBe(true);
    }
    for (const url of ['https://api.oriva.io', 'http://10.0.0.1', 'not a url']) expect(isLocalUrl(url)).toBe(false);
  });
});
