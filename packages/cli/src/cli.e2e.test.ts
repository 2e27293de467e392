/**
 * End to end: the real server, in-process on a free port, driven through `main()` exactly as the
 * `oriva` binary would be. The admin token is found the way a developer's is: in the data directory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as server from '@oriva/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from './config.js';
import { capture, removeTempDirs, run, tempDir } from './run-cli.test-support.js';

type RunningServer = Awaited<ReturnType<typeof server.startServer>>;

const APP = 'cli-e2e';
let running: RunningServer;
let dataDir: string;
let workDir: string;
let env: Env;
let apiKey: string;

const event = (overrides: Record<string, unknown> = {}) => ({
  event_category: 'bulk',
  event_type: 'imported',
  entity_type: 'record',
  entity_id: 'r_0',
  user_id: 'user_1',
  ...overrides,
});

// biome-ignore lint/suspicious/noExplicitAny: test assertions read whatever the command printed.
const json = (text: string) => JSON.parse(text) as Record<string, any>;

beforeAll(async () => {
  dataDir = tempDir('e2e-data');
  workDir = tempDir('e2e-work');
  running = await server.startServer({
    env: {
      ORIVA_PORT: '0',
      ORIVA_HOST: '127.0.0.1',
      ORIVA_DATA_DIR: dataDir,
      ORIVA_DEV: '1',
      ORIVA_LOG_LEVEL: 'silent',
      // 1,200 events from one app in a few seconds is above the default 1,000 per 15 minutes.
      ORIVA_RATE_LIMITS: 'off',
    },
  });
  // No admin token anywhere but <ORIVA_DATA_DIR>/admin-token; a config dir of our own.
  env = { ORIVA_API_BASE: running.url, ORIVA_DATA_DIR: dataDir, XDG_CONFIG_HOME: tempDir('e2e-config') };
});

afterAll(async () => {
  await running?.close();
  removeTempDirs();
});

describe('oriva against a running server', () => {
  it('apps create --json prints the app and its key (admin token read from the data dir)', async () => {
    const result = await run(['apps', 'create', APP, '--name', 'CLI E2E', '--json'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const body = json(result.stdout);
    expect(body.app).toMatchObject({ app_id: APP, name: 'CLI E2E' });
    expect(body.api_key.key).toMatch(/^ok_/);
    apiKey = body.api_key.key;
    env = { ...env, ORIVA_API_KEY: apiKey, ORIVA_APP_ID: APP };
  });

  it('apps create prints the key once with a note, apps list and show find the apps', async () => {
    const created = await run(['apps', 'create', 'cli-e2e-other', '--name', 'Other'], { env });
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Registered app cli-e2e-other');
    expect(created.stdout).toMatch(/API key \(shown once[^\n]*\n {2}ok_\S+\n/);

    const list = await run(['apps', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^APP ID\s+NAME\s+CREATED\n/);
    expect(list.stdout).toContain(APP);
    expect(list.stdout).toContain('cli-e2e-other');

    const show = await run(['apps', 'show', APP, '--json'], { env });
    expect(json(show.stdout).app.app_id).toBe(APP);
  });

  it('events send with flags', async () => {
    const result = await run(
      [
        'events',
        'send',
        '--category',
        'notification',
        '--type',
        'dismissed',
        '--entity-type',
        'notification',
        '--entity-id',
        'wb_notif_123',
        '--user',
        'user_456',
        '--data',
        '{"dismissed_from":"work_buddy"}',
      ],
      { env },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ Published evt_\w+ \(notification\.dismissed\) at /);
  });

  it('events send --body --json', async () => {
    const body = JSON.stringify(event({ event_category: 'task', event_type: 'done', user_id: 'user_789' }));
    const result = await run(['events', 'send', '--body', body, '--json'], { env });
    expect(result.code).toBe(0);
    expect(json(result.stdout)).toMatchObject({ success: true, event_id: expect.stringMatching(/^evt_/) });
  });

  it('events send --file sends 1,200 lines in 3 batches; events list --all --json returns them all', async () => {
    const lines = Array.from({ length: 1200 }, (_, index) => JSON.stringify(event({ entity_id: `r_${index}` })));
    lines.splice(600, 0, '', '   '); // blank lines are skipped
    writeFileSync(join(workDir, 'events.ndjson'), `${lines.join('\n')}\n`);

    const sent = await run(['events', 'send', '--file', 'events.ndjson', '--json'], { env, cwd: workDir });
    expect(sent.stderr).toBe('');
    expect(sent.code).toBe(0);
    const body = json(sent.stdout);
    expect(body).toMatchObject({ success: true, app_id: APP, count: 1200, batches: 3 });
    expect(body.events).toHaveLength(1200);

    const listed = await run(['events', 'list', '--category', 'bulk', '--all', '--json'], { env });
    expect(listed.code).toBe(0);
    const all = json(listed.stdout);
    expect(all.count).toBe(1200);
    expect(all.events).toHaveLength(1200);
    expect(new Set(all.events.map((item: { entity_id: string }) => item.entity_id)).size).toBe(1200);
  });

  it('events send --file shows progress on a TTY stderr only', async () => {
    writeFileSync(join(workDir, 'two.ndjson'), `${JSON.stringify(event())}\n${JSON.stringify(event())}\n`);
    const stderr = capture(true);
    const result = await run(['events', 'send', '--file', 'two.ndjson'], {
      env: { ...env, NO_COLOR: '1' },
      cwd: workDir,
      stderr,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`✔ Sent 2 events to ${APP} in 1 batch\n`);
    expect(stderr.text).toContain('2/2 (100%)');
  });

  it('events list --json and the table', async () => {
    const page = await run(['events', 'list', '--limit', '5', '--json'], { env });
    expect(page.code).toBe(0);
    const body = json(page.stdout);
    expect(body.events).toHaveLength(5);
    expect(body.pagination).toMatchObject({ limit: 5, has_more: true, total: 1204 });

    const filtered = await run(['events', 'list', '--user', 'user_456', '--since', '1h'], { env });
    expect(filtered.code).toBe(0);
    const [header, row, footer] = filtered.stdout.split('\n');
    expect(header).toMatch(/^ID\s+TIME\s+TYPE\s+USER\s+ENTITY$/);
    expect(row).toMatch(
      /^evt_[0-9A-Z]{26}\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+notification\.dismissed\s+user_456\s+notification:wb_notif_123$/,
    );
    expect(footer).toBe('1 event');

    const future = await run(['events', 'list', '--until', '2000-01-01', '--json'], { env });
    expect(json(future.stdout).events).toEqual([]);
  });

  it('a revoked key stops working: exit 1 with an authentication message', async () => {
    const created = await run(['keys', 'create', APP, '--name', 'rotation', '--json'], { env });
    expect(created.code).toBe(0);
    const { id, key } = json(created.stdout).api_key;
    expect(key).toMatch(/^ok_/);

    const keys = await run(['keys', 'list', APP, '--json'], { env });
    expect(json(keys.stdout).api_keys.map((item: { id: string }) => item.id)).toContain(id);

    const withNewKey = await run(['events', 'send', '--body', JSON.stringify(event()), '--api-key', key], { env });
    expect(withNewKey.code).toBe(0);

    const revoked = await run(['keys', 'revoke', APP, id], { env });
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked key ${id}`);

    const refused = await run(['events', 'send', '--body', JSON.stringify(event()), '--api-key', key], { env });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: authentication failed: /);
    expect(refused.stderr).toMatch(/status 401 · code \w+ · request id req_/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const table = await run(['keys', 'list', APP], { env });
    expect(table.stdout).toMatch(new RegExp(`${id}\\s+rotation\\s+ok_\\S+…\\s+\\S+ \\S+\\s+revoked `));
  });

  it('users token prints a JWT signed with the data dir secret', async () => {
    const result = await run(['users', 'token', 'user_456', '--expires-in', '30m'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+\n$/);
    const payload = JSON.parse(Buffer.from(result.stdout.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'user_456' });
    expect(payload.exp - payload.iat).toBe(1800);
  });

  it('bad input: exit 1, the field named (and the flag behind it)', async () => {
    const flags = ['--type', 'x', '--entity-type', 'y', '--entity-id', 'z', '--user', 'u'];
    const result = await run(['events', 'send', '--category', 'Not Valid', ...flags], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('status 400 · code validation_failed');
    expect(result.stderr).toContain('- event_category (--category): ');

    const asJson = await run(['events', 'send', '--category', 'Not Valid', ...flags, '--json'], { env });
    expect(asJson.code).toBe(1);
    expect(asJson.stdout).toBe('');
    const error = json(asJson.stderr).error;
    expect(error).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(error.fields[0].path).toContain('event_category');
  });

  it('a rejected batch names the file line and says what was stored', async () => {
    const lines = Array.from({ length: 600 }, (_, index) =>
      JSON.stringify(event({ event_category: 'partial', entity_id: `p_${index}` })),
    );
    lines[549] = JSON.stringify({ ...event({ event_category: 'partial' }), user_id: undefined });
    writeFileSync(join(workDir, 'partial.ndjson'), lines.join('\n'));
    const result = await run(['events', 'send', '--file', 'partial.ndjson'], { env, cwd: workDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/- partial\.ndjson:550 user_id: /);
    expect(result.stderr).toContain(
      'the batch with lines 501-600 was rejected; 500 events were stored (lines 1-500, 1 of 2 batches)',
    );
    expect(result.stderr).toContain(
      'line 501 is the first unsent line; resume with: oriva events send --file partial.ndjson --from-line 501',
    );
  });

  it('stats shows the series and the success metrics, and --json the whole answer', async () => {
    const asJson = await run(['stats', '--since', '1h', '--interval', 'minute', '--json'], { env });
    expect(asJson.stderr).toBe('');
    expect(asJson.code).toBe(0);
    const report = json(asJson.stdout);
    expect(report).toMatchObject({ success: true, app_id: APP, interval: 'minute' });
    expect(report.totals.events.by_type['bulk.imported']).toBeGreaterThan(1_000);
    expect(report.series.length).toBeGreaterThanOrEqual(60);

    const human = await run(['stats', '--since', '1h'], { env });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Stats \S+Z → \S+Z, by hour\n/);
    expect(human.stdout).toMatch(/START\s+EVENTS\s+CREATED/);
    expect(human.stdout).toMatch(/view_rate\s+–\s+≥ 80\.0%\s+no data/);

    const operator = await run(['stats', '--all-apps', '--json'], { env });
    expect(operator.code).toBe(0);
    expect(json(operator.stdout).apps.map((app: { app_id: string }) => app.app_id)).toContain(APP);

    const tooMany = await run(['stats', '--since', '30d', '--interval', 'minute'], { env });
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('interval');
  });

  it('admin prune reports what it deleted, and refuses two cutoffs', async () => {
    const human = await run(['admin', 'prune', '--older-than', '30'], { env });
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^✔ Pruned data older than \S+Z: 0 events, 0 webhook deliveries\.\n$/);

    // Everything published so far is older than a cutoff a minute from now.
    const cutoff = new Date(Date.now() + 60_000).toISOString();
    const asJson = await run(['admin', 'prune', '--before', cutoff, '--json'], { env });
    expect(asJson.code).toBe(0);
    expect(json(asJson.stdout)).toMatchObject({ success: true, cutoff });
    expect(json(asJson.stdout).events_deleted).toBeGreaterThan(1_000);

    const both = await run(['admin', 'prune', '--older-than', '30', '--before', cutoff], { env });
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('--older-than or --before');
  });

  it('admin users delete erases the user and names the apps that were told', async () => {
    const body = JSON.stringify(event({ user_id: 'user_erased', entity_id: 'r_erase' }));
    expect((await run(['events', 'send', '--body', body], { env })).code).toBe(0);
    const human = await run(['admin', 'users', 'delete', 'user_erased'], { env });
    expect(human.stderr).toBe('');
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^✔ Erased user_erased: 0 notifications, 1 events, .*user\.deleted sent to: cli-e2e\.\n$/,
    );

    const again = await run(['admin', 'users', 'delete', 'user_erased', '--json'], { env });
    expect(again.code).toBe(0);
    expect(json(again.stdout)).toMatchObject({ success: true, user_id: 'user_erased', notified_apps: [] });
  });

  it('apps create of an existing app reports the conflict', async () => {
    const result = await run(['apps', 'create', APP, '--name', 'Again'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('status 409');
  });
});

describe('oriva server start', () => {
  it('runs until stopped, then closes gracefully', async () => {
    const stdout = capture();
    const controller = new AbortController();
    const done = run(
      ['server', 'start', '--port', '0', '--host', '127.0.0.1', '--data-dir', 'data', '--dev', '--json'],
      { env: { ORIVA_LOG_LEVEL: 'silent' }, cwd: tempDir('server-start'), signal: controller.signal, stdout },
    );
    const deadline = Date.now() + 10_000;
    while (!stdout.text.includes('\n') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const started = json(stdout.text);
    expect(started).toMatchObject({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), dev: true });
    expect(started.data_dir).toMatch(/server-start-\w+\/data$/);
    expect(started.admin_token_file).toBe(join(started.data_dir, 'admin-token'));
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);

    controller.abort();
    expect(await done).toMatchObject({ code: 0, stderr: '' });
    await expect(fetch(`${started.url}/healthz`)).rejects.toThrow();
  });

  it('prints the banner in human mode', async () => {
    const stdout = capture();
    const controller = new AbortController();
    const done = run(['server', 'start', '--port', '0', '--host', '127.0.0.1'], {
      env: { ORIVA_LOG_LEVEL: 'silent', ORIVA_DEV: '1' },
      cwd: tempDir('server-banner'),
      signal: controller.signal,
      stdout,
    });
    const deadline = Date.now() + 10_000;
    while (!stdout.text.includes('Ctrl-C') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stdout.text).toContain('Oriva server listening on http://127.0.0.1:');
    expect(stdout.text).toContain('Admin token: saved in ./.oriva/admin-token');
    controller.abort();
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Server stopped.');
  });
});
