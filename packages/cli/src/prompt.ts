/** Questions to the person at the terminal, asked only when there is one. */
import { createInterface } from 'node:readline';
import type { CommandContext } from './context.js';

/** Whether a question can be asked: stdin is a terminal, and `--json` (a script's output) is off. */
export function canAsk(ctx: CommandContext): boolean {
  return ctx.stdin.isTTY === true && !ctx.json;
}

/** Asks `question [y/N]` on stderr and reads one line; anything but y or yes, or no line at all, is no. */
export function confirm(ctx: CommandContext, question: string): Promise<boolean> {
  ctx.stderr.write(`${question} [y/N] `);
  return new Promise((resolve) => {
    const lines = createInterface({ input: ctx.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      lines.close();
      resolve(/^y(es)?$/i.test(line.trim()));
    });
    lines.once('close', () => {
      if (!answered) resolve(false);
    });
  });
}
