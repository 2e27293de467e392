/**
 * Ctrl-C for long-running commands (`server start`, `stream tail`, `listen`): the first SIGINT or
 * SIGTERM asks the command to stop, and the command then returns 0: a stop the user asked for is
 * not a failure (`pnpm oriva …` prints ELIFECYCLE for any other exit).
 *
 * Once a signal has asked for a stop, later ones are swallowed until the process exits, instead of
 * killing it halfway through its shutdown or while its output drains: one Ctrl-C under `pnpm`
 * arrives twice, once from the terminal and once forwarded by pnpm to its child.
 */
import type { CommandContext } from './context.js';

export interface StopRequest {
  /** Resolves with `SIGINT`, `SIGTERM` or `abort` (the caller's `AbortSignal`), whichever came first. */
  wait: Promise<string>;
  dispose(): void;
}

/** Installed for good once a stop is underway (see above). */
function swallow(): void {}

export function stopRequested(ctx: Pick<CommandContext, 'signal'>): StopRequest {
  let resolveWait: (reason: string) => void = () => {};
  const wait = new Promise<string>((resolve) => {
    resolveWait = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    for (const name of ['SIGINT', 'SIGTERM'] as const) {
      if (!process.listeners(name).includes(swallow)) process.on(name, swallow);
    }
    resolveWait(signal);
  };
  const onAbort = () => resolveWait('abort');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal?.aborted) onAbort();
  return {
    wait,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      ctx.signal?.removeEventListener('abort', onAbort);
    },
  };
}
