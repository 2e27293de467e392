import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeclarations } from './commands/event-types/declarations.js';
import { brokenExamples, lineDiff, sameJson } from './commands/event-types/shared.js';
import type { InputStream } from './context.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

afterAll(removeTempDirs);

const duration = (type: string) => ({
  type: 'object',
  required: ['duration'],
  properties: { duration: { type } },
});

describe('event-type declaration files', () => {
  it('reads one type per YAML or JSON file, or many under event_types, from a directory tree in path order', async () => {
    const dir = tempDir('decl');
    mkdirSync(join(dir, 'nested'));
    writeFileSync(
      join(dir, 'b.yaml'),
      'name: session.ended\nschema:\n  type: object\nexamples:\n  - { duration: 1 }\n',
    );
    writeFileSync(
      join(dir, 'nested', 'many.json'),
      JSON.stringify({
        event_types: [
          { name: 'task.done', schema: {} },
          { name: 'task.created', schema: {} },
        ],
      }),
    );
    writeFileSync(join(dir, 'README.md'), '# not a declaration');
    writeFileSync(join(dir, '.hidden.json'), '{');
    const names = (await readDeclarations('.', dir)).map((item) => `${item.name} ${item.source}`);
    expect(names).toEqual([
      'session.ended b.yaml',
      `task.done ${join('nested', 'many.json')}`,
      `task.created ${join('nested', 'many.json')}`,
    ]);
  });

  it('names the file and the field of a bad declaration, and a type declared twice', async () => {
    const dir = tempDir('bad');
    writeFileSync(join(dir, 'x.yml'), 'name: Session Ended\nschema: {}\ncolour: red\n');
    const error = await readDeclarations('x.yml', dir).catch((caught: unknown) => caught);
    expect(String(error)).toMatch(/x\.yml is not an event-type declaration/);
    const details = (error as { details: string[] }).details.join('\n');
    expect(details).toMatch(/^name: must be <event_category>\.<event_type>/m);
    expect(details).toMatch(/colour/);
    writeFileSync(join(dir, 'broken.json'), '{"name": ');
    await expect(readDeclarations('broken.json', dir)).rejects.toThrow(/broken\.json is not valid JSON/);
    const twice = tempDir('twice');
    writeFileSync(join(twice, 'a.json'), JSON.stringify({ name: 'a.b', schema: {} }));
    writeFileSync(join(twice, 'b.json'), JSON.stringify({ name: 'a.b', schema: {} }));
    await expect(readDeclarations('.', twice)).rejects.toThrow(/a\.b is declared twice: in a\.json and in b\.json/);
    await expect(readDeclarations('missing', twice)).rejects.toThrow(/no such file or directory/);
  });

  it('compares declarations ignoring key order, diffs lines, and reads broken examples from the 409 fields', () => {
    expect(sameJson({ a: 1, b: [{ c: 2, d: 3 }] }, { b: [{ d: 3, c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([' a', '-b', '+x', ' c']);
    expect(lineDiff([], ['a'])).toEqual(['+a']);
    expect(
      brokenExamples([
        { path: 'previous_examples.1/duration', message: 'must be string' },
        { path: 'schema', message: 'other' },
      ]),
    ).toEqual([{ index: 1, pointer: '/duration', message: 'must be string' }]);
  });
});

describe('oriva event-types, against a running server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    const key = await server.createApp('cli-types');
    env = { ORIVA_API_BASE: server.url, ORIVA_API_KEY: key, ORIVA_APP_ID: 'cli-types', NO_COLOR: '1' };
  });
  afterAll(() => server.close());

  function declare(dir: string, file: string, value: unknown) {
    writeFileSync(join(dir, file), file.endsWith('.json') ? JSON.stringify(value) : toYaml(value));
  }

  it('pushes new types, leaves unchanged ones alone, and versions a schema change', async () => {
    const dir = tempDir('push');
    declare(dir, 'session.ended.yaml', {
      name: 'session.ended',
      description: 'A focus session ended.',
      schema: duration('integer'),
      examples: [{ duration: 1500 }],
    });
    declare(dir, 'tasks.json', { event_types: [{ name: 'task.done', schema: { type: 'object' } }] });

    const first = await run(['event-types', 'push', '.'], { env, cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('✔ session.ended created (v1)\n✔ task.done created (v1)\n2 created\n');

    // The same files with keys in another order: nothing to send, no new version.
    declare(dir, 'session.ended.yaml', {
      examples: [{ duration: 1500 }],
      schema: { properties: { duration: { type: 'integer' } }, required: ['duration'], type: 'object' },
      description: 'A focus session ended.',
      name: 'session.ended',
    });
    const again = await run(['event-types', 'push', '.', '--json'], { env, cwd: dir });
    expect(again.code).toBe(0);
    const document = JSON.parse(again.stdout) as { event_types: { name: string; outcome: string; version: number }[] };
    expect(document.event_types.map(({ name, outcome, version }) => `${name} ${outcome} ${version}`)).toEqual([
      'session.ended unchanged 1',
      'task.done unchanged 1',
    ]);

    declare(dir, 'tasks.json', {
      event_types: [{ name: 'task.done', description: 'Done.', schema: { type: 'object' } }],
    });
    const described = await run(['event-types', 'push', 'tasks.json'], { env, cwd: dir });
    expect(described.stdout).toBe('✔ task.done updated (v1, same schema)\n1 updated\n');

    declare(dir, 'tasks.json', {
      event_types: [{ name: 'task.done', description: 'Done.', schema: { type: 'object', required: ['task_id'] } }],
    });
    const changed = await run(['event-types', 'push', 'tasks.json'], { env, cwd: dir });
    expect(changed.stdout).toBe('✔ task.done changed (v2)\n1 changed\n');
  });

  it('shows what breaks and refuses it without --breaking; a "y" at a terminal or --breaking accepts it', async () => {
    const dir = tempDir('breaking');
    const ended = (type: string, example: unknown) => ({
      name: 'focus.ended',
      schema: duration(type),
      examples: [example],
    });
    declare(dir, 'focus.json', ended('integer', { duration: 1500 }));
    expect((await run(['event-types', 'push', 'focus.json'], { env, cwd: dir })).code).toBe(0);

    declare(dir, 'focus.json', ended('string', { duration: 'long' }));
    const refused = await run(['event-types', 'push', 'focus.json'], { env, cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('✖ focus.ended not pushed: breaking (still v1)\n1 refused\n');
    expect(refused.stderr).toContain('! focus.ended: the new schema rejects examples of version 1');
    expect(refused.stderr).toContain('example 0 at /duration: must be string');
    expect(refused.stderr).toContain('{"duration":1500}');
    expect(refused.stderr).toMatch(/^ {4}- {6}"type": "integer"$/m);
    expect(refused.stderr).toMatch(/^ {4}\+ {6}"type": "string"$/m);
    expect(refused.stderr).toMatch(/error: 1 breaking change not pushed: focus\.ended/);
    expect(refused.stderr).toMatch(/--breaking/);

    const declined = await run(['event-types', 'push', 'focus.json'], { env, cwd: dir, stdin: terminal('n\n') });
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('Push the breaking change to focus.ended? [y/N]');

    const confirmed = await run(['event-types', 'push', 'focus.json'], { env, cwd: dir, stdin: terminal('y\n') });
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toBe('✔ focus.ended changed (v2) breaking\n1 changed\n');

    declare(dir, 'focus.json', ended('boolean', { duration: true }));
    const forced = await run(['event-types', 'push', 'focus.json', '--breaking', '--json'], { env, cwd: dir });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      event_types: [
        { name: 'focus.ended', outcome: 'changed', version: 3, broken: [{ index: 0, pointer: '/duration' }] },
      ],
      refused: 0,
    });
  });

  it('names the file when the server refuses a declaration (an example that fails its schema)', async () => {
    const dir = tempDir('refused');
    declare(dir, 'bad.json', { name: 'bad.example', schema: duration('integer'), examples: [{ duration: 'x' }] });
    const result = await run(['event-types', 'push', 'bad.json'], { env, cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/example_invalid|Examples must validate/);
    expect(result.stderr).toContain('declared in bad.json');
  });

  it('lists the types and shows one, at its latest or an earlier version', async () => {
    const dir = tempDir('show');
    declare(dir, 'a.json', { name: 'shown.one', description: 'First.', schema: duration('integer') });
    await run(['event-types', 'push', 'a.json'], { env, cwd: dir });
    declare(dir, 'a.json', { name: 'shown.one', description: 'First.', schema: duration('number') });
    await run(['event-types', 'push', 'a.json'], { env, cwd: dir });

    const list = await run(['event-types', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME +VERSION +DEPRECATED +UPDATED +DESCRIPTION$/m);
    expect(list.stdout).toMatch(/^shown\.one +2 .*First\.$/m);

    const latest = await run(['event-types', 'show', 'shown.one'], { env });
    expect(latest.stdout).toMatch(/^version +2 \(of 1, 2\)$/m);
    expect(latest.stdout).toContain('"type": "number"');
    const first = await run(['event-types', 'show', 'shown.one', '--schema-version', '1', '--json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).event_type).toMatchObject({ version: 1, schema: duration('integer') });

    const missing = await run(['event-types', 'show', 'no.such'], { env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/oriva event-types list/);
  });
});

/** A stdin that says it is a terminal and answers with `text`. */
function terminal(text: string): InputStream {
  return Object.assign(Readable.from([text]), { isTTY: true });
}

/** Enough YAML for these tests: JSON is YAML, written as a block so the YAML reader is exercised too. */
function toYaml(value: unknown): string {
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${key}: ${JSON.stringify(inner)}`)
    .join('\n');
}
