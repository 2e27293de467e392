import { describe, expect, it } from 'vitest';
import { StreamAccessQuery, StreamFilterQuery } from './stream.js';

describe('the stream query', () => {
  it('reads an empty app_id or user_id as no narrowing, but keeps an empty credential to refuse it', () => {
    expect(StreamAccessQuery.parse({ app_id: '', user_id: '', auth: '', ticket: '' })).toEqual({
      auth: '',
      ticket: '',
    });
  });

  it('splits events on commas, trims them, drops blanks and falls back to everything', () => {
    expect(StreamFilterQuery.parse({ events: ' notification.* ,, session.created ' }).events).toEqual([
      'notification.*',
      'session.created',
    ]);
    for (const events of [undefined, '', ' , ']) expect(StreamFilterQuery.parse({ events }).events).toEqual(['*']);
  });

  it('resumes from a position or an event id, and an empty since from now', () => {
    for (const since of ['0', '123456789012345', 'evt_01J8ZQ3J5V8C9X2M4N6P7R8S9T']) {
      expect(StreamFilterQuery.parse({ since }).since).toBe(since);
    }
    expect(StreamFilterQuery.parse({ since: '' }).since).toBeUndefined();
    for (const since of ['1234567890123456', 'evt_lowercase0000000000000000', '-1', ' 1']) {
      expect(StreamFilterQuery.safeParse({ since }).success, since).toBe(false);
    }
  });
});
