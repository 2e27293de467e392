import { describe, expect, it } from 'vitest';
import { createProgress, writeLineAroundProgress } from './progress.js';
import { capture } from './run-cli.test-support.js';

describe('the progress bar', () => {
  it('a note written while it shows gets a line of its own, and the bar is drawn again below', () => {
    const stderr = capture(true);
    const progress = createProgress(stderr, 10, 'sending', 10);
    progress.update(5);
    stderr.text = '';
    writeLineAroundProgress(stderr, 'note: rate limited by the server');
    expect(stderr.text).toBe('\r\u001B[2Knote: rate limited by the server\n\r\u001B[2Ksending █████░░░░░ 5/10 (50%)');
    progress.finish();
    stderr.text = '';
    writeLineAroundProgress(stderr, 'done');
    expect(stderr.text).toBe('done\n');
  });
});
