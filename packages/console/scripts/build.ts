/**
 * Builds the console into this package's `dist/`, which @oriva/server finds by package
 * resolution and serves at `GET /console`. Run by `pnpm build` and `pnpm start` (through this package's
 * `build` script); the browser tests import `buildConsole` and run it before they start a server.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** A path relative to this package's root (this script sits in `scripts/`). */
const fromPackage = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** `dist/`: the assets this package publishes (its package.json `files`). */
export const DIST_DIR = fromPackage('dist');

/** The path the server serves the assets under. */
const PUBLIC_PATH = '/console';

export interface BuildResult {
  outdir: string;
  /** The files written, relative to `outdir`. */
  files: string[];
}

/**
 * Bundles `src/main.tsx` and `styles.css` with esbuild (content-hashed names, so the server may
 * cache them for a year) and writes `index.html` pointing at them.
 *
 * @example
 * const { outdir } = await buildConsole();
 */
export async function buildConsole(options: { outdir?: string } = {}): Promise<BuildResult> {
  const outdir = options.outdir ?? DIST_DIR;
  const result = await build({
    entryPoints: { app: fromPackage('src/main.tsx'), styles: fromPackage('styles.css') },
    outdir,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    sourcemap: true,
    metafile: true,
    write: false,
    // The SDK from source: `pnpm start` needs no SDK build, and the page always matches the SDK in the tree.
    alias: { '@oriva/sdk': fromPackage('../sdk/src/index.ts') },
    legalComments: 'none',
    logLevel: 'warning',
  });

  const written = result.outputFiles.map((file) => basename(file.path));
  const script = written.find((name) => /^app-.*\.js$/.test(name));
  const stylesheet = written.find((name) => /^styles-.*\.css$/.test(name));
  if (!script || !stylesheet) throw new Error(`esbuild wrote no app script or stylesheet: ${written.join(', ')}`);
  const template = await readFile(fromPackage('index.html'), 'utf8');
  const html = template
    .replace('%APP_JS%', `${PUBLIC_PATH}/${script}`)
    .replace('%STYLES_CSS%', `${PUBLIC_PATH}/${stylesheet}`);

  // Replace the previous build whole: old hashed files must not pile up.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await Promise.all(result.outputFiles.map((file) => writeFile(file.path, file.contents)));
  await writeFile(join(outdir, 'index.html'), html);
  return { outdir, files: [...written, 'index.html'].sort() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { outdir, files } = await buildConsole();
  console.log(`built the console into ${outdir}: ${files.join(', ')}`);
}
