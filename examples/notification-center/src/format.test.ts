import { describe, expect, it } from 'vitest';
import { readJwt, relativeAge, safeActionUrl } from './format.js';

describe('safeActionUrl', () => {
  it('opens https URLs and app deep links', () => {
    expect(safeActionUrl('https://workbuddy.example/session/789')).toBe('https://workbuddy.example/session/789');
    expect(safeActionUrl('workbuddy://session/789')).toBe('workbuddy://session/789');
    expect(safeActionUrl('  https://example.com ')).toBe('https://example.com/');
  });

  it('refuses script, inline, local and cleartext links in any spelling', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'blob:https://example.com/1',
      'about:blank',
      'http://example.com',
      '/relative/path',
      '',
      null,
      undefined,
    ]) {
      expect(safeActionUrl(url), String(url)).toBeNull();
    }
  });
});

describe('relativeAge', () => {
  const now = Date.parse('2025-09-30T12:00:00Z');
  it('says how long ago, in words', () => {
    expect(relativeAge('2025-09-30T11:59:50Z', now)).toBe('just now');
    expect(relativeAge('2025-09-30T11:55:00Z', now)).toMatch(/5 minutes ago/);
    expect(relativeAge('2025-09-30T09:00:00Z', now)).toMatch(/3 hours ago/);
    expect(relativeAge('not a date', now)).toBe('');
  });
});

describe('readJwt', () => {
  it('reads sub and exp without verifying, and refuses what is not a JWT', () => {
    const payload = btoa(JSON.stringify({ sub: 'user_456', exp: 1_900_000_000 })).replace(/=+$/, '');
    expect(readJwt(`e30.${payload}.sig`)).toEqual({ sub: 'user_456', exp: 1_900_000_000 });
    expect(readJwt('not-a-token')).toBeNull();
    expect(readJwt(`e30.${btoa('{}')}.sig`)).toBeNull();
  });
});
