import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPENAPI_DOCUMENT = fileURLToPath(new URL('../../../../docs/openapi.yml', import.meta.url));

const require = createRequire(import.meta.url);
const PRISM_BIN = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');

export interface PrismProxy {
  url: string;
  /** Everything Prism logged: its violation lines name the field and the rule. */
  log(): string;
  close(): Promise<void>;
}

/** A free loopback port (released just before Prism binds it; nothing else here is racing for it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `prism proxy docs/openapi.yml <upstream> --errors` on a loopback port: it forwards each request to the
 * real server and answers a problem+json error (with an `sl-violations` header) instead whenever the
 * request or the server's response breaks the document. `validateRequest: false` forwards requests the
 * document refuses (to check what the server answers them), still checking the answers.
 */
export async function startPrismProxy(upstream: string, options: { validateRequest?: boolean } = {}) {
  const port = await freePort();
  const args = [
    PRISM_BIN,
    'proxy',
    OPENAPI_DOCUMENT,
    upstream,
    '--errors',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
  ];
  if (options.validateRequest === false) args.push('--validate-request', 'false');
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`prism exited with ${code} before listening:\n${output}`)));
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => output,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  } satisfies PrismProxy;
}
