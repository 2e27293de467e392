/**
 * A rate-limited command against the real server: it says what was limited, when it frees up and
 * how to lift it, and exits at once; a bulk send that hits the limit says what was stored and
 * prints the command that resumes it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Env } from './config.js';
import { clockTime, formatSeconds, rateLimitHint } from './rate-limit.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
afterAll(removeTempDirs);

async function serve(limits: string, dataDir?: string) {
  const server = await startTestServer({ ORIVA_RATE_LIMITS: limits }, dataDir ? { dataDir } : {});
  servers.push(server);
  return server;
}

function envFor(server: TestServer, apiKey: string, appId: string): Env {
  return { ORIVA_API_BASE: server.url, ORIVA_API_KEY: apiKey, ORIVA_APP_ID: appId, XDG_CONFIG_HOME: tempDir('rl-cfg') };
}

const event = (index: number) =>
  JSON.stringify({
    event_category: 'bulk',
    event_type: 'imported',
    entity_type: 'record',
    entity_id: `r_${index}`,
    user_id: 'user_1',
  });

describe('a rate-limited command', () => {
  it('says which limit was reached, when it frees up and how to lift it locally, and exits 1', async () => {
    const server = await serve('webhooks=1/15m');
    const env = envFor(server, await server.createApp('limited'), 'limited');
    expect((await run(['webhooks', 'list'], { env })).code).toBe(0);

    const limited = await run(['webhooks', 'list'], { env });
    expect(limited.code).toBe(1);
    expect(limited.stdout).toBe('');
    expect(limited.stderr).toContain(
      'error: Rate limit reached for webhook management: 1 requests per 15 min for limited.',
    );
    expect(limited.stderr).toContain('status 429 · code rate_limited');
    expect(limited.stderr).toMatch(/\n {2}limit 1 per 15 min; frees up at \d\d:\d\d:\d\d \(in 1[45] min( \d+ s)?\)\n/);
    expect(limited.stderr).toContain('hint: this is a local server: restart it with ORIVA_RATE_LIMITS=off');
    // Not the SDK's old two retries of a minute each: no note about retrying, nothing waited.
    expect(limited.stderr).not.toContain('retrying');

    const asJson = await run(['webhooks', 'list', '--json'], { env });
    expect(asJson.code).toBe(1);
    const error = JSON.parse(asJson.stderr).error;
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(error.retry_after).toBeGreaterThan(800);
    expect(Date.parse(error.resets_at)).toBeGreaterThan(Date.now() + 800_000);
  });

  it('away from a local server, only says to wait until the limit frees up', () => {
    const now = new Date(2025, 8, 30, 14, 20, 38);
    const resetsAt = new Date(2025, 8, 30, 14, 32, 5);
    const facts = { retryAfter: 687, limit: 50, window: 900, resetsAt };
    expect(rateLimitHint(facts, 'https://api.oriva.io/api/v1', now)).toBe(
      'wait until the limit frees up (at 14:32:05), then run the command again',
    );
    expect(clockTime(new Date(2025, 9, 1, 0, 5, 0), now)).toBe('2025-10-01 00:05:00');
    expect([formatSeconds(687), formatSeconds(900), formatSeconds(3605), formatSeconds(0.2)]).toEqual([
      '11 min 27 s',
      '15 min',
      '1 h 5 s',
      '1 s',
    ]);
  });
});

describe('oriva events send --file that hits the limit', () => {
  it('says what was stored, prints the command that resumes at the first unsent line, and the resume sends the rest', async () => {
    const dataDir = tempDir('rl-data');
    const workDir = tempDir('rl-work');
    writeFileSync(join(workDir, 'events.ndjson'), `${Array.from({ length: 2_500 }, (_, i) => event(i)).join('\n')}\n`);

    const limited = await serve('events=1000/15m', dataDir);
    const apiKey = await limited.createApp('bulk');
    const stopped = await run(['events', 'send', '--file', 'events.ndjson'], {
      env: envFor(limited, apiKey, 'bulk'),
      cwd: workDir,
    });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('error: Rate limit reached for event publishing: 1000 events per 15 min for bulk');
    expect(stopped.stderr).toContain(
      'the batch with lines 1001-1500 was rejected; 1000 events were stored (lines 1-1000, 2 of 5 batches)',
    );
    const resume = /line 1001 is the first unsent line; resume with: (oriva events send [^\n]+)\n/.exec(stopped.stderr);
    expect(resume?.[1]).toBe('oriva events send --file events.ndjson --from-line 1001');
    expect(stopped.stderr).toContain('hint: this is a local server: restart it with ORIVA_RATE_LIMITS=off');

    // What the hint says: restart the server without limits, then paste the command.
    await limited.close();
    servers.splice(servers.indexOf(limited), 1);
    const unlimited = await serve('off', dataDir);
    const env = envFor(unlimited, apiKey, 'bulk');
    const resumed = await run(resume![1]!.split(' ').slice(1), { env, cwd: workDir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toBe('✔ Sent 1500 events (lines 1001-2500) to bulk in 3 batches\n');

    const listed = await run(['events', 'list', '--category', 'bulk', '--all', '--json'], { env });
    const ids = (JSON.parse(listed.stdout).events as { entity_id: string }[]).map((stored) => stored.entity_id);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
  });

  it('refuses --from-line without --file, and past the last event', async () => {
    const workDir = tempDir('rl-lines');
    writeFileSync(join(workDir, 'two.ndjson'), `${event(1)}\n${event(2)}\n`);
    const without = await run(['events', 'send', '--body', event(1), '--from-line', '2']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--from-line applies to --file');
    const past = await run(['events', 'send', '--file', 'two.ndjson', '--from-line', '3'], { cwd: workDir });
    expect(past.code).toBe(1);
    expect(past.stderr).toContain('two.ndjson holds no events at or after line 3; nothing was sent');
  });
});
