#!/usr/bin/env node
// A committed launcher, so installing the workspace links a file that exists before the first build.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('error: oriva is not built yet\nhint: run `pnpm build:cli` in the Oriva repository\n');
  process.exit(1);
}
await import(entry.href);
