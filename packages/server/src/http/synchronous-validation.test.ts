import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it, vi } from 'vitest';
import { parseRequestsSynchronously } from './synchronous-validation.js';

function routeWith(body: z.ZodType, params: z.ZodType) {
  return createRoute({
    method: 'post',
    path: '/things/{id}',
    request: { params: params as z.ZodObject, body: { content: { 'application/json': { schema: body } } } },
    responses: { 200: { description: 'ok' } },
  });
}

describe('parseRequestsSynchronously', () => {
  it("answers the validator's async parse with a synchronous one, with the same results", async () => {
    const body = z.strictObject({ name: z.string().max(3) });
    const params = z.object({ id: z.string() });
    const expectedValid = body.safeParse({ name: 'abc' });
    const expectedInvalid = body.safeParse({ name: 'abcd', extra: 1 });
    parseRequestsSynchronously(routeWith(body, params));
    const sync = vi.spyOn(body, 'safeParse');

    expect(await body.safeParseAsync({ name: 'abc' })).toEqual(expectedValid);
    const invalid = await body.safeParseAsync({ name: 'abcd', extra: 1 });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues).toEqual(expectedInvalid.error?.issues);
    expect(sync).toHaveBeenCalledTimes(2);
    expect((await params.safeParseAsync({ id: 'x' })).success).toBe(true);
  });

  it('patches a schema shared by several routes once', async () => {
    const body = z.object({ n: z.number() });
    const params = z.object({ id: z.string() });
    parseRequestsSynchronously(routeWith(body, params));
    const patched = body.safeParseAsync;
    parseRequestsSynchronously(routeWith(body, params));
    expect(body.safeParseAsync).toBe(patched);
  });

  it('makes a schema that gained an async refinement fail loudly instead of validating wrongly', async () => {
    const body = z.object({ n: z.number() }).refine(async () => true);
    parseRequestsSynchronously(routeWith(body, z.object({ id: z.string() })));
    await expect(body.safeParseAsync({ n: 1 })).rejects.toThrow();
  });
});
