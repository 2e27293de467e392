import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against source, never a stale build: every @oriva package (and subpath) resolves to its src/.
const alias = [
  { find: /^@oriva\/server\/testing$/, replacement: src('server/src/testing/index.ts') },
  ...['contract', 'server', 'sdk', 'cli', 'webhook-verify'].map((name) => ({
    find: new RegExp(`^@oriva/${name}$`),
    replacement: src(`${name}/src/index.ts`),
  })),
];

const project = (name: string, include: string[]) => ({
  extends: true as const,
  test: { name, include },
});

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      project('contract', ['packages/contract/src/**/*.test.ts']),
      project('server', ['packages/server/src/**/*.test.ts']),
      project('sdk', ['packages/sdk/src/**/*.test.ts']),
      project('cli', ['packages/cli/src/**/*.test.ts']),
      project('webhook-verify', ['packages/webhook-verify/src/**/*.test.ts']),
      project('integration', ['packages/tests/**/*.test.ts']),
    ],
  },
});
