/**
 * Runtime detection without touching globals that a runtime may not have: `process` is
 * absent in browsers, and bundlers must not be tempted to inline `process.env` into a bundle.
 */

interface MaybeProcess {
  env?: Record<string, string | undefined>;
  versions?: { node?: string };
}

function maybeProcess(): MaybeProcess | undefined {
  return (globalThis as { process?: MaybeProcess }).process;
}

/** An environment variable's trimmed value, or `undefined` when unset, empty, or there is no `process`. */
export function readEnv(name: string): string | undefined {
  try {
    const value = maybeProcess()?.env?.[name]?.trim();
    return value ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The Node.js version (`20.18.0`), or `undefined` outside Node. */
export function nodeVersion(): string | undefined {
  const version = maybeProcess()?.versions?.node;
  return typeof version === 'string' ? version : undefined;
}

/** True in a web page (a `window` with a `document`); false in Node, Deno, Bun and web workers. */
export function isBrowser(): boolean {
  const g = globalThis as { window?: { document?: unknown }; navigator?: unknown; Deno?: unknown };
  return (
    typeof g.window === 'object' &&
    g.window !== null &&
    typeof g.window.document !== 'undefined' &&
    typeof g.navigator !== 'undefined' &&
    typeof g.Deno === 'undefined'
  );
}
