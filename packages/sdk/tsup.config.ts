import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
  // The version sent in `x-oriva-sdk`, always the one in package.json (changesets bumps it there).
  define: { __ORIVA_SDK_VERSION__: JSON.stringify(version) },
});
