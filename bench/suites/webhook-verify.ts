/**
 * `webhook-verify`: verification throughput of `@oriva/webhook-verify`'s Node `verify()` against the reference
 * implementation, the `standardwebhooks` npm package (`new Webhook(secret).verify(body, headers)`, constructed once,
 * as a receiver would), on the same signed deliveries of 1 KB and 64 KB, in the same process and the same run.
 *
 * Method: for each body size, every case is warmed up, then measured in interleaved rounds (ours, ours with a Buffer
 * body, theirs, JSON.parse alone, ours, ...), each round running the case in batches for a fixed time; the median
 * round is reported. Interleaving spreads the noise of the shared machine over every case alike; the ratio
 * ours/theirs is the figure to compare between runs.
 *
 * Both libraries return the parsed event, so both figures include one `JSON.parse` of the body, which costs the
 * same on both sides and dilutes the ratio (it is a large share of our time at 1 KB and most of it at 64 KB). The
 * suite therefore also measures JSON.parse alone and prints an estimated signature-only ratio, with that cost
 * subtracted from both sides. Target: ours/theirs ≥ 3 at 1 KB, JSON.parse included.
 *
 * Standalone: `npx tsx bench/suites/webhook-verify.ts [--quick]`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { generateSecret, signatureHeaders, verify } from '../../packages/webhook-verify/src/index.js';
import { deliveryBody as makeBody, measure, median } from '../lib/micro.js';
import { loadAverage } from '../lib/report.js';

interface SuiteResult {
  name: string;
  lines: string[];
  metrics: Record<string, number>;
}

const TARGET_RATIO_1KB = 3;

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const opsCol = (n: number) => `${int(n).padStart(9)} ops/s`;

/** Time per operation left after removing one JSON.parse, as operations per second. */
function withoutParse(ops: number, parseOps: number): number {
  const rest = 1 / ops - 1 / parseOps;
  return rest > 0 ? 1 / rest : Number.NaN;
}

export default async function run(ctx: { quick: boolean }): Promise<SuiteResult> {
  const rounds = ctx.quick ? 3 : 7;
  const roundMs = ctx.quick ? 50 : 200;
  const warmupMs = ctx.quick ? 50 : 400;
  const secret = generateSecret();
  const theirs = new Webhook(secret);
  const lines: string[] = [`load average ${loadAverage()} (start); ${rounds} rounds of ${roundMs} ms per case`];
  const metrics: Record<string, number> = {};

  for (const [label, size] of [
    ['1kb', 1024],
    ['64kb', 64 * 1024],
  ] as const) {
    const body = makeBody(size);
    const bodyBuffer = Buffer.from(body);
    // Signed now: both verifiers check the timestamp against the clock (5-minute tolerance, far above the run time).
    const headers = signatureHeaders({ id: 'msg_2mPq7fTz9XbKQw3LrNvS1aYc', body, secrets: secret });
    const expected = JSON.stringify(JSON.parse(body));
    for (const result of [
      verify(body, headers, secret),
      verify(bodyBuffer, headers, secret),
      theirs.verify(body, headers),
    ]) {
      if (JSON.stringify(result) !== expected) throw new Error(`the verifiers disagree on the ${label} delivery`);
    }

    const cases: Array<[name: string, fn: () => unknown]> = [
      ['ours', () => verify(body, headers, secret)],
      ['ours_buffer', () => verify(bodyBuffer, headers, secret)],
      ['theirs', () => theirs.verify(body, headers)],
      ['json_parse', () => JSON.parse(body)],
    ];
    for (const [, fn] of cases) measure(fn, warmupMs);
    const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    for (let r = 0; r < rounds; r++) {
      for (const [name, fn] of cases) samples.get(name)!.push(measure(fn, roundMs));
    }
    const ops = (name: string) => median(samples.get(name)!);
    const [ours, oursBuffer, theirsOps, parse] = [ops('ours'), ops('ours_buffer'), ops('theirs'), ops('json_parse')];
    const ratio = ours / theirsOps;
    const sigRatio = withoutParse(ours, parse) / withoutParse(theirsOps, parse);
    const parseShare = ours / parse;

    metrics[`${label}_ours_ops`] = Math.round(ours);
    metrics[`${label}_ours_buffer_ops`] = Math.round(oursBuffer);
    metrics[`${label}_standardwebhooks_ops`] = Math.round(theirsOps);
    metrics[`${label}_json_parse_ops`] = Math.round(parse);
    metrics[`${label}_ratio`] = Math.round(ratio * 100) / 100;
    metrics[`${label}_signature_only_ratio`] = Math.round(sigRatio * 100) / 100;
    metrics[`${label}_json_parse_share`] = Math.round(parseShare * 100) / 100;

    const size_ = `${label.padEnd(4)} body`;
    lines.push(
      `${size_}  ours (string body)      ${opsCol(ours)}   Buffer body ${opsCol(oursBuffer)}`,
      `${' '.repeat(size_.length)}  standardwebhooks        ${opsCol(theirsOps)}`,
      `${' '.repeat(size_.length)}  JSON.parse alone        ${opsCol(parse)}   = ${Math.round(parseShare * 100)}% of our verify time`,
    );
    if (label === '1kb') {
      const pass = ratio >= TARGET_RATIO_1KB;
      metrics['1kb_ratio_pass'] = pass ? 1 : 0;
      lines.push(
        `${' '.repeat(size_.length)}  ratio ours/theirs       ${ratio.toFixed(2).padStart(9)}x       target ≥ ${TARGET_RATIO_1KB}x  ${pass ? 'PASS' : 'MISS'}`,
      );
    } else {
      lines.push(`${' '.repeat(size_.length)}  ratio ours/theirs       ${ratio.toFixed(2).padStart(9)}x`);
    }
    lines.push(
      `${' '.repeat(size_.length)}  signature-only ratio    ${sigRatio.toFixed(2).padStart(9)}x       (estimate: JSON.parse time removed from both)`,
    );
  }
  lines.push(`load average ${loadAverage()} (end)`);
  return { name: 'webhook-verify', lines, metrics };
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  const result = await run({ quick: process.argv.includes('--quick') });
  console.log(`# ${result.name}`);
  for (const line of result.lines) console.log(line);
}
