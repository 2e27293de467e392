import { defineConfig } from 'tsup';

export default defineConfig({
  // events is its own entry: `oriva listen` shapes and matches events without loading zod.
  entry: ['src/index.ts', 'src/events/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
