import { describe, expect, it } from 'vitest';
import {
  colorsEnabled,
  createStyle,
  formatPairs,
  formatTable,
  maskSecret,
  shortTime,
  visibleLength,
} from './output.js';

describe('formatTable', () => {
  it('aligns columns under the header with no trailing spaces', () => {
    const text = formatTable(
      ['TIME', 'TYPE', 'USER'],
      [
        ['2025-09-30 10:30:00Z', 'notification.dismissed', 'user_456'],
        ['2025-09-30 10:31:00Z', 'task.done', ''],
      ],
    );
    expect(text).toBe(
      [
        'TIME                  TYPE                    USER',
        '2025-09-30 10:30:00Z  notification.dismissed  user_456',
        '2025-09-30 10:31:00Z  task.done',
        '',
      ].join('\n'),
    );
  });

  it('measures styled text by what is visible, cuts long cells and flattens newlines', () => {
    const bold = createStyle(true).bold;
    const text = formatTable(
      ['A', 'B'],
      [
        ['x', 'y'],
        ['a\nb', 'z'.repeat(20)],
      ],
      { headerStyle: bold, maxCellWidth: 8 },
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${bold('A  ')}  ${bold('B')}`);
    expect(lines[1]).toBe('x    y');
    expect(lines[2]).toBe(`a b  ${'z'.repeat(7)}…`);
  });

  it('handles missing cells and empty bodies', () => {
    expect(formatTable(['A', 'B'], [['only-a']])).toBe('A       B\nonly-a\n');
    expect(formatTable(['A', 'B'], [])).toBe('A  B\n');
    expect(formatTable([], [['x']])).toBe('');
  });
});

describe('formatPairs', () => {
  it('aligns labels', () => {
    expect(
      formatPairs([
        ['app_id', 'work-buddy'],
        ['created', 'now'],
      ]),
    ).toBe('app_id   work-buddy\ncreated  now\n');
  });
});

describe('colours', () => {
  it('FORCE_COLOR turns them on through a pipe, and off with 0', () => {
    expect(colorsEnabled({ write: () => true, isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorsEnabled({ write: () => true }, { FORCE_COLOR: '3', NO_COLOR: '1' })).toBe(true);
    expect(colorsEnabled({ write: () => true, isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorsEnabled({ write: () => true, isTTY: false }, { FORCE_COLOR: '' })).toBe(false);
  });

  it('are used only on a TTY with NO_COLOR unset', () => {
    expect(colorsEnabled({ write: () => true, isTTY: true }, {})).toBe(true);
    expect(colorsEnabled({ write: () => true, isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorsEnabled({ write: () => true, isTTY: false }, {})).toBe(false);
    expect(colorsEnabled({ write: () => true }, {})).toBe(false);
    expect(createStyle(false).red('x')).toBe('x');
    expect(createStyle(true).red('x')).toBe('\u001B[31mx\u001B[39m');
    expect(visibleLength(createStyle(true).red('héllo'))).toBe(5);
  });
});

describe('maskSecret', () => {
  it('keeps the prefix and the last four characters', () => {
    expect(maskSecret('ok_live_4f9a8b7c6d5e4f3a2b1c')).toBe('ok_live_…2b1c');
    expect(maskSecret('oat_abcdefghijklmnopqrstuvwxyz')).toBe('oat_…wxyz');
    expect(maskSecret('plainsecretvalue123')).toBe('plai…e123');
    expect(maskSecret('short')).toBe('••••••••');
    expect(maskSecret(undefined)).toBe('');
  });
});

describe('shortTime', () => {
  it('drops the milliseconds and the T', () => {
    expect(shortTime('2025-09-30T10:30:00.000Z')).toBe('2025-09-30 10:30:00Z');
    expect(shortTime('garbage')).toBe('garbage');
    expect(shortTime(null)).toBe('');
  });
});
