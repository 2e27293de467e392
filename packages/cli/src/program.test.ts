import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capture, removeTempDirs, run, tempDir } from './run-cli.test-support.js';

afterAll(removeTempDirs);

/** A port where nothing listens: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('help and usage', () => {
  it('--help prints usage, every command group and the configuration order to stdout, exit 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: oriva \[options\] \[command\]/);
    for (const group of ['server', 'apps', 'keys', 'users', 'events', 'notifications', 'preferences', 'profile']) {
      expect(result.stdout).toMatch(new RegExp(`\\n  ${group} `));
    }
    for (const flag of ['--base-url', '--api-key', '--app-id', '--admin-token', '--profile', '--json']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('Configuration (highest precedence first)');
    expect(result.stdout).toContain('Exit codes: 0 success, 1 failure');
  });

  it('subcommand help shows its options and the global ones', async () => {
    const result = await run(['events', 'send', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: oriva events send [options]');
    expect(result.stdout).toContain('--entity-type <type>');
    expect(result.stdout).toContain('Global Options:');
    expect((await run(['help', 'apps'])).stdout).toContain('Usage: oriva apps');
    expect((await run(['apps', 'create', '--help'])).stdout).toContain('admin-token');
  });

  it('--version prints the package version', async () => {
    const result = await run(['--version']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('an unknown command is a usage error: exit 2, a suggestion and a hint', async () => {
    const result = await run(['evnts', 'list']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("error: unknown command 'evnts'");
    expect(result.stderr).toContain('(Did you mean events?)');
    expect(result.stderr).toContain('hint: run `oriva --help` for usage');
  });

  it('missing arguments and options are usage errors pointing at the command help', async () => {
    const missingOption = await run(['apps', 'create', 'work-buddy']);
    expect(missingOption.code).toBe(2);
    expect(missingOption.stderr).toContain("error: required option '--name <name>' not specified");
    expect(missingOption.stderr).toContain('hint: run `oriva apps create --help` for usage');

    const missingArgument = await run(['keys', 'revoke', 'work-buddy']);
    expect(missingArgument.code).toBe(2);
    expect(missingArgument.stderr).toContain("missing required argument 'key_id'");

    const badNumber = await run(['events', 'list', '--limit', '9999']);
    expect(badNumber.code).toBe(2);
    expect(badNumber.stderr).toContain('--limit must be a whole number from 1 to 500');
  });

  it('a command group without a subcommand shows its help on stderr, exit 2', async () => {
    const result = await run(['keys']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: oriva keys');
  });

  it('with --json, usage errors are one JSON line on stderr', async () => {
    const result = await run(['nope', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({
      success: false,
      error: { code: 'usage_error', message: expect.stringContaining("unknown command 'nope'") },
    });
  });
});

describe('errors', () => {
  it('a UserError is one error line and one hint line, no stack trace', async () => {
    const result = await run(['events', 'send', '--category', 'x'], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'error: missing --type, --entity-type, --entity-id, --user\n' +
        'hint: an event needs --category, --type, --entity-type, --entity-id and --user (or pass it whole with --body)\n',
    );
  });

  it('with --json the error is JSON on stderr and stdout stays empty', async () => {
    const result = await run(['events', 'send', '--body', '[1]', '--json'], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toEqual({
      success: false,
      error: { code: 'usage_error', message: '--body is not a JSON object (got an array)', hint: expect.any(String) },
    });
  });

  it("a group's help lists its commands before the global options", async () => {
    const help = await run(['webhooks', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.indexOf('Commands:')).toBeGreaterThan(0);
    expect(help.stdout.indexOf('Commands:')).toBeLessThan(help.stdout.indexOf('Global Options:'));
  });

  it('a bad --data is an input error like the others: exit 2, a sentence that reads', async () => {
    const flags = ['--category', 'c', '--type', 't', '--entity-type', 'e', '--entity-id', 'i', '--user', 'u'];
    const notObject = await run(['events', 'send', ...flags, '--data', '"text"'], { env: {} });
    expect(notObject.code).toBe(2);
    expect(notObject.stderr).toMatch(/^error: --data is not a JSON object \(got a string\)\n/);
    const notJson = await run(['events', 'send', ...flags, '--data', '{oops'], { env: {} });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^error: --data is not valid JSON/);
  });

  it('colours error and hint prefixes on a TTY unless NO_COLOR is set', async () => {
    const stderr = capture(true);
    await run(['events', 'send'], { stderr });
    expect(stderr.text).toContain('\u001B[31merror:\u001B[39m nothing to send');
    const plain = capture(true);
    await run(['events', 'send'], { stderr: plain, env: { NO_COLOR: '1' } });
    expect(plain.text).toMatch(/^error: nothing to send\nhint: /);
  });

  it('mixing input modes and bad time bounds are usage errors', async () => {
    const mixed = await run(['events', 'send', '--body', '{}', '--file', 'x.ndjson']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('use one of: the event flags, --body, or --file');
    const since = await run(['events', 'list', '--since', 'yesterday'], { env: { ORIVA_APP_ID: 'a' } });
    expect(since.code).toBe(2);
    expect(since.stderr).toContain('--since "yesterday" is neither an ISO-8601 time nor a duration');
  });

  it('missing credentials and app id say where to set them', async () => {
    const noKey = await run(['events', 'send', '--body', '{}'], { env: { ORIVA_APP_ID: 'a' } });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/^error: no API key configured\nhint: pass --api-key, set ORIVA_API_KEY/);
    const noApp = await run(['events', 'list'], { env: { ORIVA_API_KEY: 'ok_x' } });
    expect(noApp.stderr).toMatch(/^error: no app id configured\nhint: pass --app-id/);
    const cwd = tempDir('no-admin');
    const noAdmin = await run(['apps', 'list'], { env: {}, cwd });
    expect(noAdmin.code).toBe(1);
    expect(noAdmin.stderr).toContain('error: no admin token configured');
    expect(noAdmin.stderr).toContain(`${cwd}/.oriva/admin-token`);
  });

  it('hints name the command as the user runs it, so they paste as they are', async () => {
    const viaPnpm = await run(['events', 'send', '--body', '{}'], {
      env: { ORIVA_APP_ID: 'a', npm_package_name: 'oriva' },
    });
    expect(viaPnpm.stderr).toContain('save it with `pnpm -s oriva profile set <name> --api-key ok_…`');
    expect(viaPnpm.stderr).not.toMatch(/`oriva /);
    const linked = await run(['events', 'send', '--body', '{}'], { env: { ORIVA_APP_ID: 'a' } });
    expect(linked.stderr).toContain('save it with `oriva profile set <name> --api-key ok_…`');
  });

  it('connection refused hints at starting the server or checking --base-url', async () => {
    const port = await closedPort();
    const result = await run([
      'apps',
      'list',
      '--admin-token',
      'oat_test_token_123456',
      '--base-url',
      `http://127.0.0.1:${port}`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: could not connect to http://127.0.0.1:${port} (ECONNREFUSED)`);
    expect(result.stderr).toContain('hint: start the server with `pnpm start`');
    expect(result.stderr).toContain('`oriva server start`, or check --base-url');
  });
});

describe('oriva users token', () => {
  it('explains how to get a secret when there is none', async () => {
    const cwd = tempDir('no-secret');
    const result = await run(['users', 'token', 'user_1'], { env: {}, cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('start the server once with `oriva server start` or set ORIVA_JWT_SECRET');
  });

  it('mints a JWT with ORIVA_JWT_SECRET', async () => {
    const env = { ORIVA_JWT_SECRET: 'x'.repeat(40) };
    const result = await run(['users', 'token', 'user_1', '--expires-in', '2h'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const payload = JSON.parse(Buffer.from(result.stdout.split('.')[1] ?? '', 'base64url').toString());
    expect(payload.sub).toBe('user_1');
    expect(payload.exp - payload.iat).toBe(7200);
    const bad = await run(['users', 'token', 'user_1', '--expires-in', 'soon'], { env });
    expect(bad.code).toBe(2);
  });
});

/** The modules `entry` loads when it is imported, itself included: type-only imports are erased. */
function staticImports(root: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(join(root, entry), 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export) (?!type )[^;]*from '(\.[^']+)\.js'/gm)) {
    staticImports(root, join(dirname(entry), `${specifier}.ts`), seen);
  }
  return seen;
}

describe('startup cost', () => {
  it('no module loads the SDK or the server statically, and program.ts loads no command handler', () => {
    const root = new URL('.', import.meta.url).pathname;
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(files).toContain(join('commands', 'events', 'send.run.ts'));
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      // The contract's events entry is plain functions with no dependencies: cheap to load.
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from '@oriva\/(?!contract\/events')/m);
      expect(source, file).not.toMatch(/^export [^;]*from '@oriva\//m);
    }
    // program.ts loads every declaration and, through them, no handler: those load when their command runs.
    const loaded = [...staticImports(root, 'program.ts')];
    expect(loaded).toContain(join('commands', 'events', 'send.ts'));
    expect(loaded.filter((file) => file.endsWith('.run.ts'))).toEqual([]);
  });
});
