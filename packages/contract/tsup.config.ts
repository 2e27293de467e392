import { defineConfig } from 'tsup';

export default defineConfig({
  // webhook-payload is its own entry: `oriva listen` builds delivery bodies without loading zod.
  entry: ['src/index.ts', 'src/webhook-payload.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
