/**
 * Builds the notification center into this package's `dist/`, which @oriva/server finds by package
 * resolution and serves at `GET /inbox`. Run by `pnpm build` and `pnpm start` (through this package's
 * `build` script); the browser tests import `buildNotificationCenter` and run it before they start a server.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type BuildResult, buildBrowserPage } from '../../../scripts/build-browser-page.js';

const PACKAGE_ROOT = new URL('../', import.meta.url);

/** `dist/`: the assets this package publishes (its package.json `files`). */
export const DIST_DIR = fileURLToPath(new URL('dist', PACKAGE_ROOT));

/**
 * Builds the notification center (`src/main.tsx`, `styles.css`, `index.html`) into `dist/`, or `outdir`.
 *
 * @example
 * const { outdir } = await buildNotificationCenter();
 */
export function buildNotificationCenter(options: { outdir?: string } = {}): Promise<BuildResult> {
  return buildBrowserPage({ packageRoot: PACKAGE_ROOT, publicPath: '/inbox', outdir: options.outdir, esbuild: build });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outdir, files } = await buildNotificationCenter();
  console.log(`built the notification center into ${outdir}: ${files.join(', ')}`);
}
