import { describe, expect, it } from 'vitest';
import { readRateLimitHeaders } from './rate-limit-headers.js';

describe('readRateLimitHeaders', () => {
  it("reads the Oriva server's draft-07 headers", () => {
    const headers = new Headers({ 'ratelimit-policy': '1000;w=900', ratelimit: 'limit=1000, remaining=12, reset=812' });
    expect(readRateLimitHeaders(headers)).toEqual({ limit: 1000, window: 900, remaining: 12, reset: 812 });
  });

  it('reads the named policies of drafts 08 and later, the first one when several are listed', () => {
    const headers = new Headers({
      'ratelimit-policy': '"burst";q=100;w=60, "daily";q=1000;w=86400',
      ratelimit: '"burst";r=0;t=30, "daily";r=400;t=5000',
    });
    expect(readRateLimitHeaders(headers)).toEqual({ limit: 100, window: 60, remaining: 0, reset: 30 });
  });

  it('leaves what is missing or unreadable null', () => {
    expect(readRateLimitHeaders(new Headers())).toEqual({ limit: null, window: null, remaining: null, reset: null });
    expect(readRateLimitHeaders(new Headers({ 'ratelimit-policy': 'lots;w=soon' }))).toMatchObject({
      limit: null,
      window: null,
    });
  });
});
