import { describe, expect, it } from 'vitest';
import { appColour, readJwt, relativeAge, safeActionUrl } from './format.js';

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

describe('appColour', () => {
  /** WCAG 2 contrast of white text on hsl(h s% l%). */
  function contrastWithWhite(colour: string): number {
    const [h = 0, s = 0, l = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number);
    const a = (s / 100) * Math.min(l / 100, 1 - l / 100);
    const channel = (n: number) => {
      const k = (n + h / 30) % 12;
      const value = l / 100 - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    };
    const luminance = 0.2126 * channel(0) + 0.7152 * channel(8) + 0.0722 * channel(4);
    return 1.05 / (luminance + 0.05);
  }

  it('gives each app its own colour, the same every time', () => {
    expect(appColour('work-buddy')).toBe(appColour('work-buddy'));
    expect(new Set(['work-buddy', 'hugo', 'calendar', 'tasks'].map(appColour)).size).toBe(4);
  });

  it('keeps white initials readable on every hue it can give', () => {
    for (let hue = 0; hue < 360; hue++) {
      const colour = appColour('x').replace(/^hsl\(\d+/, `hsl(${hue}`);
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});
