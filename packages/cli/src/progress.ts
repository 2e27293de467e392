/** A one-line progress bar for a terminal's stderr. Callers only create one when stderr is a TTY. */
import type { OutputStream } from './output.js';

export interface Progress {
  update(done: number): void;
  /** Erases the bar. */
  finish(): void;
}

export function createProgress(stream: OutputStream, total: number, label: string, width = 30): Progress {
  const render = (done: number) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    stream.write(`\r\u001B[2K${label} ${bar} ${done}/${total} (${Math.round(ratio * 100)}%)`);
  };
  render(0);
  return {
    update: render,
    finish() {
      stream.write('\r\u001B[2K');
    },
  };
}
