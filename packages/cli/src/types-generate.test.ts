import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@oriva/server/testing';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEventTypes, interfaceNames } from './commands/types/compile.js';
import { removeTempDirs, run, tempDir } from './run-cli.test-support.js';

afterAll(removeTempDirs);

/** Type errors of `files` (compiled together, strict), as `file:line message`. */
function typeErrors(dir: string, files: string[]): string[] {
  const program = ts.createProgram(
    files.map((file) => join(dir, file)),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      lib: ['lib.es2022.d.ts'],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      types: [],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.slice(dir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1} `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

/** Uses the generated types as the SDK's typed publish would: each line marked with `@ts-expect-error` must fail. */
const USAGE = `import type { OrivaEventMap, SessionEnded } from './oriva-events';

function publish<T extends keyof OrivaEventMap>(type: T, data: OrivaEventMap[T]): void {
  void type;
  void data;
}

const ended: SessionEnded = { duration: 1500, mode: 'deep' };
publish('session.ended', ended);
publish('session.ended', { duration: 10, tags: [{ label: 'x' }] });
publish('task.done', { task_id: 't_1' });
// @ts-expect-error duration is an integer, not a string
publish('session.ended', { duration: 'long' });
// @ts-expect-error mode is one of the enum's values
publish('session.ended', { duration: 1, mode: 'shallow' });
// @ts-expect-error duration is required
publish('session.ended', {});
// @ts-expect-error no such type in the catalogue
publish('session.never', {});
`;

describe('oriva types generate, against a running server', () => {
  let server: TestServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    server = await startTestServer();
    const key = await server.createApp('typed');
    env = { ORIVA_API_BASE: server.url, ORIVA_API_KEY: key, ORIVA_APP_ID: 'typed', NO_COLOR: '1' };
    const decl = tempDir('typed-decl');
    writeFileSync(
      join(decl, 'types.json'),
      JSON.stringify({
        event_types: [
          {
            name: 'session.ended',
            description: 'A focus session ended.',
            schema: {
              type: 'object',
              required: ['duration'],
              properties: {
                duration: { type: 'integer', minimum: 0 },
                mode: { enum: ['deep', 'light'] },
                tags: { type: 'array', items: { $ref: '#/$defs/Tag' } },
              },
              $defs: { Tag: { type: 'object', required: ['label'], properties: { label: { type: 'string' } } } },
            },
            examples: [{ duration: 1500, mode: 'deep' }],
          },
          {
            name: 'task.done',
            schema: { type: 'object', properties: { task_id: { type: 'string' } } },
            deprecated: true,
          },
        ],
      }),
    );
    const pushed = await run(['event-types', 'push', 'types.json'], { env, cwd: decl });
    expect(pushed.code, pushed.stderr).toBe(0);
  });
  afterAll(() => server.close());

  it('writes interfaces and OrivaEventMap that typecheck correct uses and reject wrong ones', async () => {
    const dir = tempDir('typed');
    const result = await run(['types', 'generate', '--out', 'oriva-events.d.ts'], { env, cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✔ Wrote \d+ event types to oriva-events\.d\.ts\n$/);

    const source = readFileSync(join(dir, 'oriva-events.d.ts'), 'utf8');
    expect(source).toMatch(/export interface OrivaEventMap \{\n[^}]* {2}"session\.ended": SessionEnded;\n/);
    expect(source).toContain('"notification.dismissed": NotificationDismissed;');
    expect(source).toMatch(/@deprecated[\s\S]*export interface TaskDone/);

    writeFileSync(join(dir, 'usage.ts'), USAGE);
    expect(typeErrors(dir, ['usage.ts'])).toEqual([]);

    // The same uses without the markers fail, each where expected: the check above can fail.
    writeFileSync(join(dir, 'usage.ts'), USAGE.replace(/^\/\/ @ts-expect-error.*\n/gm, ''));
    const errors = typeErrors(dir, ['usage.ts']);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^usage\.ts:\d+ .*'string' is not assignable to type 'number'/);
  });

  it("--app keeps one app's types, leaving out the platform's", async () => {
    const dir = tempDir('typed-app');
    const result = await run(['types', 'generate', '--out', 'app.d.ts', '--app', 'typed', '--json'], { env, cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ count: 2, event_types: ['session.ended', 'task.done'] });
    const source = readFileSync(join(dir, 'app.d.ts'), 'utf8');
    expect(source).not.toContain('notification.dismissed');
    expect(source).toContain('(app typed): 2 event types');

    const none = await run(['types', 'generate', '--out', 'none.d.ts', '--app', 'nobody'], { env, cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/declares no event types/);
  });
});

describe('interface names', () => {
  it('are PascalCase of the qualified name, numbered when two types (or the map) would share one', () => {
    expect([
      ...interfaceNames([
        'session.ended',
        'work_buddy.task-done',
        'session_ended.x',
        'session-ended.x',
        'oriva.event_map',
      ]).values(),
    ]).toEqual(['SessionEnded', 'WorkBuddyTaskDone', 'SessionEndedX', 'SessionEndedX2', 'OrivaEventMap2']);
  });
});

describe('compiling schemas', () => {
  it('follows local $refs under each type and turns any other $ref into unknown, fetching nothing', async () => {
    let fetched = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
      fetched++;
      return realFetch(...args);
    };
    try {
      const source = await compileEventTypes(
        [
          {
            name: 'a.one',
            schema: {
              type: 'object',
              required: ['tag', 'remote', 'file'],
              properties: {
                tag: { $ref: '#/$defs/Tag' },
                remote: { $ref: 'https://example.com/schema.json' },
                file: { $ref: '/etc/passwd' },
              },
              $defs: { Tag: { type: 'string' } },
            },
          },
          {
            name: 'b.two',
            schema: {
              type: 'object',
              properties: { tag: { $ref: '#/$defs/Tag' } },
              $defs: { Tag: { type: 'number' } },
            },
          },
        ],
        ['test'],
      );
      expect(source).toMatch(/export interface AOne \{\n {2}tag: string;\n {2}remote: unknown;\n {2}file: unknown;/);
      expect(source).toMatch(/export interface BTwo \{\n {2}tag\?: number;/);
      expect(fetched).toBe(0);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
