import { APIConnectionTimeoutError, APIError } from '@oriva/sdk';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../errors.js';
import { openApiUrl } from './server.js';
import { describeError, errorResult } from './tool-result.js';

describe('oriva mcp tool errors', () => {
  it("carry the API's code, message, request id and fields", () => {
    const body = {
      success: false,
      error: {
        code: 'validation_failed',
        message: 'user_id: is required',
        status: 400,
        request_id: 'req_1',
        fields: [{ path: 'user_id', code: 'invalid_type', message: 'is required' }],
      },
    };
    expect(describeError(APIError.generate(400, body, new Headers()))).toEqual({
      code: 'validation_failed',
      message: 'user_id: is required',
      status: 400,
      request_id: 'req_1',
      fields: [{ path: 'user_id', code: 'invalid_type', message: 'is required' }],
    });
  });

  it('name a missing setting with its hint, and an unreachable server as a connection error', () => {
    expect(describeError(new UserError('no app id configured', { hint: 'pass --app-id' }))).toEqual({
      code: 'cli_error',
      message: 'no app id configured',
      hint: 'pass --app-id',
    });
    expect(describeError(new APIConnectionTimeoutError()).code).toBe('connection_error');
  });

  it('are MCP tool errors with the JSON as text', () => {
    const result = errorResult(new UserError('no API key configured'));
    expect(result.isError).toBe(true);
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual({
      error: { code: 'cli_error', message: 'no API key configured' },
    });
  });
});

describe('the OpenAPI resource', () => {
  it('is read beside the API, behind any proxy prefix', () => {
    expect(openApiUrl('http://127.0.0.1:8787/api/v1')).toBe('http://127.0.0.1:8787/openapi.json');
    expect(openApiUrl('https://example.com/oriva/api/v1/')).toBe('https://example.com/oriva/openapi.json');
  });
});
