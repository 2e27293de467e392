/**
 * Runs `seedFeed` (bench/lib/feed-seed.ts) in its own process, for `seedFeedInChild`: options as JSON in
 * `BENCH_FEED_SEED_OPTIONS`, the result written as JSON to the file `BENCH_FEED_SEED_RESULT`. Exits 1 with the error
 * on stderr on failure.
 */
import { writeFileSync } from 'node:fs';
import { type FeedSeedOptions, seedFeed, seedResultToJson } from './feed-seed.js';

const options = process.env.BENCH_FEED_SEED_OPTIONS;
const resultFile = process.env.BENCH_FEED_SEED_RESULT;
if (!options || !resultFile) {
  process.stderr.write('feed-seed-child: BENCH_FEED_SEED_OPTIONS and BENCH_FEED_SEED_RESULT must be set\n');
  process.exit(1);
}

try {
  const result = await seedFeed(JSON.parse(options) as FeedSeedOptions);
  writeFileSync(resultFile, JSON.stringify(seedResultToJson(result)));
  process.exit(0);
} catch (err) {
  process.stderr.write(`feed-seed-child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}
