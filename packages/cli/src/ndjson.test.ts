import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonObject, parseNdjson } from './ndjson.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

afterAll(removeTempDirs);

describe('parseNdjson', () => {
  it('keeps line numbers, skips blank lines, accepts CRLF and a BOM', () => {
    const text = '\uFEFF{"a":1}\r\n\r\n   \n{"b":2}\n';
    expect(parseNdjson(text)).toEqual({
      records: [
        { line: 1, value: { a: 1 } },
        { line: 4, value: { b: 2 } },
      ],
      errors: [],
    });
  });

  it('reports every bad line by number', () => {
    const { records, errors } = parseNdjson('{"ok":1}\n{bad\n\n[1,2]\n"text"\nnull\n{"ok":2}');
    expect(records.map((record) => record.line)).toEqual([1, 7]);
    expect(errors.map((error) => error.line)).toEqual([2, 4, 5, 6]);
    expect(errors[0]?.message).toMatch(/^not valid JSON/);
    expect(errors[1]?.message).toBe('expected a JSON object, got an array');
    expect(errors[2]?.message).toBe('expected a JSON object, got a string');
    expect(errors[3]?.message).toBe('expected a JSON object, got null');
  });
});

describe('parseJsonObject', () => {
  it('accepts objects only', () => {
    expect(parseJsonObject('{"a":[1]}')).toEqual({ value: { a: [1] } });
    expect(parseJsonObject('[1]')).toEqual({ error: 'not a JSON object (got an array)' });
    expect(parseJsonObject('{')).toMatchObject({ error: expect.stringMatching(/^not valid JSON/) });
  });
});

describe('oriva events send --file', () => {
  it('reports bad lines with their numbers and sends nothing', async () => {
    const dir = tempDir('ndjson');
    const event = JSON.stringify({
      event_category: 'a',
      event_type: 'b',
      entity_type: 'c',
      entity_id: 'd',
      user_id: 'e',
    });
    writeFileSync(join(dir, 'events.ndjson'), [event, '', event, '{"event_category": ', event, '42'].join('\n'));
    // No server runs at this base URL: a request would fail differently.
    const env = { ORIVA_API_BASE: 'http://127.0.0.1:9', ORIVA_API_KEY: 'ok_x', ORIVA_APP_ID: 'app' };
    const result = await run(['events', 'send', '--file', 'events.ndjson'], { env, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('events.ndjson has 2 bad lines (first: line 4); nothing was sent');
    expect(result.stderr).toContain('events.ndjson:4: not valid JSON');
    expect(result.stderr).toContain('events.ndjson:6: expected a JSON object, got a number');
    expect(result.stderr).not.toMatch(/could not connect|\n\s+at /);
  });

  it('says when the file does not exist or holds no events', async () => {
    const dir = tempDir('ndjson-missing');
    writeFileSync(join(dir, 'empty.ndjson'), '\n\n');
    const missing = await run(['events', 'send', '--file', 'nope.ndjson'], { cwd: dir });
    expect(missing).toMatchObject({ code: 1, stderr: 'error: no such file: nope.ndjson\n' });
    const empty = await run(['events', 'send', '--file', 'empty.ndjson'], { cwd: dir });
    expect(empty.stderr).toBe('error: empty.ndjson holds no events; nothing was sent\n');
  });
});
