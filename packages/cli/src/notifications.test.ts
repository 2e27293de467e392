import { afterEach, describe, expect, it, vi } from 'vitest';
import { notificationRecord } from '../../sdk/src/records.test-support.js';
import { checkListFlags } from './commands/notifications/list.run.js';
import { describeNotification, notificationRow } from './commands/notifications/shared.js';
import { applyChanges, parseChanges, parseTypeRef } from './commands/preferences/set.run.js';
import { formatAge, parseFutureTime } from './duration.js';
import { UsageError } from './errors.js';
import { createStyle, escapeTerminal, formatTable } from './output.js';
import { capture, removeTempDirs, run, tempDir } from './run-cli.test-support.js';

const NOW = new Date('2025-09-30T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const plain = createStyle(false);

/** A notification as the API returns it; `overrides` may carry hostile text. */
function notification(overrides: Record<string, unknown> = {}) {
  return { ...notificationRecord({ created_at: ago(5 * 60_000), updated_at: ago(5 * 60_000) }), ...overrides };
}

afterEach(() => {
  vi.unstubAllGlobals();
  removeTempDirs();
});

describe('formatAge', () => {
  it('gives the largest whole unit', () => {
    expect(formatAge(ago(0), NOW)).toBe('0s');
    expect(formatAge(ago(59_999), NOW)).toBe('59s');
    expect(formatAge(ago(5 * 60_000), NOW)).toBe('5m');
    expect(formatAge(ago(2 * 3_600_000 + 59 * 60_000), NOW)).toBe('2h');
    expect(formatAge(ago(3 * 86_400_000), NOW)).toBe('3d');
    expect(formatAge(ago(364 * 86_400_000), NOW)).toBe('364d');
    expect(formatAge(ago(800 * 86_400_000), NOW)).toBe('2y');
  });

  it('reads a future time as 0s and an unreadable one as empty', () => {
    expect(formatAge('2025-09-30T12:00:05.000Z', NOW)).toBe('0s');
    expect(formatAge('soon', NOW)).toBe('');
    expect(formatAge(null, NOW)).toBe('');
  });
});

describe('parseFutureTime', () => {
  it('reads a duration as that long from now, and ISO-8601 as is', () => {
    expect(parseFutureTime('2h', NOW)).toBe('2025-09-30T14:00:00.000Z');
    expect(parseFutureTime('90', NOW)).toBe('2025-09-30T12:01:30.000Z');
    expect(parseFutureTime('2025-10-01T08:00:00+02:00', NOW)).toBe('2025-10-01T06:00:00.000Z');
    expect(parseFutureTime('2025-10-01', NOW)).toBe('2025-10-01T00:00:00.000Z');
    expect(parseFutureTime('tomorrow', NOW)).toBeUndefined();
  });
});

describe('escapeTerminal', () => {
  it('shows ANSI escapes, other control characters and bidi overrides instead of sending them', () => {
    expect(escapeTerminal('\u001b[31mred\u001b[0m')).toBe('\\x1b[31mred\\x1b[0m');
    expect(escapeTerminal('title\u001b]0;pwned\u0007')).toBe('title\\x1b]0;pwned\\x07');
    expect(escapeTerminal('a\u009b2Jb\u007f')).toBe('a\\x9b2Jb\\x7f');
    expect(escapeTerminal('Invoice \u202efdp.exe \u2066x\u2069')).toBe('Invoice \\u202efdp.exe \\u2066x\\u2069');
    expect(escapeTerminal('plain text, ünïcödé and emoji 🎉')).toBe('plain text, ünïcödé and emoji 🎉');
  });

  it('flattens tabs and newlines to one space, or keeps newlines when asked', () => {
    expect(escapeTerminal('a\r\n\tb\nc')).toBe('a b c');
    expect(escapeTerminal('a\r\nb\tc\u001b', { keepNewlines: true })).toBe('a\nb c\\x1b');
  });
});

describe('formatTable maxWidth', () => {
  it('cuts the last column to fit, keeping the others whole', () => {
    const text = formatTable(
      ['ID', 'TITLE'],
      [
        ['ntf_1', 'a title much longer than the room left'],
        ['ntf_2', 'short'],
      ],
      { maxWidth: 25 },
    );
    expect(text).toBe(['ID     TITLE', 'ntf_1  a title much long…', 'ntf_2  short', ''].join('\n'));
    expect(formatTable(['A', 'B'], [['x', 'y'.repeat(30)]], { maxWidth: 5 })).toBe(`A  B\nx  ${'y'.repeat(9)}…\n`);
  });
});

describe('notification rows and details', () => {
  it('a feed row shows the app, priority, status, age and title; an app row the user', () => {
    expect(notificationRow(notification(), 'user', plain, NOW)).toEqual([
      'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
      'Work Buddy',
      'high',
      'unread',
      '5m',
      'Session starting in 10 minutes',
    ]);
    const muted = notification({ muted: true, status: 'read', group_count: 3, created_at: ago(2 * 3_600_000) });
    expect(notificationRow(muted, 'app', plain, NOW)).toEqual([
      'ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T',
      'user_456',
      'high',
      'read (muted)',
      '2h',
      '(3) Session starting in 10 minutes',
    ]);
  });

  it('escapes hostile text in rows and details', () => {
    const hostile = notification({
      app_name: 'Evil\u001b[2J',
      title: 'Hi\u001b]8;;http://evil\u0007link',
      body: 'line 1\nline 2\u001b[1A',
      dismissed_from: 'x\u009b',
      context_data: { k: 'v\u001b' },
    });
    const row = notificationRow(hostile, 'user', plain, NOW);
    expect(row[1]).toBe('Evil\\x1b[2J');
    expect(row[5]).toBe('Hi\\x1b]8;;http://evil\\x07link');
    const pairs = Object.fromEntries(describeNotification(hostile, NOW));
    expect(pairs.body).toBe('line 1 line 2\\x1b[1A');
    expect(pairs.status).toBe('unread (from x\\x9b)');
    expect(pairs.context).toBe('{"k":"v\\u001b"}');
    expect(Object.values(pairs).join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe('flag parsing', () => {
  it('reads <app_id>:<type> references', () => {
    expect(parseTypeRef('--mute-type', 'work-buddy:digest')).toEqual(['work-buddy', 'digest']);
    expect(parseTypeRef('--mute-type', 'a:b:c')).toEqual(['a', 'b:c']);
    for (const bad of ['digest', ':digest', 'work-buddy:', ' : ']) {
      expect(() => parseTypeRef('--mute-type', bad)).toThrow(UsageError);
    }
  });

  it('refuses an empty change and muting and unmuting the same thing', () => {
    expect(() => parseChanges({})).toThrow('nothing to change');
    expect(() => parseChanges({ muteApp: ['hugo'], unmuteApp: ['hugo'] })).toThrow(
      'hugo cannot be both muted and unmuted',
    );
    expect(() => parseChanges({ muteType: ['a:t'], unmuteType: ['a:t'] })).toThrow('a:t cannot be both');
  });

  it('applies the changes to the current preferences, keeping the rest', () => {
    const current = { muted_apps: ['hugo', 'calendar'], muted_types: { 'work-buddy': ['digest'], calendar: ['x'] } };
    const changes = parseChanges({
      muteApp: ['spam', 'hugo'],
      unmuteApp: ['calendar'],
      muteType: ['work-buddy:weekly', 'work-buddy:digest', 'notes:tip'],
      unmuteType: ['calendar:x', 'nobody:y'],
    });
    expect(applyChanges(current, changes)).toEqual({
      muted_apps: ['hugo', 'spam'],
      muted_types: { 'work-buddy': ['digest', 'weekly'], notes: ['tip'] },
    });
    expect(current.muted_types['work-buddy']).toEqual(['digest']);
  });

  it("keeps the app list's and the feed's filters apart", () => {
    expect(checkListFlags({ user: 'u', status: 'read' })).toBe('app');
    expect(checkListFlags({ token: 't', app: 'a', includeMuted: true, status: 'all' })).toBe('user');
    expect(() => checkListFlags({ priority: 'high', status: 'all' })).toThrow(
      "--priority, --status all filter a user's feed",
    );
    expect(() => checkListFlags({ asUser: 'u', externalId: 'x' })).toThrow(
      "--external-id filters an app's notifications, not a user's feed",
    );
  });
});

describe('oriva notifications and preferences: usage', () => {
  it('reports wrong flag combinations as usage errors before any request', async () => {
    const cases: [string[], string][] = [
      [['notifications', 'list', '--app', 'work-buddy'], 'hint: add --as-user <user_id> or --token <jwt>'],
      [['notifications', 'list', '--as-user', 'u', '--token', 't'], 'error: use --as-user or --token, not both'],
      [['notifications', 'read-all'], 'error: this command acts as a user: say which one'],
      [['preferences', 'get'], 'hint: pass --as-user <user_id>'],
      [['preferences', 'set', '--token', 't'], 'error: nothing to change'],
      [['preferences', 'set', '--token', 't', '--mute-type', 'digest'], 'is not <app_id>:<notification_type>'],
      [['notifications', 'create'], 'error: nothing to create'],
      [['notifications', 'create', '--title', 'x', '--body-json', '{}'], 'not both'],
      [['notifications', 'create', '--title', 'x'], 'error: missing --user, --external-id, --type'],
      [['notifications', 'create', '--priority', 'huge'], "argument 'huge' is invalid"],
      [['notifications', 'list', '--limit', '101'], '--limit must be a whole number from 1 to 100'],
      [['notifications', 'read-all', '--token', 't', '--before', 'yesterday'], '--before "yesterday" is neither'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(argv);
      expect({ argv, code: result.code, stdout: result.stdout }).toEqual({ argv, code: 2, stdout: '' });
      expect(result.stderr).toContain(message);
    }
  });

  it('--as-user needs the local secret, and never signs for a remote server with the data dir secret', async () => {
    const dataDir = tempDir('no-secret');
    const local = await run(['notifications', 'list', '--as-user', 'user_456'], { env: { ORIVA_DATA_DIR: dataDir } });
    expect(local.code).toBe(1);
    expect(local.stderr).toContain('error: no JWT secret: ORIVA_JWT_SECRET is unset');
    expect(local.stderr).toContain('or pass --token <jwt> instead of --as-user');

    const remote = await run(['preferences', 'get', '--as-user', 'user_456', '--base-url', 'https://api.example.com']);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toContain(
      "error: --as-user signs a token with a local server's secret, but https://api.example.com is not local",
    );
  });

  it('without user flags or app credentials, says how to act as the user or the app', async () => {
    const result = await run(['notifications', 'show', 'wb_notif_123', '--base-url', 'https://api.example.com']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error: no credentials configured');
    expect(result.stderr).toContain('hint: act as the user with --as-user <user_id> or --token <jwt>');
  });
});

describe('oriva notifications list: the table on a terminal', () => {
  it('escapes hostile text and cuts titles to the terminal width', async () => {
    const created_at = new Date(Date.now() - 5 * 60_000 - 5_000).toISOString();
    const feed = {
      success: true,
      notifications: [
        notification({ title: `Pay now\u001b]0;pwned\u0007\u001b[2J ${'and more '.repeat(20)}`, created_at }),
        notification({ id: 'ntf_2', app_name: 'Evil\u009b31m', priority: 'urgent', status: 'read', created_at }),
      ],
      pagination: { total: 2, limit: 50, offset: 0, has_more: false, next_cursor: null },
      unread_count: 1,
      muted_unread_count: 0,
    };
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify(feed), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const stdout = Object.assign(capture(true), { columns: 100 });
    const token = `x.${Buffer.from(JSON.stringify({ sub: 'user_456' })).toString('base64url')}.y`;
    const result = await run(['notifications', 'list', '--token', token, '--base-url', 'http://oriva.test'], {
      env: { NO_COLOR: '1' },
      stdout,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(calls).toEqual(['http://oriva.test/api/v1/users/user_456/notifications?limit=50']);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const lines = result.stdout.trimEnd().split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(100);
    expect(lines[0]).toMatch(/^ID\s+APP\s+PRIORITY\s+STATUS\s+AGE\s+TITLE$/);
    expect(lines[1]).toMatch(
      /^ntf_01J8ZQ3J5V8C9X2M4N6P7R8S9T\s+Work Buddy\s+high\s+unread\s+5m\s+Pay now\\x1b\]0;pwned\\x/,
    );
    expect(lines[1]).toMatch(/…$/);
    expect(lines[2]).toMatch(/^ntf_2\s+Evil\\x9b31m\s+urgent\s+read\s+5m\s+Session starting in 10 minutes$/);
    expect(lines[3]).toBe('2 notifications · 1 unread');
  });
});
