import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { stallTrace } from '../../observability/stall-trace.js';

/** How often the checkpointer copies committed WAL pages into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;
/**
 * How long writers wait for a catch-up, and how long after giving up before the next try. A reader in
 * another process (a `sqlite3` shell left in a transaction) can pin the WAL: writes must not stall on it.
 */
const CATCH_UP_TIMEOUT_MS = 1_000;
const CATCH_UP_RETRY_MS = 10_000;
/** How often the WAL's size is looked at: a stat per flush measured 1% of single-event ingest's CPU. */
const SIZE_CHECK_INTERVAL_MS = 50;

// Runs in the worker: its own connection, PASSIVE checkpoints (they never block the writer), so
// copying the WAL into the database and its fsync happen off the event loop that serves requests.
// Each checkpoint reports how many WAL frames there are and how many are copied; 'now' asks for one at once.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => {
  try {
    const started = performance.now();
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ frames: result.log, copied: result.checkpointed, ms: performance.now() - started });
  } catch {}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'now') checkpoint();
  if (message === 'close') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpointer {
  /**
   * Undefined while the WAL file is at most `maxBytes`. Past that, first undefined while one
   * checkpoint runs beside the writes (so little is left to copy), then a promise that settles once a
   * checkpoint has copied every frame: the next write then starts the WAL over from its beginning (and
   * `journal_size_limit` cuts what went past the limit). The caller writes nothing until it settles,
   * or the checkpoint would never catch up; the pause lasts one short checkpoint (its fsync, mostly).
   */
  catchUpIfOver(maxBytes: number): Promise<void> | undefined;
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the main thread. SQLite otherwise runs them inside whichever commit
 * crosses the threshold, stalling every request behind a multi-megabyte copy and an fsync; the
 * main connection sets `wal_autocheckpoint = 0` when this runs.
 *
 * Under sustained writes a PASSIVE checkpoint never finds the WAL fully copied at the moment a write
 * begins, so SQLite never starts the WAL over and the file grows without bound (~330 MB in 4 s of
 * batch ingest). `catchUpIfOver` lets the write queue pause for the checkpoint to catch up.
 */
export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, driver, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  const walFile = `${path}-wal`;
  let catchingUp: { promise: Promise<void>; resolve: () => void; timer: NodeJS.Timeout } | undefined;
  // Set when a catch-up completes: the file only shrinks once the next write has started the WAL over,
  // so that write must go ahead without looking at the size.
  let caughtUp = false;
  let nextTryAt = 0;
  let nextSizeCheckAt = 0;
  let exited = false;
  // Past the limit, one checkpoint first runs while writes go on (`draining`, since when); writes then
  // pause only for the frames written meanwhile (`drained`), and so for one short checkpoint.
  let drainingSince: number | undefined;
  let drained = false;

  worker.on('message', (report: { frames: number; copied: number; ms: number }) => {
    stallTrace.note('checkpoint', report.ms);
    if (drainingSince !== undefined) {
      drainingSince = undefined;
      drained = true;
    }
    if (!catchingUp) return;
    if (report.copied >= report.frames) settleCatchUp();
    else worker.postMessage('now');
  });
  const settleCatchUp = (complete = true) => {
    const waiting = catchingUp;
    if (!waiting) return;
    catchingUp = undefined;
    clearTimeout(waiting.timer);
    caughtUp = complete;
    if (!complete) nextTryAt = Date.now() + CATCH_UP_RETRY_MS;
    worker.unref();
    waiting.resolve();
  };
  // A checkpointer that is gone can make nobody wait.
  worker.on('exit', () => {
    exited = true;
    settleCatchUp(false);
  });

  return {
    catchUpIfOver: (maxBytes) => {
      if (catchingUp) return catchingUp.promise;
      if (caughtUp) {
        caughtUp = false;
        return undefined;
      }
      if (exited) return undefined;
      const now = Date.now();
      if (drainingSince !== undefined && now - drainingSince >= CATCH_UP_TIMEOUT_MS) {
        drainingSince = undefined;
        drained = true;
      }
      if (!drained) {
        if (drainingSince !== undefined || now < nextTryAt || now < nextSizeCheckAt) return undefined;
        nextSizeCheckAt = now + SIZE_CHECK_INTERVAL_MS;
        if (walBytes(walFile) <= maxBytes) return undefined;
        drainingSince = now;
        worker.postMessage('now');
        return undefined;
      }
      drained = false;
      let resolve!: () => void;
      const promise = new Promise<void>((done) => {
        resolve = done;
      });
      catchingUp = { promise, resolve, timer: setTimeout(() => settleCatchUp(false), CATCH_UP_TIMEOUT_MS) };
      // Writers are waiting on this: keep the process alive until it answers.
      worker.ref();
      worker.postMessage('now');
      return promise;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        // Unref'd so it never keeps a process alive, but closing must be waited for: hold a ref until it exits.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}

function walBytes(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.size ?? 0;
}
