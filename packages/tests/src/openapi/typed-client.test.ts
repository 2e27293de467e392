import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildOpenApiDocument } from '@oriva/contract';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from './prism.test-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const calls = join(here, 'typed-client', 'calls.ts');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

// Under node_modules, so the copy resolves openapi-fetch like any file of the repository would.
const cache = join(here, '..', '..', 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'typed-client-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a client generated from docs/openapi.yml (openapi-typescript + openapi-fetch) typechecks a call to every operation', async () => {
  const types = astToString(await openapiTS(pathToFileURL(OPENAPI_DOCUMENT)));
  writeFileSync(join(work, 'openapi.gen.ts'), types);
  copyFileSync(calls, join(work, 'calls.ts'));
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noUncheckedIndexedAccess: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: ['calls.ts'],
    }),
  );
  const result = await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: work }).catch(
    (error: { stdout: string }) => ({ stdout: error.stdout }),
  );
  expect(result.stdout).toBe('');
}, 60_000);

it('the typed client script calls every operation of the document', () => {
  const script = readFileSync(calls, 'utf8');
  const called = new Set(
    [...script.matchAll(/oriva\.(GET|POST|PUT|PATCH|DELETE)\(\s*'([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`),
  );
  const paths = buildOpenApiDocument().paths as Record<string, Record<string, unknown>>;
  const operations = Object.entries(paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
  );
  expect(operations.filter((operation) => !called.has(operation))).toEqual([]);
});
