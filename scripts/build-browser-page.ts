/**
 * Builds one of the browser pages the server serves (the notification center at `/inbox`, the console
 * at `/console`) into its package's `dist/`. Both pages have the same layout: `src/main.tsx`,
 * `styles.css` and an `index.html` template naming `%APP_JS%` and `%STYLES_CSS%`. Each package's own
 * `scripts/build.ts` calls this with its root and path; this file sits outside every package, so the
 * caller hands over its own esbuild.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { build } from 'esbuild';

export interface BrowserPage {
  /** The package's root directory, as a `file:` URL ending in `/`. */
  packageRoot: URL;
  /** The path the server serves the assets under, e.g. `/console`. */
  publicPath: string;
  /** Where to write; the package's `dist/` by default. */
  outdir?: string | undefined;
  /** The calling package's esbuild `build`. */
  esbuild: typeof build;
}

export interface BuildResult {
  outdir: string;
  /** The files written, relative to `outdir`. */
  files: string[];
}

/**
 * Bundles `src/main.tsx` and `styles.css` with esbuild (content-hashed names, so the server may cache
 * them for a year) and writes `index.html` pointing at them.
 *
 * @example
 * await buildBrowserPage({ packageRoot: new URL('../', import.meta.url), publicPath: '/console', esbuild: build });
 */
export async function buildBrowserPage(page: BrowserPage): Promise<BuildResult> {
  const fromPackage = (path: string) => fileURLToPath(new URL(path, page.packageRoot));
  const outdir = page.outdir ?? fromPackage('dist');
  const result = await page.esbuild({
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
    .replace('%APP_JS%', `${page.publicPath}/${script}`)
    .replace('%STYLES_CSS%', `${page.publicPath}/${stylesheet}`);

  // Replace the previous build whole: old hashed files must not pile up.
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await Promise.all(result.outputFiles.map((file) => writeFile(file.path, file.contents)));
  await writeFile(join(outdir, 'index.html'), html);
  return { outdir, files: [...written, 'index.html'].sort() };
}
