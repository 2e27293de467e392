/**
 * `oriva admin archive list|restore` against the real server with ORIVA_ARCHIVE_DIR: retention
 * archives, then the CLI lists the archive and restores it, twice, and is refused a path.
 */
import * as server from '@oriva/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from './config.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

type RunningServer = Awaited<ReturnType<typeof server.startServer>>;

const APP = 'cli-archive';
let running: RunningServer;
let env: Env;
let apiKey: string;

// biome-ignore lint/suspicious/noExplicitAny: test assertions read whatever the command printed.
const json = (text: string) => JSON.parse(text) as Record<string, any>;

const countEvents = async () => {
  const response = await fetch(`${running.url}/api/v1/apps/${APP}/events?limit=100`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  return ((await response.json()) as { events: unknown[] }).events.length;
};

beforeAll(async () => {
  const dataDir = tempDir('archive-data');
  running = await server.startServer({
    env: {
      ORIVA_PORT: '0',
      ORIVA_HOST: '127.0.0.1',
      ORIVA_DATA_DIR: dataDir,
      ORIVA_DEV: '1',
      ORIVA_LOG_LEVEL: 'silent',
      ORIVA_RATE_LIMITS: 'off',
      ORIVA_RETENTION_DAYS: '0',
      ORIVA_ARCHIVE_DIR: tempDir('archive-files'),
    },
  });
  env = { ORIVA_API_BASE: running.url, ORIVA_DATA_DIR: dataDir, XDG_CONFIG_HOME: tempDir('archive-config') };
  const created = await run(['apps', 'create', APP, '--name', 'CLI archive', '--json'], { env });
  expect(created.code).toBe(0);
  apiKey = json(created.stdout).api_key.key;
  for (let index = 0; index < 4; index++) {
    const response = await fetch(`${running.url}/api/v1/apps/${APP}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_category: 'bulk',
        event_type: 'imported',
        entity_type: 'record',
        entity_id: `r_${index}`,
        user_id: 'user_1',
      }),
    });
    expect(response.status).toBe(200);
  }
});

afterAll(async () => {
  await running?.close();
  removeTempDirs();
});

describe('oriva admin archive', () => {
  let file: string;

  it('list shows nothing before retention runs, then the archive it wrote', async () => {
    const empty = await run(['admin', 'archive', 'list'], { env });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No archives yet');

    // Past the end of this month: with archival on, retention goes by whole months.
    const before = new Date(Date.now() + 62 * 24 * 60 * 60 * 1000).toISOString();
    const pruned = await run(['admin', 'prune', '--before', before, '--json'], { env });
    expect(pruned.code).toBe(0);
    expect(json(pruned.stdout)).toMatchObject({ events_deleted: 4, archives_written: 1 });
    expect(await countEvents()).toBe(0);

    const listed = await run(['admin', 'archive', 'list', '--json'], { env });
    expect(listed.stderr).toBe('');
    const [archive] = json(listed.stdout).data;
    expect(archive).toMatchObject({ complete: true, app_id: APP, rows: 4 });
    file = archive.file;

    const human = await run(['admin', 'archive', 'list'], { env });
    expect(human.stdout).toMatch(
      new RegExp(`^FILE +STATE +EVENTS[^\\n]*\\n${file.replaceAll('.', '\\.')} +complete +4 `),
    );
  });

  it('restore puts the events back, and a second restore adds nothing', async () => {
    const first = await run(['admin', 'archive', 'restore', file], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`✔ Restored 4 of 4 events from ${file}.\n`);
    expect(await countEvents()).toBe(4);

    const second = await run(['admin', 'archive', 'restore', file, '--json'], { env });
    expect(second.code).toBe(0);
    expect(json(second.stdout)).toMatchObject({ rows: 4, restored: 0 });
    expect(await countEvents()).toBe(4);
  });

  it('restore refuses a path, naming the field', async () => {
    const refused = await run(['admin', 'archive', 'restore', `../${file}`], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('file');
    expect(await countEvents()).toBe(4);
  });
});
