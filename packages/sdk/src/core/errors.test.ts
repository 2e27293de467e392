import { describe, expect, it } from 'vitest';
import { Oriva } from '../client.js';
import { apiError, json, testClient } from '../fake-fetch.test-support.js';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OrivaError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './errors.js';

describe('error mapping', () => {
  it.each([
    [400, BadRequestError, 'BadRequestError'],
    [401, AuthenticationError, 'AuthenticationError'],
    [403, PermissionDeniedError, 'PermissionDeniedError'],
    [404, NotFoundError, 'NotFoundError'],
    [409, ConflictError, 'ConflictError'],
    [413, APIError, 'APIError'],
    [415, APIError, 'APIError'],
    [422, UnprocessableEntityError, 'UnprocessableEntityError'],
    [429, RateLimitError, 'RateLimitError'],
    [500, InternalServerError, 'InternalServerError'],
    [503, InternalServerError, 'InternalServerError'],
  ] as const)('maps %i to %s', async (status, ErrorClass, name) => {
    const { client, calls } = testClient([apiError(status, 'some_code', 'Something went wrong')], { maxRetries: 0 });
    const error = await client.apps.retrieve('work-buddy').catch((caught: unknown) => caught);
    expect(calls).toHaveLength(1);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(OrivaError);
    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(ErrorClass.prototype);
    const apiErr = error as APIError;
    expect(apiErr.name).toBe(name);
    expect(apiErr.status).toBe(status);
    expect(apiErr.code).toBe('some_code');
    expect(apiErr.requestId).toBe(`req_${status}`);
    expect(apiErr.fields).toEqual([]);
    expect(apiErr.message).toBe(`${status} some_code: Something went wrong (request_id: req_${status})`);
  });

  it('carries the field errors of a validation failure, and lists them in the message', async () => {
    const fields = [
      { path: 'events.3.user_id', code: 'invalid_type', message: 'Expected string, received undefined' },
      { path: 'events.7.event_type', code: 'invalid_string', message: 'must be 1-64 characters' },
    ];
    const { client } = testClient([
      apiError(400, 'validation_failed', 'The request body is invalid', { fields, requestId: 'req_val' }),
    ]);
    const error = (await client.events.publishBatch([]).catch((caught: unknown) => caught)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.code).toBe('validation_failed');
    expect(error.requestId).toBe('req_val');
    expect(error.fields).toEqual(fields);
    expect(error.body).toEqual({
      success: false,
      error: {
        code: 'validation_failed',
        message: 'The request body is invalid',
        status: 400,
        request_id: 'req_val',
        fields,
      },
    });
    expect(error.headers.get('x-request-id')).toBe('req_val');
    expect(error.message).toBe(
      '400 validation_failed: The request body is invalid (request_id: req_val)\n' +
        '  - events.3.user_id: Expected string, received undefined [invalid_type]\n' +
        '  - events.7.event_type: must be 1-64 characters [invalid_string]',
    );
  });

  it('handles a body that is not an Oriva error (a proxy page), taking the request id from the header', async () => {
    const { client } = testClient(
      [new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'x-request-id': 'req_proxy' } })],
      { maxRetries: 0 },
    );
    const error = (await client.apps.list().catch((caught: unknown) => caught)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.code).toBeNull();
    expect(error.requestId).toBe('req_proxy');
    expect(error.body).toBe('<h1>502 Bad Gateway</h1>');
    expect(error.message).toBe('502 <h1>502 Bad Gateway</h1> (request_id: req_proxy)');
  });

  it('handles an empty error body', async () => {
    const error = APIError.generate(404, undefined, new Headers());
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBeNull();
    expect(error.message).toBe('404 status code (no body)');
  });

  it('exposes the error classes on the client class too', async () => {
    const { client } = testClient([json(401, { success: false, error: { code: 'unauthorized', message: 'Bad key' } })]);
    const error = await client.apps.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Oriva.AuthenticationError);
    expect(Oriva.APIError).toBe(APIError);
  });
});
