/** A one-line progress bar for a terminal's stderr. Callers only create one when stderr is a TTY. */
import type { OutputStream } from './output.js';

export interface Progress {
  update(done: number): void;
  /** Erases the bar. */
  finish(): void;
}

/** The bar drawn on each stream now, so a note written meanwhile can step around it. */
const drawn = new WeakMap<OutputStream, () => void>();

const ERASE_LINE = '\r\u001B[2K';

export function createProgress(stream: OutputStream, total: number, label: string, width = 30): Progress {
  let last = 0;
  const render = (done: number) => {
    last = done;
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    stream.write(`${ERASE_LINE}${label} ${bar} ${done}/${total} (${Math.round(ratio * 100)}%)`);
  };
  render(0);
  drawn.set(stream, () => render(last));
  return {
    update: render,
    finish() {
      drawn.delete(stream);
      stream.write(ERASE_LINE);
    },
  };
}

/**
 * Writes a line of its own to `stream`: with a bar on it, the bar is erased first and drawn again
 * below, instead of the line being appended to the bar's.
 */
export function writeLineAroundProgress(stream: OutputStream, line: string): void {
  const redraw = drawn.get(stream);
  stream.write(redraw ? `${ERASE_LINE}${line}\n` : `${line}\n`);
  redraw?.();
}
