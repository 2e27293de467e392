import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serverWithApp } from '../testing/server-with-app.test-support.js';
import { MAX_BODY_BYTES } from './body-guards.js';

const workBuddy = serverWithApp();

const UPLOADS = 20;
const EIGHT_MIB = 8 * 1024 * 1024;
/** Valid JSON all the way, so nothing but its size is wrong with it. */
const oversized = Buffer.from(`{"blob":"${'x'.repeat(EIGHT_MIB - 12)}"}`);
const eventsPath = '/api/v1/apps/work-buddy/events';

interface Answer {
  status: number;
  body: string;
}

/**
 * A raw HTTP/1.1 upload that keeps sending while the server answers, as a client on a real network
 * does: 256 KiB at a time, a timer tick apart, with a Content-Length or chunked. A write error
 * (EPIPE, ECONNRESET) fails the upload: the client never got to read the answer.
 */
function rawUpload(body: Buffer, framing: 'content-length' | 'chunked'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      authorization: `Bearer ${workBuddy.apiKey}`,
      'content-type': 'application/json',
    };
    if (framing === 'content-length') headers['content-length'] = body.length;
    const request = httpRequest(
      `${workBuddy.server.url}${eventsPath}`,
      { method: 'POST', headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    let offset = 0;
    const writeMore = () => {
      if (request.destroyed) return;
      if (offset >= body.length) {
        request.end();
        return;
      }
      const chunk = body.subarray(offset, offset + 256 * 1024);
      offset += chunk.length;
      if (request.write(chunk)) setTimeout(writeMore, 1);
      else request.once('drain', () => setTimeout(writeMore, 1));
    };
    writeMore();
  });
}

function expectPayloadTooLarge(answer: Answer, attempt: string) {
  expect(answer.status, attempt).toBe(413);
  expect(JSON.parse(answer.body), attempt).toMatchObject({
    success: false,
    error: { code: 'payload_too_large', status: 413 },
  });
}

// Twenty 8 MiB uploads take seconds on a busy machine: room for that, never a timing assertion.
describe('a body over the limit', { timeout: 90_000 }, () => {
  it(`reaches fetch (undici) as a 413 every time: ${UPLOADS} sequential 8 MiB uploads`, async () => {
    for (let attempt = 0; attempt < UPLOADS; attempt++) {
      const response = await workBuddy.server.request(eventsPath, {
        method: 'POST',
        token: workBuddy.apiKey,
        headers: { 'content-type': 'application/json' },
        body: oversized,
      });
      expectPayloadTooLarge({ status: response.status, body: await response.text() }, `fetch #${attempt}`);
    }
  });

  it(`reaches a raw client with a Content-Length as a 413 every time (${UPLOADS} uploads)`, async () => {
    for (let attempt = 0; attempt < UPLOADS; attempt++) {
      expectPayloadTooLarge(await rawUpload(oversized, 'content-length'), `content-length #${attempt}`);
    }
  });

  it(`reaches a raw chunked client as a 413 every time (${UPLOADS} uploads)`, async () => {
    for (let attempt = 0; attempt < UPLOADS; attempt++) {
      expectPayloadTooLarge(await rawUpload(oversized, 'chunked'), `chunked #${attempt}`);
    }
  });

  it('leaves bodies within the limit alone, chunked or not', async () => {
    const event = {
      event_category: 'notification',
      event_type: 'dismissed',
      entity_type: 'notification',
      entity_id: 'n1',
      user_id: 'u1',
      event_data: { blob: 'x'.repeat(MAX_BODY_BYTES - 300) },
    };
    const body = Buffer.from(JSON.stringify(event));
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    // Over event_data's own 64 KiB limit, so a 400 that names it: the body was read whole.
    for (const answer of [await rawUpload(body, 'content-length'), await rawUpload(body, 'chunked')]) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).error.fields).toEqual([expect.objectContaining({ path: 'event_data' })]);
    }
  });
});
