import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies committed WAL pages into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

// Runs in the worker: its own connection, PASSIVE checkpoints (they never block the writer), so
// copying the WAL into the database and its fsync happen off the event loop that serves requests.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {} };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'close') {
    clearInterval(timer);
    checkpoint();
    db.close();
    parentPort.close();
  }
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the main thread. SQLite otherwise runs them inside whichever commit
 * crosses the threshold, stalling every request behind a multi-megabyte copy and an fsync; the
 * main connection sets `wal_autocheckpoint = 0` when this runs.
 */
export function startCheckpointer(path: string): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, driver, intervalMs: CHECKPOINT_INTERVAL_MS },
  });
  worker.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        // Unref'd so it never keeps a process alive, but closing must be waited for: hold a ref until it exits.
        worker.ref();
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}
