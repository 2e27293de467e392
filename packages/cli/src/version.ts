import { readFileSync } from 'node:fs';

/** This package's version, as `oriva --version` prints it and `oriva mcp` announces itself. */
export function packageVersion(): string {
  try {
    // src/version.ts and dist/*.js both sit one level below package.json.
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
