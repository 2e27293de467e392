import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against source, never a stale build: every @oriva package resolves to its src/.
const alias = {
  '@oriva/contract': src('contract'),
  '@oriva/server': src('server'),
  '@oriva/sdk': src('sdk'),
  '@oriva/cli': src('cli'),
  '@oriva/webhook-verify': src('webhook-verify'),
};

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
