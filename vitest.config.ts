import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

// Tests run against source, never a stale build: every @oriva package (and subpath) resolves to its src/.
const alias = [
  { find: /^@oriva\/server\/testing$/, replacement: src('server/src/testing/index.ts') },
  { find: /^@oriva\/contract\/events$/, replacement: src('contract/src/events/index.ts') },
  { find: /^@oriva\/webhook-verify\/(express|hono|http|web)$/, replacement: src('webhook-verify/src/$1.ts') },
  ...['contract', 'server', 'sdk', 'cli', 'webhook-verify'].map((name) => ({
    find: new RegExp(`^@oriva/${name}$`),
    replacement: src(`${name}/src/index.ts`),
  })),
];

const project = (
  name: string,
  include: string[],
  extra: { exclude?: string[]; env?: Record<string, string> } = {},
) => ({
  extends: true as const,
  test: { name, include, ...extra },
});

// PostgreSQL and Redis tests read their URLs from the environment (.ci/run sets them); these are the
// machine's local services, so `pnpm test` works the same outside CI.
const env = {
  ORIVA_TEST_DATABASE_URL: process.env.ORIVA_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  ORIVA_TEST_REDIS_URL: process.env.ORIVA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export default defineConfig({
  resolve: { alias },
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    env,
    globalSetup: ['./packages/server/src/testing/clear-test-schemas.ts'],
    projects: [
      project('contract', ['packages/contract/src/**/*.test.ts']),
      project('server', ['packages/server/src/**/*.test.ts']),
      // The same API suite against PostgreSQL: the harness gives each test server its own schema.
      project('server-pg', ['packages/server/src/**/*.test.ts'], {
        exclude: ['packages/server/src/storage/**', 'packages/server/src/config/**', '**/node_modules/**'],
        env: { ...env, ORIVA_TEST_STORAGE: 'postgres' },
      }),
      project('sdk', ['packages/sdk/src/**/*.test.ts']),
      project('cli', ['packages/cli/src/**/*.test.ts']),
      project('webhook-verify', ['packages/webhook-verify/src/**/*.test.ts']),
      project('notification-center', ['packages/notification-center/src/**/*.test.ts']),
      project('console', ['packages/console/src/**/*.test.ts']),
      project('integration', ['packages/tests/**/*.test.ts']),
      project('examples', ['examples/*/src/**/*.test.ts']),
    ],
  },
});
