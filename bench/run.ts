/**
 * `pnpm bench [--quick] [--only <suite>[,<suite>…]]`
 *
 * Runs each module in bench/suites/*.ts (a suite's name is its file name without `.ts`), one after another, prints its
 * report and writes every result to bench/results/latest.json. Exits 1 if a suite failed (threw); a target MISS is a
 * reported figure, not a failure.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { killAllChildrenSync, repoRoot, stopAllChildren } from './lib/proc.js';
import { type Suite, SuiteFailure, type SuiteResult } from './lib/suite.js';

const suitesDir = join(repoRoot, 'bench/suites');
const resultsDir = join(repoRoot, 'bench/results');
const resultsFile = join(resultsDir, 'latest.json');

const USAGE = 'usage: pnpm bench [--quick] [--only <suite>[,<suite>…]]';

interface Args {
  quick: boolean;
  only: string[] | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '--quick') args.quick = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (value === undefined || value === '' || value.startsWith('--'))
        throw new Error(`--only needs a suite name\n${USAGE}`);
      args.only = [...(args.only ?? []), ...value.split(',').filter((s) => s !== '')];
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return args;
}

interface SuiteRecord {
  name: string;
  file: string;
  ok: boolean;
  duration_s: number;
  lines: string[];
  metrics: Record<string, number>;
  error?: string;
}

function isSuiteResult(v: unknown): v is SuiteResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.name === 'string' &&
    Array.isArray(r.lines) &&
    r.lines.every((l) => typeof l === 'string') &&
    typeof r.metrics === 'object' &&
    r.metrics !== null &&
    Object.values(r.metrics).every((m) => typeof m === 'number')
  );
}

async function runSuite(file: string, name: string, quick: boolean): Promise<SuiteRecord> {
  const t0 = performance.now();
  const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') throw new Error(`${basename(file)} has no default-exported function`);
    const result: unknown = await (mod.default as Suite)({ quick });
    if (!isSuiteResult(result)) {
      throw new Error(`${basename(file)} returned something other than { name, lines: string[], metrics: numbers }`);
    }
    return {
      name: result.name,
      file: basename(file),
      ok: true,
      duration_s: seconds(),
      lines: result.lines,
      metrics: result.metrics,
    };
  } catch (err) {
    const failure = err instanceof SuiteFailure ? err : undefined;
    const message = err instanceof Error ? (failure ? err.message : (err.stack ?? err.message)) : String(err);
    return {
      name,
      file: basename(file),
      ok: false,
      duration_s: seconds(),
      lines: failure?.lines ?? [],
      metrics: failure?.metrics ?? {},
      error: message,
    };
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));

  const files = (await readdir(suitesDir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.ts'.length), file: join(suitesDir, f) }));
  let selected = files;
  if (args.only !== undefined) {
    const unknown = args.only.filter((n) => !files.some((f) => f.name === n));
    if (unknown.length > 0) {
      throw new Error(`no suite named ${unknown.join(', ')}; available: ${files.map((f) => f.name).join(', ')}`);
    }
    selected = files.filter((f) => args.only?.includes(f.name));
  }
  if (selected.length === 0) throw new Error(`no suites found in ${suitesDir}`);

  const startedAt = new Date();
  const loadStart = loadavg();
  console.log(
    `oriva bench${args.quick ? ' --quick' : ''}: ${selected.map((s) => s.name).join(', ')} — node ${process.version}, ` +
      `${cpus().length} cores, load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(
    'figures are ratios against a ceiling measured in the same run; absolute numbers vary with machine load.',
  );

  const records: SuiteRecord[] = [];
  for (const s of selected) {
    console.log(`\n== ${s.name} ==`);
    const rec = await runSuite(s.file, s.name, args.quick);
    records.push(rec);
    for (const line of rec.lines) console.log(line);
    if (rec.ok) console.log(`-- ${rec.name}: done in ${rec.duration_s} s`);
    else console.error(`\n!! SUITE ${rec.name} FAILED after ${rec.duration_s} s:\n${rec.error}`);
  }

  const report = {
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    quick: args.quick,
    only: args.only ?? null,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? 'unknown',
      total_mem_gb: Math.round(totalmem() / 2 ** 30),
      loadavg_start: loadStart,
      loadavg_end: loadavg(),
    },
    ok: records.every((r) => r.ok),
    suites: records,
  };
  await mkdir(resultsDir, { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(report, null, 2)}\n`);

  const failed = records.filter((r) => !r.ok);
  console.log(`\nresults written to ${resultsFile}`);
  if (failed.length > 0) {
    console.error(`${failed.length} suite(s) FAILED: ${failed.map((r) => r.name).join(', ')}`);
    return 1;
  }
  return 0;
}

process.on('exit', killAllChildrenSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping child processes…`);
    void stopAllChildren().finally(() => process.exit(130));
  });
}

// Exit explicitly: a suite that leaves a timer or socket behind must not keep the harness alive.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
