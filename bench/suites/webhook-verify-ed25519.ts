/**
 * `webhook-verify-ed25519`: verifying a Standard Webhooks `v1a` (Ed25519) delivery of 1 KB with
 * `@oriva/webhook-verify`'s Node `verifyEd25519()`, beside node:crypto's raw `crypto.verify(null, …)` of the same
 * signed content with a prepared KeyObject and signature, in the same process and the same run.
 *
 * The raw figure is the ceiling: it skips what a receiver cannot, reading the three headers, decoding the base64
 * signature, building `${id}.${timestamp}.${body}`, checking the timestamp and parsing the JSON body. Ed25519
 * verification (~tens of µs) dwarfs those, so the target is ours/raw ≥ 0.9 with all of them included. Method as in
 * `webhook-verify.ts`: warm-up, then interleaved rounds, median round reported.
 *
 * Standalone: `npx tsx bench/suites/webhook-verify-ed25519.ts [--quick]`.
 */
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ed25519SignatureHeaders,
  generateEd25519KeyPair,
  verifyEd25519,
} from '../../packages/webhook-verify/src/index.js';
import { deliveryBody, measure, median } from '../lib/micro.js';
import { loadAverage } from '../lib/report.js';
import type { SuiteResult } from '../lib/suite.js';

const TARGET_RATIO = 0.9;

export default async function run(ctx: { quick: boolean }): Promise<SuiteResult> {
  const rounds = ctx.quick ? 3 : 7;
  const roundMs = ctx.quick ? 50 : 200;
  const warmupMs = ctx.quick ? 50 : 400;
  const { privateKey, publicKey } = generateEd25519KeyPair();
  const body = deliveryBody(1024);
  const id = 'msg_2mPq7fTz9XbKQw3LrNvS1aYc';
  const headers = ed25519SignatureHeaders({ id, body, privateKeys: privateKey });
  const keyObject = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey.slice(5), 'base64').toString('base64url') },
    format: 'jwk',
  });
  const signed = Buffer.from(`${id}.${headers['webhook-timestamp']}.${body}`);
  const signature = Buffer.from(headers['webhook-signature'].slice('v1a,'.length), 'base64');
  if (!cryptoVerify(null, signed, keyObject, signature)) throw new Error('node:crypto rejects our v1a signature');
  if (JSON.stringify(verifyEd25519(body, headers, publicKey)) !== JSON.stringify(JSON.parse(body))) {
    throw new Error('verifyEd25519 returned another body');
  }

  const cases: Array<[name: string, fn: () => unknown]> = [
    ['ours', () => verifyEd25519(body, headers, publicKey)],
    ['raw', () => cryptoVerify(null, signed, keyObject, signature)],
    ['json_parse', () => JSON.parse(body)],
  ];
  for (const [, fn] of cases) measure(fn, warmupMs);
  const samples = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of cases) samples.get(name)!.push(measure(fn, roundMs));
  }
  const ours = median(samples.get('ours')!);
  const raw = median(samples.get('raw')!);
  const parse = median(samples.get('json_parse')!);
  const ratio = ours / raw;
  const pass = ratio >= TARGET_RATIO;
  // The raw call returns a boolean; ours also parses the body. Without that, what is left is the library's own cost.
  const withoutParse = 1 / (1 / ours - 1 / parse) / raw;
  const ops = (n: number) => `${Math.round(n).toLocaleString('en-US').padStart(9)} ops/s`;
  return {
    name: 'webhook-verify-ed25519',
    lines: [
      `load average ${loadAverage()}; ${rounds} rounds of ${roundMs} ms per case; 1 KB body`,
      `verifyEd25519 (whpk_ key, headers, JSON.parse)  ${ops(ours)}`,
      `node:crypto verify (raw, prepared)             ${ops(raw)}`,
      `ratio ours/raw                                 ${ratio.toFixed(2).padStart(9)}x       target ≥ ${TARGET_RATIO}x  ${pass ? 'PASS' : 'MISS'}`,
      `ratio without JSON.parse (estimate)            ${withoutParse.toFixed(2).padStart(9)}x       (JSON.parse alone ${ops(parse).trim()})`,
    ],
    metrics: {
      '1kb_ours_ops': Math.round(ours),
      '1kb_node_crypto_raw_ops': Math.round(raw),
      '1kb_ratio': Math.round(ratio * 100) / 100,
      '1kb_ratio_pass': pass ? 1 : 0,
      '1kb_json_parse_ops': Math.round(parse),
      '1kb_ratio_without_json_parse': Math.round(withoutParse * 100) / 100,
    },
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  const result = await run({ quick: process.argv.includes('--quick') });
  console.log(`# ${result.name}`);
  for (const line of result.lines) console.log(line);
}
