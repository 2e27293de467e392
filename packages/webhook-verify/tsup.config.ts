import { defineConfig } from 'tsup';

// Two builds of the same API share src/core/ (runtime-neutral, no crypto: one module per concern): src/index.ts
// (node:crypto, synchronous, its HMAC in src/node-hmac.ts) for the `node` export condition and src/web.ts (WebCrypto,
// async) for everything else. The adapters are separate subpath entries so the main entry never pulls them in.
// Each entry is emitted as ESM (.js + .d.ts) and CJS (.cjs + .d.cts).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    web: 'src/web.ts',
    express: 'src/express.ts',
    hono: 'src/hono.ts',
    http: 'src/http.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  tsconfig: 'tsconfig.build.json',
});
