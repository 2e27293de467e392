import type { RunTx, Tx } from './transactions.js';

/**
 * Batched commit: the inputs that callers hand in while a transaction is in flight run together in
 * the next one, through ONE call of `run`, which answers each input's result in order (one statement
 * for all of them, where group commit runs each caller's work after the other's). It is for hot
 * writes that are the same statement for every caller: a feed read marking its page delivered, fifty
 * readers at once, was fifty UPDATEs in a row inside one group transaction that every one of them
 * waited on; here it is one UPDATE.
 *
 * Alone, an input waits one turn of the event loop (for inputs made beside it) and its own commit. If
 * a batch fails, each of its inputs runs again alone, so one bad input fails alone. Every caller's
 * promise settles after its commit. `maxBatch` bounds a transaction's size under a flood.
 */
export function batchedCommit<Input, Output>(
  runTx: RunTx,
  run: (tx: Tx, inputs: Input[]) => Promise<Output[]>,
  maxBatch = 200,
): (input: Input) => Promise<Output> {
  interface Pending {
    input: Input;
    resolve: (value: Output) => void;
    reject: (error: unknown) => void;
  }
  let waiting: Pending[] = [];
  let flushing = false;

  const alone = (pending: Pending) =>
    runTx((tx) => run(tx, [pending.input])).then((outputs) => pending.resolve(outputs[0]!), pending.reject);
  const runBatch = async (batch: Pending[]) => {
    if (batch.length === 1) return alone(batch[0]!);
    let outputs: Output[];
    try {
      outputs = await runTx((tx) =>
        run(
          tx,
          batch.map((pending) => pending.input),
        ),
      );
    } catch {
      // One after another, in arrival order, as if the batch had never formed.
      for (const pending of batch) await alone(pending);
      return;
    }
    for (const [i, pending] of batch.entries()) pending.resolve(outputs[i]!);
  };
  const flush = async () => {
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, maxBatch);
        waiting = waiting.slice(batch.length);
        await runBatch(batch);
      }
    } finally {
      flushing = false;
    }
  };

  return (input) =>
    new Promise<Output>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(() => void flush());
      }
    });
}
